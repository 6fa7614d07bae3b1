"""When the registry first saw an artifact: the first 'case-version' entry (of any case) that
stored its bytes or pinned its sha256 (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from casegate.load import load_case
from casegate.store import open_registry

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"


def test_the_first_entry_that_stored_or_pinned_the_bytes(tmp_path: Path, database_url: str) -> None:
    a = tmp_path / "a"
    shutil.copytree(EXAMPLE, a)
    b = tmp_path / "b"
    shutil.copytree(EXAMPLE, b)
    (b / "case.yaml").write_text((b / "case.yaml").read_text().replace("id: atlas-2-api\n", "id: orion-api\n", 1))
    report = (a / "reports" / "weights-audit.md").read_bytes()
    kyc = hashlib.sha256(report).hexdigest()
    ctf = hashlib.sha256((a / "evals" / "cyber-ctf.json").read_bytes()).hexdigest()
    # case a is submitted without the report's file: its pin is all the registry sees of it
    (a / "reports" / "weights-audit.md").unlink()
    with open_registry(database_url) as reg:
        first = reg.submit_case(load_case(a / "case.yaml"))
        other = reg.submit_case(load_case(b / "case.yaml"))
        got = reg.first_stored([kyc, ctf, "0" * 64])
        assert got == {kyc: (first.log_index, first.submitted_at), ctf: (first.log_index, first.submitted_at)}
        assert other.log_index > first.log_index
        assert reg.first_stored([]) == {}
