"""CG801 and CG802 on a defeater aimed at an assumption, context or justification that a claim
the top claim depends on is read in (`in_context_of`), or at a defeater marked answered: the claim
rests on the assumption, and an answered defeater on its answer, so the defeater counts as one
against what the top claim depends on."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.model import RuleSeverity
from tests.checks.test_decision_families import _case, _findings

A1 = ("    A1:\n      assumption: Users of the API never obtain the weights.\n"
      "    C1:\n      context: The API is offered to verified developers only.\n")


def _with(tmp_path: Path, reader: str, target: str, kind: str, status: str) -> Path:
    """The fixture with assumption A1 and context C1, `reader` (G1 or G2) read in both, and
    defeater D9 of `kind` and `status` aimed at `target`."""
    d9 = (f"    D9:\n      defeater: Atlas weights were copied to an unvetted contractor cluster, so {target} fails.\n"
          f"      kind: {kind}\n      against: [{target}]\n      status: {status}\n")
    where = "      supported_by: [G2, G3]\n" if reader == "G1" else "      evidence: [E-ctf]\n"
    return _case(tmp_path, (where, where + "      in_context_of: [A1, C1]\n"), ("    G3:\n", A1 + d9 + "    G3:\n"))


@pytest.mark.parametrize(("reader", "target"), [("G1", "A1"), ("G1", "C1"), ("G2", "A1")])
def test_open_counter_evidence_against_an_assumption_the_argument_is_read_in_blocks(
        tmp_path: Path, reader: str, target: str) -> None:
    """Attack: counter-evidence that shows false an assumption (or context) the top claim or a claim
    under it is read in, kept open and aimed at the assumption rather than the claim, so that it
    was against nothing the top claim depends on and blocked nothing."""
    [f] = _findings(_with(tmp_path, reader, target, "counter-evidence", "open"), "CG801")
    assert f.severity is RuleSeverity.blocking, f.message
    assert f.message == f"counter-evidence `D9` against `{target}` is open", f.message


def test_an_accepted_defeater_of_an_assumption_the_top_claim_is_read_in_defeats_it(tmp_path: Path) -> None:
    """Attack: the defeater accepted (the assumption is false), the top claim still read in it."""
    [f] = _findings(_with(tmp_path, "G1", "A1", "counter-evidence", "accepted"), "CG802")
    assert f.message == "`D9` was accepted, defeating `A1`, which the top claim still depends on", f.message


def test_a_defeater_of_an_assumption_marked_answered_is_judged_by_its_answer(tmp_path: Path) -> None:
    """The same counter-evidence marked answered is no longer open (CG801), and its answer is
    weighed as an answer to a defeater against a claim is (CG803): the fixture's red team, whose
    counts nothing attests, answers nothing."""
    case = _with(tmp_path, "G2", "A1", "counter-evidence", "answered\n      answered_by: [E-redteam]")
    assert _findings(case, "CG905") == []
    assert _findings(case, "CG801") == []
    [f] = _findings(case, "CG803")
    assert f.message.startswith("counter-evidence `D9` against `A1` is marked answered by `E-redteam`, which does "
                                "not answer it: `E-redteam` states 1 bypass(es) in 1000 attempt(s)"), f.message


def _against_d1(tmp_path: Path, kind: str, status: str, d1_against: str = "G2") -> Path:
    """The fixture with defeater D9 (`kind`, `status`) aimed at D1, the sandbagging defeater against
    `d1_against` answered by the sandbagging probe."""
    d9 = ("    D9:\n      defeater: The E-sandbag probe was run on an earlier checkpoint than the one deployed.\n"
          f"      kind: {kind}\n      against: [D1]\n      status: {status}\n")
    edits = [("    G3:\n", d9 + "    G3:\n")]
    if d1_against != "G2":
        edits.append(("      against: [G2]\n", f"      against: [{d1_against}]\n"))
        edits.append(("    G3:\n", f"    {d1_against}:\n      claim: An unrelated claim.\n      undeveloped: true\n    G3:\n"))
    return _case(tmp_path, *edits)


def test_open_counter_evidence_against_the_answer_of_a_defeater_blocks(tmp_path: Path) -> None:
    """Attack: counter-evidence that disputes how a defeater was answered (the sandbagging probe ran
    on another checkpoint), kept open and aimed at the answered defeater rather than at the claim,
    so that it was against nothing the top claim depends on."""
    [f] = _findings(_against_d1(tmp_path, "counter-evidence", "open"), "CG801")
    assert f.severity is RuleSeverity.blocking, f.message
    assert f.message == "counter-evidence `D9` against `D1` is open", f.message


def test_an_accepted_defeater_of_an_answer_defeats_it(tmp_path: Path) -> None:
    """Attack: the dispute of D1's answer accepted, D1 still counted answered."""
    [f] = _findings(_against_d1(tmp_path, "counter-evidence", "accepted"), "CG802")
    assert f.message == "`D9` was accepted, defeating `D1`, which the top claim still depends on", f.message


def test_a_defeater_of_an_open_defeater_is_not_counted_twice(tmp_path: Path) -> None:
    """No false positive: a defeater aimed at D1 while D1 itself is open (D1 blocks on its own; a
    rebuttal of an open defeater disputes no answer) adds no finding of its own."""
    case = _against_d1(tmp_path, "counter-evidence", "open")
    text = case.read_text().replace("      status: answered\n      answered_by: [E-sandbag]\n", "      status: open\n", 1)
    case.write_text(text)
    assert [f.message for f in _findings(case, "CG801")] == ["sandbagging `D1` against `G2` is open"]
