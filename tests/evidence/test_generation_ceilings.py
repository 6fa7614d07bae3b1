"""Ceilings that cripple an agent while its budget looks met. A policy's token budget and time limit
are per sample; a run can keep both and still give the model no room: every generation cut at a
few dozen tokens (`max_tokens`), a conversation of six messages (`message_limit`), an agent step
called with a budget of its own (`basic_agent(token_limit=...)`), or tokens metered by a formula
(`token_limit_type`) under which the header's 4,000,000 is a few thousand. The log is the one
inspect-ai wrote for the agent fixture (4,000,000 tokens and an hour per sample, 12 messages),
changed as a run with those settings records them; lm-eval's ceiling on one generation is read
from the task's, the run's and the model's arguments alike."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.evidence.importers.lm_eval import LmEvalImporter

from .evidence_logs import INSPECT, LMEVAL, lm_results
from .test_derive import RND_DATE, findings, make_case

pytest.importorskip("inspect_ai")

_MINIMUM = "\n    elicitation: {budget_tokens: 1000000, time_limit: 1800, max_tokens: 4096, message_limit: 10}"


def _rewritten(tmp: Path, change: Callable[[Any], None]) -> Path:
    from inspect_ai.log import read_eval_log, write_eval_log

    log = read_eval_log(str(INSPECT / "rnd-agent.eval"))
    change(log)
    out = tmp / "rnd-agent.eval"
    write_eval_log(log, str(out))
    return out


def _below(tmp: Path, log: Path, minimum: str = _MINIMUM) -> str:
    (tmp / "c").mkdir()
    case = make_case(tmp / "c", log, date=RND_DATE, policy_extra=minimum)
    return " ".join(f.message for f in findings(case, "CG301"))


def test_the_agent_fixture_meets_the_minimums_it_ran_under(tmp_path: Path) -> None:
    [run] = InspectImporter().read(INSPECT / "rnd-agent.eval", ReadOptions())
    el = run.elicitation
    assert (el.budget_tokens, el.max_tokens, el.message_limit, el.turn_limit, el.working_limit) == (
        4_000_000, None, 12, None, None)
    assert _below(tmp_path, INSPECT / "rnd-agent.eval") == ""


def test_every_generation_cut_short_is_below_the_minimum(tmp_path: Path) -> None:
    """Attack: the run keeps its 4,000,000-token budget and hour, and sets `max_tokens=64` on the
    model (`--max-tokens 64`): the agent's every turn stops after 64 tokens. Before, the budget
    was met and nothing named the ceiling."""
    def cut(log: Any) -> None:
        log.eval.model_generate_config.max_tokens = 64
    log = _rewritten(tmp_path, cut)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.elicitation.budget_tokens == 4_000_000 and run.elicitation.max_tokens == 64
    assert "ran under a `max_tokens` of 64 tokens" in _below(tmp_path, log)


def test_a_ceiling_in_the_tasks_config_or_a_solver_step_counts_too(tmp_path: Path) -> None:
    """Attack: the task's own config (`Task(config=GenerateConfig(max_tokens=...))`) says 4,096 and a
    `generate(max_tokens=32)` step inside the agent says 32; the lowest is what the agent had."""
    def cut(log: Any) -> None:
        log.plan.config.max_tokens = 4096
        log.plan.steps[-1].params = {"generate": {"max_tokens": 32}}
    log = _rewritten(tmp_path, cut)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.elicitation.max_tokens == 32


def test_a_conversation_of_six_messages_is_below_the_minimum(tmp_path: Path) -> None:
    """Attack: the samples ran under a message limit of 6 (the agent can call a tool twice), the
    header stating none."""
    def cut(log: Any) -> None:
        for s in log.samples or []:
            s.message_limit = 6
    log = _rewritten(tmp_path, cut)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.elicitation.message_limit == 6
    assert "ran under a `message_limit` of 6" in _below(tmp_path, log)


def test_an_agent_called_with_a_budget_of_its_own_has_that_budget(tmp_path: Path) -> None:
    """Attack: the header states 4,000,000 tokens and an hour; the agent step was called with
    `token_limit=20000, time_limit=60` (`basic_agent` takes both). Before, the policy's minimum of
    1,000,000 tokens and 30 minutes was met on the header's figures."""
    def cut(log: Any) -> None:
        log.plan.steps[-1].params = {"token_limit": 20_000, "time_limit": 60, "working_limit": 30}
    log = _rewritten(tmp_path, cut)
    [run] = InspectImporter().read(log, ReadOptions())
    assert (run.elicitation.budget_tokens, run.time_limit, run.elicitation.working_limit) == (20_000, 60, 30)
    below = _below(tmp_path, log, "\n    elicitation: {budget_tokens: 1000000, time_limit: 1800}")
    assert "a budget of 20,000 tokens" in below and "a limit of 60 s" in below


def test_tokens_metered_by_a_formula_give_no_budget(tmp_path: Path) -> None:
    """Attack: the header's 4,000,000 tokens metered as `input*1000+output` (Inspect's
    `--token-limit 'input*1000+output:4000000'`): a few thousand tokens of context end the sample.
    Before, the budget counted as 4,000,000."""
    def cut(log: Any) -> None:
        log.eval.config.token_limit_type = "input*1000+output"
        for s in log.samples or []:
            s.token_limit_type = "input*1000+output"
    log = _rewritten(tmp_path, cut)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.elicitation.budget_tokens is None
    assert any("metered by `input*1000+output`" in n for n in run.notes)
    assert "no recorded token budget" in _below(tmp_path, log, "\n    elicitation: {budget_tokens: 1000000}")


def test_counting_output_tokens_only_keeps_the_budget(tmp_path: Path) -> None:
    def out(log: Any) -> None:
        log.eval.config.token_limit_type = "output"
    [run] = InspectImporter().read(_rewritten(tmp_path, out), ReadOptions())
    assert run.elicitation.budget_tokens == 4_000_000


def test_an_lm_eval_run_cut_by_its_own_arguments_has_that_ceiling(tmp_path: Path) -> None:
    """Attack: lm-eval's generation task keeps its config's `max_gen_toks` while the run passed
    `--gen_kwargs max_gen_toks=8` or `--model_args ...,max_gen_toks=8`, which lm-eval applies over
    it. Before, the task's figure was the budget."""
    res = lm_results()
    doc = json.loads(res.read_text())
    gen_tasks = [t for t, c in doc["configs"].items() if c.get("output_type") == "generate_until"]
    assert gen_tasks, "the fixture has a generation task"
    task = gen_tasks[0]
    stated = doc["configs"][task].get("generation_kwargs", {}).get("max_gen_toks")
    for where in ("gen_kwargs", "model_args"):
        d = tmp_path / where
        d.mkdir()
        for f in LMEVAL.iterdir():
            shutil.copyfile(f, d / f.name)
        changed = json.loads(res.read_text())
        changed["config"][where] = {"max_gen_toks": 8} if where == "gen_kwargs" else "pretrained=x,max_gen_toks=8"
        (d / res.name).write_text(json.dumps(changed))
        runs = {r.task: r for r in LmEvalImporter().read(d / res.name, ReadOptions())}
        assert runs[task].elicitation.budget_tokens == runs[task].elicitation.max_tokens == 8, (where, stated)
