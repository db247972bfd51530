package dev.findmypic.models.ocr.easyocr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * The CRAFT text detector ({@code craft_mlt_25k.pth}) on DJL: a VGG16-BN backbone, four up-convolution stages that
 * merge it back to half resolution, and a head giving the region and affinity maps. BatchNorms are folded into the
 * convolutions. The backbone's skip outputs follow EasyOCR exactly: torchvision's in-place ReLU rectifies the outputs
 * of slices 1 to 3, while the slice-4 output ({@code relu5_3}) reaches the U-network un-rectified.
 */
final class CraftNet {
  private static final int[][] VGG = {
    // {in, out} of the backbone's convolutions, in the order of VGG_CONVS
    {3, 64}, {64, 64}, {64, 128}, {128, 128}, {128, 256}, {256, 256}, {256, 256}, {256, 512}, {512, 512},
    {512, 512}, {512, 512}, {512, 512}
  };
  private static final String[] VGG_CONVS = {
    "slice1.0", "slice1.3", "slice1.7", "slice1.10", "slice2.14", "slice2.17", "slice3.20", "slice3.24", "slice3.27",
    "slice4.30", "slice4.34", "slice4.37"
  };
  private final ConvLayer[] vgg = new ConvLayer[12];
  private final ConvLayer fc6;
  private final ConvLayer fc7;
  private final ConvLayer[][] up = new ConvLayer[4][2];
  private final ConvLayer[] head = new ConvLayer[5];

  private CraftNet(StateDict w, NDManager m) {
    for (int i = 0; i < vgg.length; i++) {
      String conv = VGG_CONVS[i];
      int dot = conv.indexOf('.');
      String bn = conv.substring(0, dot + 1) + (Integer.parseInt(conv.substring(dot + 1)) + 1);
      vgg[i] = ConvLayer.load(w, "basenet." + conv, "basenet." + bn, true, VGG[i][0], VGG[i][1], 3, 1, 1, m);
    }
    fc6 = ConvLayer.load(w, "basenet.slice5.1", null, true, 512, 1024, 3, 6, 6, m);
    fc7 = ConvLayer.load(w, "basenet.slice5.2", null, true, 1024, 1024, 1, 0, 1, m);
    int[][] stages = {{1024 + 512, 512, 256}, {512 + 256, 256, 128}, {256 + 128, 128, 64}, {128 + 64, 64, 32}};
    for (int s = 0; s < 4; s++) {
      String p = "upconv" + (s + 1) + ".conv.";
      up[s][0] = ConvLayer.load(w, p + "0", p + "1", true, stages[s][0], stages[s][1], 1, 0, 1, m);
      up[s][1] = ConvLayer.load(w, p + "3", p + "4", true, stages[s][1], stages[s][2], 3, 1, 1, m);
    }
    int[][] cls = {{32, 32, 3}, {32, 32, 3}, {32, 16, 3}, {16, 16, 1}, {16, 2, 1}};
    for (int i = 0; i < head.length; i++) {
      head[i] = ConvLayer.load(w, "conv_cls." + 2 * i, null, true, cls[i][0], cls[i][1], cls[i][2],
          cls[i][2] / 2, 1, m);
    }
  }

  /**
   * Loads the detector.
   *
   * @param weights the state dict of {@code craft_mlt_25k.pth}
   * @param manager owns the weights for the detector's lifetime
   * @return the network
   * @throws dev.findmypic.core.ModelFormatException if a tensor is missing or misshapen
   */
  static CraftNet load(StateDict weights, NDManager manager) {
    return new CraftNet(weights, manager);
  }

  /**
   * CRAFT's outputs.
   *
   * @param y [N, H/2, W/2, 2]: region score, then affinity score (raw, no sigmoid)
   * @param feature [N, 32, H/2, W/2], the last up-convolution's output
   * @param fc7 [N, 1024, H/16, W/16], the backbone's last output
   * @param relu53 [N, 512, H/16, W/16], the slice-4 output
   */
  record Outputs(NDArray y, NDArray feature, NDArray fc7, NDArray relu53) {}

