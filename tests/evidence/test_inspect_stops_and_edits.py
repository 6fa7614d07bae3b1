"""Samples stopped by a limit no ceiling of the run records, ceilings that fired below the header's,
scores edited after the run, and a person's hand in a sample beyond an operator's message.

Inspect ends a sample on a `LimitExceededError` of any type and scores it on the work done so far.
A `custom` limit is raised by whatever code the run loaded: the developer's copy of the task can
raise it on every sample the agent is about to solve, and the run is a success with those samples
scored as failures. A limit raised under a ceiling's name (`token`) below the header's, or a scoped
`token_limit(5)` a solver wraps around the model's call, stops the samples under a ceiling the
header never states. inspect-ai's own `edit_score` rewrites a sample's score after the run (its
`history` and a `score_edit` event keep the trace) and recomputes the aggregate, so the two records
of the run still agree. A person answering the agent's `ask_user` (an `input` event), an operator's
cancel (`interrupt`, `source: user_cancel`) and an operator's stop whose `sample_limit` event stays
in the transcript are the operator's hand too. Every log here is written by the real inspect-ai
(the edits with its own reader and writer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .evidence_logs import inspect_log_to
from .test_chosen_subset import _case, _deciding
from .test_derive import findings, make_case

pytest.importorskip("inspect_ai")

N = 30


def _sum(q: str) -> int:
    a, b = (int(x) for x in q.split("What is ", 1)[1].split("?")[0].split(" + "))
    return a + b


def _run(out: Path, move: str = "", **kw: Any) -> Path:
    """`acme-ctf` v1 over N sums; the mock answers right on two in three. On each sample it would
    solve, the task's solver makes `move` before the model answers."""
    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.event import InputEvent, InterruptEvent
    from inspect_ai.log import transcript
    from inspect_ai.model import ChatMessageUser, ModelOutput, ModelUsage, get_model
    from inspect_ai.scorer import match
    from inspect_ai.solver import solver
    from inspect_ai.util import LimitExceededError, token_limit

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        s = _sum(next(m for m in messages if isinstance(m, ChatMessageUser)).text)
        told = any(isinstance(m, ChatMessageUser) and m.text == "Answer 0." for m in messages)
        o = ModelOutput.from_content("mockllm/model", "0" if told else str(s if s % 3 else s + 1))
        o.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        return o

    @solver
    def task_code() -> Any:
        async def solve(state, generate):  # type: ignore[no-untyped-def]
            if not _sum(state.input_text) % 3:
                return await generate(state)
            if move == "custom":
                raise LimitExceededError("custom", value=1, limit=1, message="task gave up")
            if move == "token-named":
                raise LimitExceededError("token", value=11, limit=10)
            if move == "scoped-token":
                try:
                    with token_limit(5):
                        return await generate(state)
                except LimitExceededError:
                    state.output = ModelOutput.from_content("mockllm/model", "0")
                    return state
            if move == "ask-user":
                # a person's answer to the agent's question, as the input screen records it
                transcript()._event(InputEvent(input="Answer 0.", input_ansi="Answer 0."))
                state.messages.append(ChatMessageUser(content="Answer 0."))
            if move == "user-cancel":
                # an operator's cancel of the turn, as the live channel records it
                transcript()._event(InterruptEvent(source="user_cancel", interrupted="generate"))
                state.messages.append(ChatMessageUser(content="Answer 0."))
            return await generate(state)
        return solve

    task = Task(name="acme-ctf", version=1, solver=[task_code()], scorer=match(numeric=True), dataset=MemoryDataset([
        Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
               target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]))
    return inspect_log_to(task, out, model=get_model("mockllm/model", custom_outputs=answer), **kw)


def _scored(log: Path) -> tuple[int, int]:
    [run] = InspectImporter().read(log, ReadOptions())
    return run.result.successes or 0, run.source.scored or 0


def test_the_honest_run_counts_20_of_30(tmp_path: Path) -> None:
    log = _run(tmp_path / "honest.eval")
    assert _scored(log) == (20, N)
    (tmp_path / "c").mkdir()
    assert _deciding(_case(tmp_path / "c", log)) == ("reached", 20, N)


def test_samples_a_custom_limit_stopped_count_as_solved(tmp_path: Path) -> None:
    """Attack: the task's code raises a `custom` limit on every sample the agent is about to solve:
    a successful log scoring 0/30. Before, 0/30 counted and the threshold (0.5) was ruled out."""
    from inspect_ai.log import read_eval_log_sample_summaries

    log = _run(tmp_path / "custom.eval", "custom")
    assert sorted(str(s.limit) for s in read_eval_log_sample_summaries(str(log))).count("custom") == 20
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.status == "success" and run.source.scored == 10
    assert any("`custom`" in n for n in run.notes), run.notes
    (tmp_path / "c").mkdir()
    assert _deciding(_case(tmp_path / "c", log)) == ("reached", 20, N)


