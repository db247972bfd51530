/**
 * Semantic document search: text documents under the library's roots (PDF, DOCX, PPTX, XLSX, ODT, TXT, Markdown,
 * HTML) are extracted with Apache Tika, split into overlapping passages, embedded with a text
 * {@link dev.findmypic.core.Embedder}, and searched by keywords (SQLite FTS5, BM25), by meaning (cosine over the
 * passage vectors), or by both fused with reciprocal rank fusion. {@link dev.findmypic.index.docs.DocumentIndex} is
 * the entry point.
 *
 * <p>The index lives in its own SQLite file, {@code documents.db} in the data directory, in WAL mode. It is
 * incremental: a document whose size and modification time are unchanged, and whose passages were embedded by the
 * same model, is skipped; a document no longer under the roots is dropped. Vectors of two models never mix: a
 * change of embedding model re-embeds every document on the next update.
 */
package dev.findmypic.index.docs;
