#!/usr/bin/python3
"""PyTorch eager baseline for the CLIP / MiniLM benchmark (Debian torch 1.13 at /usr/bin/python3).

  bench_torch.py weights DIR   writes random weights of the real ViT-B/32 CLIP and all-MiniLM-L6-v2 configs as
                               safetensors (DIR/clip-vit-b32-random, DIR/minilm-l6-random) plus check.safetensors,
                               inputs and outputs the Java side compares against
  bench_torch.py run DIR       times the eager models on those weights and prints one JSON object

The modules follow transformers' CLIPModel and BertModel eager code (separate q/k/v projections, matmul-softmax-
matmul attention), and a second image tower follows torchvision's VisionTransformer (nn.MultiheadAttention, whose
fast path torch 1.13 uses in eval mode). Both read the same weights.
"""
import json, math, os, struct, sys, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

THREADS = int(os.environ.get("BENCH_THREADS", "2"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))
torch.set_num_threads(THREADS)

CLIP_CONFIG = {
    "architectures": ["CLIPModel"], "model_type": "clip", "projection_dim": 512, "logit_scale_init_value": 2.6592,
    "text_config": {"hidden_size": 512, "intermediate_size": 2048, "num_attention_heads": 8, "num_hidden_layers": 12,
                    "max_position_embeddings": 77, "vocab_size": 49408, "hidden_act": "quick_gelu",
                    "layer_norm_eps": 1e-5, "bos_token_id": 0, "eos_token_id": 2, "pad_token_id": 1},
    "vision_config": {"hidden_size": 768, "intermediate_size": 3072, "num_attention_heads": 12,
                      "num_hidden_layers": 12, "image_size": 224, "patch_size": 32, "hidden_act": "quick_gelu",
                      "layer_norm_eps": 1e-5},
}
BERT_CONFIG = {"architectures": ["BertModel"], "model_type": "bert", "hidden_size": 384, "intermediate_size": 1536,
               "num_attention_heads": 12, "num_hidden_layers": 6, "max_position_embeddings": 512,
               "vocab_size": 30522, "type_vocab_size": 2, "hidden_act": "gelu", "layer_norm_eps": 1e-12}


def save_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name, t in tensors.items():
        a = t.detach().contiguous().numpy()
        dtype = {np.float32: "F32", np.int64: "I64"}[a.dtype.type]
        b = a.tobytes()
        header[name] = {"dtype": dtype, "shape": list(a.shape), "data_offsets": [offset, offset + len(b)]}
        offset += len(b)
        blobs.append(b)
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def load_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    out = {}
    for name, v in header.items():
        if name == "__metadata__":
            continue
        s, e = v["data_offsets"]
        dt = {"F32": np.float32, "I64": np.int64}[v["dtype"]]
        out[name] = torch.from_numpy(np.frombuffer(data[8 + n + s:8 + n + e], dtype=dt).reshape(v["shape"]).copy())
    return out


def quick_gelu(x):
    return x * torch.sigmoid(1.702 * x)


