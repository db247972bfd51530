/**
 * Text-search pieces shared by the photo search ({@link dev.findmypic.index.search}) and the document search
 * ({@link dev.findmypic.index.docs}): the safe FTS5 query builder {@link dev.findmypic.index.text.FtsQuery} and
 * {@link dev.findmypic.index.text.ReciprocalRankFusion}.
 */
package dev.findmypic.index.text;
