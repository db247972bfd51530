package dev.findmypic.index.pipeline;

import dev.findmypic.core.Embedder;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.PhotoDecoder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The analysers a library runs; any of them may be absent (null), and what needs it is then off.
 *
 * @param decoder the photo decoder, required
 * @param clip the CLIP embedder (text and image), or null
 * @param text the text embedder for OCR text and file names, or null
 * @param faces the face recogniser, or null
 * @param ocr the OCR engine, or null
 * @param unavailable why each missing model is off, by role, as the model provider explained it
 */
public record Analysers(PhotoDecoder decoder, Embedder clip, Embedder text, FaceRecognizer faces, OcrEngine ocr,
    Map<ModelRole, String> unavailable) {
  /** The short side CLIP needs, in pixels. */
  public static final int CLIP_SHORT_SIDE = 224;
  /** The short side face detection is run at, in pixels; small faces in large photos stay findable. */
  public static final int FACES_SHORT_SIDE = 1080;
  /**
   * The short side OCR is run at, in pixels: a 12 MP JPEG (4000x3000) is decoded at 1/2, 2000x1500, a quarter of the
   * pixels; smaller photos at full size. PP-OCR's detector sees at most 960 pixels on the long side either way, and
   * the recogniser scales each line to 48 pixels high. Decoding, faces and OCR's picture copies get 4x fewer pixels:
   * CPU per photo with CLIP, faces and OCR 2.52 -> 1.59 s (benchmarks/pipeline/RESULTS.md, with the cost in accuracy
   * when the print is small).
   */
  public static final int OCR_SHORT_SIDE = 1500;

  /** Checks that there is a decoder. */
  public Analysers {
    Objects.requireNonNull(decoder, "a PhotoDecoder is required");
    unavailable = Map.copyOf(unavailable);
  }

  /** @return each configured role with its model's key */
  public Map<ModelRole, String> modelKeys() {
    Map<ModelRole, String> keys = new EnumMap<>(ModelRole.class);
    if (clip != null) {
      keys.put(ModelRole.CLIP, clip.info().key());
    }
    if (text != null) {
      keys.put(ModelRole.TEXT, text.info().key());
    }
    if (faces != null) {
      keys.put(ModelRole.FACES, faces.info().key());
    }
    if (ocr != null) {
      keys.put(ModelRole.OCR, ocr.info().key());
    }
    return keys;
  }

  /**
   * The smallest short side the analysers need, so the decoder may decode at a reduced scale:
   * {@value #OCR_SHORT_SIDE} when OCR runs, {@value #FACES_SHORT_SIDE} for faces, {@value #CLIP_SHORT_SIDE} for CLIP
   * alone.
   *
   * @return the short side in pixels
   */
  public int minShortSide() {
    if (ocr != null) {
      return OCR_SHORT_SIDE;
    }
    return faces != null ? FACES_SHORT_SIDE : CLIP_SHORT_SIDE;
  }

  /** @return a sentence for each feature that is off because its analyser is missing */
  public List<String> disabledFeatures() {
    List<String> off = new ArrayList<>();
    if (clip == null) {
      off.add(unavailable.getOrDefault(ModelRole.CLIP, "visual search is off: no CLIP embedder"));
    }
    if (faces == null) {
      off.add(unavailable.getOrDefault(ModelRole.FACES, "face search is off: no face recogniser"));
    }
    if (ocr == null) {
      off.add(unavailable.getOrDefault(ModelRole.OCR, "words-in-photos search is off: no OCR engine"));
    }
    if (text == null) {
      off.add(unavailable.getOrDefault(ModelRole.TEXT,
          "semantic search over OCR text and file names is off: no text embedder"));
    }
    return off;
  }
}
