"""Generation arguments given to an lm-eval run, and few-shot examples from a hub dataset with no revision.

- `--gen_kwargs` (recorded as `config.gen_kwargs`, merged by lm-eval into the configuration's
  `generation_kwargs` of every `generate_until` task and into each request's arguments) can switch
  thinking off (`enable_thinking=False`), cut the answer to a token (`max_gen_toks=1`) or end it at
  the first space (`until`). Such a run was in another prompt digest, but unlike a model argument
  of the kind (`enable_thinking` in `--model_args`) it still counted under a policy naming the task
  by name alone.
- A task drawing its few-shot examples from a Hugging Face hub dataset with no `revision`: the
  dataset can change under the same name (a new commit with the training answers made wrong), and
  every setting the results file records stays the standard's.

The run is the one lm-evaluation-harness wrote for the fixture, its files changed as a run under the
changed setting writes them (the configuration, each request's arguments, the prompts and their
hashes, and the task hash)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .evidence_logs import restate_task_hashes
from .test_derive import findings, make_case
from .test_lm_eval_answering import RIGHT, WRONG, _asked_behind
from .test_lm_eval_run_code import TASK, _cg345, _copy, _edit, _run, _shots

GEN = "arith_gen"


def _given(**gen: Any) -> Any:
    """The run made with `--gen_kwargs` `gen`, as lm-eval records it: in `config.gen_kwargs`, merged
    into the generation task's `generation_kwargs` and into each request of its samples file."""
    def change(doc: dict[str, Any]) -> None:
        doc["config"]["gen_kwargs"] = dict(gen)
        doc["configs"][GEN]["generation_kwargs"].update(gen)
    return change


def _requests(res: Path, **gen: Any) -> Path:
    samples = next(res.parent.glob(f"samples_{GEN}_*.jsonl"))
    lines = []
    for raw in samples.read_text().splitlines():
        line = json.loads(raw)
        line["arguments"]["gen_args_0"]["arg_1"].update(gen)
        lines.append(json.dumps(line))
    samples.write_text("\n".join(lines) + "\n")
    restate_task_hashes(res)
    return res


def _named_only(tmp: Path, res: Path, task: str = GEN, version: str = "1.0") -> list[str]:
    (tmp / "c").mkdir(parents=True)
    case = make_case(tmp / "c", res, extra=f"    task: {task}\n",
                     policy_extra=f'\n    tasks: [{{name: {task}, version: "{version}"}}]',
                     companions=tuple(res.parent.glob("samples_*.jsonl")))
    return [f.message for f in findings(case, "CG345")]


@pytest.mark.parametrize("gen", [{"enable_thinking": False}, {"max_gen_toks": 1}, {"until": [" "]},
                                 {"temperature": 1.5, "do_sample": True}])
def test_generation_arguments_given_for_the_run_count_only_under_a_pinned_digest(
        tmp_path: Path, gen: dict[str, Any]) -> None:
    """Attack: the standard `arith_gen`, run with `--gen_kwargs` that switch thinking off, cut every
    answer to one token, stop it at the first space, or sample it hot. Before, a policy naming the
    task by name and version counted it; now CG345 names the argument, as it names a model argument
    that changes how the model answers. A policy pinning the run's own digest counts it."""
    res = _requests(_edit(_copy(tmp_path / "given"), _given(**gen)), **gen)
    hits = _named_only(tmp_path / "name", res)
    assert len(hits) == 1, hits
    for k in gen:
        assert f"the generation argument `{k}` given for the run (config.gen_kwargs" in hits[0], hits[0]
    # the run's own prompt digest, pinned, counts it: the policy then says which arguments it takes
    own = _run(res, GEN).source.prompt_digest
    assert own != _run(_copy(tmp_path / "std"), GEN).source.prompt_digest
    (tmp_path / "pin" / "c").mkdir(parents=True)
    case = make_case(tmp_path / "pin" / "c", res, extra=f"    task: {GEN}\n",
                     policy_extra=f"\n    tasks: [{{name: {GEN}, prompt: '{own}'}}]",
                     companions=tuple(res.parent.glob("samples_*.jsonl")))
    assert findings(case, "CG345") == []


