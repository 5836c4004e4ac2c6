"""Tokenizer rules (the TypeScript port must reproduce these ids exactly)."""
import json
import os
import tempfile
import unittest

from training.tokenizer import Tokenizer, words

TEXTS = ["gold; metal", "metal, iron", "water water tree", "tree", "Gold coin"]


class TestTokenizer(unittest.TestCase):
    def setUp(self):
        self.tok = Tokenizer.build(TEXTS, min_count=2)

    def test_words(self):
        self.assertEqual(words("Hello, WORLD! 3d naïve x-ray"), ["hello", "world", "3d", "na", "ve", "x", "ray"])

    def test_vocab_order(self):
        # counts: gold 2, metal 2, water 2, tree 2 (others 1) -> ties alphabetical
        self.assertEqual(self.tok.vocab, {"<pad>": 0, "<unk>": 1, "gold": 2, "metal": 3,
                                          "tree": 4, "water": 5})

    def test_encode(self):
        ids, mask = self.tok.encode("GOLD, copper & Tree")
        self.assertEqual(ids[:3], [2, 1, 4])
        self.assertEqual(ids[3:], [0] * 13)
        self.assertEqual(mask, [1, 1, 1] + [0] * 13)

    def test_empty_and_punctuation(self):
        for s in ["", "!!! ,;"]:
            ids, mask = self.tok.encode(s)
            self.assertEqual(ids, [0] * 16)
            self.assertEqual(mask, [0] * 16)

    def test_truncate(self):
        ids, mask = self.tok.encode(" ".join(["gold"] * 20))
        self.assertEqual(ids, [2] * 16)
        self.assertEqual(mask, [1] * 16)

    def test_json_roundtrip(self):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "tokenizer.json")
            self.tok.save(p)
            with open(p) as f:
                j = json.load(f)
            self.assertEqual(j["pattern"], "[a-z0-9]+")
            self.assertEqual((j["pad_id"], j["unk_id"], j["max_length"]), (0, 1, 16))
            self.assertEqual(Tokenizer.load(p).encode("tree gold"), self.tok.encode("tree gold"))


if __name__ == "__main__":
    unittest.main()
