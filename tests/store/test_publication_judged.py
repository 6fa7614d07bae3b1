"""The store records a public summary only of a version the registry has judged, on SQLite and
PostgreSQL alike.

The lab's move: a program (not `casegate publish`, which judges first) submits a version and logs
a GO summary of it straight through `record_publication`, with no judgement of that version on
the record; or logs its own gate run as a decision first, which is the lab's word and not the
registry's judgement. Each is refused and nothing is logged; a summary that says what the
registry's logged judgement found is recorded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from casegate.errors import VerificationError
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.store import (
    Registry,
    json_sha256,
    judged_outcome,
    record_decision,
    record_judgement,
    record_publication,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"
CASE = "atlas-2-api"
JUDGED = {"keyring": "sha256:" + "0" * 64, "trust_root": None, "at": "2026-11-27T00:00:00Z"}


def _summary(outcome: str) -> dict[str, Any]:
    return {"case": {"id": CASE}, "decision": {"outcome": outcome, "conditions": []}}


def _publications(reg: Registry) -> list[Any]:
    return reg.events(case_id=CASE, kind="publication")


def test_a_summary_of_a_version_nobody_judged_is_refused(registry: Registry) -> None:
    v = registry.submit_case(load_case(EXAMPLE))
    before = registry.size()
    with pytest.raises(VerificationError, match="has logged no judgement of version 1 of atlas-2-api") as e:
        record_publication(registry, CASE, _summary("GO"), version=v.number)
    assert "casegate publish" in (e.value.help or "")
    # no version named: nothing to hold the summary to either
    with pytest.raises(VerificationError, match="no judgement of an unnamed version"):
        record_publication(registry, CASE, _summary("GO"))
    assert _publications(registry) == [] and registry.size() == before


def test_the_labs_own_decision_is_not_the_registrys_judgement(registry: Registry) -> None:
    loaded = load_case(EXAMPLE)
    v = registry.submit_case(loaded)
    record = run_gate(loaded)
    record_decision(registry, record, version=v.number)  # logged with no judgement of the registry's
    assert judged_outcome(registry, CASE, v.number) is None
    with pytest.raises(VerificationError, match="no judgement"):
        record_publication(registry, CASE, _summary(record.outcome), version=v.number)
    assert _publications(registry) == []


def test_a_summary_held_to_the_logged_judgement(registry: Registry) -> None:
    loaded = load_case(EXAMPLE)
    v = registry.submit_case(loaded)
    record = run_gate(loaded)
    j = record_judgement(registry, CASE, version=v.number, outcome=record.outcome,
                         record_sha256=json_sha256(json.loads(record.model_dump_json())),
                         judged=JUDGED)
    assert judged_outcome(registry, CASE, v.number) == (record.outcome, j.index)
    other = "GO" if record.outcome != "GO" else "NO-GO"
    with pytest.raises(VerificationError, match="registry's own judgement"):
        record_publication(registry, CASE, _summary(other), version=v.number)
    entry = record_publication(registry, CASE, _summary(record.outcome), version=v.number, judged=JUDGED)
    assert [e.index for e in _publications(registry)] == [entry.index]
    # a judgement of version 1 says nothing about version 2
    with pytest.raises(VerificationError, match="no judgement of version 2"):
        record_publication(registry, CASE, _summary(record.outcome), version=2)
