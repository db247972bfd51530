#!/usr/bin/python3
"""Writes Pillow's bicubic resize of a small seeded RGB image to several sizes (down, up, mixed, a region of a
large downscale), the fixture of PilBicubicTest.

usage: tools/pil_bicubic_cases.py > findmypic-models/src/test/resources/clip/pil_bicubic_cases.json
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
im = Image.fromarray(src, "RGB")
cases = []
for size in [(31, 20), (13, 7), (200, 130), (150, 30), (97, 17), (40, 61), (1, 1), (97, 61)]:
    out = np.asarray(im.resize(size, Image.BICUBIC))
    cases.append({"width": size[0], "height": size[1], "rgb": base64.b64encode(out.tobytes()).decode()})
print(json.dumps({"pillow": PIL.__version__, "width": w, "height": h,
                  "rgb": base64.b64encode(src.tobytes()).decode(), "cases": cases}))
