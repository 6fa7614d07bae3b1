"""An lm-eval task of a standard name built from the developer's own YAML. lm-eval numbers a task's
documents by position (`doc_id` 0, 1, ...), and the digest a policy names for a task's samples was
taken over those ids: a task called `arith_mc`, version 2, over 24 other (easier or harder to
refuse) documents gave the same ids, so the same digest, as the real one. A sample's id now carries
a digest of its document, so the policy's digest pins the documents. The run is the one
lm-evaluation-harness wrote for the fixture; the other task is its samples file with every
document's question changed, and its results file's `config_source` pointing at the developer's
own YAML, as such a run writes them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from casegate.evidence._derive import sample_digest
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.lm_eval import LmEvalImporter

from .evidence_logs import LMEVAL, lm_results
from .test_derive import findings, lm_case

TASK = "arith_mc"


def _digest(results: Path) -> str:
    run = next(r for r in LmEvalImporter().read(results, ReadOptions()) if r.task == TASK)
    return str(sample_digest([s.id for s in run.result.samples]))


def _own_task(tmp: Path) -> Path:
    """The fixture's run with its `arith_mc` documents replaced by the developer's own."""
    tmp.mkdir()
    for f in LMEVAL.iterdir():
        shutil.copyfile(f, tmp / f.name)
    res = tmp / lm_results().name
    doc = json.loads(res.read_text())
    doc["configs"][TASK]["metadata"]["config_source"] = "/home/lab/tasks/arith_mc.yaml"
    res.write_text(json.dumps(doc))
    samples = next(tmp.glob(f"samples_{TASK}_*.jsonl"))
    lines = [json.loads(x) for x in samples.read_text().splitlines() if x.strip()]
    for x in lines:
        x["doc"]["question"] = "Our own question: " + x["doc"]["question"]
    samples.write_text("".join(json.dumps(x) + "\n" for x in lines))
    return res


def test_the_digest_of_the_samples_pins_the_documents(tmp_path: Path) -> None:
    """Attack: the developer's own `arith_mc` (same name, version and number of documents, other
    documents). Before, its samples gave the real task's digest."""
    real = _digest(lm_results())
    own = _own_task(tmp_path / "own")
    assert _digest(own) != real
    again = tmp_path / "again"
    again.mkdir()
    for f in LMEVAL.iterdir():
        shutil.copyfile(f, again / f.name)
    assert _digest(again / lm_results().name) == real  # the same documents give the same digest


def test_a_policy_naming_the_tasks_digest_does_not_count_the_developers_own_task(tmp_path: Path) -> None:
    real = _digest(lm_results())
    pinned = f"\n    tasks: [{{name: {TASK}, digest: '{real}'}}]"
    (tmp_path / "real").mkdir()
    assert [f.message for f in findings(lm_case(tmp_path / "real", policy_extra=pinned), "CG345")] == []
    own = _own_task(tmp_path / "own-logs")
    (tmp_path / "own").mkdir()
    import tests.evidence.test_derive as td

    case = td.make_case(tmp_path / "own", own, extra=f"    task: {TASK}\n", policy_extra=pinned,
                        companions=tuple(own.parent.glob("samples_*.jsonl")))
    hits = findings(case, "CG345")
    assert hits and "not a task the policy names" in hits[0].message, [f.message for f in hits]


def test_a_line_without_its_document_is_tied_by_its_hash_or_not_at_all() -> None:
    """The mark recomputed from the document is lm-eval's own `doc_hash`; a line with the hash and no
    document is tied by the hash, one with neither by nothing (its digest then matches no
    policy digest taken over documents)."""
    from casegate.evidence.importers.lm_eval import _document_mark

    line = json.loads(next(LMEVAL.glob(f"samples_{TASK}_*.jsonl")).read_text().splitlines()[0])
    mark = "#" + line["doc_hash"][:16]
    assert _document_mark(line) == mark
    assert _document_mark({k: v for k, v in line.items() if k != "doc"}) == mark
    assert _document_mark({k: v for k, v in line.items() if k not in ("doc", "doc_hash")}) == ""
