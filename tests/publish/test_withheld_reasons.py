"""The lab writes the gate's own words into a secret element, so that the text of every finding in
those words (its missing sign-offs, here) would be withheld from the public summary as if it
concerned redacted content: the gate's wording is no secret, and nothing is withheld for it. A text
withheld only because it quotes redacted content says whose (`tests/publish/test_fixed_wording.py`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"

# reads as a weight-security control's description; holds the runs of four words CG501 and CG510 write
PLANTED = ("Egress limits on hosts holding weights; a change needs 1 distinct sign-off from the owner, "
           "and any exception is declared but not signed off")


def _publish(case_dir: Path, out: Path) -> dict:  # type: ignore[type-arg]
    r = subprocess.run(
        [sys.executable, "-m", "casegate", "publish", str(case_dir / "case.yaml"), "--no-record",
         "--keyring", str(case_dir / "keys" / "keyring.yaml"), "--salt-store", str(out.parent / f"{out.name}.salts"),
         "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return json.loads((out / "summary.json").read_text())  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def summaries(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict, Path]:  # type: ignore[type-arg]
    tmp = tmp_path_factory.mktemp("planted")
    lab = tmp / "lab"
    shutil.copytree(EXAMPLE, lab)
    case = lab / "case.yaml"
    text = case.read_text(encoding="utf-8")
    old = "    title: Egress limits on hosts holding weights\n"
    assert text.count(old) == 1
    case.write_text(text.replace(old, f"    title: {json.dumps(PLANTED)}\n"), encoding="utf-8")
    return _publish(EXAMPLE, tmp / "honest"), _publish(lab, tmp / "lab-out"), tmp / "lab-out"


def test_the_gates_words_in_a_secret_element_withhold_nothing(summaries) -> None:  # type: ignore[no-untyped-def]
    """The gate's words are no secret (`tests/publish/test_fixed_wording.py`): the lacks and findings
    about public sign-offs read as in the honest summary, and the planted title stays secret."""
    honest, lab, out = summaries
    signoff_lacks = [x for x in honest["decision"]["lacks"] if x.startswith(("CG501", "CG510"))]
    assert len(signoff_lacks) == 6  # the honest summary shows them in words
    assert [x for x in lab["decision"]["lacks"] if x.startswith(("CG501", "CG510"))] == signoff_lacks
    assert not [x for x in lab["decision"]["lacks"] if "/safeguards/SG-egress" in x]
    findings = [f for f in lab["decision"]["findings"] if f["code"] in ("CG501", "CG510")]
    assert findings == [f for f in honest["decision"]["findings"] if f["code"] in ("CG501", "CG510")]
    assert all(not f["withheld"] for f in findings) and len(findings) == 6
    md = (out / "summary.md").read_text()
    html = (out / "summary.html").read_text()
    assert "quotes the content of redacted /safeguards/SG-egress" not in md + html
    assert PLANTED not in md + html + json.dumps(lab)  # the secret itself stays secret


def test_a_text_in_a_redacted_element_or_naming_one_gives_no_pointer(summaries) -> None:  # type: ignore[no-untyped-def]
    _, lab, _ = summaries
    for f in lab["decision"]["findings"]:
        if f["withheld"] and f["element"] is None:  # inside a redacted element: no more is said
            assert "quotes" not in f
    for c in lab["decision"]["conditions"]:  # CG305 names the redacted E-cyber-ctf
        assert c["withheld"] and "quotes" not in c


def test_how_many_findings_are_withheld_is_said_beside_the_counts(summaries) -> None:  # type: ignore[no-untyped-def]
    """The counts by severity did not say how many findings' words the summary withholds: an
    advisory finding is listed nowhere else, and a reader of the pages saw totals only."""
    honest, _, _ = summaries
    withheld = [f for f in honest["decision"]["findings"] if f["withheld"] and not f["waived"]]
    assert [f["severity"] for f in withheld] == ["condition"]  # CG305 names the redacted E-cyber-ctf
    said = "Of these, withheld here for concerning redacted content: 1 condition."
    out = Path(str(summaries[2]).replace("lab-out", "honest"))
    assert said in (out / "summary.md").read_text()
    assert said in (out / "summary.html").read_text()
