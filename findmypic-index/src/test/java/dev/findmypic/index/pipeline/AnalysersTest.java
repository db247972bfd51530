package dev.findmypic.index.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.Picture;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeFaces;
import dev.findmypic.index.testing.FakeOcr;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Analysers#minShortSide()}: how small the decoder may make a photo for the analysers configured. */
class AnalysersTest {
  @TempDir Path tmp;

  private final OpenCvPhotoDecoder decoder = new OpenCvPhotoDecoder();

  @Test
  void eachConfigurationAsksForTheShortSideItsSmallestNeedAllows() {
    assertThat(new Analysers(decoder, new FakeClip(), null, null, null, Map.of()).minShortSide()).isEqualTo(224);
    assertThat(new Analysers(decoder, new FakeClip(), null, new FakeFaces(), null, Map.of()).minShortSide())
        .isEqualTo(1080);
    assertThat(new Analysers(decoder, new FakeClip(), null, new FakeFaces(), new FakeOcr(), Map.of()).minShortSide())
        .isEqualTo(1500);
  }

  @Test
  void withOcrATwelveMegapixelJpegIsDecodedAtHalfAndASmallerOneAtFullSize() throws Exception {
    int side = new Analysers(decoder, new FakeClip(), null, new FakeFaces(), new FakeOcr(), Map.of()).minShortSide();

    Picture twelve = decoder.decode(jpeg("12mp.jpg", 4000, 3000), side).picture();
    assertThat(twelve.width()).isEqualTo(2000);
    assertThat(twelve.height()).isEqualTo(1500);
    assertThat(twelve.scale()).isEqualTo(0.5);

    Picture eight = decoder.decode(jpeg("8mp.jpg", 3264, 2448), side).picture();
    assertThat(eight.width()).isEqualTo(3264);
    assertThat(eight.scale()).isEqualTo(1.0);
  }

  private Path jpeg(String name, int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(width / 2, height / 2, 0xffffff);
    Path file = tmp.resolve(name);
    ImageIO.write(image, "jpg", file.toFile());
    return file;
  }
}
