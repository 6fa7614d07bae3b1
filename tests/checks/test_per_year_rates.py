"""`per_year_rates`: the rates per year a residual-risk estimate states, as CG414 holds them to the
bound the gate derives."""

from __future__ import annotations

import pytest

from casegate.checks._text import per_year_rates


@pytest.mark.parametrize(("text", "rates"), [
    ("Upper bound of about 1e-4 successful attacks per year given the layered controls.", [1e-4]),
    ("Upper bound below 1e-6 per year; uplift below the Bio High proxy threshold.", [1e-6]),
    ("about 2 x 10^-5 a year", [2e-5]),
    ("about 10^-4 annually", [1e-4]),
    ("1 in 10,000 attempts per year", [1e-4]),
    ("0.00005 per year", [5e-5]),
    ("0.01% per year", [1e-4]),
    ("1.2E-5/year", [1.2e-5]),
    ("2 successful attacks per year", [2.0]),
    ("Upper bound 9e-4 successful attacks per year at 95% confidence.", [9e-4]),
    # numbers of something else are not rates per year
    ("Bounded: each of the three layers holds at 95% confidence.", []),
    ("Within tolerance given 3 independent layers.", []),
    ("Upper bound 1e-9 per year at 95% confidence; bypass 0.5% per attempt", [1e-9]),
    ("5.5e-05", []),
    (None, []),
])
def test_rates_per_year(text: str | None, rates: list[float]) -> None:
    assert per_year_rates(text) == pytest.approx(rates)
