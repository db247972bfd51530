package dev.findmypic.models.face.mtcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.nio.file.Path;

/**
 * facenet-pytorch's {@code PNet}, {@code RNet} and {@code ONet}, layer for layer, on DJL arrays. Inputs are
 * normalised RGB in NCHW; the caller's manager owns the outputs.
 */
final class MtcnnNets {
  static final String PNET_SPEC = "conv1.weight 10,3,3,3; conv1.bias 10; prelu1.weight 10;"
      + " conv2.weight 16,10,3,3; conv2.bias 16; prelu2.weight 16; conv3.weight 32,16,3,3; conv3.bias 32;"
      + " prelu3.weight 32; conv4_1.weight 2,32,1,1; conv4_1.bias 2; conv4_2.weight 4,32,1,1; conv4_2.bias 4";
  static final String RNET_SPEC = "conv1.weight 28,3,3,3; conv1.bias 28; prelu1.weight 28;"
      + " conv2.weight 48,28,3,3; conv2.bias 48; prelu2.weight 48; conv3.weight 64,48,2,2; conv3.bias 64;"
      + " prelu3.weight 64; dense4.weight 128,576; dense4.bias 128; prelu4.weight 128; dense5_1.weight 2,128;"
      + " dense5_1.bias 2; dense5_2.weight 4,128; dense5_2.bias 4";
  static final String ONET_SPEC = "conv1.weight 32,3,3,3; conv1.bias 32; prelu1.weight 32;"
      + " conv2.weight 64,32,3,3; conv2.bias 64; prelu2.weight 64; conv3.weight 64,64,3,3; conv3.bias 64;"
      + " prelu3.weight 64; conv4.weight 128,64,2,2; conv4.bias 128; prelu4.weight 128; dense5.weight 256,1152;"
      + " dense5.bias 256; prelu5.weight 256; dense6_1.weight 2,256; dense6_1.bias 2; dense6_2.weight 4,256;"
      + " dense6_2.bias 4; dense6_3.weight 10,256; dense6_3.bias 10";

  private final NetWeights pnet;
  private final NetWeights rnet;
  private final NetWeights onet;

  private MtcnnNets(NetWeights pnet, NetWeights rnet, NetWeights onet) {
    this.pnet = pnet;
    this.rnet = rnet;
    this.onet = onet;
  }

  /**
   * Reads the three state_dicts.
   *
   * @param pnetFile {@code pnet.pt}
   * @param rnetFile {@code rnet.pt}
   * @param onetFile {@code onet.pt}
   * @param manager owns the weights
   * @return the networks
   */
  static MtcnnNets read(Path pnetFile, Path rnetFile, Path onetFile, NDManager manager) {
    NetWeights rnet = NetWeights.read(rnetFile, RNET_SPEC, manager);
    widenRnetConv1(rnet);
    return new MtcnnNets(NetWeights.read(pnetFile, PNET_SPEC, manager), rnet,
        NetWeights.read(onetFile, ONET_SPEC, manager));
  }

  /**
   * Gives R-Net's conv1 four extra all-zero filters (28 to 32 channels) and conv2 matching zero weights, which changes
   * no output. Reason: libtorch 2.7.1's CPU convolution (oneDNN), as shipped with DJL, returns wrong values for a batch
   * of more than one 11×11 input with 28 channels (seen on an AVX-512 AMD EPYC: errors above 10, sometimes NaN), while
   * 32 channels come out right; {@code MtcnnStageParityTest} checks R-Net on a batch of 5 against the reference.
   */
  private static void widenRnetConv1(NetWeights rnet) {
    rnet.padWithZeros("conv1.weight", 0, 32);
    rnet.padWithZeros("conv1.bias", 0, 32);
    rnet.padWithZeros("prelu1.weight", 0, 32);
    rnet.padWithZeros("conv2.weight", 1, 32);
  }

  /**
   * P-Net, fully convolutional.
   *
   * @param x [N,3,H,W]
   * @return box regression [N,4,h,w] and face/non-face softmax [N,2,h,w]
   */
  NDList pnet(NDArray x) {
    x = convPrelu(pnet, x, "conv1", "prelu1");
    x = maxPool(x, 2, 2);
    x = convPrelu(pnet, x, "conv2", "prelu2");
    x = convPrelu(pnet, x, "conv3", "prelu3");
    NDArray prob = conv(pnet, x, "conv4_1").softmax(1);
    NDArray reg = conv(pnet, x, "conv4_2");
    return new NDList(reg, prob);
  }

  /**
   * R-Net on 24×24 patches.
   *
   * @param x [N,3,24,24]
   * @return box regression [N,4] and softmax [N,2]
   */
  NDList rnet(NDArray x) {
    x = convPrelu(rnet, x, "conv1", "prelu1");
    x = maxPool(x, 3, 2);
    x = convPrelu(rnet, x, "conv2", "prelu2");
    x = maxPool(x, 3, 2);
    x = convPrelu(rnet, x, "conv3", "prelu3");
    x = flattenWhc(x);
    x = prelu(dense(rnet, x, "dense4"), rnet.get("prelu4.weight"));
    return new NDList(dense(rnet, x, "dense5_2"), dense(rnet, x, "dense5_1").softmax(1));
  }

  /**
   * O-Net on 48×48 patches.
   *
   * @param x [N,3,48,48]
   * @return box regression [N,4], landmarks [N,10] (five x then five y, relative to the box) and softmax [N,2]
   */
  NDList onet(NDArray x) {
    x = convPrelu(onet, x, "conv1", "prelu1");
    x = maxPool(x, 3, 2);
    x = convPrelu(onet, x, "conv2", "prelu2");
    x = maxPool(x, 3, 2);
    x = convPrelu(onet, x, "conv3", "prelu3");
    x = maxPool(x, 2, 2);
    x = convPrelu(onet, x, "conv4", "prelu4");
    x = flattenWhc(x);
    x = prelu(dense(onet, x, "dense5"), onet.get("prelu5.weight"));
    return new NDList(dense(onet, x, "dense6_2"), dense(onet, x, "dense6_3"), dense(onet, x, "dense6_1").softmax(1));
  }

  private static NDArray conv(NetWeights w, NDArray x, String name) {
    return Conv2d.conv2d(x, w.get(name + ".weight"), w.get(name + ".bias")).singletonOrThrow();
  }

  private static NDArray convPrelu(NetWeights w, NDArray x, String conv, String prelu) {
    NDArray alpha = w.get(prelu + ".weight");
    return prelu(conv(w, x, conv), alpha.reshape(alpha.getShape().get(0), 1, 1));
  }

  /**
   * PReLU with one slope per channel ({@code x > 0 ? x : alpha * x}), which DJL's PyTorch engine does not implement;
   * {@code max(x, 0) + alpha * min(x, 0)} gives the same values bit for bit.
   */
  private static NDArray prelu(NDArray x, NDArray alpha) {
    return x.maximum(0f).add(x.minimum(0f).mul(alpha));
  }

  private static NDArray dense(NetWeights w, NDArray x, String name) {
    return Linear.linear(x, w.get(name + ".weight"), w.get(name + ".bias")).singletonOrThrow();
  }

  private static NDArray maxPool(NDArray x, int kernel, int stride) {
    return Pool.maxPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), new Shape(0, 0), true);
  }

  /** facenet-pytorch's {@code x.permute(0, 3, 2, 1).contiguous().view(n, -1)} before the dense layers. */
  private static NDArray flattenWhc(NDArray x) {
    return x.transpose(0, 3, 2, 1).reshape(x.getShape().get(0), -1);
  }
}
