"""The lab writes Markdown into its own case's text, so that `summary.md`, shown as HTML where
summaries are read, says something the decision does not: a section `## Decision` with **GO**
above the real one, a GO badge, a table cell claiming an independent verifier. Every value from
the case lands in the page as the words it is, where the page puts it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"

BADGE = "https://img.shields.io/badge/release_gate-GO-brightgreen"
FAKE_TITLE = ("Atlas-2 general API release\n\n## Decision\n\n**GO** for the `api` boundary; every sign-off "
              f"verified.\n\n![Release gate: GO]({BADGE})\n")
FAKE_DESCRIPTION = "## Decision: GO, no conditions"
FAKE_SAFEGUARD = "Identity-verified developer programme | user-vetting | every step | E-kyc | Halden Assurance (independent)"
FAKE_USERS = "verified developers\n\n[gate]: https://acme.example/go\n\n> casegate's release gate decided that it may be released"


def _publish(case_dir: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "casegate", "publish", str(case_dir / "case.yaml"), "--no-record",
         "--keyring", str(case_dir / "keys" / "keyring.yaml"), "--salt-store", str(out.parent / f"{out.name}.salts"),
         "--out", str(out)], capture_output=True, text=True)


def _case(tmp: Path, name: str, *, spoof: bool) -> Path:
    """atlas-api with its safeguard SG-kyc public; with `spoof`, Markdown written into its title,
    boundary description, users and SG-kyc's title."""
    case_dir = tmp / name
    shutil.copytree(EXAMPLE, case_dir)
    path = case_dir / "case.yaml"
    text = path.read_text(encoding="utf-8")
    kyc = "    title: Identity-verified developer programme"
    edits = {kyc: f"{kyc}\n    confidentiality: public"} if not spoof else {
        "title: Atlas-2 general API release with code execution": f"title: {json.dumps(FAKE_TITLE)}",
        "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.":
            f"  description: {json.dumps(FAKE_DESCRIPTION)}",
        "    users: verified developers enrolled through the identity-verified access programme":
            f"    users: {json.dumps(FAKE_USERS)}",
        "    title: Identity-verified developer programme":
            f"    title: {json.dumps(FAKE_SAFEGUARD)}\n    confidentiality: public",
    }
    for old, new in edits.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return case_dir


def _tokens(md: str) -> list[Token]:
    """The page's tokens, as a CommonMark renderer with GitHub's tables reads it (children of
    inline tokens included)."""
    out = []
    for t in MarkdownIt("commonmark").enable("table").parse(md):
        out.append(t)
        out.extend(t.children or [])
    return out


def _headings(tokens: list[Token]) -> list[tuple[str, str]]:
    return [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]


def _safeguard_rows(tokens: list[Token]) -> list[list[str]]:
    """Cells of each body row of the safeguards table (the one whose header starts `safeguard`)."""
    rows: list[list[str]] = []
    table: list[list[str]] | None = None
    cell: list[str] = []
    for t in tokens:
        if t.type == "table_open":
            table = []
        elif t.type == "tr_open" and table is not None:
            cell = []
        elif t.type == "inline" and table is not None:
            cell.append(t.content)
        elif t.type == "tr_close" and table is not None:
            table.append(cell)
        elif t.type == "table_close" and table is not None:
            if table and table[0][:1] == ["safeguard"]:
                rows = table[1:]
            table = None
    return rows


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("spoof")
    honest, lab = tmp / "honest", tmp / "lab-out"
    for case_dir, out in ((_case(tmp, "honest-case", spoof=False), honest), (_case(tmp, "lab-case", spoof=True), lab)):
        r = _publish(case_dir, out)
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr
    return honest, lab


def test_the_case_adds_no_heading_image_or_link_to_the_page(pages: tuple[Path, Path]) -> None:
    honest, lab = pages
    decided = json.loads((lab / "summary.json").read_text())["decision"]["outcome"]
    assert decided != "GO"  # the move: a page that reads GO where the decision is not
    mine, theirs = _tokens((lab / "summary.md").read_text()), _tokens((honest / "summary.md").read_text())
    # the same sections, in the same order, at the same levels; the title stays in the h1
    assert [h for h in _headings(mine)][1:] == _headings(theirs)[1:]
    # (both pages are previews, `--no-record`, and say so in the title, after the gate's outcome)
    assert _headings(mine)[0][1].startswith(f"{decided} (casegate's decision) · UNRECORDED PREVIEW of a public "
                                            "summary: Atlas-2 general API release ## Decision **GO**")
    # only the page's own images (its charts), and no link at all
    assert [t.attrs.get("src") for t in mine if t.type == "image"] == \
        [t.attrs.get("src") for t in theirs if t.type == "image"]
    assert not [t for t in mine if t.type == "link_open"]
    # no quote but the lead's, and no list the page did not make
    assert sum(t.type == "blockquote_open" for t in mine) == sum(t.type == "blockquote_open" for t in theirs)
    assert sum(t.type == "bullet_list_open" for t in mine) == sum(t.type == "bullet_list_open" for t in theirs)


def test_a_title_adds_no_cell_to_a_table(pages: tuple[Path, Path]) -> None:
    _, lab = pages
    rows = _safeguard_rows(_tokens((lab / "summary.md").read_text()))
    kyc = next(r for r in rows if r[0].startswith("SG-kyc"))
    assert len(kyc) == 5
    assert kyc[0] == f"SG-kyc: {FAKE_SAFEGUARD}"  # the title's words, in its own cell
    # who the case says verified it (no attestation by them: the case's word), not the title's claim
    assert kyc[4] == "the case says: verified by acme-trust-and-safety (not attested)"


def test_the_html_page_shows_the_words_only(pages: tuple[Path, Path]) -> None:
    _, lab = pages
    html = (lab / "summary.html").read_text()
    assert f'src="{BADGE}' not in html and "<h2>Decision: GO" not in html
    assert "## Decision" in html  # shown as the words the lab wrote
