package dev.findmypic.index.load;

import dev.findmypic.core.ImageDecodeException;
import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import dev.findmypic.index.testing.FakeFaces;
import dev.findmypic.index.testing.FakeOcr;
import dev.findmypic.index.testing.TestPhotos;
import java.nio.file.Path;

/**
 * The photos and stand-in analysers of {@link IndexingUnderLoadTest}, the same in the test's JVM and in its child
 * indexer: tiny PNGs in four folders, dated by name over 2020, every third with a face, each with a line of text
 * that {@link FakeOcr} reads ("receipt number i").
 */
final class LoadFixture {
  static final int FOLDERS = 4;

  private LoadFixture() {}

  static Path photo(Path root, int i) {
    return root.resolve("d" + (i % FOLDERS)).resolve(String.format("2020-%02d-15_p%d.png", 1 + i % 12, i));
  }

  static void writePhotos(Path root, int count) {
    for (int i = 0; i < count; i++) {
      TestPhotos.Face[] faces = i % 3 == 0
          ? new TestPhotos.Face[] {new TestPhotos.Face(1 + i % 5, 12, 10, 14)}
          : new TestPhotos.Face[0];
      TestPhotos.write(photo(root, i), (i * 0x0b0703) & 0xffffff, marker(i), faces);
    }
  }

  private static int marker(int i) {
    return 0x100000 + i;
  }

  /**
   * The stand-in analysers.
   *
   * @param count how many photos there are
   * @param decodeMillis how long each decode is made to take, so that indexing lasts while queries run
   * @return options with decoder, CLIP, faces and OCR set
   */
  static LibraryOptions.Builder options(int count, long decodeMillis) {
    FakeOcr ocr = new FakeOcr();
    for (int i = 0; i < count; i++) {
      ocr.teach(marker(i), "receipt number " + i);
    }
    return LibraryOptions.builder().decoder(slow(new FakeDecoder(), decodeMillis)).clip(new FakeClip())
        .faces(new FakeFaces()).ocr(ocr);
  }

  private static PhotoDecoder slow(PhotoDecoder decoder, long millis) {
    return (file, minShortSide) -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImageDecodeException("interrupted while decoding " + file, e);
      }
      return decoder.decode(file, minShortSide);
    };
  }

  static QueryMix queries(Path root) {
    FakeDecoder decoder = new FakeDecoder();
    return new QueryMix(root.resolve("d1"), decoder.decode(photo(root, 5), 0).picture(),
        decoder.decode(photo(root, 3), 0).picture(), "receipt num");
  }
}
