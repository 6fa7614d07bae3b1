"""The lab writes bidirectional overrides and invisible characters into its case's text (the
system's name, the case's title, a safeguard's title) so that the public summary and the board's
case page, read in a real Chromium, show the gate's words after them reversed or hidden: a
right-to-left override in the system's name turns the lead's "may not be released through an API"
into mirrored letters, and the rest of the line with it. Every page shows such characters as
visible escapes (`\\u202e`), so the gate's words read in their order and the reader sees that the
lab's text holds something."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .browser import chromium, serve
from .conftest import EXAMPLE, BoardFixture, build_board

pytestmark = pytest.mark.browser

RLO = "\u202e"
HIDDEN = ("\u202a", "\u202b", "\u202c", "\u202d", RLO, "\u2066", "\u2067", "\u2068", "\u2069",
          "\u200e", "\u200f", "\u061c", "\u200b", "\u2060", "\ufeff", "\u00ad")
NAME = f"Atlas-2 {RLO}"
TITLE = f"Atlas-2 \u200b{RLO} general API release \u2067"
STACK = "\u0336\u0334\u0338" * 20
"""Sixty combining marks on one letter: drawn over the lines above and below."""
SAFEGUARD = f"Identity programme{STACK} {RLO}"

_ORDER_JS = """([selector, phrase]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.data.indexOf(phrase);
    if (at < 0) continue;
    const x = (i) => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
                       return r.getBoundingClientRect().left; };
    return [x(at), x(at + phrase.length - 1)];
  }
  return null;
}"""
"""The screen x of the first and the last letter of `phrase` where Chromium lays it out in the
element `selector`: first < last when it reads left to right."""


def _edit(case_dir: Path, spoof: bool) -> None:
    path = case_dir / "case.yaml"
    text = path.read_text(encoding="utf-8")
    kyc = "    title: Identity-verified developer programme"
    edits = {kyc: f"{kyc}\n    confidentiality: public"}
    if spoof:
        edits = {
            "  name: Atlas-2\n": f'  name: "{NAME}"\n',
            "title: Atlas-2 general API release with code execution": f'title: "{TITLE}"',
            kyc: f'    title: "{SAFEGUARD}"\n    confidentiality: public',
        }
    for old, new in edits.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def _summary(tmp: Path, spoof: bool) -> Path:
    case_dir = tmp / ("spoof" if spoof else "plain")
    shutil.copytree(EXAMPLE, case_dir)
    _edit(case_dir, spoof)
    out = tmp / f"out-{case_dir.name}"
    r = subprocess.run(
        [sys.executable, "-m", "casegate", "publish", str(case_dir / "case.yaml"), "--no-record",
         "--keyring", str(case_dir / "keys" / "keyring.yaml"), "--salt-store", str(tmp / f"{case_dir.name}.salts"),
         "--out", str(out)], capture_output=True, text=True, env={**os.environ, "CASEGATE_DEMO_KEYS": "1"})
    assert r.returncode == 0 and "NO-GO" in r.stdout, r.stdout + r.stderr
    return out / "summary.html"


def _nothing_hidden(page: Any) -> None:
    shown = page.title() + page.inner_text("body")
    assert not [hex(ord(c)) for c in HIDDEN if c in shown]


@pytest.mark.parametrize("spoof", [True, False], ids=["lab-writes-overrides", "control"])
def test_the_summary_reads_the_gates_words_in_order(tmp_path: Path, spoof: bool) -> None:
    html = _summary(tmp_path, spoof)
    with chromium() as page:
        page.goto(html.as_uri())
        lead = page.inner_text("#lead")
        assert "may not be released" in lead
        # the gate's words after the lab's system name read left to right
        first, last = page.evaluate(_ORDER_JS, ["#lead", "may not be released through an API"])
        assert first < last
        # so do the ones after a safeguard's title in the answers to the eight questions
        first, last = page.evaluate(_ORDER_JS, ["body", "find-vulnerability"])
        assert first < last
        _nothing_hidden(page)
        if spoof:  # the reader sees that the lab's text holds a character it would not see
            assert "Atlas-2 \\u202e 2.1.0 may not be released" in lead
            assert page.title().endswith("Atlas-2 \\u200b\\u202e general API release \\u2067")
            svg = html.with_name("summary.svg").read_text(encoding="utf-8")
            assert not [c for c in HIDDEN if c in svg]
            assert not [c for c in HIDDEN if c in html.with_name("summary.md").read_text(encoding="utf-8")]
            # the stack is cut to two marks wherever the safeguard's title is shown
            text = page.inner_text("body")
            assert "Identity programme\u0336\u0334 \\u202e" in text and "\u0336\u0334\u0338" not in text


@pytest.mark.parametrize("spoof", [True, False], ids=["lab-writes-overrides", "control"])
def test_the_board_page_reads_the_gates_words_in_order(tmp_path: Path, database_url: str, spoof: bool) -> None:
    board: BoardFixture = build_board(tmp_path, database_url, lambda d: _edit(d, spoof))
    with serve(board.client.app) as base, chromium() as page:
        page.goto(f"{base}/login?next=/cases/{board.case_id}")
        page.fill("#token", board.tokens["safety-lead"])
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/cases/{board.case_id}")
        heading = page.inner_text("h1")
        _nothing_hidden(page)
        if spoof:
            assert heading == "Atlas-2 \\u200b\\u202e general API release \\u2067"
        else:
            assert heading == "Atlas-2 general API release with code execution"
