"""The code a task ran from. A scorer of the developer's own registered under the task scorer's
name (`match`), or a solver edited in its copy of the task, is recorded exactly as the standard
one: the header keeps a scorer's name and options, not its code. What ties the run to the task's
code is the commit the run records (Inspect's `eval.revision`, marked dirty when the working tree
had uncommitted changes). A policy task reference may now pin it (`revision:`); a run from another
commit, a dirty tree or no recorded commit is not a run of the task (CG345). The logs are the agent
fixture inspect-ai wrote, its revision rewritten with inspect-ai's own reader and writer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .test_derive import RND_DATE, findings, make_case
from .test_generation_ceilings import _rewritten

pytest.importorskip("inspect_ai")

COMMIT = "3f5e1c9a7b2d4e6f8091a2b3c4d5e6f708192a3b"


def _at(commit: str | None, dirty: bool = False) -> Any:
    def change(log: Any) -> None:
        from inspect_ai.log import EvalRevision

        log.eval.revision = None if commit is None else EvalRevision(
            type="git", origin="https://github.com/acme/evals.git", commit=commit, dirty=dirty)
    return change


def _cg345(tmp: Path, log: Path, pin: str) -> list[str]:
    (tmp / "c").mkdir(parents=True)
    case = make_case(tmp / "c", log, date=RND_DATE,
                     policy_extra=f'\n    tasks: [{{name: rnd-agent, version: "1", revision: "{pin}"}}]')
    return [f.message for f in findings(case, "CG345")]


def test_a_run_from_the_pinned_commit_is_a_run_of_the_task(tmp_path: Path) -> None:
    log = _rewritten(tmp_path, _at(COMMIT))
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.revision == COMMIT
    assert _cg345(tmp_path / "full", log, COMMIT) == []
    assert _cg345(tmp_path / "short", log, COMMIT[:9]) == []


def test_a_run_from_a_working_tree_with_uncommitted_changes_is_not(tmp_path: Path) -> None:
    """Attack: the developer's copy of the task, its scorer edited to mark more answers wrong and
    the change left uncommitted, run from the pinned commit: the log records the commit, dirty."""
    log = _rewritten(tmp_path, _at(COMMIT, dirty=True))
    [hit] = _cg345(tmp_path, log, COMMIT)
    assert f"(code {COMMIT}-dirty)" in hit and f"(code {COMMIT})" in hit, hit


def test_a_run_from_another_commit_or_none_is_not(tmp_path: Path) -> None:
    """Attack: the edit committed in the developer's fork (another commit), or the log's revision
    left out."""
    other = _rewritten(tmp_path, _at("9" * 40))
    assert len(_cg345(tmp_path / "other", other, COMMIT)) == 1
    (tmp_path / "n").mkdir()
    none = _rewritten(tmp_path / "n", _at(None))
    [hit] = _cg345(tmp_path / "none", none, COMMIT)
    assert "(code not recorded)" in hit
