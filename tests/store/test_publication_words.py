"""The words a recorded summary shows as casegate's are held to the registry's judgement, and so is
which finding it withholds (SQLite and PostgreSQL alike).

The lab's move: its program writes the summary itself and logs it through `record_publication`
against the registry's judgement of the version. Where the gate's own answer to one of the eight
questions is withheld from the summary's audience, it gives its own words as the answer composed
from the public view (`origin: summary`): "No capability of concern was found." Of two findings of
one rule, severity and waiver, one about redacted content (withheld) and one about the case as a
whole (shown), it withholds the second and shows the first (the Counter of rule, severity and
waiver still matched). It rewrites a shown finding's message, or a shown condition's text. Each was
recorded, and the board showed it as casegate's; each is now refused and nothing is logged."""

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
from casegate.model import Condition, Confidentiality, DecisionRecord, Finding, RuleSeverity
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
    """The example as the gate judges it, made GO WITH CONDITIONS with a condition about the case as
    a whole, and with two advisory findings of one rule: the first inside the restricted pathway
    (withheld below `restricted`), the second about the case as a whole (shown)."""
    loaded = load_case(EXAMPLE)
    assert loaded.case is not None
    base = run_gate(loaded)
    twins = [Finding(code="CG999", name="twin", severity=RuleSeverity.advisory,
                     message="the pathway's steps are named but not ordered", path=SEALED),
             Finding(code="CG999", name="twin", severity=RuleSeverity.advisory,
                     message="the case names no review date for its policy")]
    record = base.model_copy(update={
        "outcome": "GO WITH CONDITIONS", "findings": [*base.findings, *twins],
        "conditions": [Condition(id="C1", text="Re-run the CTF suite.", cause="CG305")]})
    return loaded, record


def _setup(registry: Registry, level: Confidentiality) -> tuple[int, dict[str, Any]]:
    """The example submitted and judged; its version and the summary `casegate publish` writes of it
    for `level`."""
    loaded, record = _record()
    v = registry.submit_case(loaded)
    record_judgement(registry, CASE, version=v.number, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())), judged=JUDGED,
                     found=judged_found(record, loaded.case, policy=loaded.policy))
    s = build_summary(loaded.case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy, level=level)
    return v.number, json.loads(s.model_dump_json())


def _refused(registry: Registry, number: int, summary: dict[str, Any], match: str) -> None:
    before = registry.size()
    with pytest.raises(VerificationError, match=match):
        record_publication(registry, CASE, summary, version=number)
    assert registry.size() == before
    assert registry.events(case_id=CASE, kind="publication") == []


def _question(summary: dict[str, Any], key: str) -> dict[str, Any]:
    (q,) = [q for q in summary["questions"] if q["key"] == key]
    return q


def _twins(summary: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in summary["decision"]["findings"] if f["code"] == "CG999"]


def test_the_written_summary_is_recorded(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    assert _question(written, "capability")["origin"] == "summary"
    assert [f["withheld"] for f in _twins(written)] == [True, False]
    record_publication(registry, CASE, written, version=number)
    assert len(registry.events(case_id=CASE, kind="publication")) == 1


def test_a_composed_answer_in_the_labs_words_is_refused(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    q = _question(forged, "capability")
    assert q["origin"] == "summary" and q["answer"]
    q["answer"] = "No capability of concern was found."
    _refused(registry, number, forged, "the answer to 'capability' is given as composed from the public view, in "
                                       "words")


def test_a_composed_answer_with_other_sources_is_refused(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    q = _question(forged, "capability")
    q["sources"] = ["evidence.E-cyber-ctf"]
    _refused(registry, number, forged, "the answer to 'capability' is given as composed from the public view, in "
                                       "words")


def test_a_composed_answer_against_a_judgement_recording_no_words_is_refused(registry: Registry) -> None:
    # a judgement logged before judgements recorded the composed words bears out none (fail closed)
    loaded, record = _record()
    found = judged_found(record, loaded.case, policy=loaded.policy)
    for marks in found["withheld"].values():
        del marks["composed"]
    v = registry.submit_case(loaded)
    record_judgement(registry, CASE, version=v.number, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())), judged=JUDGED, found=found)
    s = build_summary(loaded.case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy,
                      level=Confidentiality.internal)
    _refused(registry, v.number, json.loads(s.model_dump_json()), "does not record the composed words")


def test_two_findings_of_one_rule_with_their_withheld_marks_swapped_are_refused(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    sealed, public = _twins(forged)
    assert sealed["withheld"] and not public["withheld"]
    # the one about the case as a whole withheld, the one about the sealed pathway shown in its place
    sealed.update(withheld=False, message=public["message"])
    public.update(withheld=True, message=None)
    _refused(registry, number, forged, r"finding \d+ \(CG999, advisory\) is marked withheld, but its words concern "
                                       "nothing redacted for the internal audience")


def test_a_shown_findings_message_rewritten_is_refused(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    shown = next(f for f in forged["decision"]["findings"] if f["severity"] == "blocking" and not f["withheld"])
    shown["message"] = "a formality: the evaluator's signature is on file"
    _refused(registry, number, forged, rf"finding \d+ \({shown['code']}, blocking\) is given in words other than "
                                       "the gate's")


def test_findings_listed_in_another_order_are_refused(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    fs = forged["decision"]["findings"]
    i = next(i for i in range(len(fs) - 1) if fs[i]["code"] != fs[i + 1]["code"])
    fs[i], fs[i + 1] = fs[i + 1], fs[i]
    _refused(registry, number, forged, "is not the finding the registry's judgement found there")


def test_a_shown_conditions_text_rewritten_is_refused(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    (c,) = forged["decision"]["conditions"]
    assert c["withheld"] is False
    c["text"] = "Nothing further is required."
    _refused(registry, number, forged, "condition C1 is given in words other than the gate's")


def test_a_shown_finding_moved_to_another_element_is_refused(registry: Registry) -> None:
    # the diagram marks each finding on the element it concerns: the lab's program moves one off it
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    shown = next(f for f in forged["decision"]["findings"] if f["severity"] == "advisory" and not f["withheld"]
                 and f["element"])
    shown["element"] = "/argument/elements/G0"
    _refused(registry, number, forged, rf"finding \d+ \({shown['code']}, advisory\) is shown at "
                                       "/argument/elements/G0, where the registry's judgement found it at")


def test_a_finding_renamed_is_refused(registry: Registry) -> None:
    number, written = _setup(registry, Confidentiality.internal)
    forged = copy.deepcopy(written)
    (_, public) = _twins(forged)
    public["name"] = "style-note"
    _refused(registry, number, forged, r"finding \d+ \(CG999, advisory\) is named 'style-note', not 'twin'")


def test_a_decision_stated_for_a_wider_boundary_is_refused(registry: Registry) -> None:
    # "GO WITH CONDITIONS for open-weights" on the public page, of a decision judged for `api`
    number, written = _setup(registry, Confidentiality.internal)
    assert written["decision"]["boundary"] == "api"
    forged = copy.deepcopy(written)
    forged["decision"]["boundary"] = "open-weights"
    _refused(registry, number, forged, "the decision is stated for open-weights, but the registry's judgement is "
                                       "for api")
