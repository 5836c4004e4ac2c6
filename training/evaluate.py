"""Evaluate a run (EMA weights, fixed seeds): <run>/metrics.json + sample grids.

(a) Radical test: for each prompt of RADICAL_TESTS draw n (>= 64) glyphs at each
    guidance scale; a sample "has" the prompt's Kangxi radical by two judges:
      - nearest: its nearest real glyph (L2 in pixels over all 21k renders) has it;
      - cnn:     the radical classifier (judge.py, trained on real glyphs) says so.
    Hit rates come with a 95 % Wilson interval, next to the radical's base rate.
(b) Novelty: median nearest-training-glyph distance of samples / the same for held-out
    real glyphs, and the share of near-copies (distance below NEAR_COPY).
(c) guidance.default: the scale with the best mean hit rate over the six core prompts
    by the weaker of the two judges.
(d) One grid PNG per prompt and an atlas (prompts x 8 glyphs) for the model assets.

  /usr/bin/python3 -m training.evaluate --run v2 [--n 64]
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))

from . import dataset, judge
from .sample import grid, load_run, sample, to_uint8

# The prompts, the radical each should carry, and the guidance scales: shared with
# engine_samples.mjs, which draws the same test through the kit's engine.
with open(os.path.join(HERE, "radical_tests.json")) as _f:
    _TESTS = json.load(_f)
CORE = [tuple(x) for x in _TESTS["CORE"]]
RADICAL_TESTS = [tuple(x) for x in _TESTS["RADICAL_TESTS"]]
GUIDANCES = tuple(_TESTS["GUIDANCES"])
# L2 over 1,024 pixels in [-1, 1]: below 2.0 (RMS pixel difference < 0.0625, i.e.
# about 3 % of the range) a sample is a near-copy of that training glyph.
NEAR_COPY = 2.0


def nearest(queries, refs, chunk=2048):
    """For each query row, (index, L2 distance) of the closest row of refs."""
    q = torch.from_numpy(queries.reshape(len(queries), -1)).float()
    best_d = torch.full((len(q),), float("inf"))
    best_i = torch.zeros(len(q), dtype=torch.long)
    q2 = (q * q).sum(1, keepdim=True)
    for s in range(0, len(refs), chunk):
        r = torch.from_numpy(refs[s:s + chunk].reshape(-1, q.shape[1])).float()
        d = q2 - 2 * q @ r.T + (r * r).sum(1)[None]  # |q - r|^2 = |q|^2 - 2 q.r + |r|^2
        v, i = d.min(1)
        upd = v < best_d
        best_d[upd], best_i[upd] = v[upd], i[upd] + s
    return best_i.numpy(), best_d.clamp_min(0).sqrt().numpy()


def wilson(k, n, z=1.96):
    """95 % Wilson score interval for k successes out of n."""
    if n == 0:
        return [0.0, 1.0]
    p = k / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return [round(max(0.0, c - h), 4), round(min(1.0, c + h), 4)]


def rate(hits):
    hits = np.asarray(hits, dtype=bool)
    return {"rate": round(float(hits.mean()), 4), "ci95": wilson(int(hits.sum()), len(hits)),
            "n": int(len(hits))}


def stats(d):
    d = np.asarray(d, dtype=np.float64)
    return {"p10": float(np.percentile(d, 10)), "median": float(np.median(d)),
            "p90": float(np.percentile(d, 90)), "n": int(len(d))}


def torch_sampler(model, tok, n, steps, seed):
    """draw(k, prompt, g) -> [n,1,32,32] samples of the torch model (DDIM, fixed seeds)."""
    return lambda k, prompt, g: sample(model, tok, [prompt] * n, g, steps, seed + 1000 * k)


def engine_sampler(path):
    """draw(k, prompt, g) -> the samples engine_samples.mjs drew through the kit's engine."""
    with open(path) as f:
        meta = json.load(f)
    flat = np.fromfile(path + ".f32", dtype=np.float32)
    chunks, pos = {}, 0
    for e in meta["index"]:
        size = e["count"] * int(np.prod(meta["shape"]))
        chunks[(e["prompt"], float(e["guidance"]))] = flat[pos:pos + size].reshape(e["count"], *meta["shape"])
        pos += size
    return lambda k, prompt, g: torch.from_numpy(chunks[(prompt, float(g))]).clamp(-1, 1), meta


