"""Quick progress probe of the few-step student: a small radical test at 1, 2, 4 steps.

The six core prompts of the radical test (evaluate.py, both judges), n samples each at
the given guidance scales, drawn with lcm.sample_lcm (one U-Net pass per step, no
unconditional pass). --teacher-ddim N adds the teacher's own DDIM at N steps for scale.

  /usr/bin/python3 -m training.distill_probe --run turbo --steps 1,2,4 [--n 16] [--raw]
Writes training/runs/<run>/probe_lcm<steps>/metrics.json (and grids).
"""
import argparse
import json
import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import torch  # noqa: E402

from . import checkpoint as ckpt_file  # noqa: E402
from . import dataset  # noqa: E402
from .evaluate import CORE, evaluate  # noqa: E402
from .lcm import sample_lcm  # noqa: E402
from .sample import load_run, sample  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--run", default="turbo")
    p.add_argument("--steps", default="1,2,4")
    p.add_argument("--n", type=int, default=16)
    p.add_argument("--guidances", default="3,7")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--raw", action="store_true", help="the raw student instead of its shipping EMA")
    p.add_argument("--teacher-ddim", type=int, default=0, help="also the teacher (v2) at this many DDIM steps")
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args(argv)
    torch.set_num_threads(a.threads)
    run_dir = os.path.join(HERE, "runs", a.run)
    full, _ = ckpt_file.load_any(run_dir, a.run)
    if full is None:
        raise SystemExit("no checkpoint for run %r" % a.run)
    model, tok = load_run(full, ema=not a.raw)
    guidances = tuple(float(g) for g in a.guidances.split(","))
    data = dataset.load_dataset()
    runs = [("lcm%d" % int(s), int(s)) for s in a.steps.split(",")]
    if a.teacher_ddim:
        runs.append(("teacher_ddim%d" % a.teacher_ddim, a.teacher_ddim))
    summary = {"step": full["state"]["step"], "images": full["state"]["images_seen"],
               "weights": "raw" if a.raw else "EMA"}
    for name, steps in runs:
        if name.startswith("teacher"):
            t_full, _ = ckpt_file.load_any(os.path.join(HERE, "runs", "v2"), "v2")
            t_model, t_tok = load_run(t_full)
            draw = (lambda k, prompt, g, m=t_model, t=t_tok, s=steps:
                    sample(m, t, [prompt] * a.n, g, s, a.seed + 1000 * k))
        else:
            draw = (lambda k, prompt, g, s=steps:
                    sample_lcm(model, tok, [prompt] * a.n, g, s, a.seed + 1000 * k))
        out_dir = os.path.join(run_dir, "probe_" + name)
        os.makedirs(out_dir, exist_ok=True)
        print("== %s" % name, flush=True)
        m = evaluate(draw, {"run": a.run, "checkpoint": full["state"], "sampler": name}, {
            "n_per_prompt": a.n, "steps": steps, "seed": a.seed}, out_dir, tests=CORE,
            guidances=guidances, data=data)
        summary[name] = {g: {j: m["core_mean"][g][j]["rate"] for j in ("nearest", "cnn")}
                         for g in m["core_mean"]}
        summary[name]["novelty_ratio"] = m["novelty"]["ratio_of_medians"]
    print(json.dumps(summary, indent=1))
    return summary


if __name__ == "__main__":
    main()
