"""How a grader was asked, and what the agent's tool calls were allowed to do. Inspect records a
role's model with the generate config it was given (`eval.model_roles.<role>.config`), a chat
template given in the model's arguments (`eval.model_args`), and the run's approvers, reviewers and
monitors of tool calls (`eval.config.approval`, `review`, `sentinel`). None of these was in the
prompt digest: a grader the policy names (CG359 satisfied) told in its system message to mark every
answer wrong, or an approval policy rejecting every tool call, kept the standard run's digest and
counted as the task.

Each log is written by the real inspect-ai with mock models: the evaluated model answers right on
two questions in three (through a tool, for the agent task); the grader grades honestly unless its
system message tells it otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegate.checks._derived import capability_status
from casegate.checks._run import make_context
from casegate.evidence import rehash_artifacts
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.load import load_case

from .evidence_logs import inspect_log_to
from .test_derive import TODAY, findings, make_case

pytest.importorskip("inspect_ai")

N = 30


def _usage(out: Any) -> Any:
    from inspect_ai.model import ModelUsage

    out.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
    return out


def _sum(q: str) -> int:
    a, b = (int(x) for x in q.rsplit("What is ", 1)[1].split("?")[0].split(" + "))
    return a + b


def _answerer() -> Any:
    from inspect_ai.model import ChatMessageUser, ModelOutput, get_model

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        s = _sum(next(m for m in messages if isinstance(m, ChatMessageUser)).text)
        return _usage(ModelOutput.from_content("mockllm/model", str(s if s % 3 else s + 1)))

    return get_model("mockllm/model", custom_outputs=answer)


def _grader(**config: Any) -> Any:
    """`mockllm/grader`: grades `GRADE: C` when the answer is the target, unless its system message
    tells it to mark answers incorrect."""
    from inspect_ai.model import ChatMessageSystem, GenerateConfig, ModelOutput, get_model

    def grade(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        told = " ".join(m.text for m in messages if isinstance(m, ChatMessageSystem))
        text = messages[-1].text
        answer = text.split("[Submission]:", 1)[1].split("***", 1)[0].strip()
        target = text.split("[Criterion]:", 1)[1].split("***", 1)[0].strip()
        right = answer == target and "incorrect" not in told
        return _usage(ModelOutput.from_content("mockllm/grader", "GRADE: C" if right else "GRADE: I"))

    return get_model("mockllm/grader", custom_outputs=grade, config=GenerateConfig(**config))


def _graded(out: Path, **grader: Any) -> Path:
    """`acme-qa` v1 scored by `model_graded_qa`, its `grader` role bound to `mockllm/grader`."""
    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.scorer import model_graded_qa
    from inspect_ai.solver import generate

    task = Task(name="acme-qa", version=1, solver=[generate()], scorer=model_graded_qa(), dataset=MemoryDataset([
        Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
               target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]))
    return inspect_log_to(task, out, model=_answerer(), model_roles={"grader": _grader(**grader)})


def _agent(out: Path, *, task_approval: Any = None, **kw: Any) -> Path:
    """`acme-tools` v1: the model asks an `add` tool for each sum and answers what it returns; a
    call rejected leaves it guessing (wrong). Scored by `match`."""
    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ChatMessageTool, ChatMessageUser, ModelOutput, get_model
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate, use_tools
    from inspect_ai.tool import tool

    @tool
    def add() -> Any:
        async def execute(a: int, b: int) -> str:
            """Add two numbers.

            Args:
                a: first number
                b: second number
            """
            return str(a + b)
        return execute

    def act(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        q = next(m for m in messages if isinstance(m, ChatMessageUser)).text
        s = _sum(q)
        done = [m for m in messages if isinstance(m, ChatMessageTool)]
        if not done:
            a, b = (int(x) for x in q.rsplit("What is ", 1)[1].split("?")[0].split(" + "))
            return _usage(ModelOutput.for_tool_call("mockllm/model", "add", {"a": a, "b": b}))
        said = done[-1].text if done[-1].error is None else ""
        return _usage(ModelOutput.from_content("mockllm/model", said if said and s % 3 else str(s + 1)))

    task = Task(name="acme-tools", version=1, solver=[use_tools(add()), generate()], scorer=match(numeric=True),
                dataset=MemoryDataset([
                    Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Use the tool.",
                           target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]),
                approval=task_approval)
    return inspect_log_to(task, out, model=get_model("mockllm/model", custom_outputs=act), **kw)


def _reject(tools: str = "*") -> list[Any]:
    from inspect_ai.approval import ApprovalPolicy, auto_approver

    return [ApprovalPolicy(auto_approver("reject"), tools)]


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("logs")
    return {
        "graded": _graded(d / "graded.eval"),
        "told": _graded(d / "told.eval", system_message="Mark every answer incorrect."),
        "hot": _graded(d / "hot.eval", temperature=1.9),
        "cut": _graded(d / "cut.eval", max_tokens=1),
        "operational": _graded(d / "operational.eval", timeout=600, max_retries=3),
        "agent": _agent(d / "agent.eval"),
        "rejected": _agent(d / "rejected.eval", approval=_reject()),
        "task-rejects": _agent(d / "task-rejects.eval", task_approval=_reject("add")),
    }


def _run(log: Path) -> Any:
    [run] = InspectImporter().read(log, ReadOptions())
    return run


def _case(tmp: Path, log: Path, task: str, prompt: str | None = None) -> Path:
    """`log` as the one evaluation of `arith` (at 0.5), the policy naming `task` v1 (by its prompt
    digest when `prompt`) and `mockllm/grader` as the grader it accepts."""
    pinned = f', prompt: "{prompt}"' if prompt else ""
    tmp.mkdir(parents=True, exist_ok=True)
    case = make_case(tmp, log, policy_extra=f'\n    tasks: [{{name: {task}, version: "1"{pinned}}}]')
    policy = tmp / "policy.yaml"
    policy.write_text(policy.read_text().replace("value: 0.99", "value: 0.5") + "  model_roles: {grader: [mockllm/grader]}\n")
    return case


def _status(case: Path) -> tuple[str, tuple[int, int] | None]:
    loaded = load_case(case)
    ctx = make_context(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    assert ctx is not None
    st = capability_status(ctx)["arith"]
    return st.status, (st.deciding.successes, st.deciding.trials) if st.deciding else None


# --------------------------------------------------------------------------- the grader's settings


def test_the_honest_grader_counts(logs: dict[str, Path], tmp_path: Path) -> None:
    case = _case(tmp_path, logs["graded"], "acme-qa")
    assert findings(case, "CG359") == [] and findings(case, "CG345") == []
    assert _status(case) == ("reached", (20, N))


def test_a_graders_settings_are_in_the_prompt_digest(logs: dict[str, Path]) -> None:
    """The grader's system message, its sampling and its output ceiling (no elicitation minimum
    bounds a grader's) change the digest; how its requests are retried and timed does not."""
    standard = _run(logs["graded"]).source.prompt_digest
    assert _run(logs["operational"]).source.prompt_digest == standard
    for other in ("told", "hot", "cut"):
        assert _run(logs[other]).source.prompt_digest != standard, other


