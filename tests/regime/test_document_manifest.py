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
from tests.verify.trusted import DEMO_EXIT, DEMONSTRATION, Trust, make_trust

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


def demo_verified(got: dict[str, Any]) -> bool:
    """The answer a sound document gets on the tests' keyrings, which hold casegate's published
    example keys: not verified for those keys alone, everything else verified."""
    return (not got["verified"] and got["demonstration"] and len(got["reasons"]) == 1
            and got["reasons"][0].startswith(DEMONSTRATION))


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
    got = _verify(tmp, db, *FILES, code=DEMO_EXIT)
    assert demo_verified(got) and got["case"] == CASE and got["signer"] == "Sam Whitfield", got
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


def test_offline_a_state_proof_holding_the_document_is_checked_but_not_verified(
        approved: tuple[Path, str]) -> None:  # noqa: F811
    """Offline, the regulator checks the filed document against a state proof under the trust
    root: a proof made after the document was recorded holds it, but not the case version's
    stored files, so the content is checked against the signer's manifest only: not verified
    (fail closed), with that one reason; a proof made before (the lab filing a document the log
    never saw) does not even hold it."""
    tmp, db = approved
    t = _trust(tmp)
    t.proof(db, CASE, tmp / "before.json")
    ran = _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso")
    assert "in the registry's log, entry" in ran.stdout, ran.stdout
    t.proof(db, CASE, tmp / "after.json")
    args = ["regime", "verify", *FILES, "--manifest", f"filed/{STEM}.manifest.json", "--trust-root", str(t.dir),
            "--json", "--state-proof"]
    got = json.loads(_cg(tmp, "", *args, "after.json", code=1).stdout)
    # the proof holds the document's entry, but not the stored files to write it again: whether the
    # signer edited the bytes and signed a new manifest cannot be established offline
    assert got["log_entry"] is not None and len(got["reasons"]) == 2 and not got["demonstration"], got
    assert got["reasons"][0].startswith("content not re-derived: checked against the signer's manifest only"), got
    assert got["reasons"][1].startswith(DEMONSTRATION), got  # the tests' keyrings hold published keys
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


# --------------------------------------------------------------------------- the content itself


def _resign_edited(tmp: Path, db: str, edit: Any, *, generated: str | None = None) -> None:
    """The lab's move: edit the filed Markdown, sign a NEW manifest over the edited bytes with its
    genuine keyring key (the RSO's), write it over the filed one and record it in the log itself,
    as `report --regime ... --db` would."""
    import datetime as dt

    from casegate.regime._manifest import record_document, sign_manifest
    from casegate.sign import decode_payload, iso, load_keyring, load_signer, now_utc

    md = tmp / "filed" / f"{STEM}.md"
    md.write_text(edit(md.read_text()))
    mpath = tmp / "filed" / f"{STEM}.manifest.json"
    stmt = decode_payload(json.loads(mpath.read_text()))
    assert stmt is not None
    import hashlib

    digest = hashlib.sha256(md.read_bytes()).hexdigest()
    stmt["predicate"]["files"]["md"]["sha256"] = digest
    stmt["subject"] = [s if s["name"] != f"{STEM}.md" else {"name": s["name"], "digest": {"sha256": digest}}
                       for s in stmt["subject"]]
    now = now_utc() + dt.timedelta(seconds=1)
    stmt["predicate"]["signed_at"] = iso(now)
    if generated is not None:
        stmt["predicate"]["generated"] = generated
    env = sign_manifest(stmt, load_signer(str(tmp / "keys" / "rso.pem")), load_keyring(tmp / "keyring.yaml"), now)
    mpath.write_text(json.dumps(env))
    from casegate.regime._manifest import Stored

    reg_p = stmt["predicate"]["registry"]
    with open_registry(db) as reg:
        record_document(reg, CASE, Stored(reg_p["version"], reg_p["digest"], reg_p["approved"]), stmt, env)


