/**
 * CLIP (Hugging Face {@code CLIPModel}) on DJL: {@link dev.findmypic.models.clip.ClipEmbedder} turns texts and
 * pictures into unit vectors of one space; {@link dev.findmypic.models.clip.ClipModel} holds both towers;
 * {@link dev.findmypic.models.clip.ClipImageProcessor} is {@code CLIPImageProcessor} with Pillow's bicubic resampling
 * reproduced byte for byte.
 */
package dev.findmypic.models.clip;
