/**
 * The photo library: {@link dev.findmypic.index.PhotoLibrary} indexes folders of photos with the core analysers
 * (CLIP, faces, OCR, a text embedder) and searches them.
 *
 * <pre>
 * roots ──discovery──▶ prepare (hash, decode once) ──▶ analyse (batched SPIs) ──▶ commit (1 transaction/batch)
 *                                                                                   │
 *                       catalogue (SQLite, WAL: files, vectors, faces, OCR lines, FTS5) ◀┘
 *                            │ source of truth                ▲ one writer, many readers
 *                            ▼                                │
 *                vector indexes (exact / HNSW, cached files) ─┴─▶ search: signals, filters, fusion, pages
 * </pre>
 *
 * <ul>
 *   <li>{@code catalogue}: the SQLite database, its schema and migrations, and every read and write.</li>
 *   <li>{@code vectors}: exact and HNSW vector indexes, derived from the catalogue and rebuilt when stale.</li>
 *   <li>{@code pipeline}: the incremental, concurrent, crash-safe indexing run.</li>
 *   <li>{@code search}: text, similar-photo, person and words-in-photo queries with filters and pages.</li>
 * </ul>
 * This module knows the core SPIs only, never DJL or OpenCV: any {@code ModelProvider} plugs in.
 */
package dev.findmypic.index;