def test_the_standard_run_and_a_loglikelihood_task_are_not_held(tmp_path: Path) -> None:
    """The run without `--gen_kwargs` counts by name, as before; lm-eval gives the arguments to
    generation tasks only, so the multiple-choice task of a run given them is asked as before."""
    assert _named_only(tmp_path / "std", _copy(tmp_path / "logs")) == []
    res = _requests(_edit(_copy(tmp_path / "given"), _given(max_gen_toks=1)), max_gen_toks=1)
    assert _named_only(tmp_path / "mc", res, TASK, "2.0") == []


# --------------------------------------------------------------------------- a hub dataset with no revision


def _hub(revision: str | None = None, shots: int = 3) -> Any:
    """`arith_mc` reading its data from the hub dataset `acme/arith` (its lab's repository), pinned
    to `revision` or not, with `shots` few-shot examples drawn from its training split."""
    def change(doc: dict[str, Any]) -> None:
        _shots(shots, 1234)(doc)
        doc["configs"][TASK]["dataset_path"] = "acme/arith"
        doc["configs"][TASK]["dataset_kwargs"] = {"revision": revision} if revision else {}
        doc["configs"][TASK]["training_split"] = "train"
    return change


def test_fewshot_examples_from_a_hub_dataset_with_no_revision_are_in_the_digest(tmp_path: Path) -> None:
    """Attack: the standard 3-shot `arith_mc` over `acme/arith` with no revision; the lab pushes a
    commit making the training answers wrong and runs again: every setting the results file records
    is the standard's, only the samples' prompts show the examples. Before, the pinned digest
    matched. The examples' prompts (the task hash) are now in the digest, as for local data."""
    standard = _asked_behind(_edit(_copy(tmp_path / "std"), _hub()), RIGHT)
    pushed = _asked_behind(_edit(_copy(tmp_path / "pushed"), _hub()), WRONG)
    pinned = _run(standard).source.prompt_digest
    assert pinned is not None and _run(pushed).source.prompt_digest != pinned
    assert _cg345(tmp_path / "std-pin", standard, f"prompt: '{pinned}', digest: '{_sample_digest(standard)}'") == []
    [hit] = _cg345(tmp_path / "pin", pushed, f"prompt: '{pinned}'")
    assert "prompt sha256:" in hit, hit
    # a branch is no pin: `main` moves with every commit
    branch = _asked_behind(_edit(_copy(tmp_path / "branch"), _hub("main")), WRONG)
    assert _run(branch).source.prompt_digest != _run(
        _asked_behind(_edit(_copy(tmp_path / "branch2"), _hub("main")), RIGHT)).source.prompt_digest
    # without the samples file nothing records the examples: no digest (fail closed)
    for f in pushed.parent.glob("samples_*.jsonl"):
        f.unlink()
    run = _run(pushed)
    assert run.source.prompt_digest is None
    assert any("no commit pins" in n and "acme/arith" in n for n in run.notes), run.notes


def test_a_hub_dataset_pinned_to_a_commit_is_digested_by_its_settings(tmp_path: Path) -> None:
    commit = "3f1c2a9b7d0e4f5a6b7c8d9e0f1a2b3c4d5e6f70"
    a = _asked_behind(_edit(_copy(tmp_path / "a"), _hub(commit)), RIGHT)
    b = _asked_behind(_edit(_copy(tmp_path / "b"), _hub(commit)), WRONG)
    assert _run(a).source.prompt_digest == _run(b).source.prompt_digest is not None
    assert _run(a).data_unpinned is None
    assert _named_only(tmp_path / "name", a, TASK, "2.0") == []


@pytest.mark.parametrize("revision", ["deadbeef", "3f1c2a9", "3F1C2A9B7D0E4F5A6B7C8D9E0F1A2B3C4D5E6F70",
                                      "3f1c2a9b7d0e4f5a6b7c8d9e0f1a2b3c4d5e6f7012345678"])
