package dev.findmypic.models.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.findmypic.core.testing.SharedData;
import org.junit.jupiter.api.Test;

class TensorArraysTest {
  @Test
  void bfloat16AndHalfTensorsBecomeFloat32ArraysOnThePyTorchEngine() {
    String name = "text_model.embeddings.token_embedding.weight";
    try (Checkpoint f32 = Checkpoints.open(SharedData.path("reference/clip-tiny-a/model.safetensors"));
        Checkpoint bf16 = Checkpoints.open(SharedData.path("reference/clip-tiny-a/model.bf16.safetensors"));
        Checkpoint f16 = Checkpoints.open(SharedData.path("reference/clip-tiny-a/model.f16.safetensors"));
        NDManager manager = NDManager.newBaseManager("PyTorch")) {
      float[] expected = TensorArrays.toFloats(f32.get(name));
      for (Checkpoint c : new Checkpoint[] {f32, bf16, f16}) {
        Tensor t = c.get(name);
        NDArray array = TensorArrays.toNDArray(t, manager);
        assertThat(array.getDataType()).isEqualTo(DataType.FLOAT32);
        assertThat(array.getShape().getShape()).containsExactly(t.shape());
        float[] values = array.toFloatArray();
        assertThat(values).containsExactly(TensorArrays.toFloats(t));
        double tolerance = t.type() == TensorType.F32 ? 0 : t.type() == TensorType.F16 ? 0x1p-11 : 0x1p-8;
        for (int i = 0; i < values.length; i++) {
          assertThat((double) Math.abs(values[i] - expected[i])).isLessThanOrEqualTo(Math.abs(expected[i]) * tolerance + 6e-8);
        }
      }
    }
  }
}
