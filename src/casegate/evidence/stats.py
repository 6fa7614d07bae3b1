"""Statistics capability and safeguard claims rest on: exact and score intervals for proportions,
and the unbiased pass@k estimator.

All bounds are for a proportion p estimated from `successes` out of `trials` independent trials.
`confidence` is the two-sided level (0.95 gives a 95% interval); `upper_bound` is one-sided at
`confidence` (the bound a "below threshold" claim must clear).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal

Method = Literal["clopper-pearson", "wilson"]


def _check(successes: int, trials: int, confidence: float) -> None:
    if trials < 0 or successes < 0 or successes > trials:
        raise ValueError(f"need 0 <= successes <= trials, got {successes} of {trials}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence}")


def clopper_pearson(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """Exact (Clopper-Pearson) two-sided interval. With no trials the interval is [0, 1]."""
    _check(successes, trials, confidence)
    if trials == 0:
        return 0.0, 1.0
    from scipy.special import betaincinv  # scipy.special: scipy.stats takes ~0.5 s to import

    a = 1 - confidence
    lo = 0.0 if successes == 0 else float(betaincinv(successes, trials - successes + 1, a / 2))
    hi = 1.0 if successes == trials else float(betaincinv(successes + 1, trials - successes, 1 - a / 2))
    return lo, hi


def wilson(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score two-sided interval. With no trials the interval is [0, 1]."""
    _check(successes, trials, confidence)
    if trials == 0:
        return 0.0, 1.0
    from scipy.special import ndtri

    z = float(ndtri(1 - (1 - confidence) / 2))
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


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
    from scipy.special import betaincinv

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