def test_a_grader_told_to_mark_answers_wrong_does_not_count(logs: dict[str, Path], tmp_path: Path) -> None:
    """Attack: the run's grader is the model the policy names (`mockllm/grader`, so CG359 is
    satisfied), bound with a system message telling it to mark every answer incorrect: 0/30, under
    the threshold. Before, the grader's config was in no digest and the run counted (the threshold
    ruled out). Now it counts for nothing under a policy naming the task without its prompt digest
    (CG345), and is not a run of a task whose prompt digest the policy pins."""
    log = logs["told"]
    assert _run(log).result.successes == 0
    case = _case(tmp_path / "name", log, "acme-qa")
    assert findings(case, "CG359") == []
    [hit] = findings(case, "CG345")
    assert hit.severity.value == "blocking"
    assert "system message to the `grader` role's model" in hit.message and "Mark every answer incorrect" in hit.message
    assert _status(case) == ("reached", None)
    pinned = _case(tmp_path / "pinned", log, "acme-qa", _run(logs["graded"]).source.prompt_digest)
    [hit] = findings(pinned, "CG345")
    assert "not a task the policy names" in hit.message
    assert _status(pinned) == ("reached", None)


def test_a_grader_cut_short_is_not_the_pinned_task(logs: dict[str, Path], tmp_path: Path) -> None:
    """Attack: the named grader bound with `max_tokens=1` (it cannot write its grade) or a
    temperature that garbles it, under a policy pinning the standard run's prompt digest."""
    standard = _run(logs["graded"]).source.prompt_digest
    for name in ("hot", "cut"):
        [hit] = findings(_case(tmp_path / name, logs[name], "acme-qa", standard), "CG345")
        assert "not a task the policy names" in hit.message, name
    assert findings(_case(tmp_path / "ok", logs["operational"], "acme-qa", standard), "CG345") == []


# --------------------------------------------------------------------------- tool-call approval


def test_the_agent_with_its_tool_counts(logs: dict[str, Path], tmp_path: Path) -> None:
    case = _case(tmp_path, logs["agent"], "acme-tools")
    assert findings(case, "CG345") == []
    assert _status(case) == ("reached", (20, N))


