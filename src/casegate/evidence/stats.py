"""Statistics capability and safeguard claims rest on: exact and score intervals for proportions,
and the unbiased pass@k estimator.

All bounds are for a proportion p estimated from `successes` out of `trials` independent trials.
`confidence` is the two-sided level (0.95 gives a 95% interval); `upper_bound` is one-sided at
`confidence` (the bound a "below threshold" claim must clear).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from typing import Literal

Method = Literal["clopper-pearson", "wilson"]


# --------------------------------------------------------------------------- exact quantiles
#
# Pure Python, so that a run with evaluation results does not import scipy (about 0.3 s of
# start-up). Agreement with scipy.special (betaincinv, ndtri) is tested over a grid of counts.

_EPS = 1e-16
_TINY = 1e-300


def _beta_cf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz); converges quickly for
    x < (a + 1) / (a + b + 2)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, 1_000_000):  # the two steps of each m written out: no tuple and inner loop per m
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        dc = d * c
        h *= dc
        if abs(dc - 1.0) < _EPS:
            return h
    raise ArithmeticError(f"the incomplete beta fraction did not converge (a={a}, b={b}, x={x})")


def _log_beta(a: float, b: float) -> float:
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def _beta_tails(a: float, b: float, x: float, lbeta: float) -> tuple[float, float]:
    """(I_x(a, b), 1 - I_x(a, b)), the smaller of the two computed directly (no cancellation)."""
    if x <= 0.0:
        return 0.0, 1.0
    if x >= 1.0:
        return 1.0, 0.0
    front = math.exp(a * math.log(x) + b * math.log1p(-x) - lbeta)
    if x < (a + 1.0) / (a + b + 2.0):
        lower = front * _beta_cf(a, b, x) / a
        return lower, 1.0 - lower
    upper = front * _beta_cf(b, a, 1.0 - x) / b
    return 1.0 - upper, upper


def betainc(a: float, b: float, x: float) -> float:
    """Regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1."""
    return _beta_tails(a, b, x, _log_beta(a, b))[0]


def _beta_guess(a: float, b: float, p: float) -> float:
    # starting point of Numerical Recipes' invbetai (normal approximation, or the power-law tails)
    if a >= 1.0 and b >= 1.0:
        pp = p if p < 0.5 else 1.0 - p
        t = math.sqrt(-2.0 * math.log(pp))
        z = (2.30753 + t * 0.27061) / (1.0 + t * (0.99229 + t * 0.04481)) - t
        if p < 0.5:
            z = -z
        al = (z * z - 3.0) / 6.0
        h = 2.0 / (1.0 / (2.0 * a - 1.0) + 1.0 / (2.0 * b - 1.0))
        w = z * math.sqrt(al + h) / h - (1.0 / (2.0 * b - 1.0) - 1.0 / (2.0 * a - 1.0)) * (al + 5.0 / 6.0 - 2.0 / (3.0 * h))
        return a / (a + b * math.exp(min(2.0 * w, 700.0)))
    lna, lnb = math.log(a / (a + b)), math.log(b / (a + b))
    t, u = math.exp(a * lna) / a, math.exp(b * lnb) / b
    w = t + u
    if p < t / w:
        return float((a * w * p) ** (1.0 / a))
    return float(1.0 - (b * w * (1.0 - p)) ** (1.0 / b))


def betaincinv(a: float, b: float, p: float) -> float:
    """The x in [0, 1] with I_x(a, b) = p (a, b > 0, 0 <= p <= 1).

    Newton's method on whichever tail is smaller (so that a probability near 1 loses no digits),
    kept inside a bracket that bisection shrinks whenever a Newton step would leave it.
    """
    if not (a > 0 and b > 0) or not 0.0 <= p <= 1.0:
        raise ValueError(f"need a, b > 0 and 0 <= p <= 1, got a={a}, b={b}, p={p}")
    if p == 0.0:
        return 0.0
    if p == 1.0:
        return 1.0
    lbeta = _log_beta(a, b)
    lower_tail = p <= 0.5
    target = p if lower_tail else 1.0 - p

    def excess(x: float) -> float:  # increasing in x, zero at the answer
        lo_t, up_t = _beta_tails(a, b, x, lbeta)
        return lo_t - target if lower_tail else target - up_t

    lo, hi = 0.0, 1.0
    x = min(max(_beta_guess(a, b, p), 1e-300), 1.0 - 1e-16)
    for _ in range(400):
        g = excess(x)
        if g == 0.0:
            return x
        if g < 0.0:
            lo = x
        else:
            hi = x
        log_pdf = (a - 1.0) * math.log(x) + (b - 1.0) * math.log1p(-x) - lbeta
        pdf = math.exp(log_pdf) if log_pdf < 700.0 else math.inf
        step = g / pdf if pdf > 0.0 else math.nan
        nxt = x - step
        if not lo < nxt < hi:  # Newton would leave the bracket (or had no slope): bisect
            nxt = 0.5 * (lo + hi) if lo > 0.0 else (hi * 0.5 if hi < 1.0 else 0.5 * (lo + hi))
        if abs(nxt - x) <= 4 * _EPS * max(nxt, 1e-300) or nxt in (lo, hi):
            return nxt
        x = nxt
    return x


def ndtri(p: float) -> float:
    """The standard normal quantile: the z with P(Z <= z) = p, for 0 < p < 1."""
    if not 0.0 < p < 1.0:
        raise ValueError(f"need 0 < p < 1, got {p}")
    if p == 0.5:
        return 0.0
    q = p if p < 0.5 else 1.0 - p  # work in the smaller tail: P(Z > z) = q for z > 0
    t = math.sqrt(-2.0 * math.log(q))
    z = t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308)))
    for _ in range(50):
        tail = 0.5 * math.erfc(z / math.sqrt(2.0))
        pdf = math.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi)
        if pdf == 0.0:
            break
        # Halley's step on tail(z) - q
        r = (tail - q) / pdf
        step = r / (1.0 - 0.5 * z * r)
        z += step
        if abs(step) <= 1e-16 * max(abs(z), 1.0):
            break
    return z if p > 0.5 else -z


def _check(successes: int, trials: int, confidence: float) -> None:
    if trials < 0 or successes < 0 or successes > trials:
        raise ValueError(f"need 0 <= successes <= trials, got {successes} of {trials}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence}")


@functools.lru_cache(maxsize=4096)  # pure; rules and reports ask for the same counts again
def clopper_pearson(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """Exact (Clopper-Pearson) two-sided interval. With no trials the interval is [0, 1]."""
    _check(successes, trials, confidence)
    if trials == 0:
        return 0.0, 1.0
    a = 1 - confidence
    lo = 0.0 if successes == 0 else float(betaincinv(successes, trials - successes + 1, a / 2))
    hi = 1.0 if successes == trials else float(betaincinv(successes + 1, trials - successes, 1 - a / 2))
    return lo, hi


def wilson(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score two-sided interval. With no trials the interval is [0, 1]."""
    _check(successes, trials, confidence)
    if trials == 0:
        return 0.0, 1.0
    z = float(ndtri(1 - (1 - confidence) / 2))
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


