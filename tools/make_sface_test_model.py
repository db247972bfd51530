"""Writes a tiny ONNX stand-in for OpenCV Zoo's SFace (face_recognition_sface_2021dec.onnx): the same I/O shape,
input `data` [1,3,112,112] -> output `fc1` [1,128], where output o = sum over channels c of W[o][c] * (mean of input
channel c), with the small integer weights W[o][c] = ((7 * o + 3 * c) % 11) - 5. The real SFace weights (38 MB) are
not available to the tests, so SFaceEmbedderTest checks OpenCV's FaceRecognizerSF plumbing (alignCrop, feature,
channel order, 128-d output) with this model, whose output it can compute by hand from the aligned crop.

Run with Debian's torch: /usr/bin/python3 tools/make_sface_test_model.py
"""
import torch


class WeightedChannelMeans(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = torch.nn.AdaptiveAvgPool2d(1)
        self.mix = torch.nn.Conv2d(3, 128, 1, bias=False)
        w = torch.tensor([[((7 * o + 3 * c) % 11) - 5 for c in range(3)] for o in range(128)], dtype=torch.float32)
        self.mix.weight.data = w.reshape(128, 3, 1, 1)
        self.flat = torch.nn.Flatten()

    def forward(self, x):
        return self.flat(self.mix(self.pool(x)))


torch.onnx.export(WeightedChannelMeans(), torch.zeros(1, 3, 112, 112),
                  "findmypic-models/src/test/resources/face/sface/weighted_channel_means.onnx",
                  input_names=["data"], output_names=["fc1"], opset_version=11)
