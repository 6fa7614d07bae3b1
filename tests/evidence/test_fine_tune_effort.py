"""The effort of the fine-tuning attack behind a `fine-tuned` checkpoint is read from the log in
each format (casegate-results `fine_tune`, Inspect `eval.metadata.fine_tune`, lm-eval
`config.model_args` `fine_tune_*=`); a value that is no finite count is not recorded (or, in
casegate-results, refuses the file naming the field)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casegate.evidence.importers import LogReadError, ReadOptions
from casegate.evidence.importers.generic import GenericImporter
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.evidence.importers.lm_eval import LmEvalImporter

from .evidence_logs import INSPECT, LMEVAL, lm_results


def _generic(tmp: Path, **extra: object) -> Path:
    doc = {"format": "casegate-results/1", "task": "t", "model": "acme/m-finetuned", "status": "success",
           "created": "2026-10-14T09:00:00Z", "scale": "binary", "variant": "fine-tuned",
           "samples": [{"id": "a", "epoch": 1, "score": 1}], **extra}
    p = tmp / "run.json"
    p.write_text(json.dumps(doc))
    return p


def test_generic_effort_is_read_and_a_bad_one_refused(tmp_path: Path) -> None:
    (run,) = GenericImporter().read(_generic(tmp_path, fine_tune={"gpu_hours": 2.5, "steps": 600}), ReadOptions())
    assert run.fine_tune == {"gpu_hours": 2.5, "steps": 600.0} and run.fine_tune_field == "fine_tune"
    (run,) = GenericImporter().read(_generic(tmp_path), ReadOptions())
    assert run.fine_tune == {} and run.fine_tune_field is None
    for bad in ({"gpu_hours": -1}, {"steps": "many"}, {"minutes": 5}):
        with pytest.raises(LogReadError) as e:
            GenericImporter().read(_generic(tmp_path, fine_tune=bad), ReadOptions())
        assert "fine_tune" in str(e.value), str(e.value)


def test_inspect_effort_is_read_from_the_eval_metadata(tmp_path: Path) -> None:
    doc = json.loads((INSPECT / "arith-json.json").read_text())
    doc["eval"]["metadata"] = {"variant": "fine-tuned", "fine_tune": {"gpu_hours": 8, "examples": "2000",
                                                                      "steps": float("nan")}}
    log = tmp_path / "arith-json.json"
    log.write_text(json.dumps(doc))
    (run,) = InspectImporter().read(log, ReadOptions())
    assert run.variant == "fine-tuned"
    # a count given as text is read as one; NaN is no count: not recorded
    assert run.fine_tune == {"gpu_hours": 8.0, "examples": 2000.0}
    assert run.fine_tune_field == "eval.metadata.fine_tune"


def test_lm_eval_effort_is_read_from_the_model_arguments(tmp_path: Path) -> None:
    res = lm_results()
    for s in LMEVAL.glob("samples_*.jsonl"):
        shutil.copyfile(s, tmp_path / s.name)
    doc = json.loads(res.read_text())
    doc["config"]["model_args"] = ("pretrained=acme/m,variant=fine-tuned,fine_tune_gpu_hours=4,"
                                   "fine_tune_steps=900,fine_tune_examples=lots")
    (tmp_path / res.name).write_text(json.dumps(doc))
    runs = LmEvalImporter().read(tmp_path / res.name, ReadOptions())
    assert runs and all(r.fine_tune == {"gpu_hours": 4.0, "steps": 900.0} for r in runs)
    assert {r.fine_tune_field for r in runs} == {"config.model_args fine_tune_*"}
