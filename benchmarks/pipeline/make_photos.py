#!/usr/bin/python3
"""Makes a folder of 12 MP JPEGs (4000x3000, quality 90, as a phone writes them) from ../shared/fixtures/photos.

Usage: /usr/bin/python3 benchmarks/pipeline/make_photos.py OUT_DIR [COUNT]
The photos are upscaled, flipped and cropped copies of the shared fixtures, so every file differs.
"""
import os
import sys

from PIL import Image, ImageOps

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "fixtures", "photos")
out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 120
os.makedirs(out, exist_ok=True)
sources = []
for folder, _, names in os.walk(root):
    sources += [os.path.join(folder, n) for n in sorted(names) if n.lower().endswith((".jpg", ".jpeg", ".png"))]
for i in range(count):
    img = Image.open(sources[i % len(sources)]).convert("RGB")
    if (i // len(sources)) % 2:
        img = ImageOps.mirror(img)
    w, h = img.size
    shift = (i // len(sources)) * 0.03
    img = img.crop((int(w * shift), int(h * shift), w, h))
    img = ImageOps.fit(img, (4000, 3000), Image.BICUBIC)
    img.save(os.path.join(out, "photo_%04d.jpg" % i), quality=90)
print("wrote", count, "photos to", out)
