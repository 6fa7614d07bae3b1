"""A summary of an old version published again as the case's summary. The board's public page
showed the latest publication logged, of whichever version, and did not say which version it
was: after the approved version's summary, the lab publishes an older version's files again and
the page shows that summary as the decision that was made. The page now shows the newest
version's summary and says which version it is of, and which version the registry approved."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from casegate.store import open_registry

from .conftest import EXAMPLE, BoardFixture, approve, cli


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)))


def test_an_older_versions_summary_published_later_does_not_stand_for_the_case(board: BoardFixture,
                                                                             tmp_path: Path) -> None:
    approve(board)  # version 2 approved with conditions
    r = cli("publish", "case.yaml", "--keyring", "keys/keyring.yaml", "--unpinned", "--db", board.database_url,
            cwd=board.case_dir)
    assert r.returncode == 0, r.stderr
    page = _text(board.client.get(f"/public/cases/{board.case_id}").text)
    assert "The published summary is of version 2 (of 2 submitted)." in page
    assert "GO WITH CONDITIONS" in page
    # the move: version 1's files (unsigned: NO-GO) published again, after version 2's summary
    old = tmp_path / "v1"
    shutil.copytree(EXAMPLE, old)
    for k in (old / "keys").glob("*.key"):
        k.chmod(0o600)
    r = cli("publish", "case.yaml", "--keyring", "keys/keyring.yaml", "--unpinned", "--db", board.database_url,
            "--out", str(tmp_path / "out-v1"), cwd=old)
    assert r.returncode == 0, r.stderr
    reg = open_registry(board.database_url)
    logged = [e.payload.get("version") for e in reg.events(board.case_id, "publication")]
    reg.close()
    assert logged == [2, 1]  # the registry recorded both; the latest is version 1's
    page = _text(board.client.get(f"/public/cases/{board.case_id}").text)
    assert "The published summary is of version 2 (of 2 submitted)." in page
    m = re.search(r'id="outcome">([^<]*)<', board.client.get(f"/public/cases/{board.case_id}").text)
    assert m is not None and m.group(1) == "GO WITH CONDITIONS"
    assert "The version the registry approved" not in page


def test_a_summary_of_a_version_other_than_the_approved_one_says_so(board: BoardFixture) -> None:
    """Version 1's summary (NO-GO) is the only one; version 2 is the approved one: the page says
    the summary is not of the version a deploy gets."""
    r = cli("publish", "case.yaml", "--keyring", "keys/keyring.yaml", "--unpinned", "--db", board.database_url,
            cwd=board.case_dir)
    assert r.returncode == 0, r.stderr
    approve(board)  # version 2, not published
    page = _text(board.client.get(f"/public/cases/{board.case_id}").text)
    assert "The published summary is of version 1 (of 2 submitted)." in page
    assert ("The version the registry approved, the one a deploy gets, is version 2, whose summary is not "
            "published.") in page
