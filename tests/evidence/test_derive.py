"""Facts derived from the artifacts themselves (logs written by the real Inspect AI and
lm-evaluation-harness): every derived field in both formats, every disagreement with the record
reported with both values, and bad artifacts reported without a crash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from casegate.checks import check_case
from casegate.checks._derived import capability_status
from casegate.checks._run import make_context
from casegate.evidence import _derive, derive_evidence, describe_evidence, rehash_artifacts
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.evidence.stats import mean_pass_at_k, policy_counts
from casegate.load import load_case
from casegate.model import Finding

from .evidence_logs import INSPECT, LMEVAL, lm_results

TODAY = dt.date(2026, 11, 27)
RND_DATE = "2026-12-01"
"""When the committed rnd-agent.eval was written (its `eval.created`)."""

POLICY = """\
casegate: 1
kind: policy
id: derive-tests
name: Policy for the derivation tests
domains:
  cyber: {{name: Cybersecurity}}
thresholds:
  arith:
    domain: cyber
    name: Arithmetic
    definition: The model solves arithmetic tasks.
    value: 0.99
    reduction: {reduction}{k}{extra}
signoff:
  required:
    api: [{{role: safety-lead}}]
evidence:
  declared_kinds: [red-team, safeguard-test, security-audit]
"""

CASE = """\
casegate: 1
kind: case
id: derive-case
title: Derivation case
date: 2026-11-27
policy: policy.yaml
system:
  name: Fixture
  version: "1.0"
  digests: [sha256:1111111111111111111111111111111111111111111111111111111111111111]
boundary:
  kind: api
threat_model:
  cyber:
    actors: [criminal group]
    pathways:
      ransomware: {{severity: severe, steps: [access, exploit], attempts_per_year: 10}}
evidence:
  E-run:
    kind: eval
    artifact: {artifact}
    sha256: {sha}
    producer: evals
    date: {date}
    domain: cyber
{threshold}{extra}argument:
  top: G1
  elements:
    G1:
      claim: Arithmetic capability is below the threshold.
      domain: cyber
      capability: {{threshold: arith}}
      evidence: [E-run]
