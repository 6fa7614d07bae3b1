"""A state proof must be complete: the lab that hands the deploy pipeline its proof leaves out
the entries that stop the release (the reopening, an objection), keeping every other entry with
its valid inclusion proof. The proof holds every log entry from the case's first to the
checkpoint's size, so a left-out entry, a cut start, or an entry passed off as another case's
is refused; an honest proof of an approved case verifies."""

from __future__ import annotations

import copy
from typing import Any

from casegate.monitor import act
from casegate.monitor._states import CaseState
from casegate.store import open_registry, record_objection
from tests.verify.test_trust_attacks import Setup, setup  # noqa: F401 (the fixture)
from tests.verify.trusted import CASE


def _proof(s: Setup) -> dict[str, Any]:
    s.trust.checkpoint(s.db)
    with open_registry(s.db, readonly=True) as reg:
        proof, problems = reg.state_proof(CASE)
    assert not problems and proof is not None, problems
    return proof


def _verify(s: Setup, proof: dict[str, Any]) -> Any:
    return s.verify(proof=lambda _case: (proof, []))


def _without(proof: dict[str, Any], drop: Any) -> dict[str, Any]:
    out = copy.deepcopy(proof)
    kept = [e for e in out["entries"] if not drop(e)]
    assert len(kept) < len(out["entries"])
    out["entries"] = kept
    return out


def _reopen(s: Setup) -> None:
    with open_registry(s.db) as reg:
        act(reg, CASE, CaseState.reopened, role="rso", reason="cyber incident")


def test_an_honest_proof_of_an_approved_case_verifies(setup: Setup) -> None:  # noqa: F811
    proof = _proof(setup)
    v = _verify(setup, proof)
    assert v.ok, v.reasons
    assert proof["first"] == proof["entries"][0]["index"] and proof["entries"][0]["kind"] == "case-version"


def test_an_honest_proof_of_a_reopened_case_is_refused(setup: Setup) -> None:  # noqa: F811
    _reopen(setup)
    v = _verify(setup, _proof(setup))
    assert not v.ok and any("is reopened" in r for r in v.reasons), v.reasons


def test_the_reopening_left_out_of_the_proof_is_refused(setup: Setup) -> None:  # noqa: F811
    _reopen(setup)
    forged = _without(_proof(setup), lambda e: e["kind"] == "state-change" and e["payload"]["to"] == "reopened")
    v = _verify(setup, forged)
    assert not v.ok, "a proof with the reopening left out verified"
    assert any("an entry was left out" in r for r in v.reasons), v.reasons


def test_an_objection_left_out_of_the_proof_is_refused(setup: Setup) -> None:  # noqa: F811
    with open_registry(setup.db) as reg:
        record_objection(reg, CASE, role="external-evaluator", person="priya", reason="the uplift study is too small")
    proof = _proof(setup)
    assert any("an objection by priya" in r and "is open" in r for r in _verify(setup, proof).reasons)
    forged = _without(proof, lambda e: e["kind"] == "objection")
    v = _verify(setup, forged)
    assert not v.ok, "a proof with the objection left out verified"
    assert any("an entry was left out" in r for r in v.reasons), v.reasons


def test_the_reopening_passed_off_as_another_case_is_refused(setup: Setup) -> None:  # noqa: F811
    _reopen(setup)
    forged = copy.deepcopy(_proof(setup))
    for e in forged["entries"]:
        if e["kind"] == "state-change" and e["payload"]["to"] == "reopened":
            e["case_id"] = "some-other-case"
    v = _verify(setup, forged)
    assert not v.ok and any("are not the log the checkpoint signs" in r for r in v.reasons), v.reasons


def test_a_proof_that_starts_after_the_case_began_is_refused(setup: Setup) -> None:  # noqa: F811
    """The proof starts later, at an entry that rebuilds the root with its own honest path: the
    case's earlier entries (its version) are left out."""
    _reopen(setup)
    proof = _proof(setup)
    late = copy.deepcopy(proof)
    late["entries"] = late["entries"][1:]
    late["first"] += 1
    v = _verify(setup, late)
    assert not v.ok and any("not the entry of version 1" in r for r in v.reasons), v.reasons


def test_a_proof_in_the_old_format_is_refused_with_what_to_do(setup: Setup) -> None:  # noqa: F811
    old = dict(_proof(setup), casegate=1)
    v = _verify(setup, old)
    assert not v.ok
    assert any("older casegate" in r and "make a new proof with this casegate" in r for r in v.reasons), v.reasons
    for broken in ({k: v for k, v in _proof(setup).items() if k != "first"}, dict(_proof(setup), entries=[])):
        v = _verify(setup, broken)
        assert not v.ok and any("cannot show that none of the case's entries was left out" in r
                                for r in v.reasons), v.reasons
