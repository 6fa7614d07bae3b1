"""CG504 against the lab's own record of an answer: an objection the case marks answered counts
only when a role the policy lets answer objections answered it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casegate.checks import check_case
from casegate.evidence import rehash_artifacts
from casegate.load import load_case
from casegate.model import Finding, RuleSeverity

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
TODAY = dt.date(2026, 11, 27)
ANSWERED = "      answered_by: safety-lead\n"


def _cg504(tmp_path: Path, new: str, policy_edit: tuple[str, str] | None = None) -> list[Finding]:
    d = tmp_path / "atlas-api"
    shutil.copytree(ATLAS, d)
    text = (d / "case.yaml").read_text()
    assert text.count(ANSWERED) == 1
    (d / "case.yaml").write_text(text.replace(ANSWERED, new))
    if policy_edit is not None:
        pol = (d / "policy.yaml").read_text()
        assert policy_edit[0] in pol
        (d / "policy.yaml").write_text(pol.replace(policy_edit[0], policy_edit[1], 1))
    loaded = load_case(d / "case.yaml")
    return [f for f in check_case(loaded, today=TODAY, artifacts=rehash_artifacts(loaded)).findings if f.code == "CG504"]


def test_an_answer_by_a_role_that_may_answer_closes_the_objection(tmp_path: Path) -> None:
    assert _cg504(tmp_path, ANSWERED) == []


@pytest.mark.parametrize("role", ["product-lead", "marketing"])
def test_an_answer_the_lab_records_from_a_role_that_may_not_answer_blocks(tmp_path: Path, role: str) -> None:
    """Attack: the external evaluator's objection is marked answered by the product lead (or a
    role nobody holds), who may not answer objections."""
    [f] = _cg504(tmp_path, f"      answered_by: {role}\n")
    assert f.severity is RuleSeverity.blocking
    assert f"answered by `{role}`, a role the policy does not let answer objections" in f.message
    assert "allowed: external-evaluator, rso, safety-lead" in f.message


def test_an_answer_with_no_answering_role_blocks(tmp_path: Path) -> None:
    """Attack: the answer is recorded with no role at all."""
    [f] = _cg504(tmp_path, "")
    assert f.severity is RuleSeverity.blocking and "does not say which role answered it" in f.message


def test_the_policy_answer_roles_decide_who_may_answer(tmp_path: Path) -> None:
    edit = ("  product_role: product-lead\n", "  product_role: product-lead\n  answer_roles: [rso]\n")
    [f] = _cg504(tmp_path, ANSWERED, edit)
    assert "answered by `safety-lead`" in f.message and "allowed: rso" in f.message
    assert _cg504(tmp_path / "b", "      answered_by: rso\n", edit) == []


SIGNED_FROM = ("  product_role: product-lead\n", "  product_role: product-lead\n  signed_answers_from: {}\n")


def test_past_the_boundary_the_policy_names_a_typed_answer_leaves_the_objection_open(tmp_path: Path) -> None:
    """Attack: the policy counts only signed answers from `api` on; the case (an api boundary)
    records the external evaluator's objection as answered by the safety lead, in its own words,
    with nothing signed to show who answered or that the objector accepted it. Before, a role that
    may answer was enough."""
    edit = (SIGNED_FROM[0], SIGNED_FROM[1].format("api"))
    [f] = _cg504(tmp_path, ANSWERED, edit)
    assert f.severity is RuleSeverity.blocking
    assert f.message == ("objection `O-1` by Priya Natarajan (external-evaluator) is marked answered in the case, "
                         "with no signed objection it refers to (`envelope`), but at `api` the policy counts only a "
                         "signed answer the objector accepted (`signoff.signed_answers_from: api`): the objection "
                         "stands open")
    assert f.help is not None and "`casegate answer --accept`" in f.help


def test_below_the_boundary_the_policy_names_a_typed_answer_still_counts(tmp_path: Path) -> None:
    assert _cg504(tmp_path, ANSWERED, (SIGNED_FROM[0], SIGNED_FROM[1].format("consumer"))) == []
