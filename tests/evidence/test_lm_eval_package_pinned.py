"""A policy pinning lm-eval's own task at a version of lm-eval (`package: lm_eval==<version>`).

lm-eval's standard tasks ship inside the package (`lm_eval/tasks/`), and the results file records
where each task's configuration was read from (`configs.<task>.metadata.config_source`) and the
version of lm-eval (`lm_eval_version`). A run of the task from lm-eval's own folder is a run of the
package's task; a YAML of the developer's own under the standard name and version (given with
`--include_path`) is not, nor is a run of another lm-eval version. The fixture's run read its tasks
from a folder of its own; the other runs are its results file as lm-eval writes it for a task read
from the installed package."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.lm_eval import LmEvalImporter

from .evidence_logs import LMEVAL, lm_results
from .test_derive import findings, make_case

TASK = "arith_mc"
PACKAGED = "/opt/venv/lib/python3.11/site-packages/lm_eval/tasks/arith/arith_mc.yaml"


def _run(tmp: Path, source: str | None, version: str = "0.4.13") -> Path:
    tmp.mkdir()
    for f in LMEVAL.iterdir():
        shutil.copyfile(f, tmp / f.name)
    res = tmp / lm_results().name
    doc = json.loads(res.read_text())
    if source is None:
        del doc["configs"][TASK]["metadata"]["config_source"]
    else:
        doc["configs"][TASK]["metadata"]["config_source"] = source
    doc["lm_eval_version"] = version
    res.write_text(json.dumps(doc))
    return res


def _package(res: Path) -> str | None:
    return next(r for r in LmEvalImporter().read(res, ReadOptions()) if r.task == TASK).task_package


def _cg345(tmp: Path, res: Path) -> list[str]:
    tmp.mkdir()
    case = make_case(tmp, res, extra=f"    task: {TASK}\n",
                     policy_extra=f"\n    tasks: [{{name: {TASK}, version: '2.0', package: 'lm-eval==0.4.13'}}]",
                     companions=tuple(res.parent.glob("samples_*.jsonl")))
    return [f.message for f in findings(case, "CG345")]


def test_the_task_from_lm_evals_own_folder_meets_the_pin(tmp_path: Path) -> None:
    res = _run(tmp_path / "logs", PACKAGED)
    assert _package(res) == "lm_eval==0.4.13"
    assert _cg345(tmp_path / "case", res) == []


@pytest.mark.parametrize("source", ["/home/lab/tasks/arith_mc.yaml", None,
                                    "/home/lab/tasks/../lm_eval/tasks/arith_mc.yaml"])
def test_a_task_yaml_of_the_developers_own_under_the_standard_name_does_not(tmp_path: Path,
                                                                             source: str | None) -> None:
    """The developer's own `arith_mc.yaml` (same name and version, its own metrics or filters),
    or a results file recording no source: not the package's task."""
    res = _run(tmp_path / "logs", source)
    assert _package(res) is None
    msgs = _cg345(tmp_path / "case", res)
    assert msgs and "not a task the policy names" in msgs[0], msgs


def test_another_version_of_lm_eval_does_not(tmp_path: Path) -> None:
    res = _run(tmp_path / "logs", PACKAGED, version="0.4.12")
    msgs = _cg345(tmp_path / "case", res)
    assert msgs and "package lm_eval==0.4.12" in msgs[0], msgs
