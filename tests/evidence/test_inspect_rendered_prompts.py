"""What an Inspect model was actually given, and samples read from a hub dataset by name.

- Few-shot examples the task's code reads from a file at run time (a solver that opens
  `shots.txt`; nothing in the task's arguments or the solver's records it): the prompt digest
  covered the header's settings only, so the same task with the file's answers made wrong kept the
  pinned digest. Only the transcripts show the prompt the model was given (each sample's first
  model event, its input read from the message pool inspect-ai condenses it into). The digest now
  covers that prompt, each sample's own question set aside.
- `hf_dataset` records the dataset's hub name (`eval.dataset.name` and `location`) and no revision:
  a commit of the lab's to the dataset's repository changes the samples under the same task name and
  version.

Every log is written by the real inspect-ai with its mock model, which answers right on two
questions in three and copies the examples' mistake (answers one too many) when the examples it is
shown are wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .evidence_logs import inspect_log_to
from .test_derive import findings
from .test_inspect_prompt_pinned import _case, _digest, _status

pytest.importorskip("inspect_ai")

N = 30
RIGHT = "Q: What is 2 + 2?\nA: 4\n\nQ: What is 3 + 5?\nA: 8\n"
WRONG = "Q: What is 2 + 2?\nA: 5\n\nQ: What is 3 + 5?\nA: 9\n"


def _mock() -> Any:
    from inspect_ai.model import ChatMessageUser, ModelOutput, ModelUsage, get_model

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        shown = " ".join(m.text for m in messages)
        q = [m for m in messages if isinstance(m, ChatMessageUser)][-1].text
        a, b = (int(x) for x in q.rsplit("What is ", 1)[1].split("?")[0].split(" + "))
        right = (a + b) % 3 and "A: 5" not in shown
        out = ModelOutput.from_content("mockllm/model", str(a + b if right else a + b + 1))
        out.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        return out

    return get_model("mockllm/model", custom_outputs=answer)


def _samples(hard: bool = False) -> list[Any]:
    from inspect_ai.dataset import Sample

    # `hard`: the lab's commit to the dataset, sums the mock gets wrong
    return [Sample(id=f"q{i:03d}", input=f"What is {3 * i + 3} + 3? Answer with the number only." if hard else
                   f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
                   target=str(3 * i + 6 if hard else i % 17 + 1 + i % 11 + 2)) for i in range(N)]


def _run(out: Path, shots: Path | None = None, *, hide: bool = False, dataset: str | None = None,
         hard: bool = False, **kw: Any) -> Path:
    """`acme-ctf` v1: a solver of the task's own that puts the examples in `shots` (read when the
    sample runs) before the question (and, `hide`, takes them out of the conversation once the
    model answered), then the scorer. `dataset`: the samples as `hf_dataset` records a hub dataset."""
    from inspect_ai import Task, task
    from inspect_ai.dataset import MemoryDataset
    from inspect_ai.model import ChatMessageSystem
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate, solver

    @solver
    def examples() -> Any:
        async def solve(state, generate):  # type: ignore[no-untyped-def]
            if shots is None:
                return await generate(state)
            state.messages.insert(0, ChatMessageSystem(content=shots.read_text()))
            state = await generate(state)
            if hide:
                state.messages = [m for m in state.messages if not isinstance(m, ChatMessageSystem)]
            return state
        return solve

    @task(name="acme-ctf")
    def acme_ctf() -> Task:
        data = MemoryDataset(_samples(hard), name=dataset, location=dataset)
        return Task(version=1, dataset=data, solver=[examples()] if shots is not None else [generate()],
                    scorer=match(numeric=True))

    return inspect_log_to(acme_ctf(), out, model=_mock(), **kw)


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("logs")
    right, wrong = d / "right.txt", d / "wrong.txt"
    right.write_text(RIGHT)
    wrong.write_text(WRONG)
    # the file under the path the task opens, as each run found it
    shots = d / "shots.txt"
    out: dict[str, Path] = {}
    for name, text, kw in (("standard", RIGHT, {}), ("again", RIGHT, {}), ("subset", RIGHT, {"limit": 20}),
                           ("edited", WRONG, {}), ("hidden-standard", RIGHT, {"hide": True}),
                           ("hidden", WRONG, {"hide": True})):
        shots.write_text(text)
        out[name] = _run(d / f"{name}.eval", shots, **kw)
    return out


def _counted(log: Path) -> tuple[int, int]:
    [run] = InspectImporter().read(log, ReadOptions())
    return run.result.successes or 0, run.result.trials or 0


def test_the_digest_covers_the_prompt_the_model_was_given(logs: dict[str, Path]) -> None:
    standard = _digest(logs["standard"])
    # an honest rerun, and a run over fewer of the samples, keep the digest
    assert _digest(logs["again"]) == standard
    assert _digest(logs["subset"]) == standard
    assert _counted(logs["standard"]) == (20, N) and _counted(logs["edited"]) == (0, N)
    # the examples edited in the file the task opens
    assert _digest(logs["edited"]) != standard
    # a task whose solver takes the examples out of the conversation once the model answered: only
    # the model events show them, and the edited file is told apart there
    assert _counted(logs["hidden-standard"]) == (20, N) and _counted(logs["hidden"]) == (0, N)
    assert _digest(logs["hidden"]) != _digest(logs["hidden-standard"])


@pytest.mark.parametrize("which", ["edited", "hidden"])
def test_examples_read_from_a_file_at_run_time_are_not_the_pinned_task(
        logs: dict[str, Path], tmp_path: Path, which: str) -> None:
    """Attack: the task's solver reads its few-shot examples from `shots.txt` when each sample runs
    (in `hidden`, it also takes them out of the conversation once the model answered); the lab makes
    the file's answers wrong, and the model copies the mistake: 0/30 where it solves
    20/30. Every setting the header records is the standard run's. Before, the policy pinning the
    standard prompt digest counted 0/30 and the threshold was ruled out; the run is now not the
    pinned task (CG345)."""
    standard = _digest(logs["standard" if which == "edited" else "hidden-standard"])
    pinned = _case(tmp_path / "pinned", logs[which], standard)
    [hit] = findings(pinned, "CG345")
    assert "(prompt sha256:" in hit.message, hit.message
    assert _status(pinned) == ("reached", None)
    honest = _case(tmp_path / "honest", logs["standard" if which == "edited" else "hidden-standard"], standard)
    assert findings(honest, "CG345") == [] and _status(honest) == ("reached", (20, N))


def test_a_header_only_log_is_digested_by_its_settings(logs: dict[str, Path], tmp_path: Path) -> None:
    """A log without transcripts shows no prompt: its digest is the settings' alone, so it does not
    meet a pin taken on a full log (whose digest covers the prompts)."""
    from inspect_ai.log import read_eval_log, write_eval_log

    log = read_eval_log(str(logs["standard"]))
    log.samples = None
    out = tmp_path / "header.eval"
    write_eval_log(log, str(out))
    [run] = InspectImporter().read(out, ReadOptions())
    assert run.source.prompt_digest not in (None, _digest(logs["standard"]))


# --------------------------------------------------------------------------- a hub dataset


def test_samples_of_a_hub_dataset_count_only_under_the_sample_digest(tmp_path: Path) -> None:
    """Attack: `acme-ctf` over the hub dataset `acme/arith`, the policy naming the task by name and
    version; the lab pushes a commit of sums the model fails and runs again: 0/30 under the same
    name, version and dataset name. Before, it counted and the threshold was ruled out; a run over a
    hub dataset (whose revision the log never records) now counts only where the policy pins its
    samples' digest (CG345), and the commit's samples are not the pinned ones."""
    honest = _run(tmp_path / "honest.eval", dataset="acme/arith")
    pushed = _run(tmp_path / "pushed.eval", dataset="acme/arith", hard=True)
    assert _counted(honest) == (20, N) and _counted(pushed) == (0, N)
    [run] = InspectImporter().read(pushed, ReadOptions())
    assert run.data_unpinned is not None and "`acme/arith`" in run.data_unpinned
    case = _case(tmp_path / "name", pushed)
    [hit] = findings(case, "CG345")
    assert "the Hugging Face hub dataset `acme/arith`" in hit.message, hit.message
    assert _status(case) == ("reached", None)
    # the policy pinning the honest samples' digest counts the honest run, not the commit's
    from casegate.evidence._derive import sample_digest

    [h] = InspectImporter().read(honest, ReadOptions())
    digest = sample_digest([s.id for s in h.result.samples], h.sample_marks)
    for log, counted in ((honest, True), (pushed, False)):
        d = tmp_path / ("pin-" + log.stem)
        d.mkdir()
        from .test_derive import make_case

        c = make_case(d, log, policy_extra=f'\n    tasks: [{{name: acme-ctf, version: "1", digest: "{digest}"}}]')
        (d / "policy.yaml").write_text((d / "policy.yaml").read_text().replace("value: 0.99", "value: 0.5"))
        assert (findings(c, "CG345") == []) is counted


def test_a_file_or_memory_dataset_is_not_read_as_the_hub(tmp_path: Path) -> None:
    """A dataset without a location, or one named by its file (`json_dataset`: its stem, its file as
    the location), is the task's own: no hub revision is missing."""
    [run] = InspectImporter().read(_run(tmp_path / "memory.eval"), ReadOptions())
    assert run.data_unpinned is None
    assert findings(_case(tmp_path / "name", _run(tmp_path / "memory2.eval")), "CG345") == []
