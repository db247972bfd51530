package dev.findmypic.models.ocr.easyocr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.models.image.PillowResize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads crops as EasyOCR's {@code get_text} does: each crop normalised to [-1, 1] and padded on the right to its own
 * padded width by repeating its last column ({@code AlignCollate}/{@code NormalizePAD}), greedy CTC decoding, then a
 * second reading with stretched contrast for crops whose confidence is below the threshold, keeping the better one.
 * Crops of equal padded width are run as one batch, which gives the same result as EasyOCR's one-at-a-time CPU path.
 */
final class TextRecognizer {
  /** Columns of input per batch, to bound the memory of one forward pass. */
  private static final int MAX_BATCH_COLUMNS = 16 * 640;
  private final RecognizerNet net;
  private final CtcGreedyDecoder decoder;
  private final double contrastThreshold;
  private final double adjustContrast;

  /**
   * @param net the recogniser network
   * @param decoder the CTC decoder of its character set
   * @param contrastThreshold crops read with lower confidence are read again with more contrast
   * @param adjustContrast the contrast target of the second reading
   */
  TextRecognizer(RecognizerNet net, CtcGreedyDecoder decoder, double contrastThreshold, double adjustContrast) {
    this.net = net;
    this.decoder = decoder;
    this.contrastThreshold = contrastThreshold;
    this.adjustContrast = adjustContrast;
  }

  /**
   * Reads crops.
   *
   * @param crops the crops
   * @param manager the scope of this call's arrays
   * @return one recognition per crop, in order
   */
  List<Recognition> recognize(List<Crop> crops, NDManager manager) {
    List<Recognition> first = run(crops, Crop::grey, manager);
    List<Crop> retry = new ArrayList<>();
    List<Integer> retryIndex = new ArrayList<>();
    for (int i = 0; i < crops.size(); i++) {
      if (first.get(i).confidence() < contrastThreshold) {
        retry.add(crops.get(i));
        retryIndex.add(i);
      }
    }
    if (retry.isEmpty()) {
      return first;
    }
    List<Recognition> second = run(retry, c -> ContrastAdjuster.adjust(c.grey(), adjustContrast), manager);
    List<Recognition> out = new ArrayList<>(first);
    for (int j = 0; j < retry.size(); j++) {
      int i = retryIndex.get(j);
      if (!(first.get(i).confidence() > second.get(j).confidence())) {
        out.set(i, second.get(j));
      }
    }
    return out;
  }

  private List<Recognition> run(List<Crop> crops, Function<Crop, byte[]> pixels, NDManager manager) {
    Recognition[] out = new Recognition[crops.size()];
    Map<Integer, List<Integer>> byWidth = new LinkedHashMap<>();
    for (int i = 0; i < crops.size(); i++) {
      byWidth.computeIfAbsent(crops.get(i).paddedWidth(), k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<Integer, List<Integer>> group : byWidth.entrySet()) {
      int width = group.getKey();
      List<Integer> members = group.getValue();
      int batch = Math.max(1, MAX_BATCH_COLUMNS / width);
      for (int from = 0; from < members.size(); from += batch) {
        List<Integer> part = members.subList(from, Math.min(members.size(), from + batch));
        float[] input = new float[part.size() * EnglishG2.HEIGHT * width];
        for (int b = 0; b < part.size(); b++) {
          Crop c = crops.get(part.get(b));
          normalizePadded(pixels.apply(c), c.width(), c.height(), width, input, b * EnglishG2.HEIGHT * width);
        }
        try (NDManager scope = manager.newSubManager()) {
          NDArray x = scope.create(input, new Shape(part.size(), 1, EnglishG2.HEIGHT, width));
          float[] logits = net.forward(x).logits().toFloatArray();
          int steps = logits.length / (part.size() * decoder.classes());
          for (int b = 0; b < part.size(); b++) {
            out[part.get(b)] = decoder.decode(logits, b * steps * decoder.classes(), steps);
          }
        }
      }
    }
    return List.of(out);
  }

  /**
   * {@code AlignCollate} for one crop: squeeze to height 64 (Pillow bicubic; a no-op for crops already 64 high),
   * scale to [-1, 1] as {@code ToTensor} then {@code (x - 0.5) / 0.5}, and repeat the last column up to the padded
   * width.
   */
  private static void normalizePadded(byte[] grey, int w, int h, int padded, float[] out, int offset) {
    int height = EnglishG2.HEIGHT;
    int rw = Math.min((int) Math.ceil(height * ((double) w / h)), padded);
    byte[] img = PillowResize.resize(grey, 1, w, h, rw, height, PillowResize.Filter.BICUBIC);
    for (int y = 0; y < height; y++) {
      int row = offset + y * padded;
      for (int x = 0; x < padded; x++) {
        int v = img[y * rw + Math.min(x, rw - 1)] & 0xFF;
        out[row + x] = ((float) v / 255f - 0.5f) / 0.5f;
      }
    }
  }
}
