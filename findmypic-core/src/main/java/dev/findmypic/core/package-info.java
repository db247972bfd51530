/**
 * The FindMyPic API: the service-provider interfaces that analyse a photo ({@link dev.findmypic.core.Embedder},
 * {@link dev.findmypic.core.FaceRecognizer}, {@link dev.findmypic.core.OcrEngine}), the values they exchange, and
 * the exceptions they throw.
 *
 * <p>Conventions shared by every type here:
 * <ul>
 *   <li>Vectors are {@code float[]}, L2-normalised (unit length) unless a method says otherwise.</li>
 *   <li>Coordinates are pixels of the <em>upright</em> picture, that is after the EXIF orientation has been applied,
 *       with the origin at the top-left corner, x to the right and y down.</li>
 *   <li>Values are immutable and thread-safe. Analysers are thread-safe unless their javadoc says otherwise; the
 *       caller that opened an analyser closes it.</li>
 *   <li>Failures are reported as unchecked {@link dev.findmypic.core.FindMyPicException}s that name the file or model
 *       involved and the cause.</li>
 * </ul>
 * This module has no dependency on DJL, OpenCV, SQLite or any file format.
 */
package dev.findmypic.core;
