// What one analyser keeps in native memory: decodes four of the benchmark's 12 MP photos at a 1500-pixel short side,
// runs one analyser (ocr, faces, clip, decode or text) over them ROUNDS times, and every EVERY rounds prints glibc's
// mallinfo2(): bytes in use, mapped, and free but kept in the arenas. A figure that grows round after round is a leak.
// Run after benchmarks/pipeline/run.sh (it makes /tmp/fmp-12mp-120, /tmp/clip-b32-bench, /tmp/fmp-faces-yunet-dlib):
//   mvn -B -o -q install -DskipTests
//   mvn -B -o -q -pl findmypic-models dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
//   CP="findmypic-models/target/classes:findmypic-core/target/classes:$(cat /tmp/cp.txt)"
//   MALLOC_ARENA_MAX=2 java -Xmx512m -Dai.djl.offline=true -cp "$CP" benchmarks/pipeline/AnalyserMemoryProbe.java ocr 20 5
import com.sun.jna.*;
import dev.findmypic.core.*;
import dev.findmypic.models.DjlModelProvider;
import java.nio.file.*;
import java.util.*;
public class AnalyserMemoryProbe {
  public interface C extends Library { Mallinfo2.ByValue mallinfo2(); }
  @Structure.FieldOrder({"arena","ordblks","smblks","hblks","hblkhd","usmblks","fsmblks","uordblks","fordblks","keepcost"})
  public static class Mallinfo2 extends Structure { public long arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    public static class ByValue extends Mallinfo2 implements Structure.ByValue {} }
  static C c = Native.load("c", C.class);
  static String mem() { Mallinfo2 m = c.mallinfo2(); return String.format("inuse %d MB, mmapped %d MB, free %d MB", m.uordblks >> 20, m.hblkhd >> 20, m.fordblks >> 20); }
  public static void main(String[] a) throws Exception {
    Path data = Files.createTempDirectory("memory-probe");
    ModelSettings s = new ModelSettings(data, Map.of(ModelRole.CLIP, "/tmp/clip-b32-bench", ModelRole.FACES, "/tmp/fmp-faces-yunet-dlib"), true, 2);
    DjlModelProvider p = new DjlModelProvider();
    PhotoDecoder dec = p.photoDecoder();
    List<Path> files = new ArrayList<>();
    try (var st = Files.list(Path.of("/tmp/fmp-12mp-120"))) { st.sorted().limit(4).forEach(files::add); }
    List<Picture> pics = new ArrayList<>();
    for (Path f : files) pics.add(dec.decode(f, 1500).picture());
    String what = a[0];
    AutoCloseable model;
    Runnable step;
    if (what.equals("ocr")) { OcrEngine o = p.openOcrEngine(s); model = o; step = () -> { for (Picture pic : pics) o.read(pic); }; }
    else if (what.equals("faces")) { FaceRecognizer fr = p.openFaceRecognizer(s); model = fr; step = () -> { for (Picture pic : pics) { var d = fr.detect(pic); if (!d.isEmpty()) fr.embed(pic, d); } }; }
    else if (what.equals("clip")) { Embedder e = p.openEmbedder(ModelRole.CLIP, s); model = e; step = () -> e.embedImages(pics); }
    else if (what.equals("decode")) { model = () -> {}; step = () -> { for (Path f : files) dec.decode(f, 1500); }; }
    else { Embedder e = p.openEmbedder(ModelRole.TEXT, s); model = e; step = () -> e.embedTexts(List.of("some words on a sign " + System.nanoTime(), "another line")); }
    for (int i = 0; i <= Integer.parseInt(a[1]); i++) {
      step.run();
      if (i % Integer.parseInt(a[2]) == 0) { System.gc(); Thread.sleep(200); System.out.println(what + " round " + i + ": " + mem()); }
    }
    model.close();
  }
}
