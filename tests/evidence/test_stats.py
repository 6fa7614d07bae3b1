"""Intervals against scipy's binomtest, pass@k against its definition, epoch reductions by hand."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import binomtest

from casegate.evidence.stats import (
    binary_counts,
    clopper_pearson,
    group_epochs,
    mean_pass_at_k,
    pass_at_k,
    upper_bound,
    wilson,
)


@pytest.mark.parametrize("k,n", [(0, 10), (1, 10), (5, 10), (10, 10), (3, 200), (33, 200), (0, 1), (1, 1), (150, 1000)])
@pytest.mark.parametrize("conf", [0.9, 0.95, 0.99])
def test_clopper_pearson_matches_scipy_exact(k: int, n: int, conf: float) -> None:
    ci = binomtest(k, n).proportion_ci(confidence_level=conf, method="exact")
    lo, hi = clopper_pearson(k, n, conf)
    assert lo == pytest.approx(ci.low, abs=1e-12)
    assert hi == pytest.approx(ci.high, abs=1e-12)


@pytest.mark.parametrize("k,n", [(0, 10), (1, 10), (5, 10), (10, 10), (3, 200), (33, 200), (150, 1000)])
@pytest.mark.parametrize("conf", [0.9, 0.95, 0.99])
def test_wilson_matches_scipy(k: int, n: int, conf: float) -> None:
    ci = binomtest(k, n).proportion_ci(confidence_level=conf, method="wilson")
    lo, hi = wilson(k, n, conf)
    assert lo == pytest.approx(ci.low, abs=1e-12)
    assert hi == pytest.approx(ci.high, abs=1e-12)


def test_known_values() -> None:
    # rule of three: 0 of n gives a one-sided 95% upper bound of 1 - 0.05^(1/n) ~ 3/n
    assert upper_bound(0, 100) == pytest.approx(1 - 0.05 ** (1 / 100), rel=1e-12)
    assert upper_bound(0, 300) == pytest.approx(0.00994, abs=1e-4)
    # the two-sided 95% exact interval for 0 of 10 is [0, 0.3085] (a classic table value)
    assert clopper_pearson(0, 10)[1] == pytest.approx(0.30850, abs=1e-5)
    assert upper_bound(10, 10) == 1.0
    assert clopper_pearson(0, 0) == (0.0, 1.0) and upper_bound(0, 0) == 1.0


def test_one_sided_upper_bound_is_the_two_sided_bound_at_twice_the_tail() -> None:
    for k, n in [(3, 200), (33, 200), (1, 7)]:
        assert upper_bound(k, n, 0.95) == pytest.approx(clopper_pearson(k, n, 0.90)[1], abs=1e-12)
        assert upper_bound(k, n, 0.95, "wilson") == pytest.approx(wilson(k, n, 0.90)[1], abs=1e-12)


def test_bad_arguments_are_refused() -> None:
    for bad in [(5, 3, 0.95), (-1, 3, 0.95), (1, 3, 1.0), (1, 3, 0.0)]:
        with pytest.raises(ValueError):
            clopper_pearson(*bad)
    with pytest.raises(ValueError):
        pass_at_k(3, 4, 1)
    with pytest.raises(ValueError):
        pass_at_k(3, 1, 4)


def _pass_at_k_by_enumeration(n: int, c: int, k: int) -> float:
    """The definition: the share of k-subsets of the n tries that hold at least one success."""
    tries = [1] * c + [0] * (n - c)
    subsets = list(itertools.combinations(range(n), k))
    return sum(1 for s in subsets if any(tries[i] for i in s)) / len(subsets)


@pytest.mark.parametrize("n", range(1, 9))
def test_pass_at_k_matches_enumeration(n: int) -> None:
    for c in range(n + 1):
        for k in range(1, n + 1):
            assert pass_at_k(n, c, k) == pytest.approx(_pass_at_k_by_enumeration(n, c, k), abs=1e-12)


@settings(max_examples=300, deadline=None)
@given(n=st.integers(1, 400), data=st.data())
def test_interval_properties(n: int, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, n))
    conf = data.draw(st.sampled_from([0.8, 0.9, 0.95, 0.99]))
    p = k / n
    for lo, hi in (clopper_pearson(k, n, conf), wilson(k, n, conf)):
        assert 0.0 <= lo <= hi <= 1.0
        assert lo <= p + 1e-12 and p - 1e-12 <= hi
    # more confidence never lowers the upper bound; one more success never lowers it either
    assert upper_bound(k, n, 0.99) >= upper_bound(k, n, 0.9) - 1e-12
    if k < n:
        assert upper_bound(k + 1, n) >= upper_bound(k, n) - 1e-12


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 60), data=st.data())
def test_pass_at_k_properties(n: int, data: st.DataObject) -> None:
    c = data.draw(st.integers(0, n))
    k = data.draw(st.integers(1, n))
    v = pass_at_k(n, c, k)
    assert 0.0 <= v <= 1.0
    assert pass_at_k(n, c, 1) == pytest.approx(c / n)
    if k < n:
        assert pass_at_k(n, c, k + 1) >= v - 1e-12
    if c == 0:
        assert v == 0.0


# --------------------------------------------------------------------------- epoch reduction

EPOCHS = [("a", 1.0), ("a", 0.0), ("a", 0.0),   # 1 of 3
          ("b", 0.0), ("b", 0.0), ("b", 0.0),   # 0 of 3
          ("c", 1.0), ("c", 1.0), ("c", 0.0),   # 2 of 3
          ("d", 1.0), ("d", 0.0)]               # 1 of 2: a tie


def test_reductions_by_hand() -> None:
    assert binary_counts(EPOCHS, "at-least-one") == (3, 4)   # a, c, d
    assert binary_counts(EPOCHS, "majority") == (2, 4)       # c, and d's tie counts as a success
    assert binary_counts(EPOCHS, "mean") == (4, 11)
    assert group_epochs(EPOCHS)["d"] == [1.0, 0.0]


def test_reductions_refuse_non_binary_scores_and_unknown_names() -> None:
    with pytest.raises(ValueError, match="binary scores are 0 or 1"):
        binary_counts([("a", 0.5)])
    with pytest.raises(ValueError, match="unknown reduction"):
        binary_counts(EPOCHS, "best")  # type: ignore[arg-type]


def test_mean_pass_at_k() -> None:
    # per sample: a 1/3, b 0/3, c 2/3 -> pass@2 = (2/3 + 0 + 1) / 3
    rows = EPOCHS[:9]
    assert mean_pass_at_k(rows, 2) == pytest.approx((1 - 1 / 3 + 0 + 1) / 3)
    assert mean_pass_at_k(rows, 1) == pytest.approx(3 / 9)
    with pytest.raises(ValueError, match="fewer than k"):
        mean_pass_at_k(EPOCHS, 3)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6).flatmap(lambda e: st.dictionaries(
    st.text(min_size=1, max_size=3), st.lists(st.sampled_from([0.0, 1.0]), min_size=e, max_size=e),
    min_size=1, max_size=20)))
def test_reduction_order(groups: dict[str, list[float]]) -> None:
    """With the same number of epochs per sample (as every run has)."""
    rows = [(sid, v) for sid, vs in groups.items() for v in vs]
    one, _ = binary_counts(rows, "at-least-one")
    maj, trials = binary_counts(rows, "majority")
    mean_s, mean_t = binary_counts(rows, "mean")
    assert trials == len(groups) and mean_t == len(rows)
    # at-least-one never finds fewer successful samples than majority
    assert one >= maj
    # the mean rate lies between "all epochs succeeded" and "any epoch succeeded"
    all_ok = sum(1 for vs in groups.values() if all(vs))
    assert all_ok / trials - 1e-12 <= mean_s / mean_t <= one / trials + 1e-12


# --------------------------------------------------------------------------- scipy-free quantiles

def _count_grid() -> list[tuple[int, int]]:
    grid = [(k, n) for n in range(1, 31) for k in range(n + 1)]
    for n in (50, 77, 100, 200, 333, 1000, 5000, 100_000):
        grid += [(k, n) for k in sorted({0, 1, 2, 3, 5, n // 10, n // 3, n // 2, n - 3, n - 1, n})]
    return grid


@pytest.mark.parametrize("conf", [0.8, 0.9, 0.95, 0.99, 0.999])
def test_pure_python_beta_quantile_matches_scipy_over_a_grid_of_counts(conf: float) -> None:
    from scipy.special import betaincinv as scipy_betaincinv

    from casegate.evidence.stats import betaincinv

    tail = 1 - conf
    for k, n in _count_grid():
        for a, b, p in ((k, n - k + 1, tail / 2), (k + 1, n - k, 1 - tail / 2), (k + 1, n - k, conf)):
            if a <= 0 or b <= 0:
                continue
            ours, theirs = betaincinv(a, b, p), float(scipy_betaincinv(a, b, p))
            assert abs(ours - theirs) <= 1e-10, (k, n, a, b, p, ours, theirs)


def test_intervals_over_the_grid_match_scipy() -> None:
    from scipy.special import betaincinv as scipy_betaincinv
    from scipy.special import ndtri as scipy_ndtri

    for k, n in _count_grid():
        lo, hi = clopper_pearson(k, n, 0.95)
        assert lo == (0.0 if k == 0 else pytest.approx(float(scipy_betaincinv(k, n - k + 1, 0.025)), abs=1e-10))
        assert hi == (1.0 if k == n else pytest.approx(float(scipy_betaincinv(k + 1, n - k, 0.975)), abs=1e-10))
        z = float(scipy_ndtri(0.975))
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        assert wilson(k, n, 0.95)[0] <= centre <= wilson(k, n, 0.95)[1]


def test_pure_python_quantiles_edges_and_normal_quantile() -> None:
    from scipy.special import betainc as scipy_betainc
    from scipy.special import ndtri as scipy_ndtri

    from casegate.evidence.stats import betainc, betaincinv, ndtri

    for p in (1e-12, 1e-6, 0.001, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.999, 1 - 1e-9):
        assert ndtri(p) == pytest.approx(float(scipy_ndtri(p)), abs=1e-12)
    for a, b, x in ((0.5, 0.5, 0.3), (0.1, 3, 0.5), (3, 0.1, 0.2), (2, 5, 0.9), (40, 60, 0.4)):
        assert betainc(a, b, x) == pytest.approx(float(scipy_betainc(a, b, x)), abs=1e-13)
        assert betaincinv(a, b, betainc(a, b, x)) == pytest.approx(x, abs=1e-10)
    assert betaincinv(3, 4, 0.0) == 0.0 and betaincinv(3, 4, 1.0) == 1.0
    for bad in ((0, 1, 0.5), (1, 1, 1.5), (1, -1, 0.5)):
        with pytest.raises(ValueError):
            betaincinv(*bad)
    with pytest.raises(ValueError):
        ndtri(1.0)

