"""Runs cut short by spend, and other models in named roles. Inspect caps a sample's spend
(`cost_limit`, in dollars) beside its token budget: a run keeping the header's 4,000,000 tokens can
end every sample after a few cents. It also runs other models under named roles (`model_roles`):
the grader that scores each answer, the attacker that tries a safeguard. A lenient or weak grader,
a weak attacker or the system grading itself moves the counts with no change in the model. The
logs are the agent fixture inspect-ai wrote, changed as a run with a spend cap records it, and runs
inspect-ai makes here with its mock model, a second mock holding the grader role."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

from casegate.evidence import describe_evidence
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.load import load_case

from .evidence_logs import INSPECT
from .test_derive import RND_DATE, findings, make_case
from .test_generation_ceilings import _rewritten

pytest.importorskip("inspect_ai")


def _cg301(tmp: Path, log: Path, minimum: str) -> str:
    (tmp / "c").mkdir()
    case = make_case(tmp / "c", log, date=RND_DATE, policy_extra=f"\n    elicitation: {minimum}")
    return " ".join(f.message for f in findings(case, "CG301"))


def _capped(log: Any) -> None:
    log.eval.config.cost_limit = 0.05


# --------------------------------------------------------------------------- cost_limit


def test_a_spend_cap_is_read_from_the_header_and_from_a_solver_step(tmp_path: Path) -> None:
    [plain] = InspectImporter().read(INSPECT / "rnd-agent.eval", ReadOptions())
    assert plain.elicitation.cost_limit is None
    [run] = InspectImporter().read(_rewritten(tmp_path, _capped), ReadOptions())
    assert run.elicitation.cost_limit == 0.05 and run.elicitation.budget_tokens == 4_000_000

    def in_step(log: Any) -> None:
        log.eval.config.cost_limit = 5.0
        log.plan.steps[-1].params = {"cost_limit": 0.02}
    (tmp_path / "s").mkdir()
    [run] = InspectImporter().read(_rewritten(tmp_path / "s", in_step), ReadOptions())
    assert run.elicitation.cost_limit == 0.02


def test_a_run_capped_by_spend_does_not_meet_a_token_budget_the_policy_prices_at_nothing(tmp_path: Path) -> None:
    """Attack: the header keeps 4,000,000 tokens per sample and the run sets `--cost-limit 0.05`:
    every sample of the agent ends after five cents. Before, the policy's 1,000,000-token minimum was
    met on the header's figure."""
    log = _rewritten(tmp_path, _capped)
    below = _cg301(tmp_path, log, "{budget_tokens: 1000000}")
    assert "ran under a `cost_limit` of $0.05 per sample" in below and "not shown met" in below, below
    (tmp_path / "plain").mkdir()
    assert _cg301(tmp_path / "plain", INSPECT / "rnd-agent.eval", "{budget_tokens: 1000000}") == ""


def test_a_policy_minimum_on_spend_is_compared_with_the_runs_cap(tmp_path: Path) -> None:
    log = _rewritten(tmp_path, _capped)
    (tmp_path / "a").mkdir()
    below = _cg301(tmp_path / "a", log, "{budget_tokens: 1000000, cost_limit: 20}")
    assert "ran under a `cost_limit` of $0.05 per sample; the policy asks for at least $20" in below, below
    (tmp_path / "b").mkdir()
    assert "cost_limit" not in _cg301(tmp_path / "b", log, "{budget_tokens: 1000000, cost_limit: 0.01}")


def test_a_typed_cost_limit_the_log_contradicts_is_a_mismatch(tmp_path: Path) -> None:
    log = _rewritten(tmp_path, _capped)
    (tmp_path / "c").mkdir()
    case = make_case(tmp_path / "c", log, date=RND_DATE, extra="    elicitation: {cost_limit: 50}\n")
    assert any("cost_limit" in f.message for f in findings(case, "CG340"))


# --------------------------------------------------------------------------- model_roles


