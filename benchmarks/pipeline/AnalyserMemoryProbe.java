// What one analyser keeps in native memory: decodes four of the benchmark's 12 MP photos at a 1500-pixel short side,
// runs one analyser (ocr, faces, clip, decode or text) over them ROUNDS times, and every EVERY rounds prints glibc's
// mallinfo2(): bytes in use, mapped, and free but kept in the arenas. A figure that grows round after round is a leak.
// Run after benchmarks/pipeline/run.sh (it makes /tmp/fmp-12mp-120, /tmp/clip-b32-bench, /tmp/fmp-faces-yunet-dlib):
//   mvn -B -o -q install -DskipTests
//   mvn -B -o -q -pl findmypic-models dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
//   CP="findmypic-models/target/classes:findmypic-core/target/classes:$(cat /tmp/cp.txt)"
//   MALLOC_ARENA_MAX=2 java -Xmx512m -Dai.djl.offline=true -cp "$CP" benchmarks/pipeline/AnalyserMemoryProbe.java ocr 20 5
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.Embedder;
import dev.findmypic.core.FaceRecognizer;
import dev.findmypic.core.ModelRole;
import dev.findmypic.core.ModelSettings;
import dev.findmypic.core.OcrEngine;
import dev.findmypic.core.Picture;
import dev.findmypic.core.PhotoDecoder;
import dev.findmypic.models.DjlModelProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
public class AnalyserMemoryProbe {
  /** glibc's mallinfo2(). */
  public interface CLibrary extends Library {
    Mallinfo2.ByValue mallinfo2();
  }

  /** glibc's struct mallinfo2: every field a size_t. */
  @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
      "fordblks", "keepcost"})
  public static class Mallinfo2 extends Structure {
    public long arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;

    public static class ByValue extends Mallinfo2 implements Structure.ByValue {}
  }

  private static final CLibrary LIBC = Native.load("c", CLibrary.class);

  private static String memory() {
    Mallinfo2 m = LIBC.mallinfo2();
    return String.format("in use %d MB, mapped %d MB, free in the arenas %d MB",
        m.uordblks >> 20, m.hblkhd >> 20, m.fordblks >> 20);
  }

  public static void main(String[] args) throws Exception {
    String analyser = args[0];
    int rounds = Integer.parseInt(args[1]);
    int every = Integer.parseInt(args[2]);
    ModelSettings settings = new ModelSettings(Files.createTempDirectory("memory-probe"),
        Map.of(ModelRole.CLIP, "/tmp/clip-b32-bench", ModelRole.FACES, "/tmp/fmp-faces-yunet-dlib"), true, 2);
    DjlModelProvider provider = new DjlModelProvider();
    PhotoDecoder decoder = provider.photoDecoder();
    List<Path> files;
    try (var listing = Files.list(Path.of("/tmp/fmp-12mp-120"))) {
      files = listing.sorted().limit(4).toList();
    }
    List<Picture> pictures = new ArrayList<>();
    for (Path file : files) {
      pictures.add(decoder.decode(file, 1500).picture());
    }
    AutoCloseable model;
    Runnable round;
    switch (analyser) {
      case "ocr" -> {
        OcrEngine ocr = provider.openOcrEngine(settings);
        model = ocr;
        round = () -> pictures.forEach(ocr::read);
      }
      case "faces" -> {
        FaceRecognizer faces = provider.openFaceRecognizer(settings);
        model = faces;
        round = () -> pictures.forEach(p -> {
          List<DetectedFace> found = faces.detect(p);
          if (!found.isEmpty()) {
            faces.embed(p, found);
          }
        });
      }
      case "clip" -> {
        Embedder clip = provider.openEmbedder(ModelRole.CLIP, settings);
        model = clip;
        round = () -> clip.embedImages(pictures);
      }
      case "decode" -> {
        model = () -> { };
        round = () -> files.forEach(f -> decoder.decode(f, 1500));
      }
      case "text" -> {
        Embedder text = provider.openEmbedder(ModelRole.TEXT, settings);
        model = text;
        round = () -> text.embedTexts(List.of("some words on a sign " + System.nanoTime(), "another line"));
      }
      default -> throw new IllegalArgumentException("analyser: ocr, faces, clip, decode or text; got " + analyser);
    }
    try (model) {
      for (int i = 0; i <= rounds; i++) {
        round.run();
        if (i % every == 0) {
          System.gc();
          Thread.sleep(200);
          System.out.println(analyser + " round " + i + ": " + memory());
        }
      }
    }
  }
}
