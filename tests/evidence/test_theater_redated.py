"""Argument theater on the record stays there (CG511): the example recorded with its top claim
asserted, and its rso sign-off dated, before the evidence (CG505, CG506), then a version that deletes
`asserted:` and re-dates the sign-off. Each test is the lab trying it, through the gate against the
recorded version (a --previous file, or a registry)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from casegate.gate import run_gate
from tests.monitor.test_cli import _cg

from .atlas_copy import edit as _edit
from .atlas_copy import signed as _loaded

TODAY = dt.date(2026, 11, 27)
HONEST_RSO = "person: Sam Whitfield, date: 2026-11-22"
EARLY_RSO = "person: Sam Whitfield, date: 2026-09-28"
CONTEXT = "      in_context_of: [C1, C2, A1]\n"


def _theater(d: Path) -> None:
    """G1 asserted on 2026-09-15 and the rso sign-off dated 2026-09-28: before the evidence."""
    _edit(d / "argument.yaml", CONTEXT, CONTEXT + "      asserted: 2026-09-15\n")
    _edit(d / "case.yaml", HONEST_RSO, EARLY_RSO)


def _redated(d: Path) -> None:
    """The lab's v2: `asserted:` deleted, the rso line re-dated (re-signed with a developer key)."""
    _edit(d / "argument.yaml", "      asserted: 2026-09-15\n", "")
    _edit(d / "case.yaml", EARLY_RSO, HONEST_RSO)


def _codes(case: Path, prev: Path | None = None) -> dict[str, list[str]]:
    report = run_gate(_loaded(case), today=TODAY, previous=_loaded(prev) if prev is not None else None)
    out: dict[str, list[str]] = {}
    for f in report.findings:
        out.setdefault(f.code, []).append(f.message)
    return out


def _recorded_theater(atlas: Path) -> Path:
    _theater(atlas)
    prev = atlas.parent / "prev"
    shutil.copytree(atlas, prev)
    return prev


def test_the_honest_example_against_itself_moves_no_date(atlas: Path) -> None:
    prev = atlas.parent / "prev"
    shutil.copytree(atlas, prev)
    assert "CG511" not in _codes(atlas, prev)


def test_theater_recorded_then_its_dates_retyped(atlas: Path) -> None:
    prev = _recorded_theater(atlas)
    assert {"CG505", "CG506"} <= set(_codes(prev))
    _redated(atlas)
    codes = _codes(atlas, prev)
    assert not {"CG505", "CG506"} & set(codes)  # the lines as they stand are clean
    msgs = codes.get("CG511", [])
    assert ("`G1` was asserted on 2026-09-15 in the --previous version, before the evidence it rests on arrived "
            "(`E-monitoring`, 2026-10-30); this version records no `asserted` date") in msgs, codes
    assert any(m.startswith("Sam Whitfield signed as `rso` on 2026-09-28 in the --previous version, before the "
                            "evidence relied on: `E-cyber-ctf` (2026-10-02), `E-bio-uplift` (2026-10-09)")
               and m.endswith("this version dates it 2026-11-22") for m in msgs), msgs


def test_an_asserted_date_moved_after_the_evidence(atlas: Path) -> None:
    prev = _recorded_theater(atlas)
    _edit(atlas / "argument.yaml", "      asserted: 2026-09-15\n", "      asserted: 2026-11-20\n")
    msgs = _codes(atlas, prev).get("CG511", [])
    assert any(m.startswith("`G1` was asserted on 2026-09-15") and m.endswith("this version dates it 2026-11-20")
               for m in msgs), msgs


def test_a_sign_off_that_stops_listing_the_evidence_it_came_before(atlas: Path) -> None:
    """The date kept, the late evidence dropped from `relies_on`: CG511 names what it stopped
    listing, and CG505 judges a sign-off that names nothing on all of the case's evidence."""
    prev = _recorded_theater(atlas)
    _edit(atlas / "case.yaml", EARLY_RSO + ", relies_on: [E-cyber-ctf, E-bio-uplift]", EARLY_RSO + ", relies_on: []")
    codes = _codes(atlas, prev)
    assert any("no longer lists `E-cyber-ctf`, `E-bio-uplift` as relied on" in m for m in codes.get("CG511", [])), codes
    assert any("it names none it relied on, so it approved all of it" in m for m in codes.get("CG505", [])), codes