def _grader_run(tmp: Path, grader: str, *, base_url: str | None = None) -> Path:
    """A real run of an arithmetic task scored by `model_graded_qa`, whose `grader` role is held by
    `grader` (a mock that grades every answer incorrect, as a lenient-for-the-lab grader would)."""
    from inspect_ai import Task
    from inspect_ai import eval as inspect_eval
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ModelOutput, get_model
    from inspect_ai.scorer import model_graded_qa
    from inspect_ai.solver import generate

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        return ModelOutput.from_content("mockllm/model", "4")

    def grade(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        return ModelOutput.from_content(grader, "GRADE: I")

    task = Task(name="acme-ctf", version=1, solver=[generate()], scorer=model_graded_qa(),
                dataset=MemoryDataset([Sample(id=i, input=f"What is 2 + 2? ({i})", target="4") for i in range(6)]))
    work = Path(tempfile.mkdtemp(prefix="casegate-roles-"))
    try:
        kw = {"base_url": base_url} if base_url else {}
        [run] = inspect_eval(task, model=get_model("mockllm/model", custom_outputs=answer),
                             model_roles={"grader": get_model(grader, custom_outputs=grade, **kw)},
                             log_dir=str(work), display="none")
        out = tmp / "graded.eval"
        shutil.move(str(Path(run.location)), out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def _roles_case(tmp: Path, log: Path, roles: str | None = None, *, system_is_mock: bool = False) -> Path:
    tmp.mkdir()
    case = make_case(tmp, log)
    if roles is not None:
        pol = tmp / "policy.yaml"
        pol.write_text(pol.read_text() + f"  model_roles: {roles}\n")
    if system_is_mock:
        case.write_text(case.read_text().replace('  version: "1.0"\n', '  version: "1.0"\n  evaluated_as: [mockllm/model]\n', 1))
    return case


def test_the_log_records_the_grader_role(tmp_path: Path) -> None:
    log = _grader_run(tmp_path, "mockllm/weak")
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.model_roles == {"grader": ["mockllm/weak"]}
    view = describe_evidence(load_case(_roles_case(tmp_path / "c", log)), "E-run")
    assert view["derived"]["model_roles"]["value"] == {"grader": ["mockllm/weak"]}


def test_a_grader_the_policy_names_no_model_for_blocks(tmp_path: Path) -> None:
    """Attack: the lab's run is scored by a weak grader it chose (`--model-role grader=...`), which
    marks every answer wrong. Before, the grader was not read: the counts stood as the model's."""
    log = _grader_run(tmp_path, "mockllm/weak")
    hits = findings(_roles_case(tmp_path / "none", log), "CG359")
    assert hits and "a role the policy names no model for" in hits[0].message and hits[0].severity.value == "blocking"
    hits = findings(_roles_case(tmp_path / "other", log, "{grader: [mockllm/strong]}"), "CG359")
    assert hits and "not a model the policy names for that role (`mockllm/strong`)" in hits[0].message
    assert findings(_roles_case(tmp_path / "named", log, "{grader: [mockllm/weak]}"), "CG359") == []


def test_the_system_grading_itself_blocks_whatever_the_policy_names(tmp_path: Path) -> None:
    """Attack: the grader role is the system under test itself, which the policy lists for it."""
    log = _grader_run(tmp_path, "mockllm/model")
    hits = findings(_roles_case(tmp_path / "c", log, "{grader: [mockllm/model]}", system_is_mock=True), "CG359")
    assert hits and "the system under test itself" in hits[0].message


def test_a_grader_reached_at_another_server_is_not_the_named_model(tmp_path: Path) -> None:
    """Attack: the grader is named as the model the policy lists, but reached at a server of the
    lab's (`--model-role grader={model: ..., base_url: ...}`), which answers with whatever it holds."""
    log = _grader_run(tmp_path, "mockllm/strong", base_url="http://10.0.0.7:8000/v1")
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.model_roles == {"grader": ["mockllm/strong (base_url=http://10.0.0.7:8000/v1)"]}
    hits = findings(_roles_case(tmp_path / "c", log, "{grader: [mockllm/strong]}"), "CG359")
    assert hits and "not a model the policy names" in hits[0].message


def test_a_grader_given_to_the_scorer_by_name_is_a_model_without_a_role(tmp_path: Path) -> None:
    """Attack: no role is given; the scorer is handed a weak grader by name
    (`model_graded_qa(model=...)`). The samples' usage records the grader's calls: it is listed
    under `(no role)`, which the policy must name like any role."""
    from inspect_ai import Task
    from inspect_ai import eval as inspect_eval
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ModelOutput, ModelUsage, get_model
    from inspect_ai.scorer import model_graded_qa
    from inspect_ai.solver import generate

    def out(model: str, text: str) -> Any:
        o = ModelOutput.from_content(model, text)
        o.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        return o

    grader = get_model("mockllm/weak", custom_outputs=lambda *a: out("mockllm/weak", "GRADE: I"))
    task = Task(name="acme-ctf", version=1, solver=[generate()], scorer=model_graded_qa(model=grader),
                dataset=MemoryDataset([Sample(id=i, input=f"What is 2 + 2? ({i})", target="4") for i in range(4)]))
    work = Path(tempfile.mkdtemp(prefix="casegate-roles-"))
    try:
        [run] = inspect_eval(task, model=get_model("mockllm/model", custom_outputs=lambda *a: out("mockllm/model", "4")),
                             log_dir=str(work), display="none")
        log = tmp_path / "scorer-model.eval"
        shutil.move(str(Path(run.location)), log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    [imported] = InspectImporter().read(log, ReadOptions())
    assert imported.source.model_roles == {"(no role)": ["mockllm/weak"]}
    hits = findings(_roles_case(tmp_path / "c", log), "CG359")
    assert hits and "gives role `(no role)` to `mockllm/weak`" in hits[0].message
    assert findings(_roles_case(tmp_path / "named", log, '{"(no role)": [mockllm/weak]}'), "CG359") == []
