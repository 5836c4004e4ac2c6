"""One process or `torchrun --nproc_per_node=N`: what the training scripts share for DDP.

torchrun sets RANK, LOCAL_RANK and WORLD_SIZE (and MASTER_ADDR/PORT); without them
everything here is a no-op and the script runs as one plain process. Backend: gloo on
CPU, NCCL on CUDA (one GPU per rank, LOCAL_RANK). Every rank draws the same shuffled
global batch and trains on its own slice of it (`shard`); DDP averages the gradients,
so all ranks keep identical weights; rank 0 alone writes checkpoints and logs.
"""
import os

import torch
import torch.distributed as dist


class Context:
    def __init__(self, device_kind="cpu"):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.local_rank = int(os.environ.get("LOCAL_RANK", "0"))
        if device_kind == "cuda":
            torch.cuda.set_device(self.local_rank)
            self.device = torch.device("cuda", self.local_rank)
        else:
            self.device = torch.device("cpu")
        if self.world > 1 and not dist.is_initialized():
            dist.init_process_group("nccl" if device_kind == "cuda" else "gloo")

    @property
    def is_writer(self):
        return self.rank == 0

    def wrap(self, module):
        """DistributedDataParallel around a trainable module when there are several ranks."""
        if self.world == 1:
            return module
        ids = [self.local_rank] if self.device.type == "cuda" else None
        return torch.nn.parallel.DistributedDataParallel(module, device_ids=ids)

    def shard(self, rows):
        """This rank's slice of a global batch (every rank holds the same `rows`)."""
        return rows[self.rank::self.world]

    def mean(self, value):
        """Mean of a float over ranks."""
        if self.world == 1:
            return value
        t = torch.tensor([float(value)], device=self.device)
        dist.all_reduce(t)
        return t.item() / self.world

    def any(self, flag):
        """True on every rank if it is true on any (e.g. a stop request), so all stop together."""
        if self.world == 1:
            return bool(flag)
        t = torch.tensor([1.0 if flag else 0.0], device=self.device)
        dist.all_reduce(t, op=dist.ReduceOp.MAX)
        return t.item() > 0

    def close(self):
        if dist.is_initialized():
            dist.destroy_process_group()


def unwrap(module):
    return module.module if hasattr(module, "module") else module
