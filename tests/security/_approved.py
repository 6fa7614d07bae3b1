"""An approved world for the hostile-input tests: the example signed off by its three roles and
an author, decided, submitted with its model and approved; its SB 53 transparency report written
with the RSO's key and recorded in the log; an objection the safety lead signed, the RSO's
answer to it and a waiver the RSO signed; a trust root
pinning its keyring and policy. Each example works on a copy (`copy`)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.monitor.test_cli import ORGS, ROLES, ROOT, _cg
from tests.verify.trusted import make_trust

STEM = "ca-sb53.transparency-report"
MANIFEST = f"filed/{STEM}.manifest.json"
DOCS = (f"filed/{STEM}.md", f"filed/{STEM}.html")
CASE_ID = "atlas-2-api"


class World:
    """The example signed off, decided, submitted and approved; its SB 53 transparency report
    written with the RSO's key and recorded; a trust root pinning its keyring and policy."""

    def __init__(self, base: Path) -> None:
        self.base = base
        tmp = base / "w"
        tmp.mkdir()
        shutil.copytree(ROOT / "examples" / "atlas-api", tmp / "case",
                        ignore=shutil.ignore_patterns("keys", "signoffs", "*.bundle.json"))
        self.db = db = f"sqlite:///{tmp / 'reg.db'}"
        for role, person in ROLES.items():
            _cg(tmp, db, "keys", "generate", f"keys/{role}.pem")
            _cg(tmp, db, "keys", "add", "keyring.yaml", "--public", f"keys/{role}.pem.pub", "--person", person,
                "--role", role, "--from", "2026-01-01", "--until", "2030-12-31", "--organisation", ORGS[role])
            _cg(tmp, db, "sign", "case/case.yaml", "--role", role, "--key", f"keys/{role}.pem")
        from tests._evaluators import add_example_evaluators

        _cg(tmp, db, "keys", "generate", "keys/author.pem")
        _cg(tmp, db, "keys", "add", "keyring.yaml", "--public", "keys/author.pem.pub", "--person", "Mira Chen",
            "--role", "author", "--from", "2026-01-01", "--until", "2030-12-31")
        add_example_evaluators(tmp / "keyring.yaml")
        _cg(tmp, db, "authors", "sign", "case/case.yaml", "--role", "author", "--key", "keys/author.pem")
        _cg(tmp, db, "decide", "case/case.yaml", "--key", "keys/rso.pem", "--role", "rso")
        _cg(tmp, db, "registry", "submit", "case/case.yaml", "--model", "case/model")
        _cg(tmp, db, "state", "set", "atlas-2-api", "under-review", "--by", "acme-safety-team")
        _cg(tmp, db, "state", "apply", "--unpinned", "atlas-2-api", "--decision", "case/decision.bundle.json")
        self.trust = make_trust(base / "root", policy=tmp / "case" / "policy.yaml", keyring=tmp / "keyring.yaml")
        ran = _cg(tmp, db, "report", "case/case.yaml", "--regime", "ca-sb53", "--document", "transparency-report",
                  "--out", "filed", "--db", db, "--key", "keys/rso.pem", "--role", "rso", code=None)
        assert ran.returncode in (0, 1) and "in the registry's log, entry" in ran.stdout, ran
        _cg(tmp, db, "object", "case/case.yaml", "--role", "safety-lead", "--key", "keys/safety-lead.pem",
            "--reason", "the CTF suite is stale")
        _cg(tmp, db, "answer", "case/case.yaml", "O-2", "--role", "rso", "--key", "keys/rso.pem",
            "--text", "the suite was refreshed")
        _cg(tmp, db, "waive", "case/case.yaml", "CG705", "--role", "rso", "--key", "keys/rso.pem",
            "--reason", "re-evaluation booked", "--until", "2026-12-20")
        self.w = tmp

    def copy(self, into: Path, *, case: bool = False) -> Path:
        """The filed folder, the keyring, the keys and the registry (and, with `case`, the case's
        folder), copied: each example works on its own."""
        if into.exists():
            shutil.rmtree(into)
        into.mkdir(parents=True)
        shutil.copytree(self.w / "filed", into / "filed")
        shutil.copytree(self.w / "keys", into / "keys")
        if case:
            shutil.copytree(self.w / "case", into / "case")
        shutil.copy(self.w / "keyring.yaml", into / "keyring.yaml")
        shutil.copy(self.w / "reg.db", into / "reg.db")
        return into

    def verify(self, where: Path, *docs: str) -> tuple[int, str]:
        db = f"sqlite:///{where / 'reg.db'}"
        ran = _cg(where, db, "regime", "verify", *(docs or DOCS), "--manifest", MANIFEST, "--trust-root",
                  str(self.trust.dir), "--db", db, code=None)
        return ran.returncode, ran.stdout + ran.stderr




def registry_dump(where: Path) -> list[str]:
    """Every row of the SQLite registry at `where / "reg.db"`, as SQL: equal before and after a
    refused write when nothing was recorded."""
    con = sqlite3.connect(where / "reg.db")
    try:
        return list(con.iterdump())
    finally:
        con.close()
