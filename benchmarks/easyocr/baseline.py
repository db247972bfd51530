#!/usr/bin/python3
"""Baseline for benchmarks/easyocr: the same two networks in PyTorch (Debian python3-torch 1.13, CPU), timed on the
shapes the Java harness used (canvas sizes and recogniser crop widths, read from its JSON output).

The networks are written here from their published architecture (CRAFT: VGG16-BN backbone, 4 up-convolution stages,
5-conv head; english_g2: VGG feature extractor, 2 bidirectional LSTM(256) + Linear, Linear(256, 97)), with random
weights: timing depends on the shapes only. EasyOCR on CPU runs its recogniser one crop at a time, so crops are timed
one by one, and also batched by width like the Java engine. EasyOCR itself cannot be run here (no cv2/scipy/skimage).

usage: /usr/bin/python3 baseline.py SHAPES_JSON [RUNS]
"""
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_bn(cin, cout, k=3, p=1):
    return [nn.Conv2d(cin, cout, k, padding=p), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


class Craft(nn.Module):
    def __init__(self):
        super().__init__()
        self.s1 = nn.Sequential(*conv_bn(3, 64), *conv_bn(64, 64), nn.MaxPool2d(2), *conv_bn(64, 128),
                                *conv_bn(128, 128))
        self.s2 = nn.Sequential(nn.MaxPool2d(2), *conv_bn(128, 256), *conv_bn(256, 256))
        self.s3 = nn.Sequential(*conv_bn(256, 256), nn.MaxPool2d(2), *conv_bn(256, 512), *conv_bn(512, 512))
        self.s4 = nn.Sequential(*conv_bn(512, 512), nn.MaxPool2d(2), *conv_bn(512, 512), *conv_bn(512, 512))
        self.s5 = nn.Sequential(nn.MaxPool2d(3, 1, 1), nn.Conv2d(512, 1024, 3, padding=6, dilation=6),
                                nn.Conv2d(1024, 1024, 1))
        self.up = nn.ModuleList([nn.Sequential(*conv_bn(i + m, m, 1, 0), *conv_bn(m, o))
                                 for i, m, o in [(1024, 512, 256), (512, 256, 128), (256, 128, 64), (128, 64, 32)]])
        self.head = nn.Sequential(nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(32, 32, 3, padding=1),
                                  nn.ReLU(), nn.Conv2d(32, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 16, 1),
                                  nn.ReLU(), nn.Conv2d(16, 2, 1))

    def forward(self, x):
        a = self.s1(x)
        b = self.s2(a)
        c = self.s3(b)
        d = self.s4(c)
        e = self.s5(d)
        y = self.up[0](torch.cat([e, d], 1))
        for stage, skip in zip(self.up[1:], [c, b, a]):
            y = F.interpolate(y, size=skip.shape[2:], mode='bilinear', align_corners=False)
            y = stage(torch.cat([y, skip], 1))
        return self.head(y).permute(0, 2, 3, 1)


class BiLstm(nn.Module):
    def __init__(self, n_in, hidden):
        super().__init__()
        self.rnn = nn.LSTM(n_in, hidden, bidirectional=True, batch_first=True)
        self.linear = nn.Linear(2 * hidden, hidden)

    def forward(self, x):
        return self.linear(self.rnn(x)[0])


class Recognizer(nn.Module):
    def __init__(self):
        super().__init__()
        r = nn.ReLU(True)
        self.features = nn.Sequential(
            nn.Conv2d(1, 32, 3, 1, 1), r, nn.MaxPool2d(2, 2), nn.Conv2d(32, 64, 3, 1, 1), r, nn.MaxPool2d(2, 2),
            nn.Conv2d(64, 128, 3, 1, 1), r, nn.Conv2d(128, 128, 3, 1, 1), r, nn.MaxPool2d((2, 1), (2, 1)),
            nn.Conv2d(128, 256, 3, 1, 1, bias=False), nn.BatchNorm2d(256), r,
            nn.Conv2d(256, 256, 3, 1, 1, bias=False), nn.BatchNorm2d(256), r, nn.MaxPool2d((2, 1), (2, 1)),
            nn.Conv2d(256, 256, 2, 1, 0), r)
        self.seq = nn.Sequential(BiLstm(256, 256), BiLstm(256, 256))
        self.pred = nn.Linear(256, 97)

    def forward(self, x):
        f = self.features(x).permute(0, 3, 1, 2).mean(3)
        return self.pred(self.seq(f))


def median_ms(fn, runs):
    """One warm-up run, then the medians of wall-clock and process CPU milliseconds over `runs` runs, as text."""
    fn()
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return f'{statistics.median(wall):.0f} ({statistics.median(cpu):.0f})'


def main():
    shapes = json.load(open(sys.argv[1]))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    torch.set_num_threads(2)
    torch.manual_seed(0)
    craft, rec = Craft().eval(), Recognizer().eval()
    print(f'torch {torch.__version__}, threads {torch.get_num_threads()}')
    print(f"{'image':30} {'canvas':>10} {'craft ms (cpu)':>15} | {'crops':>5} {'by width ms (cpu)':>18} "
          f"{'1-by-1 ms (cpu)':>16}")
    with torch.no_grad():
        for s in shapes:
            h, w = s['canvas']
            x = torch.randn(1, 3, h, w)
            craft_ms = median_ms(lambda: craft(x).numpy(), runs)
            crops = [torch.randn(1, 1, 64, cw) for cw in s['crop_widths']]
            one_ms = median_ms(lambda: [rec(c).numpy() for c in crops], runs)
            groups = {}
            for cw in s['crop_widths']:
                groups[cw] = groups.get(cw, 0) + 1
            batches = [torch.randn(n, 1, 64, cw) for cw, n in groups.items()]
            batch_ms = median_ms(lambda: [rec(b).numpy() for b in batches], runs)
            print(f"{s['image']:30} {w}x{h:<5} {craft_ms:>15} | {len(crops):5d} {batch_ms:>18} {one_ms:>16}")


if __name__ == '__main__':
    main()