class Attention(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.h, self.hd = heads, d // heads
        self.q_proj, self.k_proj, self.v_proj, self.out_proj = (nn.Linear(d, d) for _ in range(4))

    def forward(self, x, mask=None):
        b, t, d = x.shape
        q = self.q_proj(x).view(b, t, self.h, self.hd).transpose(1, 2)
        k = self.k_proj(x).view(b, t, self.h, self.hd).transpose(1, 2)
        v = self.v_proj(x).view(b, t, self.h, self.hd).transpose(1, 2)
        w = torch.matmul(q, k.transpose(2, 3)) * self.hd ** -0.5
        if mask is not None:
            w = w + mask
        w = F.softmax(w, dim=-1)
        o = torch.matmul(w, v).transpose(1, 2).reshape(b, t, d)
        return self.out_proj(o)


class ClipLayer(nn.Module):
    def __init__(self, d, inter, heads):
        super().__init__()
        self.self_attn = Attention(d, heads)
        self.layer_norm1, self.layer_norm2 = nn.LayerNorm(d, eps=1e-5), nn.LayerNorm(d, eps=1e-5)
        self.mlp = nn.Module()
        self.mlp.fc1, self.mlp.fc2 = nn.Linear(d, inter), nn.Linear(inter, d)

    def forward(self, x, mask=None):
        x = x + self.self_attn(self.layer_norm1(x), mask)
        return x + self.mlp.fc2(quick_gelu(self.mlp.fc1(self.layer_norm2(x))))


class ClipVision(nn.Module):
    """transformers' CLIPVisionTransformer + visual_projection, eager."""

    def __init__(self, c):
        super().__init__()
        d, p = c["hidden_size"], c["patch_size"]
        self.p = p
        self.embeddings = nn.Module()
        self.embeddings.class_embedding = nn.Parameter(torch.zeros(d))
        self.embeddings.patch_embedding = nn.Conv2d(3, d, p, p, bias=False)
        self.embeddings.position_embedding = nn.Embedding((c["image_size"] // p) ** 2 + 1, d)
        self.pre_layrnorm, self.post_layernorm = nn.LayerNorm(d, eps=1e-5), nn.LayerNorm(d, eps=1e-5)
        self.encoder = nn.Module()
        self.encoder.layers = nn.ModuleList(
            ClipLayer(d, c["intermediate_size"], c["num_attention_heads"]) for _ in range(c["num_hidden_layers"]))

    def forward(self, pixels, projection):
        e = self.embeddings
        x = e.patch_embedding(pixels).flatten(2).transpose(1, 2)
        x = torch.cat([e.class_embedding.expand(x.shape[0], 1, -1), x], dim=1) + e.position_embedding.weight
        x = self.pre_layrnorm(x)
        for layer in self.encoder.layers:
            x = layer(x)
        return projection(self.post_layernorm(x[:, 0]))


class ClipText(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["hidden_size"]
        self.embeddings = nn.Module()
        self.embeddings.token_embedding = nn.Embedding(c["vocab_size"], d)
        self.embeddings.position_embedding = nn.Embedding(c["max_position_embeddings"], d)
        self.encoder = nn.Module()
        self.encoder.layers = nn.ModuleList(
            ClipLayer(d, c["intermediate_size"], c["num_attention_heads"]) for _ in range(c["num_hidden_layers"]))
        self.final_layer_norm = nn.LayerNorm(d, eps=1e-5)

    def forward(self, ids, projection):
        t = ids.shape[1]
        x = self.embeddings.token_embedding(ids) + self.embeddings.position_embedding.weight[:t]
        mask = torch.full((t, t), torch.finfo(torch.float32).min).triu(1)
        for layer in self.encoder.layers:
            x = layer(x, mask)
        x = self.final_layer_norm(x)
        return projection(x[torch.arange(ids.shape[0]), ids.argmax(-1)])


class Clip(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.vision_model, self.text_model = ClipVision(c["vision_config"]), ClipText(c["text_config"])
        self.visual_projection = nn.Linear(768, c["projection_dim"], bias=False)
        self.text_projection = nn.Linear(512, c["projection_dim"], bias=False)
        self.logit_scale = nn.Parameter(torch.tensor(c["logit_scale_init_value"]))


class TorchvisionStyleVit(nn.Module):
    """torchvision's VisionTransformer encoder blocks (nn.MultiheadAttention, batch_first) on the same weights."""

    def __init__(self, clip_vision, projection):
        super().__init__()
        self.src, self.projection = clip_vision, projection
        self.blocks = nn.ModuleList()
        for layer in clip_vision.encoder.layers:
            d = layer.layer_norm1.normalized_shape[0]
            mha = nn.MultiheadAttention(d, layer.self_attn.h, batch_first=True)
            a = layer.self_attn
            mha.in_proj_weight.data = torch.cat([a.q_proj.weight, a.k_proj.weight, a.v_proj.weight]).data
            mha.in_proj_bias.data = torch.cat([a.q_proj.bias, a.k_proj.bias, a.v_proj.bias]).data
            mha.out_proj.weight.data, mha.out_proj.bias.data = a.out_proj.weight.data, a.out_proj.bias.data
            self.blocks.append(nn.ModuleDict({"ln1": layer.layer_norm1, "attn": mha, "ln2": layer.layer_norm2,
                                              "fc1": layer.mlp.fc1, "fc2": layer.mlp.fc2}))

    def forward(self, pixels):
        e = self.src.embeddings
        x = e.patch_embedding(pixels).flatten(2).transpose(1, 2)
        x = torch.cat([e.class_embedding.expand(x.shape[0], 1, -1), x], dim=1) + e.position_embedding.weight
        x = self.src.pre_layrnorm(x)
        for b in self.blocks:
            h = b["ln1"](x)
            x = x + b["attn"](h, h, h, need_weights=False)[0]
            x = x + b["fc2"](quick_gelu(b["fc1"](b["ln2"](x))))
        return self.projection(self.src.post_layernorm(x[:, 0]))


class BertLayer(nn.Module):
    def __init__(self, d, inter, heads):
        super().__init__()
        self.attn = Attention(d, heads)
        self.ln1, self.ln2 = nn.LayerNorm(d, eps=1e-12), nn.LayerNorm(d, eps=1e-12)
        self.fc1, self.fc2 = nn.Linear(d, inter), nn.Linear(inter, d)

    def forward(self, x, mask):
        x = self.ln1(x + self.attn(x, mask))
        return self.ln2(x + self.fc2(F.gelu(self.fc1(x))))


class Bert(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["hidden_size"]
        self.word, self.pos, self.tt = (nn.Embedding(c["vocab_size"], d), nn.Embedding(512, d), nn.Embedding(2, d))
        self.ln = nn.LayerNorm(d, eps=1e-12)
        self.layers = nn.ModuleList(BertLayer(d, c["intermediate_size"], c["num_attention_heads"])
                                    for _ in range(c["num_hidden_layers"]))

    def state_names(self):
        names = {"word.weight": "embeddings.word_embeddings.weight", "pos.weight": "embeddings.position_embeddings.weight",
                 "tt.weight": "embeddings.token_type_embeddings.weight", "ln.weight": "embeddings.LayerNorm.weight",
                 "ln.bias": "embeddings.LayerNorm.bias"}
        for i in range(len(self.layers)):
            p = f"encoder.layer.{i}."
            for ours, theirs in [("attn.q_proj", "attention.self.query"), ("attn.k_proj", "attention.self.key"),
                                 ("attn.v_proj", "attention.self.value"), ("attn.out_proj", "attention.output.dense"),
                                 ("ln1", "attention.output.LayerNorm"), ("fc1", "intermediate.dense"),
                                 ("fc2", "output.dense"), ("ln2", "output.LayerNorm")]:
                for s in ("weight", "bias"):
                    names[f"layers.{i}.{ours}.{s}"] = p + theirs + "." + s
        return names

    def forward(self, ids, keep):
        t = ids.shape[1]
        x = self.ln(self.word(ids) + self.pos.weight[:t] + self.tt.weight[0])
        mask = (1.0 - keep[:, None, None, :].float()) * torch.finfo(torch.float32).min
        for layer in self.layers:
            x = layer(x, mask)
        m = keep[:, :, None].float()
        return F.normalize((x * m).sum(1) / m.sum(1).clamp(min=1e-9), dim=-1)


def randomize(module, seed):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in module.named_parameters():
            if "norm" in name or name.startswith("ln") or ".ln" in name:
                p.copy_((1.0 if name.endswith("weight") else 0.0) + 0.02 * torch.randn(p.shape, generator=g))
            else:
                p.copy_(0.02 * torch.randn(p.shape, generator=g))


def make_weights(root):
    torch.manual_seed(0)
    clip = Clip(CLIP_CONFIG).eval()
    randomize(clip, 1)
    clip.logit_scale.data.fill_(CLIP_CONFIG["logit_scale_init_value"])
    d = os.path.join(root, "clip-vit-b32-random")
    os.makedirs(d, exist_ok=True)
    json.dump(CLIP_CONFIG, open(os.path.join(d, "config.json"), "w"), indent=1)
    save_safetensors(os.path.join(d, "model.safetensors"), dict(clip.state_dict()))
    bert = Bert(BERT_CONFIG).eval()
    randomize(bert, 2)
    d = os.path.join(root, "minilm-l6-random")
    os.makedirs(d, exist_ok=True)
    json.dump(BERT_CONFIG, open(os.path.join(d, "config.json"), "w"), indent=1)
    names = bert.state_names()
    save_safetensors(os.path.join(d, "model.safetensors"), {names[k]: v for k, v in bert.state_dict().items()})
    # inputs and outputs for the Java side's parity check on the real-size model
    g = torch.Generator().manual_seed(3)
    pixels = torch.randn(2, 3, 224, 224, generator=g)
    ids = torch.tensor([[49406, 320, 1125, 539, 320, 2368, 49407]])
    bert_ids = torch.tensor([[101, 1037, 2158, 2003, 5983, 2833, 1012, 102]])
    with torch.no_grad():
        image = clip.vision_model(pixels, clip.visual_projection)
        text = clip.text_model(ids, clip.text_projection)
        sentence = bert(bert_ids, torch.ones_like(bert_ids))
    save_safetensors(os.path.join(root, "check.safetensors"), {
        "pixels": pixels, "image_features": image, "text_ids": ids, "text_features": text,
        "bert_ids": bert_ids, "sentence_embedding": sentence})


def timed(fn, items, min_seconds=None, warmup=1):
    min_seconds = SECONDS if min_seconds is None else min_seconds
    for _ in range(warmup):
        fn()
    runs, start = [], time.perf_counter()
    while time.perf_counter() - start < min_seconds or len(runs) < 3:
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    runs.sort()
    result = {"per_s": items / runs[len(runs) // 2], "best_per_s": items / runs[0], "runs": len(runs)}
    print(f"  {items} items: {result}", file=sys.stderr, flush=True)
    return result


def run(root):
    clip = Clip(CLIP_CONFIG).eval()
    clip.load_state_dict(load_safetensors(os.path.join(root, "clip-vit-b32-random", "model.safetensors")))
    bert = Bert(BERT_CONFIG).eval()
    names = bert.state_names()
    st = load_safetensors(os.path.join(root, "minilm-l6-random", "model.safetensors"))
    bert.load_state_dict({k: st[v] for k, v in names.items()})
    tv = TorchvisionStyleVit(clip.vision_model, clip.visual_projection).eval()
    out = {"threads": torch.get_num_threads(), "torch": torch.__version__, "hf_eager": {}, "torchvision_style": {}}
    g = torch.Generator().manual_seed(4)
    with torch.inference_mode():
        for batch in (1, 8, 32):
            pixels = torch.randn(batch, 3, 224, 224, generator=g)
            out["hf_eager"][f"images_b{batch}"] = timed(lambda: clip.vision_model(pixels, clip.visual_projection), batch)
            out["torchvision_style"][f"images_b{batch}"] = timed(lambda: tv(pixels), batch)
        ids = torch.tensor([[49406, 1579, 1615, 536, 930, 49407]])  # "red car at night", 6 tokens
        lat = timed(lambda: clip.text_model(ids, clip.text_projection), 1, warmup=5)
        out["hf_eager"]["text_query_ms"] = 1000.0 / lat["per_s"]
        sentences = torch.randint(1000, 30000, (32, 16), generator=g)
        sentences[:, 0], sentences[:, -1] = 101, 102
        out["hf_eager"]["minilm_sentences_b32_len16"] = timed(
            lambda: bert(sentences, torch.ones_like(sentences)), 32)
    print(json.dumps(out))


if __name__ == "__main__":
    {"weights": make_weights, "run": run}[sys.argv[1]](sys.argv[2])
