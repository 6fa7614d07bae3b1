"""`casegate diagram` and `casegate gsn2x export|import`, run as the user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from .test_gsn2x import FIXTURE, gsn2x_structure

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api" / "case.yaml"


def cg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT)


def test_diagram_svg_of_the_example(tmp_path: Path) -> None:
    out = tmp_path / "atlas.svg"
    r = cg("diagram", str(EXAMPLE), "--out", str(out))
    assert r.returncode == 0, r.stderr
    root = ET.fromstring(out.read_text())
    ids = {g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g")}
    assert {"n-G1", "n-S1", "n-E-cyber-ctf", "n-D1"} <= ids


def test_diagram_public_hides_restricted_text(tmp_path: Path) -> None:
    r = cg("diagram", str(EXAMPLE), "--public", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "biological uplift is below the Bio High" not in r.stdout  # G3 is restricted
    assert 'id="n-G3"' in r.stdout and "redacted" in r.stdout


def test_diagram_mermaid_and_dot_formats() -> None:
    r = cg("diagram", str(EXAMPLE), "--format", "mermaid", "--no-findings")
    assert r.returncode == 0 and "flowchart TB" in r.stdout and "n_G1 --> n_S1" in r.stdout
    r = cg("diagram", str(EXAMPLE), "--format", "dot", "--no-findings")
    assert r.returncode == 0 and r.stdout.startswith("digraph argument")


def test_diagram_with_graphviz_engine_for_small_arguments() -> None:
    r = cg("diagram", str(EXAMPLE), "--engine", "dot", "--no-findings")
    assert r.returncode == 0, r.stderr
    assert "<svg" in r.stdout and "G1" in r.stdout


def test_split_collapsed_and_module(tmp_path: Path) -> None:
    d = tmp_path / "pages"
    r = cg("diagram", str(EXAMPLE), "--split", "--out", str(d), "--max-elements", "8")
    assert r.returncode == 0, r.stderr
    files = sorted(p.name for p in d.iterdir())
    assert "index.svg" in files and len(files) > 2
    r = cg("diagram", str(EXAMPLE), "--collapsed", "--max-elements", "8")
    assert r.returncode == 0 and 'id="n-M-G1"' in r.stdout
    r = cg("diagram", str(EXAMPLE), "--module", "M-G1", "--max-elements", "8")
    assert r.returncode == 0 and 'id="n-G1"' in r.stdout and "index.svg" in r.stdout


def test_diagram_usage_errors_exit_2(tmp_path: Path) -> None:
    r = cg("diagram", str(EXAMPLE), "--split")
    assert r.returncode == 2 and "--out DIR" in r.stderr
    r = cg("diagram", str(EXAMPLE), "--module", "NOPE")
    assert r.returncode == 2 and "no module or element 'NOPE'" in r.stderr
    r = cg("diagram", str(tmp_path / "missing.yaml"))
    assert r.returncode == 2 and r.stderr.startswith("error:")
    assert "Traceback" not in r.stderr


def test_gsn2x_import_then_export_round_trips(tmp_path: Path) -> None:
    out = tmp_path / "imported"
    policy = os.path.relpath(ROOT / "examples" / "atlas-api" / "policy.yaml", out)
    r = cg("gsn2x", "import", str(FIXTURE), "--out", str(out), "--policy", policy)
    assert r.returncode == 0, r.stderr
    assert "note: horizontalIndex" in r.stderr
    assert {p.name for p in out.iterdir()} == {"case.yaml", "argument.yaml", "evidence.yaml"}
    exported = tmp_path / "back.gsn.yaml"
    r = cg("gsn2x", "export", str(out / "case.yaml"), "--out", str(exported))
    assert r.returncode == 0, r.stderr
    assert gsn2x_structure(exported.read_text()) == gsn2x_structure(FIXTURE.read_text())
    # the imported case is drawn too
    r = cg("diagram", str(out / "case.yaml"), "--no-findings")
    assert r.returncode == 0 and 'id="n-CG1"' in r.stdout
    # a second import refuses to overwrite
    r = cg("gsn2x", "import", str(FIXTURE), "--out", str(out))
    assert r.returncode == 2 and "already exist" in r.stderr


def test_gsn2x_import_bad_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gsn.yaml"
    bad.write_text("G1:\n  text: top\n  supportedBy: [S9]\n")
    r = cg("gsn2x", "import", str(bad), "--out", str(tmp_path / "o"))
    assert r.returncode == 2
    assert "bad.gsn.yaml:3" in r.stderr and "refers to 'S9'" in r.stderr


def test_public_diagram_carries_the_published_commitments(tmp_path: Path) -> None:
    import json

    r = cg("publish", str(EXAMPLE), "--out", str(tmp_path / "pub"), "--format", "json",
           "--salt-store", str(tmp_path / "salts.json"))
    assert r.returncode == 0, r.stderr
    summary = json.loads((tmp_path / "pub" / "summary.json").read_text())
    r = cg("diagram", str(EXAMPLE), "--public", "--salt-store", str(tmp_path / "salts.json"), "--format", "mermaid")
    assert r.returncode == 0, r.stderr
    stubs = {s["id"]: s["commitment"] for s in summary["redactions"]
             if s["pointer"].startswith("/argument/elements/")}
    assert "G3" in stubs
    hexd = stubs["G3"].partition(":")[2]
    assert f"redacted: sha256:{hexd[:12]}" in r.stdout
