"""What a public summary withholds, and which of its answers it composes from the public view, is
held to the registry's judgement (SQLite and PostgreSQL alike).

The lab's move: its program writes the summary itself and logs it through `record_publication`
against the registry's judgement of the version, marking a condition or a finding `withheld`
(the board then shows "withheld: concerns redacted content" in place of its words) where nothing
it says is redacted for the summary's audience, or giving its own words for one of the eight
questions as composed from the public view (`origin: summary`) where the gate's own answer is
shown to that audience. Each is refused and nothing is logged; the summary `casegate publish`
writes of the same judgement, with what it does withhold, is recorded."""

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
from casegate.model import Condition, Confidentiality, DecisionRecord
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
# a pathway the example holds at `restricted`: the internal and public audiences do not see it
SEALED = ("threat_model", "cbrn", "pathways", "bio-known-agent")


def _record() -> tuple[Any, DecisionRecord]:
    """The example as the gate judges it, made GO WITH CONDITIONS with two conditions: C1 about
    the restricted pathway (withheld below `restricted`), C2 about the case as a whole."""
    loaded = load_case(EXAMPLE)
    assert loaded.case is not None
    base = run_gate(loaded)
    record = base.model_copy(update={"outcome": "GO WITH CONDITIONS", "conditions": [
        Condition(id="C1", text="Re-test the safeguards on this pathway.", cause="CG305", path=SEALED),
        Condition(id="C2", text="Re-run the CTF suite.", cause="CG305")]})
    return loaded, record


def _setup(registry: Registry, level: Confidentiality, found: dict[str, Any] | None = None
           ) -> tuple[int, dict[str, Any]]:
    """The example submitted and judged (`found`: what the judgement records, default all of it);
    its version and the summary `casegate publish` writes of it for `level`."""
    loaded, record = _record()
    v = registry.submit_case(loaded)
    record_judgement(registry, CASE, version=v.number, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())), judged=JUDGED,
                     found=found if found is not None else judged_found(record, loaded.case, policy=loaded.policy))
    s = build_summary(loaded.case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy, level=level)
    return v.number, json.loads(s.model_dump_json())


def _refused(registry: Registry, number: int, summary: dict[str, Any], match: str) -> None:
    before = registry.size()
    with pytest.raises(VerificationError, match=match):
        record_publication(registry, CASE, summary, version=number)
    assert registry.size() == before
    assert registry.events(case_id=CASE, kind="publication") == []


def _recorded(registry: Registry, number: int, summary: dict[str, Any]) -> None:
    record_publication(registry, CASE, summary, version=number)
    assert len(registry.events(case_id=CASE, kind="publication")) == 1


def _cond(summary: dict[str, Any], cid: str) -> dict[str, Any]:
    (c,) = [c for c in summary["decision"]["conditions"] if c["id"] == cid]
    return c


def _hide(item: dict[str, Any], *fields: str) -> None:
    """`item` as the summary writes one it withholds: its words gone, marked withheld."""
    for f in fields:
        item[f] = None
    item["withheld"] = True


def test_a_condition_about_redacted_content_withheld_is_recorded(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    assert _cond(written, "C1")["withheld"] is True and _cond(written, "C2")["withheld"] is False
    _recorded(registry, number, written)


def test_a_condition_marked_withheld_by_the_labs_program_is_refused(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    _hide(_cond(forged, "C2"), "text", "finding", "fix")
    _refused(registry, number, forged, "condition C2 is marked withheld, but its words concern nothing redacted "
                                       "for the internal audience")


def test_a_condition_withheld_from_a_level_that_sees_it_is_refused(registry: Registry) -> None:
    # C1 is withheld from the internal audience, but a restricted summary shows it
    number, written = _setup(registry, Confidentiality.restricted)
    forged = copy.deepcopy(written)
    assert _cond(forged, "C1")["withheld"] is False
    _hide(_cond(forged, "C1"), "text", "finding", "fix")
    _refused(registry, number, forged, "condition C1 is marked withheld")


def test_a_finding_marked_withheld_by_the_labs_program_is_refused(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    shown = [f for f in forged["decision"]["findings"] if f["severity"] == "advisory" and not f["withheld"]]
    assert shown
    _hide(shown[0], "message")
    _refused(registry, number, forged, rf"finding \d+ \({shown[0]['code']}, advisory\) is marked withheld, but its "
                                       "words concern nothing redacted for the internal audience")


def test_the_public_summary_withholding_a_condition_finding_is_recorded(registry: Registry) -> None:
    # control for the findings: the public summary withholds a condition-severity finding
    number, written = _setup(registry, Confidentiality.public)
    assert any(f["withheld"] and f["severity"] == "condition" for f in written["decision"]["findings"])
    _recorded(registry, number, written)


def test_withheld_marks_against_a_judgement_recording_none_are_refused(registry: Registry) -> None:
    # a judgement that does not record what each audience is shown (logged before judgements did)
    loaded, record = _record()
    found = judged_found(record, loaded.case)
    del found["withheld"]
    number, written = _setup(registry, Confidentiality.internal, found)
    _refused(registry, number, written, "condition C1 is marked withheld, and the registry's judgement does not "
                                        "record what it withholds from the internal audience")


def test_an_answer_given_as_composed_where_the_gate_answers_is_refused(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    (q,) = [q for q in forged["questions"] if q["key"] == "objectors"]
    assert q["origin"] == "gate"
    q["origin"], q["answer"] = "summary", "Nobody objected; every reviewer signed off."
    _refused(registry, number, forged, "the answer to 'objectors' is given as composed from the public view, but "
                                       "the gate's own answer is shown to the internal audience")


def test_an_answer_of_another_origin_is_refused(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    (q,) = [q for q in forged["questions"] if q["key"] == "objectors"]
    q["origin"], q["answer"] = "casegate", "Nobody objected; every reviewer signed off."
    _refused(registry, number, forged, "the answer to 'objectors' gives its origin as 'casegate'")


def test_composed_answers_where_the_gate_answer_is_withheld_are_recorded(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    assert {q["key"] for q in written["questions"] if q["origin"] == "summary"} >= {"capability", "checked-by"}
    _recorded(registry, number, written)
