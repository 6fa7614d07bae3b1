"""The board's page of the full published summary drew the argument with no finding marked: the
summary's own diagram (`casegate publish`'s summary.svg) outlines D1 and D2, the sandbagging
defeaters the case calls answered, in red with a CG805 badge, and the board's redrawing of it
showed them plain. It now marks the findings the summary places on the elements it shows."""

from __future__ import annotations

import re

from .conftest import BoardFixture
from .test_public_page_as_summary import _publish_unattested


def test_the_boards_diagram_marks_the_findings_the_summary_places(board: BoardFixture) -> None:
    s = _publish_unattested(board)
    placed = {f["element"] for f in s["decision"]["findings"]
              if f["code"] == "CG805" and not f["waived"] and f["element"]}
    assert placed == {"/argument/elements/D1/answered_by", "/argument/elements/D2/answered_by"}
    page = board.client.get(f"/public/cases/{board.case_id}/summary")
    assert page.status_code == 200
    badges = re.findall(r'<g class="badge (\w+)">.*?<text[^>]*>([^<]*)</text>', page.text, re.S)
    assert [b for b in badges if b[1].startswith("CG805")] == [("blocking", "CG805")] * 2, badges
