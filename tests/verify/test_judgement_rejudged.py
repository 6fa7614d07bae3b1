"""`casegate log verify --rejudge KEYRING` runs the registry's approving judgements again on the
stored versions: the lab, holding the registry's database credentials, logs a GO WITH CONDITIONS
judgement of a version whose recorded bytes give NO-GO (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casegate.sign import iso
from casegate.store import open_registry, record_judgement
from tests._weights import submit_hashed
from tests.verify.trusted import CASE, approved_world, cli_in_process


def test_an_approving_judgement_no_gate_run_made_is_caught(tmp_path: Path, database_url: str) -> None:
    with open_registry(database_url) as reg:
        w, _bundle, _applied = approved_world(tmp_path / "w", reg)
    base = ["log", "verify", "--db", database_url, "--rejudge", str(w.ring_path)]
    rc, text = cli_in_process(tmp_path, *base)
    assert rc == 0 and "1 approving judgement run again on the stored versions" in text, text
    # version 2: the same case edited after the sign-offs, so none of them counts: the gate gives NO-GO
    w.case.write_text(w.case.read_text().replace("title: Atlas-2 general API release with code execution",
                                                  "title: Atlas-2 general API release, edited after review", 1))
    with open_registry(database_url) as reg:
        submit_hashed(reg, w.load())
        assert reg.case_versions(CASE)[-1].number == 2
        # the lab's own program logs the registry's "judgement" of it, through the library
        record_judgement(reg, CASE, version=2, outcome="GO WITH CONDITIONS", record_sha256="0" * 64,
                         judged={"keyring": w.ring.fingerprint(), "at": iso(dt.datetime.now(dt.UTC)),
                                 "trust_root": None}, found={})
    rc, text = cli_in_process(tmp_path, "log", "verify", "--db", database_url)
    assert rc == 0, text  # the log itself is intact: every entry was logged
    rc, text = cli_in_process(tmp_path, *base)
    assert rc == 1 and f"judgement of version 2 of {CASE}" in text and "gives NO-GO" in text, text
    assert "no gate run of the recorded version made it" in text
    # a judgement under a keyring the auditor does not pass cannot be run again: not verified
    other = tmp_path / "other.yaml"
    other.write_text(w.ring_path.read_text().replace(w.ring.name, w.ring.name + "-other", 1)
                     if w.ring.name else w.ring_path.read_text() + "\n# another\n")
    rc, text = cli_in_process(tmp_path, "log", "verify", "--db", database_url, "--rejudge", str(other))
    assert rc == 1 and "which no --rejudge keyring is" in text, text
