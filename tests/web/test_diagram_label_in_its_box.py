"""The lab writes an evidence item's title in a character far wider than the diagram's layout
estimates (U+2031, the per-ten-thousand sign, about three times CHAR_W), so the label's lines
run out of their node's circle and are drawn over the neighbouring defeater's CG805 badge: the
red badge the gate put on D1 reads "CG80‱" under the lab's glyphs, in Chromium and in the
report's PDF. Every node's text is now clipped to its box, so a label too wide is cut at its
own box's edge and every badge reads as the gate drew it."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .browser import chromium
from .conftest import EXAMPLE

pytestmark = pytest.mark.browser

TITLE = "title: Sandbagging probe with fine-tuning elicitation"
MOVES = {"wide-glyphs": 'title: "' + "\u2031" * 200 + '"', "control": TITLE}


def _report(tmp: Path, move: str) -> Path:
    case_dir = tmp / "case"
    shutil.copytree(EXAMPLE, case_dir)
    path = case_dir / "evidence.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(TITLE) == 1
    path.write_text(text.replace(TITLE, MOVES[move]), encoding="utf-8")
    out = tmp / "out"
    r = subprocess.run([sys.executable, "-m", "casegate", "report", str(case_dir / "case.yaml"),
                        "--salt-store", str(tmp / "case.salts"), "--out", str(out)],
                       capture_output=True, text=True, env={**os.environ, "CASEGATE_DEMO_KEYS": "1"})
    assert r.returncode == 0 and "NO-GO" in r.stdout, r.stdout + r.stderr
    return out / "report.html"


@pytest.mark.parametrize("move", list(MOVES))
def test_no_label_is_drawn_over_a_badge(tmp_path: Path, move: str) -> None:
    from PIL import Image

    html = _report(tmp_path, move)
    with chromium() as page:
        # the report's diagram, drawn at its own size (the page scales it down to its column)
        page.goto(html.as_uri())
        svg = page.eval_on_selector(".diagram svg", "e => e.outerHTML")
        page.set_content(f"<!doctype html><body style='margin:0'>{svg}</body>")
        badges = page.locator("svg g.badge")
        codes = badges.all_text_contents()
        assert "CG805" in codes and len(codes) >= 5, codes
        for i, code in enumerate(codes):
            shot = Image.open(io.BytesIO(badges.nth(i).screenshot())).convert("RGB")
            w, h = shot.size
            # inside the pill (its rounded ends left out): the badge's colour and its white
            # letters only, never the dark ink of a label
            inner = shot.crop((h // 2, 2, w - h // 2, h - 2))
            dark = [p for p in inner.getdata() if max(p) < 110]
            assert not dark, (code, len(dark))
