"""The lab against its own filing: a regime document is written with a signed manifest binding every
file's sha256 to the case version it was made from, and recorded in the registry's log;
`casegate regime verify` checks a filed document against it. The lab edits the document after it
was written, files it with another document's or version's manifest, signs a manifest with a key
outside the keyring (or a keyring of its own), files it unsigned or without a registry to check:
each is NOT VERIFIED with the reason."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.store import open_registry
from tests.monitor.test_cli import _cg, approved, signed  # noqa: F401
from tests.verify.trusted import Trust, make_trust

STEM = "ca-sb53.transparency-report"
CASE = "atlas-2-api"


def _report(tmp: Path, db: str, *extra: str, out: str = "filed", regime: str = "ca-sb53",
            document: str = "transparency-report", code: int | None = None) -> Any:
    return _cg(tmp, db, "report", "case/case.yaml", "--regime", regime, "--document", document, "--out", out,
               "--db", db, *extra, code=code)


def _trust(tmp: Path) -> Trust:
    t = Trust(tmp / "root" / "trust", tmp / "root" / "log.pem", tmp / "root" / "root.key")
    if not t.dir.exists():
        t = make_trust(tmp / "root", policy=tmp / "case" / "policy.yaml", keyring=tmp / "keyring.yaml")
    return t


def _verify(tmp: Path, db: str | None, *files: str, manifest: str = f"filed/{STEM}.manifest.json",
            code: int, keyring: str | None = None, trust: bool = True) -> dict[str, Any]:
    args = ["regime", "verify", *files, "--manifest", manifest, "--json"]
    if trust:
        args += ["--trust-root", str(_trust(tmp).dir)]
    if keyring is not None:
        args += ["--keyring", keyring]
    if db is not None:
        args += ["--db", db]
    ran = _cg(tmp, db or "", *args, code=code)
    return json.loads(ran.stdout)  # type: ignore[no-any-return]


FILES = (f"filed/{STEM}.md", f"filed/{STEM}.html")


@pytest.fixture
def filed(approved: tuple[Path, str]) -> tuple[Path, str]:  # noqa: F811
    """The approved example's SB 53 transparency report, written with the RSO's key and recorded."""
    tmp, db = approved
    ran = _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso")
    assert ran.returncode in (0, 1), ran.stderr
    assert f"wrote filed/{STEM}.manifest.json" in ran.stdout and "in the registry's log, entry" in ran.stdout, ran.stdout
    return tmp, db


def test_the_document_as_written_verifies(filed: tuple[Path, str]) -> None:
    tmp, db = filed
    got = _verify(tmp, db, *FILES, code=0)
    assert got["verified"] and got["reasons"] == [] and got["case"] == CASE and got["signer"] == "Sam Whitfield"
    env = json.loads((tmp / "filed" / f"{STEM}.manifest.json").read_text())
    assert set(env) == {"payload", "payloadType", "signatures"}


def test_a_document_edited_after_it_was_written_is_not_verified(filed: tuple[Path, str]) -> None:
    """Attack: the lab softens the filed Markdown (drops the gap list's first line) and files it
    with the genuine manifest."""
    tmp, db = filed
    md = tmp / "filed" / f"{STEM}.md"
    lines = md.read_text().splitlines(keepends=True)
    md.write_text("".join(lines[:3] + lines[4:]))
    got = _verify(tmp, db, *FILES, code=1)
    assert not got["verified"]
    assert any(r.startswith(f"{STEM}.md: its sha256") and "changed after it was written" in r for r in got["reasons"]), got
    # the HTML it did not touch still matches, and is named as such
    assert any(n.startswith(f"{STEM}.html: sha256") for n in got["notes"]), got
    text = _cg(tmp, db, "regime", "verify", *FILES, "--manifest", f"filed/{STEM}.manifest.json", "--db", db,
               "--trust-root", str(_trust(tmp).dir), code=1).stdout
    assert "NOT VERIFIED:" in text and f"{STEM}.md: its sha256" in text, text


def test_another_document_s_manifest_does_not_vouch_for_this_one(filed: tuple[Path, str]) -> None:
    """Attack: the lab edits the transparency report and files it with the manifest of the Model
    Report, genuinely signed and recorded."""
    tmp, db = filed
    _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso", regime="eu-gpai-cop-2025", document="model-report")
    md = tmp / "filed" / f"{STEM}.md"
    md.write_text(md.read_text() + "\nNo gaps.\n")
    got = _verify(tmp, db, f"filed/{STEM}.md", manifest="filed/eu-gpai-cop-2025.model-report.manifest.json", code=1)
    assert any("is not a file the manifest signs" in r for r in got["reasons"]), got


def test_a_document_of_a_version_not_approved_is_not_verified(filed: tuple[Path, str]) -> None:
    """Attack: the lab submits a new version (not approved) whose report reads better, and files
    that document, signed and recorded, as the approved model's."""
    tmp, db = filed
    case = tmp / "case" / "case.yaml"
    case.write_text(case.read_text().replace("\nversion: \"1.0\"", "\nversion: \"1.1\"", 1))
    _cg(tmp, db, "registry", "submit", "case/case.yaml")
    ran = _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso", out="v2")
    assert "(the version is not the approved one)" in ran.stdout, ran.stdout
    got = _verify(tmp, db, f"v2/{STEM}.md", manifest=f"v2/{STEM}.manifest.json", code=1)
    assert any("but the version the registry approved is 1" in r for r in got["reasons"]), got


def test_a_manifest_signed_by_a_key_outside_the_keyring_is_not_verified(filed: tuple[Path, str]) -> None:
    """Attack: `report` refuses a key the keyring does not hold, so the lab signs a manifest for
    its edited document itself with such a key, and records it in the log with write access to
    the registry; then tries a keyring of its own that holds the key."""
    from casegate.regime._manifest import DOCUMENT_EVENT
    from casegate.sign import canonical, decode_payload, sign_statement

    tmp, db = filed
    _cg(tmp, db, "keys", "generate", "keys/lab.pem")
    ran = _report(tmp, db, "--key", "keys/lab.pem", "--role", "rso", out="lab", code=2)
    assert "not in the keyring" in ran.stderr, ran.stderr
    # the lab edits the document and signs a manifest of the edited bytes itself
    import hashlib

    from casegate.sign import load_signer

    md = tmp / "filed" / f"{STEM}.md"
    md.write_text(md.read_text().replace("gap", "note"))
    genuine = json.loads((tmp / "filed" / f"{STEM}.manifest.json").read_text())
    stmt = decode_payload(genuine)
    assert stmt is not None
    digest = hashlib.sha256(md.read_bytes()).hexdigest()
    stmt["predicate"]["files"]["md"]["sha256"] = digest
    stmt["subject"] = [s if s["name"] != f"{STEM}.md" else {"name": s["name"], "digest": {"sha256": digest}}
                       for s in stmt["subject"]]
    lab = load_signer(str(tmp / "keys" / "lab.pem"))
    stmt["predicate"]["keyid"] = lab.public_key.keyid
    env = sign_statement(stmt, lab)
    (tmp / "filed" / "lab.manifest.json").write_text(json.dumps(env))
    with open_registry(db) as reg:
        reg.record(DOCUMENT_EVENT, CASE, {"version": 1, "regime": "ca-sb53", "document": "transparency-report",
                                          "files": {}, "payload_sha256": hashlib.sha256(canonical(stmt)).hexdigest(),
                                          "envelope": env})
    got = _verify(tmp, db, f"filed/{STEM}.md", manifest="filed/lab.manifest.json", code=1)
    assert any("which is not in the keyring" in r for r in got["reasons"]), got
    # a keyring of the lab's own, holding its key as Sam Whitfield's, is not the one the root pins
    own = tmp / "lab-keyring.yaml"
    shutil.copy2(tmp / "keyring.yaml", own)
    _cg(tmp, db, "keys", "add", str(own), "--public", "keys/lab.pem.pub", "--person", "Sam Whitfield",
        "--role", "rso", "--from", "2026-01-01", "--until", "2030-12-31", "--organisation", "Acme Labs", code=None)
    got = _verify(tmp, db, f"filed/{STEM}.md", manifest="filed/lab.manifest.json", code=1, keyring=str(own))
    assert any("is not pinned by the trust root" in r for r in got["reasons"]), got


def test_an_unsigned_manifest_is_not_verified(approved: tuple[Path, str]) -> None:  # noqa: F811
    tmp, db = approved
    ran = _report(tmp, db)
    assert "(unsigned: give --key and --role" in ran.stdout, ran.stdout
    got = _verify(tmp, db, *FILES, code=1)
    assert got["reasons"] and got["reasons"][0].startswith("the manifest is not signed"), got


def test_a_manifest_the_log_never_recorded_is_not_verified(approved: tuple[Path, str]) -> None:  # noqa: F811
    """Attack: the lab writes the document against another registry (or none), signed with its
    genuine key, and files it: the log the regulator checks holds no such document."""
    tmp, db = approved
    _cg(tmp, db, "report", "case/case.yaml", "--regime", "ca-sb53", "--document", "transparency-report",
        "--out", "filed", "--key", "keys/rso.pem", "--role", "rso", "--db", f"sqlite:///{tmp / 'other.db'}", code=None)
    got = _verify(tmp, db, *FILES, code=1)
    assert any("never recorded this document" in r for r in got["reasons"]), got


def test_without_a_registry_or_a_trust_root_nothing_verifies(filed: tuple[Path, str]) -> None:
    tmp, db = filed
    got = _verify(tmp, None, *FILES, code=1)
    assert any(r.startswith("no registry:") for r in got["reasons"]), got
    got = _verify(tmp, db, *FILES, code=1, trust=False)
    assert any(r.startswith("no trust root:") for r in got["reasons"]), got


def test_a_newer_document_of_the_same_version_replaces_the_older(filed: tuple[Path, str]) -> None:
    """The lab files the older of two documents of the same version (say, written before an
    incident the newer one reports): the registry holds the newer one for that version."""
    tmp, db = filed
    shutil.copytree(tmp / "filed", tmp / "old")
    _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso")
    got = _verify(tmp, db, f"old/{STEM}.md", manifest=f"old/{STEM}.manifest.json", code=1)
    assert any("a newer ca-sb53 transparency-report of the same version was recorded since" in r
               for r in got["reasons"]), got


def test_an_unreadable_manifest_is_a_clear_error(filed: tuple[Path, str]) -> None:
    tmp, db = filed
    (tmp / "bad.json").write_text("{not json")
    ran = _cg(tmp, db, "regime", "verify", *FILES, "--manifest", "bad.json", code=2)
    assert "is not JSON" in ran.stderr and "Traceback" not in ran.stderr, ran.stderr
    ran = _cg(tmp, db, "regime", "verify", "filed/missing.md", "--manifest", f"filed/{STEM}.manifest.json", code=2)
    assert "cannot read the document" in ran.stderr and "Traceback" not in ran.stderr, ran.stderr


def test_offline_a_state_proof_holding_the_document_verifies_and_one_without_it_does_not(
        approved: tuple[Path, str]) -> None:  # noqa: F811
    """Offline, the regulator checks the filed document against a state proof under the trust
    root: a proof made after the document was recorded holds it; one made before (the lab
    filing a document the log never saw) does not."""
    tmp, db = approved
    t = _trust(tmp)
    t.proof(db, CASE, tmp / "before.json")
    ran = _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso")
    assert "in the registry's log, entry" in ran.stdout, ran.stdout
    t.proof(db, CASE, tmp / "after.json")
    args = ["regime", "verify", *FILES, "--manifest", f"filed/{STEM}.manifest.json", "--trust-root", str(t.dir),
            "--json", "--state-proof"]
    got = json.loads(_cg(tmp, "", *args, "after.json", code=0).stdout)
    assert got["verified"], got["reasons"]
    got = json.loads(_cg(tmp, "", *args, "before.json", code=1).stdout)
    assert any("never recorded this document" in r for r in got["reasons"]), got


def test_a_manifest_in_a_role_the_key_does_not_hold_is_refused(approved: tuple[Path, str]) -> None:  # noqa: F811
    """Attack: the RSO's key signs the manifest as the safety lead: refused before anything is
    recorded (the manifest is checked against the keyring before it is written)."""
    tmp, db = approved
    ran = _report(tmp, db, "--key", "keys/rso.pem", "--role", "safety-lead", code=2)
    assert "does not verify" in ran.stderr and "claims role 'safety-lead'" in ran.stderr, ran.stderr
    from casegate.regime._manifest import DOCUMENT_EVENT

    with open_registry(db) as reg:
        assert reg.events(CASE, DOCUMENT_EVENT) == []


def test_key_and_role_without_regime_or_keyring_are_usage_errors(approved: tuple[Path, str]) -> None:  # noqa: F811
    tmp, db = approved
    ran = _cg(tmp, db, "report", "case/case.yaml", "--key", "keys/rso.pem", "--role", "rso", code=2)
    assert "need --regime" in ran.stderr, ran.stderr
    ran = _report(tmp, db, "--key", "keys/rso.pem", code=2)
    assert "--key and --role go together" in ran.stderr, ran.stderr


def test_a_document_of_an_approval_since_reopened_is_not_verified(filed: tuple[Path, str]) -> None:
    """Attack: an incident reopens the case after the document was written; the lab files the
    document, genuine and recorded, as if the approval still stood."""
    tmp, db = filed
    p = _cg(tmp, db, "incident", "report", "--case", CASE, "--date", "2026-11-26", "--deployer", "Acme API customer",
            "--developer", "Acme Labs", "--harmed", "Northfield Regional Hospital",
            "--description", "ransomware built with the tool", "--severity", "high", "--domain", "cyber")
    assert "-> reopened" in p.stdout, p.stdout
    got = _verify(tmp, db, *FILES, code=1)
    assert any(f"the registry says case {CASE} is reopened" in r for r in got["reasons"]), got