def test_a_branch_named_like_a_commit_is_no_pin(tmp_path: Path, revision: str) -> None:
    """Attack: the lab's dataset repository has a branch named `deadbeef` (or `3f1c2a9`), which reads
    as a short commit id; the hub resolves a branch or tag name before a commit prefix, so the lab
    moves the branch to a commit with wrong answers and runs again under the same settings. Before,
    any 7 to 64 hex digits counted as a commit and the run was digested by its settings alone: the
    pinned prompt digest matched. Only a full 40-digit lowercase commit id pins the data now."""
    a = _asked_behind(_edit(_copy(tmp_path / "a"), _hub(revision)), RIGHT)
    b = _asked_behind(_edit(_copy(tmp_path / "b"), _hub(revision)), WRONG)
    assert _run(a).source.prompt_digest != _run(b).source.prompt_digest
    assert f"revision `{revision}`, not a full 40-digit commit id" in str(_run(a).data_unpinned)


@pytest.mark.parametrize(("path", "pinned"), [
    ("hf://datasets/acme/arith@main/test.jsonl", False),
    ("hf://datasets/acme/arith@deadbeef/test.jsonl", False),
    ("hf://datasets/acme/arith/test.jsonl", False),
    ("hf://datasets/acme/arith@3f1c2a9b7d0e4f5a6b7c8d9e0f1a2b3c4d5e6f70/test.jsonl", True),
    ("hf://datasets/arith@3f1c2a9b7d0e4f5a6b7c8d9e0f1a2b3c4d5e6f70/test.jsonl", True),
    ("HF://datasets/acme/arith@main/test.jsonl", False),
])
def test_hf_data_files_count_as_pinned_only_at_a_commit(tmp_path: Path, path: str, pinned: bool) -> None:
    """Attack: data files named `hf://datasets/acme/arith@main/...`: before, any `@` read as a pin,
    and `main` moves with every commit. Only `@<40-digit commit>` pins them now, in lm-eval's
    `data_files` and in an Inspect dataset's location alike."""
    from types import SimpleNamespace

    from casegate.evidence.importers.inspect_log import _hub_dataset
    res = _edit(_copy(tmp_path / "files"), lambda d: d["configs"][TASK].update(
        dataset_path="json", dataset_kwargs={"data_files": {"test": path}}))
    said = _run(res).data_unpinned
    assert (said is None) is pinned, said
    assert (_hub_dataset(SimpleNamespace(name="arith", location=path)) is None) is pinned


def _sample_digest(res: Path) -> str:
    from casegate.evidence._derive import sample_digest
    run = _run(res)
    return str(sample_digest([s.id for s in run.result.samples], run.sample_marks))


def test_documents_of_a_hub_dataset_with_no_revision_count_only_under_the_sample_digest(tmp_path: Path) -> None:
    """Attack: `arith_mc` over the hub dataset `acme/arith` with no revision, named by the policy by
    name and version: a commit of the lab's replacing the documents with ones the model fails keeps
    the task's name and version. Before, the run counted; now CG345 says the documents are not
    fixed, and the run counts where the policy pins the sample digest."""
    res = _edit(_copy(tmp_path / "hub"), _hub(shots=0))
    [hit] = _named_only(tmp_path / "name", res, TASK, "2.0")
    assert "the Hugging Face hub dataset `acme/arith` with no revision" in hit, hit
    assert "which documents were asked is not fixed" in hit, hit
    digest = _sample_digest(res)
    assert _cg345(tmp_path / "pinned", res, f"digest: '{digest}'") == []
    # data files named by a web address are no more pinned than a hub name
    remote = _edit(_copy(tmp_path / "remote"), lambda d: d["configs"][TASK]["dataset_kwargs"].update(
        data_files={"test": "https://data.acme.example/arith_mc.jsonl"}))
    [hit] = _named_only(tmp_path / "remote-name", remote, TASK, "2.0")
    assert "https://data.acme.example/arith_mc.jsonl" in hit, hit
