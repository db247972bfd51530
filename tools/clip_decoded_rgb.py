#!/usr/bin/python3
"""Writes what Pillow decodes from the clip-tiny-a images (mode, size, sha256 of the RGB bytes after
convert("RGB"), as CLIPImageProcessor's do_convert_rgb does) so that the Java test checks its decoder first.

usage: tools/clip_decoded_rgb.py ../shared/reference/clip-tiny-a/images > findmypic-models/src/test/resources/clip/decoded_rgb.json
"""
import hashlib, json, os, sys
import numpy as np
from PIL import Image

root = sys.argv[1]
out = {}
for name in sorted(os.listdir(root)):
    im = Image.open(os.path.join(root, name))
    rgb = im.convert("RGB")
    data = rgb.tobytes()
    out[name] = {"mode": im.mode, "width": rgb.width, "height": rgb.height,
                 "sha256": hashlib.sha256(data).hexdigest(),
                 "sum": int(np.frombuffer(data, dtype=np.uint8).astype(np.int64).sum())}
print(json.dumps(out, indent=1))
