package dev.findmypic.models.face.mtcnn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import dev.findmypic.core.testing.SharedData;
import dev.findmypic.models.checkpoint.Checkpoint;
import dev.findmypic.models.checkpoint.Checkpoints;
import dev.findmypic.models.checkpoint.TensorArrays;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each MTCNN network, read from facenet-pytorch's legacy state_dicts, against the reference outputs of
 * {@code reference/facenet-mtcnn/stages.safetensors} and against the TorchScript oracle traced from facenet-pytorch's
 * own classes, on the same inputs; and the area resampling against torch's {@code interpolate(mode="area")}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MtcnnStageParityTest {
  private static final double TOLERANCE = 1e-4;

  private NDManager manager;
  private MtcnnNets nets;
  private Checkpoint stages;

  @BeforeAll
  void load() {
    manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    Path dir = SharedData.path("models/mtcnn-facenet-pytorch");
    nets = MtcnnNets.read(dir.resolve("pnet.pt"), dir.resolve("rnet.pt"), dir.resolve("onet.pt"), manager);
    stages = Checkpoints.open(SharedData.path("reference/facenet-mtcnn/stages.safetensors"));
  }

  @AfterAll
  void close() {
    stages.close();
    manager.close();
  }

  @Test
  void pnetMatchesTheReferenceAndTheTorchScriptOracle() throws Exception {
    checkStage("pnet", nets::pnet, "reg", "prob");
  }

  @Test
  void rnetMatchesTheReferenceAndTheTorchScriptOracle() throws Exception {
    checkStage("rnet", nets::rnet, "reg", "prob");
  }

  @Test
  void onetMatchesTheReferenceAndTheTorchScriptOracle() throws Exception {
    checkStage("onet", nets::onet, "reg", "landmarks", "prob");
  }

  @Test
  void areaResizeMatchesTorchInterpolateArea() {
    float[] input = floats("imresample.input");
    int h = 67;
    int w = 91;
    byte[] rgb = new byte[h * w * 3];
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < h * w; i++) {
        rgb[i * 3 + c] = (byte) (int) input[c * h * w + i];
      }
    }
    for (int[] size : new int[][] {{34, 46}, {24, 24}}) {
      float[] out = new float[3 * size[0] * size[1]];
      AreaResize.resize(rgb, w, 0, 0, w, h, size[0], size[1], out, 0);
      assertThat(maxAbsDiff(out, floats("imresample.out_" + size[0] + "x" + size[1])))
          .as("area %dx%d", size[0], size[1]).isLessThanOrEqualTo(TOLERANCE);
    }
  }

  private void checkStage(String net, Function<NDArray, NDList> forward, String... outputs) throws Exception {
    try (NDManager scope = manager.newSubManager();
        Model oracle = Model.newInstance(net, Device.cpu(), "PyTorch")) {
      oracle.load(SharedData.path("models/mtcnn-facenet-pytorch/torchscript"), net);
      long[] shape = stages.get(net + ".input").shape();
      NDArray input = scope.create(floats(net + ".input"), new Shape(shape));
      NDList java = forward.apply(input);
      NDList torch = new NDList();
      try (Predictor<NDList, NDList> predictor = oracle.newPredictor(new NoopTranslator())) {
        // one sample at a time: DJL's libtorch 2.7.1 gets R-Net's 28-channel conv2 wrong for batches (see MtcnnNets)
        List<NDList> samples = new ArrayList<>();
        for (int s = 0; s < shape[0]; s++) {
          samples.add(predictor.predict(new NDList(input.get(s).expandDims(0))));
        }
        for (int i = 0; i < outputs.length; i++) {
          NDList parts = new NDList();
          for (NDList sample : samples) {
            parts.add(sample.get(i));
          }
          torch.add(NDArrays.concat(parts));
        }
      }
      assertThat(java).hasSize(outputs.length);
      for (int i = 0; i < outputs.length; i++) {
        float[] actual = java.get(i).toFloatArray();
        double vsReference = maxAbsDiff(actual, floats(net + "." + outputs[i]));
        double vsOracle = maxAbsDiff(actual, torch.get(i).toFloatArray());
        System.out.printf("%s.%s: max |java - reference| %.2e, max |java - torchscript| %.2e%n", net, outputs[i],
            vsReference, vsOracle);
        assertThat(vsReference).as(net + "." + outputs[i] + " vs reference").isLessThan(TOLERANCE);
        assertThat(vsOracle).as(net + "." + outputs[i] + " vs TorchScript").isLessThan(TOLERANCE);
      }
    }
  }

  private float[] floats(String name) {
    return TensorArrays.toFloats(stages.get(name));
  }

  static double maxAbsDiff(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
