"""Unihan parsing: cross-reference stripping on literal kDefinition values."""
import unittest

from training import dataset
from training.dataset import clean_definition, parse_radical

CASES = [
    ("(same as U+4E18 丘) hillock or mound", "hillock or mound"),
    ("(J) non-standard form of U+559C 喜, to like, love, enjoy; a joyful thing",
     "to like, love, enjoy; a joyful thing"),
    ("(an ancient form of U+4E94 五) five", "five"),
    ("(J) non-standard form of 第 U+7B2C, sequence, number; grade, degree",
     "sequence, number; grade, degree"),
    ("㐖毒, an old name for India", "an old name for India"),
    ("(same as 懦) weak; timid; imbecile", "weak; timid; imbecile"),
    ("(corrupted form) to follow, to trust to; to turn the body, (interchangeable 隱)",
     "to follow, to trust to; to turn the body"),
    ("a kind of fish in legend (a record in old books)",
     "a kind of fish in legend (a record in old books)"),
    ("average; equivalent; (Cant.) blocked", "average; equivalent; blocked"),
    ("to obey; to comply with, see also U+9042 遂", "to obey; to comply with"),
    ("variant of U+6B72 歲, a year, age", "a year, age"),
    ("(same as U+65D2 旒, a corrupted form of U+8352 荒) a cup with pendants, wild",
     "a cup with pendants, wild"),
    ("wine cups", "wine cups"),
]


class TestClean(unittest.TestCase):
    def test_cases(self):
        for raw, want in CASES:
            self.assertEqual(clean_definition(raw), want, raw)

    def test_ascii_only(self):
        for raw, _ in CASES:
            self.assertTrue(all(ord(c) < 128 for c in clean_definition(raw)))

    def test_radical(self):
        self.assertEqual(parse_radical("85.3"), 85)
        self.assertEqual(parse_radical("120'.3"), 120)
        self.assertEqual(parse_radical("167.0 167.1"), 167)

    def test_split_reproducible(self):
        held = [dataset.is_heldout(cp) for cp in range(0x4E00, 0x4E00 + 4000)]
        self.assertEqual(held, [dataset.is_heldout(cp) for cp in range(0x4E00, 0x4E00 + 4000)])
        self.assertTrue(0.03 < sum(held) / len(held) < 0.07)

    def test_downsample_is_box_mean(self):
        import numpy as np
        a = np.zeros((8, 8), dtype=np.uint8)
        a[:4, :4] = 255
        a[4:, 4:6] = 255
        d = dataset.downsample(a, 4)
        self.assertEqual(d.tolist(), [[255, 0], [0, 128]])


if __name__ == "__main__":
    unittest.main()
