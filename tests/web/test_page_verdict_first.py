"""The lab writes the case's text to make the public summary and the decision report look, in a
real Chromium and in the report's PDF, as if the gate said something else: a title spelling "GΟ —
VERIFIED, DEPLOYABLE" with a Greek omicron, which became the browser tab's and the PDF's Title
while the gate said NO-GO; a title of hundreds of words, which pushed the decision box thousands
of pixels below the first screen; and a title holding one 5,000-letter word, which made the page
tens of thousands of pixels wide. The gate's decision and its count of blocking findings now
stand first on the page, above any text of the case's, the page's title starts with the gate's
outcome, and a long word wraps inside the page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .browser import chromium
from .conftest import EXAMPLE

pytestmark = pytest.mark.browser

TITLE = "title: Atlas-2 general API release with code execution"
MOVES = {
    "homoglyphs": 'title: "G\u039f \u2014 VERIFIED, DEPLOYABLE"',
    "many-words": 'title: "' + " ".join(["GO verified deployable"] * 300) + '"',
    "long-word": 'title: "GO ' + "A" * 5000 + '"',
    "links": ('title: "[https://registry.example/verified](javascript:alert(1)) '
              '<a href=\'data:text/html,GO\'>GO</a> https://evil.example/GO"'),
    "control": TITLE,
}
VIEW = {"width": 1280, "height": 800}

_BOX_JS = """s => { const r = document.querySelector(s).getBoundingClientRect();
                    return [r.left, r.top, r.right, r.bottom]; }"""


def _pages(tmp: Path, move: str) -> Path:
    case_dir = tmp / "case"
    shutil.copytree(EXAMPLE, case_dir)
    path = case_dir / "case.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(TITLE) == 1
    path.write_text(text.replace(TITLE, MOVES[move]), encoding="utf-8")
    out = tmp / "out"
    env = {**os.environ, "CASEGATE_DEMO_KEYS": "1"}
    for args in (["publish", "--no-record", "--keyring", str(case_dir / "keys" / "keyring.yaml")],
                 ["report", "--pdf"]):
        r = subprocess.run([sys.executable, "-m", "casegate", args[0], str(path), *args[1:],
                            "--salt-store", str(tmp / "case.salts"), "--out", str(out)],
                           capture_output=True, text=True, env=env)
        assert r.returncode == 0 and "NO-GO" in r.stdout, r.stdout + r.stderr
    return out


def _verdict_on_first_screen(page: Any) -> None:
    assert page.title().startswith("NO-GO (casegate's decision) · ")
    verdict = page.inner_text("#verdict")
    assert "NO-GO" in verdict and "blocking finding" in verdict
    # the badge and the count are in the 1280x800 viewport, on no lab-written text's account
    for sel in ("#verdict .outcome", "#verdict .verdict-counts"):
        left, top, right, bottom = page.evaluate(_BOX_JS, sel)
        assert 0 <= left and right <= VIEW["width"] and 0 <= top and bottom <= VIEW["height"], (sel, top)
    # nothing the lab wrote comes before it: the only text above is the page's classification
    assert page.evaluate("""() => { const v = document.querySelector('#verdict');
        const h = document.querySelector('h1');
        return !!(v.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING); }""")
    # no page wider than the window: a reader scrolling down sees every column
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEW["width"]


@pytest.mark.parametrize("move", list(MOVES))
def test_the_gates_decision_comes_first(tmp_path: Path, move: str) -> None:
    out = _pages(tmp_path, move)
    with chromium() as page:
        page.set_viewport_size(VIEW)
        for name in ("summary.html", "report.html"):
            page.goto((out / name).as_uri())
            _verdict_on_first_screen(page)
            # the lab's title is still shown, as its words, below the gate's
            if move == "homoglyphs":
                assert "G\u039f \u2014 VERIFIED, DEPLOYABLE" in page.inner_text("body")
                # never in the badge styling the gate's outcome has
                assert page.eval_on_selector_all(".outcome", "els => els.map(e => e.innerText)") == ["NO-GO"] * len(
                    page.query_selector_all(".outcome"))
    # the Markdown's heading, the first line a renderer shows, starts with the gate's outcome too
    md = (out / "summary.md").read_text(encoding="utf-8")
    assert md.startswith("# NO-GO (casegate's decision) · UNRECORDED PREVIEW of a public summary: ")
    # the PDF's Title (from the page's title) starts with the gate's outcome, and its first page
    # shows the decision before the lab's title
    pdf = out / "report.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Title:           NO-GO (casegate's decision) · Decision report: " in info
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    assert first.index("NO-GO") < first.index("Decision report")
    assert "blocking findings" in first.split("Decision report")[0]


@pytest.mark.parametrize("move", ["links", "control"])
def test_the_labs_text_is_never_a_link(tmp_path: Path, move: str) -> None:
    """A Markdown link whose text names one address and whose target is `javascript:`, an HTML
    anchor to a `data:` URL and a bare URL in the title: shown as the characters written, never
    as a link a reader could follow (already so: the pages autoescape and make no links)."""
    out = _pages(tmp_path, move)
    with chromium() as page:
        for name in ("summary.html", "report.html"):
            page.goto((out / name).as_uri())
            assert page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)") == []
            if move == "links":
                assert "[https://registry.example/verified](javascript:alert(1))" in page.inner_text("body")
                assert "<a href='data:text/html,GO'>GO</a>" in page.inner_text("body")
