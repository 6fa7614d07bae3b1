"""Mutations that rewrite an evaluation artifact, as a lab would once the gate reads counts,
elicitation and task sets from the artifacts instead of the records: a modified copy of the log
is written into the mutation's own temporary workspace and its digest re-pinned in the copy of
the case. The original files are never touched.

Rewriting is built for casegate-results JSON logs (the format the examples use) and for Inspect AI
logs (read and written again with inspect-ai's own `read_eval_log` / `write_eval_log`, so the
rewritten log is one Inspect itself would read); and for lm-evaluation-harness results files, whose
per-task sample files are rewritten beside them (`LmEvalLog`)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from ..evidence import EvidenceFacts
from ..load import Loaded
from ..model import Case, Evidence, Policy

RESULTS_FORMAT = "casegate-results/"


@dataclass(frozen=True)
class Subject:
    """What a mutation that may rewrite artifacts sees."""

    loaded: Loaded
    case: Case
    """The case as written (the records)."""
    policy: Policy
    effective: Case
    """The case as its artifacts show it (derived counts, elicitation, metric, task set)."""
    facts: EvidenceFacts | None


@dataclass(frozen=True)
class ArtifactEdit:
    """An edited copy of the case and policy, with the artifacts rewritten for it."""

    case: Case
    """The edited case, each rewritten artifact's new sha256 pinned."""
    policy: Policy
    files: dict[str, bytes] = field(default_factory=dict)
    """Evidence id -> the rewritten artifact's bytes."""
    companions: dict[str, dict[str, bytes]] = field(default_factory=dict)
    """Evidence id -> files written beside the rewritten artifact, by name (an lm-eval results
    file's per-task sample files)."""


def capability_evals(case: Case, policy: Policy) -> list[tuple[str, Evidence]]:
    """Evaluations of a policy threshold with counts (as `case` shows them)."""
    return [(eid, e) for eid, e in case.evidence.items()
            if e.kind == "eval" and e.threshold in policy.thresholds and e.result is not None
            and e.result.successes is not None and e.result.trials]


def worst_eval(case: Case, policy: Policy) -> tuple[str, Evidence] | None:
    """The capability evaluation whose rate is closest to (or past) its threshold."""
    evals = capability_evals(case, policy)
    if not evals:
        return None

    def ratio(item: tuple[str, Evidence]) -> float:
        r, th = item[1].result, policy.thresholds[item[1].threshold or ""]
        assert r is not None and r.successes is not None and r.trials
        return (r.successes / r.trials) / (th.value or 1.0)

    return max(evals, key=ratio)


def _raw(s: Subject, eid: str) -> bytes | str:
    path = s.loaded.artifact_path(eid)
    if path is None:
        return f"`{eid}` has no artifact to rewrite"
    try:
        return path.read_bytes()
    except OSError:
        return f"`{eid}`'s artifact cannot be read"


def results_log(s: Subject, eid: str) -> dict[str, Any] | str:
    """The evidence item's artifact as a casegate-results document, or why it cannot be rewritten."""
    raw = _raw(s, eid)
    if isinstance(raw, str):
        return raw
    if RESULTS_FORMAT.encode() not in raw[:512]:
        kind = "an Inspect AI log" if _is_inspect(raw) else "not a casegate-results log"
        return f"`{eid}`'s artifact is {kind} (this move rewrites casegate-results logs only)"
    try:
        doc = json.loads(raw)
    except ValueError:
        return f"`{eid}`'s artifact is not JSON"
    return doc if isinstance(doc, dict) else f"`{eid}`'s artifact is not a results document"


def _is_inspect(raw: bytes) -> bool:
    return raw[:2] == b"PK" or (raw[:1] == b"{" and b'"eval"' in raw[:4096] and b'"status"' in raw)


@dataclass
class LmEvalLog:
    """An lm-evaluation-harness results file and the sample rows of the item's task, to edit."""

    results: dict[str, Any]
    task: str
    metric: str | None
    samples_name: str | None
    """The task's `samples_<task>_<time>.jsonl` file beside the results file (None: not logged)."""
    rows: list[dict[str, Any]]
    others: dict[str, bytes]
    """Every other file of the run beside the results file (other tasks' samples), unchanged."""


def lm_eval_log(s: Subject, eid: str, raw: bytes) -> LmEvalLog | str:
    """The item's lm-eval results file, with its task's sample rows."""
    path = s.loaded.artifact_path(eid)
    assert path is not None
    try:
        doc = json.loads(raw)
    except ValueError:
        return f"`{eid}`'s artifact is not JSON"
    ev = s.effective.evidence[eid]
    task = ev.source.task if ev.source is not None else None
    if not isinstance(doc, dict) or task is None or task not in (doc.get("results") or {}):
        return f"`{eid}`'s lm-eval results name no task the item records"
    stamp = path.name.removeprefix("results_").removesuffix(".json")
    metric = ev.result.metric if ev.result is not None else None
    name = f"samples_{task}_{stamp}.jsonl"
    rows: list[dict[str, Any]] = []
    others: dict[str, bytes] = {}
    for f in path.parent.glob(f"samples_*_{stamp}.jsonl"):
        if f.name == name:
            rows = [json.loads(line) for line in f.read_text().splitlines() if line.strip()]
        else:
            others[f.name] = f.read_bytes()
    return LmEvalLog(doc, task, metric, name if rows else None, rows, others)


