"""Train glyffuser-mini (see README.md).

  /usr/bin/python3 -m training.train --run v2 --max-minutes 900 --schedule-images 1200000 --glove --pooled ...
  torchrun --nproc_per_node=N -m training.train --device cuda ...   (distributed.py; --batch-size is global)

Resumes automatically from training/runs/<run>/last.pt, else from the committed
training/checkpoints/<run>.pt (checkpoint.py). Checkpoints atomically every
--ckpt-minutes and at every stop; logs to training/runs/<run>/log.csv.
Objective: epsilon prediction, x_t = sqrt(ab_t) x_0 + sqrt(1 - ab_t) eps,
loss = mean w_t (eps_hat - eps)^2 (w_t = 1, or min-SNR-gamma), t ~ U{0..999};
~10 % of prompts dropped to the empty prompt for classifier-free guidance.
"""
import argparse
import copy
import json
import os
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
from .distributed import Context  # noqa: E402
from .loop import Loop, lr_at, update_ema  # noqa: E402,F401  (lr_at: still train.lr_at too)
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
    p.add_argument("--batch-size", type=int, default=64, help="global batch (split over ranks)")
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


def load_training_set(args, build=True):
    """Training images [N,1,32,32] in [-1, 1] and their definitions (held-out glyphs left out).
    With --limit the subset is rendered again (build) or read from the cache it was written to."""
    if args.limit and build:
        data = dataset.build_dataset(limit=args.limit, path=args.cache, verbose=False)
    else:
        data = dataset.load_dataset(args.cache)
    train_idx = np.nonzero(~data["heldout"])[0]
    images = torch.from_numpy(dataset.to_model_range(data["images"][train_idx]))[:, None]
    return images, [str(data["definitions"][i]) for i in train_idx]


def new_model(args, tok, verbose=True):
    """A fresh model for the recipe the flags choose (WordNet synsets, GloVe, pooled path)."""
    if args.no_wordnet:
        syn = dict(num_synsets=0)
    else:
        t0 = time.time()
        names, s_idx, s_w = wordnet.synset_tables(tok.vocab)
        syn = dict(syn_index=s_idx, syn_weight=s_w, num_synsets=len(names))
        if verbose:
            print("wordnet: %d synsets, %.0f%% of words covered (%.1fs)"
                  % (len(names), 100 * (s_w.sum(1) > 0).mean(), time.time() - t0))
    return GlyffuserMini(len(tok), unet_ch=[int(c) for c in args.channels.split(",")],
                         unet_blocks=[int(b) for b in args.blocks.split(",")],
                         glove_dim=glove.DIM if args.glove else 0, pooled=args.pooled, **syn)


def build_or_resume(args, run_dir, texts, verbose=True):
    """(model, tokenizer, resume dict or None): the saved run when there is one, else a new model."""
    resume, resume_from = ckpt_file.load_any(run_dir, args.run)
    if resume:
        if verbose:
            print("resuming from", os.path.relpath(resume_from, HERE))
        tok = Tokenizer(resume["tokenizer"]["vocab"], resume["tokenizer"]["max_length"])
        model = build_model(resume["config"])
        model.load_state_dict(resume["model"])
    else:
        tok = Tokenizer.build(texts)
        model = new_model(args, tok, verbose)
    if model.config.get("glove_dim"):
        table, cover = glove.vocab_vectors(tok.vocab)
        model.text.set_glove(table)
        if verbose:
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


def diffusion_loss(model, x0, ids, mask, ab, min_snr_gamma, shard=None):
    """Noise x0 to a random t in closed form, predict the noise, weighted MSE.
    t and eps are drawn for the whole global batch, then `shard` keeps this rank's rows:
    every rank draws alike, so N ranks train on exactly the examples one process would."""
    t = torch.randint(0, len(ab), (len(x0),), device=x0.device)
    eps = torch.randn_like(x0)
    if shard:
        x0, ids, mask, t, eps = (shard(v) for v in (x0, ids, mask, t, eps))
    a = ab[t][:, None, None, None]
    x_t = a.sqrt() * x0 + (1 - a).sqrt() * eps  # q(x_t | x_0)
    err = ((model(x_t, t.float(), ids, mask) - eps) ** 2).mean(dim=(1, 2, 3))
    if min_snr_gamma > 0:
        # min-SNR-gamma for epsilon prediction: weight = min(SNR_t, g) / SNR_t,
        # SNR_t = ab_t / (1 - ab_t); spends less effort on nearly clean images.
        snr = a.flatten() / (1 - a.flatten())
        err = err * torch.clamp(snr, max=min_snr_gamma) / snr
    return err.mean()


def main(argv=None):
    args = parse_args(argv)
    ctxd = Context(args.device, args.batch_size)
    torch.set_num_threads(args.threads)  # the default here is 1
    torch.manual_seed(args.seed)  # the same on every rank: same initial weights, same draws
    rng = np.random.default_rng(args.seed)
    run_dir = os.path.join(args.runs_dir, args.run)
    os.makedirs(run_dir, exist_ok=True)
    device, writer = ctxd.device, ctxd.is_writer

    # 1. data, model (new or resumed), tokenised prompts; rank 0 writes the caches first
    with ctxd.writer_first():
        images, texts = load_training_set(args, build=writer)
        model, tok, resume = build_or_resume(args, run_dir, texts, verbose=writer)
    ids_all, mask_all = (torch.from_numpy(a) for a in tok.encode_batch(texts))
    shorts = ShortPrompts(tok, texts, p=args.short_prompts) if args.short_prompts > 0 else None
    N = len(texts)
    if writer:
        tok.save(os.path.join(run_dir, "tokenizer.json"))
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
        if writer:
            print("resumed at step %d (%.1f min trained)" % (state["step"], state["train_seconds"] / 60))
    model.to(device).train()
    ema.to(device)
    net = ctxd.wrap(model)
    ab = trained_alphas_cumprod().to(device)
    loop = Loop(args, ctxd, state, run_dir,
                lambda: {"model": model.state_dict(), "ema": ema.state_dict(),
                         "optimizer": opt.state_dict(), "state": dict(state),
                         "config": model.config, "tokenizer": tok.to_json(), "train_images": N,
                         "args": vars(args)},
                ["step", "epoch", "images_seen", "minutes", "loss", "lr", "images_per_s"],
                "step %d epoch %d seen %d min %.1f loss %.4f lr %s img/s %.1f",
                lambda loss, ips: [state["step"], state["epoch"], state["images_seen"],
                                   round(loop.minutes, 2), round(loss, 5), "%.3g" % loop.lr, round(ips, 1)])

    # 3. the loop: shuffled epochs, prompt dropout and short prompts, one optimiser step each;
    # every rank shuffles and draws for the whole global batch (same seeds), then takes its shard
    B = args.batch_size
    perm, pos = rng.permutation(N), 0
    while loop.running():
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
        loss = diffusion_loss(net, x0, ids.to(device), mask.to(device), ab, args.min_snr_gamma,
                              ctxd.shard)
        loop.step(opt, model.parameters(), loss)
        update_ema(ema, model, state["step"], args.ema)
        loop.end_step(loss, len(idx))

    # 4. the stop: final checkpoint, and the compact file the next session resumes from
    return loop.finish(args.run)


if __name__ == "__main__":
    main()