def test_the_document_as_written_is_written_again_byte_for_byte(filed: tuple[Path, str]) -> None:
    tmp, db = filed
    got = _verify(tmp, db, *FILES, code=DEMO_EXIT)
    for name in (f"{STEM}.md", f"{STEM}.html"):
        assert any(n.startswith(f"{name}: written again from stored version 1") and n.endswith("the same bytes")
                   for n in got["notes"]), got


def test_an_edited_document_under_a_new_genuinely_signed_and_logged_manifest_is_not_verified(
        filed: tuple[Path, str]) -> None:
    """Attack: the lab holds a genuine keyring key (the RSO's). It deletes a gap line from the
    filed Markdown, signs a new manifest over the edited bytes and records it in the log itself:
    the signature, the log entry and the newest-document check all pass; the content does not,
    because casegate writes the document again from the stored version and compares."""
    tmp, db = filed
    lines = (tmp / "filed" / f"{STEM}.md").read_text().splitlines(keepends=True)
    gap = next(i for i, line in enumerate(lines) if "gap" in line.lower() and i > 3)
    removed = lines[gap]
    _resign_edited(tmp, db, lambda text: text.replace(removed, "", 1))
    got = _verify(tmp, db, *FILES, code=1)
    assert not got["verified"] and got["signer"] == "Sam Whitfield" and got["log_entry"] is not None, got
    reason = next((r for r in got["reasons"] if r.startswith(f"{STEM}.md: the manifest signs bytes casegate does "
                                                               "not write")), None)
    assert reason is not None, got
    assert f"first difference at line {gap + 1}:" in reason and "edited and a new manifest signed" in reason, reason
    # the untouched HTML is still what casegate writes
    assert any(n.startswith(f"{STEM}.html: written again") for n in got["notes"]), got
    # a softened finding: one word changed, the same check
    _resign_edited(tmp, db, lambda text: text.replace("not", "now", 1))
    got = _verify(tmp, db, f"filed/{STEM}.md", code=1)
    assert any("first difference at line" in r for r in got["reasons"]), got
    # filing only the untouched HTML under the edited manifest does not help: the manifest's Markdown is checked
    got = _verify(tmp, db, f"filed/{STEM}.html", code=1)
    assert any(r.startswith(f"{STEM}.md: the manifest signs bytes casegate does not write") and
               "file " + f"{STEM}.md to see the first differing line" in r for r in got["reasons"]), got


def test_the_document_is_written_again_as_the_log_stood_when_it_was_recorded(filed: tuple[Path, str]) -> None:
    """Entries recorded after the document (a newer version submitted) do not change what it is
    compared with: the registry's facts are read as the log stood before its entry. (The Model
    Report's "changes since the previous version" section is filled from the registry.)"""
    tmp, db = filed
    eu = "eu-gpai-cop-2025.model-report"
    _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso", regime="eu-gpai-cop-2025", document="model-report")
    md = (tmp / "filed" / f"{eu}.md").read_text()
    assert "first version of this case in the registry" in md, md
    case = tmp / "case" / "case.yaml"
    case.write_text(case.read_text().replace("\nversion: \"1.0\"", "\nversion: \"1.1\"", 1))
    _cg(tmp, db, "registry", "submit", "case/case.yaml")
    got = _verify(tmp, db, f"filed/{eu}.md", f"filed/{eu}.html", manifest=f"filed/{eu}.manifest.json", code=DEMO_EXIT)
    assert demo_verified(got), got


def test_a_document_decided_as_of_a_date_is_written_again_as_of_it(approved: tuple[Path, str]) -> None:  # noqa: F811
    tmp, db = approved
    ran = _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso", "--at", _today_utc())
    assert ran.returncode in (0, 1), ran.stderr
    from casegate.sign import decode_payload

    stmt = decode_payload(json.loads((tmp / "filed" / f"{STEM}.manifest.json").read_text()))
    assert stmt is not None and stmt["predicate"]["decided_as_of"] == _today_utc()
    got = _verify(tmp, db, *FILES, code=DEMO_EXIT)
    assert demo_verified(got), got


