"""A task installed as a package, tied to its version.

Inspect records the distribution a task was loaded from in `eval.packages` (beside inspect_ai), and
as `eval.revision` the commit that distribution was installed from (without `dirty`) or, for a
package installed from an index, the commit of the working directory's repository (with `dirty`).
Nothing read `eval.packages`: a policy pinning the task's `revision` counted a run of another version
of the installed package whenever the run was started inside a checkout of the pinned commit. A
task reference may now pin the package (`package: name==version`), and a working directory's commit
is no revision of an installed task's code. The logs are inspect-ai's own run of `acme-ctf` against
its mock model, rewritten with inspect-ai's own reader and writer as such a run records them."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.checks._gaps import policy_gaps
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.load import load_case

from .test_chosen_subset import _case, _run
from .test_derive import findings

pytest.importorskip("inspect_ai")

COMMIT = "3f2c9a1b7d4e5f60718293a4b5c6d7e8f9012345"
"""The commit of the task's repository the policy pins."""


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("ran") / "acme.eval")


def _as_installed(log: Path, out: Path, version: str, *, from_git: bool) -> Path:
    """`log` as Inspect records a run of `acme-ctf` loaded from the installed package `acme-ctf`
    at `version`: installed from git at `COMMIT` (the package's commit, no `dirty`), or from an
    index and run inside a clean checkout of `COMMIT` (the working directory's commit, `dirty`
    false)."""
    from inspect_ai.log import EvalRevision, read_eval_log, write_eval_log

    h = read_eval_log(str(log))
    h.eval.packages = {**(h.eval.packages or {}), "acme-ctf": version}
    h.eval.revision = EvalRevision(type="git", origin="https://git.example/acme/ctf", commit=COMMIT,
                                   dirty=None if from_git else False)
    write_eval_log(h, str(out))
    return out


def _pinned(tmp: Path, log: Path, pins: str) -> Path:
    tmp.mkdir()
    case = _case(tmp, log)
    policy = tmp / "policy.yaml"
    policy.write_text(policy.read_text().replace('version: "1"}', f'version: "1", {pins}}}'))
    return case


def test_another_version_of_the_package_run_in_a_checkout_of_the_pinned_commit_does_not_count(
        ran: Path, tmp_path: Path) -> None:
    """Attack: the policy pins the task's commit; the developer installs its own build of the
    task's package (1.0.1, from its index) and runs it inside a clean checkout of the pinned
    commit, which Inspect records as the run's revision. Before, the run counted as the pinned
    task's; the working directory's commit now ties no task code (CG345)."""
    log = _as_installed(ran, tmp_path / "index.eval", "1.0.1", from_git=False)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.task_package == "acme-ctf==1.0.1" and run.source.revision is None
    assert any("working directory's, not the package's" in n for n in run.notes)
    [cg345] = findings(_pinned(tmp_path / "case", log, f"revision: {COMMIT}"), "CG345")
    assert cg345.severity == "blocking" and "package acme-ctf==1.0.1" in cg345.message


def test_a_package_installed_from_the_pinned_commit_counts(ran: Path, tmp_path: Path) -> None:
    log = _as_installed(ran, tmp_path / "git.eval", "1.0.0", from_git=True)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.revision == COMMIT
    assert findings(_pinned(tmp_path / "case", log, f"revision: {COMMIT}"), "CG345") == []


def test_a_package_pin_takes_only_that_version(ran: Path, tmp_path: Path) -> None:
    other = _as_installed(ran, tmp_path / "other.eval", "1.0.1", from_git=False)
    assert findings(_pinned(tmp_path / "other", other, "package: acme-ctf==1.0.0"), "CG345")
    same = _as_installed(ran, tmp_path / "same.eval", "1.0.0", from_git=False)
    assert findings(_pinned(tmp_path / "same", same, "package: acme_ctf==1.0.0"), "CG345") == []
    # a task file (no package recorded) is not a run of the package's task
    assert findings(_pinned(tmp_path / "file", ran, "package: acme-ctf==1.0.0"), "CG345")


def test_a_task_named_without_its_code_is_a_policy_gap(ran: Path, tmp_path: Path) -> None:
    loose = load_case(_pinned(tmp_path / "loose", ran, "prompt: sha256:" + "0" * 64))
    assert loose.policy is not None
    assert any("`revision` or `package`" in g.says for g in policy_gaps(loose.policy))
    tied = load_case(_pinned(tmp_path / "tied", ran, "package: acme-ctf==1.0.0"))
    assert tied.policy is not None
    assert not any("`revision` or `package`" in g.says for g in policy_gaps(tied.policy))
