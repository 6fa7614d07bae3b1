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


def test_the_public_diff_withholds_conditions_citing_confidential_evidence(board: BoardFixture) -> None:
    """The approved decision's conditions quote the evidence they rest on (E-cyber-ctf is
    internal): reviewers see them in the diff, the public page withholds them as the published
    summary does."""
    import re

    from .conftest import cli

    approve(board)
    arg = board.case_dir / "argument.yaml"
    arg.write_text(arg.read_text().replace(
        "claim: Atlas-2's cyber capability is below the Cyber High threshold under full elicitation.",
        "claim: Atlas-2's cyber capability is probably below the Cyber High threshold."))
    reg = open_registry(board.database_url)
    reg.submit_case(load_case(board.case_dir / "case.yaml"))
    reg.close()
    r = cli("publish", "case.yaml", "--keyring", "keys/keyring.yaml", "--unpinned", "--db", board.database_url, cwd=board.case_dir)
    assert r.returncode == 0, r.stderr

    def diff_rows(html: str) -> str:
        m = re.search(r'<table id="diff">(.*?)</table>', html, re.S)
        assert m is not None
        return m.group(1)

    inside = diff_rows(board.client.get(f"/cases/{board.case_id}", headers=board.auth("rso")).text)
    assert "E-cyber-ctf" in inside and "upper bound" in inside
    public = diff_rows(board.client.get(f"/public/cases/{board.case_id}").text)
    assert "Conditions" in public and "content withheld (internal)" in public
    assert "E-cyber-ctf" not in public and "upper bound" not in public
    r = cli("diff", f"{board.case_id}@2", f"{board.case_id}@3", "--public", "--db", board.database_url,
            cwd=board.case_dir)
    assert r.returncode in (0, 1), r.stderr
    assert "upper bound" not in r.stdout and "E-cyber-ctf" not in r.stdout
