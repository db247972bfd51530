/** Face alignment from five landmarks: dlib's face chip transform and its supersampled bilinear chip extraction. */
package dev.findmypic.models.face.align;
