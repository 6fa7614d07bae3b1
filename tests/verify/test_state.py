"""The current deployable state: computed by the same check as `casegate verify`, from the
registry and the signed decision bundle it recorded."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from casegate.model import BoundaryKind
from casegate.monitor import act
from casegate.monitor._states import CaseState
from casegate.sign import load_keyring
from casegate.store import open_registry, record_objection
from casegate.verify import deploy_state

from ..web.conftest import KEYRING, MODEL_DIGEST, approve, build_board, verify
from .trusted import DEMO_EXIT, DEMONSTRATION, demo_deployable

AT = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
CASE = "atlas-2-api"


def _state(url: str, keyring: bool = True):  # type: ignore[no-untyped-def]
    reg = open_registry(url)
    try:
        return deploy_state(reg, CASE, load_keyring(KEYRING) if keyring else None, at=AT)
    finally:
        reg.close()


def test_gated_but_unsigned_is_not_deployable(tmp_path: Path, database_url: str) -> None:
    build_board(tmp_path, database_url)
    s = _state(database_url)
    assert not s.deployable and s.status == "not-deployable"
    assert s.last_decision is not None and s.last_decision["outcome"] == "GO WITH CONDITIONS"
    assert "not a signed decision bundle" in s.reasons[0]


def test_approved_case_is_deployable_and_agrees_with_verify(tmp_path: Path, database_url: str) -> None:
    b = build_board(tmp_path, database_url)
    bundle = approve(b)
    s = _state(database_url)
    # (the tests' keyrings hold the examples' published keys: everything else deployable, a demonstration)
    assert demo_deployable(s), s.reasons
    assert (s.outcome, s.boundary, s.lifecycle) == ("GO WITH CONDITIONS", "api", "approved-with-conditions")
    assert s.demonstration == "GO WITH CONDITIONS for api" and s.headline.startswith(f"NOT VERIFIED: {DEMONSTRATION}")
    assert verify(b, bundle).returncode == DEMO_EXIT
    # without a keyring nothing can be said for it: not verified, never deployable
    s = _state(database_url, keyring=False)
    assert s.status == "not-verified" and not s.deployable
    assert "no keyring" in s.reasons[-1]


def test_reopened_objected_and_restricted(tmp_path: Path, database_url: str) -> None:
    b = build_board(tmp_path, database_url)
    bundle = approve(b)
    reg = open_registry(database_url)
    record_objection(reg, CASE, role="external-evaluator", person="Priya Natarajan",
                     reason="The CTF suite leaves out cloud-native targets.")
    reg.close()
    s = _state(database_url)
    assert not s.deployable
    assert any("objection by Priya Natarajan" in r and "is open" in r for r in s.reasons)
    assert verify(b, bundle).returncode == 1  # the same answer

    reg = open_registry(database_url)
    act(reg, CASE, CaseState.reopened, role="rso", reason="a high-severity cyber incident")
    reg.close()
    s = _state(database_url)
    assert not s.deployable and s.lifecycle == "reopened"
    assert "is reopened" in s.reasons[0] and "a high-severity cyber incident" in s.reasons[0]
    # the registry's facts stand even without a keyring: not deployable, not merely unverified
    s = _state(database_url, keyring=False)
    assert s.status == "not-deployable" and "is reopened" in s.reasons[0]


def test_restricted_case_is_deployable_only_at_the_narrower_boundary(tmp_path: Path, database_url: str) -> None:
    b = build_board(tmp_path, database_url)
    approve(b)
    reg = open_registry(database_url)
    act(reg, CASE, CaseState.restricted, role="rso", reason="pending review",
        restricted_to=BoundaryKind("trusted-access"))
    reg.close()
    s = _state(database_url)
    assert s.boundary == "trusted-access" and s.decided_boundary == "api"
    assert s.lifecycle == "restricted"
    assert demo_deployable(s), s.reasons
    assert s.demonstration == "GO WITH CONDITIONS for trusted-access only (restricted from api)"


def test_public_causes_name_no_detail(tmp_path: Path, database_url: str) -> None:
    b = build_board(tmp_path, database_url)
    approve(b)
    reg = open_registry(database_url)
    record_objection(reg, CASE, role="external-evaluator", person="Priya Natarajan", reason="CANARY-detail")
    act(reg, CASE, CaseState.reopened, role="rso", reason="CANARY-incident")
    reg.close()
    s = _state(database_url)
    assert s.causes == ["reopened", "1 open objection"]
    later = deploy_state_at(database_url, dt.datetime(2028, 1, 1, tzinfo=dt.UTC))
    assert any("evidence items expired" in c for c in later.causes)
    assert any("overdue" in c for c in later.causes)


def deploy_state_at(url: str, at: dt.datetime):  # type: ignore[no-untyped-def]
    reg = open_registry(url)
    try:
        return deploy_state(reg, CASE, load_keyring(KEYRING), at=at)
    finally:
        reg.close()


def _revoke(b, person: str, *, at: str, kind: str):  # type: ignore[no-untyped-def]
    """The case's keyring with `person`'s key revoked (written where `verify` reads it)."""
    from casegate.sign import revoke_key, save_keyring

    path = b.case_dir / "keys" / "keyring.yaml"
    ring = load_keyring(path)
    key = next(k for k in ring.keys if k.person == person)
    ring = revoke_key(ring, key.keyid, at=at, reason="test", kind=kind)
    save_keyring(ring, path)
    return ring


def test_a_key_retired_after_its_signature_was_logged_keeps_it_on_the_board_as_in_verify(
        tmp_path: Path, database_url: str) -> None:
    """The deploy view takes each signature's time from the log, as `verify` does, never the time
    of the check: a sign-off key retired in a rotation after the decision was logged still counts."""
    b = build_board(tmp_path, database_url)
    bundle = approve(b)  # logged on the story's dates, before 2026-12-01 (signed just now)
    from casegate.sign import decode_payload, iso, parse_instant

    doc = json.loads(bundle.read_text())
    signed = max(parse_instant(decode_payload(e)["predicate"]["signed_at"]) for e in doc["signoffs"])
    retired = signed + dt.timedelta(seconds=1)  # after every signature was made
    ring = _revoke(b, "Dana Ortiz", at=iso(retired), kind="retired")
    reg = open_registry(database_url)
    try:
        # the board's view at a time the key is already retired (now, or a second later)
        now_at = max(dt.datetime.now(dt.UTC), retired + dt.timedelta(seconds=1))
        now = deploy_state(reg, CASE, ring, at=now_at)
    finally:
        reg.close()
    assert demo_deployable(now), now.reasons
    # without log times (the key must count at the time of the check) it would not be
    reg = open_registry(database_url)
    try:
        from casegate.verify import check_bundle

        v = check_bundle(doc, ring, model_digest=MODEL_DIGEST, boundary=BoundaryKind("api"), at=now_at, registry=reg)
    finally:
        reg.close()
    assert any("retired" in r or "revoked" in r for r in v.reasons), v.reasons


def test_a_key_compromised_before_its_signature_was_logged_is_refused_on_the_board_as_in_verify(
        tmp_path: Path, database_url: str) -> None:
    b = build_board(tmp_path, database_url)
    bundle = approve(b)
    ring = _revoke(b, "Dana Ortiz", at="2026-11-01T00:00:00Z", kind="compromised")
    reg = open_registry(database_url)
    try:
        now = deploy_state(reg, CASE, ring)
    finally:
        reg.close()
    assert not now.deployable
    assert any("Dana Ortiz" in r and "compromised" in r for r in now.reasons), now.reasons
    r = verify(b, bundle)
    assert r.returncode == 1 and "compromised" in r.stderr


def _escalating(case_dir: Path) -> None:
    """The policy lets the rso close objections by escalation, from the case's first version on
    (a policy loosened to it in a later version blocks, CG328)."""
    pol = case_dir / "policy.yaml"
    text = pol.read_text()
    assert "  objections: block\n" in text
    pol.write_text(text.replace("  objections: block\n", "  objections: escalate\n  escalate_to: rso\n"
                                "  answer_accepted_by: escalation\n", 1))


def test_causes_judge_objections_as_the_gate_does(tmp_path: Path, database_url: str) -> None:
    """An objection the policy's escalation role closed is not open in the explanation (the gate
    counts it answered); one "answered" by a role the policy does not let answer, and accepted
    by the objector, is open in the explanation as in verify."""
    from ..web.conftest import answer_env, objection_env

    b = build_board(tmp_path, database_url, prepare=_escalating)
    approve(b)
    c = b.client
    # closed by the escalation role's acceptance
    o1 = objection_env(b, "Priya Natarajan", "external-evaluator", "The CTF suite under-samples web exploitation.")
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": o1}, headers=b.auth("external"))
    assert r.status_code == 201, r.text
    i1 = r.json()["index"]
    a1 = answer_env(b, "Dana Ortiz", "safety-lead", o1, text="Web exploitation is covered by E-web.")
    acc1 = answer_env(b, "Sam Whitfield", "rso", o1, kind="accept", accepts=a1)
    for env, who in ((a1, "safety-lead"), (acc1, "rso")):
        r = c.post(f"/api/v1/cases/{CASE}/objections/{i1}/answer", json={"envelope": env}, headers=b.auth(who))
        assert r.status_code == 201, r.text
    reg = open_registry(database_url)
    act(reg, CASE, CaseState.reopened, role="rso", reason="a scheduled re-review")
    reg.close()
    s = _now(database_url)
    assert not any("objection" in r for r in s.reasons), s.reasons  # the gate: answered
    assert s.causes[0] == "reopened" and not any("objection" in c for c in s.causes), s.causes

    # "answered" by the author (a role the policy does not let answer), accepted by the objector
    o2 = objection_env(b, "Priya Natarajan", "external-evaluator", "The uplift trial is too small.", oid="O-2")
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": o2}, headers=b.auth("external"))
    assert r.status_code == 201, r.text
    i2 = r.json()["index"]
    a2 = answer_env(b, "Mira Chen", "author", o2, text="It is large enough.")
    acc2 = answer_env(b, "Priya Natarajan", "external-evaluator", o2, kind="accept", accepts=a2)
    reg = open_registry(database_url)
    for env, (person, role, kind) in ((a2, ("Mira Chen", "author", "answer")),
                                      (acc2, ("Priya Natarajan", "external-evaluator", "accept"))):
        reg.record("objection-answer", CASE, {"objection": i2, "role": role, "person": person, "kind": kind,
                                              "answer": "It is large enough." if kind == "answer" else None,
                                              "envelope": env, "via": "api"})
    reg.close()
    s = _now(database_url)
    assert any("objection O-2 by Priya Natarajan" in r and "is open" in r for r in s.reasons), s.reasons
    assert s.causes[:2] == ["reopened", "1 open objection"], s.causes
    # without a keyring nothing signed can be judged: counted as such, never as closed
    s = _now(database_url, keyring=False)
    assert "2 signed objections not judged (signatures not checked)" in s.causes


def _now(url: str, keyring: bool = True):  # type: ignore[no-untyped-def]
    """The state as of now: the objections and answers of these tests are logged now, and
    verify does not count a statement logged after the time it checks for."""
    reg = open_registry(url)
    try:
        return deploy_state(reg, CASE, load_keyring(KEYRING) if keyring else None, at=dt.datetime.now(dt.UTC))
    finally:
        reg.close()
