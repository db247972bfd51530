package dev.findmypic.models.image.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.findmypic.core.testing.FuzzHarness;
import dev.findmypic.core.testing.FuzzScratch;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes the image decode path: the header inspectors (JPEG, PNG, GIF, BMP, WebP, TIFF), the EXIF parser and then
 * OpenCV's native decoder, through {@link OpenCvPhotoDecoder}. Seeds: every file of {@code fixtures/formats} in
 * {@code ../shared} under 64 KB (truncated, zero-byte, bombs, odd EXIF, every format), each with mutants.
 */
class PhotoDecodeFuzzTest {
  private static final FuzzScratch SCRATCH = FuzzScratch.create("photo");
  private static final OpenCvPhotoDecoder DECODER = new OpenCvPhotoDecoder(4_000_000);
  private static final long SEED_LIMIT = 64 * 1024;

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    return FuzzHarness.regression("photo-decode", smallFormatFixtures(), 2, PhotoDecodeFuzzTest::target);
  }

  @FuzzTest(maxDuration = "2m")
  void fuzz(byte[] input) {
    FuzzHarness.check(input, PhotoDecodeFuzzTest::target);
  }

  private static void target(byte[] input) {
    try {
      DECODER.decode(SCRATCH.write("photo", input), 64);
    } finally {
      SCRATCH.assertOnly("photo");
    }
  }

  private static List<Path> smallFormatFixtures() throws IOException {
    try (Stream<Path> files = Files.walk(SharedData.path("fixtures/formats"))) {
      return files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().endsWith(".md") && !f.getFileName().toString().endsWith(".tsv"))
          .filter(f -> f.toFile().length() <= SEED_LIMIT).sorted().toList();
    }
  }
}
