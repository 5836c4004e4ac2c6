"""The prompt walk test's interval for a median (training/prompt_walk_test.py)."""
import unittest

import numpy as np

from training.prompt_walk_test import median_interval


class MedianIntervalTest(unittest.TestCase):
    def test_order_statistics_of_the_tables(self):
        # Conover, Practical Nonparametric Statistics: for n = 64 the 95% interval of the median runs from the 24th
        # to the 41st smallest value; for n = 10, from the 2nd to the 9th.
        self.assertEqual(median_interval(np.arange(1, 65)), (32.5, [24.0, 41.0]))
        self.assertEqual(median_interval(np.arange(1, 11)), (5.5, [2.0, 9.0]))

    def test_covers_the_true_median_about_95_percent_of_the_time(self):
        rng = np.random.default_rng(0)
        trials = 2000
        hits = sum(lo <= 0.0 <= hi for _, (lo, hi) in (median_interval(rng.normal(size=64)) for _ in range(trials)))
        self.assertGreaterEqual(hits / trials, 0.94)
        self.assertLessEqual(hits / trials, 0.985)

    def test_infinite_values_stay_ordered(self):
        # A walk that never switches counts as an infinite switch point, above every finite one.
        med, (lo, hi) = median_interval([0.5] * 40 + [float("inf")] * 24)
        self.assertEqual((med, lo), (0.5, 0.5))
        self.assertEqual(hi, float("inf"))


if __name__ == "__main__":
    unittest.main()
