"""Paths of the real logs written by scripts/gen_eval_logs.py (committed under fixtures)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "evidence"
LOGS = FIXTURES / "logs"
INSPECT = LOGS / "inspect"
LMEVAL = LOGS / "lm-eval"
EXAMPLE = ROOT / "examples" / "atlas-api"


def lm_results() -> Path:
    """The committed lm-eval results file."""
    return next(LMEVAL.glob("results_*.json"))
