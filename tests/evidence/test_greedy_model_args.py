"""Greedy sampling given only in the model's arguments.

The lab's move: leave the task's generate config alone and pass the temperature to the model instead,
`inspect eval ... -M temperature=0` (Inspect records it in `eval.model_args`), lm-eval's
`--model_args pretrained=...,temperature=0` or `do_sample=False` (`config.model_args`, a `k=v,k=v`
string or a dict), or a vLLM / Hugging Face `generation_config` given there. Every epoch (or repeat)
then repeats the first, greedy answer, yet before the importers read sampling only from the generate
config and the solver steps: five epochs were five attempts, meeting a minimum of 5 with one try, and
under `mean` five trials of each answer. Now the model's arguments are read too: one attempt, each
sample once, CG301 when the policy asks for more (as tests/evidence/test_greedy_epochs.py).

The Inspect logs are written by the real inspect-ai (`mockllm/model`, which takes any model argument)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers._common import greedy_model_args

from .evidence_logs import inspect_log_to
from .test_derive import findings
from .test_greedy_epochs import N, _case, _read, answer
from .test_inspect_prompt_pinned import _status

FIVE = "\n    elicitation: {attempts: 5}"


def _run(out: Path, **margs: Any) -> Path:
    """`acme-ctf` v1 over 30 sums, 5 epochs, the task's generate config empty; `margs` given to the model."""
    from inspect_ai import Epochs, Task, task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    samples = [Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
                      target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]

    @task(name="acme-ctf")
    def acme_ctf() -> Task:
        return Task(version=1, dataset=MemoryDataset(samples), solver=[generate()], scorer=match(numeric=True),
                    epochs=Epochs(5, "mean"))

    return inspect_log_to(acme_ctf(), out, model="mockllm/model", model_args={"custom_outputs": answer, **margs})


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pytest.importorskip("inspect_ai")
    d = tmp_path_factory.mktemp("greedy-margs")
    return {"sampled": _run(d / "sampled.eval", temperature=0.7),
            "temperature": _run(d / "temperature.eval", temperature=0),
            "generation_config": _run(d / "generation_config.eval", generation_config={"temperature": 0.0, "top_p": 1}),
            "top_k": _run(d / "top_k.eval", top_k=1)}


def test_a_sampled_model_argument_keeps_five_attempts(logs: dict[str, Path], tmp_path: Path) -> None:
    run = _read(logs["sampled"])
    assert run.greedy is None and run.elicitation.attempts == 5
    assert findings(_case(tmp_path / "min", logs["sampled"], policy_extra=FIVE), "CG301") == []


@pytest.mark.parametrize(("name", "where"), [
    ("temperature", "eval.model_args.temperature: 0"),
    ("generation_config", "eval.model_args.generation_config.temperature: 0.0"),
    ("top_k", "eval.model_args.top_k: 1")])
def test_inspect_greedy_model_args_are_one_attempt(logs: dict[str, Path], tmp_path: Path, name: str,
                                                   where: str) -> None:
    """Attack: `-M temperature=0` (or a greedy `generation_config`, `top_k=1`) with 5 epochs. Before: 5
    attempts, meeting a minimum of 5, and 100/150 under `mean`. Now one attempt, 20/30, CG301."""
    log = logs[name]
    run = _read(log)
    assert run.greedy == where and run.elicitation.attempts == 1
    assert "its sampling is greedy" in (run.attempts_note or "")
    assert _status(_case(tmp_path / "mean", log, reduction="mean"))[1] == (20, 30)
    case = _case(tmp_path / "min", log, policy_extra=FIVE)
    [short] = findings(case, "CG301")
    assert short.severity.value == "blocking" and "1 attempt(s)" in short.message
    [why] = [f for f in findings(case, "CG339") if "greedy" in f.message]
    assert where in why.message


# --------------------------------------------------------------------------- lm-eval