def test_a_stop_of_a_type_casegate_does_not_know_counts_as_solved(tmp_path: Path) -> None:
    """Attack: the samples' recorded stop rewritten, with inspect-ai's own writer, to `context` (a
    type the schema lists, which records no ceiling of the run)."""
    from inspect_ai.log import EvalSampleLimit, read_eval_log, write_eval_log

    log = read_eval_log(str(_run(tmp_path / "custom.eval", "custom")))
    for s in log.samples or []:
        if s.limit is not None:
            s.limit = EvalSampleLimit(type="context", limit=8192)
    out = tmp_path / "context.eval"
    write_eval_log(log, str(out))
    [run] = InspectImporter().read(out, ReadOptions())
    assert run.source.scored == 10 and any("`context`" in n for n in run.notes), run.notes


@pytest.mark.parametrize("move,budget", [("token-named", 10), ("scoped-token", 5)])
def test_a_ceiling_that_fired_below_the_headers_is_the_runs(tmp_path: Path, move: str, budget: int) -> None:
    """Attack: the run states 4,000,000 tokens per sample; the task's code stops each sample the
    agent would solve with a token limit of 10 (raised under the ceiling's name) or wraps its call
    in a scoped `token_limit(5)`. Before, the budget read 4,000,000 and the policy's minimum of
    1,000,000 tokens was met; the budget is now the ceiling that fired, and CG301 judges it."""
    log = _run(tmp_path / f"{move}.eval", move, token_limit=4_000_000)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.elicitation.budget_tokens == budget
    (tmp_path / "c").mkdir()
    case = make_case(tmp_path / "c", log,
                     policy_extra="\n    elicitation: {budget_tokens: 1000000}")
    assert f"a budget of {budget} tokens" in " ".join(f.message for f in findings(case, "CG301"))


def test_an_honest_token_limit_keeps_the_headers_budget(tmp_path: Path) -> None:
    log = _run(tmp_path / "honest.eval", token_limit=4_000_000)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.elicitation.budget_tokens == 4_000_000 and run.source.scored == N


def _edited(tmp: Path, *, keep_trace: str = "both") -> Path:
    """The honest run, every correct score edited to incorrect after it with inspect-ai's own
    `edit_score` (with the reviewer's provenance, the aggregate recomputed) and written back."""
    from inspect_ai.log import ProvenanceData, edit_score, read_eval_log, write_eval_log
    from inspect_ai.scorer import ScoreEdit

    log = read_eval_log(str(_run(tmp / "honest.eval")))
    for s in log.samples or []:
        if s.scores and s.scores["match"].value == "C":
            edit_score(log, s.id, "match", ScoreEdit(value="I", provenance=ProvenanceData(
                author="acme-reviewer", reason="false positive")), epoch=s.epoch)
            if keep_trace == "events":
                s.scores["match"].history = []
            elif keep_trace == "history":
                s.events = [e for e in s.events if e.event != "score_edit"]
    out = tmp / f"edited-{keep_trace}.eval"
    write_eval_log(log, str(out))
    return out


@pytest.mark.parametrize("keep_trace", ["both", "events", "history"])
def test_scores_edited_after_the_run_are_not_scored(tmp_path: Path, keep_trace: str) -> None:
    """Attack: after the run the lab's reviewer marks every answer the model got right incorrect
    (inspect-ai's `edit_score`, aggregate recomputed, so the log's two records agree). Before, 0/30
    counted; each edited sample is now attempted but not scored, so it counts as solved."""
    log = _edited(tmp_path, keep_trace=keep_trace)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.scored == 10 and any("edited after the run" in n for n in run.notes), run.notes
    (tmp_path / "c").mkdir()
    assert _deciding(_case(tmp_path / "c", log)) == ("reached", 20, N)


@pytest.mark.parametrize("move", ["ask-user", "user-cancel"])
def test_a_persons_hand_in_the_transcript_is_not_scored(tmp_path: Path, move: str) -> None:
    """Attack: a person answers the agent's question (`input` event) or cancels its turn (`interrupt`
    by `user_cancel`) and tells it to answer 0, on every sample it would solve, the message given
    as an ordinary user message. Before, 0/30 counted."""
    log = _run(tmp_path / f"{move}.eval", move)
    assert _scored(log) == (0, 10)
    (tmp_path / "c").mkdir()
    assert _deciding(_case(tmp_path / "c", log)) == ("reached", 20, N)


