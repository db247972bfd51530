package dev.findmypic.core.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.findmypic.core.FindMyPicException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a fuzz target over hostile inputs and checks the contract every parser in FindMyPic keeps: an input either
 * parses or fails with a {@link FindMyPicException}; any other exception, any {@link Error} (an
 * {@link OutOfMemoryError} from an unchecked size above all) and any input that takes longer than the time bound fail
 * the test.
 *
 * <p>Regression mode ({@link #regression}) runs a target over its committed corpus ({@code fuzz/<target>/} on the
 * test class path), over real seed files read in place from {@code ../shared}, and over a fixed set of deterministic
 * mutations of both (truncations, byte overwrites, boundary integers, digit runs replaced by huge or negative
 * numbers). Jazzer's {@code @FuzzTest} methods call {@link #check} for the inputs it generates.
 */
public final class FuzzHarness {
  /** The time any single input may take in regression mode. */
  public static final Duration BOUND = Duration.ofSeconds(10);

  private static final byte[][] INTERESTING = {
    {0}, {(byte) 0xFF}, {(byte) 0x7F}, {(byte) 0x80},
    {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F},
    {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F},
    {0, 0, 0, (byte) 0x80},
  };
  private static final String[] NUMBERS = {"-1", "0", "4294967296", "9223372036854775807", "99999999999999999999",
    "1e308", "-9223372036854775808", "2147483648"};

  private FuzzHarness() {}

  /** A parser under test, fed one input. */
  @FunctionalInterface
  public interface Target {
    /**
     * Feeds one input to the code under test.
     *
     * @param input the hostile bytes
     * @throws Exception whatever the code under test throws; only {@link FindMyPicException} is allowed
     */
    void accept(byte[] input) throws Exception;
  }

  /**
   * Runs a target on one input, in the calling thread, and fails unless it returns or throws a
   * {@link FindMyPicException}.
   *
   * @param input the input
   * @param target the target
   * @throws AssertionError naming the unexpected throwable, with the input's hex prefix
   */
  public static void check(byte[] input, Target target) {
    try {
      target.accept(input);
    } catch (FindMyPicException expected) {
      // the library's own refusal: fine
    } catch (Throwable t) {
      Path saved = saveCrash(input);
      throw new AssertionError("saved as " + saved + ": "
          + "fuzz input of " + input.length + " bytes (" + hexPrefix(input) + ") threw "
          + t.getClass().getName() + " instead of a FindMyPicException: " + t.getMessage(), t);
    }
  }

  /**
   * Builds the regression tests of a target: every corpus file, every seed, and {@code mutations} deterministic
   * mutations of each, each run under {@link #BOUND}.
   *
   * @param target the target's corpus name: its files are under {@code fuzz/<target>/} on the test class path
   * @param seeds real files to start from, for example from {@link SharedData#path}
   * @param mutations how many mutants to derive from each corpus file and seed
   * @param fuzz the target
   * @return one dynamic test per input
   */
  public static Stream<DynamicTest> regression(String target, List<Path> seeds, int mutations, Target fuzz) {
    List<Path> starts = new ArrayList<>(corpus(target));
    starts.addAll(seeds);
    return starts.stream().flatMap(start -> {
      byte[] original = read(start);
      Random random = new Random(start.getFileName().toString().hashCode());
      Stream<DynamicTest> self = Stream.of(test(start.getFileName().toString(), original, fuzz));
      Stream<DynamicTest> mutants = java.util.stream.IntStream.range(0, mutations).mapToObj(i ->
          test(start.getFileName() + " mutant " + i, mutate(original, random), fuzz));
      return Stream.concat(self, mutants);
    });
  }

  /**
   * @param target the target's corpus name
   * @return the files committed under {@code fuzz/<target>/} on the test class path, sorted
   * @throws AssertionError if there is no such directory
   */
  public static List<Path> corpus(String target) {
    URL url = FuzzHarness.class.getClassLoader().getResource("fuzz/" + target);
    if (url == null) {
      throw new AssertionError("no fuzz corpus fuzz/" + target + " on the test class path");
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException | URISyntaxException e) {
      throw new AssertionError("cannot list fuzz corpus " + url, e);
    }
  }

  private static DynamicTest test(String name, byte[] input, Target fuzz) {
    return DynamicTest.dynamicTest(name, () -> assertTimeoutPreemptively(BOUND, () -> check(input, fuzz),
        () -> name + " took longer than " + BOUND));
  }

  /**
   * Derives one mutant of an input.
   *
   * @param original the input, left unchanged
   * @param random the source of choices; a seeded one gives the same mutants every run
   * @return the mutant
   */
  static byte[] mutate(byte[] original, Random random) {
    if (original.length == 0) {
      return new byte[] {(byte) random.nextInt()};
    }
    switch (random.nextInt(4)) {
      case 0:
        return java.util.Arrays.copyOf(original, random.nextInt(original.length));
      case 1: {
        byte[] b = original.clone();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
          b[random.nextInt(b.length)] = (byte) random.nextInt();
        }
        return b;
      }
      case 2: {
        byte[] b = original.clone();
        byte[] value = INTERESTING[random.nextInt(INTERESTING.length)];
        int at = random.nextInt(b.length);
        System.arraycopy(value, 0, b, at, Math.min(value.length, b.length - at));
        return b;
      }
      default:
        return replaceDigitRun(original, random);
    }
  }

  private static byte[] replaceDigitRun(byte[] original, Random random) {
    String text = new String(original, StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(text);
    List<int[]> runs = new ArrayList<>();
    while (m.find()) {
      runs.add(new int[] {m.start(), m.end()});
    }
    if (runs.isEmpty()) {
      return java.util.Arrays.copyOf(original, original.length / 2);
    }
    int[] run = runs.get(random.nextInt(runs.size()));
    String mutated = text.substring(0, run[0]) + NUMBERS[random.nextInt(NUMBERS.length)] + text.substring(run[1]);
    return mutated.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Keeps a failing input under {@code target/fuzz-crashes/} so that it can become a corpus file. */
  private static Path saveCrash(byte[] input) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-crashes"));
      return Files.write(dir.resolve("crash-" + Integer.toHexString(java.util.Arrays.hashCode(input))), input);
    } catch (IOException e) {
      return Path.of("(not saved: " + e.getMessage() + ")");
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fuzz seed " + file, e);
    }
  }

  private static String hexPrefix(byte[] input) {
    return HexFormat.of().formatHex(input, 0, Math.min(input.length, 32)) + (input.length > 32 ? "..." : "");
  }
}
