"""Where does a prompt walk switch from one radical to the other? Judged by the radical test's judges (evaluate.py).

A prompt walk (GenerateOptions.walk.prompts, LatentWalk's prompt mode) between two radicals' prompts, e.g. "water"
-> "tree": point u of the walk is guided by the straight line (1 - u) emb(a) + u emb(b), every point from the same
seed's noise. For each point: how often the glyph carries a's radical, and b's. For each seed's walk: where b's
radical first appears (its switch point), and whether the walk is clean (no point with a's radical after the first
with b's). The median switch point gets a distribution-free 95% interval from the order statistics.

  npm run build && node training/prompt_walk_samples.mjs D [seeds] [points] [steps] [model]   # the engine's walks
  /usr/bin/python3 -m training.prompt_walk_test --dir D                                       # D/metrics.json

Seed walks (training/seed_walk_test.mjs) get the same medians and intervals of their per-walk numbers:
  /usr/bin/python3 -m training.prompt_walk_test --seed-walks OUT.json
"""
import argparse
import json
import math
import os

import numpy as np
import torch

from . import dataset, judge
from .evaluate import nearest, rate


def median_interval(values, level=0.95):
    """The median of values and a distribution-free interval for it: the order statistics X_(j) and X_(n+1-j)
    (1-based) cover the median with probability P(j <= B <= n - j), B ~ Binomial(n, 1/2); j the largest that keeps
    that at least `level`."""
    v = np.sort(np.asarray(values, dtype=np.float64))
    n = len(v)
    pmf = [math.comb(n, i) / 2 ** n for i in range(n + 1)]
    covers = lambda j: sum(pmf[j:n - j + 1])  # noqa: E731
    j = 1
    while j + 1 <= n // 2 and covers(j + 1) >= level:
        j += 1
    return float(np.median(v)), [float(v[j - 1]), float(v[n - j])]


def finite_or_none(x):
    return None if not math.isfinite(x) else round(x, 4)


def judge_walks(out_dir):
    data = dataset.load_dataset()
    x_all = torch.from_numpy(dataset.to_model_range(data["images"]))[:, None]
    cnn, cnn_acc = judge.load_or_train(x_all, data["radicals"], data["heldout"])
    imgs = dataset.to_model_range(data["images"])
    rads = data["radicals"]
    with open(os.path.join(out_dir, "samples.json")) as f:
        meta = json.load(f)
    flat = np.fromfile(os.path.join(out_dir, "samples.f32"), dtype=np.float32)
    size = int(np.prod(meta["shape"]))
    # labels[(a, b)][judge]: points x seeds radicals
    labels, rows, pos = {}, [], 0
    for e in meta["index"]:
        x = torch.from_numpy(flat[pos:pos + e["count"] * size].reshape(e["count"], *meta["shape"])).clamp(-1, 1)
        pos += e["count"] * size
        by_cnn = judge.predict(cnn, x).numpy()
        by_nn = rads[nearest(x.squeeze(1).numpy(), imgs)[0]]
        pair = labels.setdefault(tuple(e["prompts"]), {"radicals": (e["radical"], e["radical_b"]), "cnn": [],
                                                       "nearest": [], "u": []})
        pair["cnn"].append(by_cnn)
        pair["nearest"].append(by_nn)
        pair["u"].append(e["u"])
        row = {"prompts": e["prompts"], "u": round(e["u"], 4),
               "a_cnn": rate(by_cnn == e["radical"]), "b_cnn": rate(by_cnn == e["radical_b"]),
               "a_nearest": rate(by_nn == e["radical"]), "b_nearest": rate(by_nn == e["radical_b"])}
        rows.append(row)
        print("%-26s u=%.3f  a: cnn %.2f nearest %.2f   b: cnn %.2f nearest %.2f" % (
            " -> ".join(e["prompts"]), e["u"], row["a_cnn"]["rate"], row["a_nearest"]["rate"],
            row["b_cnn"]["rate"], row["b_nearest"]["rate"]), flush=True)
    walks = []
    for prompts, pair in labels.items():
        a, b = pair["radicals"]
        u = np.asarray(pair["u"])
        summary = {"prompts": list(prompts)}
        for name in ("cnn", "nearest"):
            lab = np.stack(pair[name])  # points x seeds
            first_b = [float(u[np.flatnonzero(col == b)[0]]) if (col == b).any() else math.inf for col in lab.T]
            last_a = [float(u[np.flatnonzero(col == a)[-1]]) if (col == a).any() else -math.inf for col in lab.T]
            med, ci = median_interval(first_b)
            summary[name] = {
                "switch_median_u": finite_or_none(med), "switch_ci95": [finite_or_none(c) for c in ci],
                "never_b": rate([not math.isfinite(f) for f in first_b]),
                "clean": rate([la < fb for la, fb in zip(last_a, first_b)]),
            }
        walks.append(summary)
        print("%s: switch (first b) median u %s %s by cnn, %s %s by nearest; clean walks cnn %.2f nearest %.2f" % (
            " -> ".join(prompts), summary["cnn"]["switch_median_u"], summary["cnn"]["switch_ci95"],
            summary["nearest"]["switch_median_u"], summary["nearest"]["switch_ci95"],
            summary["cnn"]["clean"]["rate"], summary["nearest"]["clean"]["rate"]), flush=True)
    metrics = {"source": meta["source"], "settings": meta["settings"],
               "judges": {"nearest": "radical of the nearest real glyph (pixel L2, all glyphs)",
                          "cnn": "radical classifier on real glyphs, held-out accuracy %.3f" % cnn_acc},
               "points": rows, "walks": walks}
    with open(os.path.join(out_dir, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=1)


def summarise_seed_walks(path):
    """Adds to seed_walk_test.mjs's file the median over the walks of each per-walk number, with its interval."""
    with open(path) as f:
        result = json.load(f)
    for name, values in result["perWalk"].items():
        med, ci = median_interval(values)
        result[name] = {"median": round(med, 4), "ci95": [round(c, 4) for c in ci], "n": len(values)}
        print("%-14s median %.4f [%.4f, %.4f]  n=%d" % (name, med, ci[0], ci[1], len(values)))
    with open(path, "w") as f:
        json.dump(result, f, indent=1)


def main():
    p = argparse.ArgumentParser()
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--dir", help="prompt walks: judge D/samples.json into D/metrics.json")
    what.add_argument("--seed-walks", help="seed walks: summarise seed_walk_test.mjs's JSON file in place")
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    if a.seed_walks:
        summarise_seed_walks(a.seed_walks)
    else:
        judge_walks(a.dir)


if __name__ == "__main__":
    main()
