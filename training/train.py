"""Train glyffuser-mini (see README.md).

  /usr/bin/python3 -m training.train --run v2 --max-minutes 900 --schedule-images 1200000 --glove --pooled ...

Resumes automatically from training/runs/<run>/last.pt, else from the committed
training/checkpoints/<run>.pt (checkpoint.py). Checkpoints atomically every
--ckpt-minutes and at every stop; logs to training/runs/<run>/log.csv.
Objective: epsilon prediction, x_t = sqrt(ab_t) x_0 + sqrt(1 - ab_t) eps,
loss = mean w_t (eps_hat - eps)^2 (w_t = 1, or min-SNR-gamma), t ~ U{0..999};
~10 % of prompts dropped to the empty prompt for classifier-free guidance.
"""
import argparse
import copy
import csv
import json
import math
import os
import signal
import time

# Thread behaviour on a small shared CPU (must be set before torch loads):
# OpenMP workers sleep instead of spinning at barriers, and OpenBLAS does not start
# its own spinning thread pool next to OpenMP's. Measured on this 2-core machine
# under load from other jobs: 30-40 img/s with these vs 7-25 img/s without.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

from . import checkpoint as ckpt_file  # noqa: E402
from . import dataset, glove, wordnet  # noqa: E402
from .model import GlyffuserMini, build_model, count_macs, param_count  # noqa: E402
from .prompts import ShortPrompts  # noqa: E402
from .schedule import trained_alphas_cumprod  # noqa: E402
from .tokenizer import Tokenizer  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
RUNS = os.path.join(HERE, "runs")


def parse_args(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--run", default="main")
    p.add_argument("--runs-dir", default=RUNS)
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--min-lr-frac", type=float, default=0.1,
                   help="cosine decay (over --schedule-images, else --max-minutes) to lr*this")
    p.add_argument("--warmup-steps", type=int, default=300)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--ema", type=float, default=0.9995)
    p.add_argument("--drop-prompt", type=float, default=0.1)
    p.add_argument("--max-minutes", type=float, default=105.0,
                   help="total training wall time (summed over resumes)")
    p.add_argument("--schedule-images", type=int, default=0,
                   help="decay the learning rate over this many training images instead of over "
                        "--max-minutes (wall time slows when the machine is shared; images do not)")
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0 = off)")
    p.add_argument("--ckpt-minutes", type=float, default=5.0)
    p.add_argument("--log-every", type=int, default=50)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--limit", type=int, default=0, help="use only N glyphs (tests)")
    p.add_argument("--cache", default=dataset.CACHE_PATH)
    p.add_argument("--no-wordnet", action="store_true")
    p.add_argument("--glove", action="store_true",
                   help="fixed GloVe word vectors (glove.py) + learned projection in the text encoder")
    p.add_argument("--pooled", action="store_true",
                   help="pooled prompt embedding added to the U-Net's timestep embedding")
    p.add_argument("--short-prompts", type=float, default=0.0,
                   help="share of prompts replaced by 1-3 content words of the definition")
    p.add_argument("--min-snr-gamma", type=float, default=0.0,
                   help="min-SNR-gamma loss weight min(SNR, g) / SNR (Hang et al. 2023); 0 = off")
    p.add_argument("--channels", default="32,64,128")
    p.add_argument("--blocks", default="1,1,1")
    return p.parse_args(argv)


def save_atomic(obj, path):
    """torch.save to a temp file then rename, so a crash never leaves a torn file."""
    tmp = path + ".tmp"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def lr_at(args, step, minutes, images=0):
    """Linear warmup over warmup_steps, then cosine decay over the planned images (or training time):
    lr = lr_max * (f + (1 - f) * (1 + cos(pi * min(1, progress))) / 2),
    progress = images / schedule_images, else minutes / max_minutes."""
    warm = min(1.0, (step + 1) / max(1, args.warmup_steps))
    if args.schedule_images > 0:
        frac = min(1.0, images / args.schedule_images)
    else:
        frac = min(1.0, minutes / max(1e-9, args.max_minutes))
    f = args.min_lr_frac
    return args.lr * warm * (f + (1 - f) * 0.5 * (1 + math.cos(math.pi * frac)))


def load_training_set(args):
    """Training images [N,1,32,32] in [-1, 1] and their definitions (held-out glyphs left out)."""
    if args.limit:
        data = dataset.build_dataset(limit=args.limit, path=args.cache, verbose=False)
    else:
        data = dataset.load_dataset(args.cache)
    train_idx = np.nonzero(~data["heldout"])[0]
    images = torch.from_numpy(dataset.to_model_range(data["images"][train_idx]))[:, None]
    return images, [str(data["definitions"][i]) for i in train_idx]


