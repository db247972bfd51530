package dev.findmypic.models.face.dlib;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.findmypic.core.Picture;
import dev.findmypic.core.Point;
import dev.findmypic.core.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The face-api.js reference in {@code reference/dlib-resnet-face}: 60 aligned chips with the landmarks they were cut
 * from and the descriptors face-api.js computed, and a decoder that reads images as the reference did (PIL
 * {@code convert("RGB")}: no EXIF rotation, grey replicated, alpha dropped).
 */
public final class DlibReference {
  /** One reference chip. */
  public record Crop(String file, String identity, String sourceImage, List<Point> landmarks, double a, double b,
      double tx, double ty, float[] descriptor) {
    /** @return the chip PNG */
    public Path chipPath() {
      return SharedData.path("reference/dlib-resnet-face/" + file);
    }

    /** @return the photo the chip was cut from */
    public Path sourcePath() {
      return SharedData.path("fixtures/faces/" + sourceImage);
    }
  }

  static {
    nu.pattern.OpenCV.loadLocally();
  }

  private DlibReference() {}

  /** @return the 60 crops, in file order */
  public static List<Crop> crops() {
    try {
      JsonObject root = JsonParser.parseString(
          Files.readString(SharedData.path("reference/dlib-resnet-face/reference.json"))).getAsJsonObject();
      List<Crop> crops = new ArrayList<>();
      for (JsonElement e : root.getAsJsonArray("crops")) {
        JsonObject c = e.getAsJsonObject();
        List<Point> landmarks = new ArrayList<>();
        for (JsonElement p : c.getAsJsonArray("landmarks")) {
          landmarks.add(new Point(p.getAsJsonArray().get(0).getAsFloat(), p.getAsJsonArray().get(1).getAsFloat()));
        }
        JsonObject t = c.getAsJsonObject("transform_chip_to_image");
        JsonArray d = c.getAsJsonArray("descriptor");
        float[] descriptor = new float[d.size()];
        for (int i = 0; i < descriptor.length; i++) {
          descriptor[i] = d.get(i).getAsFloat();
        }
        crops.add(new Crop(c.get("crop").getAsString(), c.get("identity").getAsString(),
            c.get("source_image").getAsString(), landmarks, t.get("a").getAsDouble(), t.get("b").getAsDouble(),
            t.get("tx").getAsDouble(), t.get("ty").getAsDouble(), descriptor));
      }
      return crops;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes an image to RGB as PIL's {@code convert("RGB")} does, without EXIF rotation.
   *
   * @param path the image
   * @return the picture
   */
  public static Picture decode(Path path) {
    Mat bgr = Imgcodecs.imread(path.toString(), Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
    if (bgr.empty()) {
      throw new AssertionError("OpenCV cannot decode " + path);
    }
    Mat rgb = new Mat();
    Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
    byte[] bytes = new byte[(int) (rgb.total() * 3)];
    rgb.get(0, 0, bytes);
    Picture picture = Picture.ofRgb(rgb.cols(), rgb.rows(), bytes);
    bgr.release();
    rgb.release();
    return picture;
  }

  /** @return the chips' pictures, decoded from their PNGs */
  public static List<Picture> chips(List<Crop> crops) {
    return crops.stream().map(c -> decode(c.chipPath())).toList();
  }
}
