"""Models the task's own code calls, seen in the samples' transcripts.

A model the samples called outside a named role was seen through the samples' `model_usage` (which
Inspect fills from what the provider reports) and the models the header names in scorer options or
solver arguments. A scorer of the lab's that calls a weak grader by a name written in its code,
through a provider reporting no usage, left no trace in either: the run read as graded by nothing but
the evaluated model, and CG359 said nothing. Each sample's transcript records every model call as a
model event; those are now read. A scored sample whose transcript records no model call at all
(its events stripped) cannot tell which models it called, and is taken as calling one outside any
role. The runs are inspect-ai's own, its mock models reporting no usage for the grader."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from unittest import mock

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import UNRECORDED_CALLS, InspectImporter

from .evidence_logs import inspect_log_to
from .test_derive import findings
from .test_spend_and_roles import _roles_case

pytest.importorskip("inspect_ai")


def _run(out: Path) -> Path:
    """`acme-ctf` scored by the lab's own scorer `match`, which asks `mockllm/weak` (named in its
    code, not in its options) whether each answer is right; the weak model says no and reports no
    usage. The evaluated model answers right, with its usage."""
    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ModelOutput, ModelUsage, get_model
    from inspect_ai.model._providers.mockllm import MockLLM
    from inspect_ai.scorer import INCORRECT, Score, Target, accuracy, scorer
    from inspect_ai.solver import TaskState, generate

    @scorer(metrics=[accuracy()], name="match")
    def match():  # type: ignore[no-untyped-def]
        async def score(state: TaskState, target: Target) -> Score:
            weak = get_model("mockllm/weak", custom_outputs=lambda *a: ModelOutput.from_content("mockllm/weak", "no"))
            verdict = await weak.generate(f"Is {state.output.completion} right for {target.text}?")
            return Score(value=INCORRECT, answer=state.output.completion, explanation=verdict.completion)
        return score

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        out = ModelOutput.from_content("mockllm/model", "4")
        out.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        return out

    async def reports_none(self, output, input, tools):  # type: ignore[no-untyped-def]
        return None  # a provider that reports no usage: the output's usage stays unset

    task = Task(name="acme-ctf", version=1, solver=[generate()], scorer=match(),
                dataset=MemoryDataset([Sample(id=i, input=f"What is 2 + 2? ({i})", target="4") for i in range(4)]))
    with mock.patch.object(MockLLM, "_ensure_default_usage", reports_none):
        return inspect_log_to(task, out, model=get_model("mockllm/model", custom_outputs=answer))


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("graded") / "graded.eval")


def test_a_grader_the_lab_s_scorer_calls_by_name_is_seen(graded: Path, tmp_path: Path) -> None:
    """Attack: the weak grader is called by a name in the scorer's code, through a provider that
    reports no usage, so neither the samples' usage nor the header names it. Before, no role was
    recorded and CG359 said nothing; the samples' model events name it."""
    from inspect_ai.log import read_eval_log, read_eval_log_sample_summaries

    assert {m for s in read_eval_log_sample_summaries(str(graded)) for m in s.model_usage} == {"mockllm/model"}
    assert "mockllm/weak" not in json.dumps(read_eval_log(str(graded), header_only=True).eval.model_dump(mode="json"))
    [run] = InspectImporter().read(graded, ReadOptions())
    assert run.result.trials == 4 and run.result.successes == 0  # every sample scored, every one wrong
    assert run.source.model_roles == {"(no role)": ["mockllm/weak"]}
    hits = findings(_roles_case(tmp_path / "c", graded), "CG359")
    assert hits and "gives role `(no role)` to `mockllm/weak`" in hits[0].message
    assert hits[0].severity.value == "blocking"
    assert findings(_roles_case(tmp_path / "named", graded, '{"(no role)": [mockllm/weak]}'), "CG359") == []


def test_samples_whose_transcripts_record_no_model_call_are_not_taken_as_calling_none(
        graded: Path, tmp_path: Path) -> None:
    """Attack: the same log with every model event taken out of the sample transcripts, so the
    weak grader's calls are gone. The samples were scored, so a model was called: which cannot be
    told, and CG359 blocks."""
    stripped = tmp_path / "stripped.eval"
    with zipfile.ZipFile(graded) as src, zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("samples/"):
                sample = json.loads(data)
                sample["events"] = [e for e in sample["events"] if e.get("event") != "model"]
                data = json.dumps(sample).encode()
            dst.writestr(info.filename, data)
    [run] = InspectImporter().read(stripped, ReadOptions())
    assert run.source.model_roles == {"(no role)": [UNRECORDED_CALLS]}
    hits = findings(_roles_case(tmp_path / "c", stripped), "CG359")
    assert hits and UNRECORDED_CALLS in hits[0].message and hits[0].severity.value == "blocking"
