"""Ship the few-step student (distill.py) as assets/models/glyffuser-mini-turbo/.

  /usr/bin/python3 -m training.export_turbo [--run turbo] [--steps 4] [--out DIR]

Writes unet.onnx (the teacher's inputs plus diffusers' `timestep_cond` [B, 256], the
embedding of w = guidance - 1, lcm.py), fixtures/model_cases.json (torch references with
the same fp16-rounded weights) and export_info.json. No text encoder or tokenizer of its
own: the student's text encoder is the teacher's, bit for bit (checked here), so its
model.json names the teacher's files (../glyffuser-mini/...) and a page showing both
models downloads them once. turbo_manifest.py writes model.json and README.md.
"""
import argparse
import json
import os

import torch

from . import checkpoint
from .export import (ATTENTION_RES, DEFAULT_OUT as TEACHER_OUT, OPSET, flat, prepare, sha256_of,
                     to_fp16_initializers)
from .lcm import guidance_embedding, lcm_timesteps, sample_lcm

TURBO_OUT = os.path.join(os.path.dirname(TEACHER_OUT), "glyffuser-mini-turbo")
SHARED = {"text_encoder.onnx": "../glyffuser-mini/text_encoder.onnx",
          "tokenizer.json": "../glyffuser-mini/tokenizer.json"}
UNET_INPUTS = ["sample", "timestep", "encoder_hidden_states", "encoder_attention_mask", "timestep_cond"]


def check_shared_text(student, teacher_ckpt):
    """The student's (collapsed, fp16-rounded) text encoder must equal the shipped teacher's."""
    teacher, _, _ = prepare(teacher_ckpt)
    ts, ss = teacher.text.state_dict(), student.text.state_dict()
    bad = [k for k in ts if not torch.equal(ts[k], ss[k])]
    if bad or ts.keys() != ss.keys():
        raise SystemExit("the student's text encoder differs from the teacher's: %s" % bad[:3])


def export_unet(model, out_dir, seq_len):
    D = model.config["text_dim"]
    path = os.path.join(out_dir, "unet.onnx")
    w = guidance_embedding(torch.tensor([6.0, 2.0]), model.unet.time_cond_proj_dim)
    args = (torch.randn(2, 1, 32, 32), torch.tensor([979.0, 259.0]), torch.randn(2, seq_len, D),
            torch.ones(2, seq_len), w)
    model.unet.attention_res = ATTENTION_RES
    outputs = ["noise_pred", "cross_attention"]
    torch.onnx.export(model.unet, args, path, opset_version=OPSET, input_names=UNET_INPUTS,
                      output_names=outputs,
                      dynamic_axes={n: {0: "batch"} for n in UNET_INPUTS + outputs},
                      do_constant_folding=True)
    model.unet.attention_res = None
    n = to_fp16_initializers(path)
    return {"unet.onnx": {"bytes": os.path.getsize(path), "sha256": sha256_of(path), "fp16_initializers": n}}


def write_fixtures(model, tok, out_dir, seed=4321, guidance=7.0):
    """One U-Net call with timestep_cond at two timesteps, and a whole 1-step LCM run (deterministic:
    the only noise is the initial one; later steps re-noise with the sampler's own draws)."""
    fx = os.path.join(out_dir, "fixtures")
    os.makedirs(fx, exist_ok=True)
    prompts = ["gold", "water"]
    ids, mask = tok.encode_batch(prompts)
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(2, 1, 32, 32, generator=g)
    t = torch.tensor([979.0, 259.0])
    w = guidance_embedding(torch.full((2,), guidance - 1.0), model.unet.time_cond_proj_dim)
    noise = torch.randn(1, 1, 32, 32, generator=torch.Generator().manual_seed(seed + 1))
    with torch.no_grad():
        hid = model.text(torch.from_numpy(ids))
        model.unet.attention_res = ATTENTION_RES
        eps, attn = model.unet(x, t, hid, torch.from_numpy(mask), timestep_cond=w)
        model.unet.attention_res = None
        img = sample_lcm(model, tok, ["gold"], guidance=guidance, steps=1, noise=noise)
    case = {
        "note": "torch float32 with the fp16-rounded weights stored in the ONNX files",
        "prompts": prompts, "guidance": guidance,
        "last_hidden_state": {"shape": list(hid.shape), "data": flat(hid)},
        "sample": {"shape": [2, 1, 32, 32], "data": flat(x), "seed": seed},
        "timestep": {"shape": [2], "data": flat(t)},
        "timestep_cond": {"shape": list(w.shape), "data": flat(w)},
        "noise_pred": {"shape": [2, 1, 32, 32], "data": flat(eps)},
        "cross_attention": {"shape": list(attn.shape), "data": flat(attn)},
        "lcm": {"prompt": "gold", "steps": 1, "guidance": guidance, "timesteps": lcm_timesteps(1),
                "initial_noise": {"shape": [1, 1, 32, 32], "data": flat(noise)},
                "image": {"shape": [1, 1, 32, 32], "data": flat(img), "note": "clamped to [-1,1]"}},
        "tolerance": {"abs": 1e-3},
    }
    with open(os.path.join(fx, "model_cases.json"), "w") as f:
        json.dump(case, f)


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--run", default="turbo")
    p.add_argument("--ckpt", default=None)
    p.add_argument("--teacher", default=checkpoint.committed_path("v2"))
    p.add_argument("--out", default=TURBO_OUT)
    a = p.parse_args(argv)
    torch.set_num_threads(2)
    ckpt = a.ckpt or checkpoint.newest_path(a.run)
    os.makedirs(a.out, exist_ok=True)
    model, tok, ck = prepare(ckpt)
    if not model.unet.time_cond_proj_dim:
        raise SystemExit("%s is not a guidance-embedded student (no time_cond_proj_dim)" % ckpt)
    check_shared_text(model, a.teacher)
    info = export_unet(model, a.out, tok.max_length)
    write_fixtures(model, tok, a.out)
    for name, rel in SHARED.items():
        path = os.path.join(TEACHER_OUT, name)
        info[rel] = {"bytes": os.path.getsize(path), "sha256": sha256_of(path)}
    with open(os.path.join(a.out, "export_info.json"), "w") as f:
        json.dump(info, f, indent=1)
    print(json.dumps(info))


if __name__ == "__main__":
    main()
