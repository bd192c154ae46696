"""Association and weighting measures: one implementation of each, vectorised over arrays of counts.

- :func:`per_1000` — a rate per 1,000 words;
- :func:`idf` — inverse document frequency, as quanteda weights TF-IDF (``log10(N / df)``) or smoothed
  as scikit-learn does (``ln((1 + N) / (1 + df)) + 1``, never 0, for a corpus of one article);
- :func:`g2` — Dunning's log-likelihood G² of observed against expected counts, laid out as a 2 × 2
  table of windows (:func:`contingency_g2`, for co-occurrence) or as a term's counts in two corpora
  (:func:`keyness_g2`, Rayson and Garside's keyness); :func:`p_value` its chi-squared tail (1 df);
- :func:`npmi`, :func:`jaccard` — normalised pointwise mutual information and overlap of two sets of windows;
- :func:`log_ratio` — the binary log of the ratio of two relative frequencies (Hardie's effect size).

Phrase statistics (pairs and triples of words) are NLTK's collocation measures (:mod:`presslens.phrases`).
"""

from __future__ import annotations

import numpy as np
from scipy.special import xlogy
from scipy.stats import chi2


def _array(values) -> np.ndarray:
    return np.asarray(values, dtype=float)


def per_1000(count, words) -> np.ndarray:
    """``count`` per 1,000 ``words``."""
    return 1000 * _array(count) / _array(words)


def idf(n_documents, document_frequency, *, smooth: bool = False) -> np.ndarray:
    """Inverse document frequency of terms found in ``document_frequency`` of ``n_documents`` documents.

    ``smooth=False``: ``log10(N / df)``, 0 for a term in every document (quanteda's ``dfm_tfidf``);
    ``smooth=True``: ``ln((1 + N) / (1 + df)) + 1`` (scikit-learn's ``TfidfTransformer``).
    """
    n, df = _array(n_documents), _array(document_frequency)
    return np.log((1 + n) / (1 + df)) + 1 if smooth else np.log10(n / df)


def g2(observed, expected) -> np.ndarray:
    """Dunning's G² = 2 Σ O ln(O / E), summed over the first axis (the cells), 0 for an empty cell."""
    observed, expected = _array(observed), _array(expected)
    with np.errstate(divide="ignore", invalid="ignore"):
        cells = np.where(observed > 0, xlogy(observed, observed / expected), 0.0)
    return 2 * cells.sum(axis=0)


def contingency_g2(both, a, b, n) -> np.ndarray:
    """G² of the 2 × 2 table of ``n`` windows with or without A (``a`` windows) and B (``b``), ``both`` with both."""
    k11 = _array(both)
    k12, k21 = _array(a) - k11, _array(b) - k11
    k22 = n - k11 - k12 - k21
    observed = np.stack([k11, k12, k21, k22])
    rows = np.stack([k11 + k12, k11 + k12, k21 + k22, k21 + k22])
    columns = np.stack([k11 + k21, k12 + k22, k11 + k21, k12 + k22])
    return g2(observed, rows * columns / n)


def keyness_g2(a, b, size_a, size_b) -> np.ndarray:
    """G² of a term seen ``a`` times in ``size_a`` words and ``b`` times in ``size_b`` (Rayson and Garside, 2000)."""
    a, b = _array(a), _array(b)
    total = size_a + size_b
    return g2(np.stack([a, b]), np.stack([size_a * (a + b) / total, size_b * (a + b) / total]))


def p_value(statistic) -> np.ndarray:
    """The chi-squared (1 df) probability of a G² at least this large by chance."""
    return chi2.sf(_array(statistic), 1)


def npmi(both, a, b, n) -> np.ndarray:
    """Normalised PMI of A and B over ``n`` windows: 1 always together, 0 independent, −1 never together."""
    p_ab = _array(both) / n
    p_a, p_b = _array(a) / n, _array(b) / n
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.log(p_ab / (p_a * p_b)) / -np.log(p_ab)
    value = np.where(p_ab == 0, -1.0, value)  # never together
    return np.where(p_ab >= 1.0, 1.0, value)  # a pair in every window: perfectly associated


def jaccard(both, a, b) -> np.ndarray:
    """Windows with both A and B over windows with either."""
    return _array(both) / (_array(a) + _array(b) - _array(both))


def log_ratio(a, b, size_a, size_b, *, smoothing: float = 0.5) -> np.ndarray:
    """log2 of the relative frequency in A over that in B, ``smoothing`` added to both counts (1 = twice as frequent)."""
    return np.log2(((_array(a) + smoothing) / size_a) / ((_array(b) + smoothing) / size_b))