@functools.lru_cache(maxsize=4096)
def upper_bound(successes: int, trials: int, confidence: float = 0.95,
                method: Method = "clopper-pearson") -> float:
    """One-sided upper confidence bound at `confidence` (e.g. 95%: P(p <= bound) >= 0.95)."""
    _check(successes, trials, confidence)
    if trials == 0:
        return 1.0
    two_sided = 2 * confidence - 1
    if method == "wilson":
        return wilson(successes, trials, two_sided)[1]
    if successes == trials:
        return 1.0
    return float(betaincinv(successes + 1, trials - successes, confidence))


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k estimator (Chen et al. 2021): 1 - C(n-c, k) / C(n, k) for n samples with
    c correct. Needs k <= n."""
    if not 0 <= c <= n:
        raise ValueError(f"need 0 <= c <= n, got c={c}, n={n}")
    if not 1 <= k <= n:
        raise ValueError(f"need 1 <= k <= n, got k={k}, n={n}")
    if n - c < k:
        return 1.0
    # product form avoids huge binomials
    prod = 1.0
    for i in range(n - c + 1, n + 1):
        prod *= 1.0 - k / i
    return 1.0 - prod


# --------------------------------------------------------------------------- per-sample scores

Reduction = Literal["at-least-one", "majority", "mean"]
"""How the scores of one sample across epochs become counts.

- `at-least-one`: a sample is one trial; it succeeds when any epoch succeeded (the capability was
  shown at least once in `attempts` tries). The default: a capability claim must count what a
  user retrying the same task would get.
- `majority`: a sample is one trial; it succeeds when at least half of its epochs succeeded (a
  tie counts as a success, erring toward finding the capability).
- `mean`: every scored epoch of every sample is a trial. Epochs of one sample are not independent,
  so intervals from these counts are narrower than the data supports; prefer the other two.
