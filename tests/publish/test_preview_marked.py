"""`casegate publish --no-record` writes a local preview: judged under any keyring (or none), as of
any date (`--at`), recorded nowhere. The lab passes its files on as the public summary. Every file
says it is an unrecorded preview, and neither the disclosure verifier nor the registry takes it
for a publication."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.errors import VerificationError
from casegate.store import open_registry, record_publication

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api" / "case.yaml"
KEYRING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"


def cg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("preview")
    # the lab's move: a date of its choosing, its own keyring, nothing recorded
    r = cg("publish", str(EXAMPLE), "--no-record", "--at", "2026-11-21", "--keyring", str(KEYRING),
           "--out", "out", "--salt-store", "private/salts.json", cwd=work)
    assert r.returncode == 0, r.stderr
    return work


def test_every_file_of_a_preview_says_so(preview: Path) -> None:
    out = preview / "out"
    s = json.loads((out / "summary.json").read_text())
    assert s["preview"]["recorded"] is False
    assert s["preview"]["judged_as_of"] == "2026-11-21" and s["preview"]["keyring"] is True
    assert "not a publication" in s["preview"]["note"]
    assert list(s)[:2] == ["casegate_summary", "preview"]  # near the top, where a reader starts
    md = (out / "summary.md").read_text()
    assert md.startswith("# NO-GO (casegate's decision) · UNRECORDED PREVIEW of a public summary: ")
    assert "Unrecorded preview, not a publication" in md.split("## Decision")[0]
    html = (out / "summary.html").read_text()
    # the title starts with the gate's outcome, then says it is a preview
    assert "(casegate's decision) · UNRECORDED PREVIEW of a public summary: " in html.split("</title>")[0]
    assert 'id="preview"' in html.split("<h2>Decision</h2>")[0]
    pictures = sorted(out.glob("summary*.svg"))
    assert len(pictures) >= 2  # the argument and at least one chart
    for p in pictures:
        text = p.read_text()
        assert text.startswith("<svg") and "UNRECORDED PREVIEW: not a publication" in text, p.name


def test_a_preview_is_not_verified_as_a_publication(preview: Path) -> None:
    r = cg("disclose", str(EXAMPLE), "E-bio-uplift", "--out", "opening.json", "--salt-store",
           "private/salts.json", cwd=preview)
    assert r.returncode == 0, r.stderr
    r = cg("publish", "verify-disclosure", "out/summary.json", "opening.json", cwd=preview)
    assert r.returncode == 1, r.stdout
    assert "unrecorded preview" in r.stderr and "Traceback" not in r.stderr
    assert not r.stdout.startswith("verified")


def test_the_registry_refuses_to_record_a_preview(preview: Path, tmp_path: Path) -> None:
    summary = json.loads((preview / "out" / "summary.json").read_text())
    reg = open_registry(f"sqlite:///{tmp_path / 'registry.db'}")
    try:
        with pytest.raises(VerificationError, match="unrecorded preview"):
            record_publication(reg, summary["case"]["id"], summary, version=1)
    finally:
        reg.close()


def test_a_summary_for_the_registry_carries_no_preview_field(tmp_path: Path) -> None:
    r = cg("publish", str(EXAMPLE), "--out", "out", "--salt-store", "private/salts.json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    s = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert "preview" not in s
    assert "PREVIEW" not in (tmp_path / "out" / "summary.md").read_text()


def test_the_preview_note_is_escaped_as_html_escape_does_without_importing_html() -> None:
    import html

    from casegate.publish import _preview

    for note in ("plain", "a & b < c > d \"q\" 'r'", "&amp; already", "<script>x</script>", ""):
        assert _preview.escape(note) == html.escape(note)
    code = "import sys, casegate.publish._preview\nprint('html' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert out.stdout.strip() == "False"
