package dev.findmypic.models.ocr.easyocr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * EasyOCR's generation-2 recogniser ({@code english_g2.pth}, {@code vgg_model.Model}) on DJL: a VGG feature extractor
 * on 64-pixel-high grey crops, an average over the remaining height, two bidirectional LSTMs each followed by a
 * linear layer (PyTorch's fused LSTM op through DJL), and a linear CTC head over 97 classes.
 */
final class RecognizerNet {
  private final ConvLayer[] convs = new ConvLayer[7];
  private final Lstm[] lstms = new Lstm[2];
  private final Linear prediction;

  private RecognizerNet(StateDict w, int classes, NDManager m) {
    int c0 = EnglishG2.FEATURES / 8;
    int c1 = EnglishG2.FEATURES / 4;
    int c2 = EnglishG2.FEATURES / 2;
    int c3 = EnglishG2.FEATURES;
    String p = "FeatureExtraction.ConvNet.";
    convs[0] = ConvLayer.load(w, p + "0", null, true, 1, c0, 3, 1, 1, m);
    convs[1] = ConvLayer.load(w, p + "3", null, true, c0, c1, 3, 1, 1, m);
    convs[2] = ConvLayer.load(w, p + "6", null, true, c1, c2, 3, 1, 1, m);
    convs[3] = ConvLayer.load(w, p + "8", null, true, c2, c2, 3, 1, 1, m);
    convs[4] = ConvLayer.load(w, p + "11", p + "12", false, c2, c3, 3, 1, 1, m);
    convs[5] = ConvLayer.load(w, p + "14", p + "15", false, c3, c3, 3, 1, 1, m);
    convs[6] = ConvLayer.load(w, p + "18", null, true, c3, c3, 2, 0, 1, m);
    int hidden = EnglishG2.HIDDEN;
    lstms[0] = new Lstm(w, "SequenceModeling.0.", c3, hidden, m);
    lstms[1] = new Lstm(w, "SequenceModeling.1.", hidden, hidden, m);
    prediction = new Linear(w, "Prediction", hidden, classes, m);
  }

  /**
   * Loads the recogniser.
   *
   * @param weights the state dict of {@code english_g2.pth}
   * @param classes the number of CTC classes, including the blank
   * @param manager owns the weights for the recogniser's lifetime
   * @return the network
   * @throws dev.findmypic.core.ModelFormatException if a tensor is missing or misshapen
   */
  static RecognizerNet load(StateDict weights, int classes, NDManager manager) {
    return new RecognizerNet(weights, classes, manager);
  }

  /**
   * The recogniser's outputs.
   *
   * @param visual [N, 256, 3, T], the feature extractor's output
   * @param pooled [N, T, 256], averaged over the height
   * @param contextual [N, T, 256], after the two bidirectional LSTMs
   * @param logits [N, T, classes], raw CTC logits
   */
  record Outputs(NDArray visual, NDArray pooled, NDArray contextual, NDArray logits) {}

  /**
   * Runs the recogniser.
   *
   * @param x crops [N, 1, 64, W], normalised to [-1, 1]
   * @return the outputs, owned by the input's manager; {@code T = W / 4 - 1}
   */
  Outputs forward(NDArray x) {
    NDArray h = convs[0].applyRelu(x);
    h = step(h, pool(h, 2, 2));
    h = step(h, convs[1].applyRelu(h));
    h = step(h, pool(h, 2, 2));
    h = step(h, convs[2].applyRelu(h));
    h = step(h, convs[3].applyRelu(h));
    h = step(h, pool(h, 2, 1));
    h = step(h, convs[4].applyRelu(h));
    h = step(h, convs[5].applyRelu(h));
    h = step(h, pool(h, 2, 1));
    NDArray visual = convs[6].applyRelu(h);
    h.close();
    NDArray pooled = visual.mean(new int[] {2}).transpose(0, 2, 1);
    NDArray first = lstms[0].apply(pooled);
    NDArray contextual = lstms[1].apply(first);
    first.close();
    NDArray logits = prediction.apply(contextual);
    return new Outputs(visual, pooled, contextual, logits);
  }

  private static NDArray step(NDArray previous, NDArray next) {
    previous.close();
    return next;
  }

  private static NDArray pool(NDArray x, int kh, int kw) {
    return Pool.maxPool2d(x, new Shape(kh, kw), new Shape(kh, kw), new Shape(0, 0), false);
  }

  /** {@code nn.Linear}: {@code x W^T + b}. */
  private static final class Linear {
    private final NDArray weightT;
    private final NDArray bias;

    Linear(StateDict w, String name, int in, int out, NDManager m) {
      weightT = m.create(w.floats(name + ".weight", out, in), new Shape(out, in)).transpose(1, 0);
      bias = m.create(w.floats(name + ".bias", out));
    }

    NDArray apply(NDArray x) {
      try (NDArray product = x.matMul(weightT)) {
        return product.add(bias);
      }
    }
  }

  /** EasyOCR's {@code BidirectionalLSTM}: a one-layer bidirectional, batch-first LSTM, then a linear layer. */
  private static final class Lstm {
    private final NDList params;
    private final int hidden;
    private final Linear linear;

    Lstm(StateDict w, String prefix, int in, int hidden, NDManager m) {
      this.hidden = hidden;
      params = new NDList();
      for (String suffix : new String[] {"", "_reverse"}) {
        String p = prefix + "rnn.";
        params.add(m.create(w.floats(p + "weight_ih_l0" + suffix, 4L * hidden, in), new Shape(4L * hidden, in)));
        params.add(m.create(w.floats(p + "weight_hh_l0" + suffix, 4L * hidden, hidden),
            new Shape(4L * hidden, hidden)));
        params.add(m.create(w.floats(p + "bias_ih_l0" + suffix, 4L * hidden)));
        params.add(m.create(w.floats(p + "bias_hh_l0" + suffix, 4L * hidden)));
      }
      linear = new Linear(w, prefix + "linear", 2 * hidden, hidden, m);
    }

    NDArray apply(NDArray x) {
      NDManager m = x.getManager();
      long batch = x.getShape().get(0);
      NDArray h0 = m.zeros(new Shape(2, batch, hidden));
      NDArray c0 = m.zeros(new Shape(2, batch, hidden));
      NDList out = x.getNDArrayInternal().lstm(x, new NDList(h0, c0), params, true, 1, 0, false, true, true);
      NDArray result = linear.apply(out.get(0));
      out.close();
      h0.close();
      c0.close();
      return result;
    }
  }
}
