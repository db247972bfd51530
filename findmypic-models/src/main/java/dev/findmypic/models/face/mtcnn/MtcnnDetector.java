package dev.findmypic.models.face.mtcnn;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.findmypic.core.DetectedFace;
import dev.findmypic.core.InferenceException;
import dev.findmypic.core.ModelException;
import dev.findmypic.core.Picture;
import dev.findmypic.models.face.FaceDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * facenet-pytorch's MTCNN ({@code MTCNN(keep_all=True).detect(img, landmarks=True)}) on DJL's PyTorch engine, from
 * facenet-pytorch's own {@code pnet.pt}, {@code rnet.pt} and {@code onet.pt} state_dicts.
 *
 * <p>Every step follows facenet-pytorch's {@code detect_face} in float32: the image pyramid (minimum face size,
 * factor), area resampling, P-Net candidates, the NMS passes (0.5 per scale, 0.7 over all scales, 0.7 after R-Net,
 * 0.7 'Min' after O-Net), box regression, squaring, padding, the 24 and 48 pixel patches, landmarks and probabilities.
 * Boxes are not clipped to the picture, as in facenet-pytorch; faces come highest probability first (facenet-pytorch
 * orders them by area). One difference: a box lying wholly outside the picture is dropped, where facenet-pytorch
 * would misalign its batch.
 *
 * <p>Thread-safe. Closing frees the weights.
 */
public final class MtcnnDetector implements FaceDetector {
  private static final int BATCH = 512;

  private final NDManager manager;
  private final MtcnnNets nets;
  private final MtcnnOptions options;

  private MtcnnDetector(NDManager manager, MtcnnNets nets, MtcnnOptions options) {
    this.manager = manager;
    this.nets = nets;
    this.options = options;
  }