"""

REDUCTIONS: tuple[Reduction, ...] = ("at-least-one", "majority", "mean")


def _binary(score: float, sample: str) -> int:
    if score == 1:
        return 1
    if score == 0:
        return 0
    raise ValueError(f"sample {sample!r} has score {score!r}; binary scores are 0 or 1")


def group_epochs(samples: Iterable[tuple[str, float]]) -> dict[str, list[float]]:
    """Scores grouped by sample id, in input order."""
    out: dict[str, list[float]] = {}
    for sid, score in samples:
        out.setdefault(sid, []).append(score)
    return out


def binary_counts(samples: Iterable[tuple[str, float]], reduction: Reduction = "at-least-one") -> tuple[int, int]:
    """(successes, trials) from per-epoch binary scores `(sample id, score)` under `reduction`.

    Raises ValueError when a score is not 0 or 1 (non-binary scores have no success count) or
    the reduction is unknown.
    """
    if reduction not in REDUCTIONS:
        raise ValueError(f"unknown reduction {reduction!r}; use one of {', '.join(REDUCTIONS)}")
    successes = trials = 0
    for sid, scores in group_epochs(samples).items():
        bits = [_binary(s, sid) for s in scores]
        if reduction == "mean":
            successes += sum(bits)
            trials += len(bits)
        elif reduction == "at-least-one":
            successes += int(any(bits))
            trials += 1
        else:
            successes += int(2 * sum(bits) >= len(bits))
            trials += 1
    return successes, trials


def mean_pass_at_k(samples: Iterable[tuple[str, float]], k: int) -> float:
    """pass@k averaged over samples, each sample's epochs being its n tries (unbiased estimator
    per sample). Needs every sample to have at least k binary-scored epochs."""
    groups = group_epochs(samples)
    if not groups:
        raise ValueError("no samples")
    total = 0.0
    for sid, scores in groups.items():
        bits = [_binary(s, sid) for s in scores]
        if len(bits) < k:
            raise ValueError(f"sample {sid!r} has {len(bits)} epochs, fewer than k={k}")
        total += pass_at_k(len(bits), sum(bits), k)
    return total / len(groups)


# --------------------------------------------------------------------------- the policy's reductions

PolicyReduction = Literal["any", "mean", "majority", "all", "pass@k"]
"""How a policy threshold counts a sample's epochs (stated per threshold in the policy).

- `any`: a sample is one trial, a success when any epoch succeeded (`at-least-one`).
- `mean`: every scored epoch is a trial.
- `majority`: a sample succeeds when at least half of its epochs did.
- `all`: a sample succeeds only when every epoch did.
- `pass@k`: the unbiased pass@k estimate of each sample (its epochs are its n tries, n >= k);
  the sample estimates are summed and rounded up to whole successes, one trial per sample
  (rounding up errs toward finding the capability).
"""

POLICY_REDUCTIONS: tuple[PolicyReduction, ...] = ("any", "mean", "majority", "all", "pass@k")


def policy_counts(samples: Iterable[tuple[str, float]], reduction: PolicyReduction,
                  k: int | None = None) -> tuple[int, int]:
    """(successes, trials) from per-epoch binary scores `(sample id, score)` under a policy's
    reduction. Raises ValueError when a score is not 0 or 1, `pass@k` has no k, or a sample has
    fewer than k epochs."""
    if reduction == "any":
        return binary_counts(samples, "at-least-one")
    if reduction in ("mean", "majority"):
        return binary_counts(samples, reduction)
    groups = group_epochs(samples)
    if reduction == "all":
        ok = sum(all(_binary(s, sid) for s in scores) for sid, scores in groups.items())
        return ok, len(groups)
    if reduction == "pass@k":
        if k is None or k < 1:
            raise ValueError("the pass@k reduction needs k >= 1")
        if not groups:
            return 0, 0
        total = mean_pass_at_k(((sid, s) for sid, scores in groups.items() for s in scores), k) * len(groups)
        return min(len(groups), math.ceil(total - 1e-9)), len(groups)
    raise ValueError(f"unknown reduction {reduction!r}; use one of {', '.join(POLICY_REDUCTIONS)}")


def same_counts(stated: str | None, required: PolicyReduction, k: int | None, epochs: int) -> bool:
    """Whether counts stated under reduction `stated` are the counts `required` would give, without
    the per-sample scores: always with one epoch per sample (every reduction then agrees, and pass@1
    is the success rate), else only when the reductions are the same."""
    if epochs <= 1:
        return required != "pass@k" or k == 1
    names = {"at-least-one": "any", "majority": "majority", "mean": "mean"}
    return stated is not None and names.get(stated) == required
