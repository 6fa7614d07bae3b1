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


def restate_task_hashes(results: Path) -> None:
    """Write `results`' `task_hashes` again from the samples files beside it, as lm-eval computes
    them (the sha256 of every line's `doc_hash`, `prompt_hash` and `target_hash` joined in order):
    what a lab rewriting a run's samples does to the results file too."""
    import hashlib
    import json

    doc = json.loads(results.read_text())
    stamp = results.name.removeprefix("results_").removesuffix(".json")
    for task in doc.get("task_hashes") or {}:
        samples = results.parent / f"samples_{task}_{stamp}.jsonl"
        if not samples.is_file():
            continue
        lines = [json.loads(x) for x in samples.read_text().splitlines() if x.strip()]
        joined = "".join(x["doc_hash"] + x["prompt_hash"] + x["target_hash"] for x in lines)
        doc["task_hashes"][task] = hashlib.sha256(joined.encode()).hexdigest()
    results.write_text(json.dumps(doc, indent=2))


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