def test_a_first_version_whose_sign_off_names_no_evidence(atlas: Path) -> None:
    """With nothing recorded to compare with, the lab empties the early sign-off's `relies_on`
    (and deletes G1's `asserted:`): the sign-off approved the case as a whole, so it is judged on
    every evidence item of it, and the decision stays NO-GO."""
    _theater(atlas)
    _edit(atlas / "case.yaml", EARLY_RSO + ", relies_on: [E-cyber-ctf, E-bio-uplift]", EARLY_RSO + ", relies_on: []")
    _edit(atlas / "argument.yaml", "      asserted: 2026-09-15\n", "")
    codes = _codes(atlas)
    assert "CG506" not in codes and "CG511" not in codes
    msgs = codes.get("CG505", [])
    assert any(m.startswith("Sam Whitfield signed as `rso` on 2026-09-28, before the evidence of the case (it names "
                            "none it relied on, so it approved all of it): ") and "`E-cyber-ctf` (2026-10-02)" in m
               for m in msgs), codes
    assert run_gate(_loaded(atlas), today=TODAY).outcome == "NO-GO"


def test_the_lab_trying_it_against_the_registry_and_laundering_it_through_a_version(atlas: Path) -> None:
    """v1 (theater) recorded; v2 re-dated is NO-GO against it; v2 submitted anyway, v3 (the same)
    is still compared with v1, an earlier version submitted since none was approved."""
    tmp = atlas.parent
    db = f"sqlite:///{tmp / 'reg.db'}"
    _theater(atlas)
    v1 = tmp / "v1"
    shutil.copytree(atlas, v1)
    ring = str(atlas / "keys" / "keyring.yaml")
    _cg(tmp, db, "registry", "submit", str(v1 / "case.yaml"))
    _redated(atlas)
    _edit(atlas / "case.yaml", 'version: "1.0"', 'version: "2.0"')
    out = _cg(tmp, db, "gate", str(atlas / "case.yaml"), "--preview", "--keyring", ring, code=None).stdout
    assert "CG511 theater-redated" in out and "NO-GO" in out, out
    _cg(tmp, db, "registry", "submit", str(atlas / "case.yaml"))
    _edit(atlas / "case.yaml", 'version: "2.0"', 'version: "3.0"')
    out = _cg(tmp, db, "gate", str(atlas / "case.yaml"), "--preview", "--keyring", ring, code=None).stdout
    assert "CG511 theater-redated" in out and "version 1.0" in out and "NO-GO" in out, out


RENAMED = "`G1-release` (`G1` in the --previous version, in the same words) was asserted on 2026-09-15"


def _renamed(d: Path, claim: str | None = None) -> None:
    """The top claim under a new id, `G1-release` (its words kept, or `claim`), `asserted:` deleted."""
    _edit(d / "argument.yaml", "  top: G1\n", "  top: G1-release\n")
    _edit(d / "argument.yaml", "    G1:\n", "    G1-release:\n")
    _edit(d / "argument.yaml", "      asserted: 2026-09-15\n", "")
    if claim is not None:
        _edit(d / "argument.yaml", "      claim: Atlas-2 may be offered through the API with code execution to "
              "verified developers without unacceptable risk of severe cyber or biological harm.\n",
              f"      claim: {claim}\n")


def test_theater_recorded_then_the_claim_given_a_new_id(atlas: Path) -> None:
    prev = _recorded_theater(atlas)
    _renamed(atlas)
    msgs = _codes(atlas, prev).get("CG511", [])
    assert (f"{RENAMED} in the --previous version, before the evidence it rests on arrived (`E-monitoring`, "
            "2026-10-30); this version records no `asserted` date") in msgs, msgs


def test_the_claim_made_again_under_two_new_ids_is_followed_to_each(atlas: Path) -> None:
    """The top claim given a new id, and a copy of it in the same words under a third id: a match
    that is not unique is not a reason to follow none of them."""
    prev = _recorded_theater(atlas)
    _renamed(atlas)
    claim = ("      claim: Atlas-2 may be offered through the API with code execution to verified developers "
             "without unacceptable risk of severe cyber or biological harm.\n")
    _edit(atlas / "argument.yaml", "    C1:\n", "    G1-copy:\n" + claim + "      supported_by: [S1]\n    C1:\n")
    _edit(atlas / "argument.yaml", "      supported_by: [S1]\n      in_context_of: [C1, C2, A1]\n",
          "      supported_by: [S1, G1-copy]\n      in_context_of: [C1, C2, A1]\n")
    codes = _codes(atlas, prev)
    msgs = codes.get("CG511", [])
    assert any(m.startswith(RENAMED) for m in msgs), codes
    assert any(m.startswith("`G1-copy` (`G1` in the --previous version, in the same words) was asserted on 2026-09-15")
               for m in msgs), msgs


