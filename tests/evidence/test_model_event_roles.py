"""A model called under a role, read by the name its transcript records.

Inspect's model events record the role a model was got for (`role`, `grader` say). The models the
transcripts called were matched by name only: a scorer of the lab's that grades with
`get_model(role="grader", default=...)` where the run binds no grader, so that the evaluated model's
own name answers, looked like the evaluated model answering its samples: no role was recorded and
the system grading its own answers went unseen. A call under a role by a model the header does not
bind to that role is now listed under the role. The run is inspect-ai's own, against its mock model."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .evidence_logs import inspect_log_to
from .test_derive import findings
from .test_spend_and_roles import _roles_case

pytest.importorskip("inspect_ai")


def _run(out: Path, grader: str) -> Path:
    """`acme-ctf` scored by the lab's scorer `match`, which asks the model got for role `grader`
    (`grader` when the run binds none) whether each answer is right; it says no."""
    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ModelOutput, get_model
    from inspect_ai.model._providers.mockllm import MockLLM
    from inspect_ai.scorer import INCORRECT, Score, Target, accuracy, scorer
    from inspect_ai.solver import TaskState, generate

    @scorer(metrics=[accuracy()], name="match")
    def match():  # type: ignore[no-untyped-def]
        async def score(state: TaskState, target: Target) -> Score:
            judge = get_model(role="grader", default=get_model(
                grader, custom_outputs=lambda *a: ModelOutput.from_content(grader, "no")))
            verdict = await judge.generate(f"Is {state.output.completion} right for {target.text}?")
            return Score(value=INCORRECT, answer=state.output.completion, explanation=verdict.completion)
        return score

    task = Task(name="acme-ctf", version=1, solver=[generate()], scorer=match(),
                dataset=MemoryDataset([Sample(id=i, input=f"What is 2 + 2? ({i})", target="4") for i in range(4)]))
    async def reports_none(self, output, input, tools):  # type: ignore[no-untyped-def]
        return None  # a provider that reports no usage (and counts no tokens)

    with mock.patch.object(MockLLM, "_ensure_default_usage", reports_none):
        return inspect_log_to(task, out, model=get_model(
            "mockllm/model", custom_outputs=lambda *a: ModelOutput.from_content("mockllm/model", "4")))


def test_the_evaluated_model_called_as_the_grader_is_the_system_grading_itself(tmp_path: Path) -> None:
    """Attack: the grader is the evaluated model's name, got for role `grader`. Before, its calls
    read as the evaluated model's own and no role was recorded; CG359 said nothing."""
    log = _run(tmp_path / "self.eval", "mockllm/model")
    hits = findings(_roles_case(tmp_path / "c", log, "{grader: [mockllm/model]}", system_is_mock=True), "CG359")
    assert hits and "the system under test itself" in hits[0].message, [h.message for h in hits]
    [run] = InspectImporter().read(log, ReadOptions())
    assert list(run.source.model_roles) == ["grader"]


def test_another_model_got_for_the_role_is_listed_under_it(tmp_path: Path) -> None:
    log = _run(tmp_path / "weak.eval", "mockllm/weak")
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.model_roles == {"grader": ["mockllm/weak"]}
    assert findings(_roles_case(tmp_path / "named", log, "{grader: [mockllm/weak]}"), "CG359") == []
    hits = findings(_roles_case(tmp_path / "other", log, "{grader: [mockllm/strong]}"), "CG359")
    assert hits and "not a model the policy names for that role" in hits[0].message
