"""Consistency distillation of glyffuser-mini v2 into a few-step student ("turbo").

  /usr/bin/python3 -m training.distill --run turbo [--threads 2 ...]
  torchrun --nproc_per_node=N -m training.distill --run turbo [--device cuda]

Latent consistency distillation (Luo et al. 2023) as diffusers'
train_lcm_distill_sd_wds.py does it, in pixel space. For each image x0:
  n uniform on the skipping grid t = 19, 39, ..., 979 (k = 20; diffusers' grid without its
  degenerate 999, see lcm.py); s = t_n, e = max(s - k, 0)
  x_s  = sqrt(ab_s) x0 + sqrt(1 - ab_s) eps                          (forward noising)
  g ~ U[g_min, g_max], w = g - 1; the student sees w through timestep_cond (lcm.py)
  teacher CFG:  eps_g = eps_c + w (eps_c - eps_u)   (= eps_u + g (eps_c - eps_u))
  DDIM solver:  x_e = sqrt(ab_e) x0_g + sqrt(1 - ab_e) eps_g,  x0_g = (x_s - sqrt(1 - ab_s) eps_g) / sqrt(ab_s)
  loss = mean pseudo-Huber( f_student(x_s, s) - f_target(x_e, e) ),  f = c_skip x + c_out x0_hat
The target network is an EMA (0.95) of the student and gets no gradients; a slower EMA
(0.999) of the student is what ships. Only the U-Net trains: the text encoder is the
teacher's, frozen and shared (its weights are in every checkpoint byte for byte).

Resumes from training/runs/<run>/last.pt, else the committed training/checkpoints/<run>.pt
(checkpoint.py), else starts from the teacher. Checkpoints every --ckpt-minutes and at every
stop (SIGTERM/SIGINT: clean stop); logs training/runs/<run>/log.csv.
"""
import argparse
import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # see train.py: a small shared CPU
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

from . import checkpoint as ckpt_file, dataset, lcm  # noqa: E402
from .distributed import Context  # noqa: E402
from .model import GlyffuserMini  # noqa: E402
from .prompts import ShortPrompts  # noqa: E402
from .sample import load_run  # noqa: E402
from .schedule import NUM_TRAIN_TIMESTEPS, trained_alphas_cumprod  # noqa: E402
from .loop import Loop, update_ema  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_args(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--run", default="turbo")
    p.add_argument("--runs-dir", default=os.path.join(HERE, "runs"))
    p.add_argument("--teacher", default=ckpt_file.committed_path("v2"),
                   help="teacher checkpoint (its EMA weights are used)")
    p.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    # 64 as the teacher; a small model fine-tuned from its teacher, so a learning rate near
    # the teacher's late one (~1e-4, its peak was 6e-4), not LCM-SD's 1e-6 for a 860M U-Net.
    p.add_argument("--batch-size", type=int, default=64, help="global batch (split over ranks)")
    p.add_argument("--lr", type=float, default=1e-4)
    p.add_argument("--min-lr-frac", type=float, default=0.1)
    p.add_argument("--warmup-steps", type=int, default=100)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--target-ema", type=float, default=0.95, help="target network EMA (LCM)")
    p.add_argument("--ema", type=float, default=0.999, help="shipping EMA of the student")
    # Guidance scale g (sample.py's, w = g - 1) drawn per example: the teacher ships at 7 and
    # is evaluated at 1-7; [2, 10] covers the useful range with margin on both sides, and
    # leaves out g < 2 where the prompt hardly steers and the student gains nothing.
    p.add_argument("--g-min", type=float, default=2.0)
    p.add_argument("--g-max", type=float, default=10.0)
    p.add_argument("--huber-c", type=float, default=0.001, help="pseudo-Huber c (diffusers' default)")
    p.add_argument("--solver-steps", type=int, default=lcm.ORIGINAL_STEPS, help="DDIM grid (k = 1000 / this)")
    p.add_argument("--max-timestep", type=int, default=lcm.MAX_TIMESTEP,
                   help="top of the solver grid (diffusers: 999, degenerate for our schedule)")
    p.add_argument("--time-cond-proj-dim", type=int, default=lcm.TIME_COND_PROJ_DIM)
    p.add_argument("--drop-prompt", type=float, default=0.1)
    p.add_argument("--short-prompts", type=float, default=0.5)
    p.add_argument("--max-minutes", type=float, default=600.0, help="training wall time over resumes")
    p.add_argument("--schedule-images", type=int, default=300_000,
                   help="cosine learning-rate decay over this many images (0: over --max-minutes)")
    p.add_argument("--max-steps", type=int, default=0)
    p.add_argument("--ckpt-minutes", type=float, default=5.0)
    p.add_argument("--log-every", type=int, default=20)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--limit", type=int, default=0,
                   help="only the first N training glyphs; a test run (no committed checkpoint)")
    p.add_argument("--cache", default=dataset.CACHE_PATH)
    return p.parse_args(argv)


