"""An lm-eval task of a standard name built from the developer's own YAML. lm-eval numbers a task's
documents by position (`doc_id` 0, 1, ...), and the digest a policy names for a task's samples was
taken over those ids: a task called `arith_mc`, version 2, over 24 other (easier or harder to
refuse) documents gave the same ids, so the same digest, as the real one. A sample's id now carries
a digest of its document, so the policy's digest pins the documents. The run is the one
lm-evaluation-harness wrote for the fixture; the other task is its samples file with every
document's question changed, and its results file's `config_source` pointing at the developer's
own YAML, as such a run writes them."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.evidence._derive import sample_digest
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.lm_eval import LmEvalImporter

from .evidence_logs import LMEVAL, lm_results, restate_task_hashes
from .test_derive import findings, lm_case

TASK = "arith_mc"


def _digest(results: Path) -> str:
    run = next(r for r in LmEvalImporter().read(results, ReadOptions()) if r.task == TASK)
    return str(sample_digest([s.id for s in run.result.samples], run.sample_marks))


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
        _rehash(x)
    samples.write_text("".join(json.dumps(x) + "\n" for x in lines))
    restate_task_hashes(res)
    return res


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _rehash(line: dict[str, Any]) -> None:
    """`line`'s hashes made again from its document, target and prompt, as lm-eval writes them for
    a task that asked that document (`doc_hash`, `target_hash`, `prompt_hash`)."""
    for args in line["arguments"].values():
        args["arg_0"] = args["arg_0"].replace("Question: What", "Question: Our own question: What")
    line["doc_hash"] = _hash(json.dumps(line["doc"], indent=2, ensure_ascii=False))
    line["target_hash"] = _hash(str(line["target"]))
    line["prompt_hash"] = _hash(line["arguments"]["gen_args_0"]["arg_0"])


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


def _own_targets(tmp: Path) -> Path:
    """The fixture's run as the developer's own `arith_mc` would write it over the same documents
    with another `doc_to_target` (each document judged against the next choice): every target and
    its hash moved (the scores are left as they were: the digest is what is compared)."""
    tmp.mkdir()
    for f in LMEVAL.iterdir():
        shutil.copyfile(f, tmp / f.name)
    samples = next(tmp.glob(f"samples_{TASK}_*.jsonl"))
    lines = [json.loads(x) for x in samples.read_text().splitlines() if x.strip()]
    for x in lines:
        x["target"] = str((int(x["target"]) + 1) % len(x["doc"]["choices"]))
        x["target_hash"] = _hash(x["target"])
    samples.write_text("".join(json.dumps(x) + "\n" for x in lines))
    restate_task_hashes(tmp / lm_results().name)
    return tmp / lm_results().name


def test_the_same_documents_judged_against_other_targets_are_not_the_pinned_task(tmp_path: Path) -> None:
    """Attack: the developer's `arith_mc` over the same documents with its own `doc_to_target`. Its
    sample ids (`doc_id` and the document's hash) were the real task's, so the digest a policy names
    for the task's samples counted it; the digest now covers each document's target."""
    real = _digest(lm_results())
    own = _own_targets(tmp_path / "own-logs")
    assert _digest(own) != real
    pinned = f"\n    tasks: [{{name: {TASK}, digest: '{real}'}}]"
    (tmp_path / "own").mkdir()
    import tests.evidence.test_derive as td

    case = td.make_case(tmp_path / "own", own, extra=f"    task: {TASK}\n", policy_extra=pinned,
                        companions=tuple(own.parent.glob("samples_*.jsonl")))
    hits = findings(case, "CG345")
    assert hits and "not a task the policy names" in hits[0].message, [f.message for f in hits]


@pytest.mark.parametrize("field", ["doc", "target", "arguments"])
def test_a_line_rewritten_without_its_hash_is_refused(tmp_path: Path, field: str) -> None:
    """lm-eval writes `doc_hash`, `target_hash` and `prompt_hash` from the values beside them: a line
    whose document, target or prompt was rewritten and whose hash was kept is not the run's record."""
    from casegate.evidence.importers.interface import LogReadError

    for f in LMEVAL.iterdir():
        shutil.copyfile(f, tmp_path / f.name)
    samples = next(tmp_path.glob(f"samples_{TASK}_*.jsonl"))
    lines = [json.loads(x) for x in samples.read_text().splitlines() if x.strip()]
    if field == "doc":
        lines[3]["doc"]["question"] += " (rewritten)"
    elif field == "target":
        lines[3]["target"] = "0" if lines[3]["target"] != "0" else "1"
    else:
        lines[3]["arguments"]["gen_args_0"]["arg_0"] += " (rewritten)"
    samples.write_text("".join(json.dumps(x) + "\n" for x in lines))
    with pytest.raises(LogReadError, match=r"line 4: `(doc|target|prompt)_hash` is not the hash"):
        LmEvalImporter().read(tmp_path / lm_results().name, ReadOptions())
