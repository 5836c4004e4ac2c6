"""Early proxy for prompt steering: how much does the prompt lower the denoising error?

For held-out glyphs, fixed noise and fixed timesteps in five noise bands, compare the
noise-prediction error given (a) the true definition, (b) a short prompt of 1-3 of its
content words, (c) the empty prompt:  gain = 1 - mse(prompt) / mse(empty).
The radical test needs long runs to move; this gain moves earlier (see README.md).
Both the raw weights and the EMA are probed (an EMA of 0.999 lags ~1,000 steps).

  /usr/bin/python3 -m training.probe --run v2 [--n 256]
"""
import argparse
import json
import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

from . import checkpoint as ckpt_file
from . import dataset
from .prompts import short_prompt
from .sample import load_run
from .schedule import trained_alphas_cumprod

BANDS = [(0, 200), (200, 400), (400, 600), (600, 800), (800, 1000)]


@torch.no_grad()
def band_errors(model, tok, x0, prompts, t, eps, batch=128):
    ab = trained_alphas_cumprod()
    ids, mask = tok.encode_batch(prompts)
    ids, mask = torch.from_numpy(ids), torch.from_numpy(mask)
    errs = []
    for s in range(0, len(x0), batch):
        sl = slice(s, s + batch)
        a = ab[t[sl]][:, None, None, None]
        x_t = a.sqrt() * x0[sl] + (1 - a).sqrt() * eps[sl]
        pred = model(x_t, t[sl].float(), ids[sl], mask[sl])
        errs.append(((pred - eps[sl]) ** 2).mean(dim=(1, 2, 3)))
    return torch.cat(errs)


def probe(model, tok, data, n=256, seed=0):
    held = np.nonzero(data["heldout"])[0][:n]
    x0 = torch.from_numpy(dataset.to_model_range(data["images"][held]))[:, None]
    defs = [str(data["definitions"][i]) for i in held]
    rng = np.random.default_rng(seed)
    shorts = [short_prompt(tok, d, rng) for d in defs]
    g = torch.Generator().manual_seed(seed)
    result = {}
    for lo, hi in BANDS:
        t = torch.randint(lo, hi, (len(held),), generator=g)
        eps = torch.randn(x0.shape, generator=g)
        e = {name: band_errors(model, tok, x0, p, t, eps).mean().item()
             for name, p in (("definition", defs), ("short", shorts), ("empty", [""] * len(held)))}
        result["%d-%d" % (lo, hi)] = {
            "mse_empty": round(e["empty"], 5),
            "gain_definition_pct": round(100 * (1 - e["definition"] / e["empty"]), 2),
            "gain_short_pct": round(100 * (1 - e["short"] / e["empty"]), 2),
        }
    return result


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--run", default="main")
    p.add_argument("--n", type=int, default=256)
    p.add_argument("--threads", type=int, default=1)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    full, src = ckpt_file.load_any(os.path.join(HERE, "runs", args.run), args.run)
    if full is None:
        raise SystemExit("no checkpoint for run %r" % args.run)
    raw, tok = load_run(full, ema=False)
    ema, _ = load_run(full, ema=True)
    data = dataset.load_dataset()
    out = {"step": full["state"]["step"], "minutes": round(full["state"]["train_seconds"] / 60, 1),
           "n": args.n, "raw": probe(raw, tok, data, args.n), "ema": probe(ema, tok, data, args.n)}
    print(json.dumps(out, indent=1))
    return out


if __name__ == "__main__":
    main()
