package dev.findmypic.index.catalogue;

/**
 * What the catalogue holds.
 *
 * @param roots the number of roots
 * @param indexedFiles files analysed
 * @param failedFiles files that could not be analysed
 * @param faces faces found
 * @param ocrLines lines of text found
 * @param imageVectors CLIP image vectors, over every model
 * @param textVectors text-embedder vectors, over every model
 */
public record CatalogueStats(
    long roots, long indexedFiles, long failedFiles, long faces, long ocrLines, long imageVectors, long textVectors) {}
