"""The registry's judgement of a version records, for each audience level, what a summary for it
withholds (`withheld_marks`) and what it shows beyond its decision (`shown_by_level`). Both come
from the same redaction, text guard and public view of that level, made once: at 10k elements a
redaction is a tenth of a second, and the judgement of a large case redacted it twice per level.
What it records is what a summary built on its own for that level shows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import casegate.publish._summary as summary_module
from casegate.approve import summary_judgement
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import Salts, judged_by_level, summary_inputs
from casegate.store import MemorySaltStore, shown_sections

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"


@pytest.fixture(scope="module")
def judged() -> tuple[Any, Any, Any]:
    loaded = load_case(EXAMPLE)
    record = run_gate(loaded)
    return loaded, record, summary_inputs(loaded)


def test_each_level_is_redacted_once_for_what_is_withheld_and_shown(judged: tuple[Any, Any, Any],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    loaded, record, inputs = judged
    calls: list[Confidentiality] = []
    real = summary_module.redact

    def counted(case: Any, salts: Any, level: Confidentiality = Confidentiality.public) -> Any:
        calls.append(level)
        return real(case, salts, level)

    monkeypatch.setattr(summary_module, "redact", counted)
    found = summary_judgement(record, loaded.case, inputs)
    assert set(found["withheld"]) == set(found["shown"]) == {lv.value for lv in Confidentiality}
    assert sorted(calls) == sorted(Confidentiality)  # one redaction per level, not two


def test_what_is_shown_is_what_a_summary_built_on_its_own_shows(judged: tuple[Any, Any, Any]) -> None:
    loaded, record, inputs = judged
    withheld, shown = judged_by_level(inputs.case, record, policy=inputs.policy, basis=inputs.basis,
                                      facts=inputs.facts, folder=inputs.folder, verifiers=inputs.verifiers)
    some_withheld = False
    for level in Confidentiality:
        alone = inputs.build(record, salts=Salts(MemorySaltStore()), level=level)  # other salts, its own redaction
        assert shown[level.value] == shown_sections(json.loads(alone.model_dump_json()))
        marks = withheld[level.value]
        conditions = [c.id for c in alone.decision.conditions if c.withheld]
        findings = [i for i, f in enumerate(alone.decision.findings) if f.withheld]
        assert marks["conditions"] == conditions and marks["finding_at"] == findings
        assert marks["questions"] == [q.key for q in alone.questions if q.origin == "summary"]
        some_withheld = some_withheld or bool(conditions or findings or marks["questions"])
    assert some_withheld  # the example withholds something at some level: the marks are not all empty
    without = judged_by_level(inputs.case, record, policy=inputs.policy, basis=inputs.basis, facts=inputs.facts,
                              folder=inputs.folder, verifiers=inputs.verifiers, shown=False)
    assert without == (withheld, {})
