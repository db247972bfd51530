#!/usr/bin/python3
"""Makes a folder of small JPEGs (640x480, quality 100, 4:4:4) for the load benchmark from ../shared/fixtures/photos.

Usage: /usr/bin/python3 benchmarks/load/make_photos.py OUT_DIR [COUNT (default 2000)]
Photos go to four folders d0..d3, named photo_NNNN.jpg, each a cropped, flipped copy of a shared fixture with an EXIF
date taken in 2020 (month 1 + i % 12). Every third photo carries a flat 96x96 "face" block of colour
(250, g, 7), g in {20, 40}, which the load benchmark's face stand-in (FakeFaces) detects; those two colours survive
JPEG at quality 100 exactly.
"""
import os
import sys

from PIL import Image, ImageDraw, ImageOps

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "fixtures", "photos")
out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000
sources = []
for folder, _, names in os.walk(root):
    sources += [os.path.join(folder, n) for n in sorted(names) if n.lower().endswith((".jpg", ".jpeg", ".png"))]
for i in range(count):
    img = Image.open(sources[i % len(sources)]).convert("RGB")
    turn = i // len(sources)
    if turn % 2:
        img = ImageOps.mirror(img)
    w, h = img.size
    shift = (turn % 7) * 0.02
    img = ImageOps.fit(img.crop((int(w * shift), int(h * shift), w, h)), (640, 480), Image.BICUBIC)
    if i % 3 == 0:
        ImageDraw.Draw(img).rectangle([64 + 16 * (i % 8), 64, 64 + 16 * (i % 8) + 95, 159],
                                      fill=(250, 20 if i % 2 else 40, 7))
    exif = Image.Exif()
    exif[0x8769] = {0x9003: "2020:%02d:15 12:00:00" % (1 + i % 12)}
    folder = os.path.join(out, "d%d" % (i % 4))
    os.makedirs(folder, exist_ok=True)
    img.save(os.path.join(folder, "photo_%04d.jpg" % i), quality=100, subsampling=0, exif=exif)
print("wrote", count, "photos to", out)
