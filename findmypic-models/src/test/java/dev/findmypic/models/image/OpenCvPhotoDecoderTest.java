package dev.findmypic.models.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.findmypic.core.DecodedPhoto;
import dev.findmypic.core.ImageDecodeException;
import dev.findmypic.core.PhotoMetadata;
import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class OpenCvPhotoDecoderTest {
  private static final Path FORMATS = SharedData.path("fixtures/formats");
  private static final Pattern OK = Pattern.compile("ok (\\d+)x(\\d+).*");
  private final OpenCvPhotoDecoder decoder = new OpenCvPhotoDecoder();

  static Stream<Arguments> manifest() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    for (String line : Files.readAllLines(FORMATS.resolve("manifest.tsv")).stream().skip(1).toList()) {
      String[] f = line.split("\t");
      rows.add(Arguments.of(f[0], f[1], f[2]));
    }
    return rows.stream();
  }

  /**
   * Every file of the shared formats manifest: "ok WxH" decodes to that upright size, "error:" throws
   * ImageDecodeException naming the file, and HEIF/AVIF (listed as ok, since libheif reads them) are refused with a
   * message that says why, because the OpenCV build has no HEIF/AVIF codec. Nothing may take more than 10 s.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("manifest")
  void decodesOrRefusesEveryManifestFile(String path, String kind, String expected) {
    Path file = FORMATS.resolve(path);
    Matcher ok = OK.matcher(expected);
    boolean heif = kind.startsWith("heic") || kind.startsWith("heif") || kind.startsWith("avif");
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      if (ok.matches() && !heif) {
        DecodedPhoto photo = decoder.decode(file, 0);
        int w = Integer.parseInt(ok.group(1));
        int h = Integer.parseInt(ok.group(2));
        assertThat(photo.picture().width()).as("width").isEqualTo(w);
        assertThat(photo.picture().height()).as("height").isEqualTo(h);
        assertThat(photo.picture().scale()).isEqualTo(1.0);
        assertThat(photo.metadata().width()).isEqualTo(w);
        assertThat(photo.metadata().height()).isEqualTo(h);
      } else {
        assertThatThrownBy(() -> decoder.decode(file, 0))
            .isInstanceOf(ImageDecodeException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining(heif ? "not supported" : "");
      }
    });
  }

  /** Our orientation handling gives exactly the pixels of OpenCV's own EXIF-aware imread, for all 8 orientations. */
  @Test
  void orientationMatchesOpenCvsOwnExifHandling() {
    for (String shape : new String[] {"Landscape", "Portrait"}) {
      for (int o = 1; o <= 8; o++) {
        Path file = FORMATS.resolve("exif_orientation/recurser/" + shape + "_" + o + ".jpg");
        DecodedPhoto photo = decoder.decode(file, 300); // 1/4 scale keeps the test fast
        assertThat(photo.metadata().orientation()).isEqualTo(o);
        Mat bgr = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_REDUCED_COLOR_4);
        Mat rgb = new Mat();
        Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
        byte[] expected = new byte[(int) rgb.total() * 3];
        rgb.get(0, 0, expected);
        assertThat(photo.picture().width()).isEqualTo(rgb.cols());
        assertThat(photo.picture().copyRgb()).as(file.toString()).isEqualTo(expected);
      }
    }
  }

  @Test
  void webpOrientationIsAppliedToo() {
    Picture upright = decoder.decode(FORMATS.resolve("webp/pillow/hopper.webp"), 0).picture();
    for (int o = 2; o <= 8; o++) {
      DecodedPhoto photo = decoder.decode(FORMATS.resolve("exif_orientation/pillow/hopper_orientation_" + o + ".webp"), 0);
      assertThat(photo.metadata().orientation()).isEqualTo(o);
      // after the transform the picture is the upright hopper again, up to lossy-compression noise
      assertThat(meanAbsoluteDifference(upright, photo.picture())).as("orientation " + o).isLessThan(8);
    }
  }

  @Test
  void reducedScaleJpegKeepsTheShortSideAndSaysItsScale() {
    Path file = FORMATS.resolve("exif_orientation/recurser/Landscape_6.jpg");
    DecodedPhoto photo = decoder.decode(file, 300);
    assertThat(photo.picture().scale()).isEqualTo(0.25);
    assertThat(photo.picture().width()).isEqualTo(450); // stored 1200x1800, upright 1800x1200
    assertThat(photo.picture().height()).isEqualTo(300);
    assertThat(photo.metadata().width()).isEqualTo(1800);
    assertThat(photo.metadata().height()).isEqualTo(1200);
    assertThat(decoder.decode(file, 301).picture().scale()).isEqualTo(0.5);
    assertThat(decoder.decode(file, 1201).picture().scale()).isEqualTo(1.0);
    // PNG has no scaled decoding: full size whatever is asked
    assertThat(decoder.decode(FORMATS.resolve("png/libjpeg-turbo/monkey16.png"), 10).picture().scale()).isEqualTo(1.0);
  }

  /** Expected values read with Pillow's getexif() on the same files. */
  @Test
  void readsDateCameraAndGps() {
    PhotoMetadata canon = decoder.decode(FORMATS.resolve("jpeg/exif-samples/Canon_40D.jpg"), 0).metadata();
    assertThat(canon.format()).isEqualTo("jpeg");
    assertThat(canon.camera()).isEqualTo("Canon EOS 40D");
    assertThat(canon.takenAt()).isEqualTo(LocalDateTime.of(2008, 5, 30, 15, 56, 1));
    assertThat(canon.latitude()).isNull(); // its GPS directory holds only the version

    PhotoMetadata nikon = decoder.decode(SharedData.path("fixtures/photos/exif-samples/DSCN0010.jpg"), 0).metadata();
    assertThat(nikon.camera()).isEqualTo("NIKON COOLPIX P6000");
    assertThat(nikon.takenAt()).isEqualTo(LocalDateTime.of(2008, 10, 22, 16, 28, 39));
    assertThat(nikon.latitude()).isCloseTo(43 + 28 / 60.0 + 2.814 / 3600, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(nikon.longitude()).isCloseTo(11 + 53 / 60.0 + 6.456 / 3600, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void formatComesFromTheBytesNotTheName() {
    assertThat(decoder.decode(FORMATS.resolve("generated/png_content_named.jpg"), 0).metadata().format()).isEqualTo("png");
  }

  @Test
  void alphaIsCompositedOverWhite() {
    Picture p = decoder.decode(FORMATS.resolve("png/pngsuite/basn6a08.png"), 0).picture();
    // the top-left pixel of basn6a08 is fully transparent
    assertThat(new int[] {p.sample(0, 0, 0), p.sample(0, 0, 1), p.sample(0, 0, 2)}).containsOnly(255);
  }

  @Test
  void hostileExifNeverLoopsOrOverAllocates(@TempDir Path dir) throws IOException {
    byte[] original = Files.readAllBytes(FORMATS.resolve("jpeg/exif-samples/Canon_40D.jpg"));
    java.util.Random random = new java.util.Random(7);
    for (int trial = 0; trial < 300; trial++) {
      byte[] copy = original.clone();
      for (int k = 0; k < 8; k++) {
        int at = 12 + random.nextInt(2000); // inside the APP1 EXIF block
        copy[at] = (byte) random.nextInt(256);
      }
      Path file = dir.resolve("fuzz.jpg");
      Files.write(file, copy);
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
        try {
          assertThat(decoder.decode(file, 0).picture().width()).isPositive();
        } catch (ImageDecodeException expected) {
          assertThat(expected).hasMessageContaining(file.toString());
        }
      });
    }
  }

  @Test
  void configurablePixelLimitRefusesLargeImages() {
    OpenCvPhotoDecoder small = new OpenCvPhotoDecoder(1000);
    assertThatThrownBy(() -> small.decode(FORMATS.resolve("jpeg/libjpeg-turbo/testorig.jpg"), 0))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining("227x149")
        .hasMessageContaining("limit");
  }

  @Test
  void missingFileIsAnImageDecodeException() {
    assertThatThrownBy(() -> decoder.decode(FORMATS.resolve("no/such.jpg"), 0))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining("no such file");
  }

  private static double meanAbsoluteDifference(Picture a, Picture b) {
    byte[] x = a.copyRgb();
    byte[] y = b.copyRgb();
    assertThat(y.length).isEqualTo(x.length);
    long sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += Math.abs((x[i] & 0xFF) - (y[i] & 0xFF));
    }
    return (double) sum / x.length;
  }
}
