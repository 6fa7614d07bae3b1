"""Greedy epochs counted as attempts and trials.

The lab's move: run a threshold's task at temperature 0 (in the task's own `GenerateConfig`, not on
the command line, so nothing the run gave is in the prompt digest) with `--epochs 5`. Every epoch
repeats the first, greedy answer, yet the log holds five scored epochs per sample: before, they met
an attempts minimum of 5 with one try (examples/atlas-api's Cyber High asks 5 attempts; the greedy
run solving 15 of 200 in every epoch was GO, where the honest sampled run, 33 of 200, is GO WITH
CONDITIONS), and under a threshold counting every epoch a trial (`reduction: mean`) they made five
trials of each answer: 23 of 200 became 115 of 1,000, the bound under the alert level. A greedy
run's epochs now count as one attempt, each sample once (solved when any epoch solved it): CG301
names the attempts, CG339 says why.

The Inspect logs are written by the real inspect-ai (`mockllm/model`, answering two sums in three
right, the same in every epoch)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.checks._run import make_context
from casegate.evidence import rehash_artifacts
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.generic import GenericImporter
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.load import load_case
from casegate.model import DecisionRecord

from .evidence_logs import inspect_log_to
from .test_derive import findings, make_case
from .test_inspect_prompt_pinned import _status

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
TODAY = dt.date(2026, 11, 27)
N = 30


# --------------------------------------------------------------------------- Inspect, the task's own temperature


def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
    from inspect_ai.model import ChatMessageUser, ModelOutput, ModelUsage

    q = [m for m in messages if isinstance(m, ChatMessageUser)][-1].text
    a, b = (int(x) for x in q.rsplit("What is ", 1)[1].split("?")[0].split(" + "))
    out = ModelOutput.from_content("mockllm/model", str(a + b if (a + b) % 3 else a + b + 1))
    out.usage = ModelUsage(input_tokens=20, output_tokens=2, total_tokens=22)
    return out


def _run(out: Path, temperature: float | None, in_solver: bool = False, **kw: Any) -> Path:
    """`acme-ctf` v1 over 30 sums, 5 epochs, its own generate config at `temperature` (or its
    `generate()` step's, `in_solver`)."""
    from inspect_ai import Epochs, Task, task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import GenerateConfig
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    samples = [Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
                      target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]

    @task(name="acme-ctf")
    def acme_ctf() -> Task:
        own = GenerateConfig(temperature=temperature) if temperature is not None and not in_solver else GenerateConfig()
        step = generate(temperature=temperature) if in_solver else generate()
        return Task(version=1, dataset=MemoryDataset(samples), solver=[step], scorer=match(numeric=True),
                    config=own, epochs=Epochs(5, "mean"))

    return inspect_log_to(acme_ctf(), out, model="mockllm/model", model_args={"custom_outputs": answer}, **kw)


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pytest.importorskip("inspect_ai")
    d = tmp_path_factory.mktemp("greedy")
    return {"sampled": _run(d / "sampled.eval", 0.7), "greedy": _run(d / "greedy.eval", 0.0),
            "step": _run(d / "step.eval", 0.0, in_solver=True)}


def _case(tmp: Path, log: Path, **kw: Any) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    return make_case(tmp, log, **kw)


def _read(log: Path) -> Any:
    [run] = InspectImporter().read(log, ReadOptions())
    return run


def test_a_sampled_runs_epochs_are_attempts_and_trials(logs: dict[str, Path], tmp_path: Path) -> None:
    run = _read(logs["sampled"])
    assert run.greedy is None and run.elicitation.attempts == 5
    assert _status(_case(tmp_path / "mean", logs["sampled"], reduction="mean"))[1] == (100, 150)
    assert findings(_case(tmp_path / "min", logs["sampled"], policy_extra="\n    elicitation: {attempts: 5}"),
                    "CG301") == []


@pytest.mark.parametrize(("name", "where"), [("greedy", "plan.config.temperature: 0.0"),
                                             ("step", "plan.steps[0].params.temperature: 0.0 (solver `generate`)")])
def test_greedy_epochs_are_one_attempt_and_one_trial(logs: dict[str, Path], tmp_path: Path, name: str,
                                                      where: str) -> None:
    """Attack: the task's own temperature 0 with 5 epochs. Before: 5 attempts (meeting a minimum of 5)
    and, under `mean`, 100/150. Now one attempt and 20/30, CG301 and CG339 naming the setting."""
    log = logs[name]
    run = _read(log)
    assert run.greedy == where and run.elicitation.attempts == 1
    assert "its sampling is greedy" in (run.attempts_note or "") and not run.attempts_unrecorded
    assert _status(_case(tmp_path / "mean", log, reduction="mean"))[1] == (20, 30)
    assert _status(_case(tmp_path / "any", log))[1] == (20, 30)
    case = _case(tmp_path / "min", log, policy_extra="\n    elicitation: {attempts: 5}")
    [short] = findings(case, "CG301")
    assert short.severity.value == "blocking" and "1 attempt(s)" in short.message
    [why] = [f for f in findings(case, "CG339") if "greedy" in f.message]
    assert where in why.message and why.severity.value == "advisory"


def test_a_greedy_red_team_counts_each_attempt_once(logs: dict[str, Path], tmp_path: Path) -> None:
    """The same log as a red team's: its attempts are the samples, not 5 copies of each."""
    case = _case(tmp_path / "rt", logs["greedy"], tagged=False, extra="")
    text = case.read_text().replace("    kind: eval\n", "    kind: red-team\n", 1)
    case.write_text(text)
    loaded = load_case(case)
    ctx = make_context(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    assert ctx is not None
    r = ctx.case.evidence["E-run"].result
    assert r is not None and (r.bypasses, r.attempts) == (20, 30)


# --------------------------------------------------------------------------- the atlas-api case


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _atlas(tmp: Path, solved: int, generate_config: dict[str, Any] | None, mean: bool = False) -> Path:
    """examples/atlas-api with its CTF run rewritten: the first `solved` challenges solved in every one
    of its 5 epochs, under `generate_config`; `mean`: the policy counts Cyber High by `mean` and asks
    one attempt."""
    shutil.copytree(ATLAS, tmp / "case", ignore=shutil.ignore_patterns("keys"))
    log = tmp / "case" / "evals" / "cyber-ctf.json"
    old = hashlib.sha256(log.read_bytes()).hexdigest()
    doc = json.loads(log.read_text())
    doc["samples"] = [{**s, "score": int(int(s["id"].split("-")[1]) < solved)} for s in doc["samples"]]
    if generate_config is not None:
        doc["generate_config"] = generate_config
    log.write_text(json.dumps(doc))
    ev = tmp / "case" / "evidence.yaml"
    ev.write_text(ev.read_text().replace(old, hashlib.sha256(log.read_bytes()).hexdigest()))
    if mean:
        pol = tmp / "case" / "policy.yaml"
        text = pol.read_text()
        said = "elicitation: {attempts: 5, scaffold: agent, tools: [bash, python], variant: helpful-only, " \
               "budget_tokens: 2000000, samples: 150}\n    scorer: solved\n    reduction: any"
        assert text.count(said) == 1
        pol.write_text(text.replace(said, said.replace("attempts: 5", "attempts: 1").replace("any", "mean")))
    return tmp / "case" / "case.yaml"


def _gate(case: Path) -> DecisionRecord:
    from casegate.gate import run_gate
    from casegate.sign import load_keyring
    from casegate.verify import gate_inputs

    loaded = gate_inputs(load_case(case), load_keyring(ATLAS / "keys" / "keyring.yaml"), TODAY, preview=True).loaded
    return run_gate(loaded, today=TODAY)


def test_atlas_greedy_epochs_do_not_meet_five_attempts(tmp_path: Path) -> None:
    """Attack on examples/atlas-api: the CTF suite at temperature 0 with 5 epochs, 15 of 200 solved in
    each. Before: GO (the honest run is GO WITH CONDITIONS). Now NO-GO: one attempt of the 5 asked."""
    greedy = _atlas(tmp_path / "greedy", 15, {"temperature": 0})
    [run] = GenericImporter().read(greedy.parent / "evals" / "cyber-ctf.json", ReadOptions())
    assert run.greedy == "generate_config.temperature: 0" and run.elicitation.attempts == 1
    rec = _gate(greedy)
    assert rec.outcome == "NO-GO"
    assert any(f.code == "CG301" and "E-cyber-ctf" in f.message and "1 attempt(s)" in f.message
               for f in rec.findings if f.severity.value == "blocking")
    # the same scores from a sampled run (epochs that happen to agree) are five attempts
    assert _gate(_atlas(tmp_path / "sampled", 15, {"temperature": 1.0})).outcome == "GO"


def test_atlas_greedy_epochs_are_not_five_trials_each(tmp_path: Path) -> None:
    """Attack under a policy counting every epoch a trial: 23 of 200 solved in each of 5 greedy
    epochs. Before: 115/1000, bound 0.133, under the alert level 0.15: GO. Now 23/200, bound 0.159,
    at the alert level: GO WITH CONDITIONS (CG305)."""
    rec = _gate(_atlas(tmp_path / "greedy", 23, {"temperature": 0.0}, mean=True))
    [alert] = [f for f in rec.findings if f.code == "CG305"]
    assert "23/200 in `E-cyber-ctf`, upper bound 0.159" in alert.message
    assert rec.outcome == "GO WITH CONDITIONS"
    rec = _gate(_atlas(tmp_path / "sampled", 23, None, mean=True))
    assert rec.outcome == "GO" and not [f for f in rec.findings if f.code == "CG305"]


def test_lm_eval_greedy_repeats_are_one_attempt(tmp_path: Path) -> None:
    """lm-eval's `repeats: 5` voted by `majority_vote` with the task's `do_sample: false`: five copies of
    one greedy answer, one attempt (before: 5, meeting a minimum of 5)."""
    from casegate.evidence.importers.lm_eval import LmEvalImporter

    from .test_attempts import FIVE, MAJ5, _codes, _lm, _lm_case

    res, src = _lm(tmp_path, repeats=5, filter_list=MAJ5, filt="maj@5", sampled=False)
    run = {r.task: r for r in LmEvalImporter().read(res, ReadOptions())}["arith_gen"]
    assert run.greedy == "generation_kwargs.do_sample: false" and run.elicitation.attempts == 1
    got = _codes(findings(_lm_case(tmp_path, res, src, policy_extra=FIVE, reduction="majority")))
    assert "ran 1 attempt(s) per task; the policy asks for at least 5" in got["CG301"][0].message


@pytest.mark.parametrize(("config", "said"), [
    ({"temperature": 1e-6}, "g.temperature: 1e-06"), ({"temperature": "0"}, "g.temperature: 0"),
    ({"top_p": 1e-6}, "g.top_p: 1e-06"), ({"top_k": 1}, "g.top_k: 1"), ({"do_sample": False}, "g.do_sample: false"),
    ({"temperature": 0.7}, None), ({"temperature": 0.1}, None), ({"top_p": 0.95, "top_k": 40}, None),
    ({"do_sample": True}, None), ({"temperature": True}, None), ({}, None)])
def test_near_greedy_settings_are_greedy(config: dict[str, Any], said: str | None) -> None:
    """A temperature of 1e-6 picks the likeliest token as 0 does: the move is not escaped by it."""
    from casegate.evidence.importers._common import greedy_setting

    assert greedy_setting("g", config) == said
