package dev.findmypic.models.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.Picture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * {@link PictureMats} copies every pixel to the same place, in RGB or BGR order, for pictures of one band of rows and
 * of several (the last one partial), and for a single pixel.
 */
class PictureMatsTest {
  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1, 1", "7, 5", "300, 400", "4000, 23"})
  void copiesEveryPixelInOrder(int width, int height) {
    byte[] rgb = new byte[width * height * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) (i * 31 + i / 3);
    }
    Picture picture = Picture.ofRgb(width, height, rgb.clone());

    Mat asRgb = PictureMats.rgb(picture);
    Mat asBgr = PictureMats.bgr(picture);
    try {
      assertThat(asRgb.type()).isEqualTo(CvType.CV_8UC3);
      assertThat(asRgb.rows()).isEqualTo(height);
      assertThat(asRgb.cols()).isEqualTo(width);
      byte[] fromRgb = new byte[rgb.length];
      asRgb.get(0, 0, fromRgb);
      assertThat(fromRgb).isEqualTo(rgb);

      byte[] fromBgr = new byte[rgb.length];
      asBgr.get(0, 0, fromBgr);
      for (int p = 0; p < width * height; p++) {
        assertThat(new byte[] {fromBgr[3 * p], fromBgr[3 * p + 1], fromBgr[3 * p + 2]})
            .as("pixel %d", p)
            .containsExactly(rgb[3 * p + 2], rgb[3 * p + 1], rgb[3 * p]);
      }
    } finally {
      asRgb.release();
      asBgr.release();
    }
  }
}
