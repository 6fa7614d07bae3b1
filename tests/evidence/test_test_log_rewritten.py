"""A red team's or safeguard test's bypasses are read from its log as an evaluation's successes are:
the lab rewrites the log of a recorded test (fewer bypasses), keeps its id and date and pins the new
digest. Against the recorded version the test is rewritten (CG327), as a run's log is; a re-run
recorded as new evidence is not, nor is a document whose content the gate does not read."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

from casegate.gate import run_gate

from .atlas_copy import edit, signed

TODAY = dt.date(2026, 11, 27)
REFUSAL = "reports/refusal-test.json"
REFUSAL_SHA = "40f80089a22d8c6b42ee5c67c27f7fe12282d2cc3217bc8e6e3f8f9c710022db"


def _recorded(atlas: Path) -> Path:
    prev = atlas.parent / "prev"
    shutil.copytree(atlas, prev)
    return prev


def _fewer_bypasses(atlas: Path) -> str:
    """The refusal test's log with every bypass scored 0; its new sha256 pinned. Returns the digest."""
    log = atlas / REFUSAL
    doc = json.loads(log.read_text())
    doc["samples"] = [{**x, "score": 0} for x in doc["samples"]]
    log.write_text(json.dumps(doc))
    sha = hashlib.sha256(log.read_bytes()).hexdigest()
    edit(atlas / "evidence.yaml", REFUSAL_SHA, sha)
    return sha


def _cg327(atlas: Path, prev: Path) -> list[str]:
    report = run_gate(signed(atlas), today=TODAY, previous=signed(prev))
    return [f.message for f in report.findings if f.code == "CG327"]


def test_a_safeguard_tests_log_rewritten_under_its_id_and_date(atlas: Path) -> None:
    prev = _recorded(atlas)
    sha = _fewer_bypasses(atlas)
    assert _cg327(atlas, prev) == [
        f"`E-refusal` reads its test from other bytes than the --previous version did, for a test of the same day "
        f"(2026-10-25): {REFUSAL} ({REFUSAL_SHA[:12]}... -> {sha[:12]}...): the test's log was rewritten"]


def test_relabelled_as_an_audit_it_is_still_the_tests_log(atlas: Path) -> None:
    prev = _recorded(atlas)
    _fewer_bypasses(atlas)
    edit(atlas / "evidence.yaml", "  E-refusal:\n    kind: safeguard-test", "  E-refusal:\n    kind: security-audit")
    assert len(_cg327(atlas, prev)) == 1


def test_a_re_run_recorded_as_new_evidence_is_not_a_rewrite(atlas: Path) -> None:
    prev = _recorded(atlas)
    shutil.copyfile(atlas / REFUSAL, atlas / "reports" / "refusal-rerun.json")
    sha = hashlib.sha256((atlas / "reports" / "refusal-rerun.json").read_bytes()).hexdigest()
    edit(atlas / "evidence.yaml", "  E-refusal:\n", "  E-refusal-rerun:\n    kind: safeguard-test\n"
         f"    artifact: reports/refusal-rerun.json\n    sha256: {sha}\n    producer: acme-safeguards\n"
         "    date: 2026-11-20\n  E-refusal:\n")
    assert _cg327(atlas, prev) == []


def test_an_audit_document_the_gate_does_not_read_is_not_compared(atlas: Path) -> None:
    prev = _recorded(atlas)
    text = (atlas / "evidence.yaml").read_text()
    start = text.index("  E-weights-audit:")
    block = text[start:text.index("\n  E-", start + 1)]
    art = block.split("artifact: ")[1].split("\n")[0]
    old = block.split("sha256: ")[1].split("\n")[0]
    (atlas / art).write_text((atlas / art).read_text() + "\nA typo corrected.\n")
    edit(atlas / "evidence.yaml", old, hashlib.sha256((atlas / art).read_bytes()).hexdigest())
    assert _cg327(atlas, prev) == []
