"""The v2 recipe's parts: short prompts, GloVe aliases, the compact checkpoint, the
cross-attention output, the Wilson interval of the radical test."""
import unittest

import numpy as np
import torch

from training import checkpoint
from training import glove
from training.evaluate import wilson
from training.model import GlyffuserMini
from training.prompts import ShortPrompts, content_ids, short_prompt
from training.tokenizer import Tokenizer

TEXTS = ["a kind of tree; the wood of a tree", "river name in Henan; water", "gold; metal; money"]


class TestShortPrompts(unittest.TestCase):
    def setUp(self):
        self.tok = Tokenizer.build(TEXTS * 2)

    def test_content_words_leave_out_function_words(self):
        words = [self.tok.id_to_word[i] for i in content_ids(self.tok, TEXTS[0])]
        self.assertEqual(words, ["tree", "wood"])
        words = [self.tok.id_to_word[i] for i in content_ids(self.tok, TEXTS[1])]
        self.assertEqual(words, ["river", "henan", "water"])

    def test_rows_become_words_of_their_own_definition(self):
        ids, mask = self.tok.encode_batch(TEXTS)
        full = ids.copy()
        sp = ShortPrompts(self.tok, TEXTS, p=1.0)
        rng = np.random.default_rng(0)
        for _ in range(20):
            i2, m2 = ids.copy(), mask.copy()
            sp.apply(np.arange(3), i2, m2, rng)
            for r in range(3):
                n = int(m2[r].sum())
                self.assertTrue(1 <= n <= 3)
                self.assertTrue(set(i2[r, :n]) <= set(full[r]))       # only its own words
                self.assertTrue((i2[r, n:] == 0).all() and (m2[r, n:] == 0).all())

    def test_p_zero_changes_nothing(self):
        ids, mask = self.tok.encode_batch(TEXTS)
        i2, m2 = ids.copy(), mask.copy()
        ShortPrompts(self.tok, TEXTS, p=0.0).apply(np.arange(3), i2, m2, np.random.default_rng(0))
        np.testing.assert_array_equal(i2, ids)

    def test_short_prompt_text(self):
        s = short_prompt(self.tok, TEXTS[2], np.random.default_rng(1))
        self.assertTrue(s and set(s.split()) <= {"gold", "metal", "money"})


class TestAliases(unittest.TestCase):
    def test_nearest_vocabulary_word_above_threshold(self):
        words = ["gold", "tree", "golden", "oak", "zebra"]
        v = np.eye(5, 100, dtype=np.float32)
        v[2] = v[0] * 0.9 + v[4] * 0.1    # golden ~ gold
        v[3] = v[1] * 0.8 + v[4] * 0.2    # oak ~ tree
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        vocab = {"<pad>": 0, "<unk>": 1, "gold": 2, "tree": 3}
        al = glove.aliases(vocab, (words, v), min_cosine=0.55)
        self.assertEqual(al, {"golden": "gold", "oak": "tree"})  # zebra: nothing close
        tok = Tokenizer(vocab, 4, al)
        self.assertEqual(tok.encode("golden oak zebra")[0], [2, 3, 1, 0])
        self.assertEqual(tok.to_json()["aliases"], al)
        self.assertNotIn("aliases", Tokenizer(vocab, 4).to_json())  # v1 files stay as they were


class TestCompactCheckpoint(unittest.TestCase):
    def test_round_trip_keeps_weights_and_adam_state(self):
        torch.manual_seed(0)
        model = GlyffuserMini(20, pooled=True)
        ema = GlyffuserMini(20, pooled=True)
        opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
        x = torch.randn(2, 1, 32, 32)
        ids = torch.randint(2, 20, (2, 16))
        for _ in range(2):
            loss = model(x, torch.tensor([3.0, 700.0]), ids, torch.ones(2, 16)).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
        full = {"model": model.state_dict(), "ema": ema.state_dict(), "optimizer": opt.state_dict(),
                "state": {"step": 2}, "config": model.config,
                "args": {"lr": 6e-4, "runs_dir": "/somewhere/runs", "cache": "/somewhere/c.npz"}}
        back = checkpoint.unpack(checkpoint.pack(full))
        self.assertEqual(back["args"], {"lr": 6e-4})  # no folder of this machine in the file
        for k, v in full["ema"].items():
            torch.testing.assert_close(back["ema"][k], v, rtol=0, atol=0)
        for k, v in full["model"].items():
            d = (full["model"][k] - full["ema"][k]).abs().max() if v.is_floating_point() else 0
            torch.testing.assert_close(back["model"][k], v, rtol=0, atol=float(d) * 1e-3 + 1e-7)
        s0, s1 = full["optimizer"]["state"][0], back["optimizer"]["state"][0]
        torch.testing.assert_close(s1["exp_avg_sq"], s0["exp_avg_sq"], rtol=1e-2, atol=0)
        self.assertTrue((s1["exp_avg_sq"] > 0).eq(s0["exp_avg_sq"] > 0).all())  # nothing flushed to 0
        self.assertEqual(back["state"], {"step": 2})


class TestCrossAttentionOutput(unittest.TestCase):
    def test_shape_and_padding(self):
        unet = GlyffuserMini(10, pooled=True).unet.eval()
        x, t = torch.randn(2, 1, 32, 32), torch.tensor([500.0, 20.0])
        ctx, mask = torch.randn(2, 16, 128), torch.zeros(2, 16)
        mask[0, :3] = 1
        with torch.no_grad():
            eps = unet(x, t, ctx, mask)
            unet.attention_res = 16
            eps2, attn = unet(x, t, ctx, mask)
        torch.testing.assert_close(eps2, eps)                    # same prediction
        self.assertEqual(tuple(attn.shape), (2, 16, 16, 16))
        self.assertLess(attn[0, 3:].max().item(), 1e-3)          # padded tokens get nothing
        self.assertLess(attn[1].max().item(), 1e-3)              # empty prompt: all on the null token
        s = attn[0].sum(0)                                       # shares of the real tokens
        self.assertTrue(((s > 0) & (s < 1)).all())


class TestWilson(unittest.TestCase):
    def test_known_values(self):
        lo, hi = wilson(32, 64)
        self.assertAlmostEqual(lo, 0.3813, places=3)             # p = 0.5, n = 64
        self.assertAlmostEqual(hi, 0.6187, places=3)
        self.assertEqual(wilson(0, 64)[0], 0.0)
        self.assertGreater(wilson(0, 64)[1], 0.05)               # zero hits is not "exactly 0 %"


if __name__ == "__main__":
    unittest.main()


class TestLearningRate(unittest.TestCase):
    def test_decay_follows_images_when_planned_in_images(self):
        from training.train import lr_at, parse_args
        args = parse_args(["--lr", "1e-3", "--warmup-steps", "10", "--min-lr-frac", "0.1",
                           "--schedule-images", "1000", "--max-minutes", "1"])
        self.assertAlmostEqual(lr_at(args, 100, 0.9, 0), 1e-3)          # wall time ignored
        self.assertAlmostEqual(lr_at(args, 100, 0.0, 500), 0.55e-3)     # half way: midpoint
        self.assertAlmostEqual(lr_at(args, 100, 0.0, 5000), 0.1e-3)     # past the plan: floor
        self.assertAlmostEqual(lr_at(args, 4, 0.0, 0), 0.5e-3)          # warmup
        args.schedule_images = 0
        self.assertAlmostEqual(lr_at(args, 100, 0.5, 0), 0.55e-3)       # wall time plan
