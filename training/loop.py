"""What the teacher's trainer (train.py) and the distillation (distill.py) share around their
step: learning-rate schedule, EMA, atomic saves, clean stops, the log, checkpoints.

The same code runs as one process or as one of N ranks (distributed.py). Per step, one
all-reduce agrees on the stop and on the training clock, so every rank stops at the same
step and computes the same learning rate (wall time differs a little between processes);
rank 0 alone writes the log and the checkpoints.
"""
import csv
import math
import os
import signal
import time

import torch

from . import checkpoint as ckpt_file

HERE = os.path.dirname(os.path.abspath(__file__))
# Tests: a folder where every rank saves its final checkpoint dict (rank<r>.pt) at the stop.
RANK_DUMP = "TRAINING_RANK_DUMP"


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


def update_ema(ema, model, step, decay):
    """EMA with warm-up: d = min(decay, (1 + step) / (10 + step)); ema = d ema + (1 - d) model."""
    d = min(decay, (1 + step) / (10 + step))
    with torch.no_grad():
        for pe, pm in zip(ema.parameters(), model.parameters()):
            pe.mul_(d).add_(pm.detach(), alpha=1 - d)


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


class Loop:
    """The bookkeeping of a training loop:

        loop = Loop(args, ctxd, state, run_dir, snapshot, header, fmt, row)
        while loop.running():
            ...loss on this rank's shard...
            loop.step(opt, params, loss)      # lr, backward (DDP averages), clip, optimiser step
            ...EMA updates (they read state["step"])...
            loop.end_step(loss, images)       # counters, log row, timed checkpoint
        return loop.finish(run)

    snapshot() -> the checkpoint dict; row(mean_loss, images_per_s) -> one log row, printed
    with fmt. state holds step, images_seen and train_seconds (summed over resumes).
    """

    def __init__(self, args, ctxd, state, run_dir, snapshot, header, fmt, row):
        self.args, self.ctxd, self.state = args, ctxd, state
        self.snapshot, self.fmt, self.row = snapshot, fmt, row
        self.ckpt_path = os.path.join(run_dir, "last.pt")
        self.logf, self.log = None, None
        if ctxd.is_writer:
            path = os.path.join(run_dir, "log.csv")
            new = not os.path.exists(path)
            self.logf = open(path, "a", newline="")
            self.log = csv.writer(self.logf)
            if new:
                self.log.writerow(header)
        self.signal = StopSignal()
        self.t_start, self.base, self.last_ckpt = time.time(), state["train_seconds"], time.time()
        self.minutes, self.lr = 0.0, 0.0
        self._reset_window()

    def _reset_window(self):
        self.loss_acc, self.n_acc, self.t_log, self.img_log = 0.0, 0, time.time(), 0

    def running(self):
        """Advance the clock; False (on every rank alike) once any rank must stop."""
        s, a = self.state, self.args
        s["train_seconds"] = self.base + (time.time() - self.t_start)
        stop = (self.signal.requested or s["train_seconds"] / 60 >= a.max_minutes
                or (a.max_steps and s["step"] >= a.max_steps))
        stop, s["train_seconds"] = self.ctxd.agree(stop, s["train_seconds"])
        self.minutes = s["train_seconds"] / 60
        return not stop

    def step(self, opt, params, loss):
        s = self.state
        self.lr = lr_at(self.args, s["step"], self.minutes, s["images_seen"])
        for g in opt.param_groups:
            g["lr"] = self.lr
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()

    def end_step(self, loss, images):
        """Count the step and its global batch; a log row every --log-every steps (the mean
        loss over those steps and over ranks); a checkpoint every --ckpt-minutes."""
        s = self.state
        s["step"] += 1
        s["images_seen"] += images
        self.loss_acc, self.n_acc = self.loss_acc + loss.item(), self.n_acc + 1
        self.img_log += images
        if s["step"] % self.args.log_every == 0:
            mean_loss = self.ctxd.mean(self.loss_acc / self.n_acc)
            if self.log:
                row = self.row(mean_loss, self.img_log / (time.time() - self.t_log))
                self.log.writerow(row)
                self.logf.flush()
                print(self.fmt % tuple(row), flush=True)
            self._reset_window()
        if self.ctxd.is_writer and time.time() - self.last_ckpt > self.args.ckpt_minutes * 60:
            self.checkpoint()
            self.last_ckpt = time.time()

    def checkpoint(self):
        save_atomic(self.snapshot(), self.ckpt_path)
        print("checkpoint step %d -> %s" % (self.state["step"], os.path.relpath(self.ckpt_path)),
              flush=True)

    def finish(self, run):
        """The stop: rank 0 writes the final checkpoint and, except for --limit test runs, the
        compact committed file the next session resumes from; the process group ends.
        Returns the state (step, images_seen, train_seconds...)."""
        s = self.state
        if self.ctxd.is_writer:
            self.checkpoint()
            if not self.args.limit:  # test runs never replace the committed file
                path = ckpt_file.save_committed(torch.load(self.ckpt_path, map_location="cpu"), run)
                print("committed checkpoint -> %s" % os.path.relpath(path, HERE), flush=True)
            self.logf.close()
            print("done: step %d, %d images, %.1f min" % (s["step"], s["images_seen"],
                                                         s["train_seconds"] / 60), flush=True)
        if os.environ.get(RANK_DUMP):
            torch.save(self.snapshot(), os.path.join(os.environ[RANK_DUMP], "rank%d.pt" % self.ctxd.rank))
        self.ctxd.close()
        return s
