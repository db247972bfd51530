package dev.findmypic.models.clip;

import dev.findmypic.core.ModelFormatException;
import dev.findmypic.core.Picture;
import dev.findmypic.models.image.PillowResize;
import dev.findmypic.models.nn.ConfigJson;
import java.nio.file.Path;

/**
 * transformers' {@code CLIPImageProcessor} (the Pillow-based one) in Java: shortest edge resized with Pillow's
 * bicubic filter ({@link PillowResize}), centre crop, rescale to [0, 1], normalise with the configured mean and
 * standard deviation, channels first. Thread-safe and immutable.
 */
public final class ClipImageProcessor {
  private static final int PIL_BICUBIC = 3;
  private static final double[] OPENAI_MEAN = {0.48145466, 0.4578275, 0.40821073};
  private static final double[] OPENAI_STD = {0.26862954, 0.26130258, 0.27577711};

  private final int shortestEdge;
  private final int cropHeight;
  private final int cropWidth;
  private final double rescaleFactor;
  private final float[] mean;
  private final float[] std;

  /**
   * Creates a processor.
   *
   * @param shortestEdge the length the shorter side is resized to
   * @param cropHeight the output height
   * @param cropWidth the output width
   * @param rescaleFactor the factor that maps 0..255 to 0..1, {@code 1/255}
   * @param mean per-channel mean, subtracted after rescaling
   * @param std per-channel standard deviation, divided by after subtracting the mean
   */
  public ClipImageProcessor(
      int shortestEdge, int cropHeight, int cropWidth, double rescaleFactor, double[] mean, double[] std) {
    if (shortestEdge < 1 || cropHeight < 1 || cropWidth < 1 || mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException("bad CLIP preprocessing: shortest edge " + shortestEdge + ", crop "
          + cropHeight + "x" + cropWidth + ", " + mean.length + " means, " + std.length + " standard deviations");
    }
    this.shortestEdge = shortestEdge;
    this.cropHeight = cropHeight;
    this.cropWidth = cropWidth;
    this.rescaleFactor = rescaleFactor;
    this.mean = new float[3];
    this.std = new float[3];
    for (int c = 0; c < 3; c++) {
      this.mean[c] = (float) mean[c];
      this.std[c] = (float) std[c];
    }
  }

  /**
   * Reads a {@code preprocessor_config.json}. Resizing, centre cropping, rescaling and normalising must be on (as
   * every CLIP checkpoint has them) and the resampling must be bicubic.
   *
   * @param file the file
   * @return the processor
   * @throws ModelFormatException naming the file and key if the config asks for something else
   */
  public static ClipImageProcessor read(Path file) {
    ConfigJson json = ConfigJson.read(file);
    for (String flag : new String[] {"do_resize", "do_center_crop", "do_rescale", "do_normalize"}) {
      if (!json.getBoolean(flag, true)) {
        throw new ModelFormatException(file + ": " + flag + " = false is not supported");
      }
    }
    int resample = json.getInt("resample", PIL_BICUBIC);
    if (resample != PIL_BICUBIC) {
      throw new ModelFormatException(file + ": resample " + resample + " is not supported, only 3 (bicubic)");
    }
    int edge = json.has("size") && !json.isObject("size")
        ? json.getInt("size", 224)
        : json.object("size", null).getInt("shortest_edge", 224);
    int cropHeight;
    int cropWidth;
    if (json.has("crop_size") && !json.isObject("crop_size")) {
      cropHeight = json.getInt("crop_size", 224);
      cropWidth = cropHeight;
    } else {
      ConfigJson crop = json.object("crop_size", null);
      cropHeight = crop.getInt("height", 224);
      cropWidth = crop.getInt("width", 224);
    }
    return new ClipImageProcessor(edge, cropHeight, cropWidth, json.getDouble("rescale_factor", 1 / 255.0),
        json.getDoubles("image_mean", OPENAI_MEAN), json.getDoubles("image_std", OPENAI_STD));
  }

  /** @return the number of floats one picture becomes: {@code 3 * cropHeight * cropWidth} */
  public int pixelCount() {
    return 3 * cropHeight * cropWidth;
  }

  /** @return the output height */
  public int height() {
    return cropHeight;
  }

  /** @return the output width */
  public int width() {
    return cropWidth;
  }

  /**
   * Preprocesses one picture into a slot of a batch buffer.
   *
   * @param picture the picture
   * @param out the batch buffer, channels first: {@code [batch, 3, height, width]}
   * @param offset where this picture's {@link #pixelCount()} floats start
   */
  public void process(Picture picture, float[] out, int offset) {
    int w = picture.width();
    int h = picture.height();
    int newW;
    int newH;
    if (w <= h) {
      newW = shortestEdge;
      newH = (int) ((double) shortestEdge * h / w);
    } else {
      newH = shortestEdge;
      newW = (int) ((double) shortestEdge * w / h);
    }
    // centre crop as transformers does it; where the crop is larger than the image, it pads with zeros
    int top = Math.floorDiv(newH - cropHeight, 2);
    int left = Math.floorDiv(newW - cropWidth, 2);
    int regionTop = Math.max(top, 0);
    int regionLeft = Math.max(left, 0);
    int rows = Math.min(top + cropHeight, newH) - regionTop;
    int columns = Math.min(left + cropWidth, newW) - regionLeft;
    byte[] region = PillowResize.resizeRegion(
        picture.rgb(), 3, w, h, newW, newH, regionLeft, regionTop, columns, rows, PillowResize.Filter.BICUBIC);
    int plane = cropHeight * cropWidth;
    for (int y = 0; y < cropHeight; y++) {
      int ry = y + top - regionTop;
      for (int x = 0; x < cropWidth; x++) {
        int rx = x + left - regionLeft;
        boolean inside = ry >= 0 && ry < rows && rx >= 0 && rx < columns;
        for (int c = 0; c < 3; c++) {
          int value = inside ? region[(ry * columns + rx) * 3 + c] & 0xFF : 0;
          float rescaled = (float) (value * rescaleFactor);
          out[offset + c * plane + y * cropWidth + x] = (rescaled - mean[c]) / std[c];
        }
      }
    }
  }
}
