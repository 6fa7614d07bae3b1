"""Approving a case again after the registry took it back. The lab tries: waiving the incident
(CG708) its case does not answer; reusing sign-offs signed before the case was reopened (the
outside evaluator's among them) on the same case; getting the registry to judge an approval with
a keyring it wrote its own "evaluator" into. Each is refused, and `verify` refuses an approval
that rests on signatures older than the reopening even when it was logged without the registry's
judgement."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from pathlib import Path

import pytest

from tests._deploy import RATE_LIMITS
from tests.monitor.test_cli import DIGEST, _cg, approved, signed  # noqa: F401 - fixtures used by name
from tests.verify.trusted import DEMO_EXIT

CASE = "atlas-2-api"


def _trust(tmp: Path):  # type: ignore[no-untyped-def]
    """The governance trust root pinning the example's policy and keyring."""
    from tests.verify.trusted import Trust, make_trust

    t = Trust(tmp / "root" / "trust", tmp / "root" / "log.pem", tmp / "root" / "root.key")
    if not t.dir.exists():
        t = make_trust(tmp / "root", policy=tmp / "case" / "policy.yaml", keyring=tmp / "keyring.yaml")
    return t


def _verify(tmp: Path, db: str, bundle: str, code: int):  # type: ignore[no-untyped-def]
    t = _trust(tmp)
    t.checkpoint(db)
    return _cg(tmp, db, "verify", "--bundle", bundle, "--model-digest", DIGEST, "--boundary", "api",
               "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--trust-root", str(t.dir), code=code)


def _incident(tmp: Path, db: str) -> None:
    p = _cg(tmp, db, "incident", "report", "--case", CASE, "--date", "2026-11-26", "--deployer", "Acme API customer",
            "--developer", "Acme Labs", "--harmed", "Northfield Regional Hospital",
            "--description", "ransomware built with the tool", "--severity", "high", "--domain", "cyber")
    assert "-> reopened" in p.stdout


def _state(db: str) -> str:
    from casegate.store import open_registry

    with open_registry(db) as reg:
        return str(reg.case_state(CASE))


def _resubmitted_unchanged(tmp: Path, db: str) -> None:
    """The RSO reopens the case; the lab submits it again with nothing the signers sign changed
    (a new version of the files, the same case digest) and sends it for review."""
    _cg(tmp, db, "state", "set", CASE, "reopened", "--role", "rso", "--reason", "review the cyber claims")
    with (tmp / "case" / "case.yaml").open("a") as f:
        f.write("# submitted again after review\n")
    _cg(tmp, db, "registry", "submit", "case/case.yaml", "--model", "case/model")
    _cg(tmp, db, "state", "set", CASE, "under-review", "--by", "Sam Whitfield")


def _until() -> str:
    return (dt.date.today() + dt.timedelta(days=30)).isoformat()


def test_an_incident_cannot_be_waived_at_the_command(approved: tuple[Path, str]) -> None:  # noqa: F811
    """Reason: the lab's RSO waived CG708 (the policy lets the rso waive CG7xx) and the reopened
    case was approved again without answering the incident."""
    tmp, db = approved
    _incident(tmp, db)
    shutil.copytree(tmp / "case", tmp / "case-b")
    p = _cg(tmp, db, "waive", "case-b/case.yaml", "CG708", "--role", "rso", "--key", "keys/rso.pem",
            "--reason", "Incident under investigation", "--until", _until(), code=2)
    assert "CG708 can never be waived, whatever the policy says" in p.stderr and "Traceback" not in p.stderr
    assert not (tmp / "case-b" / "waivers").exists()
    p = _cg(tmp, db, "waive", "case-b/case.yaml", "CG718", "--role", "rso", "--key", "keys/rso.pem",
            "--reason", "breach under investigation", "--until", _until(), code=2)
    assert "CG718 can never be waived" in p.stderr


