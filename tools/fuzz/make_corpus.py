"""Writes the small seed files of the fuzz corpora under src/test/resources/fuzz/<target>/.

Run with Debian's python3 (torch 1.13): /usr/bin/python3 tools/fuzz/make_corpus.py
Every file is a few hundred bytes: valid minimal inputs plus hand-made hostile ones.
"""
import io
import json
import os
import pickle
import struct
import zipfile

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODELS = os.path.join(ROOT, "findmypic-models/src/test/resources/fuzz")
INDEX = os.path.join(ROOT, "findmypic-index/src/test/resources/fuzz")


def write(base, target, name, data):
    d = os.path.join(base, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def safetensors(header, body=b""):
    h = json.dumps(header).encode()
    return struct.pack("<Q", len(h)) + h + body


def torch_bytes(obj, legacy):
    b = io.BytesIO()
    torch.save(obj, b, _use_new_zipfile_serialization=not legacy)
    return b.getvalue()


class Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned > /tmp/fuzz-pwned",))


def main():
    st = "safetensors"
    write(MODELS, st, "valid-f32.safetensors",
          safetensors({"w": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]},
                       "__metadata__": {"format": "pt"}}, struct.pack("<4f", 1, 2, 3, 4)))
    write(MODELS, st, "valid-bf16-i64.safetensors",
          safetensors({"a": {"dtype": "BF16", "shape": [2], "data_offsets": [0, 4]},
                       "b": {"dtype": "I64", "shape": [1], "data_offsets": [4, 12]}}, b"\x80\x3f\x00\x40" + bytes(8)))
    write(MODELS, st, "huge-header-length.safetensors", struct.pack("<Q", 2**62) + b"{}")
    write(MODELS, st, "offsets-past-end.safetensors",
          safetensors({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 1 << 40]}}, bytes(8)))
    write(MODELS, st, "shape-overflow.safetensors",
          safetensors({"w": {"dtype": "F32", "shape": [2**31, 2**31, 4], "data_offsets": [0, 8]}}, bytes(8)))
    write(MODELS, st, "overlapping.safetensors",
          safetensors({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
                       "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}}, bytes(12)))
    write(MODELS, st, "negative-shape.safetensors",
          safetensors({"w": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}}, bytes(4)))
    write(MODELS, st, "unknown-dtype.safetensors",
          safetensors({"w": {"dtype": "C64", "shape": [1], "data_offsets": [0, 8]}}, bytes(8)))

    tp = "torch-pickle"
    small = {"conv.weight": torch.arange(6, dtype=torch.float32).reshape(2, 3),
             "conv.bias": torch.tensor([1.5, -2.0], dtype=torch.float16)}
    write(MODELS, tp, "valid-zip.pt", torch_bytes(small, legacy=False))
    write(MODELS, tp, "valid-legacy.pt", torch_bytes(small, legacy=True))
    write(MODELS, tp, "transposed-view.pt", torch_bytes({"t": torch.arange(6.0).reshape(2, 3).t()}, legacy=False))
    write(MODELS, tp, "os-system.pt", pickle.dumps(Evil(), protocol=2))
    write(MODELS, tp, "builtins-eval.pt",
          b"\x80\x02cbuiltins\neval\nq\x00X\x0b\x00\x00\x00print(1+1)\nq\x01\x85q\x02Rq\x03.")
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("archive/data.pkl", pickle.dumps(Evil(), protocol=2))
        z.writestr("archive/version", "3\n")
    write(MODELS, tp, "zip-os-system.pt", b.getvalue())
    write(MODELS, tp, "huge-binunicode8.pt", b"\x80\x04\x8d" + struct.pack("<Q", 2**62) + b"x")

    tf = "tfjs-manifest"
    # the target writes a 64-byte w.bin beside each manifest
    write(MODELS, tf, "valid.json", json.dumps([{"paths": ["w.bin"], "weights": [
        {"name": "a", "shape": [4, 2], "dtype": "float32"},
        {"name": "q", "shape": [8], "dtype": "float32",
         "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1.0}},
        {"name": "r", "shape": [24], "dtype": "float32"}]}]))
    write(MODELS, tf, "escape-path.json", json.dumps([{"paths": ["../../../etc/passwd"], "weights": [
        {"name": "a", "shape": [16], "dtype": "float32"}]}]))
    write(MODELS, tf, "huge-shape.json", json.dumps([{"paths": ["w.bin"], "weights": [
        {"name": "a", "shape": [4294967296, 4294967296], "dtype": "float32"}]}]))

    cfg = "model-config"
    write(MODELS, cfg, "bert-config.json", json.dumps({"hidden_size": 32, "num_hidden_layers": 2,
        "num_attention_heads": 2, "intermediate_size": 64, "vocab_size": 30522, "max_position_embeddings": 512,
        "type_vocab_size": 2, "layer_norm_eps": 1e-12, "hidden_act": "gelu"}))
    write(MODELS, cfg, "heads-not-dividing.json", json.dumps({"hidden_size": 33, "num_attention_heads": 2}))
    write(MODELS, cfg, "huge-sizes.json", json.dumps({"text_config": {"hidden_size": 2**40, "vocab_size": -5},
        "vision_config": {"image_size": 0, "patch_size": 0}}))
    write(MODELS, cfg, "wrong-types.json", json.dumps({"text_config": [], "vision_config": "x",
        "projection_dim": {"a": 1}, "hidden_act": 7}))

    tok = "tokenizer-json"
    write(MODELS, tok, "wordlevel.json", json.dumps({"version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [], "normalizer": None, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": None,
        "decoder": None, "model": {"type": "WordLevel", "vocab": {"[UNK]": 0, "cat": 1, "dog": 2},
                                   "unk_token": "[UNK]"}}))
    write(MODELS, tok, "bpe-empty-merges.json", json.dumps({"version": "1.0", "added_tokens": [],
        "normalizer": None, "pre_tokenizer": None, "post_processor": None, "decoder": None,
        "model": {"type": "BPE", "vocab": {"a": 0, "b": 1}, "merges": ["a b"], "unk_token": None}}))

    hub = "hub-headers"
    # one header block per file: name: value lines, as a response would carry them
    write(MODELS, hub, "lfs-redirect.txt", "ETag: \"abc\"\nX-Linked-Etag: \"" + "a" * 64 + "\"\nX-Linked-Size: 123\n"
          "X-Repo-Commit: " + "0" * 40 + "\nLocation: https://cdn.example/x?sig=1\nContent-Range: bytes 0-9/123\n"
          "File: onnx/model.onnx\n")
    write(MODELS, hub, "traversal.txt", "ETag: \"../../etc\"\nX-Linked-Size: -1\nLocation: ../../x\n"
          "Content-Range: bytes 9-0/*\nFile: ../../../etc/passwd\n")
    write(MODELS, hub, "weird.txt", "ETag: W/\"\"\nX-Linked-Size: 99999999999999999999\nLocation: http://[::1\n"
          "Content-Range: bytes 0-9223372036854775807/9223372036854775807\nFile: a/./b\\..\\c\n")

    q = "fts-query"
    for i, text in enumerate(["red car", "\"unbalanced", "NEAR(a b, 2) OR x*", "a AND OR NOT b", "col:val ^start",
                              "日本語 テスト", "emoji 🐱‍👤 cat", "'; DROP TABLE photos; --", "((((((((((", "-", "*",
                              "a" * 300, " ".join(["w"] * 100), "\u0000 null \u202e rtl"]):
        write(INDEX, q, f"query-{i:02d}.txt", text)


if __name__ == "__main__":
    main()


def zip64_negative_offset():
    """A torch.save zip whose zip64 end-of-central-directory locator points at offset 2^64-1 (found by the mutation
    harness: commons-compress threw IllegalArgumentException from FileChannel.position)."""
    with open(os.path.join(MODELS, "torch-pickle", "valid-zip.pt"), "rb") as f:
        data = f.read()
    eocd = data.rindex(b"PK\x05\x06")
    locator = b"PK\x06\x07" + struct.pack("<IQI", 0, 2**64 - 1, 1)
    write(MODELS, "torch-pickle", "crash-zip64-negative-offset.pt", data[:eocd] + locator + data[eocd:])


zip64_negative_offset()
write(MODELS, "hub-headers", "crash-content-range-overflow.txt",
      "Content-Range: bytes 99999999999999999999-1/2\nX-Linked-Size: 12abc\n")
write(MODELS, "tfjs-manifest", "crash-bad-scale.json", json.dumps([{"paths": ["w.bin"], "weights": [
    {"name": "q", "shape": [8], "dtype": "float32",
     "quantization": {"dtype": "uint8", "scale": "1e308.36", "min": [1]}}]}]))
write(MODELS, "tfjs-manifest", "crash-long-overflow-shape.json", json.dumps([{"paths": ["w.bin"], "weights": [
    {"name": "a", "shape": [99999999999999999999], "dtype": "float32"}]}]))


def photo_corpus():
    from PIL import Image
    d = os.path.join(MODELS, "photo-decode")
    os.makedirs(d, exist_ok=True)
    img = Image.new("RGB", (16, 12), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "fuzz"
    img.save(os.path.join(d, "exif-orientation-6.jpg"), quality=70, exif=exif.tobytes())
    img.save(os.path.join(d, "small.png"))
    img.save(os.path.join(d, "small.gif"))
    img.save(os.path.join(d, "small.bmp"))
    img.save(os.path.join(d, "small.webp"))
    img.save(os.path.join(d, "small.tif"))
    with open(os.path.join(d, "small.png"), "rb") as f:
        png = bytearray(f.read())
    png[16:24] = struct.pack(">II", 100000, 100000)  # IHDR claims 10^10 pixels (CRC now wrong)
    write(MODELS, "photo-decode", "png-huge-ihdr.png", bytes(png))


photo_corpus()