def test_a_new_id_with_case_and_punctuation_changed_is_the_same_claim(atlas: Path) -> None:
    prev = _recorded_theater(atlas)
    _renamed(atlas, claim="ATLAS-2 may be offered through the API, with code execution, to verified developers "
                          "without unacceptable risk of severe cyber or biological harm")
    assert any(m.startswith(RENAMED) for m in _codes(atlas, prev).get("CG511", []))


def test_a_new_id_dated_after_the_evidence_is_judged_on_the_recorded_date(atlas: Path) -> None:
    prev = _recorded_theater(atlas)
    _renamed(atlas)
    _edit(atlas / "argument.yaml", "      in_context_of: [C1, C2, A1]\n",
          "      in_context_of: [C1, C2, A1]\n      asserted: 2026-11-20\n")
    codes = _codes(atlas, prev)
    assert "CG506" not in codes
    assert any(m.startswith(RENAMED) and m.endswith("this version dates it 2026-11-20") for m in codes.get("CG511", []))


def test_a_claim_reworded_under_a_new_id_is_still_followed(atlas: Path) -> None:
    """The lab rewords the conclusion it drew before the evidence (a few words changed) and gives it
    a new id with no `asserted:` date: it stands in the old claim's place (in nearly the same words,
    as CG806 follows it), so the recorded date still holds it. Before, only the same words were
    followed and the rewording hid the theater."""
    prev = _recorded_theater(atlas)
    _renamed(atlas, claim="Atlas-2 may be offered through the API to verified developers, without code execution, "
                          "without unacceptable risk of severe cyber or biological harm.")
    msgs = _codes(atlas, prev).get("CG511", [])
    assert any(m.startswith("`G1-release` (`G1` in the --previous version, in nearly the same words) was asserted on "
                            "2026-09-15") for m in msgs), msgs


def test_a_claim_in_other_words_on_the_runs_it_cited_is_followed(atlas: Path) -> None:
    """G2, recorded as asserted before its evidence, withdrawn; a new claim in other words cites the
    same run: it stands in G2's place."""
    _edit(atlas / "argument.yaml", "      asserted: 2026-11-01\n", "      asserted: 2026-08-01\n")
    prev = atlas.parent / "prev"
    shutil.copytree(atlas, prev)
    _edit(atlas / "argument.yaml", "supported_by: [G2, ", "supported_by: [G2-new, ")
    _edit(atlas / "argument.yaml", "    G2:\n", "    G2-new:\n")
    _edit(atlas / "argument.yaml", "claim: Atlas-2's cyber capability is below the Cyber High threshold under full "
                                   "elicitation.", "claim: The CTF suite shows no uplift that matters.")
    _edit(atlas / "argument.yaml", "      asserted: 2026-08-01\n", "")
    _edit(atlas / "argument.yaml", "against: [G2]", "against: [G2-new]")
    msgs = _codes(atlas, prev).get("CG511", [])
    assert any(m.startswith("`G2-new` (`G2` in the --previous version, ") and "asserted on 2026-08-01" in m
               for m in msgs), msgs


def test_a_claim_made_by_two_new_ids_is_not_followed(atlas: Path) -> None:
    """Two new elements in the old claim's words: which one is the claim is not known, and nothing
    is reported on a guess."""
    prev = _recorded_theater(atlas)
    _renamed(atlas)
    _edit(atlas / "argument.yaml", "    C1:\n", "    G1-copy:\n      claim: Atlas-2 may be offered through the API "
          "with code execution to verified developers without unacceptable risk of severe cyber or biological "
          "harm.\n      supported_by: [S1]\n    C1:\n")
    assert not any("`G1`" in m for m in _codes(atlas, prev).get("CG511", []))


def test_the_honest_example_with_a_claim_renamed_moves_no_date(atlas: Path) -> None:
    """G2, asserted on 2026-11-01 after its evidence, under a new id with no `asserted:`: the
    recorded date hid nothing."""
    prev = atlas.parent / "prev"
    shutil.copytree(atlas, prev)
    _edit(atlas / "argument.yaml", "supported_by: [G2, ", "supported_by: [G2-cyber, ")
    _edit(atlas / "argument.yaml", "    G2:\n", "    G2-cyber:\n")
    _edit(atlas / "argument.yaml", "      asserted: 2026-11-01\n", "")
    assert "CG511" not in _codes(atlas, prev)