def _restate_task_hash(log: LmEvalLog) -> None:
    """The task's `task_hashes` entry restated from the edited rows as lm-eval computes it (the
    sha256 of every row's `doc_hash`, `prompt_hash` and `target_hash` joined in order), as a lab
    rewriting the samples does: the reader refuses a samples file the results file's task hash
    does not name. Left as it is where the file states none or a row holds no hashes."""
    hashes = log.results.get("task_hashes")
    if log.samples_name is None or not isinstance(hashes, dict) or log.task not in hashes:
        return
    parts = [r.get(k) for r in log.rows for k in ("doc_hash", "prompt_hash", "target_hash")]
    if all(isinstance(x, str) for x in parts):
        hashes[log.task] = hashlib.sha256("".join(map(str, parts)).encode()).hexdigest()


def lm_eval_written(s: Subject, eid: str, log: LmEvalLog, *, repin: bool = True) -> ArtifactEdit:
    """The lm-eval run written back: the results file as the item's artifact, its samples beside it
    (re-pinned in the item's `source.files`, unless `repin` is false)."""
    _restate_task_hash(log)
    data = json.dumps(log.results, indent=2).encode()
    beside = dict(log.others)
    if log.samples_name is not None:
        beside[log.samples_name] = "".join(json.dumps(r) + "\n" for r in log.rows).encode()
    if not repin:
        return ArtifactEdit(s.case, s.policy, {eid: data}, {eid: beside})
    ev = s.case.evidence[eid]
    if log.samples_name is not None and ev.source is not None and log.samples_name in (ev.source.files or {}):
        files = {**ev.source.files, log.samples_name: hashlib.sha256(beside[log.samples_name]).hexdigest()}
        ev = ev.model_copy(update={"source": ev.source.model_copy(update={"files": files})})
    case = s.case.model_copy(update={"evidence": {**s.case.evidence, eid: ev}})
    edit = rewritten(s, eid, data, case=case)
    return ArtifactEdit(edit.case, edit.policy, edit.files, {eid: beside})


def inspect_log(s: Subject, eid: str) -> Any:
    """The evidence item's artifact as an Inspect AI `EvalLog` (samples included), or why it cannot
    be rewritten (not an Inspect log; an lm-eval results file; unreadable)."""
    raw = _raw(s, eid)
    if isinstance(raw, str):
        return raw
    if not _is_inspect(raw):
        what = "an lm-evaluation-harness results file" if b'"results"' in raw[:4096] and b'"configs"' in raw \
            else "not an Inspect AI log"
        return f"`{eid}`'s artifact is {what} (rewriting lm-eval logs is not built)"
    from inspect_ai.log import read_eval_log  # the evaluation tool's own reader

    path = s.loaded.artifact_path(eid)
    assert path is not None
    try:
        return read_eval_log(str(path))
    except Exception as e:  # inspect-ai raises several types for a log it cannot read
        return f"`{eid}`'s Inspect log cannot be read ({type(e).__name__})"


def open_log(s: Subject, eid: str) -> Any:
    """The evidence item's log to rewrite: a casegate-results document (a dict), an Inspect AI
    `EvalLog`, or why it cannot be rewritten."""
    raw = _raw(s, eid)
    if isinstance(raw, str):
        return raw
    if RESULTS_FORMAT.encode() in raw[:512]:
        return results_log(s, eid)
    path = s.loaded.artifact_path(eid)
    if path is not None and path.name.startswith("results_") and not _is_inspect(raw):
        return lm_eval_log(s, eid, raw)
    return inspect_log(s, eid)


def inspect_bytes(log: Any, name: str) -> bytes:
    """The bytes inspect-ai writes for `log` (its own writer, in the log's own format)."""
    import tempfile
    from pathlib import Path

    from inspect_ai.log import write_eval_log

    with tempfile.TemporaryDirectory(prefix="casegate-redteam-inspect-") as d:
        out = Path(d) / name
        write_eval_log(log, str(out), format="json" if name.endswith(".json") else "eval")
        return out.read_bytes()


INSPECT_SUCCESS = ("C", 1, 1.0, True)
"""Score values Inspect's built-in scorers use for a correct answer."""


def inspect_successes(log: Any) -> list[str]:
    """Sample ids with a correct score in some epoch, in log order."""
    out: list[str] = []
    for smp in log.samples or []:
        if any(sc.value in INSPECT_SUCCESS for sc in (smp.scores or {}).values()) and str(smp.id) not in out:
            out.append(str(smp.id))
    return out


def rewritten(s: Subject, eid: str, doc: dict[str, Any] | bytes, *, case: Case | None = None,
              policy: Policy | None = None, repin: bool = True) -> ArtifactEdit:
    """The case (or `case`) with `eid`'s artifact replaced by `doc` (a casegate-results document,
    or a log's bytes), its new digest pinned (or, with `repin` false, the old pin kept: a log
    edited after it was pinned)."""
    data = doc if isinstance(doc, bytes) else json.dumps(doc, separators=(",", ":")).encode()
    base = case or s.case
    if not repin:
        return ArtifactEdit(base, policy or s.policy, {eid: data})
    ev = base.evidence[eid].model_copy(update={"sha256": hashlib.sha256(data).hexdigest()})
    return ArtifactEdit(base.model_copy(update={"evidence": {**base.evidence, eid: ev}}), policy or s.policy,
                        {eid: data})


def successful_ids(doc: dict[str, Any]) -> list[str]:
    """Sample ids with a successful score in some epoch, in log order."""
    out: list[str] = []
    for smp in doc.get("samples") or []:
        if isinstance(smp, dict) and float(smp.get("score") or 0) >= 1 and smp.get("id") not in out:
            out.append(str(smp.get("id")))
    return out
