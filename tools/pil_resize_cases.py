#!/usr/bin/python3
"""Writes Pillow's bicubic and bilinear resizes of a small seeded image, RGB and grey, to several sizes (down, up,
mixed, unchanged, 1x1), and of rectangles cropped from it first (facenet-pytorch's crop-then-resize): the fixture of
PillowResizeTest.

usage: tools/pil_resize_cases.py > findmypic-models/src/test/resources/image/pil_resize_cases.json
"""
import base64, json
import numpy as np
import PIL
from PIL import Image

rng = np.random.default_rng(7)
w, h = 97, 61
src = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
# a smooth ramp over part of it, so that rounding near the middle of the range is exercised too
src[:, :40, 0] = np.linspace(0, 255, 40, dtype=np.uint8)[None, :]
rgb = Image.fromarray(src, "RGB")
grey = rgb.convert("L")
filters = {"BICUBIC": Image.BICUBIC, "BILINEAR": Image.BILINEAR}
b64 = lambda a: base64.b64encode(np.asarray(a).tobytes()).decode()
cases = []
for name, f in filters.items():
    for mode, im in (("RGB", rgb), ("L", grey)):
        for size in [(31, 20), (13, 7), (200, 130), (150, 30), (97, 17), (40, 61), (1, 1), (97, 61)]:
            if mode == "L" and size == (200, 130):
                continue
            cases.append({"filter": name, "mode": mode, "box": [0, 0, w, h], "width": size[0], "height": size[1],
                          "out": b64(im.resize(size, f))})
        for box, size in (([10, 5, 60, 50], (16, 16)), ([3, 20, 90, 41], (23, 40)), ([50, 30, 51, 31], (5, 5))):
            cases.append({"filter": name, "mode": mode, "box": box, "width": size[0], "height": size[1],
                          "out": b64(im.crop(tuple(box)).resize(size, f))})
print(json.dumps({"pillow": PIL.__version__, "width": w, "height": h, "rgb": b64(rgb), "grey": b64(grey),
                  "cases": cases}))