def radical_test(draw, data, cnn, tests, guidances, out_dir):
    imgs = dataset.to_model_range(data["images"])
    rads = data["radicals"]
    results, hits, samples, atlas = {}, {}, [], []
    # the pictures: at guidance 3 when it is tested, else at the last scale tested
    shown = 3.0 if 3.0 in guidances else guidances[-1]
    for k, (prompt, rad) in enumerate(tests):
        entry = {"radical": rad, "base_rate": round(float((rads == rad).mean()), 4)}
        for g in guidances:
            x = draw(k, prompt, g)
            xs = x.squeeze(1).numpy()
            idx, _ = nearest(xs, imgs)
            by_nn = rads[idx] == rad
            by_cnn = judge.predict(cnn, x).numpy() == rad
            hits[(prompt, g)] = (by_nn, by_cnn)
            entry["guidance_%g" % g] = {"nearest": rate(by_nn), "cnn": rate(by_cnn)}
            if g == shown:
                u8 = to_uint8(x)
                grid(u8[:16], cols=4, scale=4).save(os.path.join(out_dir, "samples_%s.png" % prompt))
                atlas.append(u8[:8])
            samples.append(xs)
        results[prompt] = entry
        print("%-8s r%-3d base %.3f  %s" % (prompt, rad, entry["base_rate"], "  ".join(
            "g%g nn %.2f cnn %.2f" % (g, entry["guidance_%g" % g]["nearest"]["rate"],
                                       entry["guidance_%g" % g]["cnn"]["rate"]) for g in guidances)),
            flush=True)
    return results, hits, np.concatenate(samples), atlas


def summarise(hits, tests, guidances):
    """Mean over the core prompts per guidance, pooled with a Wilson interval."""
    core = [p for p, _ in tests if p in dict(CORE)]
    out = {}
    for g in guidances:
        nn_all = np.concatenate([hits[(p, g)][0] for p in core])
        cnn_all = np.concatenate([hits[(p, g)][1] for p in core])
        out["guidance_%g" % g] = {"nearest": rate(nn_all), "cnn": rate(cnn_all)}
    best = max(guidances, key=lambda g: (min(out["guidance_%g" % g]["nearest"]["rate"],
                                             out["guidance_%g" % g]["cnn"]["rate"]), -g))
    return out, best


# A faint pixel is neither background (-1) nor ink (+1) nor a stroke's anti-aliased edge: the grey haze a
# one-step sampler leaves on the background, which the radical test does not see.
FAINT = (-0.9, -0.5)


def haze(data, samples):
    """Share of faint pixels in the samples and in the real glyphs (for scale)."""
    imgs = dataset.to_model_range(data["images"])
    share = lambda x: round(float(((x > FAINT[0]) & (x < FAINT[1])).mean()), 4)  # noqa: E731
    return {"faint_share": share(samples), "real_faint_share": share(imgs), "faint_range": list(FAINT)}


def novelty(data, samples):
    imgs = dataset.to_model_range(data["images"])
    train = ~data["heldout"]
    _, d_samp = nearest(samples, imgs[train])
    _, d_held = nearest(imgs[~train], imgs[train])
    return {"samples_to_train": stats(d_samp), "heldout_to_train": stats(d_held),
            "ratio_of_medians": round(float(np.median(d_samp) / np.median(d_held)), 3),
            "near_copy_threshold": NEAR_COPY,
            "near_copies_share": round(float((d_samp < NEAR_COPY).mean()), 4),
            "heldout_near_copies_share": round(float((d_held < NEAR_COPY).mean()), 4),
            "note": "L2 over 32x32 pixels in [-1,1]"}


