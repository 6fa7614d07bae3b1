"""The attempts an evaluation made are read from its scored samples, not from its header: a lab
that keeps `epochs: 5` over samples of one epoch, or lm-eval `repeats: 5` scored by a filter that
takes the first response, gets the attempts the samples show (and CG339 says why)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.evidence import describe_evidence
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.generic import GenericImporter
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.evidence.importers.lm_eval import LmEvalImporter
from casegate.load import load_case
from casegate.model import Finding

from .evidence_logs import INSPECT, LMEVAL, lm_results
from .test_derive import findings, make_case

FIVE = "\n    elicitation: {attempts: 5}"
"""A policy minimum of five attempts for the threshold."""


def _codes(got: list[Finding]) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in got:
        out.setdefault(f.code, []).append(f)
    return out


# --------------------------------------------------------------------------- casegate-results/1


def _generic(tmp: Path, epochs: int, sample_epochs: dict[str, list[int]]) -> Path:
    samples = [{"id": sid, "epoch": e, "score": 0} for sid, es in sample_epochs.items() for e in es]
    p = tmp / "ctf.json"
    p.write_text(json.dumps({"format": "casegate-results/1", "task": "ctf", "model": "acme/m", "status": "success",
                             "created": "2026-11-27T00:00:00Z", "epochs": epochs, "scale": "binary",
                             "samples": samples}))
    return p


def test_a_header_claiming_five_epochs_over_one_epoch_samples_is_counted_as_one(tmp_path: Path) -> None:
    log = _generic(tmp_path, 5, {f"c{i}": [1] for i in range(20)})
    (tmp_path / "c").mkdir()
    got = _codes(findings(make_case(tmp_path / "c", log, policy_extra=FIVE)))
    assert "CG301" in got and "ran 1 attempt(s) per task; the policy asks for at least 5" in got["CG301"][0].message
    [cg339] = got["CG339"]
    assert cg339.severity == "blocking"
    assert "`E-run` counts 1 attempt, not the 5 its log " in cg339.message and "/logs/ctf.json states: " in cg339.message
    assert "sample `c0` was scored in 1 epoch (1) of the 5 that `epochs` states" in cg339.message
    assert cg339.help and "import the complete log" in cg339.help


def test_the_same_run_with_an_honest_header_fails_only_the_minimum(tmp_path: Path) -> None:
    log = _generic(tmp_path, 1, {f"c{i}": [1] for i in range(20)})
    (tmp_path / "c").mkdir()
    got = _codes(findings(make_case(tmp_path / "c", log, policy_extra=FIVE)))
    assert "CG301" in got and "CG339" not in got


def test_one_sample_short_of_its_epochs_sets_the_attempts(tmp_path: Path) -> None:
    full = {f"c{i}": [1, 2, 3, 4, 5] for i in range(20)}
    log = _generic(tmp_path, 5, full)
    (tmp_path / "c").mkdir()
    got = _codes(findings(make_case(tmp_path / "c", log, policy_extra=FIVE)))
    assert "CG301" not in got and "CG339" not in got
    run = GenericImporter().read(_generic(tmp_path, 5, {**full, "c7": [1, 2, 4]}), ReadOptions())[0]
    assert run.elicitation.attempts == 3 and run.source.epochs == 5
    assert run.attempts_note == "sample `c7` was scored in 3 epochs (1, 2, 4) of the 5 that `epochs` states"


def test_samples_beyond_the_header_do_not_raise_the_attempts(tmp_path: Path) -> None:
    run = GenericImporter().read(_generic(tmp_path, 2, {"a": [1, 2, 3, 4], "b": [1, 2, 3, 4]}), ReadOptions())[0]
    assert run.elicitation.attempts == 2 and run.attempts_note is None


def test_a_csv_sample_short_of_the_others_epochs_sets_the_attempts(tmp_path: Path) -> None:
    p = tmp_path / "scores.csv"
    rows = [f"ctf,acme/m,success,2026-10-02T09:00:00Z,binary,c{i},{e},0" for i in range(3) for e in (1, 2, 3)]
    p.write_text("task,model,status,created,scale,sample,epoch,score\n" + "\n".join(rows[:-2]) + "\n")
    [run] = GenericImporter().read(p, ReadOptions())
    assert run.elicitation.attempts == 1 and run.source.epochs == 3
    assert run.attempts_note and "sample `c2` was scored in 1 epoch (1)" in run.attempts_note


# --------------------------------------------------------------------------- Inspect


def _inspect(tmp: Path, how: str) -> Path:
    """arith-epochs.eval (4 epochs) with sample q00000 left only in epoch 1: its later epochs
    removed from the log ('trimmed') or recorded as errored ('errored'); the log's aggregate
    restated by inspect-ai (`recompute_metrics`), as a run with those epochs would state it."""
    from inspect_ai.log import EvalError, read_eval_log, recompute_metrics, write_eval_log

    log = read_eval_log(str(INSPECT / "arith-epochs.eval"))
    assert log.samples is not None
    if how == "trimmed":
        log.samples = [s for s in log.samples if not (s.id == "q00000" and s.epoch > 1)]
    else:
        for s in log.samples:
            if s.id == "q00000" and s.epoch > 1:
                s.error, s.scores = EvalError(message="sandbox died", traceback="", traceback_ansi=""), None
    recompute_metrics(log)
    out = tmp / f"arith-{how}.eval"
    write_eval_log(log, str(out))
    return out


def test_inspect_epochs_are_read_from_the_samples(tmp_path: Path) -> None:
    pytest.importorskip("inspect_ai")
    full = InspectImporter().read(INSPECT / "arith-epochs.eval", ReadOptions())[0]
    assert full.elicitation.attempts == 4 == full.source.epochs and full.attempts_note is None
    trimmed = InspectImporter().read(_inspect(tmp_path, "trimmed"), ReadOptions())[0]
    assert trimmed.elicitation.attempts == 1 and trimmed.source.epochs == 4 and trimmed.attempts_unrecorded
    assert trimmed.attempts_note == ("sample `q00000` was scored in 1 epoch (1) of the 4 that `eval.config.epochs` "
                                     "states; the log has no record of the others")
    errored = InspectImporter().read(_inspect(tmp_path, "errored"), ReadOptions())[0]
    assert errored.elicitation.attempts == 1 and not errored.attempts_unrecorded
    assert errored.attempts_note and errored.attempts_note.endswith("; the others errored")


def test_a_trimmed_inspect_log_blocks_and_an_errored_epoch_is_advised(tmp_path: Path) -> None:
    pytest.importorskip("inspect_ai")
    for how, severity in (("trimmed", "blocking"), ("errored", "advisory")):
        (tmp_path / how).mkdir()
        got = _codes(findings(make_case(tmp_path / how, _inspect(tmp_path, how), policy_extra="\n    elicitation: "
                                        "{attempts: 4}")))
        assert "ran 1 attempt(s) per task; the policy asks for at least 4" in got["CG301"][0].message
        [cg339] = got["CG339"]
        assert cg339.severity == severity and "counts 1 attempt, not the 4 its log" in cg339.message
    assert "re-run the epochs that errored" in (cg339.help or "")


# --------------------------------------------------------------------------- lm-eval


def _lm(tmp: Path, *, repeats: int, filter_list: list[dict[str, Any]] | None = None, filt: str = "none",
        responses: int | None = None, sampled: bool = True) -> tuple[Path, Path]:
    """The committed lm-eval run with `arith_gen` set to `repeats` (and its results and samples
    filed under `filt`), as lm-eval writes it; each document's responses repeated `responses`
    times (default: `repeats`). Repeated, the task samples (`do_sample`, a temperature), as lm-eval's
    self-consistency tasks do, unless not `sampled` (the committed task's `do_sample: false`): greedy
    repeats are one attempt (`tests/evidence/test_greedy_epochs.py`)."""
    src = tmp / "src"
    src.mkdir()
    res = src / lm_results().name
    doc = json.loads(lm_results().read_text())
    cfg = doc["configs"]["arith_gen"]
    cfg["repeats"] = repeats
    if repeats > 1 and sampled:
        cfg["generation_kwargs"] = {**cfg["generation_kwargs"], "do_sample": True, "temperature": 0.7}
    if filter_list is not None:
        cfg["filter_list"] = filter_list
    r = doc["results"]["arith_gen"]
    for key in [k for k in r if "," in k]:
        r[key.replace(",none", f",{filt}")] = r.pop(key)
    res.write_text(json.dumps(doc, indent=2))
    samples = next(LMEVAL.glob("samples_arith_gen_*.jsonl"))
    lines = []
    for line in samples.read_text().splitlines():
        d = json.loads(line)
        d["filter"] = filt
        d["arguments"]["gen_args_0"]["arg_1"] = cfg["generation_kwargs"]
        d["resps"] = [d["resps"][0] * (responses or repeats)]
        lines.append(json.dumps(d))
    (src / samples.name).write_text("\n".join(lines) + "\n")
    for other in LMEVAL.glob("samples_arith_mc_*.jsonl"):
        shutil.copyfile(other, src / other.name)
    return res, src


def _lm_case(tmp: Path, res: Path, src: Path, **kw: Any) -> Path:
    (tmp / "c").mkdir()
    return make_case(tmp / "c", res, extra="    task: arith_gen\n", companions=tuple(src.glob("samples_*.jsonl")),
                     **kw)


MAJ5 = [{"name": "maj@5", "filter": [{"function": "regex", "regex_pattern": "(\\d+)"},
                                     {"function": "majority_vote"}, {"function": "take_first"}]}]


def test_lm_eval_repeats_scored_by_take_first_are_one_attempt(tmp_path: Path) -> None:
    res, src = _lm(tmp_path, repeats=5)
    run = {r.task: r for r in LmEvalImporter().read(res, ReadOptions())}["arith_gen"]
    assert run.elicitation.attempts == 1 and run.source.epochs == 5
    got = _codes(findings(_lm_case(tmp_path, res, src, policy_extra=FIVE)))
    assert "ran 1 attempt(s) per task; the policy asks for at least 5" in got["CG301"][0].message
    [cg339] = got["CG339"]
    assert cg339.severity == "advisory"
    assert ("`repeats: 5`, but `exact_match` is scored under filter `none` (take_first), which scores only the "
            "first response of each document") in cg339.message
    assert cg339.help and "majority_vote" in cg339.help


def test_lm_eval_majority_vote_counts_the_repeats_under_the_majority_reduction(tmp_path: Path) -> None:
    res, src = _lm(tmp_path, repeats=5, filter_list=MAJ5, filt="maj@5")
    run = {r.task: r for r in LmEvalImporter().read(res, ReadOptions())}["arith_gen"]
    assert run.elicitation.attempts == 5 and run.attempts_note is None
    assert run.result.reduction == "majority" and run.result.scale == "binary"
    assert (run.result.successes, run.result.trials) == (0, 10)
    case = _lm_case(tmp_path, res, src, policy_extra=FIVE, reduction="majority")
    got = _codes(findings(case))
    assert "CG301" not in got and "CG339" not in got and "CG342" not in got
    view = describe_evidence(load_case(case), "E-run")
    assert view["derived"]["attempts"]["value"] == 5
    assert view["derived"]["counts"]["value"] == {"successes": 0, "trials": 10, "reduction": "majority", "k": None}


def test_lm_eval_majority_votes_are_not_restated_under_another_reduction(tmp_path: Path) -> None:
    res, src = _lm(tmp_path, repeats=5, filter_list=MAJ5, filt="maj@5")
    [cg342] = findings(_lm_case(tmp_path, res, src, reduction="any"), "CG342")
    assert "scores each sample once, combining 5 responses under `majority` (0/10)" in cg342.message


def test_lm_eval_a_vote_over_fewer_responses_than_the_repeats_counts_the_responses(tmp_path: Path) -> None:
    res, src = _lm(tmp_path, repeats=5, filter_list=MAJ5, filt="maj@5", responses=1)
    run = {r.task: r for r in LmEvalImporter().read(res, ReadOptions())}["arith_gen"]
    assert run.elicitation.attempts == 1 and run.attempts_unrecorded
    got = _codes(findings(_lm_case(tmp_path, res, src, policy_extra=FIVE, reduction="majority")))
    assert "CG301" in got and got["CG339"][0].severity == "blocking"
    assert "has 1 response in the samples file, not the 5" in got["CG339"][0].message


@pytest.mark.parametrize(("steps", "metric", "attempts", "reduction"), [
    (None, "exact_match", 1, None),                                          # default filter: take_first
    ([{"function": "take_first"}], "exact_match,f", 1, None),
    ([{"function": "majority_vote"}, {"function": "take_first"}], "exact_match,f", 8, "majority"),
    ([{"function": "take_first_k", "k": 3}, {"function": "majority_vote"}, {"function": "take_first"}],
     "exact_match,f", 3, "majority"),
    ([{"function": "take_first"}, {"function": "majority_vote"}], "exact_match,f", 1, None),
    ([{"function": "take_first_k", "k": 3}], "exact_match,f", 1, None),      # no vote: the metric sees one
    ([{"function": "custom"}], "exact_match,f", 1, None),                    # unknown: not counted
    ([{"function": "custom"}], "pass@4,f", 4, None),
    ([{"function": "custom"}], "pass_at_16,f", 8, None),
    ([{"function": "take_first"}], "pass@4,f", 1, None),
])
def test_which_lm_eval_filters_count_the_repeats(steps: list[dict[str, Any]] | None, metric: str,
                                                  attempts: int, reduction: str | None) -> None:
    from casegate.evidence.importers.lm_eval import filter_attempts

    cfg = {"filter_list": [{"name": "f", "filter": steps}]} if steps is not None else {}
    got = filter_attempts(cfg, metric, 8)
    assert got[:2] == (attempts, reduction)
    assert (got[2] is None) == (attempts == 8)
    assert filter_attempts(cfg, metric, 1) == (1, None, None)


# --------------------------------------------------------------------------- epochs a log leaves unscored


def _counts(case: Path) -> dict[str, Any]:
    return describe_evidence(load_case(case), "E-run")["derived"]["counts"]["value"]


def _inspect_successes_errored(tmp: Path) -> Path:
    """arith-epochs.eval (4 epochs; every sample solved in epochs 1 and 3, failed in 2 and 4) with
    each epoch a sample solved recorded as errored, as a lab choosing which epochs to keep would
    write it: every sample is still scored in two epochs, both failed."""
    from inspect_ai.log import EvalError, read_eval_log, recompute_metrics, write_eval_log

    log = read_eval_log(str(INSPECT / "arith-epochs.eval"))
    assert log.samples is not None
    for s in log.samples:
        if s.scores and next(iter(s.scores.values())).value == "C":
            s.error, s.scores = EvalError(message="sandbox died", traceback="", traceback_ansi=""), None
    recompute_metrics(log)
    out = tmp / "arith-solved-errored.eval"
    write_eval_log(log, str(out))
    return out


@pytest.mark.parametrize(("reduction", "full"), [("any", (10, 10)), ("mean", (20, 40)), ("majority", (10, 10))])
def test_epochs_left_unscored_count_as_successes(tmp_path: Path, reduction: str, full: tuple[int, int]) -> None:
    """A lab that ran four epochs against a minimum of two records the epochs its samples solved
    as errored: two attempts remain, all failed. The unscored epochs count as successes, so the
    counts are those of the whole run (before, 0 of 10 under `any`)."""
    pytest.importorskip("inspect_ai")
    two = "\n    elicitation: {attempts: 2}"
    (tmp_path / "whole").mkdir()
    whole = _counts(make_case(tmp_path / "whole", INSPECT / "arith-epochs.eval", reduction=reduction,
                              policy_extra=two))
    assert (whole["successes"], whole["trials"]) == full
    (tmp_path / "c").mkdir()
    case = make_case(tmp_path / "c", _inspect_successes_errored(tmp_path), reduction=reduction, policy_extra=two)
    got = _counts(case)
    assert (got["successes"], got["trials"]) == full
    codes = _codes(findings(case))
    assert "CG301" not in codes and codes["CG339"][0].severity == "advisory"
    assert "each epoch it leaves unscored counts as a success" in codes["CG339"][0].message


def _padded(tmp: Path, stated: int, extra: int) -> Path:
    """Ten samples solved in every one of `stated` epochs, each also scored as failed in `extra`
    epochs past them."""
    samples = [{"id": f"c{i}", "epoch": e, "score": 1 if e <= stated else 0}
               for i in range(10) for e in range(1, stated + extra + 1)]
    p = tmp / "padded.json"
    p.write_text(json.dumps({"format": "casegate-results/1", "task": "ctf", "model": "acme/m", "status": "success",
                             "created": "2026-11-27T00:00:00Z", "epochs": stated, "scale": "binary",
                             "samples": samples}))
    return p


def test_rows_past_the_stated_epochs_are_not_counted(tmp_path: Path) -> None:
    """Fifteen failed epochs written past the five a log states would turn 50/50 under `mean`
    into 50/200 (and every sample a failure under `majority`): the log is refused as not of one
    run, and nothing is counted."""
    for reduction in ("mean", "majority"):
        (tmp_path / reduction).mkdir()
        case = make_case(tmp_path / reduction, _padded(tmp_path, 5, 15), reduction=reduction)
        assert _counts(case) is None
        [cg342] = findings(case, "CG342")
        assert cg342.severity == "blocking"
        assert "scores sample `c0` in epoch 6, but states 5 epoch(s)" in cg342.message
    (tmp_path / "honest").mkdir()
    assert _counts(make_case(tmp_path / "honest", _padded(tmp_path, 5, 0), reduction="mean"))["successes"] == 50
