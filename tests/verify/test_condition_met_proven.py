"""A condition confirmed met is shown by the log, and a state proof carries the log: `verify` from a
proof file, offline, reaches the same answer as `verify --db`. Before, the confirmations were not
among the entries a proof carried, so past a condition's due date both refused a case whose
condition was met.

The lab then tries to pass a condition off as met: a confirmation left out (it is not, but the
proof is incomplete), made up, altered, relabelled from another case, logged unsigned or for
another case, logged after the checkpoint, or signed with a key revoked before it; or it leaves out
the revocation or reopening that came after. Each is refused with its reason (SQLite and
PostgreSQL)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.model import BoundaryKind
from casegate.monitor import act, condition_met
from casegate.monitor._states import CaseState
from casegate.sign import decode_payload, sign_confirmation
from casegate.store import open_registry
from casegate.trust import load_trust_root
from casegate.verify import verify_deploy
from tests.sign.helpers import MODEL
from tests.verify.trusted import (
    CASE,
    STORY_LOGGED,
    Trust,
    approved_world,
    cli_in_process,
    keep_heard,
    log_clock,
    make_trust,
    publish_summary,
)

MET = STORY_LOGGED + dt.timedelta(days=1)
"""When the external evaluator's confirmation is logged (before the condition falls due)."""


class Story:
    """The example approved with one condition (C1, due 2027-02-18), its public summary logged; a
    deploy verified two days past the due date."""

    def __init__(self, tmp: Path, db: str):
        with open_registry(db) as reg, log_clock():
            self.w, self.bundle, _ = approved_world(tmp / "w", reg)
        rec = decode_payload(self.bundle["decision"])["predicate"]["record"]
        assert rec["outcome"] == "GO WITH CONDITIONS" and [c["id"] for c in rec["conditions"]] == ["C1"]
        self.condition = rec["conditions"][0]
        with open_registry(db) as reg, log_clock():
            version = reg.case_version(CASE, None, contents=False).number
            publish_summary(reg, rec, version)
        due = dt.date.fromisoformat(self.condition["due"][:10])
        self.at = dt.datetime.combine(due + dt.timedelta(days=2), dt.time(12), dt.UTC)
        self.trust: Trust = make_trust(tmp / "root", policy=self.w.dir / "policy.yaml", keyring=self.w.ring_path,
                                       max_age=dt.timedelta(days=400))
        self.db, self.tmp = db, tmp

    def met(self, when: dt.datetime = MET) -> None:
        with open_registry(self.db) as reg, log_clock(when):
            condition_met(reg, CASE, "C1", evidence=["E-cyber-ctf"], by="external-evaluator",
                          signer=self.w.signers["priya"], keyring=self.w.ring)

    def log_confirmation(self, env: Any, *, decision: int | None = None) -> int:
        """A `condition-met` entry carrying `env` as it stands, written to the log directly (as code
        that bypasses `condition met` could): the registry does not vouch for what it holds."""
        with open_registry(self.db) as reg, log_clock(MET):
            d = decision if decision is not None else self.decision_index(reg)
            return reg.record("condition-met", CASE, {"decision": d, "id": "C1", "evidence": [], "by": "external-evaluator",
                                                      "person": "Priya Natarajan", "envelope": env}).index

    @staticmethod
    def decision_index(reg: Any) -> int:
        return int(reg.events(CASE, "decision")[-1].index)

    def confirmation(self, *, case_id: str = CASE, decision: int | None = None) -> dict[str, Any]:
        """Priya's signed confirmation of C1, as `condition met` would sign it, for `case_id`."""
        with open_registry(self.db, readonly=True) as reg:
            d = decision if decision is not None else self.decision_index(reg)
        return sign_confirmation(case_id=case_id, version=1, decision=d,
                                 condition={k: self.condition.get(k) for k in ("id", "text", "due")},
                                 evidence=[{"evidence": "E-cyber-ctf", "version": 1, "sha256": "a" * 64}],
                                 role="external-evaluator", signer=self.w.signers["priya"], keyring=self.w.ring, at=MET)

    def proof(self, *, at: dt.datetime | None = None) -> dict[str, Any]:
        self.trust.checkpoint(self.db, at=at or self.at - dt.timedelta(hours=1))
        with open_registry(self.db, readonly=True) as reg:
            doc, problems = reg.state_proof(CASE)
        assert not problems and doc is not None, problems
        return doc

    def offline(self, doc: dict[str, Any]) -> Any:
        """`verify --state-proof FILE`: the proof as a file would hand it over."""
        doc = json.loads(json.dumps(doc))
        return self._verify(lambda _cid: (doc, []))

    def with_db(self) -> Any:
        """`verify --db`: the registry makes the proof."""
        with open_registry(self.db, readonly=True) as reg:
            return self._verify(reg.state_proof)

    def _verify(self, proof: Any) -> Any:
        return verify_deploy(self.bundle, self.w.ring, trust=load_trust_root(self.trust.dir), proof=proof,
                             model_digest=MODEL, boundary=BoundaryKind.api, at=self.at, now=self.at)


