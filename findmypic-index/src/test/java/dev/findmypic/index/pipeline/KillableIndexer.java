package dev.findmypic.index.pipeline;

import dev.findmypic.core.DecodedPhoto;
import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.index.IndexSummary;
import dev.findmypic.index.LibraryOptions;
import dev.findmypic.index.PhotoLibrary;
import dev.findmypic.index.testing.FakeClip;
import dev.findmypic.index.testing.FakeDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The child process of {@link KillTest}: indexes one root with fake analysers, slowed down so that a kill lands
 * mid-run, and appends every decoded path to a log.
 *
 * <p>Arguments: data directory, root, decode log, milliseconds per decode.
 */
public final class KillableIndexer {
  private KillableIndexer() {}

  /**
   * Runs the indexer.
   *
   * @param args data directory, root, decode log, milliseconds per decode
   */
  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    Path root = Path.of(args[1]);
    Path log = Path.of(args[2]);
    long delay = Long.parseLong(args[3]);
    FakeDecoder fake = new FakeDecoder();
    PhotoDecoder logging = (file, minShortSide) -> {
      DecodedPhoto photo = fake.decode(file, minShortSide);
      try {
        Thread.sleep(delay);
        Files.writeString(log, file + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND, StandardOpenOption.SYNC);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return photo;
    };
    try (PhotoLibrary library = PhotoLibrary.open(data, LibraryOptions.builder().decoder(logging)
        .clip(new FakeClip()).threads(2).batchSize(KillTest.BATCH).build())) {
      library.addRoot(root);
      System.out.println("INDEXING");
      System.out.flush();
      IndexSummary summary = library.index(p -> { });
      System.out.println("DONE " + summary.added() + " " + summary.updated());
    }
  }
}
