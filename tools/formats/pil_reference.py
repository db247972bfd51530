#!/usr/bin/python3
"""Decodes a few lossless files of ../shared/fixtures/formats with Pillow and writes their RGB pixels (gzip, row by
row, R G B) to findmypic-models/src/test/resources/formats-pil/, as an independent oracle for OpenCvPhotoDecoder.

Run from the project root with Debian's python3 (Pillow): /usr/bin/python3 tools/formats/pil_reference.py
"""
import gzip
import os
import sys

from PIL import Image

FILES = [
    "png/pngsuite/basn0g01.png",     # 1-bit grey
    "png/pngsuite/basn3p08.png",     # 8-bit palette
    "png/pngsuite/ibasn2c08.png",    # Adam7 interlaced RGB
    "png/pngsuite/basn2c16.png",     # 16-bit RGB: Pillow keeps the high byte, we round v/257 (off by 1 at most)
    "png/libjpeg-turbo/monkey16.png",
    "gif/pillow/hopper.gif",         # GIF palette, first frame
    # not bmp/pillow/g_pal4rle.bmp: Debian's Pillow garbles this 4-bit RLE file from half-way up, while OpenCV shows
    # the BMP suite's intended picture
    "bmp/pillow/g_pal8.bmp",         # 8-bit palette BMP
    "tiff/pillow/hopper_g4.tif",     # CCITT G4 1-bit TIFF
    "tiff/pillow/hopper_lzw.tif",
]

root = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "fixtures", "formats")
out = os.path.join(os.path.dirname(__file__), "..", "..", "findmypic-models", "src", "test", "resources", "formats-pil")
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "index.tsv"), "w") as index:
    index.write("path\twidth\theight\tfile\n")
    for rel in FILES:
        im = Image.open(os.path.join(root, rel))
        im.seek(0)
        rgb = im.convert("RGB")
        name = rel.replace("/", "_") + ".rgb.gz"
        with open(os.path.join(out, name), "wb") as f:
            f.write(gzip.compress(rgb.tobytes(), mtime=0))
        index.write(f"{rel}\t{rgb.width}\t{rgb.height}\t{name}\n")
        print(rel, rgb.size, file=sys.stderr)
