"""An agentic task rerun with what its samples reach or start from changed, under the same digest.

The digest a policy names for a task's samples (`digest:` on a task reference) covered what each
sample asks and how it is judged (input, target, choices). For an agentic cyber or bio task the
sandbox a sample runs in, the files copied into it, the setup script run in it and the sample's
metadata decide how hard it is and what the agent can reach: a lab reran the pinned task with the
sandbox's network cut (another compose file), the target file left out, a setup script that
plants the answer (or takes the tools away), the metadata that gives the hints changed, or every
one of these taken out of its log, and the run kept the pinned digest. Each of them is now part of
a sample's content mark where it is set. The runs are inspect-ai's own (its `local` sandbox,
against its mock model); the stripped log is rewritten with inspect-ai's own writer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegate.evidence._derive import sample_digest
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .evidence_logs import inspect_log_to
from .test_chosen_subset import _mock, _questions
from .test_derive import findings
from .test_sample_content_pinned import _digest, _pinned

pytest.importorskip("inspect_ai")

N = 8
"""Samples in the generated task's dataset."""

SETTING: dict[str, Any] = {"sandbox": ("local", "compose.yaml"), "files": {"flag.txt": "flag{42}", "notes.md": "x"},
                           "setup": "mkdir -p work", "metadata": {"hints": "none", "tools": ["bash", "python"]}}
"""What each sample of the pinned task runs with."""


def _run(out: Path, task_sandbox: Any = None, **changed: Any) -> Path:
    """The task `acme-ctf` v1 (`N` questions), each sample with `SETTING` but for `changed` (a field
    set to None is left out of the samples), run by inspect-ai in its local sandbox."""
    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    setting = {k: v for k, v in {**SETTING, **changed}.items() if v is not None}
    task = Task(name="acme-ctf", version=1, sandbox=task_sandbox,
                dataset=MemoryDataset([Sample(id=i, input=q, target=t, **setting) for i, q, t in _questions()[:N]]),
                solver=[generate()], scorer=match(numeric=True))
    return inspect_log_to(task, out, model=_mock())


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("real") / "real.eval")


def _not_the_pinned_task(real: Path, own: Path, tmp: Path) -> None:
    """`own` gives another sample digest than `real`, and under a policy pinning `real`'s it is not
    a run of the task the policy names (CG345, blocking). Both runs score every sample: the digests
    differ by what the samples ran with, not by which samples were scored."""
    for log in (real, own):
        [run] = InspectImporter().read(log, ReadOptions())
        assert len({s.id for s in run.result.samples}) == N
    assert _digest(own) != _digest(real)
    [cg345] = findings(_pinned(tmp / "own", own, _digest(real)), "CG345")
    assert cg345.severity == "blocking" and "not a task the policy names" in cg345.message


def test_the_same_task_run_again_keeps_its_digest(real: Path, tmp_path: Path) -> None:
    again = _run(tmp_path / "again.eval")
    assert _digest(again) == _digest(real)
    assert findings(_pinned(tmp_path / "again", again, _digest(real)), "CG345") == []


def test_a_task_without_a_setting_keeps_the_digest_it_had(tmp_path: Path) -> None:
    """A sample with no sandbox, files, setup or metadata is marked over what it asks alone, as
    before: pins taken on such logs still match."""
    log = _run(tmp_path / "plain.eval", sandbox=None, files=None, setup=None, metadata=None)
    from inspect_ai.log import read_eval_log_sample_summaries

    from casegate.evidence.importers._common import content_marks
    from casegate.evidence.importers.inspect_log import _jsonable, _messages

    summaries = read_eval_log_sample_summaries(str(log))
    before = content_marks((str(s.id), _jsonable([_messages(s.input), s.target, s.choices])) for s in summaries)
    assert _digest(log) == sample_digest([str(s.id) for s in summaries], before)


def test_the_sandbox_with_its_network_cut_is_not_the_pinned_task(real: Path, tmp_path: Path) -> None:
    """Attack: the same samples in a sandbox whose compose file cuts the network."""
    _not_the_pinned_task(real, _run(tmp_path / "own.eval", sandbox=("local", "compose-no-network.yaml")), tmp_path)


def test_the_target_file_left_out_is_not_the_pinned_task(real: Path, tmp_path: Path) -> None:
    """Attack: the file the agent has to reach is no longer copied into the sandbox."""
    _not_the_pinned_task(real, _run(tmp_path / "own.eval", files={"notes.md": "x"}), tmp_path)


def test_a_setup_script_that_plants_the_answer_is_not_the_pinned_task(real: Path, tmp_path: Path) -> None:
    """Attack: the setup script leaves the model's likely wrong answer where the scorer looks
    (or, the same move, deletes the tools the agent needs)."""
    _not_the_pinned_task(real, _run(tmp_path / "own.eval", setup="mkdir -p work && echo 4 > work/answer.txt"),
                         tmp_path)


def test_other_metadata_is_not_the_pinned_task(real: Path, tmp_path: Path) -> None:
    """Attack: the metadata the task's solver reads its tools from lists none."""
    _not_the_pinned_task(real, _run(tmp_path / "own.eval", metadata={"hints": "none", "tools": []}), tmp_path)


def test_the_task_s_own_sandbox_changed_is_not_the_pinned_task(tmp_path: Path) -> None:
    """Attack: samples that name no sandbox of their own run in the task's (`eval.sandbox`), and
    the rerun gives the task another one."""
    real = _run(tmp_path / "real.eval", task_sandbox=("local", "compose.yaml"), sandbox=None)
    own = _run(tmp_path / "own.eval", task_sandbox=("local", "compose-no-network.yaml"), sandbox=None)
    _not_the_pinned_task(real, own, tmp_path)


def test_a_log_with_the_setting_taken_out_is_not_the_pinned_task(real: Path, tmp_path: Path) -> None:
    """Attack: the lab's rerun (network cut, answer planted) written out with every sample's sandbox,
    files, setup and metadata removed, so no changed setting shows. A log that records none of them
    does not match a pin taken where the task had them."""
    from inspect_ai.log import read_eval_log, write_eval_log

    doc = read_eval_log(str(_run(tmp_path / "rerun.eval", setup="echo 'flag{0}' > answer.txt")))
    for s in doc.samples or []:
        s.sandbox, s.files, s.setup, s.metadata = None, None, None, {}
    own = tmp_path / "own.eval"
    write_eval_log(doc, str(own))
    _not_the_pinned_task(real, own, tmp_path)


def test_a_log_without_its_samples_full_records_is_not_the_pinned_task(real: Path, tmp_path: Path) -> None:
    """Attack: the rerun's `.eval` archive with the samples' full records taken out, so only the
    summaries (which hold no sandbox, files or setup) are left to read what each sample asked."""
    import zipfile

    rerun = _run(tmp_path / "rerun.eval", sandbox=("local", "compose-no-network.yaml"))
    own = tmp_path / "own.eval"
    with zipfile.ZipFile(rerun) as src, zipfile.ZipFile(own, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if not info.filename.startswith("samples/"):
                out.writestr(info, src.read(info))
    from inspect_ai.log import read_eval_log_sample_summaries

    assert len(read_eval_log_sample_summaries(str(own))) == N  # the summaries still state every sample
    assert _digest(own) != _digest(real)
    assert findings(_pinned(tmp_path / "own", own, _digest(real)), "CG345")
