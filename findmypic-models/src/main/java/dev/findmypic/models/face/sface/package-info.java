/**
 * The fast face tier: YuNet finds faces, OpenCV Zoo's SFace describes them (128-d), both run by OpenCV's own
 * {@code FaceDetectorYN} and {@code FaceRecognizerSF}.
 */
package dev.findmypic.models.face.sface;