  /**
   * Runs the detector; intermediate arrays are freed as soon as they are used, the outputs belong to the input's
   * manager.
   *
   * @param x normalised pictures [N, 3, H, W], H and W multiples of 32
   * @return the outputs
   */
  Outputs forward(NDArray x) {
    // slice1: conv0 conv3 | pool | conv7 conv10 (each conv+bn; the ReLU after conv10 is slice2's, in place)
    NDArray h = chain(x, 0, 1);
    NDArray p = pool(h, 2, 2, 0);
    h.close();
    NDArray relu22 = chain(p, 2, 3);
    p.close();
    // slice2: pool | conv14 conv17
    p = pool(relu22, 2, 2, 0);
    NDArray relu32 = chain(p, 4, 5);
    p.close();
    // slice3: conv20 | pool | conv24 conv27
    h = chain(relu32, 6, 6);
    p = pool(h, 2, 2, 0);
    h.close();
    NDArray relu43 = chain(p, 7, 8);
    p.close();
    // slice4: conv30 | pool | conv34 conv37 (no ReLU: slice5 starts with a max-pool)
    h = chain(relu43, 9, 9);
    p = pool(h, 2, 2, 0);
    h.close();
    NDArray relu53 = chainLastLinear(p, 10, 11);
    p.close();
    // slice5: pool 3/1/1, fc6 (dilated), fc7
    p = pool(relu53, 3, 1, 1);
    NDArray f6 = fc6.apply(p);
    p.close();
    NDArray fc7Out = fc7.apply(f6);
    f6.close();

    NDArray y = upStage(0, fc7Out, relu53);
    y = upStage(1, y, relu43);
    relu43.close();
    y = upStage(2, y, relu32);
    relu32.close();
    NDArray feature = upStage(3, y, relu22);
    relu22.close();

    NDArray c = feature;
    for (int i = 0; i < head.length - 1; i++) {
      NDArray next = head[i].applyRelu(c);
      if (c != feature) {
        c.close();
      }
      c = next;
    }
    NDArray logits = head[head.length - 1].apply(c);
    c.close();
    NDArray out = logits.transpose(0, 2, 3, 1);
    return new Outputs(out, feature, fc7Out, relu53);
  }

  /** Convolutions from..to (each conv+bn+relu), the input left open. */
  private NDArray chain(NDArray x, int from, int to) {
    NDArray h = vgg[from].applyRelu(x);
    for (int i = from + 1; i <= to; i++) {
      NDArray next = vgg[i].applyRelu(h);
      h.close();
      h = next;
    }
    return h;
  }

  /** Like {@link #chain} but the last convolution's output is not rectified (slice 4's output). */
  private NDArray chainLastLinear(NDArray x, int from, int to) {
    NDArray h = chain(x, from, to - 1);
    NDArray out = vgg[to].apply(h);
    h.close();
    return out;
  }

  /**
   * One U-network stage: {@code y} (the previous stage's output, closed here, except the backbone's fc7) resized to
   * the skip output's size, concatenated with it, then the stage's two conv+bn+relu.
   */
  private NDArray upStage(int stage, NDArray y, NDArray skip) {
    NDArray resized = y;
    if (stage > 0) {
      Shape s = skip.getShape();
      resized = y.getNDArrayInternal().interpolation(new long[] {s.get(2), s.get(3)}, 1, false);
      y.close();
    }
    NDArray cat = resized.concat(skip, 1);
    if (stage > 0) {
      resized.close();
    }
    NDArray mid = up[stage][0].applyRelu(cat);
    cat.close();
    NDArray out = up[stage][1].applyRelu(mid);
    mid.close();
    return out;
  }

  private static NDArray pool(NDArray x, int kernel, int stride, int pad) {
    return Pool.maxPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), new Shape(pad, pad), false);
  }
}