def new_model(args, tok):
    """A fresh model for the recipe the flags choose (WordNet synsets, GloVe, pooled path)."""
    if args.no_wordnet:
        syn = dict(num_synsets=0)
    else:
        t0 = time.time()
        names, s_idx, s_w = wordnet.synset_tables(tok.vocab)
        syn = dict(syn_index=s_idx, syn_weight=s_w, num_synsets=len(names))
        print("wordnet: %d synsets, %.0f%% of words covered (%.1fs)"
              % (len(names), 100 * (s_w.sum(1) > 0).mean(), time.time() - t0))
    return GlyffuserMini(len(tok), unet_ch=[int(c) for c in args.channels.split(",")],
                         unet_blocks=[int(b) for b in args.blocks.split(",")],
                         glove_dim=glove.DIM if args.glove else 0, pooled=args.pooled, **syn)


def build_or_resume(args, run_dir, texts):
    """(model, tokenizer, resume dict or None): the saved run when there is one, else a new model."""
    resume, resume_from = ckpt_file.load_any(run_dir, args.run)
    if resume:
        print("resuming from", os.path.relpath(resume_from, HERE))
        tok = Tokenizer(resume["tokenizer"]["vocab"], resume["tokenizer"]["max_length"])
        model = build_model(resume["config"])
        model.load_state_dict(resume["model"])
    else:
        tok = Tokenizer.build(texts)
        model = new_model(args, tok)
    if model.config.get("glove_dim"):
        table, cover = glove.vocab_vectors(tok.vocab)
        model.text.set_glove(table)
        print("glove: %.1f%% of the vocabulary covered" % (100 * cover))
    return model, tok, resume


def log_model_info(model, tok, n_train, run_dir):
    macs, by_res = count_macs(model.unet, model.config["text_dim"])
    info = {"params_text": param_count(model.text), "params_unet": param_count(model.unet),
            "unet_macs_per_image": macs, "unet_macs_by_resolution": by_res,
            "vocab": len(tok), "train_images": n_train, "config": model.config}
    print("model:", json.dumps(info))
    with open(os.path.join(run_dir, "model_info.json"), "w") as f:
        json.dump(info, f, indent=1)


def make_ema(model):
    ema = copy.deepcopy(model).eval()
    for p in ema.parameters():
        p.requires_grad_(False)
    return ema


def update_ema(ema, model, step, decay):
    """EMA with warm-up: d = min(decay, (1 + step) / (10 + step)); ema = d ema + (1 - d) model."""
    d = min(decay, (1 + step) / (10 + step))
    with torch.no_grad():
        for pe, pm in zip(ema.parameters(), model.parameters()):
            pe.mul_(d).add_(pm.detach(), alpha=1 - d)


def diffusion_loss(model, x0, ids, mask, ab, min_snr_gamma):
    """Noise x0 to a random t in closed form, predict the noise, weighted MSE."""
    t = torch.randint(0, len(ab), (len(x0),), device=x0.device)
    eps = torch.randn_like(x0)
    a = ab[t][:, None, None, None]
    x_t = a.sqrt() * x0 + (1 - a).sqrt() * eps  # q(x_t | x_0)
    err = ((model(x_t, t.float(), ids, mask) - eps) ** 2).mean(dim=(1, 2, 3))
    if min_snr_gamma > 0:
        # min-SNR-gamma for epsilon prediction: weight = min(SNR_t, g) / SNR_t,
        # SNR_t = ab_t / (1 - ab_t); spends less effort on nearly clean images.
        snr = a.flatten() / (1 - a.flatten())
        err = err * torch.clamp(snr, max=min_snr_gamma) / snr
    return err.mean()


class StopSignal:
    """SIGTERM/SIGINT ask the loop to stop after the current step; the final checkpoint
    (local last.pt and the compact committed file) is then written as at any end."""

    def __init__(self):
        self.requested = False
        signal.signal(signal.SIGTERM, self._request)
        signal.signal(signal.SIGINT, self._request)

    def _request(self, signum, frame):
        self.requested = True
        print("stop requested (signal %d)" % signum, flush=True)


