"""Models called with no usage recorded. A model the samples called outside a named role was seen
only through the samples' `model_usage`, which Inspect fills from what the provider reports: a
grader reached through a provider that reports no usage left no trace there, and a model-graded
scorer the run binds no grader for grades with the model under evaluation, whose usage is the
run's own. The header names both: a scorer's options (`model_graded_qa(model=...)`) and the
scorer itself. Each run here is written by the real inspect-ai, its mock models reporting no usage
for the grader."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .test_derive import findings
from .test_spend_and_roles import _roles_case

pytest.importorskip("inspect_ai")


def _run(tmp: Path, *, grader: str | None) -> Path:
    """An arithmetic task scored by `model_graded_qa`, handed `grader` by name (no role), or, when
    None, given no grader at all. The grader's outputs carry no usage; the evaluated model's do."""
    from inspect_ai import Task
    from inspect_ai import eval as inspect_eval
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ModelOutput, ModelUsage, get_model
    from inspect_ai.scorer import model_graded_qa
    from inspect_ai.solver import generate

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        if "GRADE" in messages[-1].text:  # asked to grade: marks the answer wrong, reporting no usage
            return ModelOutput.from_content("mockllm/model", "GRADE: I")
        out = ModelOutput.from_content("mockllm/model", "4")
        out.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        return out

    scorer = model_graded_qa() if grader is None else model_graded_qa(
        model=get_model(grader, custom_outputs=lambda *a: ModelOutput.from_content(grader, "GRADE: I")))
    task = Task(name="acme-ctf", version=1, solver=[generate()], scorer=scorer,
                dataset=MemoryDataset([Sample(id=i, input=f"What is 2 + 2? ({i})", target="4") for i in range(4)]))
    work = Path(tempfile.mkdtemp(prefix="casegate-unrecorded-"))
    try:
        [run] = inspect_eval(task, model=get_model("mockllm/model", custom_outputs=answer), log_dir=str(work),
                             display="none")
        out = tmp / "graded.eval"
        shutil.move(str(Path(run.location)), out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def _usage_models(log: Path) -> set[str]:
    from inspect_ai.log import read_eval_log_sample_summaries

    return {m for s in read_eval_log_sample_summaries(str(log)) for m in s.model_usage}


def test_a_grader_named_to_the_scorer_that_reports_no_usage_is_seen(tmp_path: Path) -> None:
    """Attack: the weak grader is handed to the scorer by name and its provider reports no usage,
    so the samples' usage names only the evaluated model. Before, no role was recorded and CG359
    said nothing; the header's scorer options name the grader."""
    log = _run(tmp_path, grader="mockllm/weak")
    assert _usage_models(log) == {"mockllm/model"}
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.model_roles == {"(no role)": ["mockllm/weak"]}
    hits = findings(_roles_case(tmp_path / "c", log), "CG359")
    assert hits and "gives role `(no role)` to `mockllm/weak`" in hits[0].message
    assert hits[0].severity.value == "blocking"
    assert findings(_roles_case(tmp_path / "named", log, '{"(no role)": [mockllm/weak]}'), "CG359") == []


def test_a_model_graded_scorer_with_no_grader_bound_is_the_system_grading_itself(tmp_path: Path) -> None:
    """Attack: `model_graded_qa()` with no `grader` role bound grades with the model under
    evaluation, which marks its own answers wrong; its grading calls are filed under its own name.
    Before, no role was recorded; the run now records the system in the `grader` role (CG359)."""
    log = _run(tmp_path, grader=None)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.model_roles == {"grader": ["mockllm/model"]}
    assert run.result.successes == 0
    hits = findings(_roles_case(tmp_path / "c", log, "{grader: [mockllm/model]}", system_is_mock=True), "CG359")
    assert hits and "the system under test itself" in hits[0].message and hits[0].severity.value == "blocking"
