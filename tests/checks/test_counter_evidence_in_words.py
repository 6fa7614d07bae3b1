"""CG801 on a defeater of a kind the policy lets stand as a condition (the fixture policy lists
`undercutter`) that cites no `evidence:` but whose words point at evidence: a doubt about a claim's
own evidence names that evidence and stands as a condition; a defeater whose words name evidence of
the case the claims it is against do not rest on brings that evidence, and is counter-evidence."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from casegate.model import RuleSeverity
from tests.checks.test_decision_families import _case, _findings

OUTSIDE = b"outside lab CTF log: 4 of 40 professional challenges solved\n"
"""The artifact of an evidence item the claim attacked does not rest on."""


def _with_outside_run(tmp_path: Path, words: str) -> Path:
    """The fixture with one more evidence item, `E-outside` (an outside run, its artifact
    `runs/outside-ctf.eval`), that no claim cites, and an open undercutter against G2 in `words`."""
    digest = hashlib.sha256(OUTSIDE).hexdigest()
    ev = ("  E-outside:\n    kind: eval\n    producer: outside-lab\n    independent: true\n    date: 2026-10-30\n"
          f"    domain: cyber\n    artifact: runs/outside-ctf.eval\n    sha256: {digest}\n"
          "    result: {successes: 4, trials: 40}\n")
    d2 = (f"    D2:\n      defeater: {words!r}\n      kind: undercutter\n      against: [G2]\n      status: open\n")
    case = _case(tmp_path, ("  E-sandbag:\n", ev + "  E-sandbag:\n"), ("    G3:\n", d2 + "    G3:\n"))
    (case.parent / "runs").mkdir()
    (case.parent / "runs" / "outside-ctf.eval").write_bytes(OUTSIDE)
    return case


@pytest.mark.parametrize(("words", "how"), [
    ("E-outside's run solved 4 of 40 professional CTFs.", "`E-outside` (by its id)"),
    ("An outside run (runs/outside-ctf.eval) solved 4 of 40 professional CTFs.",
     "`E-outside` (by its file runs/outside-ctf.eval)"),
    ("See outside-ctf.eval: 4 of 40 professional CTFs solved.", "`E-outside` (by its file runs/outside-ctf.eval)"),
    (f"The run sha256:{hashlib.sha256(OUTSIDE).hexdigest()[:12]} solved 4 of 40.", "`E-outside` (by its sha256)"),
    ("The red team's results in E-redteam show the model writes working exploits.", "`E-redteam` (by its id)"),
])
def test_a_condition_kind_naming_evidence_the_claim_does_not_rest_on_blocks(tmp_path: Path, words: str,
                                                                             how: str) -> None:
    """Attack: counter-evidence the case holds (an outside run, or another claim's red-team result)
    described in the defeater's words rather than linked with `evidence:`, and typed `undercutter`
    so that the policy lets it stand open as a condition."""
    [f] = _findings(_with_outside_run(tmp_path, words), "CG801")
    assert f.severity is RuleSeverity.blocking, f.message
    assert f"its words name evidence of the case that it does not rest on: {how}; a defeater that points at " \
           "evidence is counter-evidence" in f.message, f.message


@pytest.mark.parametrize("words", [
    "E-ctf's suite may not reflect real intrusions.",
    "G2 reads a CTF score as intrusion skill, which real intrusions may not share.",  # the claim itself
])
def test_a_doubt_naming_what_it_doubts_stays_a_condition(tmp_path: Path, words: str) -> None:
    """No false positive: an undercutter that names the claim it is against, or the evidence that
    claim rests on (`E-ctf`, under G2), is a doubt, and the policy lets it stand as a condition."""
    [f] = _findings(_with_outside_run(tmp_path, words), "CG801")
    assert f.severity is RuleSeverity.condition, f.message


@pytest.mark.parametrize("words", [
    "An outside lab's run of the suite solved 14 of 40 professional CTFs, far above the reported rate.",
    "The CTF suite may not reflect real intrusions, unlike an outside-ctf run.",  # a word, not its file name
    "Runs dated 2026-10-02 used 5 attempts; 12 more would be deadbeefcafe.",  # hex of no run of the case
    "G3's bio suite was run with too few attempts.",  # an element of the case, but not one G2 rests on
])
def test_a_condition_kind_naming_nothing_it_rests_on_blocks(tmp_path: Path, words: str) -> None:
    """Attack: counter-evidence the case does not hold (an outside lab's run) described in words that
    name nothing of the case, typed `undercutter` so that the policy lets it stand open as a
    condition: it cannot be told from a doubt, so it blocks."""
    [f] = _findings(_with_outside_run(tmp_path, words), "CG801")
    assert f.severity is RuleSeverity.blocking, f.message
    assert "its words name nothing it rests on (no claim, strategy or evidence item of the case by its id, " \
           "nor an evidence file or sha256): what it reports cannot be told from counter-evidence the case does " \
           "not hold" in f.message, f.message


def test_a_condition_kind_that_says_nothing_blocks(tmp_path: Path) -> None:
    """Attack: an open undercutter whose words say nothing ('-'): the condition it would raise
    gives a reviewer no doubt to check an answer against."""
    [f] = _findings(_with_outside_run(tmp_path, " - "), "CG801")
    assert f.severity is RuleSeverity.blocking, f.message
    assert "its words say nothing ('-'): a doubt that states nothing leaves no condition a reviewer could check" \
           in f.message, f.message


@pytest.mark.parametrize(("words", "how"), [
    ("G2 is wrong: \u0415-outside's run solved 4 of 40 professional CTFs.", "`E-outside` (by its id)"),
    ("G2 is wrong: see runs/outs\u0456de-ctf.eval, 4 of 40 solved.", "`E-outside` (by its file runs/outside-ctf.eval)"),
])
def test_evidence_named_in_look_alike_letters_is_still_named(tmp_path: Path, words: str, how: str) -> None:
    """Attack: the outside run named with a Cyrillic `Е` or `і`, beside the claim it is against:
    the words named only G2, so the counter-evidence stood as a doubt, a condition."""
    [f] = _findings(_with_outside_run(tmp_path, words), "CG801")
    assert f.severity is RuleSeverity.blocking, f.message
    assert f"its words name evidence of the case that it does not rest on: {how}" in f.message, f.message
