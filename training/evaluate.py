"""Evaluate the EMA model (fixed seeds) and write <run>/metrics.json + sample grids.

(a) Radical test: for each prompt (gold, metal, water, tree, grass, speech) draw
    16 glyphs at guidance 3 and at guidance 1 (plain conditional); find each
    sample's nearest real glyph (L2 over all 21k rendered glyphs, pixel space
    [-1,1]) and report the fraction whose neighbour has the prompt's Kangxi
    radical, next to that radical's base rate in the data.
(b) Novelty: nearest-neighbour L2 distances sample -> training set, compared
    with held-out real glyph -> training set (both over 1024 pixels in [-1,1]).
(c) One 4x4 grid PNG per prompt (guidance 3) in the run folder, plus an atlas
    (6 prompts x 8 glyphs) for the model assets.

  /usr/bin/python3 training/evaluate.py --run main
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import dataset  # noqa: E402
from sample import grid, load_ema, sample, to_uint8  # noqa: E402

RADICAL_TESTS = [("gold", 167), ("metal", 167), ("water", 85),
                 ("tree", 75), ("grass", 140), ("speech", 149)]


def nearest(queries, refs, chunk=2048):
    """For each query row, (index, L2 distance) of the closest row of refs."""
    q = torch.from_numpy(queries.reshape(len(queries), -1)).float()
    best_d = torch.full((len(q),), float("inf"))
    best_i = torch.zeros(len(q), dtype=torch.long)
    q2 = (q * q).sum(1, keepdim=True)
    for s in range(0, len(refs), chunk):
        r = torch.from_numpy(refs[s:s + chunk].reshape(-1, q.shape[1])).float()
        # |q - r|^2 = |q|^2 - 2 q.r + |r|^2
        d = q2 - 2 * q @ r.T + (r * r).sum(1)[None]
        v, i = d.min(1)
        upd = v < best_d
        best_d[upd], best_i[upd] = v[upd], i[upd] + s
    return best_i.numpy(), best_d.clamp_min(0).sqrt().numpy()


def stats(d):
    d = np.asarray(d, dtype=np.float64)
    return {"min": float(d.min()), "p10": float(np.percentile(d, 10)),
            "median": float(np.median(d)), "p90": float(np.percentile(d, 90)),
            "max": float(d.max()), "mean": float(d.mean()), "n": int(len(d))}


def evaluate(ckpt_path, out_dir, n=16, steps=25, seed=0, data=None, tests=RADICAL_TESTS,
             guidances=(3.0, 1.0), atlas_path=None):
    t0 = time.time()
    model, tok, ck = load_ema(ckpt_path)
    data = data or dataset.load_dataset()
    imgs = dataset.to_model_range(data["images"])
    rads = data["radicals"]
    train = ~data["heldout"]
    metrics = {"checkpoint": {k: ck["state"][k] for k in ck["state"]},
               "settings": {"n": n, "steps": steps, "seed": seed, "sampler": "DDIM eta=0"},
               "radical_test": {}, "novelty": {}}
    all_samples = []
    atlas = []
    for k, (prompt, rad) in enumerate(tests):
        entry = {"radical": rad, "base_rate": float((rads == rad).mean())}
        for g in guidances:
            x = sample(model, tok, [prompt] * n, g, steps, seed + 1000 * k)
            xs = x.squeeze(1).numpy()
            idx, dist = nearest(xs, imgs)
            entry["guidance_%g" % g] = {
                "hit_rate": float((rads[idx] == rad).mean()),
                "nearest_codepoints": ["U+%04X" % c for c in data["codepoints"][idx]],
                "nn_dist_median": float(np.median(dist))}
            if g == guidances[0]:
                u8 = to_uint8(x)
                grid(u8, cols=4, scale=4).save(os.path.join(out_dir, "samples_%s.png" % prompt))
                all_samples.append(xs)
                atlas.append(u8[:8])
        metrics["radical_test"][prompt] = entry
        print("%-7s rad %3d base %.3f  %s" % (prompt, rad, entry["base_rate"], "  ".join(
            "g%g hit %.2f" % (g, entry["guidance_%g" % g]["hit_rate"]) for g in guidances)),
            flush=True)
    # unconditional samples (empty prompt, no guidance)
    xu = sample(model, tok, [""] * n, 1.0, steps, seed + 99).squeeze(1).numpy()
    grid(to_uint8(torch.from_numpy(xu)[:, None]), cols=4, scale=4).save(
        os.path.join(out_dir, "samples_unconditional.png"))
    # novelty
    tr = imgs[train]
    _, d_samp = nearest(np.concatenate(all_samples + [xu]), tr)
    _, d_held = nearest(imgs[~train], tr)
    metrics["novelty"] = {
        "samples_to_train": stats(d_samp),
        "heldout_to_train": stats(d_held),
        "note": "L2 over 32x32 pixels in [-1,1]; a sample much closer to the training "
                "set than held-out glyphs are suggests memorisation",
    }
    metrics["seconds"] = round(time.time() - t0, 1)
    with open(os.path.join(out_dir, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=1)
    if atlas_path:
        grid(np.concatenate(atlas), cols=8, pad=2).save(atlas_path)
    print("novelty median: samples %.2f vs held-out %.2f  (%.0fs)" % (
        metrics["novelty"]["samples_to_train"]["median"],
        metrics["novelty"]["heldout_to_train"]["median"], metrics["seconds"]))
    return metrics


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--run", default="main")
    p.add_argument("--ckpt", default=None)
    p.add_argument("--n", type=int, default=16)
    p.add_argument("--steps", type=int, default=25)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--atlas", default=None, help="also write a 6x8 samples atlas PNG here")
    a = p.parse_args()
    torch.set_num_threads(2)
    run_dir = os.path.join(HERE, "runs", a.run)
    evaluate(a.ckpt or os.path.join(run_dir, "last.pt"), run_dir, a.n, a.steps, a.seed,
             atlas_path=a.atlas)


if __name__ == "__main__":
    main()
