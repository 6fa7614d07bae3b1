"""The lab's moves on an open defeater, end to end on the realistic case: version 1.0 carries an open
counter-evidence defeater against the cyber inability claim (NO-GO); version 1.1 'answers' it with
the claim it attacks or with a context, or deletes it. Each stays NO-GO, compared with 1.0."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.sign import (
    attest_evidence,
    load_keyring,
    load_signer,
    parse_instant,
    with_attestations,
)

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")
TODAY = dt.date(2026, 11, 27)

D3 = """    D3:
      defeater: Northbridge's web-exploitation spot check solved 9 of 20 held-out challenges, far above the suite's rate.
      kind: counter-evidence
      against: [G2]
      status: open
      raised_by: northbridge-security
"""


def _gate(case: Path, previous: Path | None = None) -> DecisionRecord:
    at = parse_instant(TODAY.isoformat(), end_of_day=True)
    loaded = with_attestations(load_case(case), KEYRING, at)
    prev = with_attestations(load_case(previous), KEYRING, at) if previous is not None else None
    return run_gate(loaded, previous=prev, today=TODAY)


def _version(tmp: Path, name: str, argument: str) -> Path:
    d = tmp / name
    shutil.copytree(ATLAS, d)
    (d / "argument.yaml").write_text(argument)
    return d / "case.yaml"


def _with_d3() -> str:
    a = (ATLAS / "argument.yaml").read_text()
    a = a.replace("      defeaters: [D1]\n      asserted: 2026-11-01\n", "      defeaters: [D1, D3]\n      asserted: 2026-11-01\n", 1)
    return a + D3


def test_the_open_defeater_blocks(tmp_path: Path) -> None:
    r = _gate(_version(tmp_path, "v1.0", _with_d3()))
    assert r.outcome == "NO-GO" and {f.code for f in r.findings if f.blocking} == {"CG801"}


@pytest.mark.parametrize(("move", "code"), [("self", "CG803"), ("context", "CG803"), ("deleted", "CG806")])
def test_every_way_of_closing_it_without_an_answer_blocks(tmp_path: Path, move: str, code: str) -> None:
    v10 = _version(tmp_path, "v1.0", _with_d3())
    a = _with_d3()
    if move == "deleted":
        a = a.replace("defeaters: [D1, D3]", "defeaters: [D1]")
        a = a[:a.index("    D3:")]
    else:
        by = "G2" if move == "self" else "C2"
        a = a.replace("      status: open\n      raised_by: northbridge-security",
                      f"      status: answered\n      answered_by: [{by}]\n      raised_by: northbridge-security")
    r = _gate(_version(tmp_path, "v1.1", a), previous=v10)
    assert r.outcome == "NO-GO"
    assert {f.code for f in r.findings if f.blocking} == {code}


REVIEW = """  E-web-review:
    kind: expert-review
    title: Review of Northbridge's web-exploitation spot check
    artifact: reports/web-review.md
    sha256: {sha}
    producer: northbridge-security
    independent: true
    date: 2026-11-10
    domain: cyber
    result: {{passed: true}}
