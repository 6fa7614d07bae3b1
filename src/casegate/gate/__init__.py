"""The gate: findings, thresholds and residual risk become GO / GO WITH CONDITIONS / NO-GO, with
the narrowest safe boundary, the eight answers and a reproducible decision record."""

from typing import TYPE_CHECKING

from .._lazy import lazy_names
from ._compare import NOT_CONFIGURED, Compared, Comparison, LazyCases, LazyRecorded, compared_with
from ._engine import CONDITION_DAYS, CONDITION_OVERDUE, run_gate
from ._record import EXIT_GO, EXIT_NO_GO, EXIT_UNREADABLE, exit_code, input_digests, record_bytes
from ._waivers import apply_waivers, waiver_problem

if TYPE_CHECKING:
    from ._measure import Measures, PathwayMeasure, ThresholdMeasure, measures

__getattr__ = lazy_names(__name__, {name: ("_measure", name)
                                    for name in ("Measures", "PathwayMeasure", "ThresholdMeasure", "measures")})
"""The measures (what the review board and the published summary show of each threshold and
pathway) are imported on first use: deciding does not read them."""

__all__ = ["CONDITION_DAYS", "CONDITION_OVERDUE", "NOT_CONFIGURED", "Compared", "Comparison", "LazyCases", "LazyRecorded", "compared_with", "EXIT_GO", "EXIT_NO_GO", "EXIT_UNREADABLE", "apply_waivers", "exit_code",
           "input_digests", "record_bytes", "run_gate", "waiver_problem",
           "Measures", "PathwayMeasure", "ThresholdMeasure", "measures"]
