"""Export the EMA model to ONNX (+ fixtures for the TypeScript side).

Outputs (in --out, default assets/models/glyffuser-mini/):
  text_encoder.onnx  input_ids [B,16] int64 -> last_hidden_state [B,16,D]
  unet.onnx          sample [B,1,32,32] f32, timestep [B] f32,
                     encoder_hidden_states [B,16,D] f32,
                     encoder_attention_mask [B,16] f32 (1 keep, 0 pad)
                     -> noise_pred [B,1,32,32], cross_attention [B,16,16,16]
  tokenizer.json
  fixtures/tokenizer_cases.json, fixtures/model_cases.json

Weights: EMA, WordNet synset vectors collapsed into the word embedding table,
every parameter rounded to fp16 in torch *before* export; in the ONNX files
float32 initializers that are exactly fp16-representable (all weights, >= 16
values) are stored as float16 followed by a Cast to float32. The fixtures are
computed by torch from the same fp16-rounded weights in float32, so ONNX
Runtime should match them to float32 rounding error.
"""
import argparse
import hashlib
import json
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))

from . import checkpoint
from .sample import load_ema, sample
from .schedule import ddim_timesteps

DEFAULT_OUT = os.path.join(os.path.dirname(HERE), "assets", "models", "glyffuser-mini")
OPSET = 17
# unet.onnx's second output `cross_attention` [B, L, 16, 16]: each prompt token's share of
# the cross-attention at 16x16, averaged over heads and the two layers there (model.py).
ATTENTION_RES = 16

TOKENIZER_CASES = [
    "", "gold", "Gold", "GOLD METAL", "metal, iron; copper.", "  water\ttree\ngrass  ",
    "speech!!! (words)", "zzzqxv unknownword gold", "tree2 3 dots 100", "naïve café",
    "a b c d e f g h i j k l m n o p q r s t", "to lick; to taste, a mat, bamboo bark",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen",
    "golden oak ocean", "metallic speak forest",
]


class TextWrap(torch.nn.Module):
    def __init__(self, text):
        super().__init__()
        self.text = text

    def forward(self, input_ids):
        return self.text(input_ids)


def round_fp16_(module):
    """Round every float parameter/buffer to the nearest fp16 value (kept float32)."""
    with torch.no_grad():
        for t in list(module.parameters()) + list(module.buffers()):
            if t.dtype == torch.float32:
                t.copy_(t.half().float())
    return module


def prepare(ckpt_path):
    """EMA model with synsets and GloVe vectors collapsed into one embedding table, weights
    fp16-rounded; a GloVe model's tokenizer gains the alias table for unseen words."""
    model, tok, ck = load_ema(ckpt_path)
    if ck["config"].get("glove_dim"):
        from . import glove

        tok.aliases = glove.aliases(tok.vocab)
    model.text.collapse()
    round_fp16_(model)
    model.eval()
    return model, tok, ck


def to_fp16_initializers(path, min_size=16):
    """Store exactly-fp16-representable float32 initializers as float16 + Cast."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    m = onnx.load(path)
    g = m.graph
    casts, keep = [], []
    for init in g.initializer:
        arr = numpy_helper.to_array(init)
        if (init.data_type == TensorProto.FLOAT and arr.size >= min_size
                and np.array_equal(arr.astype(np.float16).astype(np.float32), arr)):
            name = init.name
            h = numpy_helper.from_array(arr.astype(np.float16), name + "__fp16")
            keep.append(h)
            casts.append(helper.make_node("Cast", [h.name], [name], to=TensorProto.FLOAT,
                                          name=name + "__cast"))
        else:
            keep.append(init)
    del g.initializer[:]
    g.initializer.extend(keep)
    nodes = casts + list(g.node)
    del g.node[:]
    g.node.extend(nodes)
    onnx.checker.check_model(m)
    onnx.save(m, path)
    return len(casts)


def export_onnx(model, out_dir, seq_len=16):
    import onnx

    D = model.config["text_dim"]
    te_path = os.path.join(out_dir, "text_encoder.onnx")
    unet_path = os.path.join(out_dir, "unet.onnx")
    ids = torch.zeros(2, seq_len, dtype=torch.long)
    ids[0, :2] = torch.tensor([2, 3])
    torch.onnx.export(TextWrap(model.text), (ids,), te_path, opset_version=OPSET,
                      input_names=["input_ids"], output_names=["last_hidden_state"],
                      dynamic_axes={"input_ids": {0: "batch"}, "last_hidden_state": {0: "batch"}},
                      do_constant_folding=True)
    args = (torch.randn(2, 1, 32, 32), torch.tensor([500.0, 10.0]),
            torch.randn(2, seq_len, D), torch.ones(2, seq_len))
    model.unet.attention_res = ATTENTION_RES
    torch.onnx.export(model.unet, args, unet_path, opset_version=OPSET,
                      input_names=["sample", "timestep", "encoder_hidden_states",
                                   "encoder_attention_mask"],
                      output_names=["noise_pred", "cross_attention"],
                      dynamic_axes={n: {0: "batch"} for n in
                                    ["sample", "timestep", "encoder_hidden_states",
                                     "encoder_attention_mask", "noise_pred", "cross_attention"]},
                      do_constant_folding=True)
    model.unet.attention_res = None
    # the exporter leaves the text encoder's output dims symbolic: pin [batch, L, D]
    m = onnx.load(te_path)
    dims = m.graph.output[0].type.tensor_type.shape.dim
    dims[0].dim_param = "batch"
    dims[1].dim_value, dims[2].dim_value = seq_len, D
    onnx.save(m, te_path)
    info = {}
    for p in (te_path, unet_path):
        n = to_fp16_initializers(p)
        onnx.checker.check_model(onnx.load(p))
        info[os.path.basename(p)] = {"bytes": os.path.getsize(p), "sha256": sha256_of(p), "fp16_initializers": n}
    return info


def sha256_of(path):
    """The file's SHA-256 (hex): model.json's `files` entry, which the engine checks cached and downloaded bytes against."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def flat(t):
    return [float(v) for v in np.asarray(t, dtype=np.float32).reshape(-1)]


