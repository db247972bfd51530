"""Writes deterministic mutants of the small files of ../shared/fixtures/formats into a directory, for the native
decode crash probe. Usage: /usr/bin/python3 make_mutants.py <shared> <out-dir> <mutants-per-file>"""
import os
import random
import sys

shared, out, per = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
src = os.path.join(shared, "fixtures/formats")
for root, _, names in os.walk(src):
    for name in sorted(names):
        path = os.path.join(root, name)
        if name.endswith((".md", ".tsv")) or os.path.getsize(path) > 256 * 1024 or os.path.getsize(path) == 0:
            continue
        data = open(path, "rb").read()
        rnd = random.Random(name)
        for i in range(per):
            b = bytearray(data)
            kind = i % 4
            if kind == 0:  # header bytes
                for _ in range(rnd.randint(1, 6)):
                    b[rnd.randrange(min(len(b), 512))] = rnd.randrange(256)
            elif kind == 1:  # anywhere
                for _ in range(rnd.randint(1, 32)):
                    b[rnd.randrange(len(b))] = rnd.randrange(256)
            elif kind == 2:  # truncation
                b = b[: rnd.randrange(1, len(b))]
            else:  # boundary values in the header
                at = rnd.randrange(min(len(b), 256))
                v = rnd.choice([b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\x7f\xff\xff\xff", b"\x80\x00"])
                b[at:at + len(v)] = v
            with open(os.path.join(out, f"{name}.m{i:03d}"), "wb") as f:
                f.write(bytes(b))
