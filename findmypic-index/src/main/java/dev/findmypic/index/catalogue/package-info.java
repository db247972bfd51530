/**
 * The catalogue: one SQLite database per library (WAL, busy timeout, foreign keys), the source of truth for roots,
 * files, their metadata and status, and everything the analysers found. {@link
 * dev.findmypic.index.catalogue.Catalogue} owns the connections; {@link dev.findmypic.index.catalogue.PhotoWrites}
 * and {@link dev.findmypic.index.catalogue.PhotoReads} hold the SQL.
 */
package dev.findmypic.index.catalogue;
