"""casegate's own wording is no secret. The lab redacts elements whose text repeats the words
casegate writes (a rule's name, a regime section's title, the phrases of its sign-off findings),
so that the guard, matching redacted content in every text the gate composed, withholds the
findings, the lacks and the conditions written in those words from the public summary. A composed
text is searched only in what it puts into casegate's fixed wording; what it quotes of the case
there is still withheld."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import Salts, TextGuard, redact
from casegate.publish._fixed import variable_parts
from casegate.store import MemorySaltStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"

# (file, the line it replaces, the lab's words): each repeats casegate's own wording, in a redacted
# element (the secret SG-egress, the restricted residual risk of bio-known-agent and claim G3)
PLANTED = [
    ("case.yaml", "    title: Egress limits on hosts holding weights\n",
     "    title: a change needs 1 distinct sign-off from the owner, and any exception is declared but not signed "
     "by a keyring identity\n"),
    ("case.yaml", "    detection: Classifier hits escalated to the bio response team within one hour\n",
     "    detection: Securing unreleased model weights\n"),
    ("case.yaml", "    estimate: Upper bound below 1e-6 per year; uplift below the Bio High proxy threshold.\n",
     "    estimate: signoff-not-signed, 1e-5 per year\n"),  # a number: an estimate of no size is CG414's
    ("argument.yaml",
     "      claim: Atlas-2's biological uplift is below the Bio High threshold under full elicitation.\n",
     '      claim: "distinct sign-off(s) from role"\n'),
]
SHOWN = ("CG501", "CG510", "CG1001", "CG1002")
"""The rules whose findings concern public content and are written in the planted words."""


def _publish(case_dir: Path, out: Path) -> dict[str, Any]:
    r = subprocess.run(
        [sys.executable, "-m", "casegate", "publish", str(case_dir / "case.yaml"), "--no-record",
         "--keyring", str(case_dir / "keys" / "keyring.yaml"), "--salt-store", str(out.parent / f"{out.name}.salts"),
         "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return json.loads((out / "summary.json").read_text())  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def summaries(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any], Path]:
    tmp = tmp_path_factory.mktemp("fixed-wording")
    lab = tmp / "lab"
    shutil.copytree(EXAMPLE, lab)
    for name, old, new in PLANTED:
        path = lab / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")
    return _publish(EXAMPLE, tmp / "honest"), _publish(lab, tmp / "lab-out"), tmp / "lab-out"


def test_the_gates_words_in_redacted_elements_withhold_nothing(summaries) -> None:  # type: ignore[no-untyped-def]
    honest, lab, out = summaries
    h, lb = honest["decision"], lab["decision"]
    # the honest summary shows the sign-off and regime findings in words
    assert len([x for x in h["lacks"] if x.startswith(("CG501", "CG510"))]) == 6
    assert any("Securing unreleased model weights" in (f["message"] or "") for f in h["findings"])
    # the lab's shows them exactly as the honest one does (the lab's edits also undo attestations
    # of redacted evidence: those findings concern redacted content, and stay withheld)
    assert [x for x in lb["lacks"] if x.startswith(SHOWN)] == [x for x in h["lacks"] if x.startswith(SHOWN)]
    assert [f for f in lb["findings"] if f["code"] in SHOWN] == [f for f in h["findings"] if f["code"] in SHOWN]
    assert not [f for f in lb["findings"] if f.get("quotes")]
    assert not [x for x in lb["lacks"] if "quotes the content" in x]
    md = (out / "summary.md").read_text()
    assert "quotes the content of redacted" not in md
    assert md.count("signoff-not-signed") >= 3
    assert md.count("distinct sign-off(s) from role") >= 3
    # the long planted title, which casegate never writes whole, appears nowhere
    assert "any exception is declared" not in md + json.dumps(lab)


def _guard(title: str) -> TextGuard:
    """atlas-api for the public, its secret SG-egress titled `title`."""
    case = load_case(EXAMPLE / "case.yaml").case
    assert case is not None
    safeguards = dict(case.safeguards)
    safeguards["SG-egress"] = safeguards["SG-egress"].model_copy(update={"title": title})
    rd = redact(case.model_copy(update={"safeguards": safeguards}), Salts(MemorySaltStore()), Confidentiality.public)
    assert "/safeguards/SG-egress" in rd.stubs
    return TextGuard(rd)


SIGNOFF = ("CG510 signoff-not-signed: the sign-off of {person} as `rso` is declared but not signed by a "
           "keyring identity (no keyring): no envelope (sign it with `casegate sign`)")


def test_a_composed_text_quoting_redacted_content_in_its_variable_part_is_withheld() -> None:
    """Only casegate's literal wording is excused: a redacted value, a run of four of its words or a
    redacted id that a message puts into that wording is still withheld, and named as the reason."""
    secret = "Nightjar relay on the weights hosts"
    guard = _guard(secret)
    assert guard.safe(SIGNOFF.format(person="Sam Whitfield"), composed=True)
    for quoted in (secret, "Dana of Nightjar relay on the", "SG-egress"):
        text = SIGNOFF.format(person=quoted)
        assert not guard.safe(text, composed=True), quoted
        assert not guard.safe(text)
    assert guard.quoted(SIGNOFF.format(person=secret), composed=True) == ["/safeguards/SG-egress"]
    # a text casegate did not compose (the case's own words) is searched whole, as before
    fixed = "signoff-not-signed"
    guard = _guard(fixed)
    assert not guard.safe(f"our note: {fixed}")
    assert guard.safe(SIGNOFF.format(person="Sam Whitfield"), composed=True)
    assert not guard.safe(SIGNOFF.format(person="Sam Whitfield"))


def test_variable_parts_are_what_the_message_puts_into_the_wording() -> None:
    assert variable_parts(SIGNOFF.format(person="Nightjar relay")) == ["Nightjar relay"]
    # text no template matches is variable whole
    assert variable_parts("a sentence casegate never writes about Nightjar") == [
        "a sentence casegate never writes about Nightjar"]
