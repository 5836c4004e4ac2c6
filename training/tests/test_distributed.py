"""train.py and distill.py on two CPU ranks (gloo) against one process on the same global
batch: the ranks end with identical weights and log the one-process run's losses.

The ranks are started here with the environment torchrun would give them (Debian's
torch 1.13 `torchrun` entry point fails under Python 3.11), one thread each."""
import csv
import os
import socket
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import torch

from training.loop import RANK_DUMP
from training.tests.test_distill import distill_fixture

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STEPS, BATCH = 3, 8
# A large learning rate from the first step (no warm-up) so that steps 2 and 3 see weights
# that the first updates really moved; the learning rate follows images, not wall time,
# which differs between the runs.
SMALL = ["--max-steps", str(STEPS), "--batch-size", str(BATCH), "--log-every", "1", "--threads", "1",
         "--lr", "1e-3", "--warmup-steps", "1", "--schedule-images", "100000"]
TORCHRUN_VARS = ("RANK", "LOCAL_RANK", "WORLD_SIZE", "LOCAL_WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(module, argv, world, dump):
    """Run `python3 -m module argv` as `world` ranks (world 1: a plain process); every
    rank saves its final checkpoint dict to dump/rank<r>.pt."""
    os.makedirs(dump)
    env = {k: v for k, v in os.environ.items() if k not in TORCHRUN_VARS}
    env.update(OMP_NUM_THREADS="1", PYTHONPATH=ROOT, **{RANK_DUMP: dump})
    port = str(free_port())
    procs = []
    for r in range(world):
        e = dict(env)
        if world > 1:
            e.update(RANK=str(r), LOCAL_RANK=str(r), WORLD_SIZE=str(world),
                     LOCAL_WORLD_SIZE=str(world), MASTER_ADDR="127.0.0.1", MASTER_PORT=port)
        procs.append(subprocess.Popen([sys.executable, "-m", module] + argv, cwd=ROOT, env=e,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    outs = []
    try:
        for p in procs:
            outs.append(p.communicate(timeout=300)[0])
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    for p, out in zip(procs, outs):
        if p.returncode:
            raise AssertionError("%s exited %d:\n%s" % (module, p.returncode, out[-3000:]))
    return [torch.load(os.path.join(dump, "rank%d.pt" % r)) for r in range(world)]


def logged_losses(run_dir):
    with open(os.path.join(run_dir, "log.csv")) as f:
        return [float(r["loss"]) for r in csv.DictReader(f)]


class TestTwoRanks(unittest.TestCase):
    def check(self, module, argv, weights):
        with tempfile.TemporaryDirectory() as d:
            one = launch(module, argv + ["--runs-dir", os.path.join(d, "one")], 1, os.path.join(d, "dump1"))
            two = launch(module, argv + ["--runs-dir", os.path.join(d, "two")], 2, os.path.join(d, "dump2"))
            for ck in one + two:
                self.assertEqual((ck["state"]["step"], ck["state"]["images_seen"]), (STEPS, STEPS * BATCH))
            # DDP gives both ranks the same averaged gradient: bit-identical weights,
            # EMAs and Adam moments, not merely close ones.
            for key in weights + ["optimizer"]:
                a, b = two[0][key], two[1][key]
                if key == "optimizer":
                    a, b = ({(i, n): v for i, s in o["state"].items() for n, v in s.items()} for o in (a, b))
                self.assertEqual(set(a), set(b))
                for k in a:
                    self.assertTrue(torch.equal(torch.as_tensor(a[k]), torch.as_tensor(b[k])), (key, k))
            # Rank 0 logs the mean of the two ranks' half-batch losses: the one process's loss
            # on the same rows and draws, up to float summation order (~1e-7 relative), and the
            # log's rounding (train: 5 decimals, distill: 5 significant digits), hence one
            # rounding step of slack. Per-rank draws (the seed + rank of before) logged
            # 0.051, 0.208, 0.061 for distill's 0.083, 0.045, 0.082.
            l1, l2 = logged_losses(os.path.join(d, "one", "t")), logged_losses(os.path.join(d, "two", "t"))
            self.assertEqual(len(l1), STEPS)
            np.testing.assert_allclose(l2, l1, rtol=2e-4, atol=2e-5)
            # Not compared: the weights with the one process's. In this tiny U-Net (8 channels,
            # GroupNorm of 8 groups) the per-channel shifts of the last block (biases, time
            # projection) have an exact gradient of 0, as the next GroupNorm removes them; Adam
            # scales their rounding noise to steps of ~lr, so they differ by up to ~lr between
            # the runs, with no effect on any output.


    def test_train(self):
        with tempfile.TemporaryDirectory() as d:
            self.check("training.train",
                       ["--run", "t", "--cache", os.path.join(d, "c.npz"), "--limit", "16",
                        "--no-wordnet", "--channels", "8,16,32", "--short-prompts", "0.5",
                        "--min-snr-gamma", "5"] + SMALL, ["model", "ema"])

    def test_distill(self):
        with tempfile.TemporaryDirectory() as d:
            cache, tpath, _ = distill_fixture(d, 16, np.random.default_rng(0))
            self.check("training.distill",
                       ["--run", "t", "--teacher", tpath, "--cache", cache, "--limit", "16"] + SMALL,
                       ["model", "ema", "target"])


if __name__ == "__main__":
    unittest.main()
