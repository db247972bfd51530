package dev.findmypic.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.findmypic.core.Picture;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.index.IndexProgress;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.search.PhotoHit;
import dev.findmypic.index.vectors.Neighbor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesTest {
  @TempDir Path dataDir;
  @TempDir Path photos;

  @Test
  void quickStartFindsAPageByWordsInIt() throws IOException {
    copy("fixtures/ocr/tesseract_pages/phototest.tif");
    copy("fixtures/photos/skimage/chelsea.png");

    List<PhotoHit> hits = QuickStart.indexAndSearch(dataDir, photos, "quick brown fox");

    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).path().getFileName()).hasToString("phototest.tif");
  }

  @Test
  void indexWithProgressReportsEveryFile() throws IOException {
    copy("fixtures/photos/skimage/chelsea.png");
    copy("fixtures/photos/skimage/coffee.png");
    copy("fixtures/photos/skimage/astronaut.png");
    List<IndexProgress> events = new CopyOnWriteArrayList<>();

    IndexSummary summary = IndexWithProgress.index(dataDir, photos, events::add);

    assertThat(summary.added()).isEqualTo(3);
    assertThat(summary.failures()).isEmpty();
    assertThat(events).anySatisfy(p -> assertThat(p.filesDone()).isEqualTo(3).isEqualTo(p.filesTotal()));
  }

  @Test
  void aCustomEmbedderRanksByItsOwnSpace() throws IOException {
    solid("red.png", Color.RED);
    solid("green.png", new Color(20, 200, 30));
    solid("blue.png", Color.BLUE);

    List<PhotoHit> hits = CustomEmbedderSearch.search(dataDir, photos, "green");

    assertThat(hits.get(0).path().getFileName()).hasToString("green.png");
  }

  @Test
  void hostOwnedStorageFindsTheHostsOwnIds() {
    HostOwnedStorage storage = new HostOwnedStorage(new ColourEmbedder(), 100);
    storage.put(Map.of(1001L, picture(250, 10, 10), 1002L, picture(10, 10, 250), 1003L, picture(10, 250, 10)));

    List<Neighbor> found = storage.find("something blue", 2);

    assertThat(found).hasSize(2);
    assertThat(found.get(0).id()).isEqualTo(1002L);
    assertThat(found.get(0).similarity()).isGreaterThan(found.get(1).similarity());
  }

  private void copy(String shared) throws IOException {
    Path source = SharedData.path(shared);
    Files.copy(source, photos.resolve(source.getFileName()));
  }

  private void solid(String name, Color colour) throws IOException {
    BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 32, 24);
    g.dispose();
    ImageIO.write(image, "png", photos.resolve(name).toFile());
  }

  private static Picture picture(int r, int g, int b) {
    byte[] rgb = new byte[4 * 4 * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = (byte) r;
      rgb[i + 1] = (byte) g;
      rgb[i + 2] = (byte) b;
    }
    return Picture.ofRgb(4, 4, rgb);
  }
}
