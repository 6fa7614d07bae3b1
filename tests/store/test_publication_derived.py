"""What a public summary states as casegate's own derivation is held to the registry's judgement
too, not only its outcome, conditions and blocking reasons (SQLite and PostgreSQL alike).

The lab's move: its program writes the summary itself and logs it through `record_publication`
against the registry's judgement of the version, setting what the pages show as derived: a
safeguard's verifier marked attested (`verified_by_attested: true`) where nobody signed its test,
the counts of findings, the gate's answer to one of the eight questions, or whether a question is
answered. The board renders the recorded summary as it is, so each is refused and nothing is
logged; the summary `casegate publish` writes of the same judgement is recorded."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from casegate.approve import judged_found
from casegate.errors import VerificationError
from casegate.gate import run_gate
from casegate.load import Loaded, load_case
from casegate.model import Confidentiality, DecisionRecord
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
# what the registry found attested under its keyring: Jonas Berg (Northbridge) signed the
# classifier's red team as its test
ATTESTED = {"SG-classifier": ("Jonas Berg (Northbridge Security) ran it",)}


def _setup(registry: Registry, found: dict[str, Any] | None = None,
           record: DecisionRecord | None = None) -> tuple[int, dict[str, Any]]:
    """The example submitted and judged (`record`, default the gate's; `found`: what the judgement
    records, default all of it); its version and the summary `casegate publish` writes of it."""
    loaded: Loaded = load_case(EXAMPLE)
    assert loaded.case is not None
    record = record if record is not None else run_gate(loaded)
    v = registry.submit_case(loaded)
    record_judgement(registry, CASE, version=v.number, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())), judged=JUDGED,
                     found=found if found is not None else judged_found(record, loaded.case, ATTESTED, policy=loaded.policy))
    s = build_summary(loaded.case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy, verifiers=ATTESTED,
                      level=Confidentiality.internal)
    return v.number, json.loads(s.model_dump_json())


def _refused(registry: Registry, number: int, summary: dict[str, Any], match: str) -> None:
    before = registry.size()
    with pytest.raises(VerificationError, match=match):
        record_publication(registry, CASE, summary, version=number)
    assert registry.size() == before
    assert registry.events(case_id=CASE, kind="publication") == []


def _sg(summary: dict[str, Any], sid: str) -> dict[str, Any]:
    (sg,) = [s for s in summary["safeguards"] if s["id"] == sid]
    return sg


def test_the_written_summary_is_recorded(registry: Registry) -> None:
    number, written = _setup(registry)
    assert _sg(written, "SG-classifier").get("verified_by_attested") is True
    record_publication(registry, CASE, written, version=number)
    assert len(registry.events(case_id=CASE, kind="publication")) == 1


def test_a_verifier_marked_attested_by_the_labs_program_is_refused(registry: Registry) -> None:
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    sg = _sg(forged, "SG-refusal")
    assert sg["verified_by"] == "acme-safeguards" and "verified_by_attested" not in sg
    sg["verified_by"], sg["verified_by_attested"] = "northbridge-security", True
    _refused(registry, number, forged, r"SG-refusal's verifier \(northbridge-security\) is marked attested")


def test_a_verifier_marked_attested_against_a_judgement_recording_none_is_refused(registry: Registry) -> None:
    # a judgement that does not record attested verifiers (logged before judgements did) bears out none
    loaded = load_case(EXAMPLE)
    found = judged_found(run_gate(loaded), loaded.case, ATTESTED)
    del found["attested"]
    number, written = _setup(registry, found)
    _refused(registry, number, written, r"SG-classifier's verifier .* records no attested verifiers")


def test_counts_lowered_by_the_labs_program_are_refused(registry: Registry) -> None:
    number, written = _setup(registry)
    counts = written["decision"]["counts"]
    assert counts["blocking"] > 0
    forged = copy.deepcopy(written)
    forged["decision"]["counts"] = {**counts, "blocking": 0, "advisory": counts["advisory"] + counts["blocking"]}
    _refused(registry, number, forged, "counts of findings .* are not those of the findings it lists")


def test_findings_dropped_with_their_counts_are_refused(registry: Registry) -> None:
    # the advisory findings left out and the counts made to agree with what is left
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    kept = [f for f in forged["decision"]["findings"] if f["severity"] != "advisory" or f.get("waived")]
    assert len(kept) < len(forged["decision"]["findings"])
    forged["decision"]["findings"] = kept
    forged["decision"]["counts"]["advisory"] = 0
    _refused(registry, number, forged, "are not those the registry found")


def test_the_gates_answer_rewritten_by_the_labs_program_is_refused(registry: Registry) -> None:
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    q = next(q for q in forged["questions"] if q["origin"] == "gate")
    q["answer"] = "northbridge-security verified every safeguard [derived: signed attestation]"
    _refused(registry, number, forged, f"'{q['key']}' is given as the gate's, in words other than the gate's")


def test_an_unanswered_question_marked_answered_is_refused(registry: Registry) -> None:
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    q = forged["questions"][0]
    q["answerable"] = not q["answerable"]
    _refused(registry, number, forged, f"the answer to '{q['key']}' is marked")


def test_a_sign_off_marked_signed_by_the_labs_program_is_refused(registry: Registry) -> None:
    # the example's lines carry no envelope: the judgement finds none signed
    number, written = _setup(registry)
    forged = copy.deepcopy(written)
    assert forged["signoffs"] and not any(so["signed"] for so in forged["signoffs"])
    forged["signoffs"][0]["signed"] = True
    _refused(registry, number, forged, r"the sign-off of Dana Ortiz \(safety-lead\) is marked signed")


def _with_condition(registry: Registry, standing: str | None) -> tuple[int, dict[str, Any]]:
    """A judgement with one condition, past its date with nothing met as the log found it when
    `casegate publish` judged it, and the summary written of it."""
    from casegate.model import Condition

    loaded = load_case(EXAMPLE)
    assert loaded.case is not None
    base = run_gate(loaded)
    record = base.model_copy(update={"outcome": "GO WITH CONDITIONS", "findings": [], "conditions": [
        Condition(id="C1", text="Re-run the CTF suite.", cause="CG305", due="2026-11-25")]})
    found = judged_found(record, loaded.case, ATTESTED, policy=loaded.policy, standings={"C1": "overdue: due 2026-11-25"})
    number, _ = _setup(registry, found, record)
    from casegate.publish._registry import RegistryFacts

    facts = RegistryFacts(version=number, conditions={"C1": standing} if standing else {})
    s = build_summary(loaded.case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy,
                      verifiers=ATTESTED, level=Confidentiality.internal, facts=facts)
    return number, json.loads(s.model_dump_json())


def test_an_overdue_condition_stated_met_by_the_labs_program_is_refused(registry: Registry) -> None:
    number, forged = _with_condition(registry, "met on 2026-11-24 (on time)")
    _refused(registry, number, forged, r"condition C1 is stated as \"met on 2026-11-24 \(on time\)\", which is not "
                                       r"where the registry's judgement finds it \(overdue: due 2026-11-25\)")


def test_an_overdue_mark_left_out_by_the_labs_program_is_refused(registry: Registry) -> None:
    number, forged = _with_condition(registry, None)
    _refused(registry, number, forged, "condition C1 is stated as")


def test_an_overdue_condition_stated_as_found_is_recorded(registry: Registry) -> None:
    number, written = _with_condition(registry, "overdue: due 2026-11-25")
    record_publication(registry, CASE, written, version=number)
    assert len(registry.events(case_id=CASE, kind="publication")) == 1
