"""Paths of the real logs written by scripts/gen_eval_logs.py (committed under fixtures)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "evidence"
LOGS = FIXTURES / "logs"
INSPECT = LOGS / "inspect"
LMEVAL = LOGS / "lm-eval"
EXAMPLE = ROOT / "examples" / "atlas-api"


def lm_results() -> Path:
    """The committed lm-eval results file."""
    return next(LMEVAL.glob("results_*.json"))


def inspect_log_to(task: Any, out: Path, **kw: Any) -> Path:
    """`task` run by inspect-ai (`inspect_eval` with `kw`, no display), its one log moved to `out`."""
    from inspect_ai import eval as inspect_eval

    tmp = Path(tempfile.mkdtemp(prefix="casegate-inspect-"))
    try:
        [log] = inspect_eval(task, log_dir=str(tmp), display="none", **kw)
        shutil.move(str(Path(log.location)), out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out