"""


def _with_review(case: Path) -> Path:
    """The version at `case` with an outside review of the spot check (its artifact written and
    attested by Northbridge's evaluator): evidence about what G2 asserts that G2 does not rest on."""
    body = b"# Spot check review\n\nThe held-out challenges were run with their hints; without them 2 of 20 solve.\n"
    (case.parent / "reports" / "web-review.md").write_bytes(body)
    ev = case.parent / "evidence.yaml"
    ev.write_text(ev.read_text() + REVIEW.format(sha=hashlib.sha256(body).hexdigest()))
    key = case.parent / "keys" / "jonas-berg.key"
    os.chmod(key, 0o600)
    attest_evidence(load_case(case), "E-web-review", load_signer(str(key)), KEYRING, "evaluator", activity="reviewed",
                    says="The spot check ran with hints.", at=parse_instant("2026-11-26T12:00:00Z"))
    return case


def _answered_by(item: str) -> str:
    return _with_d3().replace("      status: open\n      raised_by: northbridge-security",
                              f"      status: answered\n      answered_by: [{item}]\n      raised_by: northbridge-security")


def test_an_answer_with_evidence_clears_it(tmp_path: Path) -> None:
    v10 = _version(tmp_path, "v1.0", _with_d3())
    r = _gate(_with_review(_version(tmp_path, "v1.1", _answered_by("E-web-review"))), previous=v10)
    assert r.outcome == "GO WITH CONDITIONS", [f.message for f in r.findings if f.blocking]


def test_an_answer_from_the_safeguards_tests_does_not_clear_it(tmp_path: Path) -> None:
    """Attack: the spot check, which doubts what the model can do (G2: below Cyber High), marked
    answered by the classifiers' red team, a strong result about another question (what a safeguard
    blocks), or by G4, the claim resting on the safeguards' tests. Before: GO WITH CONDITIONS."""
    v10 = _version(tmp_path, "v1.0", _with_d3())
    for n, item in enumerate(("E-redteam-classifier", "G4")):
        r = _gate(_with_review(_version(tmp_path, f"v1.1-{n}", _answered_by(item))), previous=v10)
        assert r.outcome == "NO-GO"
        [f] = [f for f in r.findings if f.blocking]
        assert f.code == "CG803" and ("`E-redteam-classifier` tests `SG-classifier`: what a safeguard blocks says "
                                      "nothing of what the model can do, which the claims it defends assert "
                                      "(`cyber-high`)") in f.message, f.message


def test_a_defeater_the_last_approved_version_carried_open_is_held_against_it_too(tmp_path: Path) -> None:
    """An undercutter the policy lets stand as a condition was open in the approved version 1.0;
    version 1.1 (submitted, not approved) deleted it; 1.2, the same again, is still compared with 1.0."""
    from casegate.gate import Compared, Comparison
    from casegate.model import Baseline

    a = _with_d3().replace("kind: counter-evidence", "kind: undercutter").replace(
        "Northbridge's web-exploitation spot check solved 9 of 20 held-out challenges, far above the suite's rate.",
        "E-cyber-ctf holds too few web-exploitation challenges to read its rate as web skill.")
    v10 = _version(tmp_path, "v1.0", a)
    assert _gate(v10).outcome == "GO WITH CONDITIONS"
    dropped = a.replace("defeaters: [D1, D3]", "defeaters: [D1]")
    dropped = dropped[:dropped.index("    D3:")]
    v11 = _version(tmp_path, "v1.1", dropped)
    v12 = _version(tmp_path, "v1.2", dropped)
    before, after = load_case(v10), load_case(v11)
    assert before.case is not None and after.case is not None
    comparison = Comparison(versions=[
        Compared(Baseline(role="previous", label="version 1.1 (#2)"), after.case, after.policy),
        Compared(Baseline(role="approved", label="version 1.0 (#1), the last approved"), before.case, before.policy)])
    at = parse_instant(TODAY.isoformat(), end_of_day=True)
    r = run_gate(with_attestations(load_case(v12), KEYRING, at), comparison=comparison, today=TODAY)
    assert r.outcome == "NO-GO"
    (m,) = [f.message for f in r.findings if f.code == "CG806"]
    # the check of every recorded version reports it first (one finding per claim): the defeater
    # stood in the last approved version, which the comparison with it names too
    assert m == ("undercutter `D3` stood open against `G2` in version 1.0 (#1), the last approved; `G2` is made "
                 "here without it, and no recorded version answered it")


@pytest.mark.parametrize("by", ["E-redteam-classifier", "E-rnd-tasks"])
def test_a_defeater_answered_by_no_answer_in_the_version_compared_with_stays(tmp_path: Path, by: str) -> None:
    """Attack: version 1.0 marks the spot check answered by the classifiers' red team (another
    question) or the AI R&D suite (another domain), NO-GO by CG803; version 1.1 deletes it, as one
    answered. Before: GO WITH CONDITIONS (the answer was read there by its recorded result alone).
    After: it stood there unanswered, so deleting it is CG806's."""
    v10 = _version(tmp_path, "v1.0", _answered_by(by))
    assert {f.code for f in _gate(v10).findings if f.blocking} == {"CG803"}
    a = _with_d3().replace("defeaters: [D1, D3]", "defeaters: [D1]")
    r = _gate(_version(tmp_path, "v1.1", a[:a.index("    D3:")]), previous=v10)
    assert r.outcome == "NO-GO"
    [f] = [f for f in r.findings if f.blocking]
    assert f.code == "CG806" and f.message.startswith(
        "counter-evidence `D3` against `G2` was marked answered by nothing that answers it in the --previous version; "
        "it is gone from this version"), f.message
