"""Writes a 164-byte ONNX stand-in for an ArcFace embedder: input `data` [N,3,112,112], output `fc1` [N,3] = the mean
of each input channel. No real ArcFace/SFace weights exist for the tests, so ArcFaceEmbedderTest checks the
alignment, the normalisation and the ONNX Runtime plumbing with this model, whose output it can compute by hand.

Run with Debian's torch: /usr/bin/python3 tools/make_arcface_test_model.py
"""
import torch


class ChannelMean(torch.nn.Module):
    def forward(self, x):
        return x.mean((2, 3))


torch.onnx.export(ChannelMean(), torch.zeros(1, 3, 112, 112),
                  "findmypic-models/src/test/resources/face/arcface/channel_mean.onnx",
                  input_names=["data"], output_names=["fc1"],
                  dynamic_axes={"data": {0: "n"}, "fc1": {0: "n"}}, opset_version=11)
