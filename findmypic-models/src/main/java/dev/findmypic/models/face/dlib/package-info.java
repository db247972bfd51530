/**
 * The "dlib-resnet" face tier: dlib's ResNet face descriptor on DJL's PyTorch engine, from the weights face-api.js
 * publishes, combined with any five-landmark {@link dev.findmypic.models.face.FaceDetector}.
 */
package dev.findmypic.models.face.dlib;
