#!/usr/bin/env python
"""Write real evaluation logs with the real tools, offline, for casegate's evidence tests.

Inspect AI runs small arithmetic tasks against its `mockllm` model (every mock output carries
its own token usage, so no tokenizer is downloaded); lm-evaluation-harness runs small local
tasks (JSON data files next to their YAML task configs) against its `dummy` model. Nothing is
written by hand: every file under the output folder is the tool's own log.

    python scripts/gen_eval_logs.py [OUT]              # the committed test fixtures
    python scripts/gen_eval_logs.py OUT --only inspect-large --samples 2000   # benchmark input

Needs `pip install 'casegate[gen]'` (inspect-ai and lm-eval). Default OUT:
tests/fixtures/evidence/logs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("INSPECT_LOG_LEVEL", "warning")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "tests" / "fixtures" / "evidence" / "logs"


# ----------------------------------------------------------------------------- Inspect AI


def _arith_samples(n: int) -> list[tuple[str, str, str]]:
    """(id, question, answer) triples, deterministic."""
    out = []
    for i in range(n):
        a, b = (i * 7) % 50 + 1, (i * 13) % 40 + 2
        out.append((f"q{i:05d}", f"What is {a} + {b}? Answer with the number only.", str(a + b)))
    return out


def _mock_model(wrong_every: int = 3, tool_name: str | None = None, submit: bool = False,
                right_every: int | None = None):  # type: ignore[no-untyped-def]
    """A mockllm model that answers arithmetic questions, wrongly on a deterministic subset.

    Which answers are wrong depends on the question and on how many times it was asked before,
    so epochs differ. With `tool_name`, the first turn of each sample calls that tool. With
    `submit`, the answer is given through an agent's `submit` tool. With `right_every`, answers
    are right only on that fraction (a weak model), instead of wrong on `1/wrong_every`.
    """
    from inspect_ai.model import (
        ChatMessageTool,
        ChatMessageUser,
        ModelOutput,
        ModelUsage,
        get_model,
    )

    asked: dict[str, int] = {}

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        user = next(m for m in messages if isinstance(m, ChatMessageUser))
        q = user.text
        usage = ModelUsage(input_tokens=20 + len(q) // 4, output_tokens=3, total_tokens=23 + len(q) // 4)
        if tool_name and tools and not any(isinstance(m, ChatMessageTool) for m in messages):
            parts = q.split()
            out = ModelOutput.for_tool_call("mockllm/model", tool_name,
                                            {"x": int(parts[2]), "y": int(parts[4].rstrip("?"))})
            out.usage = usage
            return out
        n = asked.get(q, 0)
        asked[q] = n + 1
        a, b = int(q.split()[2]), int(q.split()[4].rstrip("?"))
        if right_every is not None:
            right = (a * 3 + b + n) % right_every == 0
        else:
            right = (a * 3 + b + n) % wrong_every != 0
        text = str(a + b if right else a + b + 1)
        if submit:
            out = ModelOutput.for_tool_call("mockllm/model", "submit", {"answer": text})
        else:
            out = ModelOutput.from_content("mockllm/model", text)
        out.usage = usage
        return out

    return get_model("mockllm/model", custom_outputs=answer)


def _task(name: str, n: int, *, version: int = 1, epochs: int = 1, solver=None, fail_on: str | None = None):  # type: ignore[no-untyped-def]
    from inspect_ai import Epochs, Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate
    from inspect_ai.solver import solver as solver_deco

    samples = [Sample(id=i, input=q, target=t) for i, q, t in _arith_samples(n)]
    steps = solver if solver is not None else [generate()]
    if fail_on is not None:
        @solver_deco
        def flaky():  # type: ignore[no-untyped-def]
            async def solve(state, generate):  # type: ignore[no-untyped-def]
                if state.sample_id == fail_on:
                    raise RuntimeError(f"sandbox for sample {fail_on} failed to start")
                return state
            return solve
        steps = [flaky(), *steps]
    return Task(name=name, version=version, dataset=MemoryDataset(samples), solver=steps,
                scorer=match(numeric=True), epochs=Epochs(epochs, "mean"))


def _run_inspect(task, out: Path, fmt: str, model, **kw) -> Path:  # type: ignore[no-untyped-def]
    from inspect_ai import eval as inspect_eval

    tmp = Path(tempfile.mkdtemp(prefix="casegate-gen-"))
    try:
        kw.setdefault("max_samples", 64)
        logs = inspect_eval(task, model=model, log_dir=str(tmp), log_format=fmt, display="none", **kw)
        src = Path(logs[0].location)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(src), out)
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def gen_inspect(out: Path) -> list[Path]:
    """A clean run (.eval and .json), several epochs, an errored run, a partial run, a run logged
    without samples, a tool-using solver, an agent, an invalidated run, and a scorer without a
    documented scale."""
    from inspect_ai.log import ProvenanceData, invalidate_samples, read_eval_log, write_eval_log
    from inspect_ai.scorer import Score, mean, scorer, stderr
    from inspect_ai.solver import generate, system_message, use_tools
    from inspect_ai.tool import tool

    d = out / "inspect"
    written = []
    written.append(_run_inspect(_task("arith-clean", 30, version=2), d / "arith-clean.eval", "eval",
                                _mock_model(), temperature=0.0, max_tokens=64))
    written.append(_run_inspect(_task("arith-json", 5), d / "arith-json.json", "json", _mock_model()))
    written.append(_run_inspect(_task("arith-epochs", 10, epochs=4), d / "arith-epochs.eval", "eval",
                                _mock_model(wrong_every=2)))
    written.append(_run_inspect(_task("arith-error", 10, fail_on="q00004"), d / "arith-error.eval",
                                "eval", _mock_model(), max_samples=1))
    written.append(gen_inspect_partial(d))
    written.append(gen_inspect_header_only(d))

    @tool
    def add():  # type: ignore[no-untyped-def]
        async def execute(x: int, y: int) -> int:
            """Add two integers.

            Args:
              x: First addend.
              y: Second addend.
            """
            return x + y
        return execute

    agentic = [system_message("You are a careful calculator. Use the add tool."),
               use_tools([add()]), generate()]
    written.append(_run_inspect(_task("arith-tools", 8, version=3, solver=agentic),
                                d / "arith-tools.eval", "eval", _mock_model(tool_name="add"),
                                token_limit=20000))

    written.append(gen_inspect_agent(d))

    # an invalidated run: the clean run's log, with two samples invalidated by inspect's own API
    log = read_eval_log(str(d / "arith-clean.eval"))
    uuids = [s.uuid for s in (log.samples or [])[:2] if s.uuid]
    inv = invalidate_samples(log, uuids, ProvenanceData(author="casegate-gen",
                                                        reason="grader bug found after the run"))
    write_eval_log(inv, str(d / "arith-invalidated.eval"))
    written.append(d / "arith-invalidated.eval")

    @scorer(metrics=[mean(), stderr()])
    def closeness():  # type: ignore[no-untyped-def]
        async def score(state, target):  # type: ignore[no-untyped-def]
            try:
                got = float(state.output.completion)
            except ValueError:
                return Score(value=0.0)
            return Score(value=1.0 / (1.0 + abs(got - float(target.text))))
        return score

    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample

    t = Task(name="arith-closeness", dataset=MemoryDataset(
        [Sample(id=i, input=q, target=a) for i, q, a in _arith_samples(6)]),
        solver=[generate()], scorer=closeness())
    written.append(_run_inspect(t, d / "arith-closeness.eval", "eval", _mock_model()))
    return written


def gen_inspect_roles(d: Path) -> Path:
    """A clean run whose `grader` role is held by the evaluated model itself (`model_roles`): the
    rule fixture of CG359."""
    from inspect_ai.model import get_model

    return _run_inspect(_task("arith-graded", 12, version=2), d / "arith-graded.eval", "eval", _mock_model(),
                        model_roles={"grader": get_model("mockllm/model")})


def gen_inspect_agent(d: Path) -> Path:
    """An agent with bash and python, several epochs, large token and time budgets, run on the
    helpful-only variant (recorded in the run's metadata): the elicitation the example policy
    asks for AI R&D tasks (the mock never calls bash or python, so no sandbox runs)."""
    from inspect_ai.solver import basic_agent
    from inspect_ai.tool import bash, python

    agent = [basic_agent(tools=[bash(timeout=60), python(timeout=60)], message_limit=12)]
    return _run_inspect(_task("rnd-agent", 50, version=1, epochs=3, solver=agent), d / "rnd-agent.eval", "eval",
                        _mock_model(submit=True, right_every=60), token_limit=4_000_000, time_limit=3600,
                        metadata={"variant": "helpful-only"})


def gen_inspect_partial(d: Path) -> Path:
    """A run limited to the first 3 of 10 samples (`--limit 3`)."""
    return _run_inspect(_task("arith-limit", 10), d / "arith-limit.eval", "eval", _mock_model(), limit=3)


def gen_inspect_header_only(d: Path) -> Path:
    """A run written without its samples (`--no-log-samples`): the header's aggregate only."""
    return _run_inspect(_task("arith-header", 6), d / "arith-header.eval", "eval", _mock_model(),
                        log_samples=False)


def gen_inspect_large(out: Path, n: int, base: int = 200) -> list[Path]:
    """One clean run with `n` samples (benchmark input, not committed).

    Running thousands of mock samples through the full eval loop takes long, so a real run of
    `base` samples is read back with inspect-ai and its samples are repeated (fresh ids and
    uuids) up to `n`, then written with inspect-ai's own `write_eval_log`.
    """
    from inspect_ai.log import read_eval_log, write_eval_log
    from shortuuid import uuid as short_uuid

    dest = out / f"arith-large-{n}.eval"
    small = _run_inspect(_task("arith-large", min(n, base)), out / f".arith-large-base-{base}.eval",
                         "eval", _mock_model(), max_samples=base)
    if n <= base:
        small.rename(dest)
        return [dest]
    log = read_eval_log(str(small))
    src = log.samples or []
    samples = []
    for i in range(n):
        s = src[i % len(src)]
        samples.append(s.model_copy(update={"id": f"q{i:06d}", "uuid": short_uuid()}))
    log.samples = samples
    log.eval.dataset.samples = n
    log.eval.dataset.sample_ids = [s.id for s in samples]
    if log.results is not None:
        log.results.total_samples = n
        log.results.completed_samples = n
    write_eval_log(log, str(dest))
    small.unlink()
    return [dest]


# ----------------------------------------------------------------------------- lm-eval

_LM_TASKS = {
    "arith_mc": {
        "task": "arith_mc",
        "dataset_path": "json",
        "dataset_kwargs": {"data_files": {"test": "arith_mc.jsonl"}},
        "test_split": "test",
        "output_type": "multiple_choice",
        "doc_to_text": "Question: {{question}}\nAnswer:",
        "doc_to_choice": "{{choices}}",
        "doc_to_target": "{{answer}}",
        "metric_list": [{"metric": "acc", "aggregation": "mean", "higher_is_better": True}],
        "metadata": {"version": 2.0},
    },
    "arith_gen": {
        "task": "arith_gen",
        "dataset_path": "json",
        "dataset_kwargs": {"data_files": {"test": "arith_gen.jsonl"}},
        "test_split": "test",
        "output_type": "generate_until",
        "doc_to_text": "Question: {{question}}\nAnswer:",
        "doc_to_target": "{{target}}",
        "generation_kwargs": {"until": ["\n"], "max_gen_toks": 16, "do_sample": False},
        "metric_list": [{"metric": "exact_match", "aggregation": "mean", "higher_is_better": True}],
        "metadata": {"version": 1.0},
    },
}


def gen_lm_eval(out: Path) -> list[Path]:
    """lm-eval's own CLI, `dummy` model, on two local tasks; keeps results + samples files."""
    d = out / "lm-eval"
    tmp = Path(tempfile.mkdtemp(prefix="casegate-lmeval-"))
    try:
        tasks = tmp / "tasks"
        tasks.mkdir()
        qs = _arith_samples(24)
        with (tasks / "arith_mc.jsonl").open("w") as f:
            for _i, q, a in qs:
                right = int(a)
                choices = [str(right - 1), str(right), str(right + 2), str(right + 5)]
                f.write(json.dumps({"question": q, "choices": choices, "answer": 1}) + "\n")
        with (tasks / "arith_gen.jsonl").open("w") as f:
            for _i, q, a in qs[:10]:
                f.write(json.dumps({"question": q, "target": a}) + "\n")
        for name, cfg in _LM_TASKS.items():
            cfg = dict(cfg)
            files = cfg["dataset_kwargs"]["data_files"]  # type: ignore[index]
            cfg["dataset_kwargs"] = {"data_files": {k: str(tasks / v) for k, v in files.items()}}
            (tasks / f"{name}.yaml").write_text(json.dumps(cfg, indent=1))
        results = tmp / "results"
        exe = Path(sys.executable).parent / "lm_eval"
        cmd = [str(exe) if exe.exists() else "lm_eval", "run", "--model", "dummy", "--tasks", "arith_mc,arith_gen",
               "--include_path", str(tasks), "--output_path", str(results), "--log_samples",
               "--seed", "0,1234,1234,1234"]
        proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "TQDM_DISABLE": "1"})
        if proc.returncode != 0:
            # older releases have no `run` subcommand
            cmd.remove("run")
            proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "TQDM_DISABLE": "1"})
        if proc.returncode != 0:
            raise SystemExit(f"lm_eval failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
        d.mkdir(parents=True, exist_ok=True)
        written = []
        for f in sorted(results.rglob("*")):
            if f.is_file() and (f.name.startswith("results_") or f.name.startswith("samples_")):
                dest = d / f.name
                shutil.copyfile(f, dest)
                written.append(dest)
        return written
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--only", choices=["inspect", "inspect-agent", "inspect-roles", "lm-eval", "inspect-large"])
    ap.add_argument("--samples", type=int, default=2000, help="samples for inspect-large")
    a = ap.parse_args()
    written: list[Path] = []
    if a.only in (None, "inspect"):
        written += gen_inspect(a.out)
    if a.only in (None, "lm-eval"):
        written += gen_lm_eval(a.out)
    if a.only == "inspect-agent":
        written.append(gen_inspect_agent(a.out / "inspect"))
    if a.only == "inspect-roles":
        written.append(gen_inspect_roles(a.out / "inspect"))
    if a.only == "inspect-large":
        written += gen_inspect_large(a.out, a.samples)
    for p in written:
        print(f"wrote {p} ({p.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
