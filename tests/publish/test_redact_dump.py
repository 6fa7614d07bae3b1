"""`redact` builds the public document from pydantic-core's dump of the whole case; it must give
exactly what the field-by-field walk gave (`walk_reference.reference_redact`): the same document,
byte for byte as JSON (keys in the same order), the same stubs in the same order, the same
sealed content and commitments, the same masked step names and the same leaves for the text
guard. Checked on every example at every level, on a generated case, and on hypothesis-generated
canary cases (random levels, extra redacted pathways whose steps safeguards name)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from casegate.load import load_case
from casegate.model import Case, Confidentiality
from casegate.publish import KeyedSalts, redact

from .canary import CanaryCase, canary_cases, example_case
from .walk_reference import reference_redact

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(ROOT.glob("examples/**/case.yaml"))
KEY = bytes(range(32))


def _assert_same(case: Case, level: Confidentiality) -> None:
    got = redact(case, KeyedSalts(KEY), level)
    want = reference_redact(case, KeyedSalts(KEY), level)
    assert json.dumps(got.document, ensure_ascii=False) == json.dumps(want.document, ensure_ascii=False)
    assert list(got.stubs.items()) == list(want.stubs.items())
    assert list(got.sealed.items()) == list(want.sealed.items())
    assert got.step_mask == want.step_mask
    assert got.leaves == want.leaves
    assert got.sealed_leaves == want.sealed_leaves


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("level", list(Confidentiality), ids=lambda lv: lv.value)
def test_the_dumped_document_is_the_walked_one_on_the_examples(path: Path, level: Confidentiality) -> None:
    case = load_case(path).case
    assert case is not None
    _assert_same(case, level)


def test_the_dumped_document_is_the_walked_one_on_a_generated_case(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from gen_case import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    generate(300, tmp_path / "generated")
    case = load_case(tmp_path / "generated" / "case.yaml").case
    assert case is not None
    for level in Confidentiality:
        _assert_same(case, level)


_BASE = example_case()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(canary_cases(_BASE))
def test_the_dumped_document_is_the_walked_one_on_canary_cases(cc: CanaryCase) -> None:
    _assert_same(cc.case, cc.level)
    assert redact(cc.case, KeyedSalts(KEY), cc.level).stubs  # the canaries are redacted: something to compare


def test_step_names_are_masked_wherever_they_stand() -> None:
    """A redacted pathway's step names are masked as text values at any depth of the dump (a
    safeguard's `blocks`, a stub's revealed lists), never as keys."""
    doc = _BASE.model_dump(mode="json", exclude_defaults=True)
    domain = next(iter(doc["threat_model"]))
    pid = next(iter(doc["threat_model"][domain]["pathways"]))
    pathway = doc["threat_model"][domain]["pathways"][pid]
    pathway["confidentiality"] = "restricted"
    step = pathway["steps"][0]
    sid = next(iter(doc["safeguards"]))
    doc["safeguards"][sid]["blocks"] = [f"{pid}.{step}"]
    doc["safeguards"][sid]["confidentiality"] = "public"
    case = Case.model_validate(doc)
    rd = redact(case, KeyedSalts(KEY), Confidentiality.public)
    assert rd.document["safeguards"][sid]["blocks"] == [f"{pid}.#1"]
    assert f"{pid}.{step}" not in json.dumps(rd.document)
    _assert_same(case, Confidentiality.public)
