"""A GO WITH CONDITIONS whose condition is past its due date, with nothing showing it met, read as
current on the board's public page: the published summary says "due 2026-11-25" and nothing
more, months later. The page now says, from the registry's log, which condition is overdue and
which was met (and when), and so does a summary published after the date."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from casegate.monitor import condition_statuses
from casegate.sign import load_keyring
from casegate.store import open_registry

from .conftest import KEYRING, BoardFixture, approve, build_board, cli


def _due_in_five_days(case_dir: Path) -> None:
    """The policy's conditions fall due five days after the version's date (2026-11-20)."""
    policy = case_dir / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert "\nconditions:" not in text
    policy.write_text(text + "\nconditions:\n  due_days: 5\n", encoding="utf-8")


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)))


def _conditions(page: str) -> str:
    m = re.search(r'<ul id="conditions">(.*?)</ul>', page, re.S)
    assert m is not None, page[:2000]
    return m.group(1)


@pytest.mark.browser
def test_an_overdue_condition_is_marked_on_the_public_page(tmp_path: Path, database_url: str) -> None:
    board: BoardFixture = build_board(tmp_path, database_url, _due_in_five_days)
    approve(board)  # approved with conditions, C1 due 2026-11-25
    r = cli("publish", "case.yaml", "--keyring", "keys/keyring.yaml", "--unpinned", "--db", board.database_url,
            cwd=board.case_dir)
    assert r.returncode == 0, r.stderr
    reg = open_registry(board.database_url)
    statuses = condition_statuses(reg, board.case_id, keyring=load_keyring(KEYRING))
    reg.close()
    assert statuses and all(not s.met and s.due is not None and s.due.isoformat() == "2026-11-25" for s in statuses)
    page = board.client.get(f"/public/cases/{board.case_id}")
    assert page.status_code == 200
    rows = _conditions(page.text)
    for s in statuses:
        assert f"<strong>{s.id}</strong>" in rows
    shown = _text(rows)
    # the move: nobody confirms the condition; its due date passes. The page says so, beside the date
    assert shown.count("OVERDUE: due 2026-11-25, and nothing the registry logs shows it met") == len(statuses)
    assert rows.count('data-status="overdue"') == len(statuses)
    assert 'class="condition-mark sev-blocking"' in rows
    # the summary published after the date says it too (JSON, and the summary page the board serves)
    reg = open_registry(board.database_url)
    published = [e.payload["summary"] for e in reg.events(board.case_id, "publication")][-1]
    reg.close()
    conditions = published["decision"]["conditions"]
    assert conditions and all(c["standing"].startswith("overdue: due 2026-11-25, and nothing the registry logs "
                                                       "shows it met") for c in conditions)
    summary_page = _text(board.client.get(f"/public/cases/{board.case_id}/summary").text)
    assert summary_page.count("overdue: due 2026-11-25") == len(conditions)
    # and its lead in plain words, on the public page too
    lead = "past due with nothing in the registry's log showing"
    assert lead in _text(board.client.get(f"/public/cases/{board.case_id}").text)
    # in a real browser: the mark is shown, in the no-go colour, on the condition's own line
    from .browser import chromium, serve

    with serve(board.client.app) as base, chromium() as page:
        page.goto(f"{base}/public/cases/{board.case_id}")
        marks = page.locator('#conditions [data-status="overdue"]')
        assert marks.count() == len(statuses)
        for i in range(marks.count()):
            mark = marks.nth(i)
            assert mark.is_visible()
            line = mark.evaluate("m => m.closest('li').innerText")
            assert "OVERDUE: due 2026-11-25" in line and "due 2026-11-25)" in line
            colour = mark.evaluate("m => getComputedStyle(m).color")
            nogo = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--nogo').trim()")
            probe = page.evaluate("c => { const e = document.createElement('span'); e.style.color = c; "
                                  "document.body.appendChild(e); const got = getComputedStyle(e).color; e.remove(); "
                                  "return got; }", nogo)
            assert colour == probe, (colour, nogo)


def test_a_condition_not_yet_due_is_not_marked(board: BoardFixture) -> None:
    approve(board)  # C1 due 2027-02-18 (90 days after the version's date)
    r = cli("publish", "case.yaml", "--keyring", "keys/keyring.yaml", "--unpinned", "--db", board.database_url,
            cwd=board.case_dir)
    assert r.returncode == 0, r.stderr
    rows = _conditions(board.client.get(f"/public/cases/{board.case_id}").text)
    assert "due 2027-02-18" in rows
    assert "OVERDUE" not in rows and "condition-mark" not in rows
    reg = open_registry(board.database_url)
    published = [e.payload["summary"] for e in reg.events(board.case_id, "publication")][-1]
    reg.close()
    assert published["decision"]["conditions"]
    assert all("standing" not in c for c in published["decision"]["conditions"])
