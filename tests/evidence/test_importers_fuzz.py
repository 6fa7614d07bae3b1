"""Reading a log never fails with anything but a typed error, whatever the file holds."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.evidence.importers import LogReadError, ReadOptions
from casegate.evidence.importers.generic import GenericImporter
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.evidence.importers.lm_eval import LmEvalImporter

from .evidence_logs import lm_results

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
    max_leaves=20,
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(imp, name: str, data: bytes) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        try:
            imp.read(p, ReadOptions())
        except LogReadError:
            pass


@SETTINGS
@given(JSON)
def test_generic_json(doc: object) -> None:
    if isinstance(doc, dict):
        doc.setdefault("format", "casegate-results/1")
    _read(GenericImporter(), "r.json", json.dumps(doc).encode())


@SETTINGS
@given(st.lists(st.lists(st.text(alphabet="ab,1.-\n\"", max_size=6), max_size=8), max_size=5))
def test_generic_csv(rows: list[list[str]]) -> None:
    head = "task,model,status,created,scale,sample,epoch,score\n"
    _read(GenericImporter(), "r.csv", (head + "\n".join(",".join(r) for r in rows)).encode())


@SETTINGS
@given(JSON, st.sampled_from(["results", "configs", "n-samples", "versions", "config", "date", "n-shot"]))
def test_lm_eval_results_with_one_section_replaced(value: object, section: str) -> None:
    doc = json.loads(lm_results().read_text())
    doc[section] = value
    _read(LmEvalImporter(), "results_2026-01-01T00-00-00.json", json.dumps(doc).encode())


@SETTINGS
@given(JSON)
def test_lm_eval_task_entries(value: object) -> None:
    doc = json.loads(lm_results().read_text())
    doc["results"]["arith_mc"] = value
    doc["configs"]["arith_gen"] = value
    _read(LmEvalImporter(), "results_2026-01-01T00-00-00.json", json.dumps(doc).encode())


@settings(max_examples=25, deadline=None)
@given(st.binary(max_size=300))
def test_inspect_random_bytes(data: bytes) -> None:
    _read(InspectImporter(), "x.eval", data)
    _read(InspectImporter(), "x.json", b'{"version": 2, "status": "success", "eval": ' + data)