def test_a_pdf_is_written_again_from_the_html_and_an_edited_one_is_not_verified(approved: tuple[Path, str]) -> None:  # noqa: F811
    """Attack: the lab files the PDF, edited, under a new manifest its genuine key signs and it
    logs: the PDF casegate writes from the re-derived HTML is other bytes."""
    pytest.importorskip("weasyprint")
    tmp, db = approved
    ran = _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso", "--pdf")
    assert ran.returncode in (0, 1), ran.stderr
    pdf = f"filed/{STEM}.pdf"
    got = _verify(tmp, db, *FILES, pdf, code=DEMO_EXIT)
    assert any(n == f"{STEM}.pdf: written again from the re-derived HTML: the same bytes" for n in got["notes"]), got
    # the lab edits the PDF and signs a new manifest over it (the Markdown and HTML untouched)
    import datetime as dt
    import hashlib

    from casegate.regime._manifest import Stored, record_document, sign_manifest
    from casegate.sign import decode_payload, iso, load_keyring, load_signer, now_utc

    path = tmp / pdf
    path.write_bytes(path.read_bytes() + b"\n% edited\n")
    mpath = tmp / "filed" / f"{STEM}.manifest.json"
    stmt = decode_payload(json.loads(mpath.read_text()))
    assert stmt is not None
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    stmt["predicate"]["files"]["pdf"]["sha256"] = digest
    stmt["subject"] = [s if s["name"] != f"{STEM}.pdf" else {"name": s["name"], "digest": {"sha256": digest}}
                       for s in stmt["subject"]]
    now = now_utc() + dt.timedelta(seconds=1)
    stmt["predicate"]["signed_at"] = iso(now)
    env = sign_manifest(stmt, load_signer(str(tmp / "keys" / "rso.pem")), load_keyring(tmp / "keyring.yaml"), now)
    mpath.write_text(json.dumps(env))
    r = stmt["predicate"]["registry"]
    with open_registry(db) as reg:
        record_document(reg, CASE, Stored(r["version"], r["digest"], r["approved"]), stmt, env)
    got = _verify(tmp, db, pdf, code=1)
    assert any(r.startswith(f"{STEM}.pdf: written again from the re-derived HTML, its bytes differ")
               and "only the signer's word" in r for r in got["reasons"]), got


def test_salts_kept_outside_the_registry_leave_the_content_not_re_derived(approved: tuple[Path, str]) -> None:  # noqa: F811
    """The document withholds elements behind commitments whose salts the lab kept in a private
    salt store, not the registry: the verifier cannot write those lines again, so the content is
    not established (fail closed), and the reason says where the salts are missing."""
    tmp, db = approved
    ran = _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso", "--salt-store", "salts.json")
    assert ran.returncode in (0, 1), ran.stderr
    got = _verify(tmp, db, *FILES, code=1)
    assert any(r.startswith("content not re-derived: no salt is kept in") and "--salt-store" in r
               for r in got["reasons"]), got


def test_the_manifest_is_an_in_toto_statement_its_schema_describes(filed: tuple[Path, str]) -> None:
    """The signed manifest's payload is an in-toto Statement v1 whose predicate validates against
    schemas/predicates/regime-document-v1.schema.json, with the files it names as its subjects."""
    import base64

    import jsonschema

    from tests.sign.test_attest import validate_statement

    tmp, _db = filed
    env = json.loads((tmp / "filed" / f"{STEM}.manifest.json").read_text())
    stmt = validate_statement(base64.b64decode(env["payload"]))
    assert stmt["predicateType"] == "https://casegate.dev/regime-document/v1"
    root = Path(__file__).resolve().parents[2]
    schema = json.loads((root / "schemas" / "predicates" / "regime-document-v1.schema.json").read_text())
    jsonschema.validate(stmt["predicate"], schema, format_checker=jsonschema.FormatChecker())
    pred = stmt["predicate"]
    names = {s["name"]: s["digest"]["sha256"] for s in stmt["subject"]}
    for w in pred["files"].values():
        assert names[w["name"]] == w["sha256"]
    assert names[f"case:{CASE}@{pred['case_version']}"] == pred["case_digest"].removeprefix("sha256:")
    broken = dict(pred, files={"md": {"name": f"{STEM}.md", "sha256": "not-a-digest"}})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, format_checker=jsonschema.FormatChecker())


