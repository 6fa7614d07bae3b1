"""CG33x: evidence integrity. Artifacts are where their items say, with the bytes that were
pinned; runs that failed, were cancelled, were invalidated or scored only part of their dataset
do not support claims; counts agree with the per-sample scores and their declared scale.

These rules read the re-hash results (`ctx.artifacts`) and the evidence items' `source` records;
they never open a file.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence.stats import binary_counts
from ...model import RuleSeverity
from .._derived import cited_evidence
from .._registry import Context, Hit, rule


def _weight(ctx: Context, eid: str) -> RuleSeverity | None:
    """Blocking (the rule's severity) when the item is relied on; advisory otherwise."""
    return None if eid in cited_evidence(ctx) else RuleSeverity.advisory


def _short(h: str | None) -> str:
    return (h[:12] + "...") if h else "none"


@rule(
    "CG330", "artifact-missing", severity="blocking", serves="test-3-elicitation",
    summary="An evidence item names an artifact file that is not there.",
    rationale="A result whose log cannot be produced cannot be checked by anyone; the numbers are only a claim.",
    bad="E-ctf: {kind: eval, artifact: evals/ctf.eval, sha256: 1ab4..., producer: evals, date: 2026-10-02}\n# evals/ctf.eval does not exist",
    good="E-ctf: {kind: eval, artifact: evals/ctf.eval, sha256: 1ab4..., producer: evals, date: 2026-10-02}\n# evals/ctf.eval is committed next to the case",
    fix="Restore the artifact at the named path (relative to the file declaring the item), or correct the path.",
)
def artifact_missing(ctx: Context) -> Iterator[Hit]:
    for eid, st in ctx.artifacts.items():
        if eid not in ctx.case.evidence:
            continue
        if st.path is not None and not st.exists:
            yield Hit(("evidence", eid, "artifact"), f"the artifact of `{eid}` is missing: {st.path}")
        for c in st.companions:
            if not c.exists:
                yield Hit(("evidence", eid, "source", "files", c.name),
                          f"a file pinned with `{eid}` is missing: {c.path}")


@rule(
    "CG331", "artifact-changed", severity="blocking", serves="fm-threshold-gaming",
    summary="An artifact's bytes no longer match the sha256 pinned when the evidence was added.",
    rationale="A log edited after import, or silently replaced by a re-run, means the case no longer rests on the "
              "evidence reviewers saw: tampering and quiet re-runs both look like this.",
    bad="E-ctf: {kind: eval, artifact: evals/ctf.eval, sha256: <hash of an older file>, ...}",
    good="E-ctf: {kind: eval, artifact: evals/ctf.eval, sha256: <hash of the file's current bytes>, ...}",
    fix="Find out why the file changed. If a new run replaced it, re-import it with `casegate evidence add` "
        "(the change is reported) and have the case reviewed again; otherwise restore the original file.",
)
def artifact_changed(ctx: Context) -> Iterator[Hit]:
    for eid, st in ctx.artifacts.items():
        if eid not in ctx.case.evidence:
            continue
        if st.exists and st.pinned_sha256 is not None and st.actual_sha256 != st.pinned_sha256:
            yield Hit(("evidence", eid, "sha256"),
                      f"the artifact of `{eid}` ({st.path}) changed since it was pinned: sha256 is now "
                      f"{_short(st.actual_sha256)}, pinned {_short(st.pinned_sha256)}")
        for c in st.companions:
            if c.exists and c.actual_sha256 != c.pinned_sha256:
                yield Hit(("evidence", eid, "source", "files", c.name),
                          f"`{c.name}`, pinned with `{eid}`, changed since import: sha256 is now "
                          f"{_short(c.actual_sha256)}, pinned {_short(c.pinned_sha256)}")


@rule(
    "CG332", "artifact-not-pinned", severity="blocking", serves="fm-threshold-gaming",
    summary="An evidence item names an artifact but pins no sha256 of its bytes.",
    rationale="Without a pinned hash nobody can tell whether the file reviewed is the file the decision rests on.",
    bad="E-ctf: {kind: eval, artifact: evals/ctf.eval, producer: evals, date: 2026-10-02}",
    good="E-ctf: {kind: eval, artifact: evals/ctf.eval, sha256: 1ab4..., producer: evals, date: 2026-10-02}",
    fix="Import the log with `casegate evidence add`, or add `sha256:` with the hash of the file's bytes "
        "(`sha256sum FILE`).",
)
def artifact_not_pinned(ctx: Context) -> Iterator[Hit]:
    for eid, ev in ctx.case.evidence.items():
        if ev.artifact and ev.sha256 is None:
            yield Hit(("evidence", eid, "artifact"), f"`{eid}` names artifact {ev.artifact} but pins no sha256")


@rule(
    "CG333", "run-not-complete", severity="blocking", serves="test-3-elicitation",
    summary="The evaluation run errored, was cancelled, or never finished.",
    rationale="A run that stopped early scored only the samples it reached: its numbers describe an accident, "
              "not the model, and cannot support a claim.",
    bad="source: {tool: inspect-ai, task: ctf, status: error, error: sandbox failed}",
    good="source: {tool: inspect-ai, task: ctf, status: success}",
    fix="Fix the cause and run the evaluation again, then import the new log.",
)
def run_not_complete(ctx: Context) -> Iterator[Hit]:
    for eid, ev in ctx.case.evidence.items():
        src = ev.source
        if src is not None and src.status is not None and src.status != "success":
            why = f" ({src.error})" if src.error else ""
            yield Hit(("evidence", eid, "source", "status"),
                      f"the run behind `{eid}` has status '{src.status}'{why}: it cannot support a claim",
                      severity=_weight(ctx, eid))


@rule(
    "CG334", "run-invalidated", severity="blocking", serves="test-3-elicitation",
    summary="The log, or some of its samples, were invalidated after the run.",
    rationale="Invalidation records that someone found the results unsound (a grader bug, contamination); "
              "counting them anyway would ignore that finding.",
    bad="source: {tool: inspect-ai, task: ctf, status: success, invalidated: true}",
    good="source: {tool: inspect-ai, task: ctf, status: success}",
    fix="Re-run the invalidated samples (Inspect retries them in an eval set) and import the new log.",
)
def run_invalidated(ctx: Context) -> Iterator[Hit]:
    for eid, ev in ctx.case.evidence.items():
        if ev.source is not None and ev.source.invalidated:
            yield Hit(("evidence", eid, "source", "invalidated"),
                      f"the log behind `{eid}` has invalidated samples: it cannot support a claim",
                      severity=_weight(ctx, eid))


@rule(
    "CG335", "partial-run", severity="condition", serves="fm-threshold-gaming",
    summary="Fewer samples were scored than the task's dataset holds.",
    rationale="A subset (a --limit, dropped errors) can be chosen, or fall, where the model is weak; "
              "the bound then describes the subset, not the task.",
    bad="source: {tool: lm-eval, task: ctf, status: success, samples: 300, scored: 120}",
    good="source: {tool: lm-eval, task: ctf, status: success, samples: 300, scored: 300}",
    fix="Run the whole dataset, or state in the argument why the subset is representative.",
)
def partial_run(ctx: Context) -> Iterator[Hit]:
    for eid, ev in ctx.case.evidence.items():
        src = ev.source
        if src is None or src.samples is None or src.scored is None or src.status not in (None, "success"):
            continue
        if src.scored < src.samples:
            yield Hit(("evidence", eid, "source", "scored"),
                      f"`{eid}` scored {src.scored} of the {src.samples} samples in `{src.task}`")


@rule(
    "CG336", "undocumented-scale", severity="blocking", serves="test-3-elicitation",
    summary="An evaluation's scores have no documented scale, so no success count exists.",
    rationale="Turning scores of unknown meaning into successes would be a guess; a bound computed from a guess "
              "is not evidence.",
    bad="result: {scale: other, metric: closeness/mean, value: 0.83}",
    good="result: {scale: binary, successes: 5, trials: 6}",
    fix="Use a scorer with a documented scale, or re-import with `--scale binary|proportion` if the scorer's "
        "documentation defines one.",
)
def undocumented_scale(ctx: Context) -> Iterator[Hit]:
    for eid, ev in ctx.case.evidence.items():
        r = ev.result
        if ev.kind == "eval" and r is not None and r.scale == "other" and r.successes is None:
            scorer = f" (scorer `{ev.source.scorer}`)" if ev.source and ev.source.scorer else ""
            yield Hit(("evidence", eid, "result", "scale"),
                      f"`{eid}` has scores on no documented scale{scorer}: no success count, no bound",
                      severity=_weight(ctx, eid))


@rule(
    "CG337", "score-off-scale", severity="blocking", serves="test-3-elicitation",
    summary="A per-sample score lies outside the scale the result declares.",
    rationale="A 0.5 in a binary result, or a 3 in a proportion, means the counts were computed from scores "
              "that do not mean what the scale says.",
    bad="result: {scale: binary, samples: [{id: q1, score: 0.5}]}",
    good="result: {scale: binary, samples: [{id: q1, score: 1}]}",
    fix="Declare the scores' real scale, or fix the scores at their source and re-import.",
)
def score_off_scale(ctx: Context) -> Iterator[Hit]:
    for eid, ev in ctx.case.evidence.items():
        r = ev.result
        if r is None or r.scale == "other":
            continue
        for i, s in enumerate(r.samples):
            bad = s.score not in (0, 1) if r.scale == "binary" else not 0 <= s.score <= 1
            if bad:
                yield Hit(("evidence", eid, "result", "samples", i),
                          f"sample `{s.id}` of `{eid}` has score {s.score}, outside the {r.scale} scale")
                break


@rule(
    "CG338", "counts-disagree-with-samples", severity="blocking", serves="fm-threshold-gaming",
    summary="The successes and trials do not follow from the per-sample scores.",
    rationale="Counts edited by hand, or kept from an older run, make the bound describe something the samples "
              "do not show.",
    bad="result: {successes: 2, trials: 3, reduction: at-least-one, samples: [{id: a, score: 1}, {id: b, score: 1}, {id: c, score: 1}]}",
    good="result: {successes: 3, trials: 3, reduction: at-least-one, samples: [{id: a, score: 1}, {id: b, score: 1}, {id: c, score: 1}]}",
    fix="Re-import the log with `casegate evidence add` so the counts are computed from the samples.",
)
def counts_disagree(ctx: Context) -> Iterator[Hit]:
    for eid, ev in ctx.case.evidence.items():
        r = ev.result
        if r is None or r.scale != "binary" or not r.samples or r.successes is None or r.trials is None:
            continue
        reduction = r.reduction or "at-least-one"
        try:
            got = binary_counts(((s.id, s.score) for s in r.samples), reduction)
        except ValueError:
            continue  # CG337 reports off-scale scores
        if got != (r.successes, r.trials):
            yield Hit(("evidence", eid, "result", "successes"),
                      f"`{eid}` states {r.successes} of {r.trials}, but its samples give {got[0]} of {got[1]} "
                      f"under the '{reduction}' reduction")


@rule(
    "CG339", "attempts-exceed-log", severity="blocking", serves="test-3-elicitation",
    summary="The elicitation record claims more attempts than the log's run made.",
    rationale="Attempts count toward the elicitation minimum; claiming epochs the run did not make overstates "
              "how hard the evaluation tried.",
    bad="elicitation: {attempts: 5}\nsource: {tool: inspect-ai, epochs: 1}",
    good="elicitation: {attempts: 1}\nsource: {tool: inspect-ai, epochs: 1}",
    fix="Record the attempts the run really made, or run the evaluation with more epochs.",
)
def attempts_exceed_log(ctx: Context) -> Iterator[Hit]:
    for eid, ev in ctx.case.evidence.items():
        el, src = ev.elicitation, ev.source
        if el is None or src is None or src.epochs is None:
            continue
        if el.attempts > src.epochs:
            yield Hit(("evidence", eid, "elicitation", "attempts"),
                      f"`{eid}` claims {el.attempts} attempts, but its run made {src.epochs} per sample")