"""


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def make_case(tmp: Path, log: Path, *, extra: str = "", reduction: str = "any", k: int | None = None,
              policy_extra: str = "", tagged: bool = True, date: str = "2026-11-27",
              companions: tuple[Path, ...] = ()) -> Path:
    """A case whose one evaluation is `log` (copied beside it with its companion files)."""
    (tmp / "logs").mkdir(exist_ok=True)
    dest = tmp / "logs" / log.name
    shutil.copyfile(log, dest)
    for c in companions:
        shutil.copyfile(c, tmp / "logs" / c.name)
    (tmp / "policy.yaml").write_text(POLICY.format(reduction=reduction, k=f"\n    k: {k}" if k else "",
                                                   extra=policy_extra))
    (tmp / "case.yaml").write_text(CASE.format(
        artifact=f"logs/{log.name}", sha=_sha(dest), date=date,
        threshold="    threshold: arith\n" if tagged else "", extra=extra))
    return tmp / "case.yaml"


def findings(case: Path, code: str | None = None) -> list[Finding]:
    loaded = load_case(case)
    rep = check_case(loaded, today=TODAY, artifacts=rehash_artifacts(loaded), select=lambda r: True)
    return [f for f in rep.findings if code is None or f.code == code]


def lm_case(tmp: Path, **kw: object) -> Path:
    res = lm_results()
    samples = tuple(LMEVAL.glob("samples_*.jsonl"))
    extra = str(kw.pop("extra", ""))
    return make_case(tmp, res, extra="    task: arith_mc\n" + extra, companions=samples,
                     date=kw.pop("date", "2026-11-27"), **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- every derived field


def test_every_field_is_derived_from_an_inspect_log(tmp_path: Path) -> None:
    case = make_case(tmp_path, INSPECT / "rnd-agent.eval", date=RND_DATE)
    view = describe_evidence(load_case(case), "E-run")
    d = view["derived"]
    assert view["tool"] == "inspect-ai" and not view["declared"]
    assert d["model"]["value"] == "mockllm/model" and d["model"]["from"] == "eval.model + eval.model_args (weights), model_base_url"
    assert d["variant"] == {"value": "helpful-only", "from": "eval.metadata.variant"}
    assert d["attempts"]["value"] == 3 and d["attempts"]["from"].startswith("samples[].epoch")
    assert d["epochs"] == {"value": 3, "from": "eval.config.epochs"}
    assert d["tools"]["value"] == ["bash", "python"]
    assert d["scaffold"]["value"] == "agent"
    assert d["budget_tokens"]["value"] == 4_000_000 and d["budget_tokens"]["from"].startswith("eval.config.token_limit")
    assert d["time_limit"]["value"] == 3600 and d["time_limit"]["from"].startswith("eval.config.time_limit")
    assert d["task"]["value"] == "rnd-agent" and d["task_version"]["value"] == "1"
    ids = sorted(f"q{i:05d}" for i in range(50))
    # the digest covers each sample's content (input, target, choices), not only its id
    [run] = InspectImporter().read(INSPECT / "rnd-agent.eval", ReadOptions())
    assert sorted(run.sample_marks) == ids
    only_ids = "sha256:" + hashlib.sha256("".join(i + "\n" for i in ids).encode()).hexdigest()
    with_content = "".join(f"{i}#{run.sample_marks[i]}\n" for i in ids)
    assert d["sample_digest"]["value"] == "sha256:" + hashlib.sha256(with_content.encode()).hexdigest() != only_ids
    assert d["scorer"]["value"] == "match"
    assert d["status"]["value"] == "success"
    assert d["date"]["value"] == RND_DATE
    counts = d["counts"]["value"]
    assert counts["trials"] == 50 and counts["reduction"] == "any"


def test_every_field_is_derived_from_lm_eval_results_and_samples(tmp_path: Path) -> None:
    case = lm_case(tmp_path)
    view = describe_evidence(load_case(case), "E-run")
    d = view["derived"]
    assert view["tool"] == "lm-eval"
    assert d["model"]["value"] == "dummy" and d["model"]["from"].startswith("config.model")
    assert d["variant"]["value"] is None
    assert d["attempts"]["value"] == 1 and d["attempts"]["from"].startswith("configs.<task>.repeats combined")
    assert d["tools"]["value"] == [] and d["scaffold"]["value"] == "none"
    assert d["budget_tokens"]["value"] is None and d["time_limit"]["value"] is None
    assert d["task"]["value"] == "arith_mc" and d["task_version"]["value"] == "2.0"
    assert d["sample_digest"]["value"].startswith("sha256:")
    assert d["scorer"]["value"] == "acc" and d["status"]["value"] == "success"
    doc = json.loads(lm_results().read_text())
    assert d["date"]["value"] == dt.datetime.fromtimestamp(doc["date"], tz=dt.UTC).date().isoformat()
    rows = [json.loads(line) for line in next(LMEVAL.glob("samples_arith_mc_*.jsonl")).read_text().splitlines()
            if line.strip()]
    assert d["counts"]["value"]["successes"] == sum(int(r["acc"]) for r in rows)
    assert d["counts"]["value"]["trials"] == len(rows) == 24


def test_the_generic_format_gives_counts_from_samples() -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"
    view = describe_evidence(load_case(example), "E-cyber-ctf")
    assert view["derived"]["counts"]["value"]["successes"] == 33
    assert view["derived"]["counts"]["value"]["trials"] == 200
    assert view["mismatches"] == [] and view["problems"] == []


# --------------------------------------------------------------------------- the record disagrees

INSPECT_DISAGREEMENTS = [
    ("counts", "    result: {successes: 1, trials: 50}\n", "1/50"),
    ("variant", "    elicitation: {variant: fine-tuned}\n", "fine-tuned"),
    ("attempts", "    elicitation: {attempts: 5}\n", "5"),
    ("tools", "    elicitation: {tools: [bash, python, browser]}\n", "[bash, python, browser]"),
    ("scaffold", "    elicitation: {scaffold: prompted}\n", "prompted"),
    ("budget_tokens", "    elicitation: {budget_tokens: 8000000}\n", "8000000"),
    ("time_limit", "    elicitation: {time_limit: 7200}\n", "7200"),
    ("task", "    eval_set: [rnd-agent-hard]\n", "[rnd-agent-hard]"),
    ("task_version", "    source: {tool: inspect-ai, task_version: '2'}\n", "2"),
    ("model", "    source: {tool: inspect-ai, model: acme/atlas-2}\n", "acme/atlas-2"),
    ("scorer", "    source: {tool: inspect-ai, scorer: includes}\n", "includes"),
    ("status", "    source: {tool: inspect-ai, status: error}\n", "error"),
    ("date", "", "2026-11-26"),
]


@pytest.mark.parametrize(("fact", "extra", "recorded"), INSPECT_DISAGREEMENTS, ids=[r[0] for r in INSPECT_DISAGREEMENTS])
def test_an_inspect_record_disagreeing_with_its_log_blocks(tmp_path: Path, fact: str, extra: str, recorded: str) -> None:
    date = "2026-11-26" if fact == "date" else RND_DATE
    case = make_case(tmp_path, INSPECT / "rnd-agent.eval", extra=extra, date=date)
    got = findings(case, "CG340")
    assert len(got) == 1, [f.message for f in findings(case)]
    f = got[0]
    assert f.blocking and f"records {fact.replace('_', ' ')} {recorded}," in f.message
    assert "rnd-agent.eval says" in f.message and "(from " in f.message
    assert f.help and "remove" in f.help


LM_DISAGREEMENTS = [
    ("counts", "    result: {successes: 20, trials: 24}\n", "20/24"),
    ("attempts", "    elicitation: {attempts: 3}\n", "3"),
    ("tools", "    elicitation: {tools: [bash]}\n", "[bash]"),
    ("scaffold", "    elicitation: {scaffold: agent}\n", "agent"),
    ("budget_tokens", "    elicitation: {budget_tokens: 1000}\n", "1000"),
    ("task_version", "    source: {tool: lm-eval, task_version: '1.0'}\n", "1.0"),
    ("model", "    source: {tool: lm-eval, model: hf}\n", "hf"),
    ("scorer", "    source: {tool: lm-eval, scorer: acc_norm}\n", "acc_norm"),
    ("status", "    source: {tool: lm-eval, status: cancelled}\n", "cancelled"),
]


@pytest.mark.parametrize(("fact", "extra", "recorded"), LM_DISAGREEMENTS, ids=[r[0] for r in LM_DISAGREEMENTS])
def test_an_lm_eval_record_disagreeing_with_its_results_blocks(tmp_path: Path, fact: str, extra: str,
                                                               recorded: str) -> None:
    doc = json.loads(lm_results().read_text())
    date = dt.datetime.fromtimestamp(doc["date"], tz=dt.UTC).date().isoformat()
    case = lm_case(tmp_path, extra=extra, date=date)
    got = findings(case, "CG340")
    assert len(got) == 1, [f.message for f in findings(case)]
    assert f"records {fact.replace('_', ' ')} {recorded}," in got[0].message and "results_" in got[0].message


def test_the_gate_counts_the_log_not_the_record(tmp_path: Path) -> None:
    """The record says 1 of 50 below the threshold; the log's samples are what is counted."""
    case = make_case(tmp_path, INSPECT / "arith-clean.eval", extra="    result: {successes: 1, trials: 30}\n")
    loaded = load_case(case)
    ctx = make_context(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    assert ctx is not None
    st = capability_status(ctx)["arith"]
    assert st.deciding is not None and (st.deciding.successes, st.deciding.trials) == (20, 30)
    assert any("records counts 1/30" in f.message and "20/30" in f.message for f in findings(case, "CG340"))


# --------------------------------------------------------------------------- the policy's reduction


def _epochs_scores() -> list[tuple[str, float]]:
    from casegate.evidence.importers import ReadOptions, importer_for

    p = INSPECT / "arith-epochs.eval"
    imp = importer_for(p)
    assert imp is not None
    run = imp.read(p, ReadOptions())[0]
    return [(s.id, s.score) for s in run.result.samples]


@pytest.mark.parametrize(("reduction", "k"), [("any", None), ("mean", None), ("majority", None), ("all", None),
                                              ("pass@k", 2)])
def test_each_reduction_is_recomputed_from_the_samples(tmp_path: Path, reduction: str, k: int | None) -> None:
    case = make_case(tmp_path, INSPECT / "arith-epochs.eval", reduction=reduction, k=k)
    loaded = load_case(case)
    ctx = make_context(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    assert ctx is not None
    st = capability_status(ctx)["arith"]
    want = policy_counts(_epochs_scores(), reduction, k)  # type: ignore[arg-type]
    assert st.deciding is not None and (st.deciding.successes, st.deciding.trials) == want


def test_the_reductions_disagree_on_the_same_scores() -> None:
    scores = _epochs_scores()
    got = {r: policy_counts(scores, r, 2 if r == "pass@k" else None)  # type: ignore[arg-type]
           for r in ("any", "mean", "majority", "all", "pass@k")}
    assert got["any"][1] == got["all"][1] == 10 and got["mean"][1] == 40
    assert got["all"][0] <= got["majority"][0] <= got["any"][0]
    assert got["all"][0] < got["any"][0]
    # pass@2 rounds the summed unbiased estimates up
    import math

    assert got["pass@k"][0] == math.ceil(mean_pass_at_k(scores, 2) * 10 - 1e-9)


def test_pass_at_k_beyond_the_epochs_is_not_recomputable(tmp_path: Path) -> None:
    case = make_case(tmp_path, INSPECT / "arith-epochs.eval", reduction="pass@k", k=5)
    got = findings(case, "CG342")
    assert len(got) == 1 and "pass@k" in got[0].message and "fewer than k=5" in got[0].message
    assert got[0].help and "re-run" in got[0].help


def test_stated_counts_without_samples_under_another_reduction_are_not_recomputable(tmp_path: Path) -> None:
    log = tmp_path / "counts-only.json"
    log.write_text(json.dumps({"format": "casegate-results/1", "task": "ctf", "model": "acme/m", "status": "success",
                               "created": "2026-11-27T00:00:00Z", "epochs": 5, "scale": "binary",
                               "successes": 3, "trials": 200, "reduction": "mean"}))
    case = make_case(tmp_path / "c", log) if (tmp_path / "c").mkdir() is None else None
    assert case is not None
    got = findings(case, "CG342")
    assert len(got) == 1 and "3/200 under `mean` over 5 epochs" in got[0].message
    loaded = load_case(case)
    ctx = make_context(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    assert ctx is not None and not capability_status(ctx)["arith"].measured


def test_an_epoch_without_a_score_counts_as_a_success_under_pass_at_k(tmp_path: Path) -> None:
    """`b` is scored in one of the two epochs the log states: its other epoch may have succeeded,
    so pass@2 counts it solved (before, the sample's missing score left nothing counted)."""
    log = tmp_path / "half-scored.json"
    log.write_text(json.dumps({"format": "casegate-results/1", "task": "ctf", "model": "acme/m", "status": "success",
                               "created": "2026-11-27T00:00:00Z", "epochs": 2, "scale": "binary",
                               "samples": [{"id": "a", "epoch": 1, "score": 1}, {"id": "a", "epoch": 2, "score": 0},
                                           {"id": "b", "epoch": 1, "score": 0}]}))
    (tmp_path / "c").mkdir()
    case = make_case(tmp_path / "c", log, reduction="pass@k", k=2)
    assert findings(case, "CG342") == []
    counts = describe_evidence(load_case(case), "E-run")["derived"]["counts"]["value"]
    assert (counts["successes"], counts["trials"]) == (2, 2)
    [cg339] = findings(case, "CG339")
    assert cg339.blocking and "sample `b` was scored in 1 epoch (1) of the 2" in cg339.message


# --------------------------------------------------------------------------- bad artifacts


def test_a_truncated_log_is_reported_not_a_crash(tmp_path: Path) -> None:
    cut = tmp_path / "cut.eval"
    cut.write_bytes((INSPECT / "arith-clean.eval").read_bytes()[:5000])
    (tmp_path / "c").mkdir()
    case = make_case(tmp_path / "c", cut)
    got = findings(case, "CG341")
    assert len(got) == 1 and got[0].blocking and "cut.eval" in got[0].message
    assert got[0].help and "restore" in got[0].help


def test_a_partial_lm_eval_results_file_is_reported(tmp_path: Path) -> None:
    part = tmp_path / lm_results().name
    part.write_text(lm_results().read_text()[:400])
    (tmp_path / "c").mkdir()
    case = make_case(tmp_path / "c", part, extra="    task: arith_mc\n")
    got = findings(case, "CG341")
    assert len(got) == 1 and "not a readable lm-eval results file" in got[0].message


def test_a_mislabelled_variant_counts_as_production(tmp_path: Path) -> None:
    case = make_case(tmp_path, INSPECT / "arith-clean.eval", extra="    elicitation: {variant: helpful-only}\n",
                     policy_extra="\n    elicitation: {variant: helpful-only}")
    got = findings(case, "CG344")
    assert len(got) == 1 and "records no variant for model `mockllm/model`" in got[0].message
    below = findings(case, "CG301")
    assert any("`production` variant" in f.message for f in below)


def test_a_task_outside_the_policy_set_does_not_count(tmp_path: Path) -> None:
    case = make_case(tmp_path, INSPECT / "arith-clean.eval",
                     policy_extra="\n    tasks: [{name: arith-clean, version: '3'}]\n    scorer: includes")
    got = findings(case, "CG345")
    assert {("arith-clean` v2" in f.message) or ("scored by `match`" in f.message) for f in got} == {True}
    assert len(got) == 2


def test_a_task_digest_in_the_policy_set_counts(tmp_path: Path) -> None:
    view = describe_evidence(load_case(make_case(tmp_path / "a" if (tmp_path / "a").mkdir() is None else tmp_path,
                                                 INSPECT / "arith-clean.eval")), "E-run")
    digest = view["derived"]["sample_digest"]["value"]
    (tmp_path / "b").mkdir()
    case = make_case(tmp_path / "b", INSPECT / "arith-clean.eval", policy_extra=f"\n    tasks: [{{digest: '{digest}'}}]")
    assert findings(case, "CG345") == []


def test_an_untagged_evaluation_cited_by_a_claim_is_weighed(tmp_path: Path) -> None:
    case = make_case(tmp_path, INSPECT / "arith-clean.eval", tagged=False)
    assert len(findings(case, "CG346")) == 1
    loaded = load_case(case)
    ctx = make_context(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    assert ctx is not None
    st = capability_status(ctx)["arith"]
    assert st.deciding is not None and st.deciding.evidence == "E-run"


def test_declared_evaluations_count_only_where_the_policy_allows(tmp_path: Path) -> None:
    case = make_case(tmp_path, INSPECT / "arith-clean.eval")
    text = case.read_text().replace("    artifact: logs/arith-clean.eval\n", "")
    text = "\n".join(line for line in text.splitlines() if "sha256:" not in line or "digests" in line) + "\n"
    text = text.replace("    domain: cyber\n    threshold: arith\n",
                        "    domain: cyber\n    threshold: arith\n    result: {successes: 0, trials: 300}\n")
    case.write_text(text)
    got = findings(case, "CG343")
    assert len(got) == 1 and "is declared" in got[0].message
    loaded = load_case(case)
    ctx = make_context(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    assert ctx is not None and not capability_status(ctx)["arith"].measured


# --------------------------------------------------------------------------- the cache


def test_derived_facts_are_cached_by_sha256_and_bad_entries_rederived(tmp_path: Path) -> None:
    case = make_case(tmp_path, INSPECT / "arith-clean.eval")
    loaded = load_case(case)
    arts = rehash_artifacts(loaded)
    store = tmp_path / "cache"
    first = derive_evidence(loaded, arts, cache=store)["E-run"]
    second = derive_evidence(loaded, arts, cache=store)["E-run"]
    assert not first.cached and second.cached and first.run == second.run
    entry = store / f"{arts['E-run'].actual_sha256}.json"
    entry.write_text("{not json")
    third = derive_evidence(loaded, arts, cache=store)["E-run"]
    assert not third.cached and third.run == first.run


def test_the_cache_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_derive, "CACHE_ENTRIES", 2)
    store = tmp_path / "cache"
    for name in ("arith-clean.eval", "arith-epochs.eval", "arith-tools.eval"):
        d = tmp_path / name
        d.mkdir()
        loaded = load_case(make_case(d, INSPECT / name))
        derive_evidence(loaded, rehash_artifacts(loaded), cache=store)
    assert len(list(store.glob("*.json"))) == 2
