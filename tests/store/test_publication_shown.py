"""What a recorded summary shows beyond its decision's findings, conditions and answers is held
to the registry's judgement, which is made from the same inputs the summary is built from; a
summary is recorded only against a judgement made with the objections and interruptions the
registry logged; and each publication names the judgement it was held to (SQLite and
PostgreSQL alike).

The lab's move: its program writes the summary itself and logs it through `record_publication`
against the registry's judgement of the version. It shows another model digest, another case
title or version, a sign-off dated before an incident or signed by someone else, no redactions
where three were made, a quote, a system or a whole section the case does not hold; or it leaves
out an objection the registry logged after the version was approved. Each was recorded; each is
now refused and nothing is logged."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from casegate.approve import record_published, summary_judgement
from casegate.errors import VerificationError
from casegate.gate import run_gate
from casegate.load import Loaded, load_case
from casegate.model import Confidentiality, DecisionRecord
from casegate.publish import Salts, registry_facts, summary_inputs
from casegate.store import (
    MemorySaltStore,
    Registry,
    json_sha256,
    judgements,
    record_judgement,
    record_objection,
    record_publication,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"
CASE = "atlas-2-api"
JUDGED = {"keyring": "sha256:" + "0" * 64, "trust_root": None, "at": "2026-11-27T00:00:00Z"}


def _judge(registry: Registry, loaded: Loaded, record: DecisionRecord, number: int, *,
           drop: tuple[str, ...] = (), facts: bool = False) -> int:
    """Log the registry's judgement of `record` on version `number` as it makes it (from the
    summary's inputs; with the registry's facts when `facts`); returns its log index."""
    inputs = summary_inputs(loaded, facts=registry_facts(registry, CASE, number) if facts else None)
    found = summary_judgement(record, loaded.case, inputs)
    for key in drop:
        del found[key]
    return record_judgement(registry, CASE, version=number, outcome=record.outcome,
                            record_sha256=json_sha256(json.loads(record.model_dump_json())), judged=JUDGED,
                            found=found).index


def _written(loaded: Loaded, record: DecisionRecord, level: Confidentiality, facts: Any = None) -> dict[str, Any]:
    """The summary `casegate publish` writes, under fresh salts (other commitments than the
    judgement's own build)."""
    s = summary_inputs(loaded, facts=facts).build(record, salts=Salts(MemorySaltStore()), level=level)
    return json.loads(s.model_dump_json())


def _setup(registry: Registry, level: Confidentiality = Confidentiality.public, *,
           drop: tuple[str, ...] = ()) -> tuple[int, dict[str, Any]]:
    loaded = load_case(EXAMPLE)
    assert loaded.case is not None
    record = run_gate(loaded)
    number = registry.submit_case(loaded).number
    _judge(registry, loaded, record, number, drop=drop)
    return number, _written(loaded, record, level)


def _refused(registry: Registry, number: int, summary: dict[str, Any], match: str) -> None:
    before = registry.size()
    with pytest.raises(VerificationError, match=match):
        record_publication(registry, CASE, summary, version=number)
    assert registry.size() == before
    assert registry.events(case_id=CASE, kind="publication") == []


@pytest.mark.parametrize("level", [Confidentiality.public, Confidentiality.internal], ids=lambda lv: lv.value)
def test_the_written_summary_is_recorded_under_fresh_salts(registry: Registry, level: Confidentiality) -> None:
    number, written = _setup(registry, level)
    assert written["redactions"] or level is not Confidentiality.public
    record_publication(registry, CASE, written, version=number)
    assert len(registry.events(case_id=CASE, kind="publication")) == 1


@pytest.mark.parametrize("digest", ["model", "case"])
def test_another_digest_is_refused(registry: Registry, digest: str) -> None:
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    other = "sha256:" + "e" * 64
    forged["decision"]["digests"][digest] = [other] if digest == "model" else other
    _refused(registry, number, forged, "its decision.digests is not what the registry's judgement shows the "
                                       "public audience")


@pytest.mark.parametrize(("field", "value"), [("title", "Atlas 2 API (audited)"), ("version", "9.0"),
                                              ("id", "atlas-3-api")])
def test_another_case_head_is_refused(registry: Registry, field: str, value: str) -> None:
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    forged["case"][field] = value
    _refused(registry, number, forged, "its case is not what the registry's judgement shows")


@pytest.mark.parametrize(("field", "value"), [("date", "2026-01-02"), ("person", "A. Nother"), ("role", "ceo")])
def test_a_signoff_restated_is_refused(registry: Registry, field: str, value: str) -> None:
    # e.g. a sign-off dated before an incident, or put in another person's name
    number, written = _setup(registry)
    assert written["signoffs"]
    forged = copy.deepcopy(written)
    forged["signoffs"][0][field] = value
    _refused(registry, number, forged, "its signoffs is not what the registry's judgement shows")


def test_redactions_left_out_are_refused(registry: Registry) -> None:
    number, written = _setup(registry)
    assert len(written["redactions"]) >= 3
    forged = copy.deepcopy(written)
    forged["redactions"] = []  # "nothing was redacted"
    _refused(registry, number, forged, "its redactions is not what the registry's judgement shows")


def test_a_quote_the_case_does_not_hold_is_refused(registry: Registry) -> None:
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    forged["decision"]["findings"][0]["quotes"] = ["/evidence/E-bio-uplift"]
    _refused(registry, number, forged, r"its decision.quotes is not what the registry's judgement shows the public "
                                       r"audience \(it shows none\)")


@pytest.mark.parametrize("move", ["system", "safeguard", "added section", "section left out"])
def test_anything_else_the_page_shows_is_held_too(registry: Registry, move: str) -> None:
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    if move == "system":
        forged["system"]["name"] = "Atlas 2 (safety-certified)"
        match = "its system is not what"
    elif move == "safeguard":
        forged["safeguards"] = forged["safeguards"][1:]
        match = "its safeguards is not what"
    elif move == "added section":
        forged["endorsement"] = "Certified safe by the AI Safety Institute"
        match = r"its endorsement is not what the registry's judgement shows the public audience \(it shows none\)"
    else:
        del forged["residual_risk"]
        match = "its residual_risk is left out"
    _refused(registry, number, forged, match)


def test_a_judgement_recording_none_of_it_backs_no_summary_showing_it(registry: Registry) -> None:
    # fail closed: a judgement logged before judgements recorded what a summary shows
    number, written = _setup(registry, drop=("shown",))
    _refused(registry, number, written, "does not record what a summary for the public audience shows beyond its "
                                        "decision")


def test_an_objection_logged_after_the_judgement_is_not_left_out(registry: Registry) -> None:
    # the registry approved (judged) the version; an objection is logged; the lab's program records
    # the summary it wrote before, which does not show the objection, against the approval's judgement
    number, written = _setup(registry)
    at = record_objection(registry, CASE, role="red-team-lead", person="R. Tester", version=number,
                          reason="the CTF suite was run against an older checkpoint").index
    _refused(registry, number, written, rf"logged an objection .* \(log entry {at}\), which its judgement of version "
                                        rf"{number} \(log entry \d+\) predates")


def test_a_judgement_made_without_the_logged_objections_backs_no_summary(registry: Registry) -> None:
    loaded = load_case(EXAMPLE)
    record = run_gate(loaded)
    number = registry.submit_case(loaded).number
    record_objection(registry, CASE, role="red-team-lead", person="R. Tester", version=number,
                     reason="the CTF suite was run against an older checkpoint")
    _judge(registry, loaded, record, number)  # as an approval judges: without the registry's facts
    _refused(registry, number, _written(loaded, record, Confidentiality.public), "was not made with")


def test_a_summary_judged_with_the_logged_objection_shows_it(registry: Registry) -> None:
    loaded = load_case(EXAMPLE)
    record = run_gate(loaded)
    number = registry.submit_case(loaded).number
    _judge(registry, loaded, record, number)
    record_objection(registry, CASE, role="red-team-lead", person="R. Tester", version=number,
                     reason="the CTF suite was run against an older checkpoint")
    facts = registry_facts(registry, CASE, number)
    # the lab's program writes the summary without the objection and records it as publish does:
    # the registry's judgement is logged (made with its log), and the summary is refused
    before = len(judgements(registry, CASE, number))
    with pytest.raises(VerificationError, match="its dissent is not what the registry's judgement shows"):
        record_published(registry, record, _written(loaded, record, Confidentiality.public), version=number,
                         judged=JUDGED, case=loaded.case, inputs=summary_inputs(loaded, facts=facts))
    assert registry.events(case_id=CASE, kind="publication") == []
    assert len(judgements(registry, CASE, number)) == before + 1
    # the control: the summary built with the registry's facts shows the objection, and is recorded
    honest = _written(loaded, record, Confidentiality.public, facts)
    assert any(o["id"].startswith("log-") for o in honest["dissent"]["objections"])
    entry = record_published(registry, record, honest, version=number, judged=JUDGED, case=loaded.case,
                             inputs=summary_inputs(loaded, facts=facts))
    assert entry.payload["judgement"] == judgements(registry, CASE, number)[-1][1]


def test_each_publication_names_the_judgement_it_was_held_to(registry: Registry) -> None:
    loaded = load_case(EXAMPLE)
    record = run_gate(loaded)
    number = registry.submit_case(loaded).number
    first = _judge(registry, loaded, record, number)
    written = _written(loaded, record, Confidentiality.public)
    assert record_publication(registry, CASE, written, version=number).payload["judgement"] == first
    # published again on a later day: a fresh judgement (another decision date), and its summary
    later = record.model_copy(update={"decided_at": "2026-12-24"})
    second = _judge(registry, loaded, later, number)
    assert second > first
    entry = record_publication(registry, CASE, _written(loaded, later, Confidentiality.public), version=number)
    assert entry.payload["judgement"] == second
    assert [e.payload["judgement"] for e in registry.events(case_id=CASE, kind="publication")] == [first, second]


def test_a_summary_and_its_judgement_from_one_set_of_inputs_agree_at_every_level() -> None:
    # the mend: `casegate publish` and an approval make the judgement from the very inputs the summary
    # is built from (policy, evidence basis, verifiers, folder, facts), so an honest summary at any
    # level shows exactly what its judgement records
    from casegate.store._events import found_problems

    loaded = load_case(EXAMPLE)
    record = run_gate(loaded)
    inputs = summary_inputs(loaded)
    found = summary_judgement(record, loaded.case, inputs)
    for level in Confidentiality:
        built = json.loads(inputs.build(record, salts=Salts(MemorySaltStore()), level=level).model_dump_json())
        assert found_problems(found, built) == [], level
