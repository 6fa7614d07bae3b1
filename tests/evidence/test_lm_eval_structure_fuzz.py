"""lm-evaluation-harness output fuzzed structure-aware: one field anywhere in the results file, or
one field of one line of a samples file beside it, given a hostile value (a wrong type, a huge or
non-finite number, deep nesting, a removed key), or a samples line cut short or given bytes that
are not UTF-8. Reading the run ends in it read or in a typed refusal naming a file, never another
exception (what the command line reports as an internal error, exit 70).

The examples are drawn deterministically (`derandomize`), so a run in CI is reproducible."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.errors import CasegateError
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.lm_eval import LmEvalImporter
from tests.evidence.test_inspect_structure_fuzz import FIELD, _mutated

LMEVAL = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "logs" / "lm-eval"
EXAMPLES = int(os.environ.get("CASEGATE_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _read_run(change: Any) -> None:
    with tempfile.TemporaryDirectory() as d:
        run = Path(d) / "run"
        shutil.copytree(LMEVAL, run)
        change(run)
        results = next(run.glob("results_*.json"))
        try:
            LmEvalImporter().read(results, ReadOptions())
        except CasegateError as e:
            assert e.exit_code in (1, 2, 3, 4, 5), e.diagnostics()
            assert "results_" in e.diagnostics() or "samples_" in e.diagnostics(), e.diagnostics()


@SETTINGS
@given(FIELD)
def test_a_results_file_with_a_hostile_field(pick: tuple[int, Any, bool]) -> None:
    def change(run: Path) -> None:
        p = next(run.glob("results_*.json"))
        p.write_text(json.dumps(_mutated(json.loads(p.read_text()), pick)))
    _read_run(change)


@SETTINGS
@given(st.booleans(), st.integers(min_value=0, max_value=10_000), FIELD)
def test_a_samples_line_with_a_hostile_field(mc: bool, line: int, pick: tuple[int, Any, bool]) -> None:
    def change(run: Path) -> None:
        p = next(run.glob("samples_arith_mc_*.jsonl" if mc else "samples_arith_gen_*.jsonl"))
        lines = p.read_text().splitlines()
        n = line % len(lines)
        lines[n] = json.dumps(_mutated(json.loads(lines[n]), pick))
        p.write_text("\n".join(lines) + "\n")
    _read_run(change)


@SETTINGS
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["cut", "utf8", "bom", "nan"]))
def test_a_samples_file_with_hostile_bytes(at: int, how: str) -> None:
    def change(run: Path) -> None:
        p = next(run.glob("samples_arith_mc_*.jsonl"))
        b = p.read_bytes()
        i = at % len(b)
        p.write_bytes({"cut": b[:i], "utf8": b[:i] + b"\xff\x80" + b[i:], "bom": b"\xef\xbb\xbf" + b,
                       "nan": b[:i] + b.replace(b"0", b"NaN", 1)[i:]}[how])
    _read_run(change)
