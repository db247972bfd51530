"""Writes small torch.save checkpoints whose tensors exercise storage layouts the Java reader must handle.

Run with Debian's torch: /usr/bin/python3 tools/make_torch_layout_fixtures.py
Outputs (each a few KB) in findmypic-models/src/test/resources/checkpoint/:
  layouts.zip.pt, layouts.legacy.pt  the same training-style checkpoint, zip and legacy format
  layouts.expected.json              every tensor as torch itself reads it: dtype, shape, values (row-major)
"""
import collections
import json
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "findmypic-models", "src", "test", "resources", "checkpoint")

base = torch.arange(24, dtype=torch.float32) * 0.5 - 3
state = collections.OrderedDict()
state["module.transposed"] = base[:12].reshape(3, 4).t()            # strides (1, 4): not row-major
state["module.offset_slice"] = base[5:11]                           # storage offset 5, shared storage
state["module.strided"] = base.reshape(4, 6)[:, ::2]                # stride 2 in the last dimension
state["module.scalar_long"] = torch.tensor(7, dtype=torch.int64)
state["module.half"] = torch.tensor([1.5, -2.25, 65504.0, 6e-8], dtype=torch.float16)
state["module.bf16"] = torch.tensor([1.5, -2.25, 3.0e38, 1e-30], dtype=torch.bfloat16)
state["module.int32"] = torch.tensor([[1, -2], [3, 2**31 - 1]], dtype=torch.int32)
state["module.uint8"] = torch.tensor([0, 255, 128], dtype=torch.uint8)
state["module.bool"] = torch.tensor([True, False, True])
state["module.double"] = torch.tensor([0.1, -1e300], dtype=torch.float64)
state["module.empty"] = torch.zeros(0, 3)
state["module.parameter"] = torch.nn.Parameter(torch.tensor([[0.25, 0.5]]))
checkpoint = {"epoch": 3, "state_dict": state, "note": "layout fixture"}

torch.save(checkpoint, os.path.join(OUT, "layouts.zip.pt"))
torch.save(checkpoint, os.path.join(OUT, "layouts.legacy.pt"), _use_new_zipfile_serialization=False)

expected = {}
for name, t in state.items():
    t = t.detach()
    values = t.float().contiguous().reshape(-1).tolist() if t.dtype != torch.float64 else t.reshape(-1).tolist()
    expected[name] = {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "values": values}
with open(os.path.join(OUT, "layouts.expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