def test_a_waiver_of_the_incident_written_anyway_is_never_applied(
        approved: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Reason: the red team's attack end to end: a CG708 waiver in the copied case (written by a
    casegate that did not refuse it), the lab's safety lead deciding, the registry recording the
    decision and `verify` passing. The gate sets the waiver aside: the decision is NO-GO."""
    import casegate.sign._signoff as signoff

    tmp, db = approved
    t = _trust(tmp)
    _incident(tmp, db)
    shutil.copytree(tmp / "case", tmp / "case-b")
    monkeypatch.setattr(signoff, "never_waivable", lambda code: None)
    _cg(tmp, db, "waive", "case-b/case.yaml", "CG708", "--role", "rso", "--key", "keys/rso.pem",
        "--reason", "Incident under investigation", "--until", _until())
    monkeypatch.undo()
    gate = _cg(tmp, db, "gate", "case-b/case.yaml", "--format", "json", code=None)
    record = json.loads(gate.stdout)
    assert record["outcome"] == "NO-GO"
    assert any("CG708" in r and "can never be waived" in r for r in record["rejected_waivers"]), record["rejected_waivers"]
    p = _cg(tmp, db, "decide", "case-b/case.yaml", "--key", "keys/safety-lead.pem", "--role", "safety-lead",
            "--out", "decision-b.bundle.json", code=1)
    assert "NO-GO" in p.stdout
    _cg(tmp, db, "registry", "submit", "case-b/case.yaml", "--model", "case-b/model")
    _cg(tmp, db, "state", "set", CASE, "under-review", "--by", "Sam Whitfield")
    p = _cg(tmp, db, "state", "apply", CASE, "--decision", "decision-b.bundle.json", "--trust-root", str(t.dir))
    assert "under-review -> draft" in p.stdout
    p = _verify(tmp, db, "decision-b.bundle.json", 1)
    assert "CG708 incident-unanswered" in p.stdout + p.stderr


def test_sign_offs_signed_before_a_reopening_do_not_approve_it_again(approved: tuple[Path, str]) -> None:  # noqa: F811
    """Reason: the same case, submitted again after it was reopened, carried the sign-offs given
    before (the outside evaluator's among them) and a fresh decision approved it. Only signatures
    made after the reopening count; signed anew, the case is approved again."""
    tmp, db = approved
    t = _trust(tmp)
    _resubmitted_unchanged(tmp, db)
    _cg(tmp, db, "decide", "case/case.yaml", "--key", "keys/safety-lead.pem", "--role", "safety-lead",
        "--out", "again.bundle.json")
    p = _cg(tmp, db, "state", "apply", CASE, "--decision", "again.bundle.json", "--trust-root", str(t.dir), code=4)
    assert "the sign-off by Priya Natarajan as 'external-evaluator' was logged at" in p.stderr, p.stderr
    assert "before the case was reopened (log entry" in p.stderr and "review the cyber claims" in p.stderr
    assert "Traceback" not in p.stderr and _state(db) == "under-review"
    # each signer signs the case as it now stands: the approval holds again (a second on, as a
    # signature's own time is in whole seconds and one in the second of the reopening is before it)
    time.sleep(1.1)
    for role in ("safety-lead", "rso", "external-evaluator"):
        _cg(tmp, db, "sign", "case/case.yaml", "--role", role, "--key", f"keys/{role}.pem", "--force")
    _cg(tmp, db, "registry", "submit", "case/case.yaml", "--model", "case/model")
    _cg(tmp, db, "decide", "case/case.yaml", "--key", "keys/safety-lead.pem", "--role", "safety-lead",
        "--out", "fresh.bundle.json")
    p = _cg(tmp, db, "state", "apply", CASE, "--decision", "fresh.bundle.json", "--trust-root", str(t.dir))
    assert "-> approved" in p.stdout
    _verify(tmp, db, "fresh.bundle.json", DEMO_EXIT)  # everything else verified (published keys: a demonstration)


def test_verify_refuses_an_approval_logged_on_sign_offs_older_than_the_reopening(
        approved: tuple[Path, str]) -> None:  # noqa: F811
    """Reason: an approval written to the registry by code that skipped the registry's judgement
    (with a judgement entry of its own making) rested on the sign-offs of the version the
    registry had reopened; `verify` must not accept it."""
    from casegate.model import DecisionRecord
    from casegate.monitor import decide
    from casegate.sign import decode_payload, load_keyring
    from casegate.store import open_registry

    tmp, db = approved
    _resubmitted_unchanged(tmp, db)
    _cg(tmp, db, "decide", "case/case.yaml", "--key", "keys/safety-lead.pem", "--role", "safety-lead",
        "--out", "again.bundle.json")
    bundle = json.loads((tmp / "again.bundle.json").read_text())
    record = DecisionRecord.model_validate(decode_payload(bundle["decision"])["predicate"]["record"])
    fp = load_keyring(tmp / "keyring.yaml").fingerprint()
    with open_registry(db) as reg:
        decide(reg, record, bundle=bundle,
               judge=lambda _n: {"keyring": fp, "at": "2026-12-01T00:00:00Z", "outcome": record.outcome})
    assert _state(db).startswith("approved")
    p = _verify(tmp, db, "again.bundle.json", 1)
    out = p.stdout + p.stderr
    assert "the sign-off by Priya Natarajan as 'external-evaluator' was logged at" in out, out
    assert "before the case was reopened" in out


def test_after_an_incident_the_same_case_is_not_approved_again(approved: tuple[Path, str]) -> None:  # noqa: F811
    """Reason: after a trigger took the case back, the very same argument (same case digest),
    even signed anew, answers nothing of what happened; the registry names that."""
    tmp, db = approved
    t = _trust(tmp)
    _incident(tmp, db)
    for role in ("safety-lead", "rso", "external-evaluator"):
        _cg(tmp, db, "sign", "case/case.yaml", "--role", role, "--key", f"keys/{role}.pem", "--force")
    _cg(tmp, db, "registry", "submit", "case/case.yaml", "--model", "case/model")
    _cg(tmp, db, "state", "set", CASE, "under-review", "--by", "Sam Whitfield")
    _cg(tmp, db, "decide", "case/case.yaml", "--key", "keys/safety-lead.pem", "--role", "safety-lead",
        "--out", "again.bundle.json", code=None)
    from casegate.sign import decode_payload

    b = json.loads((tmp / "again.bundle.json").read_text())
    assert decode_payload(b["decision"])["predicate"]["record"]["outcome"] == "NO-GO"
    from casegate.approve import registry_judge
    from casegate.model import DecisionRecord
    from casegate.sign import load_keyring
    from casegate.store import open_registry

    # the record as the lab's decider would like it; the registry judges it again and names why not
    rec = DecisionRecord.model_validate(decode_payload(b["decision"])["predicate"]["record"])
    rec = rec.model_copy(update={"outcome": "GO WITH CONDITIONS"})
    with open_registry(db) as reg:
        judge = registry_judge(reg, rec, load_keyring(tmp / "keyring.yaml"), t.dir, b)
        with pytest.raises(Exception) as e:
            judge(max(v.number for v in reg.case_versions(CASE)))
    assert "its case digest" in str(e.value) and "is unchanged" in str(e.value), str(e.value)


def test_without_a_trust_root_the_registry_records_no_approval(
        signed: Path, tmp_path: Path, database_url: str) -> None:  # noqa: F811
    """Reason: `state apply` without a trust root judged with whatever keyring the caller passed:
    the lab added its own "external evaluator" to a copy of the keyring, had it sign, and the
    governance registry recorded the approval."""
    for name in ("case", "keys"):
        shutil.copytree(signed / name, tmp_path / name)
    shutil.copy2(signed / "keyring.yaml", tmp_path / "keyring.yaml")
    db = database_url
    ring = tmp_path / "lab-keyring.yaml"
    shutil.copy2(tmp_path / "keyring.yaml", ring)
    _cg(tmp_path, db, "keys", "generate", "keys/eve.pem")
    _cg(tmp_path, db, "keys", "add", str(ring), "--public", "keys/eve.pem.pub", "--person", "Eve Indie",
        "--organisation", "Indie Evals", "--role", "external-evaluator", "--from", "2026-01-01", "--until", "2030-12-31")
    text = (tmp_path / "case" / "case.yaml").read_text()
    (tmp_path / "case" / "case.yaml").write_text(text.replace("Priya Natarajan", "Eve Indie"))
    shutil.rmtree(tmp_path / "case" / "signoffs", ignore_errors=True)
    for role in ("safety-lead", "rso"):
        _cg(tmp_path, db, "sign", "case/case.yaml", "--role", role, "--key", f"keys/{role}.pem", "--keyring", str(ring))
    _cg(tmp_path, db, "sign", "case/case.yaml", "--role", "external-evaluator", "--key", "keys/eve.pem",
        "--keyring", str(ring))
    _cg(tmp_path, db, "authors", "sign", "case/case.yaml", "--role", "author", "--key", "keys/author.pem",
        "--keyring", str(ring))
    _cg(tmp_path, db, "decide", "case/case.yaml", "--key", "keys/rso.pem", "--role", "rso", "--keyring", str(ring),
        "--out", "lab.bundle.json")
    _cg(tmp_path, db, "registry", "submit", "case/case.yaml", "--model", "case/model")
    _cg(tmp_path, db, "state", "set", CASE, "under-review", "--by", "Sam Whitfield")
    p = _cg(tmp_path, db, "state", "apply", CASE, "--decision", "lab.bundle.json", "--keyring", str(ring), code=1)
    assert "no trust root" in p.stderr and "CASEGATE_TRUST_ROOT" in p.stderr and "Traceback" not in p.stderr
    assert _state(db) == "under-review"
    from casegate.sign import decode_payload

    # what was refused was an approval (a NO-GO returns the case to its authors without a trust root)
    assert decode_payload(json.loads((tmp_path / "lab.bundle.json").read_text())["decision"])["predicate"][
        "record"]["outcome"] != "NO-GO"
