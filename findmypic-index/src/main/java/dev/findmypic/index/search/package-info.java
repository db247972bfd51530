/**
 * Photo queries: {@link dev.findmypic.index.search.PhotoSearch} (text, similar photo, person, words in photos) with
 * {@link dev.findmypic.index.search.SearchFilter}s applied inside the search, stable sorting and pages, and results
 * that say which signals matched and where (face boxes, OCR lines). User text reaches FTS5 only through
 * {@link dev.findmypic.index.text.FtsQuery}, which cannot be injected into.
 */
package dev.findmypic.index.search;
