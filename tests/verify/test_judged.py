"""`verify` holds an approval to the judgement the registry logged beside the decision: judged
with another keyring than the one the decision was made with, it does not verify."""

from __future__ import annotations

from pathlib import Path

from tests.verify.trusted import DEMO_EXIT
from tests.web.conftest import NOT_JUDGED, approve, build_board, verify


def test_an_approval_judged_with_another_keyring_does_not_verify(tmp_path: Path, database_url: str) -> None:
    b = build_board(tmp_path, database_url)
    bundle = approve(b, judgement={"keyring": "sha256:" + "1" * 64, "at": "2026-12-01T00:00:00Z",
                                   "outcome": "GO WITH CONDITIONS"})
    r = verify(b, bundle)
    said = r.stdout + r.stderr
    assert r.returncode == 1, said
    assert "judged the approving decision" in said and "not the keyring" in said


def test_an_approval_judged_with_the_decisions_keyring_verifies(tmp_path: Path, database_url: str) -> None:
    from casegate.sign import load_keyring

    b = build_board(tmp_path, database_url)
    fp = load_keyring(b.case_dir / "keys" / "keyring.yaml").fingerprint()
    bundle = approve(b, judgement={"keyring": fp, "at": "2026-12-01T00:00:00Z", "outcome": "GO WITH CONDITIONS"})
    r = verify(b, bundle)
    assert r.returncode == DEMO_EXIT, r.stdout + r.stderr


def test_an_approval_logged_without_the_registrys_judgement_does_not_verify(tmp_path: Path,
                                                                            database_url: str) -> None:
    """Reason: an approval logged by code that wrote to the registry directly (no gate run of the
    registry's own) rests on the lab's decider alone; it used to verify with a note."""
    b = build_board(tmp_path, database_url)
    bundle = approve(b, judgement=NOT_JUDGED)
    r = verify(b, bundle)
    said = r.stdout + r.stderr
    assert r.returncode == 1, said
    assert "the registry logged no judgement of its own with the approving decision" in said