  /**
   * Opens MTCNN from a directory holding facenet-pytorch's {@code pnet.pt}, {@code rnet.pt} and {@code onet.pt}.
   *
   * @param directory the directory (facenet-pytorch's {@code data/})
   * @param options thresholds and pyramid settings
   * @return the detector; the caller closes it
   * @throws ModelException if a file is missing, malformed, or the PyTorch engine cannot start
   */
  public static MtcnnDetector open(Path directory, MtcnnOptions options) {
    Objects.requireNonNull(options, "options");
    NDManager manager;
    try {
      manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    } catch (EngineException | IllegalArgumentException e) {
      throw new ModelException("cannot start DJL's PyTorch engine for MTCNN: " + e.getMessage(), e);
    }
    try {
      MtcnnNets nets = MtcnnNets.read(directory.resolve("pnet.pt"), directory.resolve("rnet.pt"),
          directory.resolve("onet.pt"), manager);
      return new MtcnnDetector(manager, nets, options);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  @Override
  public List<DetectedFace> detect(Picture picture) {
    List<DetectedFace> faces = new ArrayList<>();
    for (MtcnnFace face : detectRaw(picture)) {
      faces.add(face.toDetectedFace(1.0 / picture.scale()));
    }
    faces.sort(Comparator.comparingDouble(DetectedFace::score).reversed());
    return faces;
  }

  /**
   * Runs the three stages.
   *
   * @param picture the picture
   * @return the faces in the picture's own pixels, in O-Net's Min-NMS order (highest probability first)
   */
  List<MtcnnFace> detectRaw(Picture picture) {
    byte[] rgb = picture.copyRgb();
    int w = picture.width();
    int h = picture.height();
    try (NDManager scope = manager.newSubManager()) {
      List<Candidate> boxes = proposals(scope, rgb, w, h);
      if (boxes.isEmpty()) {
        return List.of();
      }
      boxes = refine(scope, rgb, w, h, boxes);
      if (boxes.isEmpty()) {
        return List.of();
      }
      return output(scope, rgb, w, h, boxes);
    } catch (EngineException e) {
      throw new InferenceException("MTCNN failed on a " + picture + ": " + e.getMessage(), e);
    }
  }

  /** The pyramid scales, as facenet-pytorch computes them in double. */
  List<Double> scales(int w, int h) {
    double m = 12.0 / options.minFaceSize();
    double minl = Math.min(h, w) * m;
    List<Double> scales = new ArrayList<>();
    double scale = m;
    while (minl >= 12) {
      scales.add(scale);
      scale *= options.factor();
      minl *= options.factor();
    }
    return scales;
  }

  /** Stage one: P-Net over the pyramid, NMS per scale and overall, regression, squares. */
  private List<Candidate> proposals(NDManager scope, byte[] rgb, int w, int h) {
    List<Candidate> all = new ArrayList<>();
    for (double scale : scales(w, h)) {
      int hs = (int) (h * scale + 1);
      int ws = (int) (w * scale + 1);
      float[] input = new float[3 * hs * ws];
      AreaResize.resize(rgb, w, 0, 0, w, h, hs, ws, input, 0);
      AreaResize.normalize(input, 0, input.length);
      try (NDManager level = scope.newSubManager()) {
        NDList out = nets.pnet(level.create(input, new Shape(1, 3, hs, ws)));
        Shape map = out.get(0).getShape();
        List<Candidate> found = PnetCandidates.generate(out.get(0).toFloatArray(), out.get(1).toFloatArray(),
            (int) map.get(2), (int) map.get(3), (float) scale, options.pnetThreshold());
        all.addAll(Nms.union(found, 0.5));
      }
    }
    List<Candidate> squared = new ArrayList<>();
    for (Candidate c : Nms.union(all, 0.7)) {
      squared.add(c.regressUnpadded().square());
    }
    return squared;
  }

  /** Stage two: R-Net on 24×24 patches, threshold, NMS 0.7, regression, squares. */
  private List<Candidate> refine(NDManager scope, byte[] rgb, int w, int h, List<Candidate> boxes) {
    Patches patches = Patches.cut(rgb, w, h, boxes, 24);
    float[][] out = run(scope, patches, 24, nets::rnet);
    float[] reg = out[0];
    float[] prob = out[1];
    List<Candidate> passed = new ArrayList<>();
    for (int i = 0; i < patches.boxes().size(); i++) {
      float score = prob[2 * i + 1];
      if (score > options.rnetThreshold()) {
        passed.add(patches.boxes().get(i).rescored(score, reg, 4 * i));
      }
    }
    List<Candidate> squared = new ArrayList<>();
    for (Candidate c : Nms.union(passed, 0.7)) {
      squared.add(c.regress().square());
    }
    return squared;
  }

  /** Stage three: O-Net on 48×48 patches, threshold, landmarks, regression, Min-NMS 0.7. */
  private List<MtcnnFace> output(NDManager scope, byte[] rgb, int w, int h, List<Candidate> boxes) {
    Patches patches = Patches.cut(rgb, w, h, boxes, 48);
    float[][] out = run(scope, patches, 48, nets::onet);
    float[] reg = out[0];
    float[] marks = out[1];
    float[] prob = out[2];
    List<Candidate> passed = new ArrayList<>();
    List<float[]> points = new ArrayList<>();
    for (int i = 0; i < patches.boxes().size(); i++) {
      float score = prob[2 * i + 1];
      if (score > options.onetThreshold()) {
        Candidate c = patches.boxes().get(i);
        float bw = c.x2() - c.x1() + 1;
        float bh = c.y2() - c.y1() + 1;
        float[] p = new float[10];
        for (int k = 0; k < 5; k++) {
          p[2 * k] = bw * marks[10 * i + k] + c.x1() - 1;
          p[2 * k + 1] = bh * marks[10 * i + 5 + k] + c.y1() - 1;
        }
        points.add(p);
        passed.add(c.rescored(score, reg, 4 * i).regress());
      }
    }
    List<MtcnnFace> faces = new ArrayList<>();
    for (int i : Nms.minimum(passed, 0.7f)) {
      Candidate c = passed.get(i);
      faces.add(new MtcnnFace(c.x1(), c.y1(), c.x2(), c.y2(), c.score(), points.get(i)));
    }
    return faces;
  }

  /** Runs a network over the patches in batches of 512, as facenet-pytorch's {@code fixed_batch_process}. */
  private static float[][] run(NDManager scope, Patches patches, int size, Function<NDArray, NDList> net) {
    int n = patches.boxes().size();
    int per = 3 * size * size;
    float[][] result = null;
    for (int from = 0; from < n; from += BATCH) {
      int count = Math.min(BATCH, n - from);
      try (NDManager batch = scope.newSubManager()) {
        float[] slice = java.util.Arrays.copyOfRange(patches.pixels(), from * per, (from + count) * per);
        NDList out = net.apply(batch.create(slice, new Shape(count, 3, size, size)));
        if (result == null) {
          result = new float[out.size()][];
          for (int k = 0; k < out.size(); k++) {
            result[k] = new float[(int) (n * out.get(k).getShape().get(1))];
          }
        }
        for (int k = 0; k < out.size(); k++) {
          float[] values = out.get(k).toFloatArray();
          System.arraycopy(values, 0, result[k], from * values.length / count, values.length);
        }
      }
    }
    return result;
  }

  @Override
  public void close() {
    manager.close();
  }
}
