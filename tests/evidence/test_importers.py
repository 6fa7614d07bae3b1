"""Importers read the real tools' logs into evidence fields; bad logs give clear errors."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import pytest

from casegate.errors import MissingExtraError
from casegate.evidence.importers import IMPORTERS, LogReadError, ReadOptions, discover, importer_for
from casegate.evidence.importers.generic import GenericImporter
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.evidence.importers.lm_eval import LmEvalImporter
from casegate.model import Scaffold

from .evidence_logs import INSPECT, LMEVAL, lm_results, restate_task_hashes

ROOT = Path(__file__).resolve().parents[2]
OPTS = ReadOptions()


def _one(path: Path, options: ReadOptions = OPTS):  # type: ignore[no-untyped-def]
    imp = importer_for(path)
    assert imp is not None, path
    runs = imp.read(path, options)
    assert len(runs) == 1
    return runs[0]


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- Inspect AI


def test_inspect_clean_eval_archive() -> None:
    p = INSPECT / "arith-clean.eval"
    r = _one(p)
    assert isinstance(importer_for(p), InspectImporter)
    assert r.sha256 == _sha(p)
    assert r.task == "arith-clean" and r.source.task_version == "2"
    assert r.source.tool == "inspect-ai" and r.source.tool_version
    assert r.source.model == "mockllm/model" and r.source.status == "success"
    assert r.source.revision and r.source.created and r.source.created.startswith(str(r.date))
    assert r.source.samples == 30 and r.source.scored == 30 and r.source.scorer == "match"
    # the task-level plan.config (set at eval time) is the generation config
    assert r.elicitation.generate_config == {"max_tokens": 64, "temperature": 0.0}
    assert r.elicitation.solver == ["generate"] and r.elicitation.scaffold is Scaffold.none
    assert r.elicitation.budget_tokens == 64  # single generation: max_tokens is the budget
    res = r.result
    assert res.scale == "binary" and res.trials == 30 and len(res.samples) == 30
    assert res.successes == sum(1 for s in res.samples if s.score == 1)
    # the counts agree with inspect's own accuracy metric
    assert res.metric == "match/accuracy" and res.value == pytest.approx(res.successes / 30)
    assert res.stderr is not None and res.stderr > 0
    assert r.source.metrics["match/stderr"] == res.stderr
    assert r.notes == []


def test_inspect_json_log() -> None:
    p = INSPECT / "arith-json.json"
    assert isinstance(importer_for(p), InspectImporter)
    r = _one(p)
    assert r.task == "arith-json" and r.result.trials == 5
    assert r.result.value == pytest.approx(r.result.successes / 5)


def test_inspect_epochs_and_reductions() -> None:
    p = INSPECT / "arith-epochs.eval"
    runs = {red: _one(p, ReadOptions(reduction=red)) for red in ("at-least-one", "majority", "mean")}
    r = runs["at-least-one"]
    assert r.elicitation.attempts == 4 and r.source.epochs == 4
    assert len(r.result.samples) == 40 and {s.epoch for s in r.result.samples} == {1, 2, 3, 4}
    per: dict[str, list[float]] = {}
    for s in r.result.samples:
        per.setdefault(s.id, []).append(s.score)
    assert (r.result.successes, r.result.trials) == (sum(any(v) for v in per.values()), 10)
    m = runs["majority"].result
    assert (m.successes, m.trials) == (sum(2 * sum(v) >= len(v) for v in per.values()), 10)
    mean = runs["mean"].result
    assert (mean.successes, mean.trials) == (int(sum(sum(v) for v in per.values())), 40)
    # inspect's mean-reduced accuracy equals the mean reduction's rate
    assert mean.value == pytest.approx(mean.successes / mean.trials)
    assert {run.result.reduction for run in runs.values()} == {"at-least-one", "majority", "mean"}


def test_inspect_errored_run() -> None:
    r = _one(INSPECT / "arith-error.eval")
    assert r.source.status == "error"
    assert r.source.error and "failed to start" in r.source.error
    assert r.source.samples == 10 and r.source.scored is not None and r.source.scored < 10
    assert any("cannot support a claim" in n for n in r.notes)


def test_inspect_tool_using_solver() -> None:
    r = _one(INSPECT / "arith-tools.eval")
    assert r.elicitation.tools == ["add"]
    assert r.elicitation.scaffold is Scaffold.tool_use
    assert r.elicitation.solver == ["system_message", "use_tools", "generate"]
    assert r.elicitation.budget_tokens == 20000  # the run's token_limit
    assert r.source.task_version == "3"


def test_inspect_invalidated_log() -> None:
    r = _one(INSPECT / "arith-invalidated.eval")
    assert r.source.invalidated is True
    assert any("invalidated" in n for n in r.notes)


def test_inspect_scorer_without_documented_scale_is_not_guessed() -> None:
    p = INSPECT / "arith-closeness.eval"
    r = _one(p)
    assert r.result.scale == "other" and r.result.successes is None and r.result.trials is None
    assert r.result.metric == "closeness/mean"
    assert any("no documented scale" in n for n in r.notes)
    # declared by the user: a proportion; declaring binary fails because scores are not 0/1
    assert _one(p, ReadOptions(scale="proportion")).result.scale == "proportion"
    with pytest.raises(LogReadError, match="binary"):
        _one(p, ReadOptions(scale="binary"))


def test_inspect_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "inspect_ai.log", None)  # import fails as if not installed
    with pytest.raises(MissingExtraError) as e:
        InspectImporter().read(INSPECT / "arith-clean.eval", OPTS)
    assert e.value.help == "pip install 'casegate[inspect]'"
    assert "inspect-ai" in e.value.diagnostics()


# --------------------------------------------------------------------------- lm-eval


def test_lm_eval_results_with_samples() -> None:
    p = lm_results()
    assert isinstance(importer_for(p), LmEvalImporter)
    runs = {r.task: r for r in LmEvalImporter().read(p, OPTS)}
    assert set(runs) == {"arith_mc", "arith_gen"}
    doc = json.loads(p.read_text())
    mc = runs["arith_mc"]
    assert mc.sha256 == _sha(p)
    assert mc.source.tool == "lm-eval" and mc.source.tool_version == doc["lm_eval_version"]
    assert mc.source.task_version == "2.0" and mc.source.revision is None  # `git_hash` ties no code
    assert any(doc["git_hash"] in n and "uncommitted" in n for n in mc.notes)
    assert mc.source.samples == 24 and mc.source.scored == 24 and mc.source.scorer == "acc"
    assert mc.result.scale == "binary" and mc.result.trials == 24
    assert mc.result.value == pytest.approx(doc["results"]["arith_mc"]["acc,none"])
    assert mc.result.successes == round(mc.result.value * 24)
    assert mc.result.stderr == pytest.approx(doc["results"]["arith_mc"]["acc_stderr,none"])
    samples = next(LMEVAL.glob("samples_arith_mc_*.jsonl"))
    assert mc.source.files == {samples.name: _sha(samples)}
    assert mc.elicitation.solver == ["multiple_choice", "0-shot"]
    gen = runs["arith_gen"]
    assert gen.elicitation.budget_tokens == 16
    assert gen.elicitation.generate_config["max_gen_toks"] == 16
    assert gen.result.successes == 0 and gen.result.trials == 10


def test_lm_eval_without_samples_derives_counts_from_the_metric(tmp_path: Path) -> None:
    p = lm_results()
    shutil.copy(p, tmp_path / p.name)
    runs = {r.task: r for r in LmEvalImporter().read(tmp_path / p.name, OPTS)}
    mc = runs["arith_mc"]
    assert mc.result.trials == 24 and mc.result.successes == round(mc.result.value * 24)
    assert mc.result.samples == [] and mc.source.files == {}
    assert any("no samples file" in n for n in mc.notes)


def _lm_copy(tmp_path: Path) -> tuple[Path, Path]:
    p = tmp_path / lm_results().name
    shutil.copy(lm_results(), p)
    samples = next(LMEVAL.glob("samples_arith_mc_*.jsonl"))
    shutil.copy(samples, tmp_path / samples.name)
    return p, tmp_path / samples.name


def test_a_sample_repeated_in_an_lm_eval_samples_file_is_refused_naming_the_line(tmp_path: Path) -> None:
    p, samples = _lm_copy(tmp_path)
    lines = samples.read_text().splitlines(keepends=True)
    first = json.loads(lines[3])
    again = dict(json.loads(lines[7]), doc_id=first["doc_id"], acc=1.0 - first["acc"])
    samples.write_text("".join(lines[:7]) + json.dumps(again) + "\n" + "".join(lines[8:]))
    with pytest.raises(LogReadError) as e:
        LmEvalImporter().read(p, OPTS)
    assert e.value.location == str(samples)
    assert e.value.message.startswith(f"line 8 repeats sample `doc_id` {first['doc_id']} (first on line 4)")


def test_lm_eval_samples_of_another_filter_are_not_counted(tmp_path: Path) -> None:
    p, samples = _lm_copy(tmp_path)
    before = {r.task: r for r in LmEvalImporter().read(p, OPTS)}["arith_mc"].result
    rows = [json.loads(x) for x in samples.read_text().splitlines()]
    other = [dict(r, filter="take-first", acc=1.0) for r in rows]  # the same documents, another filter
    samples.write_text("".join(json.dumps(r) + "\n" for r in rows + other))
    restate_task_hashes(p)
    after = {r.task: r for r in LmEvalImporter().read(p, OPTS)}["arith_mc"]
    assert (after.result.successes, after.result.trials) == (before.successes, before.trials) == (
        before.successes, 24)
    assert after.source.scored == 24


@pytest.mark.parametrize("date", ["9999-12-31T23:59:59+14:00", "9900-01-25", 253402300000])
def test_a_log_dated_too_late_to_count_its_age_is_refused(tmp_path: Path, date: str | int) -> None:
    p = tmp_path / lm_results().name
    doc = json.loads(lm_results().read_text())
    doc["date"] = date
    p.write_text(json.dumps(doc))
    with pytest.raises(LogReadError, match="is past 9900-01-24: the evidence's age could not be counted") as e:
        LmEvalImporter().read(p, OPTS)
    assert e.value.location == str(p)
    doc["date"] = "9900-01-24T12:00:00"  # the last day whose age any policy can count
    p.write_text(json.dumps(doc))
    assert {r.date.isoformat() for r in LmEvalImporter().read(p, OPTS)} == {"9900-01-24"}


# --------------------------------------------------------------------------- generic format


def test_generic_json_of_the_example_case() -> None:
    p = ROOT / "examples" / "atlas-api" / "evals" / "cyber-ctf.json"
    assert isinstance(importer_for(p), GenericImporter)
    r = _one(p)
    assert (r.result.successes, r.result.trials) == (33, 200)
    assert r.elicitation.attempts == 5 and r.source.task == "acme-ctf-pro" and r.source.task_version == "4"


def test_generic_json_with_samples(tmp_path: Path) -> None:
    doc = {"format": "casegate-results/1", "task": "t", "model": "m", "status": "success",
           "created": "2026-10-01T00:00:00Z", "epochs": 2, "scale": "binary", "successes": 1, "trials": 2,
           "samples": [{"id": "a", "epoch": 1, "score": 0}, {"id": "a", "epoch": 2, "score": 1},
                       {"id": "b", "epoch": 1, "score": 0}, {"id": "b", "epoch": 2, "score": 0}],
           "tools": ["bash"], "budget_tokens": 1000}
    p = tmp_path / "r.json"
    p.write_text(json.dumps(doc))
    r = _one(p)
    assert (r.result.successes, r.result.trials) == (1, 2)
    assert r.elicitation.scaffold is Scaffold.tool_use and r.elicitation.budget_tokens == 1000
    doc["successes"] = 2
    p.write_text(json.dumps(doc))
    with pytest.raises(LogReadError, match="states 2 of 2 but its samples give 1 of 2"):
        _one(p)


def test_generic_csv(tmp_path: Path) -> None:
    p = tmp_path / "scores.csv"
    p.write_text("task,model,status,created,scale,sample,epoch,score,task_version\n"
                 "ctf,acme/m,success,2026-10-02T09:00:00Z,binary,c1,1,1,3\n"
                 "ctf,acme/m,success,2026-10-02T09:00:00Z,binary,c2,1,0,3\n"
                 "bio,acme/m,success,2026-10-03T09:00:00Z,binary,b1,1,0,\n")
    runs = {r.task: r for r in GenericImporter().read(p, OPTS)}
    assert (runs["ctf"].result.successes, runs["ctf"].result.trials) == (1, 2)
    assert runs["ctf"].source.task_version == "3"
    assert (runs["bio"].result.successes, runs["bio"].result.trials) == (0, 1)


# --------------------------------------------------------------------------- discovery


def test_discover_finds_both_tools_and_reports_other_files(tmp_path: Path) -> None:
    shutil.copytree(INSPECT, tmp_path / "inspect")
    shutil.copytree(LMEVAL, tmp_path / "lm-eval")
    (tmp_path / "notes.txt").write_text("not a log")
    found = discover([tmp_path])
    names = {(p.name, imp.name) for p, imp in found.logs}
    assert ("arith-clean.eval", "inspect-ai") in names and ("arith-json.json", "inspect-ai") in names
    assert (lm_results().name, "lm-eval") in names
    assert [p.name for p in found.skipped] == ["notes.txt"]  # samples_*.jsonl are companions
    assert len(IMPORTERS) == 3


# --------------------------------------------------------------------------- bad logs: file -> message


def _truncated(tmp: Path) -> Path:
    b = (INSPECT / "arith-clean.eval").read_bytes()
    p = tmp / "truncated.eval"
    p.write_bytes(b[: len(b) // 2])
    return p


def _not_zip(tmp: Path) -> Path:
    p = tmp / "junk.eval"
    p.write_bytes(b"this is not an archive")
    return p


def _future_json(tmp: Path) -> Path:
    d = json.loads((INSPECT / "arith-json.json").read_text())
    d["version"] = 99
    p = tmp / "future.json"
    p.write_text(json.dumps(d, indent=2))
    return p


def _bad_lm(tmp: Path) -> Path:
    p = tmp / "results_2026-01-01T00-00-00.json"
    p.write_text('{"results": {"x": ')
    return p


def _bad_generic(tmp: Path) -> Path:
    p = tmp / "g.json"
    p.write_text(json.dumps({"format": "casegate-results/1", "task": "t", "model": "m", "status": "success",
                             "created": "2026-01-01", "scale": "percent"}))
    return p


def _future_generic(tmp: Path) -> Path:
    p = tmp / "g2.json"
    p.write_text(json.dumps({"format": "casegate-results/9", "task": "t"}))
    return p


@pytest.mark.parametrize("make,message", [
    (_truncated, "inspect-ai cannot read this log"),
    (_not_zip, "not an Inspect .eval archive"),
    (_future_json, "unknown Inspect log version 99"),
    (_bad_lm, "not a readable lm-eval results file"),
    (_bad_generic, "`scale`"),
    (_future_generic, "unknown results format 'casegate-results/9'"),
])
def test_bad_logs_give_clear_errors(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    p = make(tmp_path)
    imp = importer_for(p)
    assert imp is not None
    with pytest.raises(LogReadError) as e:
        imp.read(p, OPTS)
    assert message in e.value.message
    assert e.value.location and p.name in e.value.location


def test_unknown_file_given_by_name(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text("hello")
    with pytest.raises(LogReadError, match="no importer reads this file"):
        discover([p])
    with pytest.raises(LogReadError, match="no such file"):
        discover([tmp_path / "missing"])


def test_inspect_partial_run() -> None:
    r = _one(INSPECT / "arith-limit.eval")
    assert r.source.samples == 10 and r.source.scored == 3 and r.result.trials == 3
    assert r.source.status == "success"