def _lm_margs(tmp: Path, margs: Any) -> tuple[Path, Path]:
    """The committed lm-eval run with `arith_gen` repeated 5 times, majority-voted, its task leaving
    sampling to the model (no `do_sample`, no temperature in its generation kwargs), run with
    `--model_args` `margs` (a string or a dict, as lm-eval records either)."""
    from .test_attempts import MAJ5, _lm

    res, src = _lm(tmp, repeats=5, filter_list=MAJ5, filt="maj@5", sampled=True)
    doc = json.loads(res.read_text())
    gen = doc["configs"]["arith_gen"]["generation_kwargs"]
    for k in ("do_sample", "temperature"):
        gen.pop(k, None)
    doc["config"]["model_args"] = margs
    res.write_text(json.dumps(doc, indent=2))
    return res, src


@pytest.mark.parametrize(("margs", "where"), [
    ("pretrained=acme/atlas-7b,temperature=0", "config.model_args.temperature: 0"),
    ("pretrained=acme/atlas-7b, do_sample=False", "config.model_args.do_sample: False"),
    ({"pretrained": "acme/atlas-7b", "do_sample": False}, "config.model_args.do_sample: false"),
    ({"pretrained": "acme/atlas-7b", "generation_config": {"top_k": 1}}, "config.model_args.generation_config.top_k: 1"),
    ({"pretrained": "acme/atlas-7b", "generation_config": '{"temperature": 0}'},
     "config.model_args.generation_config.temperature: 0")])
def test_lm_eval_greedy_model_args_are_one_attempt(tmp_path: Path, margs: Any, where: str) -> None:
    """Attack: `repeats: 5` voted by `majority_vote`, greedy only in `--model_args`. Before: 5 attempts,
    meeting a minimum of 5. Now one attempt and CG301."""
    from casegate.evidence.importers.lm_eval import LmEvalImporter

    from .test_attempts import _codes, _lm_case

    res, src = _lm_margs(tmp_path, margs)
    run = {r.task: r for r in LmEvalImporter().read(res, ReadOptions())}["arith_gen"]
    assert run.greedy == where and run.elicitation.attempts == 1
    got = _codes(findings(_lm_case(tmp_path, res, src, policy_extra=FIVE, reduction="majority")))
    assert "ran 1 attempt(s) per task; the policy asks for at least 5" in got["CG301"][0].message


def test_lm_eval_sampled_model_args_keep_five_attempts(tmp_path: Path) -> None:
    from casegate.evidence.importers.lm_eval import LmEvalImporter

    from .test_attempts import _codes, _lm_case

    res, src = _lm_margs(tmp_path, "pretrained=acme/atlas-7b,temperature=0.8,top_k=40")
    run = {r.task: r for r in LmEvalImporter().read(res, ReadOptions())}["arith_gen"]
    assert run.greedy is None and run.elicitation.attempts == 5
    assert "CG301" not in _codes(findings(_lm_case(tmp_path, res, src, policy_extra=FIVE, reduction="majority")))


@pytest.mark.parametrize(("args", "said"), [
    ("temperature=0", "m.temperature: 0"), (" temperature = 0.0 ", "m.temperature: 0.0"),
    ("do_sample=false", "m.do_sample: false"), ({"top_p": 0.0}, "m.top_p: 0.0"),
    ({"sampling_params": {"temperature": 0}}, "m.sampling_params.temperature: 0"),
    ({"generation_kwargs": '{"do_sample": false}'}, "m.generation_kwargs.do_sample: false"),
    ('pretrained=x,generation_config={"temperature": 0, "top_p": 1}', "m.generation_config.temperature: 0"),
    ("pretrained=x, sampling_params = {'top_k': 5, \"do_sample\": false}", None),
    ('pretrained=x,generation_kwargs={"top_p": 1, "do_sample": false},dtype=bf16',
     "m.generation_kwargs.do_sample: false"),
    ('pretrained=x,generation_config={"temperature": 0, "top_p": [1}', None),
    ('pretrained=x,generation_config={"temperature": 0.7, "top_p": 1}', None),
    ("temperature=0.7", None), ("pretrained=x", None), ({"generation_config": "not json"}, None),
    ({"generation_config": {"temperature": 1.0}}, None), ("", None), (None, None), (["temperature=0"], None)])
def test_greedy_model_args_parsing(args: Any, said: str | None) -> None:
    assert greedy_model_args("m", args) == said
