"""Whole pipeline on a tiny subset: render 64 glyphs, train a few steps, resume,
sample, export ONNX (checker), write fixtures. Runs in well under a minute."""
import json
import os
import tempfile
import unittest

import numpy as np
import torch

from training import export
from training import train
from training.sample import load_ema, sample


class TestPipeline(unittest.TestCase):
    def test_tiny_pipeline(self):
        import onnx

        with tempfile.TemporaryDirectory() as d:
            # A tiny stand-in for the GloVe cache (glove.py): random unit vectors for a few
            # words, so the v2 recipe (GloVe + pooled + short prompts + min-SNR) runs offline.
            words = ["a", "the", "of", "to", "water", "river", "tree", "wood", "name", "golden"]
            vecs = np.random.default_rng(0).normal(size=(len(words), 100)).astype(np.float32)
            vecs[-1] = vecs[2] + 0.1 * vecs[-1]  # "golden" next to "of": an alias of it
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
            np.savez(os.path.join(d, "glove.npz"), words=np.array(words), vectors=vecs)
            os.environ["GLOVE_NPZ"] = os.path.join(d, "glove.npz")
            self.addCleanup(os.environ.pop, "GLOVE_NPZ", None)
            common = ["--run", "t", "--runs-dir", d, "--cache", os.path.join(d, "c.npz"),
                      "--limit", "64", "--batch-size", "8", "--log-every", "1", "--no-wordnet",
                      "--glove", "--pooled", "--short-prompts", "0.5", "--min-snr-gamma", "5"]
            st = train.main(common + ["--max-steps", "2"])
            self.assertEqual(st["step"], 2)
            st = train.main(common + ["--max-steps", "3"])  # resumes from last.pt
            self.assertEqual(st["step"], 3)
            ckpt = os.path.join(d, "t", "last.pt")
            model, tok, _ = load_ema(ckpt)
            x = sample(model, tok, ["gold", ""], guidance=3.0, steps=2)
            self.assertEqual(tuple(x.shape), (2, 1, 32, 32))
            self.assertTrue(torch.isfinite(x).all())
            # all-padding prompt must not produce NaN
            ids = torch.zeros(1, 16, dtype=torch.long)
            h = model.text(ids)
            e = model.unet(torch.randn(1, 1, 32, 32), torch.tensor([10.0]), h, torch.zeros(1, 16))
            self.assertTrue(torch.isfinite(h).all() and torch.isfinite(e).all())
            self.assertGreater(model.text.glove.abs().sum().item(), 0)  # GloVe rows reloaded

            # SMOKE_EXPORT_DIR keeps the export for the Node side, which loads it in onnxruntime-node
            # and compares with these fixtures (test/unit/trainingSmoke.test.ts).
            out = os.environ.get("SMOKE_EXPORT_DIR") or os.path.join(d, "assets")
            export.main(["--ckpt", ckpt, "--out", out])
            for name in ("unet.onnx", "text_encoder.onnx"):
                m = onnx.load(os.path.join(out, name))
                onnx.checker.check_model(m)
                self.assertTrue(any(i.data_type == onnx.TensorProto.FLOAT16 for i in m.graph.initializer))
            te = onnx.load(os.path.join(out, "text_encoder.onnx")).graph.output[0]
            dims = [d.dim_param or d.dim_value for d in te.type.tensor_type.shape.dim]
            self.assertEqual(dims, ["batch", 16, model.config["text_dim"]])
            with open(os.path.join(out, "fixtures", "model_cases.json")) as f:
                fx = json.load(f)
            self.assertEqual(len(fx["noise_pred"]["data"]), 2 * 32 * 32)
            self.assertEqual(fx["cross_attention"]["shape"], [2, 16, 16, 16])
            outputs = [o.name for o in onnx.load(os.path.join(out, "unet.onnx")).graph.output]
            self.assertEqual(outputs, ["noise_pred", "cross_attention"])
            self.assertIn("of", tok.vocab)
            self.assertNotIn("golden", tok.vocab)
            with open(os.path.join(out, "tokenizer.json")) as f:
                self.assertEqual(json.load(f)["aliases"], {"golden": "of"})
            with open(os.path.join(out, "fixtures", "tokenizer_cases.json")) as f:
                tc = json.load(f)
            self.assertEqual(tc["cases"][0], {"text": "", "input_ids": [0] * 16,
                                              "attention_mask": [0] * 16})


if __name__ == "__main__":
    unittest.main()