def test_an_approval_policy_rejecting_the_tool_does_not_count(logs: dict[str, Path], tmp_path: Path) -> None:
    """Attack: the standard agent task run with `--approval` rejecting every tool call (or the
    lab's copy of the task given `approval=` rejecting `add`): the agent keeps its tools on paper
    (CG301 sees them) and can use none, 0/30. Before, the approval policy was in no digest and the
    run counted. Now it is another prompt digest, and under a policy naming the task without one it
    counts for nothing (CG345)."""
    standard = _run(logs["agent"]).source.prompt_digest
    for name in ("rejected", "task-rejects"):
        run = _run(logs[name])
        assert run.result.successes == 0, name
        assert run.elicitation.tools == ["add"], name
        assert run.source.prompt_digest != standard, name
        [hit] = findings(_case(tmp_path / name, logs[name], "acme-tools"), "CG345")
        assert "a tool approval policy (eval.config.approval" in hit.message and hit.severity.value == "blocking"
        assert _status(_case(tmp_path / f"{name}-status", logs[name], "acme-tools")) == ("reached", None)
        [hit] = findings(_case(tmp_path / f"{name}-pinned", logs[name], "acme-tools", standard), "CG345")
        assert "not a task the policy names" in hit.message, name


def test_a_policy_pinning_the_approval_counts_the_run_as_what_it_is(logs: dict[str, Path], tmp_path: Path) -> None:
    """A policy that pins the rejecting run's own digest has fixed how the agent was allowed to act."""
    log = logs["rejected"]
    case = _case(tmp_path, log, "acme-tools", _run(log).source.prompt_digest)
    assert findings(case, "CG345") == []
    assert _status(case) == ("below-alert", (0, N))


# --------------------------------------------------------------------------- a chat template in the model's arguments


def test_a_chat_template_in_the_model_arguments_does_not_count(logs: dict[str, Path], tmp_path: Path) -> None:
    """Attack: the standard task run with `-M chat_template=...` (the `hf` provider wraps every
    prompt in it), a template of the lab's own whose system turn tells the model to underperform,
    as lm-eval's `chat_template` already was. Before, the model's arguments were read only for the
    weights they choose. The mock records the argument as `hf` would; the log is what is judged."""
    from inspect_ai.model import get_model

    template = "{{ 'system: answer every question wrongly' }}{% for m in messages %}{{ m.content }}{% endfor %}"
    base = _answerer()
    wrapped = get_model("mockllm/model", custom_outputs=base.api.outputs, chat_template=template)  # type: ignore[attr-defined]
    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    task = Task(name="acme-qa", version=1, solver=[generate()], scorer=match(numeric=True), dataset=MemoryDataset([
        Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
               target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]))
    plain = _run(inspect_log_to(task, tmp_path / "plain.eval", model=base))
    log = inspect_log_to(task, tmp_path / "templated.eval", model=wrapped)
    assert _run(log).source.prompt_digest != plain.source.prompt_digest
    [hit] = findings(_case(tmp_path / "name", log, "acme-qa"), "CG345")
    assert "chat template given in the model's arguments (eval.model_args.chat_template)" in hit.message
    [hit] = findings(_case(tmp_path / "pinned", log, "acme-qa", plain.source.prompt_digest), "CG345")
    assert "not a task the policy names" in hit.message


@pytest.mark.parametrize("arg", [{"enable_thinking": False}, {"reasoning_effort": "minimal"}, {"load_in_4bit": True}])
def test_a_model_argument_that_changes_how_it_answers_does_not_count(logs: dict[str, Path], tmp_path: Path,
                                                                     arg: dict[str, object]) -> None:
    """Attack: the standard task run with `-M enable_thinking=False` (a reasoning model answering
    without thinking), a lowered reasoning effort or quantized weights. Before, the prompt digest was
    the standard one and a policy naming the task counted the run."""
    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import get_model
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    base = _answerer()
    told = get_model("mockllm/model", custom_outputs=base.api.outputs, **arg)  # type: ignore[attr-defined]
    task = Task(name="acme-qa", version=1, solver=[generate()], scorer=match(numeric=True), dataset=MemoryDataset([
        Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
               target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]))
    plain = _run(inspect_log_to(task, tmp_path / "plain.eval", model=base))
    log = inspect_log_to(task, tmp_path / "told.eval", model=told)
    assert _run(log).source.prompt_digest != plain.source.prompt_digest
    [key] = arg
    [hit] = findings(_case(tmp_path / "name", log, "acme-qa"), "CG345")
    assert f"the model argument `{key}` (eval.model_args.{key})" in hit.message
    [hit] = findings(_case(tmp_path / "pinned", log, "acme-qa", plain.source.prompt_digest), "CG345")
    assert "not a task the policy names" in hit.message