@pytest.fixture
def story(tmp_path: Path, database_url: str) -> Story:
    return Story(tmp_path, database_url)


def _overdue(v: Any) -> list[str]:
    return [r for r in v.reasons if r.startswith("condition C1 (") and "nothing shows it met" in r]


def _without(doc: dict[str, Any], drop: Any) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    kept = [e for e in out["entries"] if not drop(e)]
    assert len(kept) == len(out["entries"]) - 1
    out["entries"] = kept
    return out


LEFT_OUT = "an entry was left out"
NOT_THE_LOG = "are not the log the checkpoint signs: an entry was altered, made up or left out"


def test_a_condition_met_verifies_offline_as_with_the_registry(story: Story) -> None:
    """The control, which failed before: the confirmation is in the proof, offline and with --db
    (the case's monitors read every 12 hours up to the proof's checkpoint, each reading logged at
    its time)."""
    unmet = story.proof()
    for v in (story.offline(unmet), story.with_db()):
        assert not v.ok and len(_overdue(v)) == 1, v.reasons
        assert "the registry logs no confirmation of it that counts" in _overdue(v)[0]
    heard = keep_heard(story.db, CASE, STORY_LOGGED, MET)
    story.met()
    keep_heard(story.db, CASE, heard, story.at - dt.timedelta(hours=1))
    doc = story.proof()
    assert [e["kind"] for e in doc["entries"]].count("condition-met") == 1
    for v in (story.offline(doc), story.with_db()):
        assert v.ok, v.reasons
        assert any(n.startswith("condition C1 was due on 2027-02-18; confirmed met by Priya Natarajan "
                                "(external-evaluator) in log entry ") for n in v.notes), v.notes


def test_the_confirmation_left_out_of_the_proof_is_refused(story: Story) -> None:
    story.met()
    v = story.offline(_without(story.proof(), lambda e: e["kind"] == "condition-met"))
    assert not v.ok and any(LEFT_OUT in r for r in v.reasons), v.reasons


def test_a_confirmation_made_up_in_the_proof_is_refused(story: Story) -> None:
    """Priya's signature is real (the lab got her to sign), but the registry never logged it."""
    doc = story.proof()
    env = story.confirmation()
    entry = {"kind": "condition-met", "case_id": CASE,
             "payload": {"decision": decode_payload(env)["predicate"]["decision"], "id": "C1", "envelope": env}}
    forged = copy.deepcopy(doc)
    last = forged["entries"][-1]
    forged["entries"].append({**entry, "index": last["index"] + 1, "recorded_at": last["recorded_at"]})
    v = story.offline(forged)
    assert not v.ok and any("the state proof must hold every log entry" in r for r in v.reasons), v.reasons
    # in place of another entry of the log (one of the case's own, here its publication)
    swapped = copy.deepcopy(doc)
    i = next(i for i, e in enumerate(swapped["entries"]) if e["kind"] == "publication")
    swapped["entries"][i] = {**swapped["entries"][i], **entry}
    v = story.offline(swapped)
    assert not v.ok and any(NOT_THE_LOG in r for r in v.reasons), v.reasons


def test_a_confirmation_altered_in_the_proof_is_refused(story: Story) -> None:
    """A confirmation logged for an earlier decision, renumbered in the proof to the approved one."""
    with open_registry(story.db, readonly=True) as reg:
        d = story.decision_index(reg)
    story.log_confirmation(story.confirmation(decision=d - 1), decision=d - 1)
    doc = story.proof()
    v = story.offline(doc)
    assert not v.ok and any(f"confirms it for decision #{d - 1}, not #{d}" in r for r in _overdue(v)), v.reasons
    forged = copy.deepcopy(doc)
    for e in forged["entries"]:
        if e["kind"] == "condition-met":
            e["payload"]["decision"] = d
    v = story.offline(forged)
    assert not v.ok and any(NOT_THE_LOG in r for r in v.reasons), v.reasons


