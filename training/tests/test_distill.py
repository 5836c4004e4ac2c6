"""The few-step student (lcm.py, distill.py): teacher equivalence at start, diffusers'
guidance embedding and LCM scalings, a tiny distillation run that resumes."""
import csv
import os
import tempfile
import unittest

import numpy as np
import torch

from training import checkpoint, distill, lcm
from training.model import GlyffuserMini
from training.sample import load_ema
from training.tokenizer import Tokenizer

TINY = dict(text_dim=32, unet_ch=(8, 16, 32), unet_blocks=(1, 1, 1), pooled=True)
TEXTS = ["a kind of tree; the wood of a tree", "river name in Henan; water", "gold; metal; money",
         "bird; feather", "fish; scales", "bamboo; flute"]


def tiny_teacher(vocab):
    torch.manual_seed(0)
    m = GlyffuserMini(vocab, **TINY)
    with torch.no_grad():  # zero-init output layers would make every prediction 0
        for p in m.parameters():
            p.add_(0.05 * torch.randn_like(p))
    return m.eval()


def distill_fixture(d, n, rng):
    """A glyph cache of n random images with TEXTS as definitions, and a tiny teacher checkpoint on its
    vocabulary, in folder d: (cache path, teacher path, teacher) for distill.py's --cache and --teacher."""
    defs = [TEXTS[i % len(TEXTS)] for i in range(n)]
    cache = os.path.join(d, "c.npz")
    np.savez(cache, images=rng.integers(0, 256, (n, 32, 32), dtype=np.uint8),
             codepoints=np.arange(n, dtype=np.int32), definitions=np.array(defs),
             radicals=np.ones(n, dtype=np.int16), heldout=np.zeros(n, dtype=bool))
    tok = Tokenizer.build(defs)
    teacher = tiny_teacher(len(tok))
    tpath = os.path.join(d, "teacher.pt")
    torch.save({"ema": teacher.state_dict(), "config": teacher.config,
                "tokenizer": tok.to_json(), "state": {"step": 1}}, tpath)
    return cache, tpath, teacher


class TestStudentStart(unittest.TestCase):
    def test_zero_cond_proj_equals_teacher(self):
        teacher = tiny_teacher(20)
        self.assertNotIn("unet.cond_proj.weight", teacher.state_dict())   # teacher unchanged
        student, cfg = distill.student_unet(teacher, 256)
        self.assertEqual(cfg["time_cond_proj_dim"], 256)
        x, t = torch.randn(3, 1, 32, 32), torch.tensor([999.0, 500.0, 19.0])
        ctx, mask = torch.randn(3, 16, 32), torch.ones(3, 16)
        w = lcm.guidance_embedding(torch.tensor([1.0, 4.0, 9.0]), 256)
        with torch.no_grad():
            ref = teacher.unet(x, t, ctx, mask)
            torch.testing.assert_close(student(x, t, ctx, mask, timestep_cond=w), ref, rtol=0, atol=0)
            torch.nn.init.normal_(student.cond_proj.weight)        # the guidance path is live
            self.assertGreater((student(x, t, ctx, mask, timestep_cond=w) - ref).abs().max().item(), 1e-4)
        with self.assertRaises(ValueError):
            teacher.unet(x, t, ctx, mask, timestep_cond=w)


class TestLcmMaths(unittest.TestCase):
    def test_guidance_embedding_matches_diffusers_formula(self):
        # dim 4: half 2, f = 10000^(-i / (half - 1)) = [1, 1e-4]; w = 0.5 -> 1000 w = 500
        e = lcm.guidance_embedding(torch.tensor([0.5, 0.0]), 4)
        want = torch.tensor([[-0.46777180532247614, 0.04997916927067833,
                              -0.883849273431478, 0.9987502603949663],   # sin..., cos...
                             [0.0, 0.0, 1.0, 1.0]])
        torch.testing.assert_close(e, want, rtol=0, atol=2e-5)
        self.assertEqual(tuple(lcm.guidance_embedding(torch.tensor([2.0]), 5).shape), (1, 5))
        self.assertEqual(lcm.guidance_embedding(torch.tensor([2.0]), 5)[0, 4].item(), 0.0)  # zero pad

    def test_boundary_conditions_and_grids(self):
        c_skip, c_out = lcm.boundary_scalings(0.0)
        self.assertEqual((c_skip, c_out), (1.0, 0.0))
        c_skip, c_out = lcm.boundary_scalings(torch.tensor([999.0]))
        self.assertLess(c_skip.item(), 1e-7)
        self.assertAlmostEqual(c_out.item(), 1.0, places=6)
        full = lcm.origin_timesteps(max_timestep=999)                     # diffusers' grid
        self.assertEqual((len(full), full[:2], full[-1]), (50, [19, 39], 999))
        self.assertEqual(lcm.lcm_timesteps(1, max_timestep=999), [999])
        self.assertEqual(lcm.lcm_timesteps(2, max_timestep=999), [999, 499])
        self.assertEqual(lcm.lcm_timesteps(4, max_timestep=999), [999, 759, 499, 259])
        self.assertEqual(lcm.origin_timesteps(), full[:-1])                # ours: without 999
        self.assertEqual(lcm.lcm_timesteps(1), [979])
        self.assertEqual(lcm.lcm_timesteps(2), [979, 499])
        self.assertEqual(lcm.lcm_timesteps(4), [979, 739, 499, 259])


class TestDistillRun(unittest.TestCase):
    def test_few_steps_then_resume(self):
        with tempfile.TemporaryDirectory() as d:
            rng = np.random.default_rng(0)
            cache, tpath, teacher = distill_fixture(d, 24, rng)
            common = ["--run", "t", "--runs-dir", d, "--teacher", tpath, "--cache", cache,
                      "--limit", "16", "--batch-size", "8", "--log-every", "1", "--threads", "1"]
            self.assertEqual(distill.main(common + ["--max-steps", "2"])["step"], 2)
            st = distill.main(common + ["--max-steps", "3"])                # resumes from last.pt
            self.assertEqual((st["step"], st["images_seen"]), (3, 24))
            with open(os.path.join(d, "t", "log.csv")) as f:
                rows = list(csv.DictReader(f))
            self.assertEqual([r["step"] for r in rows], ["1", "2", "3"])
            self.assertTrue(all(np.isfinite(float(r["loss"])) and float(r["loss"]) > 0 for r in rows))

            last = os.path.join(d, "t", "last.pt")
            full = torch.load(last)
            for k, v in teacher.text.state_dict().items():                 # text byte for byte
                self.assertTrue(torch.equal(full["ema"]["text." + k], v))
            back = checkpoint.unpack(checkpoint.pack(full))                 # compact file keeps all
            self.assertEqual(set(back), set(full))
            for k, v in full["target"].items():
                torch.testing.assert_close(back["target"][k], v, rtol=0, atol=1e-4)
            model, tok2, _ = load_ema(last)
            x = lcm.sample_lcm(model, tok2, ["tree", ""], guidance=5.0, steps=2)
            self.assertEqual(tuple(x.shape), (2, 1, 32, 32))
            self.assertTrue(torch.isfinite(x).all())


if __name__ == "__main__":
    unittest.main()
