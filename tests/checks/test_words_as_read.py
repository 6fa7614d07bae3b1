"""The lab spells the words a rule looks for, or looks against, with look-alike letters (Cyrillic
`е`, `о`, `р`, `і` for Latin `e`, `o`, `p`, `i`), or lets a word stand inside another one
(`unconditional`, `non-public`): each rule reads the case's words as they read (`as_read`), whole.

- CG605 withheld-condition-unexplained: `publication.withheld` saying "the approval is unconditional"
  read as saying that a condition is withheld (`"condition" in said`): the rule kept quiet while the
  public page withholds a condition (more favourable to the lab: a hole).
- CG604 publication-not-public: an audience of `non-public (Acme staff)` read as the public.
- CG604 and CG714 read raw text: a look-alike audience (`the gеneral рublic`) or withdrawal condition
  (`An іncident of hіgh severity`) made the rule fire although it reads as it should (fails closed);
  both now read it as it looks.
- A claim made again under a new id in look-alike letters is the same words (`words`): the gate
  follows a standing condition's due date to it (`_aliases`), as it does for the plain spelling."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from ._cases import base_doc, context, hits

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
LOOK = str.maketrans({"e": "\u0435", "o": "\u043e", "p": "\u0440", "i": "\u0456", "a": "\u0430", "c": "\u0441"})


def _published(audience: str) -> dict[str, Any]:
    doc = base_doc()
    doc["publication"] = {"summary": True, "venue": "Acme safety case registry", "audience": audience}
    return doc


@pytest.mark.parametrize("audience", ["non-public (Acme staff)", "not the public: Acme staff only",
                                      "the publicity team", "Acme staff; no public release"])
def test_an_audience_that_only_contains_the_word_public_is_not_the_public(audience: str) -> None:
    """The lab's move: the summary goes to staff, and the audience holds `public` inside another word
    or after a negation. Before, CG604 read it as the public and kept quiet."""
    (h,) = hits("CG604", context(_published(audience)))
    assert h.path == ("publication", "audience") and audience in h.message


@pytest.mark.parametrize("audience", ["the public, AISI", "the g\u0435n\u0435ral \u0440ublic", "AISI and the general public",
                                      "published publicly on the registry", "everyone"])
def test_an_audience_that_names_the_public_passes(audience: str) -> None:
    """Control (and the look-alike spelling, which made CG604 fire before: it fails closed, now read as it looks)."""
    assert hits("CG604", context(_published(audience))) == []


def _withdrawing(*conditions: str) -> dict[str, Any]:
    doc = base_doc()
    doc["post_deployment"] = {"withdrawal": list(conditions), "reevaluate_by": "2027-03-01",
                              "model_change_control": "New weights need a new case version."}
    return doc


def test_a_withdrawal_condition_in_look_alike_letters_reads_as_it_looks() -> None:
    plain = "An incident of high severity linked to the model."
    assert hits("CG714", context(_withdrawing(plain))) == []
    # the same words with Cyrillic `і`: before, CG714 fired (it found neither `incident` nor `high`)
    assert hits("CG714", context(_withdrawing(plain.translate(LOOK)))) == []
    # and a condition that names nothing observable still fires, however it is spelt
    vague = "If leadership decides the risk is too high."
    for text in (vague, vague.translate(LOOK)):
        (h,) = hits("CG714", context(_withdrawing(text)))
        assert "cannot be observed" in h.message


def _atlas_withheld(tmp_path: Path, withheld: str) -> Any:
    from casegate.checks import check_case
    from casegate.evidence import rehash_artifacts
    from casegate.load import load_case

    d = tmp_path / "atlas"
    shutil.copytree(ATLAS, d)
    case = d / "case.yaml"
    text = case.read_text()
    start = text.index("  withheld: >-\n")
    end = text.index("\n\n", start)
    case.write_text(text[:start] + f"  withheld: {withheld}" + text[end:])
    loaded = load_case(case)
    return [f for f in check_case(loaded, today=dt.date(2026, 11, 27), artifacts=rehash_artifacts(loaded)).findings
            if f.code == "CG605"]


def test_an_unconditional_approval_in_words_does_not_explain_a_withheld_condition(tmp_path: Path) -> None:
    """The lab's move: the plan says the approval is unconditional, while the decision has a condition
    on an internal evaluation the public page withholds. Before, `unconditional` held `condition`
    and CG605 kept quiet."""
    found = _atlas_withheld(tmp_path, "Bio evaluation items; the approval is unconditional.")
    assert len(found) == 1 and "CG305" in found[0].message


@pytest.mark.parametrize("withheld", [
    "Bio evaluation items. The condition on the cyber evaluation is withheld with its numbers.",
    "Bio evaluation items. The c\u043end\u0456t\u0456\u043en on the cyber evaluation is withheld with its numbers.",
    "Bio evaluation items and E-cyber-ctf, withheld with its numbers.",
])
def test_a_plan_that_says_the_condition_is_withheld_passes(tmp_path: Path, withheld: str) -> None:
    """Control: the word `condition` (also in look-alike letters, which made CG605 fire before: fails
    closed), or the element's id named whole."""
    assert _atlas_withheld(tmp_path, withheld) == []


def test_an_id_named_only_inside_a_longer_one_is_not_named(tmp_path: Path) -> None:
    found = _atlas_withheld(tmp_path, "Bio evaluation items and E-cyber-ctf-v2, withheld with its numbers.")
    assert len(found) == 1


def test_a_claim_made_again_in_look_alike_letters_keeps_its_standing_conditions_due_date() -> None:
    """The lab's move: an argument element under a condition of the decision the case stands on is
    withdrawn and made again under a new id, its words spelt with look-alike letters. The gate
    follows a renamed element to the same words (`_aliases`), so the condition keeps its due date
    (`_standing_due`); before, the look-alike spelling was other words, and the condition raised
    again on the new id came with a new due date (a GO WITH CONDITIONS past the old one)."""
    from casegate.gate import Compared
    from casegate.gate._engine import _aliases, _standing_due
    from casegate.model import Baseline, Condition

    from ._cases import case

    before = base_doc()
    now = base_doc()
    els = now["argument"]["elements"]
    els["G2b"] = els.pop("G2")
    els["G2b"]["claim"] = before["argument"]["elements"]["G2"]["claim"].translate(LOOK)
    assert els["G2b"]["claim"] != before["argument"]["elements"]["G2"]["claim"]
    for el in els.values():
        el["supported_by"] = ["G2b" if x == "G2" else x for x in el.get("supported_by", [])]
    versions = [Compared(Baseline(role="approved", label="version 1.0 (#1)"), case(before), None)]
    aliases = _aliases(versions, case(now))
    assert aliases.get(("argument", "elements", "G2")) == [("argument", "elements", "G2b")]
    standing = [Condition(id="C1", text="t", cause="CG810", path=("argument", "elements", "G2"), due="2026-11-01")]
    due = _standing_due(standing, aliases)
    assert due[("CG810", ("argument", "elements", "G2b"))] == "2026-11-01"
