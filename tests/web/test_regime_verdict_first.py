"""The regime documents (`casegate report --regime`) under the lab's title, in a real Chromium and
in the PDF: the gate's decision stood after the case's title, in the document's meta line, so a
title of hundreds of words pushed it below the first screen, a title spelled "GΟ — decision: GO,
VERIFIED" (Greek omicron) read as the decision, and the browser tab's and the PDF's Title held
the case's words and no decision. A right-to-left override in the title reached the HTML and the
Markdown raw, reordering the words after it. The gate's decision now stands first, above any
text of the case's, the page's title (and the PDF's), the PDF's running header and the Markdown's
heading start with the gate's outcome, and an override or invisible character is shown as an
escape."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .browser import chromium
from .conftest import EXAMPLE

pytestmark = pytest.mark.browser

TITLE = "title: Atlas-2 general API release with code execution"
MOVES = {
    "homoglyphs": 'title: "G\u039f \u2014 decision: GO, VERIFIED"',
    "bidi": 'title: "\u202eOG-ON \u2014 decision: GO\u202c"',
    "many-words": 'title: "' + " ".join(["decision GO verified"] * 300) + '"',
    "long-word": 'title: "GO ' + "A" * 5000 + '"',
    "control": TITLE,
}
DOCS = {"eu-gpai-cop-2025": "model-report", "ca-sb53": "transparency-report"}
VIEW = {"width": 1280, "height": 800}
_BOX_JS = """s => { const r = document.querySelector(s).getBoundingClientRect();
                    return [r.left, r.top, r.right, r.bottom]; }"""


def _documents(tmp: Path, move: str) -> Path:
    case_dir = tmp / "case"
    shutil.copytree(EXAMPLE, case_dir)
    path = case_dir / "case.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(TITLE) == 1
    path.write_text(text.replace(TITLE, MOVES[move]), encoding="utf-8")
    out = tmp / "out"
    for regime, document in DOCS.items():
        r = subprocess.run([sys.executable, "-m", "casegate", "report", str(path), "--regime", regime,
                            "--document", document, "--pdf", "--salt-store", str(tmp / "case.salts"),
                            "--out", str(out)],
                           capture_output=True, text=True, env={**os.environ, "CASEGATE_DEMO_KEYS": "1"})
        # exit 1: written, with sections the case cannot fill (gaps)
        assert r.returncode in (0, 1) and (out / f"{regime}.{document}.pdf").exists(), r.stdout + r.stderr
    return out


@pytest.mark.parametrize("move", list(MOVES))
def test_the_gates_decision_comes_first_in_a_regime_document(tmp_path: Path, move: str) -> None:
    out = _documents(tmp_path, move)
    with chromium() as page:
        page.set_viewport_size(VIEW)
        for regime, document in DOCS.items():
            page.goto((out / f"{regime}.{document}.html").as_uri())
            assert page.title().startswith("NO-GO (casegate's decision) · "), page.title()[:200]
            assert "NO-GO" in page.inner_text("#verdict")
            left, top, right, bottom = page.evaluate(_BOX_JS, "#verdict .outcome")
            assert 0 <= left and right <= VIEW["width"] and 0 <= top and bottom <= VIEW["height"], top
            # nothing the lab wrote comes before it
            assert page.evaluate("""() => { const v = document.querySelector('#verdict');
                const h = document.querySelector('h1');
                return !!(v.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING); }""")
            assert page.evaluate("document.documentElement.scrollWidth") <= VIEW["width"]
            # only the gate's outcome is styled as one
            assert page.eval_on_selector_all(".outcome", "els => els.map(e => e.innerText)") == ["NO-GO"]
            body = page.inner_text("body")
            assert "\u202e" not in body and "\u202c" not in body
            if move == "bidi":  # the override is shown, not obeyed
                assert "\\u202eOG-ON" in body
            md = (out / f"{regime}.{document}.md").read_text(encoding="utf-8")
            assert md.startswith("# NO-GO (casegate's decision) · ")
            assert "\u202e" not in md
            pdf = out / f"{regime}.{document}.pdf"
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
            assert "Title:           NO-GO (casegate's decision) · " in info
            first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
                                   capture_output=True, text=True, check=True).stdout
            # the first page shows the decision, before anything of the case's (which a long title
            # may push to the next page)
            decided = first.index("casegate's release gate decided:")
            assert "NO-GO" in first[decided:decided + 80]
            assert "(case atlas-2-api" not in first[:decided]
