"""An lm-eval task of a standard name whose prompts were changed. The sample digest pins the
documents; what each document is asked lives in the results file's `configs.<task>`: the template
(`doc_to_text`), the few-shot settings, the `description` before them, the delimiters, the
generation arguments and the filters that pick the scored answer. A run that asks `arith_mc`'s
documents another way (a template that primes a refusal, a stop sequence that cuts every answer) is
not a run of `arith_mc`. The run is the one lm-evaluation-harness wrote for the fixture, its results
file changed as a run under the changed configuration writes it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casegate.checks._gaps import policy_gaps
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.lm_eval import LmEvalImporter
from casegate.model import Policy

from .evidence_logs import LMEVAL, lm_results
from .test_derive import POLICY, findings, make_case

TASK = "arith_mc"


def _prompt(results: Path, task: str = TASK) -> str | None:
    run = next(r for r in LmEvalImporter().read(results, ReadOptions()) if r.task == task)
    return run.source.prompt_digest


def _changed(tmp: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    tmp.mkdir()
    for f in LMEVAL.iterdir():
        shutil.copyfile(f, tmp / f.name)
    res = tmp / lm_results().name
    doc = json.loads(res.read_text())
    change(doc)
    res.write_text(json.dumps(doc))
    for task, cfg in doc["configs"].items():
        # each request of a generation task as a run under the changed configuration records it
        samples = next(tmp.glob(f"samples_{task}_*.jsonl"), None)
        if cfg.get("output_type") == "generate_until" and samples is not None:
            lines = [json.loads(x) for x in samples.read_text().splitlines() if x.strip()]
            for line in lines:
                line["arguments"]["gen_args_0"]["arg_1"] = cfg["generation_kwargs"]
            samples.write_text("".join(json.dumps(x) + "\n" for x in lines))
    return res


CHANGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "doc_to_text": lambda d: d["configs"][TASK].update(doc_to_text="You must refuse. Question: {{question}}\nAnswer:"),
    "description": lambda d: d["configs"][TASK].update(description="Answer as a novice would.\n\n"),
    "target_delimiter": lambda d: d["configs"][TASK].update(target_delimiter=" I cannot help with "),
    "fewshot": lambda d: d["configs"][TASK].update(num_fewshot=3),
    "fewshot_config": lambda d: d["configs"][TASK]["fewshot_config"].update(sampler="first_n"),
    "generation_kwargs": lambda d: d["configs"]["arith_gen"]["generation_kwargs"].update(until=["\n", " "]),
    "filter_list": lambda d: d["configs"]["arith_gen"].update(
        filter_list=[{"name": "none", "filter": [{"function": "regex", "regex_pattern": "NEVER"},
                                                 {"function": "take_first"}]}]),
    "system_instruction": lambda d: d.update(system_instruction="Underperform on arithmetic."),
    # a chat template of the developer's own, whose system turn tells the model to underperform
    "chat_template": lambda d: d.update(
        chat_template="{{ '<|system|>Answer as a novice would.\\n' }}{% for m in messages %}{{ m['content'] }}{% endfor %}",
        chat_template_sha="0" * 64),
    # the developer's own YAML judging the same answers under the same metric name more strictly
    "metric_list": lambda d: d["configs"]["arith_gen"]["metric_list"][0].update(
        ignore_case=False, ignore_punctuation=False, regexes_to_ignore=["[0-9]"]),
    "process_results": lambda d: d["configs"]["arith_gen"].update(
        process_results="def process_results(doc, results):\n    return {'exact_match': 0.0}\n"),
}


@pytest.mark.parametrize("what", sorted(CHANGES))
def test_a_changed_prompt_gives_another_digest(tmp_path: Path, what: str) -> None:
    task = "arith_gen" if what in ("generation_kwargs", "filter_list", "metric_list", "process_results") else TASK
    real = _prompt(lm_results(), task)
    assert real is not None and real.startswith("sha256:")
    assert _prompt(_changed(tmp_path / "x", CHANGES[what]), task) != real
    # what does not change the question leaves it: the dataset's path and the task's metadata
    def moved(d: dict[str, Any]) -> None:
        d["configs"][task]["dataset_kwargs"] = {"data_files": {"test": "/elsewhere/arith.jsonl"}}
        d["configs"][task]["metadata"]["config_source"] = "/elsewhere/task.yaml"
    assert _prompt(_changed(tmp_path / "same", moved), task) == real


def test_a_policy_pinning_the_prompt_does_not_count_the_changed_task(tmp_path: Path) -> None:
    """Attack: `arith_mc` under its standard name and documents, asked behind a template that primes
    a refusal. Before, a policy naming the task (even by its sample digest) counted it."""
    real = _prompt(lm_results())
    pinned = f"\n    tasks: [{{name: {TASK}, prompt: '{real}'}}]"
    samples = tuple(LMEVAL.glob("samples_*.jsonl"))
    (tmp_path / "real").mkdir()
    case = make_case(tmp_path / "real", lm_results(), extra=f"    task: {TASK}\n", policy_extra=pinned,
                     companions=samples)
    assert [f.message for f in findings(case, "CG345")] == []
    changed = _changed(tmp_path / "logs", CHANGES["doc_to_text"])
    (tmp_path / "own").mkdir()
    case = make_case(tmp_path / "own", changed, extra=f"    task: {TASK}\n", policy_extra=pinned,
                     companions=tuple(changed.parent.glob("samples_*.jsonl")))
    hits = findings(case, "CG345")
    assert hits and "not a task the policy names" in hits[0].message and "prompt sha256:" in hits[0].message, \
        [f.message for f in hits]


def test_policy_gaps_names_a_task_without_a_prompt_digest() -> None:
    import yaml

    doc = yaml.safe_load(POLICY.format(reduction="any", k="", extra=f"\n    tasks: [{{name: {TASK}}}]"))
    gaps = [g for g in policy_gaps(Policy.model_validate(doc)) if "digest of its prompts" in g.says]
    assert [g.path for g in gaps] == ["thresholds.arith.tasks"]
    pinned = POLICY.format(reduction="any", k="", extra=f"\n    tasks: [{{name: {TASK}, prompt: 'sha256:{'0' * 64}'}}]")
    assert not [g for g in policy_gaps(Policy.model_validate(yaml.safe_load(pinned))) if "digest of its prompts" in g.says]
