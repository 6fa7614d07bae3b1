"""The one-sided upper confidence bound a diff shows for an evaluation's counts, computed without
SciPy: a diff is read far more often than a gate runs, and importing SciPy would cost more than the
whole comparison. The gate's own bound (`casegate.evidence.stats.upper_bound`) is the reference;
the tests hold the two to 1e-9."""

from __future__ import annotations

import math
from statistics import NormalDist


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 1000):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return h


def regularized_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b), the regularized incomplete beta function."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def upper_bound(successes: int, trials: int, confidence: float = 0.95, method: str = "clopper-pearson") -> float:
    """One-sided upper bound at `confidence`, as `casegate.evidence.stats.upper_bound` gives it."""
    if trials == 0 or successes >= trials:
        return 1.0
    if method == "wilson":
        z = NormalDist().inv_cdf(1 - (1 - (2 * confidence - 1)) / 2)
        p = successes / trials
        denom = 1 + z * z / trials
        centre = (p + z * z / (2 * trials)) / denom
        half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
        return min(1.0, centre + half)
    lo, hi = 0.0, 1.0  # I_p(s + 1, t - s) rises with p: find where it reaches `confidence`
    for _ in range(80):
        mid = (lo + hi) / 2
        if regularized_beta(successes + 1, trials - successes, mid) < confidence:
            lo = mid
        else:
            hi = mid
    return hi
