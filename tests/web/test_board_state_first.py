"""The lab writes the case's title to push what a deploy pipeline gets now off the board's first
screen, or out of the window sideways: hundreds of words ("GO verified deployable ..."), or one
5,000-letter word. The board's case pages show the state first, above the lab's title, wrap a
long word inside the page, and start the page's title with the state."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .browser import chromium, serve
from .conftest import BoardFixture, build_board

pytestmark = pytest.mark.browser

TITLE = "title: Atlas-2 general API release with code execution"
MOVES = {
    "many-words": 'title: "' + " ".join(["GO verified deployable"] * 300) + '"',
    "long-word": 'title: "GO ' + "A" * 5000 + '"',
    "control": TITLE,
}
VIEW = {"width": 1280, "height": 800}
_BOX_JS = """s => { const r = document.querySelector(s).getBoundingClientRect();
                    return [r.left, r.top, r.right, r.bottom]; }"""


def _edit(move: str) -> Callable[[Path], None]:
    def edit(case_dir: Path) -> None:
        path = case_dir / "case.yaml"
        text = path.read_text(encoding="utf-8")
        assert text.count(TITLE) == 1
        path.write_text(text.replace(TITLE, MOVES[move]), encoding="utf-8")
    return edit


@pytest.mark.parametrize("move", list(MOVES))
def test_the_state_comes_first_on_the_board(tmp_path: Path, database_url: str, move: str) -> None:
    board: BoardFixture = build_board(tmp_path, database_url, _edit(move))
    with serve(board.client.app) as base, chromium() as page:
        page.set_viewport_size(VIEW)
        page.goto(f"{base}/login?next=/cases/{board.case_id}")
        page.fill("#token", board.tokens["safety-lead"])
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/cases/{board.case_id}")
        assert page.inner_text("#state-label") in ("NOT DEPLOYABLE", "NOT VERIFIED")
        assert page.title().startswith(page.inner_text("#state-label").split(" (")[0] + " · ")
        for sel in ("#state .now-kicker", "#state-label"):
            left, top, right, bottom = page.evaluate(_BOX_JS, sel)
            assert 0 <= left and right <= VIEW["width"] and 0 <= top and bottom <= VIEW["height"], (sel, top, right)
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEW["width"]