def evaluate(draw, source, settings, out_dir, tests=RADICAL_TESTS, guidances=GUIDANCES,
             atlas_path=None, data=None):
    """Judge the samples `draw(k, prompt, g)` gives; `source` says what drew them."""
    t0 = time.time()
    data = data or dataset.load_dataset()
    x_all = torch.from_numpy(dataset.to_model_range(data["images"]))[:, None]
    cnn, cnn_acc = judge.load_or_train(x_all, data["radicals"], data["heldout"])
    results, hits, samples, atlas = radical_test(draw, data, cnn, tests, guidances, out_dir)
    summary, best = summarise(hits, tests, guidances)
    metrics = {
        "source": source,
        "settings": dict(settings, guidances=list(guidances)),
        "judges": {"nearest": "radical of the nearest real glyph (pixel L2, all glyphs)",
                   "cnn": "radical classifier on real glyphs, held-out accuracy %.3f" % cnn_acc,
                   "cnn_heldout_accuracy": round(cnn_acc, 4)},
        "core_mean": summary, "default_guidance": best,
        "radical_test": results, "novelty": novelty(data, samples), "haze": haze(data, samples),
    }
    metrics["seconds"] = round(time.time() - t0, 1)
    with open(os.path.join(out_dir, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=1)
    if atlas_path:
        grid(np.concatenate(atlas), cols=8, pad=2).save(atlas_path)
    for g in guidances:
        s = summary["guidance_%g" % g]
        print("core mean g%g: nearest %.3f %s  cnn %.3f %s" % (
            g, s["nearest"]["rate"], s["nearest"]["ci95"], s["cnn"]["rate"], s["cnn"]["ci95"]))
    nv = metrics["novelty"]
    print("default guidance %g; novelty ratio %.3f, near-copies %.3f (%.0fs)" % (
        best, nv["ratio_of_medians"], nv["near_copies_share"], metrics["seconds"]))
    return metrics


def main():
    from . import checkpoint as ckpt_file

    p = argparse.ArgumentParser()
    p.add_argument("--run", default="main")
    p.add_argument("--n", type=int, default=64)
    p.add_argument("--steps", type=int, default=25)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--atlas", default=None, help="also write a prompts x 8 samples atlas PNG here")
    p.add_argument("--engine-samples", default=None,
                   help="judge samples drawn by engine_samples.mjs (the shipped ONNX model) instead")
    p.add_argument("--out", default=None, help="folder for metrics.json and grids (default: the run's)")
    p.add_argument("--core-only", action="store_true", help="only the six core prompts (a quicker check)")
    p.add_argument("--guidances", default=None, help="comma-separated scales (default: 1,3,5,7)")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    if a.engine_samples:
        draw, meta = engine_sampler(a.engine_samples)
        out_dir = a.out or os.path.dirname(os.path.abspath(a.engine_samples))
        source = {"engine": "%s v%s (ONNX through the kit's engine, onnxruntime-node)"
                            % (meta["model"], meta["version"])}
        settings = {"n_per_prompt": meta["index"][0]["count"], "steps": meta["steps"],
                    "sampler": meta["scheduler"]}
    else:
        run_dir = os.path.join(HERE, "runs", a.run)
        full, _ = ckpt_file.load_any(run_dir, a.run)
        if full is None:
            raise SystemExit("no checkpoint for run %r" % a.run)
        model, tok = load_run(full)
        draw = torch_sampler(model, tok, a.n, a.steps, a.seed)
        out_dir = a.out or run_dir
        source = {"run": a.run, "checkpoint": dict(full["state"]), "weights": "EMA"}
        settings = {"n_per_prompt": a.n, "steps": a.steps, "seed": a.seed,
                    "sampler": "DDIM eta=0, leading spacing"}
    os.makedirs(out_dir, exist_ok=True)
    tests = CORE if a.core_only else RADICAL_TESTS
    guidances = tuple(float(g) for g in a.guidances.split(",")) if a.guidances else GUIDANCES
    evaluate(draw, source, settings, out_dir, tests=tests, guidances=guidances, atlas_path=a.atlas)


if __name__ == "__main__":
    main()
