"""Samples another model answered. Inspect records, per sample, the requests a provider served with
another model than the one asked for (`model_fallbacks`): such a sample's score is not the evaluated
model's. A run whose hard samples a weaker model served counted them as the model's failures; they
are now attempted but not scored (an evaluation counts them as solved, a test as got through). Each
test is a run inspect-ai made with its mock model, whose outputs say they were served by a fallback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

from casegate.evidence import facts_for, rehash_artifacts
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.load import load_case

from .test_chosen_subset import N, _questions
from .test_derive import make_case

pytest.importorskip("inspect_ai")


def _served(q: str) -> bool:
    """The questions the weaker model serves: every fourth."""
    return int(q.split()[2]) % 4 == 0


def _model() -> Any:
    """The mock model of `test_chosen_subset`, each of whose answers to a `_served` question comes
    from `mockllm/weak` (wrong), as a provider's fallback records it."""
    from inspect_ai.model import ChatMessageUser, ModelFallback, ModelOutput, ModelUsage, get_model

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        q = next(m for m in messages if isinstance(m, ChatMessageUser)).text
        a, b = int(q.split()[2]), int(q.split()[4].rstrip("?"))
        right = (a + b) % 3 != 0 and not _served(q)
        out = ModelOutput.from_content("mockllm/model", str(a + b if right else a + b + 1))
        out.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        if _served(q):
            out.fallback = ModelFallback(model="mockllm/model", fallback_model="mockllm/weak")
        return out

    return get_model("mockllm/model", custom_outputs=answer)


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from inspect_ai import Task
    from inspect_ai import eval as inspect_eval
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    task = Task(name="acme-ctf", version=1, solver=[generate()], scorer=match(numeric=True),
                dataset=MemoryDataset([Sample(id=i, input=q, target=t) for i, q, t in _questions()]))
    out = tmp_path_factory.mktemp("fallback") / "fallback.eval"
    tmp = Path(tempfile.mkdtemp(prefix="casegate-fallback-"))
    try:
        [run] = inspect_eval(task, model=_model(), log_dir=str(tmp), display="none")
        shutil.move(str(Path(run.location)), out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def test_the_log_records_which_samples_another_model_served(log: Path) -> None:
    from inspect_ai.log import read_eval_log_sample_summaries

    served = {str(s.id) for s in read_eval_log_sample_summaries(str(log)) if s.model_fallbacks}
    assert served == {i for i, q, _ in _questions() if _served(q)} and 0 < len(served) < N


def test_samples_another_model_served_are_not_the_models_failures(log: Path, tmp_path: Path) -> None:
    """Attack: the samples a weaker model served (all failed) counted as the evaluated model's
    failures. Now they are not scored, and count as solved."""
    served = sum(_served(q) for _, q, _ in _questions())
    solved = sum((int(t) % 3 != 0) and not _served(q) for _, q, t in _questions())
    [run] = InspectImporter().read(log, ReadOptions())
    assert (run.source.samples, run.source.scored) == (N, N - served)
    assert run.result.successes == solved
    assert any("served in part by another model" in n for n in run.notes)
    loaded = load_case(make_case(tmp_path, log))
    effective, _ = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    r = effective.evidence["E-run"].result
    assert r is not None and (r.successes, r.trials) == (solved + served, N)


def test_a_red_team_counts_an_attempt_another_model_served_as_got_through(log: Path, tmp_path: Path) -> None:
    served = sum(_served(q) for _, q, _ in _questions())
    through = sum((int(t) % 3 != 0) and not _served(q) for _, q, t in _questions())
    case = make_case(tmp_path, log, tagged=False)
    case.write_text(case.read_text().replace("    kind: eval\n", "    kind: red-team\n    tests: [SG-x]\n", 1))
    loaded = load_case(case)
    effective, _ = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    r = effective.evidence["E-run"].result
    assert r is not None and (r.bypasses, r.attempts) == (through + served, N)