def load_teacher(path):
    full = torch.load(path, map_location="cpu")
    if full.get("packed"):
        full = ckpt_file.unpack(full)
    model, tok = load_run(full, ema=True)  # EMA weights; GloVe vectors reloaded
    for p in model.parameters():
        p.requires_grad_(False)
    return model, tok, full


def student_unet(teacher, proj_dim):
    """The teacher's U-Net plus a zero-initialised cond_proj: the same function at start."""
    cfg = teacher.config
    s = GlyffuserMini(cfg["vocab_size"], cfg["text_dim"], cfg["unet_ch"], cfg["unet_blocks"],
                      glove_dim=0, pooled=cfg.get("pooled", False), time_cond_proj_dim=proj_dim)
    missing, unexpected = s.unet.load_state_dict(teacher.unet.state_dict(), strict=False)
    assert missing == ["cond_proj.weight"] and not unexpected, (missing, unexpected)
    return s.unet, dict(cfg, time_cond_proj_dim=proj_dim)


def full_state(text, unet):
    """A GlyffuserMini state dict (sample.load_run, export) from the shared text + a U-Net."""
    sd = {"text." + k: v for k, v in text.state_dict().items()}
    sd.update({"unet." + k: v for k, v in unet.state_dict().items()})
    return sd


def unet_part(sd, text):
    """The U-Net half of a saved state dict; its text half must be the teacher's, bit for bit."""
    for k, v in text.state_dict().items():
        if not torch.equal(sd["text." + k], v):
            raise SystemExit("saved text encoder differs from the teacher's (%s)" % k)
    return {k[5:]: v for k, v in sd.items() if k.startswith("unet.")}


def pseudo_huber(d, c):
    """sqrt(d^2 + c^2) - c per element: ~d^2 / 2c near 0, ~|d| beyond c (robust to outliers)."""
    return torch.sqrt(d * d + c * c) - c


class Distiller:
    """One LCM step's maths (teacher, student, target); separate from the loop's bookkeeping."""

    def __init__(self, teacher, student, target, args, device):
        self.teacher, self.student, self.target, self.args = teacher, student, target, args
        self.ab = trained_alphas_cumprod().to(device)
        self.grid = torch.tensor(lcm.origin_timesteps(args.solver_steps, args.max_timestep), device=device)
        self.k = NUM_TRAIN_TIMESTEPS // args.solver_steps

    def draw(self, x0):
        """The step's random numbers (grid index n, noise, guidance g) for a whole global batch:
        every rank draws alike and keeps its shard, as the examples one process would see."""
        a, B, dev = self.args, len(x0), x0.device
        n = torch.randint(0, len(self.grid), (B,), device=dev)
        noise = torch.randn_like(x0)
        return n, noise, a.g_min + (a.g_max - a.g_min) * torch.rand(B, device=dev)

    def loss(self, x0, ctx, mask, ctx_u, mask_u, n, noise, g):
        a = self.args
        s = self.grid[n]
        e = (s - self.k).clamp(min=0)             # n = 0: e = 0, where f(x, 0) = x
        a_s = self.ab[s].reshape(-1, 1, 1, 1)
        a_e = self.ab[e].reshape(-1, 1, 1, 1)
        x_s = a_s.sqrt() * x0 + (1 - a_s).sqrt() * noise
        w = (g - 1).reshape(-1, 1, 1, 1)
        w_emb = lcm.guidance_embedding(g - 1, a.time_cond_proj_dim)
        pred = lcm.consistency(self.student, x_s, s, ctx, mask, w_emb, self.ab)
        with torch.no_grad():
            eps = self.teacher(torch.cat([x_s, x_s]), torch.cat([s, s]).float(),
                               torch.cat([ctx, ctx_u]), torch.cat([mask, mask_u]))
            e_c, e_u = eps.chunk(2)
            eps_g = e_c + w * (e_c - e_u)
            x0_g = (x_s - (1 - a_s).sqrt() * eps_g) / a_s.sqrt()
            x_e = a_e.sqrt() * x0_g + (1 - a_e).sqrt() * eps_g   # one DDIM step s -> e
            target = lcm.consistency(self.target, x_e, e, ctx, mask, w_emb, self.ab)
        return pseudo_huber(pred - target, a.huber_c).mean()


def load_data(args, tok):
    data = dataset.load_dataset(args.cache)
    idx = np.nonzero(~data["heldout"])[0]
    if args.limit:
        idx = idx[:args.limit]
    images = torch.from_numpy(dataset.to_model_range(data["images"][idx]))[:, None]
    texts = [str(data["definitions"][i]) for i in idx]
    ids, mask = (torch.from_numpy(a) for a in tok.encode_batch(texts))
    return images, texts, ids, mask


