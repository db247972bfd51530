package dev.findmypic.index.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.findmypic.core.testing.SharedData;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.Sql;
import dev.findmypic.models.image.OpenCvPhotoDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of {@code shared/fixtures/formats} through the pipeline with the real OpenCV decoder: each is indexed
 * with its upright size, or recorded as failed with the decoder's reason; nothing hangs or crashes.
 */
class FormatsFixtureTest {
  private static final Pattern OK = Pattern.compile("ok (\\d+)x(\\d+).*");

  @TempDir Path tmp;

  @Test
  void everyFileIsIndexedOrRecordedAsFailedWithAReason() throws Exception {
    Path formats = SharedData.path("fixtures/formats");
    List<String> manifest = Files.readAllLines(formats.resolve("manifest.tsv"));
    Path data = tmp.resolve("data");
    IndexSummary summary;
    try (PhotoLibrary library = PhotoLibrary.open(data, LibraryOptions.builder().decoder(new OpenCvPhotoDecoder())
        .clip(new FakeClip()).fileTimeout(Duration.ofSeconds(30)).build())) {
      library.addRoot(formats);
      summary = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> library.index(p -> { }));
      assertThat(library.checkIntegrity()).isEmpty();
    }
    Map<String, List<String>> rows = new HashMap<>();
    for (List<String> row : Sql.rows(data, "SELECT path, status, width, height, error FROM files")) {
      rows.put(formats.relativize(Path.of(row.get(0))).toString(), row);
    }
    int indexed = 0;
    for (String line : manifest.subList(1, manifest.size())) {
      String[] f = line.split("\t");
      String path = f[0];
      String kind = f[1];
      String expected = f[2];
      List<String> row = rows.get(path);
      assertThat(row).as("catalogue row of " + path).isNotNull();
      Matcher ok = OK.matcher(expected);
      boolean heif = kind.startsWith("heic") || kind.startsWith("heif") || kind.startsWith("avif");
      if (ok.matches() && !heif) {
        assertThat(row.subList(1, 4)).as(path).containsExactly("INDEXED", ok.group(1), ok.group(2));
        indexed++;
      } else {
        assertThat(row.get(1)).as(path).isEqualTo("FAILED");
        assertThat(row.get(4)).as(path).startsWith("ImageDecodeException: cannot decode").contains(path);
      }
    }
    System.out.printf("formats fixture: %d files, %d indexed, %d failed, in %s%n", manifest.size() - 1, indexed,
        summary.failures().size(), summary.elapsed());
    assertThat(summary.added()).isEqualTo(indexed);
    assertThat(rows).hasSize(manifest.size() - 1);
  }
}
