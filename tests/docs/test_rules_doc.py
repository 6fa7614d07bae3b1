"""docs/rules.md is generated from the rule records and kept up to date:
regenerate it with `casegate rules --format markdown > docs/rules.md`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from casegate.checks import all_rules

ROOT = Path(__file__).resolve().parents[2]


def test_rules_doc_is_up_to_date() -> None:
    r = subprocess.run([sys.executable, "-m", "casegate", "rules", "--format", "markdown"],
                       capture_output=True, text=True, cwd=ROOT, check=True)
    doc = (ROOT / "docs" / "rules.md").read_text()
    assert doc == r.stdout, "docs/rules.md is stale: run `casegate rules --format markdown > docs/rules.md`"


def test_rules_doc_covers_every_family() -> None:
    doc = (ROOT / "docs" / "rules.md").read_text()
    for r in all_rules():
        assert f"## {r.code} {r.name}" in doc
    for fam in ("CG1", "CG2", "CG3", "CG4", "CG5", "CG6", "CG7", "CG8", "CG9", "CG10"):
        assert f"# {fam}xx" in doc
