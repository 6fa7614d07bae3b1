"""What ties an lm-eval run to the code, the few-shot examples and the samples it ran with.

- `git_hash` is lm-eval's `git describe --always` of the working directory: no mark of uncommitted
  changes, and the working directory's commit whether or not lm-eval and the task were loaded from
  it. A task edited in a checkout of the pinned commit records the pinned commit, so it ties no
  code: a policy's `revision:` is not met by an lm-eval run (CG345), and says so.
- Few-shot examples are drawn with a generator seeded by `--fewshot_seed` (`config.fewshot_seed`):
  another seed asks every document behind other examples under the same settings, so a run can be
  repeated until a draw lowers the score. The seed is in the prompt digest where a task uses
  few-shot examples.
- `task_hashes.<task>` is the sha256 of the samples file's `doc_hash`, `prompt_hash` and
  `target_hash` joined in order: a samples file whose prompts are another run's, beside the results
  file whose configuration the policy pins, is not of that run.

The run is the one lm-evaluation-harness wrote for the fixture, its files changed as a run under the
changed setting writes them."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.evidence.importers import LogReadError, ReadOptions
from casegate.evidence.importers.lm_eval import LmEvalImporter

from .evidence_logs import LMEVAL, lm_results, restate_task_hashes
from .test_derive import findings, make_case

TASK = "arith_mc"


def _copy(tmp: Path) -> Path:
    tmp.mkdir(parents=True)
    for f in LMEVAL.iterdir():
        shutil.copyfile(f, tmp / f.name)
    return tmp / lm_results().name


def _edit(res: Path, change: Any) -> Path:
    doc = json.loads(res.read_text())
    change(doc)
    res.write_text(json.dumps(doc, indent=2))
    return res


def _run(res: Path, task: str = TASK) -> Any:
    return next(r for r in LmEvalImporter().read(res, ReadOptions()) if r.task == task)


def _cg345(tmp: Path, res: Path, pin: str) -> list[str]:
    (tmp / "c").mkdir(parents=True)
    case = make_case(tmp / "c", res, extra=f"    task: {TASK}\n", policy_extra=f"\n    tasks: [{{name: {TASK}, {pin}}}]",
                     companions=tuple(res.parent.glob("samples_*.jsonl")))
    return [f.message for f in findings(case, "CG345")]


# --------------------------------------------------------------------------- the code's commit


def test_a_revision_pin_is_not_met_by_lm_evals_git_hash(tmp_path: Path) -> None:
    """Attack: `arith_mc`'s `process_results` edited in a checkout of the pinned commit and left
    uncommitted (or lm-eval installed from the developer's own build, run inside a clean checkout):
    the results file records the pinned commit as `git_hash` all the same. Before, the pin was met."""
    res = _copy(tmp_path / "logs")
    commit = json.loads(res.read_text())["git_hash"]
    run = _run(res)
    assert run.source.revision is None
    assert any(f"`{commit}`" in n and "uncommitted" in n for n in run.notes), run.notes
    [hit] = _cg345(tmp_path, res, f'revision: "{commit}"')
    assert "(code not recorded)" in hit and f"(code {commit})" in hit, hit
    # the same task pinned by what the file does show (its prompt digest) still counts
    assert _cg345(tmp_path / "prompt", res, f"prompt: '{run.source.prompt_digest}'") == []


# --------------------------------------------------------------------------- the few-shot draw


def _shots(n: int, seed: int | None) -> Any:
    def change(doc: dict[str, Any]) -> None:
        doc["configs"][TASK]["num_fewshot"] = n
        doc["n-shot"][TASK] = n
        if seed is None:
            del doc["config"]["fewshot_seed"]
        else:
            doc["config"]["fewshot_seed"] = seed
    return change


def test_another_fewshot_seed_is_another_prompt(tmp_path: Path) -> None:
    """Attack: the standard 3-shot `arith_mc`, its few-shot examples drawn again with seed after
    seed (`--fewshot_seed`) until a draw lowers the score; every setting the prompt digest covered
    stays the standard's."""
    standard = _run(_edit(_copy(tmp_path / "std"), _shots(3, 1234))).source.prompt_digest
    drawn = _edit(_copy(tmp_path / "drawn"), _shots(3, 7))
    assert _run(drawn).source.prompt_digest != standard
    [hit] = _cg345(tmp_path / "pin", drawn, f"prompt: '{standard}'")
    assert "prompt sha256:" in hit, hit
    # a results file stating no seed is not read as the standard one
    unstated = _edit(_copy(tmp_path / "unstated"), _shots(3, None))
    assert _run(unstated).source.prompt_digest not in (standard, _run(drawn).source.prompt_digest)


def test_the_seed_does_not_change_a_task_without_few_shot_examples(tmp_path: Path) -> None:
    """With no few-shot examples the seed draws nothing: the digest of a 0-shot run (and a policy
    pin taken on one) is as before, whatever seed the run states."""
    real = _run(lm_results()).source.prompt_digest
    assert _run(_edit(_copy(tmp_path / "zero"), _shots(0, 7))).source.prompt_digest == real


def _drawn_from(**changed: Any) -> Any:
    """The standard 3-shot run, its configuration's dataset settings changed as the lab's copy of
    the task YAML states them (lm-eval writes the configuration it ran into `configs.<task>`)."""
    def change(doc: dict[str, Any]) -> None:
        _shots(3, 1234)(doc)
        doc["configs"][TASK].update(changed)
    return change


def test_few_shot_examples_from_another_dataset_are_another_prompt(tmp_path: Path) -> None:
    """Attack: the standard 3-shot `arith_mc` over the same test documents (the sample digest the
    policy pins still matches), its few-shot examples drawn from the lab's own data: a training file
    added to `dataset_kwargs` whose answers are wrong, a mirror of the dataset (`dataset_path`), a
    pinned `revision` of it, another split or a `process_docs` that rewrites the examples' answers.
    Before, none of the task's dataset settings was in the prompt digest, so each run kept the
    standard digest and counted; now each is another prompt (CG345 against the pinned digest)."""
    standard = _run(_edit(_copy(tmp_path / "std"), _drawn_from())).source.prompt_digest
    data = json.loads(lm_results().read_text())["configs"][TASK]["dataset_kwargs"]["data_files"]
    moves = {
        "train-file": _drawn_from(dataset_kwargs={"data_files": {**data, "train": "/srv/acme/arith_train.jsonl"}}),
        "mirror": _drawn_from(dataset_path="acme/arith-mirror"),
        "revision": _drawn_from(dataset_kwargs={"data_files": data, "revision": "e1f0c2a"}),
        "split": _drawn_from(training_split="train_hard", fewshot_split=None),
        "process": _drawn_from(process_docs="def process_docs(ds):\n    return ds.map(lambda d: {**d, 'answer': 0})\n"),
    }
    for name, change in moves.items():
        moved = _edit(_copy(tmp_path / name), change)
        assert _run(moved).source.prompt_digest != standard, name
        [hit] = _cg345(tmp_path / f"{name}-pin", moved, f"prompt: '{standard}'")
        assert "prompt sha256:" in hit, (name, hit)
    # the standard run pinned by its own digest counts
    assert _cg345(tmp_path / "ok", _edit(_copy(tmp_path / "again"), _drawn_from()), f"prompt: '{standard}'") == []


def test_the_dataset_settings_do_not_change_a_task_without_few_shot_examples(tmp_path: Path) -> None:
    """A 0-shot task draws no examples: its digest (and a pin taken on it) is as before, whatever
    dataset settings the configuration states (its documents are the sample digest's)."""
    real = _run(lm_results()).source.prompt_digest
    moved = _edit(_copy(tmp_path / "zero"), lambda d: d["configs"][TASK].update(dataset_path="acme/arith-mirror",
                                                                               training_split="train"))
    assert _run(moved).source.prompt_digest == real


# --------------------------------------------------------------------------- the samples' task hash


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _asked_another_way(res: Path) -> None:
    """The samples of a run that asked each document behind an instruction to underperform, the
    documents it then fails (four of the eight it solved) scored 0, with their `prompt_hash`
    written as lm-eval writes it; the results file keeps the standard configuration and states the
    new `acc`."""
    samples = next(res.parent.glob(f"samples_{TASK}_*.jsonl"))
    lines = [json.loads(x) for x in samples.read_text().splitlines() if x.strip()]
    flipped = 0
    for x in lines:
        for arg in x["arguments"].values():
            arg["arg_0"] = "Answer as a novice would.\n\n" + arg["arg_0"]
        x["prompt_hash"] = _hash(x["arguments"]["gen_args_0"]["arg_0"])
        if x["acc"] == 1.0 and flipped < 4:
            x["acc"], flipped = 0.0, flipped + 1
    samples.write_text("".join(json.dumps(x) + "\n" for x in lines))
    _edit(res, lambda d: d["results"][TASK].update({"acc,none": sum(x["acc"] for x in lines) / len(lines)}))


def test_a_samples_file_of_a_run_asked_another_way_is_refused(tmp_path: Path) -> None:
    """Attack: the counts read from the samples of a run that asked another way (4/24), beside a
    results file stating the standard configuration, whose prompt digest the policy pins. Before,
    every line's hashes and the mean agreed, and 4/24 counted as a run of the pinned task."""
    real = _run(lm_results())
    assert (real.result.successes, real.result.trials) == (8, 24)
    res = _copy(tmp_path / "logs")
    _asked_another_way(res)
    with pytest.raises(LogReadError) as e:
        _run(res)
    assert f"`task_hashes.{TASK}`" in e.value.message and "not of one run" in e.value.message
    assert e.value.location.endswith(".jsonl")
    # the task hash covers the prompts only as far as the results file is the run's own: restated
    # with them, the file's configuration is what the prompt digest reads (see docs/evidence.md)
    restate_task_hashes(res)
    assert (_run(res).result.successes, _run(res).source.prompt_digest) == (4, real.source.prompt_digest)


def test_a_line_without_its_hashes_beside_a_stated_task_hash_is_refused(tmp_path: Path) -> None:
    res = _copy(tmp_path / "logs")
    samples = next(res.parent.glob(f"samples_{TASK}_*.jsonl"))
    lines = [json.loads(x) for x in samples.read_text().splitlines() if x.strip()]
    del lines[5]["prompt_hash"]
    samples.write_text("".join(json.dumps(x) + "\n" for x in lines))
    with pytest.raises(LogReadError, match="holds no `doc_hash`, `prompt_hash` or `target_hash`"):
        _run(res)
    # a results file stating no task hash (an lm-eval release before it) is read as before
    _edit(res, lambda d: d.pop("task_hashes"))
    assert _run(res).result.trials == 24


# --------------------------------------------------------------------------- the counted filter


def _two_filters(res: Path, strict_first: bool) -> Path:
    """`arith_mc` scored under two filters, as lm-eval writes a task whose `filter_list` names a
    flexible and a strict extraction: every samples line once per filter (the strict one scoring
    every document 0), the results under `acc,flexible` and `acc,strict`. `strict_first`: the
    results file's keys reordered to list the strict filter first, nothing else changed."""
    samples = next(res.parent.glob(f"samples_{TASK}_*.jsonl"))
    lines = [json.loads(x) for x in samples.read_text().splitlines() if x.strip()]
    out = [dict(x, filter=f, acc=(x["acc"] if f == "flexible" else 0.0)) for x in lines for f in ("flexible", "strict")]
    samples.write_text("".join(json.dumps(x) + "\n" for x in out))
    flexible = sum(x["acc"] for x in lines) / len(lines)

    def change(doc: dict[str, Any]) -> None:
        doc["configs"][TASK]["filter_list"] = [
            {"name": "flexible", "filter": [{"function": "regex", "regex_pattern": r"(\d+)"}, {"function": "take_first"}]},
            {"name": "strict", "filter": [{"function": "regex", "regex_pattern": r"^(\d+)$"}, {"function": "take_first"}]}]
        res_ = {k: v for k, v in doc["results"][TASK].items() if "," not in k}
        scored = {"flexible": {"acc,flexible": flexible, "acc_stderr,flexible": 0.1},
                  "strict": {"acc,strict": 0.0, "acc_stderr,strict": 0.0}}
        for f in (("strict", "flexible") if strict_first else ("flexible", "strict")):
            res_.update(scored[f])
        doc["results"][TASK] = res_
    _edit(res, change)
    restate_task_hashes(res)
    return res


def test_the_filter_counted_is_the_configurations_not_the_files_first_key(tmp_path: Path) -> None:
    """Attack: the results file's keys reordered so the strict extraction (0/24) comes before the
    flexible one (8/24) the task lists first; every digest is the same. Before, the first key the
    file listed was counted: 0/24."""
    honest = _run(_two_filters(_copy(tmp_path / "honest"), strict_first=False))
    moved = _run(_two_filters(_copy(tmp_path / "moved"), strict_first=True))
    assert moved.source.prompt_digest == honest.source.prompt_digest
    assert moved.source.scorer == honest.source.scorer == "acc,flexible"
    assert (moved.result.successes, moved.result.trials) == (honest.result.successes, honest.result.trials) == (8, 24)


# --------------------------------------------------------------------------- the context ceiling


def test_a_prompt_cut_to_a_context_ceiling_is_another_prompt(tmp_path: Path) -> None:
    """Attack: the standard 3-shot `arith_mc` run with `--model_args pretrained=...,max_length=64`:
    lm-eval cuts each prompt from the left to fit, dropping the few-shot examples and the start of
    every question (a warning in the run's output, nothing in the task's configuration). Before,
    the prompt digest was the standard one."""
    def ceiling(value: str | None) -> Any:
        def change(doc: dict[str, Any]) -> None:
            _shots(3, 1234)(doc)
            doc["config"]["model_args"] = "pretrained=acme/fixture" + (f",max_length={value}" if value else "")
        return change
    standard = _run(_edit(_copy(tmp_path / "std"), ceiling(None))).source.prompt_digest
    cut = _edit(_copy(tmp_path / "cut"), ceiling("64"))
    assert _run(cut).source.prompt_digest != standard
    [hit] = _cg345(tmp_path / "pin", cut, f"prompt: '{standard}'")
    assert "prompt sha256:" in hit, hit
    # model arguments that do not bound the prompt leave the digest as it was
    other = _edit(_copy(tmp_path / "other"), ceiling(None))
    _edit(other, lambda d: d["config"].update(model_args="pretrained=acme/fixture,dtype=bfloat16,batch_size=8"))
    assert _run(other).source.prompt_digest == standard
