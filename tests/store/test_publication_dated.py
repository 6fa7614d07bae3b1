"""What a recorded summary may still leave out or restate is held to the registry's judgement:
its findings when it lists none, the decision's date, and where each finding is in the case's
source (SQLite and PostgreSQL alike).

The lab's move: its program writes the summary itself and logs it through `record_publication`
against the registry's judgement of the version. It leaves the findings out altogether (and their
counts with them), so the board shows a clean case where the gate found conditions and advisory
findings; it dates the decision before an incident; it moves a finding to another line of the
case file. Each was recorded; each is now refused and nothing is logged."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from casegate.approve import judged_found
from casegate.errors import VerificationError
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import Condition, Confidentiality, Finding, RuleSeverity
from casegate.publish import Salts, build_summary
from casegate.store import (
    MemorySaltStore,
    Registry,
    json_sha256,
    record_judgement,
    record_publication,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"
CASE = "atlas-2-api"
JUDGED = {"keyring": "sha256:" + "0" * 64, "trust_root": None, "at": "2026-11-27T00:00:00Z"}


def _setup(registry: Registry, *, drop: tuple[str, ...] = ()) -> tuple[int, dict[str, Any]]:
    """The example judged GO WITH CONDITIONS with no blocking finding, a condition and an advisory
    finding about the case as a whole; its version and the summary `casegate publish` writes of
    it (the findings' files given relative to the case's folder, as publish gives them). `drop`:
    keys left out of the judgement (as one logged before judgements recorded them)."""
    loaded = load_case(EXAMPLE)
    assert loaded.case is not None
    base = run_gate(loaded)
    note = Finding(code="CG999", name="note", severity=RuleSeverity.advisory,
                   message="the case names no review date for its policy")
    record = base.model_copy(update={
        "outcome": "GO WITH CONDITIONS", "findings": [*(f for f in base.findings if not f.blocking), note],
        "conditions": [Condition(id="C1", text="Re-run the CTF suite.", cause="CG305")]})
    assert record.findings and not any(f.blocking for f in record.findings)
    v = registry.submit_case(loaded)
    folder = EXAMPLE.parent
    found = judged_found(record, loaded.case, policy=loaded.policy, folder=folder)
    for key in drop:
        del found[key]
    record_judgement(registry, CASE, version=v.number, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())), judged=JUDGED, found=found)
    s = build_summary(loaded.case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy,
                      level=Confidentiality.internal, folder=folder)
    return v.number, json.loads(s.model_dump_json())


def _refused(registry: Registry, number: int, summary: dict[str, Any], match: str) -> None:
    before = registry.size()
    with pytest.raises(VerificationError, match=match):
        record_publication(registry, CASE, summary, version=number)
    assert registry.size() == before
    assert registry.events(case_id=CASE, kind="publication") == []


def test_the_written_summary_is_recorded(registry: Registry) -> None:
    number, written = _setup(registry)
    assert any(f["location"] for f in written["decision"]["findings"])
    record_publication(registry, CASE, written, version=number)
    assert len(registry.events(case_id=CASE, kind="publication")) == 1


@pytest.mark.parametrize("listed", [None, []], ids=["findings left out", "findings empty"])
def test_a_summary_listing_no_findings_is_refused(registry: Registry, listed: Any) -> None:
    # the board would show a clean case: no condition finding, no advisory, and no counts to betray it
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    del forged["decision"]["counts"]
    if listed is None:
        del forged["decision"]["findings"]
    else:
        forged["decision"]["findings"] = listed
    n = len(written["decision"]["findings"])
    _refused(registry, number, forged, rf"it lists 0 finding\(s\) where the registry's judgement found {n}")


def test_no_findings_against_a_judgement_recording_none_is_refused(registry: Registry) -> None:
    # fail closed: a judgement that does not record the findings bears out no list of them, not even none
    number, written = _setup(registry, drop=("findings",))
    forged = copy.deepcopy(written)
    del forged["decision"]["counts"], forged["decision"]["findings"]
    _refused(registry, number, forged, "does not record the findings' words")


def test_a_decision_dated_otherwise_is_refused(registry: Registry) -> None:
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    forged["decision"]["decided_at"] = "2026-01-02"  # before the incident
    _refused(registry, number, forged, "it states the decision as made on 2026-01-02, but the decision the "
                                       "registry judged was made on")


def test_a_date_against_a_judgement_recording_none_is_refused(registry: Registry) -> None:
    number, written = _setup(registry, drop=("decided_at",))
    _refused(registry, number, written, "does not record when the decision it judged was made")


def test_a_finding_moved_to_another_line_is_refused(registry: Registry) -> None:
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    shown = next(f for f in forged["decision"]["findings"] if f["location"])
    file, _, line = shown["location"].rpartition(":")
    shown["location"] = f"{file}:{int(line) + 40}"
    _refused(registry, number, forged, rf"finding \d+ \({shown['code']}, {shown['severity']}\) is shown at "
                                       f"{shown['location']}, where the registry's judgement found it at "
                                       f"{file}:{line}")


def test_a_location_against_a_judgement_recording_none_is_refused(registry: Registry) -> None:
    number, written = _setup(registry, drop=("locations",))
    _refused(registry, number, written, "does not record where its findings are in the case's source")


def test_a_finding_shown_at_no_place_is_recorded(registry: Registry) -> None:
    # a summary that shows no file:line claims none (as for a finding inside a redacted element)
    number, written = _setup(registry)
    for f in written["decision"]["findings"]:
        f["location"] = None
    record_publication(registry, CASE, written, version=number)
    assert len(registry.events(case_id=CASE, kind="publication")) == 1
