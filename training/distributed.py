"""One process or `torchrun --nproc_per_node=N`: what the training scripts share for DDP.

torchrun sets RANK, LOCAL_RANK and WORLD_SIZE (and MASTER_ADDR/PORT); without them
everything here is a no-op and the script runs as one plain process. Backend: gloo on
CPU, NCCL on CUDA (one GPU per rank, LOCAL_RANK). Every rank draws the same shuffled
global batch and the random numbers of all of it (same seeds everywhere), and trains on
its own slice of it (`shard`). DDP averages the gradients; with equal slices of B / N rows,
(1/N) sum_r grad(mean loss of slice r) = grad(mean loss of all B rows), so N ranks take
the step one process takes on that batch (up to float summation order) and all ranks keep
identical weights. Rank 0 alone writes checkpoints and logs (loop.py).
"""
import contextlib
import os

import torch
import torch.distributed as dist


class Context:
    def __init__(self, device_kind="cpu", batch_size=None):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.local_rank = int(os.environ.get("LOCAL_RANK", "0"))
        if batch_size and batch_size % self.world:  # unequal slices would weight rows unequally
            raise SystemExit("--batch-size %d (global) is not a multiple of the %d ranks"
                             % (batch_size, self.world))
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
        """This rank's slice of a global batch (every rank holds the same `rows`): rows
        rank, rank + world, ... (numpy arrays and tensors alike)."""
        return rows[self.rank::self.world]

    def barrier(self):
        if self.world > 1:
            dist.barrier()

    @contextlib.contextmanager
    def writer_first(self):
        """Rank 0 runs the block before the others, which may then read the cache files it
        wrote (glyphs, GloVe) instead of writing them concurrently. Yields is_writer."""
        if not self.is_writer:
            self.barrier()
        yield self.is_writer
        if self.is_writer:
            self.barrier()

    def mean(self, value):
        """Mean of a float over ranks."""
        if self.world == 1:
            return value
        t = torch.tensor([float(value)], device=self.device)
        dist.all_reduce(t)
        return t.item() / self.world

    def agree(self, stop, seconds):
        """(stop on any rank, the largest clock) in one all-reduce, so that all ranks stop at
        the same step and a learning rate scheduled on wall time is the same on all."""
        if self.world == 1:
            return bool(stop), seconds
        t = torch.tensor([1.0 if stop else 0.0, seconds], dtype=torch.float64, device=self.device)
        dist.all_reduce(t, op=dist.ReduceOp.MAX)
        return t[0].item() > 0, t[1].item()

    def close(self):
        if dist.is_initialized():
            dist.destroy_process_group()


def unwrap(module):
    return module.module if hasattr(module, "module") else module
