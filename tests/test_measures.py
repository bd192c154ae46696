"""The measures agree with the libraries that define them: scipy's G², scikit-learn's IDF, textbook NPMI."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import chi2_contingency
from sklearn.feature_extraction.text import TfidfTransformer

from presslens.measures import contingency_g2, idf, jaccard, keyness_g2, log_ratio, npmi, p_value, per_1000


@pytest.mark.parametrize("both, a, b, n", [(12, 30, 25, 400), (1, 2, 90, 100), (5, 5, 5, 50)])
def test_contingency_g2_is_scipys_log_likelihood(both, a, b, n):
    table = np.array([[both, a - both], [b - both, n - a - b + both]])
    expected, *_ = chi2_contingency(table, correction=False, lambda_="log-likelihood")
    assert contingency_g2([both], [a], [b], n)[0] == pytest.approx(expected)


def test_keyness_g2_of_a_term_spread_evenly_is_zero_and_grows_with_the_difference():
    even, skewed, more = keyness_g2([10, 30, 60], [10, 10, 10], 1000, 1000)
    assert even == pytest.approx(0) and 0 < skewed < more
    assert p_value([even])[0] == pytest.approx(1.0) and p_value([10.83])[0] == pytest.approx(0.001, rel=0.01)


def test_smoothed_idf_is_scikit_learns():
    counts = np.array([[1, 0, 2], [0, 0, 1], [3, 1, 1], [0, 0, 4]])
    transformer = TfidfTransformer(smooth_idf=True).fit(counts)
    assert idf(4, (counts > 0).sum(axis=0), smooth=True) == pytest.approx(transformer.idf_)
    assert idf(4, [4, 1], smooth=False) == pytest.approx([0.0, np.log10(4)])


def test_npmi_jaccard_rates_and_log_ratio():
    assert npmi([10], [10], [10], 10)[0] == 1.0  # together in every window
    assert npmi([5], [10], [50], 100)[0] == pytest.approx(0.0)  # independent: 5 = 10 × 50 / 100
    assert npmi([2], [10], [10], 100)[0] == pytest.approx(np.log(2) / np.log(50))
    assert jaccard([3], [5], [4])[0] == pytest.approx(0.5)
    assert per_1000([7], [3500])[0] == pytest.approx(2.0)
    assert log_ratio([19.5], [9.5], 1000, 1000, smoothing=0.5)[0] == pytest.approx(1.0)
