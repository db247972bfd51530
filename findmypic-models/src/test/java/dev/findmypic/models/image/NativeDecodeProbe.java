package dev.findmypic.models.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A child-JVM probe for {@code benchmarks/hostile/native_decode.sh}, never run inside the test JVM.
 *
 * <ul>
 *   <li>{@code crash <dir>}: hands every file to OpenCV's native {@code imdecode} with NO header validation, printing
 *       {@code TRY <file>} before each, so that the parent can name the file that killed the JVM;
 *   <li>{@code cost <dir> <reps>}: per file, the median time of the header validation the decoder runs
 *       ({@link OpenCvPhotoDecoder#inspect}) against the median time of the native decode.
 * </ul>
 */
final class NativeDecodeProbe {
  private NativeDecodeProbe() {}

  /**
   * @param args {@code crash <dir>} or {@code cost <dir> <reps>}
   * @throws Exception on an unreadable file; a native crash ends the JVM instead
   */
  public static void main(String[] args) throws Exception {
    OpenCvNatives.ensureLoaded();
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(args[1]))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    if (args[0].equals("crash")) {
      for (Path f : files) {
        System.out.println("TRY " + f.getFileName());
        System.out.flush();
        try {
          Imgcodecs.imdecode(new MatOfByte(Files.readAllBytes(f)), Imgcodecs.IMREAD_UNCHANGED).release();
        } catch (RuntimeException | OutOfMemoryError e) {
          System.out.println("EXC " + f.getFileName() + " " + e.getClass().getSimpleName());
        }
      }
      System.out.println("DONE " + files.size());
      return;
    }
    int reps = Integer.parseInt(args[2]);
    System.out.println("file\tbytes\tvalidate_us\tdecode_us");
    for (Path f : files) {
      byte[] data = Files.readAllBytes(f);
      long[] validate = new long[reps];
      long[] decode = new long[reps];
      for (int r = 0; r < reps; r++) {
        long t0 = System.nanoTime();
        try {
          OpenCvPhotoDecoder.inspect(new ByteReader(data, 0, data.length, true));
        } catch (InvalidImage e) {
          // refused: the cost is still the validation's
        }
        long t1 = System.nanoTime();
        try {
          Imgcodecs.imdecode(new MatOfByte(data), Imgcodecs.IMREAD_UNCHANGED).release();
        } catch (RuntimeException e) {
          // refused by OpenCV: the cost is still the decoder's
        }
        long t2 = System.nanoTime();
        validate[r] = t1 - t0;
        decode[r] = t2 - t1;
      }
      Arrays.sort(validate);
      Arrays.sort(decode);
      System.out.printf("%s\t%d\t%.1f\t%.1f%n", f.getFileName(), data.length, validate[reps / 2] / 1e3,
          decode[reps / 2] / 1e3);
    }
  }
}