def open_log(run_dir):
    path = os.path.join(run_dir, "log.csv")
    new = not os.path.exists(path)
    f = open(path, "a", newline="")
    writer = csv.writer(f)
    if new:
        writer.writerow(["step", "epoch", "images_seen", "minutes", "loss", "lr", "images_per_s"])
    return f, writer


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)  # the default here is 1
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    run_dir = os.path.join(args.runs_dir, args.run)
    os.makedirs(run_dir, exist_ok=True)
    ckpt_path = os.path.join(run_dir, "last.pt")
    device = torch.device(args.device)

    # 1. data, model (new or resumed), tokenised prompts
    images, texts = load_training_set(args)
    model, tok, resume = build_or_resume(args, run_dir, texts)
    tok.save(os.path.join(run_dir, "tokenizer.json"))
    ids_all, mask_all = (torch.from_numpy(a) for a in tok.encode_batch(texts))
    shorts = ShortPrompts(tok, texts, p=args.short_prompts) if args.short_prompts > 0 else None
    N = len(texts)
    log_model_info(model, tok, N, run_dir)

    # 2. EMA, optimiser, counters (restored on resume)
    ema = make_ema(model)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    state = {"step": 0, "epoch": 0, "images_seen": 0, "train_seconds": 0.0}
    if resume:
        ema.load_state_dict(resume["ema"])
        opt.load_state_dict(resume["optimizer"])
        state = resume["state"]
        rng = np.random.default_rng(args.seed + state["step"])  # fresh shuffles after resume
        print("resumed at step %d (%.1f min trained)" % (state["step"], state["train_seconds"] / 60))
    model.to(device).train()
    ema.to(device)
    ab = trained_alphas_cumprod().to(device)
    logf, log = open_log(run_dir)

    def checkpoint():
        save_atomic({"model": model.state_dict(), "ema": ema.state_dict(),
                     "optimizer": opt.state_dict(), "state": dict(state),
                     "config": model.config, "tokenizer": tok.to_json(), "train_images": N,
                     "args": vars(args)}, ckpt_path)
        print("checkpoint step %d -> %s" % (state["step"], os.path.relpath(ckpt_path)), flush=True)

    # 3. the loop: shuffled epochs, prompt dropout and short prompts, one optimiser step each
    stop = StopSignal()
    B = args.batch_size
    perm, pos = rng.permutation(N), 0
    t_start, base_seconds, last_ckpt = time.time(), state["train_seconds"], time.time()
    loss_acc, n_acc, t_log, img_log = 0.0, 0, time.time(), 0
    while True:
        state["train_seconds"] = base_seconds + (time.time() - t_start)
        minutes = state["train_seconds"] / 60
        if (stop.requested or minutes >= args.max_minutes
                or (args.max_steps and state["step"] >= args.max_steps)):
            break
        if pos + B > N:  # new epoch
            perm, pos = rng.permutation(N), 0
            state["epoch"] += 1
        idx = torch.from_numpy(perm[pos:pos + B])
        pos += B
        x0 = images[idx].to(device)
        ids, mask = ids_all[idx].clone(), mask_all[idx].clone()
        if shorts:
            shorts.apply(idx.numpy(), ids.numpy(), mask.numpy(), rng)
        drop = torch.from_numpy(rng.random(len(idx)) < args.drop_prompt)
        ids[drop], mask[drop] = 0, 0.0  # empty prompt = all pad, mask all zero
        loss = diffusion_loss(model, x0, ids.to(device), mask.to(device), ab, args.min_snr_gamma)

        lr = lr_at(args, state["step"], minutes, state["images_seen"])
        for g in opt.param_groups:
            g["lr"] = lr
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        update_ema(ema, model, state["step"], args.ema)
        state["step"] += 1
        state["images_seen"] += len(idx)
        loss_acc, n_acc, img_log = loss_acc + loss.item(), n_acc + 1, img_log + len(idx)

        if state["step"] % args.log_every == 0:
            ips = img_log / (time.time() - t_log)
            row = [state["step"], state["epoch"], state["images_seen"], round(minutes, 2),
                   round(loss_acc / n_acc, 5), "%.3g" % lr, round(ips, 1)]
            log.writerow(row)
            logf.flush()
            print("step %d epoch %d seen %d min %.1f loss %.4f lr %s img/s %.1f" % tuple(row),
                  flush=True)
            loss_acc, n_acc, t_log, img_log = 0.0, 0, time.time(), 0
        if time.time() - last_ckpt > args.ckpt_minutes * 60:
            checkpoint()
            last_ckpt = time.time()

    # 4. the stop: final checkpoint, and the compact file the next session resumes from
    checkpoint()
    if not args.limit:  # test runs never replace the committed file
        path = ckpt_file.save_committed(torch.load(ckpt_path, map_location="cpu"), args.run)
        print("committed checkpoint -> %s" % os.path.relpath(path, HERE), flush=True)
    logf.close()
    print("done: step %d, %d images, %.1f min" % (state["step"], state["images_seen"],
                                                 state["train_seconds"] / 60), flush=True)
    return state


if __name__ == "__main__":
    main()