def main(argv=None):
    args = parse_args(argv)
    ctxd = Context(args.device, args.batch_size)
    torch.set_num_threads(args.threads)
    dev, writer = ctxd.device, ctxd.is_writer
    run_dir = os.path.join(args.runs_dir, args.run)
    os.makedirs(run_dir, exist_ok=True)

    # 1. teacher (frozen, its text encoder shared), student from the teacher or resumed
    teacher, tok, tfull = load_teacher(args.teacher)
    text = teacher.text
    student, config = student_unet(teacher, args.time_cond_proj_dim)
    ema = student_unet(teacher, args.time_cond_proj_dim)[0]      # shipping EMA
    target = student_unet(teacher, args.time_cond_proj_dim)[0]   # LCM target network
    opt = torch.optim.AdamW(student.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    state = {"step": 0, "images_seen": 0, "train_seconds": 0.0}
    resume, src = ckpt_file.load_any(run_dir, args.run)
    if resume:
        if resume["config"] != config:
            raise SystemExit("saved config differs from teacher + flags: %r" % resume["config"])
        student.load_state_dict(unet_part(resume["model"], text))
        ema.load_state_dict(unet_part(resume["ema"], text))
        target.load_state_dict(unet_part(resume["target"], text))
        opt.load_state_dict(resume["optimizer"])
        state = resume["state"]
        if writer:
            print("resumed from %s at step %d (%.1f min)" % (os.path.relpath(src, HERE), state["step"],
                                                           state["train_seconds"] / 60), flush=True)
    for m in (ema, target):
        m.requires_grad_(False)
    teacher.to(dev).eval()
    student.to(dev).train()
    ema.to(dev)
    target.to(dev)
    model = ctxd.wrap(student)
    step_fn = Distiller(teacher.unet, model, target, args, dev)

    # 2. data: the teacher's prompts (definitions, short prompts, dropped prompts)
    with ctxd.writer_first():  # rank 0 builds the glyph cache if it is missing
        images, texts, ids_all, mask_all = load_data(args, tok)
    shorts = ShortPrompts(tok, texts, p=args.short_prompts) if args.short_prompts > 0 else None
    e_ids, e_mask = (torch.from_numpy(a) for a in tok.encode_batch([""]))
    with torch.no_grad():
        ctx_empty = text(e_ids.to(dev))
    N, B = len(texts), args.batch_size
    if writer:
        print("teacher %s, %d training glyphs, world %d, batch %d" % (
            os.path.basename(args.teacher), N, ctxd.world, B), flush=True)
        tok.save(os.path.join(run_dir, "tokenizer.json"))
    loop = Loop(args, ctxd, state, run_dir,
                lambda: {"model": full_state(text, student), "ema": full_state(text, ema),
                         "target": full_state(text, target), "optimizer": opt.state_dict(),
                         "state": dict(state), "config": config, "tokenizer": tok.to_json(),
                         "teacher": {"file": os.path.basename(args.teacher), "state": tfull.get("state")},
                         "train_images": N, "args": vars(args)},
                ["step", "images", "minutes", "loss", "lr", "images_per_s"],
                "step %d images %d min %.2f loss %s lr %s img/s %.1f",
                lambda loss, ips: [state["step"], state["images_seen"], round(loop.minutes, 2),
                                   "%.5g" % loss, "%.3g" % loop.lr, round(ips, 1)])

    # 3. the loop; every rank shuffles and draws for the whole global batch (the same seeds on
    # all ranks: 0 where the rank once was, so one process draws as before) and takes its shard
    torch.manual_seed(args.seed * 1000 + 7919 * state["step"])
    perm_rng = np.random.default_rng(args.seed + state["step"])
    rng = np.random.default_rng([args.seed, state["step"], 0])
    perm, pos = perm_rng.permutation(N), 0
    while loop.running():
        if pos + B > N:
            perm, pos = perm_rng.permutation(N), 0
        rows = torch.from_numpy(perm[pos:pos + B])
        pos += B
        ids, mask = ids_all[rows].clone(), mask_all[rows].clone()
        if shorts:
            shorts.apply(rows.numpy(), ids.numpy(), mask.numpy(), rng)
        drop = torch.from_numpy(rng.random(len(rows)) < args.drop_prompt)
        ids[drop], mask[drop] = 0, 0.0
        x0 = images[rows].to(dev)
        x0, ids, mask, *draws = (ctxd.shard(v) for v in (x0, ids, mask, *step_fn.draw(x0)))
        ids, mask = ids.to(dev), mask.to(dev)
        with torch.no_grad():
            ctx = text(ids)
        b = len(ids)
        loss = step_fn.loss(x0, ctx, mask, ctx_empty.expand(b, -1, -1), e_mask.to(dev).expand(b, -1),
                            *draws)
        loop.step(opt, student.parameters(), loss)
        with torch.no_grad():  # target: plain EMA as in LCM; shipping EMA: with warm-up
            for pt, ps in zip(target.parameters(), student.parameters()):
                pt.mul_(args.target_ema).add_(ps.detach(), alpha=1 - args.target_ema)
        update_ema(ema, student, state["step"], args.ema)
        loop.end_step(loss, B)

    # 4. the stop: final checkpoint and the compact file the next session resumes from
    return loop.finish(args.run)


if __name__ == "__main__":
    main()
