"""The board's case page shows what changed since the last approved version."""

from __future__ import annotations

from casegate.load import load_case
from casegate.store import open_registry

from .conftest import BoardFixture, approve


def test_case_page_shows_the_diff_against_the_last_approved_version(board: BoardFixture) -> None:
    page = board.client.get(f"/cases/{board.case_id}", headers=board.auth("rso"))
    assert page.status_code == 200 and 'id="diff"' not in page.text  # nothing approved yet
    approve(board)
    arg = board.case_dir / "argument.yaml"
    arg.write_text(arg.read_text().replace(
        "claim: Atlas-2's cyber capability is below the Cyber High threshold under full elicitation.",
        "claim: Atlas-2's cyber capability is probably below the Cyber High threshold."))
    reg = open_registry(board.database_url)
    reg.submit_case(load_case(board.case_dir / "case.yaml"))
    reg.close()
    page = board.client.get(f"/cases/{board.case_id}", headers=board.auth("rso"))
    assert page.status_code == 200
    assert "What changed since the last approved version" in page.text
    assert "atlas-2-api@2" in page.text and "atlas-2-api@3" in page.text
    assert "reworded" in page.text and "probably below the Cyber High threshold" in page.text
