#!/usr/bin/python3
"""Writes small oracle fixtures for the EasyOCR port's image helpers, computed by Pillow 9.4 and numpy 1.24.

Run with Debian's python3 (has Pillow and numpy):  /usr/bin/python3 tools/easyocr/make_fixtures.py
Output: findmypic-models/src/test/resources/easyocr/image_ops.json
- pillow_bicubic: grey images (deterministic bytes) and Image.resize((w, h), Image.BICUBIC) of each, as EasyOCR's
  AlignCollate does to vertical crops;
- percentiles: numpy.percentile(values, 90) and (.., 10) of grey arrays, as EasyOCR's contrast_grey uses.
"""
import json
import os

import numpy as np
from PIL import Image


def grey(seed, w, h):
    rng = np.random.default_rng(seed)
    # smooth-ish content plus noise, so resampling is exercised on edges and flats
    base = np.add.outer(np.linspace(0, 200, h), np.linspace(0, 55, w))
    img = base + rng.integers(0, 40, size=(h, w))
    img[h // 3: h // 2, :] = 250
    return np.clip(img, 0, 255).astype(np.uint8)


cases = []
for seed, (w, h), (ow, oh) in [(1, (64, 150), (28, 64)), (2, (64, 64), (64, 64)), (3, (40, 30), (90, 64)),
                               (4, (64, 201), (21, 64))]:
    src = grey(seed, w, h)
    out = np.array(Image.fromarray(src, 'L').resize((ow, oh), Image.BICUBIC))
    cases.append({'width': w, 'height': h, 'src': src.flatten().tolist(), 'out_width': ow, 'out_height': oh,
                  'out': out.flatten().tolist()})

pcts = []
for seed, n in [(5, 7), (6, 100), (7, 1001), (8, 64 * 133)]:
    vals = np.random.default_rng(seed).integers(0, 256, size=n).astype(np.uint8)
    pcts.append({'values': vals.tolist(), 'p90': float(np.percentile(vals, 90)), 'p10': float(np.percentile(vals, 10))})

here = os.path.dirname(os.path.abspath(__file__))
dest = os.path.join(here, '..', '..', 'findmypic-models', 'src', 'test', 'resources', 'easyocr', 'image_ops.json')
with open(dest, 'w') as f:
    json.dump({'pillow': Image.__version__, 'numpy': np.__version__, 'pillow_bicubic': cases, 'percentiles': pcts}, f)
print('wrote', os.path.normpath(dest), os.path.getsize(dest), 'bytes')

# A model directory whose files are real torch.save checkpoints but too small to be EasyOCR's: the detector in the
# legacy pickle format with DataParallel's "module." prefix and a misshapen first convolution, the recogniser in the
# zip format. EasyOcrEngine.open must read both formats and name the misshapen tensor.
import collections

import torch

bad = os.path.join(here, '..', '..', 'findmypic-models', 'src', 'test', 'resources', 'easyocr', 'misshapen_models')
os.makedirs(bad, exist_ok=True)
torch.save(collections.OrderedDict([('module.basenet.slice1.0.weight', torch.zeros(64, 3, 3, 2))]),
           os.path.join(bad, 'craft_mlt_25k.pth'), _use_new_zipfile_serialization=False)
torch.save(collections.OrderedDict([('module.Prediction.bias', torch.zeros(97))]), os.path.join(bad, 'english_g2.pth'))
print('wrote', os.path.normpath(bad))