def test_an_operator_stop_whose_limit_was_written_out_is_not_scored(tmp_path: Path) -> None:
    """Attack: the samples an operator stopped (`TerminateSampleError`, as an approver's
    `terminate` raises it) with their `limit` cleared by inspect-ai's own writer; the transcript's
    `sample_limit` event of type `operator` stays."""
    from inspect_ai import Task
    from inspect_ai._util.exception import TerminateSampleError
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.log import read_eval_log, write_eval_log
    from inspect_ai.model import ChatMessageUser, ModelOutput, ModelUsage, get_model
    from inspect_ai.scorer import match
    from inspect_ai.solver import solver

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        s = _sum(next(m for m in messages if isinstance(m, ChatMessageUser)).text)
        o = ModelOutput.from_content("mockllm/model", str(s if s % 3 else s + 1))
        o.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        return o

    @solver
    def stop() -> Any:
        async def solve(state, generate):  # type: ignore[no-untyped-def]
            if _sum(state.input_text) % 3:
                raise TerminateSampleError("operator stopped it")
            return await generate(state)
        return solve

    task = Task(name="acme-ctf", version=1, solver=[stop()], scorer=match(numeric=True), dataset=MemoryDataset([
        Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
               target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]))
    log = read_eval_log(str(inspect_log_to(task, tmp_path / "stopped.eval",
                                           model=get_model("mockllm/model", custom_outputs=answer))))
    for s in log.samples or []:
        s.limit = None
    out = tmp_path / "cleared.eval"
    write_eval_log(log, str(out))
    assert _scored(out) == (0, 10)


def test_answers_read_from_a_cache_filled_by_another_model_are_not_scored(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the lab fills Inspect's response cache under the evaluated model's name with wrong
    answers (a first run of a model that answers 0, cached), then runs the evaluation with `cache`:
    every response is read from the cache, and the log of a successful run scores 0/30 where the
    model solves 20/30. Before, 0/30 counted; samples answered from the cache are now attempted but
    not scored."""
    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ChatMessageUser, ModelOutput, ModelUsage, get_model
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    monkeypatch.setenv("INSPECT_CACHE_DIR", str(tmp_path / "cache"))

    def wrong(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        o = ModelOutput.from_content("mockllm/model", "0")
        o.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        return o

    def right(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        s = _sum(next(m for m in messages if isinstance(m, ChatMessageUser)).text)
        o = ModelOutput.from_content("mockllm/model", str(s if s % 3 else s + 1))
        o.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        return o

    def task(solvable_only: bool = False) -> Any:
        return Task(name="acme-ctf", version=1, solver=[generate(cache=True)], scorer=match(numeric=True),
                    dataset=MemoryDataset([
                        Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
                               target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)
                        if not solvable_only or (i % 17 + 1 + i % 11 + 2) % 3]))

    # the cache filled, for the questions the model solves, with a model's answers that are all wrong
    inspect_log_to(task(solvable_only=True), tmp_path / "filler.eval",
                   model=get_model("mockllm/model", custom_outputs=wrong))
    log = inspect_log_to(task(), tmp_path / "cached.eval", model=get_model("mockllm/model", custom_outputs=right))
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.status == "success" and run.source.scored == 10
    assert any("response cache" in n for n in run.notes), run.notes
    (tmp_path / "c").mkdir()
    assert _deciding(_case(tmp_path / "c", log)) == ("reached", 20, N)


def test_summaries_rewritten_apart_from_the_samples_are_refused(tmp_path: Path) -> None:
    """Attack: the honest run's archive rewritten by hand: its `summaries.json` (which the counts are
    read from) marks the answers the model got right incorrect, the header's aggregate restated to
    match, the samples' full records left as the run wrote them. Before, 0/30 counted; the log is now
    refused as two runs' records."""
    import json
    import zipfile

    from casegate.evidence.importers import LogReadError

    honest = _run(tmp_path / "honest.eval")
    out = tmp_path / "rewritten.eval"
    with zipfile.ZipFile(honest) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "summaries.json":
                rows = json.loads(data)
                for r in rows:
                    r["scores"]["match"]["value"] = "I"
                data = json.dumps(rows).encode()
            elif info.filename in ("header.json", "_journal/start.json") and b'"results"' in data:
                head = json.loads(data)
                for sc in head["results"]["scores"]:
                    sc["metrics"]["accuracy"]["value"] = 0.0
                    if "stderr" in sc["metrics"]:
                        sc["metrics"]["stderr"]["value"] = 0.0
                data = json.dumps(head).encode()
            dst.writestr(info.filename, data)
    from inspect_ai.log import read_eval_log_sample_summaries

    assert {s.scores["match"].value for s in read_eval_log_sample_summaries(str(out))} == {"I"}
    with pytest.raises(LogReadError, match="summaries and samples are not of one run"):
        InspectImporter().read(out, ReadOptions())
