"""The one committed checkpoint file: training/checkpoints/<run>.pt.

A run resumes from its local run directory (training/runs/<run>/last.pt, full float32)
when that survived; otherwise from this compact file, which the end of every session
replaces (never accumulates). Compact, but lossless where it matters:
  * EMA weights in float32 (the model that gets exported);
  * raw weights as float16 *differences* from the EMA (small numbers, so fp16 keeps
    them to ~1e-3 relative of the difference itself);
  * Adam moments in bfloat16 (float32's range: fp16 would flush the second moment of
    small gradients to zero and blow up the update m / sqrt(v));
  * a distillation run's target network (distill.py's "target", an EMA of the student) as
    float16 differences from the EMA too.
"""
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKPOINTS = os.path.join(HERE, "checkpoints")
MACHINE_PATHS = ("runs_dir", "cache", "teacher")  # arguments that hold absolute paths
DIFF_KEYS = (("model", "model_minus_ema"), ("target", "target_minus_ema"))


def committed_path(run):
    return os.path.join(CHECKPOINTS, "%s.pt" % run)


def pack(full):
    """Full run checkpoint (train.py's last.pt dict) -> compact dict."""
    ema = {k: v.float() for k, v in full["ema"].items()}
    diffs = {packed_key: {k: (v.float() - ema[k]).half() if v.is_floating_point() else v
                          for k, v in full[key].items()}
             for key, packed_key in DIFF_KEYS if key in full}
    opt = full["optimizer"]
    states = {i: {k: (v.bfloat16() if torch.is_tensor(v) and v.is_floating_point() and v.dim() > 0 else v)
                  for k, v in s.items()} for i, s in opt["state"].items()}
    out = {k: v for k, v in full.items() if k not in ("model", "ema", "optimizer", "target")}
    # folders of this machine stay out of the repository (they are defaults of train.py anyway)
    out["args"] = {k: v for k, v in full.get("args", {}).items() if k not in MACHINE_PATHS}
    out.update(ema=ema, optimizer={"state": states, "param_groups": opt["param_groups"]}, packed=True)
    out.update(diffs)
    return out


def unpack(packed):
    """Compact dict -> full run checkpoint dict (float32 everywhere)."""
    ema = packed["ema"]
    full = {key: {k: (ema[k] + v.float()) if v.is_floating_point() else v
                  for k, v in packed[packed_key].items()}
            for key, packed_key in DIFF_KEYS if packed_key in packed}
    opt = packed["optimizer"]
    states = {i: {k: (v.float() if torch.is_tensor(v) and v.is_floating_point() and v.dim() > 0 else v)
                  for k, v in s.items()} for i, s in opt["state"].items()}
    out = {k: v for k, v in packed.items()
           if k not in ("model_minus_ema", "target_minus_ema", "optimizer", "packed")}
    out.update(full)
    out.update(optimizer={"state": states, "param_groups": opt["param_groups"]})
    return out


def save_committed(full, run):
    """Write the compact file for `run` atomically (replacing the previous one)."""
    os.makedirs(CHECKPOINTS, exist_ok=True)
    path = committed_path(run)
    tmp = path + ".tmp"
    torch.save(pack(full), tmp)
    os.replace(tmp, path)
    return path


def newest_path(run):
    """The file a run resumes from: training/runs/<run>/last.pt, else the committed file."""
    local = os.path.join(HERE, "runs", run, "last.pt")
    return local if os.path.exists(local) else committed_path(run)


def load_any(run_dir, run):
    """The newest resumable state: the local last.pt, else the committed file, else None."""
    local = os.path.join(run_dir, "last.pt")
    if os.path.exists(local):
        return torch.load(local, map_location="cpu"), local
    path = committed_path(run)
    if os.path.exists(path):
        return unpack(torch.load(path, map_location="cpu")), path
    return None, None


if __name__ == "__main__":
    import sys

    run = sys.argv[1] if len(sys.argv) > 1 else "main"
    full = torch.load(os.path.join(HERE, "runs", run, "last.pt"), map_location="cpu")
    path = save_committed(full, run)
    print("%s: %.1f MB (step %d, %.1f min trained)" % (
        os.path.relpath(path), os.path.getsize(path) / 2**20, full["state"]["step"],
        full["state"]["train_seconds"] / 60))
