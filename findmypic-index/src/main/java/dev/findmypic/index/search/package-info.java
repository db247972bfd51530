/**
 * Photo queries: {@link dev.findmypic.index.search.PhotoSearch} (text, similar photo, person, words in photos) with
 * {@link dev.findmypic.index.search.SearchFilter}s applied inside the search, stable sorting and pages, and results
 * that say which signals matched and where (face boxes, OCR lines). {@link dev.findmypic.index.search.FtsQuery} turns
 * user text into FTS5 expressions that cannot be injected into.
 */
package dev.findmypic.index.search;