def test_another_cases_confirmation_relabelled_in_the_proof_is_refused(story: Story) -> None:
    """Another case's confirmation sits in the proof's range; the lab relabels it as this case's."""
    with open_registry(story.db) as reg, log_clock(MET):
        reg.record("condition-met", "other-case", {"decision": story.decision_index(reg), "id": "C1",
                                                   "envelope": story.confirmation(case_id="other-case")})
    doc = story.proof()
    assert not story.offline(doc).ok  # another case's entry is not this case's
    forged = copy.deepcopy(doc)
    for e in forged["entries"]:
        if e["kind"] == "condition-met":
            e["case_id"] = CASE
    v = story.offline(forged)
    assert not v.ok and any(NOT_THE_LOG in r for r in v.reasons), v.reasons


@pytest.mark.parametrize("how", ["unsigned", "another case"])
def test_a_logged_confirmation_that_is_not_this_cases_does_not_count(story: Story, how: str) -> None:
    """Logged under this case by code that bypassed `condition met`: unsigned, or signed for another
    case. The proof is honest and complete; the confirmation counts for nothing, and `verify` says
    why, offline and with --db."""
    story.log_confirmation(None if how == "unsigned" else story.confirmation(case_id="other-case"))
    doc = story.proof()
    why = ("is not signed (an unsigned record of a condition met does not count)" if how == "unsigned"
           else "is about case 'other-case', not 'atlas-2-api'")
    for v in (story.offline(doc), story.with_db()):
        assert not v.ok and len(_overdue(v)) == 1 and why in _overdue(v)[0], v.reasons


def test_a_confirmation_logged_after_the_checkpoint_is_not_proven(story: Story) -> None:
    """The proof shows the log as its checkpoint signs it: a confirmation logged after is not in it,
    and cannot be added to it; the registry makes no proof until a checkpoint covers it."""
    old = story.proof(at=MET - dt.timedelta(hours=1))
    story.met(MET + dt.timedelta(hours=1))
    with open_registry(story.db, readonly=True) as reg:
        added = reg.events(CASE)[-2:]  # the confirmation and the state change to approved
        _, problems = reg.state_proof(CASE)
    assert any("newer than the latest checkpoint" in p for p in problems), problems
    assert not story.with_db().ok
    v = story.offline(old)
    assert not v.ok and len(_overdue(v)) == 1, v.reasons
    forged = copy.deepcopy(old)
    forged["entries"] += [{"index": e.index, "kind": e.kind, "case_id": e.case_id, "payload": e.payload,
                           "recorded_at": e.recorded_at} for e in added]
    v = story.offline(forged)
    assert not v.ok and any("the state proof must hold every log entry" in r for r in v.reasons), v.reasons


def test_a_confirmation_by_a_key_revoked_before_it_does_not_count(story: Story) -> None:
    """Priya's key was stolen before the confirmation was logged; the revocation is logged after it.
    The proof carries the revocation, and the confirmation does not count; a proof that leaves the
    revocation out is refused."""
    story.met()
    ring = story.tmp / "current-keyring.yaml"
    shutil.copy(story.w.ring_path, ring)
    with log_clock(MET + dt.timedelta(days=1)):
        rc, text = cli_in_process(story.tmp, "keys", "revoke", str(ring), story.w.signers["priya"].public_key.keyid,
                                  "--reason", "laptop stolen", "--at", "2026-11-30", "--db", story.db)
    assert rc == 0, text
    doc = story.proof()
    for v in (story.offline(doc), story.with_db()):
        assert not v.ok and len(_overdue(v)) == 1, v.reasons
        assert "Priya Natarajan" in _overdue(v)[0] and "revoked" in _overdue(v)[0], _overdue(v)
    # the revocation comes after the case's first entry: it is in the proof's entries, and in its list
    v = story.offline({**_without(doc, lambda e: e["kind"] == "keyring-change"), "keyring_changes": []})
    assert not v.ok and any(LEFT_OUT in r for r in v.reasons), v.reasons


def test_a_reopening_after_the_condition_was_met_cannot_be_left_out(story: Story) -> None:
    story.met()
    with open_registry(story.db) as reg, log_clock(MET + dt.timedelta(days=1)):
        act(reg, CASE, CaseState.reopened, role="rso", reason="the monitor showed a breach")
    doc = story.proof()
    for v in (story.offline(doc), story.with_db()):
        assert not v.ok and any("is reopened" in r for r in v.reasons), v.reasons
    v = story.offline(_without(doc, lambda e: e["kind"] == "state-change" and e["payload"]["to"] == "reopened"))
    assert not v.ok and any(LEFT_OUT in r for r in v.reasons), v.reasons
