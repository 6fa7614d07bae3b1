"""An lm-eval samples file stripped of its documents and targets, keeping their hashes.

The digest a policy names for a task's samples covers each document and target (`doc_hash` and
`target_hash` as lm-eval makes them), recomputed from the `doc` and `target` a line holds, else
taken from the hashes the line states. A developer's own `arith_mc` over other documents, its
samples file rewritten to hold only the real documents' hashes (no `doc`, no `target`), gave the
real task's digest and counted under the policy's pin while what it asked was unseen. lm-eval writes
both on every line: a line without them now leaves the run without a sample digest, and a pin on
one is not met, with the reason (CG345)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.lm_eval import LmEvalImporter

from .evidence_logs import LMEVAL, lm_results, restate_task_hashes
from .test_derive import findings
from .test_lm_eval_own_task import TASK, _digest, _own_task


def _lines(samples: Path) -> list[dict]:
    return [json.loads(x) for x in samples.read_text().splitlines() if x.strip()]


def _stripped(tmp: Path, own: bool) -> Path:
    """The fixture's run (or the developer's own `arith_mc` when `own`) with every samples line's
    `doc` and `target` dropped and the real documents' `doc_hash` and `target_hash` kept."""
    real = {x["doc_id"]: x for x in _lines(next(LMEVAL.glob(f"samples_{TASK}_*.jsonl")))}
    if own:
        res = _own_task(tmp)
    else:
        tmp.mkdir()
        for f in LMEVAL.iterdir():
            shutil.copyfile(f, tmp / f.name)
        res = tmp / lm_results().name
    samples = next(tmp.glob(f"samples_{TASK}_*.jsonl"))
    lines = _lines(samples)
    for x in lines:
        del x["doc"], x["target"]
        x["doc_hash"], x["target_hash"] = real[x["doc_id"]]["doc_hash"], real[x["doc_id"]]["target_hash"]
    samples.write_text("".join(json.dumps(x) + "\n" for x in lines))
    restate_task_hashes(res)
    return res


def _cg345(tmp: Path, res: Path, digest: str) -> list[str]:
    import tests.evidence.test_derive as td

    tmp.mkdir()
    case = td.make_case(tmp, res, extra=f"    task: {TASK}\n",
                        policy_extra=f"\n    tasks: [{{name: {TASK}, digest: '{digest}'}}]",
                        companions=tuple(res.parent.glob("samples_*.jsonl")))
    return [f.message for f in findings(case, "CG345")]


def test_the_developers_own_documents_behind_the_real_hashes_do_not_meet_the_pin(tmp_path: Path) -> None:
    """Attack: the developer's own documents, the samples file holding only the real documents'
    hashes. Before, the run had the real task's digest and counted under the pin."""
    real = _digest(lm_results())
    res = _stripped(tmp_path / "logs", own=True)
    msgs = _cg345(tmp_path / "case", res, real)
    assert msgs and "not a task the policy names" in msgs[0] and "samples not verified" in msgs[0], msgs
    [run] = [r for r in LmEvalImporter().read(res, ReadOptions()) if r.task == TASK]
    assert run.samples_unseen and "holds no `doc` or `target`" in run.samples_unseen


def test_the_real_run_stripped_of_its_content_does_not_meet_the_pin_either(tmp_path: Path) -> None:
    """The hashes are the real ones here too, but nothing the log holds shows it: not verified."""
    msgs = _cg345(tmp_path / "case", _stripped(tmp_path / "logs", own=False), _digest(lm_results()))
    assert msgs and "samples not verified" in msgs[0], msgs


def test_the_run_as_lm_eval_wrote_it_meets_the_pin(tmp_path: Path) -> None:
    (tmp_path / "logs").mkdir()
    for f in LMEVAL.iterdir():
        shutil.copyfile(f, tmp_path / "logs" / f.name)
    res = tmp_path / "logs" / lm_results().name
    [run] = [r for r in LmEvalImporter().read(res, ReadOptions()) if r.task == TASK]
    assert run.samples_unseen is None
    assert _cg345(tmp_path / "case", res, _digest(lm_results())) == []
