"""CG801 and CG802 on a defeater aimed at an assumption, context or justification that a claim
the top claim depends on is read in (`in_context_of`): the claim rests on it, so the defeater
counts as one against the claim; one aimed at an assumption nothing depended on is read in does
not."""

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


def test_a_defeater_of_an_assumption_nothing_depended_on_is_read_in_blocks_nothing(tmp_path: Path) -> None:
    """No false positive: the assumption read in a claim outside the argument (an undeveloped G9
    the top claim does not rest on) is not one the decision rests on."""
    extra = "    G9:\n      claim: An unrelated claim.\n      undeveloped: true\n      in_context_of: [A1]\n"
    d9 = ("    D9:\n      defeater: Atlas weights were copied to an unvetted contractor cluster.\n"
          "      kind: counter-evidence\n      against: [A1]\n      status: open\n")
    case = _case(tmp_path, ("    G3:\n", extra + A1 + d9 + "    G3:\n"))
    assert _findings(case, "CG801") == []
