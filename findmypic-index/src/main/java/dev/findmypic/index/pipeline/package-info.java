/**
 * Indexing: {@link dev.findmypic.index.pipeline.IndexingPipeline} runs discovery, hashing and decoding, batched
 * analysis and batched commits as concurrent stages with bounded queues; incremental, cancellable and crash-safe.
 *
 * <p>Formats: every file whose extension names an image format (JPEG, PNG, GIF, BMP, WebP, TIFF, HEIC/HEIF, AVIF)
 * goes to the decoder; the decoder decides what it can read, and a file it refuses (HEIC/AVIF without a codec, a
 * truncated file, a decompression bomb) is recorded as failed with its reason. Other files are not photos.
 */
package dev.findmypic.index.pipeline;
