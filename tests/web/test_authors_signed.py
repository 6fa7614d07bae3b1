"""Who counts as an author on the board comes from signed authors lists only, and for dissent
from the version the case stands on: a later version cannot silence a reviewer by naming them
among its authors, in its YAML or in a list it signs."""

from __future__ import annotations

import pytest

from casegate.load import load_case
from casegate.store import open_registry

from .conftest import BoardFixture, approve, cli, objection_env

CASE = "atlas-2-api"


def _submit(board: BoardFixture) -> None:
    reg = open_registry(board.database_url)
    reg.submit_case(load_case(board.case_dir / "case.yaml"))
    reg.close()


def _object(board: BoardFixture) -> int:
    env = objection_env(board, "Priya Natarajan", "external-evaluator", "The CTF suite under-samples web exploitation.")
    r = board.client.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": env}, headers=board.auth("external"))
    return r.status_code


def test_an_unsigned_authors_line_bars_nobody(board: BoardFixture) -> None:
    case = board.case_dir / "case.yaml"
    case.write_text(case.read_text().replace("authors: [Mira Chen, Tom Okafor]",
                                             "authors: [Mira Chen, Tom Okafor, Priya Natarajan]"))
    _submit(board)  # nothing approved: the latest version is the one dissent is judged against
    assert _object(board) == 201


@pytest.mark.parametrize("signed", [False, True])
def test_a_later_version_cannot_name_an_objector_an_author(board: BoardFixture, signed: bool) -> None:
    approve(board)
    case = board.case_dir / "case.yaml"
    case.write_text(case.read_text().replace("authors: [Mira Chen, Tom Okafor]",
                                             "authors: [Mira Chen, Tom Okafor, Priya Natarajan]"))
    if signed:  # the author signs a list naming the objector, in the new version only
        r = cli("authors", "sign", "case.yaml", "--role", "author", "--key", "keys/mira-chen.key", "--keyring",
                "keys/keyring.yaml", cwd=board.case_dir)
        assert r.returncode == 0, r.stderr
    _submit(board)
    assert _object(board) == 201


def test_a_signed_author_of_the_standing_version_may_not_object(board: BoardFixture) -> None:
    case = board.case_dir / "case.yaml"
    case.write_text(case.read_text().replace("authors: [Mira Chen, Tom Okafor]",
                                             "authors: [Mira Chen, Tom Okafor, Priya Natarajan]"))
    r = cli("authors", "sign", "case.yaml", "--role", "author", "--key", "keys/mira-chen.key", "--keyring",
            "keys/keyring.yaml", cwd=board.case_dir)
    assert r.returncode == 0, r.stderr
    _submit(board)
    assert _object(board) == 403
