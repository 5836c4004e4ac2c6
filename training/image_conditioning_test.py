"""Does image-conditioned sampling follow the prompt? Judged by the radical test's two judges (evaluate.py).

(a) Repaint (RePaint through the kit's engine): held-out real glyphs whose radical sits on the left, but is not the
    target's, get their left third masked and repainted with the target radical's prompt. A hit: the result carries
    the target radical. Compared with the target's base rate (its share of all glyphs) and with a control, the same
    glyphs repainted with the empty prompt (what the kept two thirds alone suggest).
(b) Finish a sketch (SDEdit): a rough water radical (GlyphSketch's preset) finished at strength 0.6 with "water",
    against the same sketch with the empty prompt and against plain generation of "water".

  /usr/bin/python3 -m training.image_conditioning_test prepare --dir D      # the glyphs to repaint
  npm run build && node training/image_conditioning_samples.mjs D          # the engine's samples
  /usr/bin/python3 -m training.image_conditioning_test judge --dir D       # D/metrics.json
"""
import argparse
import json
import os

import numpy as np
import torch

from . import dataset, judge
from .evaluate import nearest, rate

# Targets whose radical sits on the left of a glyph, and the left-side radicals the repainted glyphs may carry.
TARGETS = [("water", 85), ("tree", 75), ("speech", 149), ("gold", 167)]
# water, tree, speech, gold, silk, hand, person, heart, mouth, fire, spirit: mostly on the left when they are a part.
LEFT_RADICALS = [85, 75, 149, 167, 120, 64, 9, 61, 30, 86, 113]
MASK_COLUMNS = 11  # the left third of 32 columns


def prepare(out_dir, n, seed):
    data = dataset.load_dataset()
    rads, held = data["radicals"], data["heldout"]
    rng = np.random.default_rng(seed)
    images, index = [], []
    for prompt, target in TARGETS:
        pool = np.flatnonzero(held & np.isin(rads, LEFT_RADICALS) & (rads != target))
        pick = rng.choice(pool, size=n, replace=False)
        images.append(dataset.to_model_range(data["images"][pick]).astype(np.float32))
        index.append({"prompt": prompt, "radical": target, "count": n,
                      "codepoints": [int(c) for c in data["codepoints"][pick]],
                      "radicals": [int(r) for r in rads[pick]]})
    os.makedirs(out_dir, exist_ok=True)
    np.concatenate(images).tofile(os.path.join(out_dir, "sources.f32"))
    with open(os.path.join(out_dir, "sources.json"), "w") as f:
        json.dump({"shape": [1, 32, 32], "mask_columns": MASK_COLUMNS, "index": index}, f, indent=1)
    print("wrote %d x %d source glyphs to %s" % (len(TARGETS), n, out_dir))


def judge_dir(out_dir):
    data = dataset.load_dataset()
    x_all = torch.from_numpy(dataset.to_model_range(data["images"]))[:, None]
    cnn, cnn_acc = judge.load_or_train(x_all, data["radicals"], data["heldout"])
    imgs = dataset.to_model_range(data["images"])
    rads = data["radicals"]
    with open(os.path.join(out_dir, "samples.json")) as f:
        meta = json.load(f)
    flat = np.fromfile(os.path.join(out_dir, "samples.f32"), dtype=np.float32)
    size = int(np.prod(meta["shape"]))
    results, pos = [], 0
    for e in meta["index"]:
        x = torch.from_numpy(flat[pos:pos + e["count"] * size].reshape(e["count"], *meta["shape"])).clamp(-1, 1)
        pos += e["count"] * size
        # A repainted glyph keeps two thirds of its source, whose nearest real glyph would be the source itself:
        # the nearest judge searches the real glyphs without the repainted ones.
        keep = ~np.isin(data["codepoints"], e.get("source_codepoints", []))
        idx, _ = nearest(x.squeeze(1).numpy(), imgs[keep])
        by_nn = rads[keep][idx] == e["radical"]
        by_cnn = judge.predict(cnn, x).numpy() == e["radical"]
        row = dict(e, nearest=rate(by_nn), cnn=rate(by_cnn), base_rate=round(float((rads == e["radical"]).mean()), 4))
        if "source_radicals" in e:  # how often the repainted glyph keeps the radical it had
            kept = judge.predict(cnn, x).numpy() == np.asarray(e["source_radicals"])
            row["kept_source_radical_cnn"] = rate(kept)
            row.pop("source_radicals")
        row.pop("source_codepoints", None)
        results.append(row)
        print("%-28s r%-3d n=%d  nearest %.2f %s  cnn %.2f %s  (base %.3f)" % (
            e["label"], e["radical"], e["count"], row["nearest"]["rate"], row["nearest"]["ci95"],
            row["cnn"]["rate"], row["cnn"]["ci95"], row["base_rate"]), flush=True)
    metrics = {"source": meta["source"], "settings": meta["settings"],
               "judges": {"nearest": "radical of the nearest real glyph (pixel L2, all glyphs)",
                          "cnn": "radical classifier on real glyphs, held-out accuracy %.3f" % cnn_acc},
               "results": results}
    with open(os.path.join(out_dir, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("what", choices=["prepare", "judge"])
    p.add_argument("--dir", required=True)
    p.add_argument("--n", type=int, default=64)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    if a.what == "prepare":
        prepare(a.dir, a.n, a.seed)
    else:
        judge_dir(a.dir)


if __name__ == "__main__":
    main()