def test_published_example_keys_never_verify_a_filing_even_in_a_demonstration(
        filed: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: a filing pipeline with CASEGATE_DEMO_KEYS=1 set (copied from the README's first
    hour) runs `regime verify ... && file-it`; the manifest's keyring holds keys whose private
    halves casegate publishes. Exit 5, never 0, and the text names the demonstration; the same
    document under keys nobody published (the published list emptied) verifies, exit 0."""
    tmp, db = filed
    args = ["regime", "verify", *FILES, "--manifest", f"filed/{STEM}.manifest.json", "--db", db,
            "--trust-root", str(_trust(tmp).dir)]
    text = _cg(tmp, db, *args, code=DEMO_EXIT).stdout
    assert text.count("NOT VERIFIED: ") == 1 and DEMONSTRATION in text, text
    assert "everything else verified (DEMONSTRATION): ca-sb53 transparency-report" in text, text
    import casegate.verify._demo as demo

    monkeypatch.setattr(demo, "published", lambda _key: None)
    got = _verify(tmp, db, *FILES, code=0)
    assert got["verified"] and got["reasons"] == [] and not got["demonstration"], got


# --------------------------------------------------------------------------- the writer's dates and level


def _today_utc() -> str:
    import datetime as dt

    return dt.datetime.now(dt.UTC).date().isoformat()


def test_a_document_written_as_of_a_date_before_the_approval_is_not_verified(
        approved: tuple[Path, str]) -> None:  # noqa: F811
    """Attack: the lab writes the transparency report, signed with its genuine key and logged, as
    of a date before the approval it reports on (`report --at`), so the case reads as it did before
    what the approval knew (a key revoked since, a waiver or evidence past its date): the content is
    what casegate writes as of that date, but the date is the lab's choice, and it precedes the
    approval the log recorded."""
    tmp, db = approved
    ran = _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso", "--at", "2026-06-30")
    assert ran.returncode in (0, 1), ran.stderr
    got = _verify(tmp, db, *FILES, code=1)
    assert not got["verified"] and not got["demonstration"], got
    for name in ("decided_as_of", "generated"):
        assert any(r.startswith(f"the document was written as of 2026-06-30 (its {name}), before the approval it "
                                "reports on: the log recorded the approval") for r in got["reasons"]), got
    # the content itself is what casegate writes as of that date: only the date stands against it
    assert any(n.endswith("the same bytes") for n in got["notes"]), got


def test_a_forged_later_date_is_not_verified(filed: tuple[Path, str]) -> None:
    """Attack: the lab re-signs the genuine document's manifest with a `generated` date after the
    day the log recorded it (a document cannot be written as of a day after it was filed)."""
    tmp, db = filed
    _resign_edited(tmp, db, lambda text: text, generated="2031-01-01")
    got = _verify(tmp, db, *FILES, code=1)
    assert any(r.startswith("the document says it was written as of 2031-01-01 (its generated), after the log "
                            "recorded it") for r in got["reasons"]), got


def test_a_document_written_below_the_level_its_regime_asks_is_not_verified(
        approved: tuple[Path, str]) -> None:  # noqa: F811
    """Attack: the lab writes the Model Report (for the AI Office, `restricted`) at `--level
    public`, so every restricted and internal element is withheld behind a commitment, signs and
    logs it: the bytes are what casegate writes at that level, but the level is not the one the
    regime asks of the document."""
    tmp, db = approved
    eu = "eu-gpai-cop-2025.model-report"
    ran = _report(tmp, db, "--key", "keys/rso.pem", "--role", "rso", "--level", "public",
                  regime="eu-gpai-cop-2025", document="model-report")
    assert "note: written at level public, below the restricted" in ran.stdout, ran.stdout
    got = _verify(tmp, db, f"filed/{eu}.md", f"filed/{eu}.html", manifest=f"filed/{eu}.manifest.json", code=1)
    assert not got["demonstration"], got
    assert any(r.startswith("the document was written at level public, below the restricted eu-gpai-cop-2025 asks "
                            "of its model-report") for r in got["reasons"]), got