def write_fixtures(model, tok, out_dir, seed=1234):
    fx = os.path.join(out_dir, "fixtures")
    os.makedirs(fx, exist_ok=True)
    cases = []
    for s in TOKENIZER_CASES:
        ids, mask = tok.encode(s)
        cases.append({"text": s, "input_ids": ids, "attention_mask": mask})
    with open(os.path.join(fx, "tokenizer_cases.json"), "w") as f:
        json.dump({"max_length": tok.max_length, "cases": cases}, f, indent=1)

    prompts = ["gold", ""]
    ids, mask = tok.encode_batch(prompts)
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(2, 1, 32, 32, generator=g)
    t = torch.tensor([500.0, 500.0])
    with torch.no_grad():
        hid = model.text(torch.from_numpy(ids))
        model.unet.attention_res = ATTENTION_RES
        eps, attn = model.unet(x, t, hid, torch.from_numpy(mask))
        model.unet.attention_res = None
        # a short end-to-end DDIM run: prompt "gold", 4 steps, guidance 3
        noise = torch.randn(1, 1, 32, 32, generator=torch.Generator().manual_seed(seed + 1))
        img = sample(model, tok, ["gold"], guidance=3.0, steps=4, noise=noise)
    D = hid.shape[-1]
    case = {
        "note": "torch float32 with the fp16-rounded weights stored in the ONNX files",
        "prompts": prompts,
        "input_ids": {"shape": [2, tok.max_length], "data": ids.reshape(-1).tolist()},
        "attention_mask": {"shape": [2, tok.max_length], "data": flat(mask)},
        "last_hidden_state": {"shape": [2, tok.max_length, D], "data": flat(hid)},
        "sample": {"shape": [2, 1, 32, 32], "data": flat(x), "seed": seed},
        "timestep": {"shape": [2], "data": flat(t)},
        "noise_pred": {"shape": [2, 1, 32, 32], "data": flat(eps)},
        "cross_attention": {"shape": list(attn.shape), "data": flat(attn)},
        "ddim": {"prompt": "gold", "steps": 4, "guidance": 3.0,
                 "timesteps": ddim_timesteps(4),
                 "initial_noise": {"shape": [1, 1, 32, 32], "data": flat(noise)},
                 "image": {"shape": [1, 1, 32, 32], "data": flat(img),
                           "note": "clamped to [-1,1] after the last step"}},
        "tolerance": {"abs": 1e-3},
    }
    with open(os.path.join(fx, "model_cases.json"), "w") as f:
        json.dump(case, f)
    return fx


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--run", default="main")
    p.add_argument("--ckpt", default=None)
    p.add_argument("--out", default=DEFAULT_OUT)
    a = p.parse_args(argv)
    torch.set_num_threads(2)
    ckpt = a.ckpt or checkpoint.newest_path(a.run)
    os.makedirs(a.out, exist_ok=True)
    model, tok, ck = prepare(ckpt)
    info = export_onnx(model, a.out, tok.max_length)
    tok.save(os.path.join(a.out, "tokenizer.json"))
    write_fixtures(model, tok, a.out)
    tok_path = os.path.join(a.out, "tokenizer.json")
    info["tokenizer.json"] = {"bytes": os.path.getsize(tok_path), "sha256": sha256_of(tok_path)}
    with open(os.path.join(a.out, "export_info.json"), "w") as f:
        json.dump(info, f, indent=1)
    print(json.dumps(info))
    return model, tok, ck, info


if __name__ == "__main__":
    main()
