"""How an lm-eval run's model answers, and few-shot examples read from a file edited in place.

- Model arguments beside the weights change how the model answers: `enable_thinking=False` (the
  `hf` and `vllm` models pass it to the chat template: a reasoning model answers without thinking),
  `think_end_token` (the output is cut at a token of the developer's choice), a reasoning effort,
  quantized weights, sampling settings. The prompt digest covered none of them.
- A few-shot task's examples read from a local data file (`dataset_kwargs.data_files`): the prompt
  digest covered the file's path, not its content, so the training file edited in place (its
  answers made wrong) kept the pinned digest. Only the samples file's prompts record that content,
  tied to the results file by the task hash.

The run is the one lm-evaluation-harness wrote for the fixture, its files changed as a run under the
changed setting writes them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from .evidence_logs import restate_task_hashes
from .test_derive import findings, make_case
from .test_lm_eval_run_code import TASK, _cg345, _copy, _edit, _run, _shots


def _args(value: str) -> Any:
    def change(doc: dict[str, Any]) -> None:
        doc["config"]["model_args"] = "pretrained=acme/fixture" + (f",{value}" if value else "")
    return change


@pytest.mark.parametrize("arg", ["enable_thinking=False", "think_end_token=</think>", "reasoning_effort=low",
                                 "load_in_4bit=True", "temperature=1.5", "chat_template_args={'enable_thinking': False}"])
def test_a_model_argument_that_changes_how_it_answers_is_another_prompt(tmp_path: Path, arg: str) -> None:
    """Attack: the standard `arith_mc`, its model run with thinking switched off (or its reasoning
    cut, its effort lowered, its weights quantized, its sampling hotter) through `--model_args`.
    Before, the prompt digest was the standard one and a policy pinning it counted the run."""
    standard = _run(_edit(_copy(tmp_path / "std"), _args(""))).source.prompt_digest
    changed = _edit(_copy(tmp_path / "changed"), _args(arg))
    assert _run(changed).source.prompt_digest != standard
    [hit] = _cg345(tmp_path / "pin", changed, f"prompt: '{standard}'")
    assert "prompt sha256:" in hit, hit


def test_arguments_that_do_not_change_the_answers_keep_the_digest(tmp_path: Path) -> None:
    standard = _run(_edit(_copy(tmp_path / "std"), _args(""))).source.prompt_digest
    other = _edit(_copy(tmp_path / "other"), _args("dtype=bfloat16,batch_size=8,device_map=auto"))
    assert _run(other).source.prompt_digest == standard
    # and a run without model arguments keeps the digest it had
    assert _run(_copy(tmp_path / "plain")).source.prompt_digest == _run(_copy(tmp_path / "plain2")).source.prompt_digest


TRAIN = "/tmp/casegate-lmeval-1ifmusk3/tasks/arith_train.jsonl"


def _fewshot(examples: str) -> Any:
    """The 3-shot task drawing its examples from a local training file; every prompt of the
    samples file starts with `examples`, as lm-eval writes the prompts it asked."""
    def change(doc: dict[str, Any]) -> None:
        _shots(3, 1234)(doc)
        doc["configs"][TASK]["dataset_kwargs"]["data_files"]["train"] = TRAIN
        doc["configs"][TASK]["training_split"] = "train"
    return change


def _asked_behind(res: Path, examples: str) -> Path:
    samples = next(res.parent.glob(f"samples_{TASK}_*.jsonl"))
    lines = []
    for raw in samples.read_text().splitlines():
        line = json.loads(raw)
        for arg in line["arguments"].values():
            arg["arg_0"] = examples + arg["arg_0"]
        line["prompt_hash"] = hashlib.sha256(line["arguments"]["gen_args_0"]["arg_0"].encode()).hexdigest()
        lines.append(json.dumps(line))
    samples.write_text("\n".join(lines) + "\n")
    restate_task_hashes(res)
    return res


RIGHT = "Question: What is 2 + 2?\nAnswer: 4\n\nQuestion: What is 3 + 5?\nAnswer: 8\n\n"
WRONG = "Question: What is 2 + 2?\nAnswer: 5\n\nQuestion: What is 3 + 5?\nAnswer: 9\n\n"


def test_fewshot_examples_from_a_local_file_edited_in_place_are_another_prompt(tmp_path: Path) -> None:
    """Attack: the standard 3-shot `arith_mc`, its training file (`data_files.train`, a local path)
    edited in place so the examples' answers are wrong: every setting the results file records is
    the standard's, only the samples' prompts show the examples. Before, the pinned digest matched."""
    assert json.loads(_copy(tmp_path / "probe").read_text())["task_hashes"].get(TASK)
    standard = _asked_behind(_edit(_copy(tmp_path / "std"), _fewshot(RIGHT)), RIGHT)
    edited = _asked_behind(_edit(_copy(tmp_path / "edited"), _fewshot(WRONG)), WRONG)
    pinned = _run(standard).source.prompt_digest
    assert pinned is not None and _run(edited).source.prompt_digest != pinned
    assert _cg345(tmp_path / "std-pin", standard, f"prompt: '{pinned}'") == []
    [hit] = _cg345(tmp_path / "pin", edited, f"prompt: '{pinned}'")
    assert "prompt sha256:" in hit, hit
    # the same prompts written again give the same digest: an honest rerun keeps the pin
    again = _asked_behind(_edit(_copy(tmp_path / "again"), _fewshot(RIGHT)), RIGHT)
    assert _run(again).source.prompt_digest == pinned


def test_local_fewshot_examples_without_a_samples_file_give_no_prompt_digest(tmp_path: Path) -> None:
    """Without the samples file nothing records the examples' content: no prompt digest, and a
    policy pinning one does not count the run (fail closed)."""
    res = _asked_behind(_edit(_copy(tmp_path / "std"), _fewshot(RIGHT)), RIGHT)
    for f in res.parent.glob("samples_*.jsonl"):
        f.unlink()
    run = _run(res)
    assert run.source.prompt_digest is None
    assert any("local data" in n and TRAIN in n for n in run.notes), run.notes


def test_a_fewshot_task_from_the_hub_keeps_its_digest_as_before(tmp_path: Path) -> None:
    """A task whose examples come from a hub dataset at a commit is digested by its settings, as before."""
    def hub(doc: dict[str, Any]) -> None:
        _shots(3, 1234)(doc)
        doc["configs"][TASK]["dataset_path"] = "acme/arith"
        doc["configs"][TASK]["dataset_kwargs"] = {"revision": "abc1234def5678abc1234def5678abc1234def56"}
    a = _asked_behind(_edit(_copy(tmp_path / "a"), hub), RIGHT)
    b = _asked_behind(_edit(_copy(tmp_path / "b"), hub), WRONG)
    assert _run(a).source.prompt_digest == _run(b).source.prompt_digest is not None


def test_a_thinking_switch_counts_only_under_a_pinned_prompt_digest(tmp_path: Path) -> None:
    """A policy naming the task by name alone does not count a run whose model was told not to
    think: the switch is named (CG345), as a chat template given to an Inspect model is."""
    changed = _edit(_copy(tmp_path / "changed"), _args("enable_thinking=False"))
    (tmp_path / "c").mkdir()
    case = make_case(tmp_path / "c", changed, extra=f"    task: {TASK}\n",
                     policy_extra=f'\n    tasks: [{{name: {TASK}, version: "2.0"}}]',
                     companions=tuple(changed.parent.glob("samples_*.jsonl")))
    [hit] = [f.message for f in findings(case, "CG345")]
    assert "the model argument `enable_thinking` (config.model_args)" in hit, hit


def test_responses_read_from_a_cache_are_not_scored(tmp_path: Path) -> None:
    """Attack: the run made with `--use_cache` over a SQLite file of responses the lab filled from a
    model that answers wrong under the same requests; lm-eval records only the cache's path
    (`config.use_cache`), not which responses came from it. Before, the run's counts were taken as
    the model's; now no document counts as scored (each unscored one counts as solved)."""
    honest = _run(_copy(tmp_path / "honest"))
    assert honest.source.scored == 24 and honest.result.trials == 24
    cached = _edit(_copy(tmp_path / "cached"), lambda d: d["config"].update(use_cache="/home/acme/lm-cache"))
    run = _run(cached)
    assert run.source.scored == 0 and not run.result.trials
    assert any("config.use_cache" in n for n in run.notes), run.notes
    (tmp_path / "c").mkdir()
    case = make_case(tmp_path / "c", cached, extra=f"    task: {TASK}\n",
                     companions=tuple(cached.parent.glob("samples_*.jsonl")))
    assert [f for f in findings(case, "CG335") if "scored 0 of the 24" in f.message]
