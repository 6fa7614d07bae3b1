"""CG33x: evidence integrity. Artifacts are where their items say, with the bytes that were
pinned; runs that failed, were cancelled, were invalidated or scored only part of their dataset
do not support claims; counts agree with the per-sample scores and their declared scale.

These rules read the re-hash results (`ctx.artifacts`) and the evidence items' `source` records;
they never open a file.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..._patterns import kept
from ...evidence import Problem
from ...evidence.stats import binary_counts
from ...model import CarryOver, Evidence, RuleSeverity, System, Variant
from ...model._case import WEIGHT_KINDS
from .._derived import (
    TEST_KINDS,
    capability_status,
    cited_evidence,
    evidence_by_threshold,
    routed_models_in_words,
    stated_quantisation,
)
from .._registry import Context, Hit, rule
from .._text import as_read


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
    summary="An evidence item names an artifact but pins no sha256 of its bytes, or its counts are read "
            "from a further file beside it (lm-eval's samples file) whose sha256 `source.files` does not pin.",
    rationale="Without a pinned hash nobody can tell whether the file reviewed is the file the decision rests "
              "on. An lm-eval item's counts come from the samples file, not from the results file its "
              "`sha256` pins: unpinned, the samples can be rewritten under the same pinned artifact. Such an "
              "item counts for nothing.",
    bad="E-ctf: {kind: eval, artifact: evals/ctf.eval, producer: evals, date: 2026-10-02}",
    good="E-ctf: {kind: eval, artifact: evals/ctf.eval, sha256: 1ab4..., producer: evals, date: 2026-10-02}",
    fix="Import the log with `casegate evidence add` (it pins the artifact and every further file it reads, "
        "in `source.files`), or add `sha256:` with the hash of the file's bytes (`sha256sum FILE`).",
)
def artifact_not_pinned(ctx: Context) -> Iterator[Hit]:
    for eid, ev in ctx.case.evidence.items():
        if ev.artifact and ev.sha256 is None:
            yield Hit(("evidence", eid, "artifact"), f"`{eid}` names artifact {ev.artifact} but pins no sha256")
    for p in _problems(ctx, "files-unpinned"):
        yield Hit(p.path, p.message, severity=_relied_on(ctx, p.evidence_id), help=p.help)


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
    summary="Fewer samples were scored than the task's dataset holds; the gate counts each unscored sample "
            "as solved.",
    rationale="A subset (a --limit, a --sample-id, samples that errored or were left out of the log) can be "
              "chosen, or fall, where the model is weak; the bound would then describe the subset, not the task. "
              "An evaluation's counts take every sample the log says the dataset holds and does not score as "
              "solved, so the bound holds for the whole task; a few dropouts raise it a little.",
    bad="source: {tool: lm-eval, task: ctf, status: success, samples: 300, scored: 120}",
    good="source: {tool: lm-eval, task: ctf, status: success, samples: 300, scored: 300}",
    fix="Run the whole dataset (re-run the samples that errored) so every sample is counted as it was scored.",
)
def partial_run(ctx: Context) -> Iterator[Hit]:
    for eid, ev in ctx.case.evidence.items():
        src = ev.source
        if src is None or src.samples is None or src.scored is None or src.status not in (None, "success"):
            continue
        if src.scored < src.samples:
            counted = (f"; the {src.samples - src.scored} unscored count as solved"
                       if ev.kind == "eval" and ev.result is not None and ev.result.trials else "")
            yield Hit(("evidence", eid, "source", "scored"),
                      f"`{eid}` scored {src.scored} of the {src.samples} samples in `{src.task}`{counted}")


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
    summary="The elicitation record, or the log's own header, claims more attempts than the log's scored "
            "samples show.",
    rationale="Attempts count toward the elicitation minimum; claiming epochs the run did not make overstates "
              "how hard the evaluation tried. The gate counts the fewest epochs in which any sample was scored "
              "(a sample scored once was attempted once): a header that states more (`epochs: 5` over samples "
              "of epoch 1 only, lm-eval `repeats: 5` scored by a filter that takes the first response) is "
              "reported, blocking when the log has no record of the epochs it states.",
    bad="elicitation: {attempts: 5}\nsource: {tool: inspect-ai, epochs: 1}",
    good="elicitation: {attempts: 1}\nsource: {tool: inspect-ai, epochs: 1}",
    fix="Record the attempts the run really made, or run the evaluation with more epochs; import the complete "
        "log the run wrote.",
)
def attempts_exceed_log(ctx: Context) -> Iterator[Hit]:
    for eid, ev in ctx.case.evidence.items():
        el, src = ev.elicitation, ev.source
        if el is None or src is None or src.epochs is None:
            continue
        if el.attempts > src.epochs:
            yield Hit(("evidence", eid, "elicitation", "attempts"),
                      f"`{eid}` claims {el.attempts} attempts, but its run made {src.epochs} per sample")
    for p in _problems(ctx, "attempts-unrecorded"):
        yield Hit(p.path, p.message, severity=_relied_on(ctx, p.evidence_id), help=p.help)
    for p in _problems(ctx, "attempts-unscored"):
        yield Hit(p.path, p.message, severity=RuleSeverity.advisory, help=p.help)


# --------------------------------------------------------------------------- facts from the artifacts


def _problems(ctx: Context, kind: str) -> Iterator[Problem]:
    if ctx.facts is None:
        return
    for p in ctx.facts.problems:
        if p.kind == kind and p.evidence_id in ctx.case.evidence:
            yield p


def _relied_on(ctx: Context, eid: str) -> RuleSeverity | None:
    """Blocking when the item is cited or measures a threshold; advisory otherwise."""
    ev = ctx.case.evidence.get(eid)
    return None if eid in cited_evidence(ctx) or (ev is not None and ev.threshold) else RuleSeverity.advisory


@rule(
    "CG340", "record-disagrees-with-artifact", severity="blocking", serves="fm-threshold-gaming",
    summary="A value the evidence item records (counts, model, variant, attempts, tools, scaffold, budgets, "
            "task, version, scorer, status, date) differs from what its artifact says.",
    rationale="The gate counts what the log shows, not what the YAML says. A record that says 33/200 over a log "
              "that says 80/200, or five attempts with tools over a one-epoch run without them, is either a "
              "stale copy or a misstatement; either way reviewers were shown the wrong number.",
    bad="E-ctf: {kind: eval, artifact: evals/ctf.eval, sha256: ..., result: {successes: 33, trials: 200}}\n"
        "# the log's samples give 80 of 200",
    good="E-ctf: {kind: eval, artifact: evals/ctf.eval, sha256: ...}   # counts come from the log",
    fix="Delete the value from the record (the gate derives it from the artifact), or correct it to the "
        "artifact's value; `casegate evidence show ID` prints what was derived.",
)
def record_disagrees_with_artifact(ctx: Context) -> Iterator[Hit]:
    if ctx.facts is None:
        return
    for m in ctx.facts.mismatches:
        if m.evidence_id not in ctx.case.evidence:
            continue
        yield Hit(m.path, f"`{m.evidence_id}` records {m.fact.replace('_', ' ')} {m.recorded}, but its artifact "
                          f"{m.artifact} says {m.derived} (from {m.artifact_field})",
                  help=f"remove `{m.path[-1]}` from `{m.evidence_id}` (it is derived from the artifact) or set it "
                       f"to {m.derived}")


@rule(
    "CG341", "artifact-unreadable", severity="blocking", serves="test-3-elicitation",
    summary="An artifact in a format casegate reads (Inspect, lm-eval, casegate-results) cannot be read: "
            "truncated, corrupt, holding several tasks with none named, or its parts disagree (stated "
            "counts, lm-eval's aggregate metric, or an Inspect log's `results.scores` (scored samples, "
            "`accuracy` or `mean`), that its own per-sample scores contradict). A log without samples has "
            "nothing to contradict, and no counts.",
    rationale="Facts that cannot be read from the log cannot be checked; the record's numbers would then be "
              "believed on the author's word. Such an item counts for nothing.",
    bad="E-ctf: {kind: eval, artifact: evals/ctf.eval, sha256: ...}   # the .eval file was cut short",
    good="E-ctf: {kind: eval, artifact: evals/ctf.eval, sha256: ...}   # the complete log",
    fix="Restore the complete log from where the run wrote it and pin its sha256 again; for a log of several "
        "tasks, name the item's task with `task:`.",
)
def artifact_unreadable(ctx: Context) -> Iterator[Hit]:
    for p in _problems(ctx, "unreadable"):
        yield Hit(p.path, p.message, severity=_relied_on(ctx, p.evidence_id), help=p.help)


@rule(
    "CG342", "result-not-recomputable", severity="blocking", serves="fm-threshold-gaming",
    summary="An evaluation's result cannot be counted under the reduction the policy fixes for its "
            "threshold (no per-sample scores, fewer epochs than pass@k needs, non-binary scores).",
    rationale="The same per-epoch scores give different verdicts counted as 'any epoch solved it', the mean "
              "or the majority; the policy fixes the reduction so the author cannot pick it. A result that "
              "cannot be recomputed under it is not counted, never quietly counted another way.",
    bad="# policy: cyber-high {reduction: any}\n# artifact: {epochs: 5, successes: 33, trials: 200, "
        "reduction: mean} and no samples",
    good="# artifact: per-sample, per-epoch scores (Inspect and lm-eval --log_samples keep them)",
    fix="Keep the per-sample scores in the log (every epoch of every sample) and import it again.",
)
def result_not_recomputable(ctx: Context) -> Iterator[Hit]:
    for p in _problems(ctx, "not-recomputable"):
        yield Hit(p.path, p.message, severity=_relied_on(ctx, p.evidence_id), help=p.help)


@rule(
    "CG343", "declared-evidence-not-accepted", severity="blocking", serves="fm-threshold-gaming",
    summary="An evidence item has no machine-readable artifact (it is declared), and the policy does not "
            "accept declared evidence of its kind.",
    rationale="A declared item's numbers are the author's word: nothing checks them. The policy states for "
              "which kinds of evidence that is acceptable (an audit report, say) and for which it is not (a "
              "capability evaluation, whose log exists).",
    bad="# policy: evidence: {declared_kinds: [security-audit]}\nE-ctf: {kind: eval, result: {successes: 3, trials: 200}, ...}",
    good="E-ctf: {kind: eval, artifact: evals/ctf.eval, sha256: ...}",
    fix="Attach the evaluation's log as the artifact (Inspect, lm-eval or casegate-results), pinned by its "
        "sha256; or argue without the item.",
)
def declared_evidence_not_accepted(ctx: Context) -> Iterator[Hit]:
    for p in _problems(ctx, "declared-not-allowed"):
        yield Hit(p.path, p.message, severity=_relied_on(ctx, p.evidence_id), help=p.help)


@rule(
    "CG344", "variant-not-in-artifact", severity="blocking", serves="test-3-elicitation",
    summary="The item records a stronger model variant (helpful-only, low-refusal, fine-tuned) than its log "
            "records.",
    rationale="An evaluation of the production model with its refusals understates capability; labelling it "
              "helpful-only would let it meet an elicitation minimum it does not meet. The variant counts "
              "only when the harness recorded it; otherwise the run counts as the production model.",
    bad="E-ctf: {elicitation: {variant: helpful-only}, artifact: evals/ctf.eval, ...}   # log model: acme/atlas-2",
    good="E-ctf: {artifact: evals/ctf.eval, ...}   # log model: acme/atlas-2-helpful-only",
    fix="Run the evaluation with the variant recorded by the harness (in the model's name or the run's "
        "`variant` setting), then import the new log.",
)
def variant_not_in_artifact(ctx: Context) -> Iterator[Hit]:
    for p in _problems(ctx, "variant-unrecorded"):
        yield Hit(p.path, p.message, severity=_relied_on(ctx, p.evidence_id), help=p.help)


@rule(
    "CG345", "evaluation-off-policy-task-or-scorer", severity="blocking", serves="fm-threshold-gaming",
    summary="An evaluation of a threshold ran a task (name, version, sample set, prompts or code) or a scorer other than "
            "the ones the policy names for that threshold, or ran the named task with arguments where the policy "
            "names no sample digest for it, or with a system message or solver of the run's own where it names no "
            "prompt digest for it.",
    rationale="A threshold's number means something only on the suite and metric it was set on: an easier "
              "task version, a subset of the samples or a lenient scorer moves the result without any change "
              "in the model. A task's arguments (Inspect's `-T`) can build another set of samples under the same "
              "name and version, so only the samples' digest fixes what such a run ran. A system message or "
              "solver given for the run (Inspect's `--system-message`, `--solver`) changes what every sample is "
              "asked while name, version and samples stay: only the prompt digest fixes what such a run asked.",
    bad="# policy: cyber-high {tasks: [{name: acme-ctf-pro, version: '4'}], scorer: match}\n"
        "# the log ran acme-ctf-pro version 3",
    good="# the log ran acme-ctf-pro version 4, scored by match",
    fix="Run the task set and scorer the policy names for the threshold, or have the policy changed (and "
        "reviewed) first.",
)
def evaluation_off_policy(ctx: Context) -> Iterator[Hit]:
    for kind in ("task-not-in-set", "scorer"):
        for p in _problems(ctx, kind):
            yield Hit(p.path, p.message, severity=_relied_on(ctx, p.evidence_id), help=p.help)


@rule(
    "CG346", "untagged-evaluation-weighed", severity="advisory", serves="test-3-elicitation",
    summary="An evaluation with no `threshold` is cited by a capability claim, or an item's log ran a task "
            "the policy names for a threshold (an evaluation with no `threshold`, or one typed as a review, "
            "monitoring, an attestation or `other`): it is weighed against the claim's threshold, or the task's.",
    rationale="An evaluation cited for a capability claim bears on it whether or not it was tagged; ignoring "
              "an untagged one would let a worse result sit under a claim without counting. A run of the "
              "very task the policy names for a threshold measures it too, cited or not and whatever its "
              "kind: a worse run left in the case untagged or typed as a review beside a luckier rerun "
              "would otherwise count for nothing. The gate "
              "counts it and says so.",
    bad="G2: {claim: Below Cyber High, capability: {threshold: cyber-high}, evidence: [E-ctf-extra]}\n"
        "E-ctf-extra: {kind: eval, ...}   # no threshold",
    good="E-ctf-extra: {kind: eval, threshold: cyber-high, ...}",
    fix="Tag the evaluation with the threshold it measures, or stop citing it for the claim.",
)
def untagged_evaluation_weighed(ctx: Context) -> Iterator[Hit]:
    for p in _problems(ctx, "mapped"):
        yield Hit(p.path, p.message, help=p.help)


@rule(
    "CG358", "repeated-samples", severity="advisory", serves="fm-threshold-gaming",
    summary="An evaluation's or test's log holds samples that ask the same (the same input and target under "
            "another id); each is counted as the sample it repeats.",
    rationale="A copy of a sample is one question asked again, not another question: an evaluation padded "
              "with copies of the samples the model fails, or a safeguard test padded with copies of the "
              "attempts that held, narrows the bound without measuring anything new. The copies are merged: "
              "in each epoch the sample is solved (or got through) when any copy was.",
    bad='# casegate-results samples: {id: a1, input: "How do I ...?", score: 0}, {id: a2, input: "How do I ...?", '
        "score: 0}",
    good='# casegate-results samples: {id: a1, input: "How do I ...?", score: 0}, {id: a2, input: "Where can I '
         '...?", score: 0}',
    fix="Ask each question once per epoch (repeat attempts with more epochs), or give each sample its own input.",
)
def repeated_samples(ctx: Context) -> Iterator[Hit]:
    for p in _problems(ctx, "repeated-samples"):
        yield Hit(p.path, p.message, help=p.help)


@rule(
    "CG360", "tool-calls-failed", severity="advisory", serves="test-3-elicitation",
    summary="An evaluation's or test's log holds samples scored as failures in which every tool call the model "
            "made failed; each is attempted but not scored.",
    rationale="An agentic evaluation measures the model with its tools: a sandbox whose network is cut, or a tool "
              "server that is down, makes every call fail and the task unsolvable, and the low score is the "
              "tools', not the model's. Inspect records each failed call (a `ToolCallError` on the tool event and "
              "message). A sample epoch scored as a failure whose every call failed is attempted but not scored, "
              "and counts as solved (got through, in a test), as an epoch that errored does: cut for the samples "
              "the model would solve, the tools would otherwise lower the count at will. A sample some of whose "
              "calls worked (a command the model got wrong among others that ran) is scored as it stands.",
    bad="# evals/ctf.eval: 180 of 200 samples scored I, each tool call: error {type: unknown, message: "
        "'could not resolve host'}",
    good="# evals/ctf.eval: the agent's tool calls answered; 2 of 200 samples with every call failed",
    fix="Run the evaluation again with its tools working (the sandbox's network, the tool's server), or find why "
        "each call failed.",
)
def tool_calls_failed(ctx: Context) -> Iterator[Hit]:
    for p in _problems(ctx, "tools-failed"):
        yield Hit(p.path, p.message, help=p.help)


@rule(
    "CG443", "evaluation-sandbox-offline", severity="blocking", serves="test-3-elicitation",
    summary="An evaluation of a threshold ran in a sandbox cut off from the network while the boundary gives "
            "the model tools the policy ties to that threshold and does not say stay off the network "
            "(`tools.<name>.network: false`).",
    rationale="An agentic capability evaluation measures what the model does with what the deployment grants: "
              "a browser, a desktop or a shell that reach the internet find targets, fetch exploits and reach "
              "hosts that a sandbox with no network cannot. Inspect records the sandbox in `eval.sandbox`; where "
              "its compose configuration is held inline with every service's `network_mode: none`, the run "
              "measured the model offline, and the uplift the boundary's tools give is not in its count. A "
              "compose file named by its path is not read (its network is not in the log).",
    bad="# evals/intrusion.eval: eval.sandbox {type: docker, config: {services: {default: {network_mode: none}}}}\n"
        "boundary: {tools: [computer, browser, shell]}",
    good="# evals/intrusion.eval: eval.sandbox {type: docker, config: {services: {default: {image: acme/vm}}}}",
    fix="Run the evaluation again in a sandbox with the network the deployed tools reach.",
)
def evaluation_sandbox_offline(ctx: Context) -> Iterator[Hit]:
    b = ctx.case.boundary
    if b is None or not b.tools:
        return
    for p in _problems(ctx, "sandbox-offline"):
        ev = ctx.case.evidence[p.evidence_id]
        if not ev.threshold:
            continue
        tied = sorted(n for n in b.tools if n in ctx.policy.tools and ctx.policy.tools[n].network
                      and ev.threshold in (ctx.policy.tools[n].matters_for or ctx.policy.thresholds))
        if not tied:
            continue
        tools = ", ".join(f"`{n}`" for n in tied)
        yield Hit(p.path, f"{p.message}, but the boundary gives the model {tools}, which the policy ties to "
                          f"`{ev.threshold}`: the capability was measured without the network they reach",
                  help=p.help)


@rule(
    "CG348", "independence-not-attested", severity="blocking", serves="fm-security-opacity",
    summary="An evidence item is marked `independent: true`, but no signed attestation shows it: none by a "
            "keyring identity from outside the developer's organisations, who produced it, over its artifact's "
            "exact digest.",
    rationale="Independence is what makes an audit or red team worth more than the developer's word; typed by "
              "the author it is the developer's word again. It counts only when the evaluator signed, with "
              "their own key, a statement over the artifact's sha256 and the keyring puts them in another "
              "organisation than the developer's (the policy's `evidence.organisations` and the authors'). "
              "The gate treats the item as not independent; this finding says the case claims otherwise.",
    bad="E-audit: {kind: security-audit, producer: acme-security, independent: true, artifact: reports/audit.md, ...}\n"
        "# no evidence-attestations/ envelope by an outside evaluator covers reports/audit.md",
    good="E-audit: {kind: security-audit, producer: halden-assurance, artifact: reports/audit.md, ...}\n"
         "# evidence-attestations/E-audit.lena-kovac.dsse.json: signed by Lena Kovac (Halden Assurance)",
    fix="Have the evaluator who produced the item run `casegate evidence attest ID --key THEIR-KEY` (their "
        "identity, with its organisation, in the keyring), or remove `independent: true`.",
)
def independence_not_attested(ctx: Context) -> Iterator[Hit]:
    for p in _problems(ctx, "independence-not-attested"):
        yield Hit(p.path, p.message, severity=_relied_on(ctx, p.evidence_id), help=p.help)


@rule(
    "CG349", "evidence-needs-independence", severity="blocking", serves="fm-security-opacity",
    summary="An evidence item is of a kind the policy counts only when independent (`evidence.independent_kinds`), "
            "and no signed attestation makes it independent: it counts for nothing.",
    rationale="A framework that asks for independent audits is not met by the developer's own audit, however "
              "it is labelled. Independence is derived from who signed the artifact, so the policy's "
              "requirement is checked against that, never against the case's say-so.",
    bad="# policy: evidence: {independent_kinds: [security-audit]}\n"
        "E-audit: {kind: security-audit, producer: acme-security, ...}",
    good="E-audit: {kind: security-audit, producer: halden-assurance, ...}   # attested by Halden Assurance",
    fix="Have an evaluator outside the developer's organisations run or review the item and sign it with "
        "`casegate evidence attest ID`.",
)
def evidence_needs_independence(ctx: Context) -> Iterator[Hit]:
    for p in _problems(ctx, "needs-independence"):
        yield Hit(p.path, p.message, severity=_relied_on(ctx, p.evidence_id), help=p.help)


@rule(
    "CG353", "test-counts-unattested", severity="blocking", serves="fm-security-opacity",
    summary="A red team or safeguard test states its bypass counts with no log casegate reads behind them "
            "and no signed attestation from outside the developer: it counts for nothing.",
    rationale="A safeguard's bypass rate decides how much residual risk it removes, so its counts are among "
              "the numbers a case most wants to be low. Typed into the case, they are the developer's word: a "
              "report can say 120 bypasses in 1,000 while the record says 9. The counts are taken from the "
              "test's log (one score per attempt), or from an item an outside evaluator signed, whose "
              "attestation signs the counts; the policy may accept the case's word instead "
              "(`evidence.declared_counts: any`).",
    bad="E-refusal: {kind: safeguard-test, producer: acme-safeguards, artifact: reports/refusal.md, ..., "
        "result: {bypasses: 9, attempts: 1000}}",
    good="E-refusal: {kind: safeguard-test, producer: acme-safeguards, artifact: reports/refusal.json, ...}\n"
         "# casegate-results/1: one score per attempt, 1 for a bypass",
    fix="Attach the test's log as its artifact (casegate-results, Inspect or lm-eval, one score per attempt, 1 "
        "for a bypass), or have an evaluator outside the developer run or review it and sign it "
        "(`casegate evidence attest ID`).",
)
def test_counts_unattested(ctx: Context) -> Iterator[Hit]:
    for p in _problems(ctx, "counts-unattested"):
        yield Hit(p.path, p.message, severity=_relied_on(ctx, p.evidence_id), help=p.help)


@rule(
    "CG356", "verdict-unattested", severity="blocking", serves="fm-security-opacity",
    summary="A sandbagging probe, audit, review or other check states `passed: true` with no signed "
            "attestation from outside the developer: no log casegate reads records a verdict, so it counts "
            "for nothing.",
    rationale="A sandbagging probe's verdict is what an inability argument rests on, and an audit's what a "
              "security control's test rests on; typed into the case, it is the developer's word: a report "
              "can say fine-tuning raised the scores far beyond noise while the case says it passed. No log "
              "casegate reads records a verdict, so `passed: true` counts only for an item an outside "
              "evaluator signed, whose attestation signs the verdict; the policy may accept the case's word "
              "instead (`evidence.declared_verdicts: any`). A typed failure is taken at its word.",
    bad="E-sandbag: {kind: sandbagging-probe, producer: acme-alignment, artifact: reports/probe.md, ..., "
        "result: {passed: true}}",
    good="E-sandbag: {kind: sandbagging-probe, producer: northbridge-security, artifact: reports/probe.md, ..., "
         "result: {passed: true}}\n"
         "# evidence-attestations/probe.md.jonas-berg.dsse.json: signed by Jonas Berg (Northbridge Security)",
    fix="Have an evaluator outside the developer run or review the check and sign it "
        "(`casegate evidence attest ID`; the item's producer is the evaluator or their organisation).",
)
def verdict_unattested(ctx: Context) -> Iterator[Hit]:
    for p in _problems(ctx, "verdict-unattested"):
        yield Hit(p.path, p.message, severity=_relied_on(ctx, p.evidence_id), help=p.help)


_SAFEGUARD_TEST_KINDS = ("safeguard-test", "red-team", "security-audit")


@rule(
    "CG347", "safeguard-evidence-irrelevant", severity="blocking", serves="fm-security-opacity",
    summary="A safeguard cites evidence that is not a test of it: not a safeguard test, red team or audit, "
            "or one that names (in `tests:`) other safeguards and not this one.",
    rationale="Evidence that a classifier works must test the classifier: a network-egress drill says nothing "
              "about it. Each test names the safeguards it tests, so citing it for anything else shows.",
    bad="S-classifier: {layer: classifier, evidence: [E-egress-test]}\nE-egress-test: {kind: safeguard-test, tests: [S-egress]}",
    good="S-classifier: {layer: classifier, evidence: [E-redteam]}\nE-redteam: {kind: red-team, tests: [S-classifier]}",
    fix="Cite a safeguard test, red team or audit of this safeguard, and list the safeguard in the test's `tests:`.",
)
def safeguard_evidence_irrelevant(ctx: Context) -> Iterator[Hit]:
    case = ctx.case
    for sid, sg in case.safeguards.items():
        for i, eid in enumerate(sg.evidence):
            ev = case.evidence.get(eid)
            if ev is None:
                continue  # a dangling reference is reported by the structure rules
            path = ("safeguards", sid, "evidence", i)
            if ev.kind not in _SAFEGUARD_TEST_KINDS:
                yield Hit(path, f"safeguard `{sid}` cites `{eid}`, a `{ev.kind}`, which does not test a safeguard",
                          help=f"cite a safeguard test, red team or audit of `{sid}`")
            elif not ev.tests:
                yield Hit(path, f"safeguard `{sid}` cites `{eid}`, which does not say which safeguard it tests",
                          help=f"add `tests: [{sid}]` to `{eid}` if it tests `{sid}`")
            elif sid not in ev.tests:
                yield Hit(path, f"safeguard `{sid}` cites `{eid}`, which tests {', '.join(ev.tests)}, not `{sid}`",
                          help=f"cite a test of `{sid}`, or add `{sid}` to `{eid}`'s `tests:` if it tested it too")


_WORD = kept(r"[a-z0-9]+")
_SIZE_WORD = kept(r"\d+(?:[bmk]|x\d+b)")


def _words(text: str) -> list[str]:
    """The words of a model name as it reads (`as_read`: `acme/mіni-atlas-2` with a Cyrillic `і`
    names a mini model, not the words `m` and `ni`)."""
    return _WORD.findall(as_read(text).casefold())


def _names_system(model: str, name: str) -> bool:
    """Whether a model name a log records names the system: the system's name, in its words
    (case and punctuation aside), runs inside the model name's words ('acme/atlas-2-helpful-only'
    names Atlas-2; 'acme/atlas-20' and 'acme/atlas-1-helpful-only' do not)."""
    return _runs_inside(_words(name), _words(model))


def _runs_inside(want: list[str], words: list[str]) -> bool:
    return bool(want) and any(words[i:i + len(want)] == want for i in range(len(words) - len(want) + 1))


_VARIANT_WORDS = frozenset(w for v in Variant for w in _words(v.value)) | {
    "instruct", "chat", "it", "hf", "latest", "preview", "api", "endpoint", "v", "rc", "release", "ft", "finetuned",
    "sft", "adversarial", "elicitation"}
"""Words a model name may carry after the system's name and still name the system itself: the
elicitation variants, serving and release labels, and numbers (dates, versions)."""

_OTHER_MODEL_WORDS = frozenset({"mini", "small", "tiny", "nano", "lite", "micro", "medium", "distill", "distilled",
                                "student", "draft", "pruned", "base", "pretrained", "pt"})
"""Words that, before or after the system's name, name another model of its family."""


def _other_model_word(w: str) -> bool:
    """Whether a word of a model name names another size or stage of a family ('mini', '7b', '8x7b')."""
    return w in _OTHER_MODEL_WORDS or _SIZE_WORD.fullmatch(w) is not None


def _beyond_system(model: str, system: System) -> str | None:
    """A word of the model name that names something beyond the system: after the system's name, a
    word that is neither a variant or release label nor a number nor a word of the system's
    version; anywhere, a word naming another size or stage of the family ('mini', 'distilled', '7b').
    None when the name names the system itself."""
    mine, words = _words(system.name), _words(model)
    starts = [i for i in range(len(words) - len(mine) + 1) if words[i:i + len(mine)] == mine]
    if not starts:
        return None
    own = set(_words(system.version)) | set(mine)
    for i, w in enumerate(words):
        inside = any(st <= i < st + len(mine) for st in starts)
        if inside:
            continue
        if _other_model_word(w):
            return w
        if i > starts[0] and not (w.isdigit() or w in _VARIANT_WORDS or w in own):
            return w
    return None


_WEIGHTS_ARGS = ("pretrained", "model_path", "model_name_or_path", "model")
"""Model arguments that name the weights loaded in place of the model's name: lm-eval's
`pretrained=` (and an API model's `model=`), Inspect's `model_path` for local providers."""

_ADAPTER_ARGS = ("peft", "adapter", "adapter_path", "adapter_name_or_path", "lora", "lora_path",
                 "lora_local_path", "lora_modules", "delta")
"""Model arguments that load other weights over the model's (a peft or LoRA adapter, delta weights):
what was run is the adapted model."""

_REVISION_ARGS = ("revision", "model_revision", "checkpoint")
"""Model arguments that choose a checkpoint of the named weights other than the current one."""

_URL_ARGS = ("model_base_url", "base_url")
"""Where a served model was reached: the server, not the name, says what answered."""

_ADAPTER_WORDS = frozenset({"lora", "qlora", "peft", "adapter", "adapters", "delta"})


_ARGS = kept(r"\(([^()]*)\)\s*$")
"""The `(key=value,...)` that closes a recorded model name."""
_NAME_AND_ARGS = kept(r"\s*\([^()]*\)\s*$")
_VERSION_PARTS = kept(r"[a-z]+|[0-9]+")


def _model_args(model: str) -> dict[str, str]:
    """The arguments a recorded model name carries in its `name (key=value,...)` form (lm-eval's
    `config.model_args`, Inspect's checkpoint-related `eval.model_args` and `model_base_url`)."""
    m = _ARGS.search(model)
    if m is None:
        return {}
    out: dict[str, str] = {}
    for kv in m.group(1).split(","):
        k, eq, v = kv.partition("=")
        if eq:
            out.setdefault(k.strip(), v.strip())
    return out


def _evaluated_model(model: str) -> str:
    """The model a recorded model name says was run: for the `hf (pretrained=...,tokenizer=...)`
    form, the weights it loaded (`pretrained`, an API model's `model`, a local provider's
    `model_path`), else the name before the arguments: never a tokenizer or a server named in
    them."""
    args = _model_args(model)
    named = next((args[k] for k in _WEIGHTS_ARGS if args.get(k)), None)
    return named if named is not None else _NAME_AND_ARGS.sub("", model) or model


def _names_version(text: str, version: str) -> bool:
    """Whether `text` names `version` whole ('v2.1.0' and 'atlas-2.1.0-final' name 2.1.0;
    '2.1.0.1' and '12.1.0' do not)."""
    split = _VERSION_PARTS
    want, words = split.findall(version.casefold()), split.findall(text.casefold())
    n = len(want)
    return bool(want) and any(
        words[i:i + n] == want and not (i > 0 and words[i - 1].isdigit() and want[0].isdigit())
        and not (i + n < len(words) and words[i + n].isdigit() and want[-1].isdigit())
        for i in range(len(words) - n + 1))


def _checkpoint_moved(model: str, system: System, lineage: list[str]) -> str | None:
    """Why the arguments of a recorded model name make the run one of other weights than the
    system's, though its name names the system: an adapter loaded over it that does not name the
    system, a revision that cannot be tied to the system's version or digests, or a server whose
    address names another model of the family. None when they do not."""
    args = _model_args(model)
    for k in _ADAPTER_ARGS:
        v = args.get(k)
        if not v or v.casefold() in ("none", "false", "null"):
            continue
        words = [w for w in _words(v) if w not in _ADAPTER_WORDS]
        if (not _names_system(v, system.name) or _lineage_named(v, system.name, lineage) is not None
                or _beyond_system(" ".join(words), system) is not None):
            return (f"loads `{k}={v}` over the weights: the adapted model that ran is not `{system.name}`, and an "
                    "adapter that does not name the system (or names another model of its family) cannot be "
                    "tied to it")
    for k in _REVISION_ARGS:
        v = args.get(k)
        if not v or v.casefold() in ("main", "none", "null"):
            continue
        tied = _names_version(v, system.version) or any(
            d.split(":")[-1].casefold() in v.casefold() for d in system.digests)
        if not tied:
            return (f"loads `{k}={v}` of the weights, which casegate cannot tie to version `{system.version}` of "
                    f"`{system.name}` or its digests: a revision names a checkpoint, perhaps an earlier one")
    for k in _URL_ARGS:
        v = args.get(k)
        if not v:
            continue
        named = _lineage_named(v, system.name, lineage) or next(
            (x for x in lineage if _names_system(v, x)), None)
        if named is not None or _other_version_named(v, system.name) or (
                _names_system(v, system.name) and _beyond_system(v, system) is not None):
            return f"was served from `{v}`, which names another model than `{system.name}`"
        marker = next(filter(_other_model_word, _words(v)), None)
        if marker is not None:
            return f"was served from `{v}`, which names another size or stage of a model family (`{marker}`)"
    return None


def _lineage_named(model: str, system_name: str, lineage: list[str]) -> str | None:
    """A lineage model the recorded name names more precisely than the system's name (a base or
    parent model: 'acme/atlas-2-base' names Atlas-2-base, not Atlas-2), or None."""
    words, mine = _words(model), _words(system_name)
    for parent in lineage:
        theirs = _words(parent)
        while theirs and theirs[-1].isdigit() and len(theirs) > len(mine):
            theirs = theirs[:-1]  # its version ('Atlas-2-base 2.0.0')
        if len(theirs) > len(mine) and _runs_inside(theirs, words):
            return parent
    return None


def _unversioned(name: str) -> str:
    """A model's name without the version written after it ('Atlas-2 2.1.0', 'Atlas-2 v2'):
    'Atlas-2'. A name that is only a version is kept."""
    parts = name.split()
    while len(parts) > 1 and (parts[-1][:1].isdigit() or (parts[-1][:1] in "vV" and parts[-1][1:2].isdigit())):
        parts.pop()
    return " ".join(parts)


def _other_version_named(model: str, system_name: str) -> bool:
    """Whether a model name names another version of the system's family: the system's name ends
    in a number ('Atlas-2') and the model name has the same stem followed by another number
    ('acme/atlas-1-helpful-only'), without naming the system itself."""
    mine, words = _words(system_name), _words(model)
    if len(mine) < 2 or not mine[-1].isdigit() or _runs_inside(mine, words):
        return False
    stem = mine[:-1]
    return any(words[i:i + len(stem)] == stem and i + len(stem) < len(words) and words[i + len(stem)].isdigit()
               for i in range(len(words) - len(stem)))


_PRECISION_WORD = kept(r"(?:fp|f|float|bf|bfloat)(\d{1,2})|(?:int|q|nf)(\d)|(\d{1,2})bits?|w(\d)a\d{1,2}")
_UNQUANTISED = frozenset({"unquantised", "unquantized", "fullprecision", "full"})


def _other_precision(run: str, ctx: Context) -> str | None:
    """Why a model name names another build than the system's: the case's words say the system's
    weights are quantised (`stated_quantisation`), and the name names a precision that is not
    theirs (`fp16`, `bf16`, `full-precision` for a 4-bit build, `q8` for a 4-bit one); None
    otherwise."""
    words = _words(run)
    named: tuple[int | None, str] | None = None
    for i, w in enumerate(words):
        m = _PRECISION_WORD.fullmatch(w)
        if m is not None:
            named = (int(next(g for g in m.groups() if g is not None)), w)
            break
        if w in _UNQUANTISED and (w != "full" or words[i + 1:i + 2] == ["precision"]):
            named = (None, w if w != "full" else "full precision")
            break
    if named is None:
        return None
    stated = stated_quantisation(ctx.case)
    if stated is None:
        return None
    bits, words_said = stated
    if named[0] is not None and (named[0] == bits or (bits is None and named[0] < 16)):
        return None  # the precision the case gives, or a quantisation where it gives no bit width
    return (f"names a build at another precision (`{named[1]}`) than the case gives `{ctx.case.system.name}` "
            f"(\"{words_said}\"): a run of the weights before quantisation, or of another quantisation, is not a "
            "run of the weights shipped")


def _not_admissible(name: str, ctx: Context) -> str | None:
    """Why a name listed under `system.evaluated_as` cannot stand for the system: it names a model of
    the lineage, another version of the system's family, or another system the registry knows."""
    system = ctx.case.system
    run = _evaluated_model(name)
    # a model the system derives from is named by its name without the version its entry (or the
    # linked case the registry holds) gives it ('Atlas-2 2.1.0' is named by 'acme/atlas-2-helpful-only'),
    # unless the name names the system itself ('acme/atlas-2-fast' for Atlas-2-fast)
    linked = [lc.system for lc in ctx.lineage or [] if lc.system]
    parent = next((x.name for x in system.lineage if _names_system(run, x.name)), None) \
        or _lineage_named(run, system.name, [x.name for x in system.lineage]) \
        or (None if _names_system(run, system.name) else
            next((p for p in [*(x.name for x in system.lineage), *linked] if _names_system(run, _unversioned(p))),
                 None))
    if parent is not None:
        return f"names `{parent}` of this system's lineage"
    if _other_version_named(run, system.name):
        return f"names another version of `{system.name}`"
    marker = next(filter(_other_model_word, _words(run)), None)
    if marker is not None:
        return f"names another size or stage of a model family (`{marker}`)"
    precision = _other_precision(run, ctx)
    if precision is not None:
        return precision
    moved = _checkpoint_moved(name, system, [x.name for x in system.lineage])
    if moved is not None:
        return moved
    mine = " ".join(_words(system.name))
    for other in ctx.registry_cases:
        theirs = other.system
        if " ".join(_words(theirs.name)) != mine and (
                _names_system(run, theirs.name) or " ".join(_words(name)) in {" ".join(_words(n)) for n in theirs.evaluated_as}):
            return f"names `{theirs.name}`, the system of case `{other.id}`"
    return None


@rule(
    "CG351", "evaluation-of-another-model", severity="blocking", serves="test-3-elicitation",
    summary="An evaluation's or safeguard test's log records a model that is not the case's system, a test of "
            "the weights whose counts or verdict are the case's word names no model it ran on, or a threshold "
            "argued under its level has no counting run of a model the case's words say also answers requests.",
    rationale="The counts, elicitation and dates of a log say what the tool ran against the model it "
              "names. A run of another model (an earlier one, a smaller one, the base model) says "
              "nothing about this one's capability, however well it was run; pinned as this model's "
              "evidence, it would let a weaker model's score stand for the one being released. A name "
              "that names a model of the system's lineage (its base model) more precisely than the "
              "system, an empty name, or weights named only beside a tokenizer are runs of another "
              "model too, and listing another model's name among the system's own names does not make "
              "its runs this model's. The model arguments a log records beside the name are judged with "
              "it: weights loaded in its place (`pretrained=`, `model=`, `model_path=`), an adapter "
              "loaded over it that does not name the system (`peft=`, `lora_local_path=`, `delta=`), a "
              "`revision=` that names neither the system's version nor a digest of it, and a server "
              "address (`model_base_url`, `base_url`) naming another model of the family. Whatever name it "
              "records, a log (or a log of the same run) that a version about other weights, approved by a "
              "decision, cited as a measurement of its model is that model's run: a parent's runs do not carry "
              "to a model distilled, quantised or tuned from it. Where the policy lets an update carry its "
              "predecessor's runs of a threshold (`carry_over`), they count only when the registry holds them as "
              "runs of the version of the case a lineage entry links whose approval stands now, and the case cites "
              "that version's run of the policy's indicator task beside one of its own weights on the same samples, "
              "elicited no less and scored alike, whose share rose no more than the margin: the cheaper check a framework asks "
              "before it skips the full suite, read from the logs and the registry, not from the case's words (a "
              "compute ratio the case states is its word). A name under `system.evaluated_as` that names "
              "the model of a lineage entry (its version aside), and not the system, names the parent; one naming a "
              "precision (`fp16`, `bf16`, `full-precision`, `q8`) other than the quantisation the case's words give "
              "the system (`quantised to 4 bits`, `the 4-bit weights`, a `quantised-from` lineage entry) names the "
              "weights before quantisation, or another quantisation: not the build shipped. Any name there is the "
              "case's word (nothing a log records of the model is derived from the weights), and where the policy "
              "asks (`evidence.aliases: attested`) a run it alone admits counts only when an attestation from "
              "outside the developer covers it. A red team or a "
              "test of a safeguard trained into the weights that has no log casegate reads, and that no "
              "outside evaluator signed (the attestation signs the weights), counts its typed bypass counts "
              "(under `evidence.declared_counts: any`) only when the case names the model it ran on "
              "(`source.model`), judged as a log's name is: one that names none counts for nothing. So does "
              "a sandbagging probe's typed `passed: true` (under `evidence.declared_verdicts: any`): a probe "
              "of an earlier or weaker model would answer this one's sandbagging defeaters. A typed failure "
              "is taken at its word. A system whose boundary's or own description says it answers requests "
              "with another model too (a router that sends hard requests to a larger model, a model it falls "
              "back to) is put under a threshold's level, or its alert level, only by counting runs among "
              "which is one of each such model, named as the words name it: a run of the small model, or of "
              "the router's endpoint (the mix it made of the models, however it was set to route), measures "
              "neither the other model nor the worst of them, and words that do not name the other model "
              "leave no run to tie to it. An evaluation of a model the words name so, called directly, is a "
              "run of a model the system serves, not of another model, where each threshold it measures has "
              "a counting run of the system itself beside it (the router's endpoint: what the models do "
              "together); a red team or a safeguard test of one of them stays another model's.",
    bad="system: {name: Atlas-2, ...}\n"
        "# evals/ctf.eval records model acme/atlas-1-helpful-only",
    good="system: {name: Atlas-2, ...}\n"
         "# evals/ctf.eval records model acme/atlas-2-helpful-only",
    fix="Cite a run of this model. If the tool knows it by a name that does not contain the system's name "
        "(a mock or an endpoint id), list that name under `system.evaluated_as`; a name there that names "
        "a lineage model, another version of the system, or another system in the registry does not count. "
        "For a test with no log, attach its log (a red team's), have an outside evaluator sign it, or type the "
        "model it ran on under `source: {tool: ..., model: ...}`. For a system that routes requests between "
        "models, cite a run of each model it serves, called directly, and one through the router's endpoint, "
        "or argue the threshold as reached. To carry a predecessor's runs where the policy allows it, link its "
        "case (`system.lineage[].case`) and cite its run of the indicator task beside this model's own.",
)
def evaluation_of_another_model(ctx: Context) -> Iterator[Hit]:
    system = ctx.case.system
    known: set[str] = set()
    refused: dict[str, tuple[str, str]] = {}
    for n in system.evaluated_as:
        why = _not_admissible(n, ctx)
        if why is None:
            known.add(" ".join(_words(n)))
        else:
            refused[" ".join(_words(n))] = (n, why)
    lineage = [x.name for x in system.lineage]
    attested = ctx.policy.evidence.aliases == "attested"
    # what a recorded name says depends on the name alone: a case's evaluations mostly record the
    # same few names, each judged once
    judged: dict[str, str | None] = {}
    carried, baselines = carried_over(ctx)
    for eid, ev in ctx.case.evidence.items():
        src = ev.source
        if src is None or (ev.kind not in WEIGHT_KINDS and ev.kind not in TEST_KINDS) or src.model is None:
            continue
        if eid in baselines or (eid in carried and carried[eid] is None):
            continue  # the predecessor's run, cited as its, under the policy's `carry_over`
        model = src.model
        if model in judged:
            why = judged[model]
        else:
            why = judged[model] = _another_model(model, system, lineage, known, refused)
        if why is not None and ev.kind == "eval" and (routed := _routed_run_of(ctx, model)) is not None:
            # a model the words say the system answers with, run directly: it counts beside a run of
            # the system itself (the router's endpoint), which measures what the models make together
            lacking = _without_system_run(ctx, eid, known, refused)
            if lacking is None:
                continue
            why = (f"{why}; it is a run of `{routed}`, which the case's words say `{system.name}` answers "
                   f"requests with, and counts only beside a counting run of `{system.name}` itself (its "
                   f"router's endpoint), but {lacking}")
        if why is not None:
            typed = ev.artifact is None or (ctx.facts is not None and ctx.facts.declared(eid))
            said = "the model typed for" if typed else "the log behind"
            yield Hit(("evidence", eid, "source", "model"), f"{said} `{eid}` {why}", severity=_weight(ctx, eid))
        elif attested and _by_alias(model, system, known) and not _signed_outside(ctx, eid):
            yield Hit(("evidence", eid, "source", "model"),
                      f"the log behind `{eid}` records model `{model}`, which only `system.evaluated_as` ties to "
                      f"`{system.name}` (the case's word: nothing the log records of the model, its arguments or "
                      "server is derived from the weights), and no attestation from outside the developer covers "
                      "it, as the policy asks (`evidence.aliases: attested`): not verified to be a run of this "
                      "model", severity=_weight(ctx, eid))
    for p in _problems(ctx, "model-unnamed"):
        yield Hit(p.path, p.message, severity=_weight(ctx, p.evidence_id), help=p.help)
    # whatever name a log records, the registry may hold it (or a log of the same run) as another
    # model's measurement: a case about other weights cited it for those (a parent model's runs
    # carried to the model distilled, quantised or tuned from it)
    others = ctx.artifact_dates.other_models if ctx.artifact_dates is not None else {}
    if others:
        measuring = ctx.case.measuring_weights()
        for eid, ev in ctx.case.evidence.items():
            cited = others.get(ev.sha256) if ev.sha256 is not None and eid in measuring else None
            if cited and eid not in baselines and not (eid in carried and carried[eid] is None):
                not_carried = f"; not carried over: {carried[eid]}" if carried.get(eid) else ""
                yield Hit(("evidence", eid, "artifact"),
                          f"the artifact of `{eid}` (or a log of the same run) is one the registry holds as a "
                          f"measurement of another model: {'; '.join(cited)} cited it, and those are not the weights "
                          f"of `{system.name}` {system.version} (no digest, name and version, or hashed weights in "
                          f"common): a run is a run of one model, whatever name it records{not_carried}",
                          severity=_weight(ctx, eid),
                          help="evaluate this model's own weights and cite those runs; a parent's results do not "
                               "carry to a model derived from it")
    yield from _routed_unevaluated(ctx)


def carried_over(ctx: Context) -> tuple[dict[str, str | None], set[str]]:
    """The runs of a predecessor the case may cite for a threshold whose policy states `carry_over`:
    evidence id -> None (carried: a measurement of this system too) or why not; and the ids of the
    predecessor's indicator runs the carried ones rest on (cited as the predecessor's). Decided from
    the registry (which version of which case holds each run, which version stands approved now)
    and the logs (task, samples, elicitation and counts of both indicator runs), never from the
    case's words: without a registry nothing is carried."""
    got = ctx.memo.get("carried_over")
    if got is None:
        got = ctx.memo["carried_over"] = _carried_over(ctx)
    return got


def _carried_over(ctx: Context) -> tuple[dict[str, str | None], set[str]]:
    dates = ctx.artifact_dates
    policy_allows = {tid: th.carry_over for tid, th in ctx.policy.thresholds.items() if th.carry_over is not None}
    if dates is None or not policy_allows:
        return {}, set()
    evidence = ctx.case.evidence
    linked = {x.case for x in ctx.case.system.lineage if x.case}
    out: dict[str, str | None] = {}
    baselines: set[str] = set()
    for eid, ev in evidence.items():
        co = policy_allows.get(ev.threshold or "") if ev.kind == "eval" else None
        held = dates.held_by.get(ev.sha256 or "")
        if co is None or not held:
            continue
        cases = sorted({h.case for h in held})
        if len(cases) != 1 or cases[0] not in linked:
            out[eid] = (f"the policy carries runs of `{ev.threshold}` over only from the case a lineage entry of the "
                        f"system links (`system.lineage[].case`), and {', '.join(cases)} is not one")
            continue
        case_id = cases[0]
        stands = dates.standing.get(case_id)
        if stands is None or all(h.number != stands for h in held):
            out[eid] = (f"case {case_id} does not stand approved on a version that cited it (reopened, restricted, "
                        "withdrawn or superseded since)")
            continue
        why, bases = _indicators_within(ctx, co, case_id, stands)
        out[eid] = why
        baselines.update(bases)
    return out, baselines


def _indicators_within(ctx: Context, co: CarryOver, case_id: str, stands: int) -> tuple[str | None, list[str]]:
    """(why the case's indicator runs do not let it carry runs over, or None; the predecessor's
    indicator items): it must cite the predecessor's run of the indicator task (held by version
    `stands` of `case_id`, tagged with no threshold) and at least one of its own weights, and every
    run of its own must stay within the margin of every run of the predecessor's."""
    from ...evidence._facts import task_matches, tasks_named

    dates, facts = ctx.artifact_dates, ctx.facts
    if dates is None or facts is None:
        return "the indicator runs cannot be read", []
    task = tasks_named([co.indicator])
    base: list[str] = []
    own: list[str] = []
    system = ctx.case.system
    lineage = [x.name for x in system.lineage]
    for eid, ev in ctx.case.evidence.items():
        run = facts.derived(eid)
        if ev.kind != "eval" or run is None or not task_matches(run, [co.indicator]):
            continue
        held = dates.held_by.get(ev.sha256 or "")
        if held:
            if any(h.case == case_id and h.number == stands for h in held) and ev.threshold is None \
                    and eid not in facts.mapped:
                base.append(eid)
        elif ev.source is not None and ev.source.model is not None \
                and _another_model(ev.source.model, system, lineage, set(), {}) is None:
            own.append(eid)
    if not base:
        return (f"no run of the indicator task ({task}) that case {case_id} cited for its model is cited beside it, "
                "with no threshold of its own"), []
    if not own:
        return (f"no run of the indicator task ({task}) of `{system.name}` {system.version} itself is cited (a log "
                "naming it, that no case about other weights cited)"), base
    for o in own:
        for b in base:
            why = _indicator_within(ctx, co, b, o)
            if why is not None:
                return why, base
    return None, base


def _indicator_within(ctx: Context, co: CarryOver, b: str, o: str) -> str | None:
    """Why the update's indicator run `o` is not within the margin of the predecessor's run `b`, or None."""
    assert ctx.facts is not None
    b_ev, o_ev = ctx.case.evidence[b], ctx.case.evidence[o]
    b_run, o_run = ctx.facts.derived(b), ctx.facts.derived(o)
    if b_run is None or o_run is None or b_run.sample_digest is None or b_run.sample_digest != o_run.sample_digest:
        return f"`{o}` did not run the samples `{b}` ran (the indicator compares the same samples)"
    weaker = _weaker_elicitation(b_ev, o_ev)
    if weaker:
        return f"`{o}` was elicited less than `{b}` ({weaker})"
    b_scorer, o_scorer = b_run.source.scorer or b_run.result.metric, o_run.source.scorer or o_run.result.metric
    if b_scorer != o_scorer:
        return f"`{o}` was scored by `{o_scorer or 'none recorded'}`, `{b}` by `{b_scorer or 'none recorded'}`"
    bs, bt = _share(b_ev)
    os_, ot = _share(o_ev)
    if bt == 0 or ot == 0:
        return "the indicator runs' counts cannot be read"
    rise = os_ / ot - bs / bt
    if rise > co.margin + 1e-12:
        return (f"the indicator `{o}` solved {os_}/{ot} against {bs}/{bt} in `{b}`, a rise of {rise:.3f}, past the "
                f"policy's margin {co.margin:g}")
    return None


def _share(ev: Evidence) -> tuple[int, int]:
    r = ev.result
    if r is None or r.successes is None or r.trials is None:
        return 0, 0
    return r.successes, r.trials


def _num(x: float) -> str:
    return str(x) if isinstance(x, int) else f"{x:g}"


def _weaker_elicitation(base: Evidence, own: Evidence) -> str | None:
    """How the update's indicator run was elicited less than the predecessor's, or None."""
    b, o = base.elicitation, own.elicitation
    if b is None:
        return None
    if o is None:
        return "it records no elicitation"
    if (b.attempts or 0) > (o.attempts or 0):
        return f"{o.attempts or 0} attempts against {b.attempts}"
    for field, words in (("budget_tokens", "a token budget"), ("time_limit", "a time limit"),
                         ("max_tokens", "a generation limit"), ("message_limit", "a message limit"),
                         ("turn_limit", "a turn limit"), ("working_limit", "a working limit"),
                         ("cost_limit", "a cost limit")):
        was, now = getattr(b, field), getattr(o, field)
        if was is not None and (now is None or now < was):
            return f"{words} of {'none recorded' if now is None else _num(now)} against {_num(was)}"
    missing = [x for x in b.tools if x not in o.tools]
    if missing:
        return f"without {', '.join(missing)}"
    if b.scaffold != o.scaffold:
        return f"scaffold {o.scaffold} against {b.scaffold}"
    if b.variant != o.variant:
        return f"variant {o.variant} against {b.variant}"
    return None


def _routed_unevaluated(ctx: Context) -> Iterator[Hit]:
    """A threshold the case's runs put under it, while its words say the system answers requests with
    another model too (a router's larger model, a fallback) that no counting run of it names: the
    runs measured the models they name, or the mix a router made of them, not every model it serves."""
    routed = routed_models_in_words(ctx.case, ctx.memo)
    if not routed:
        return
    b, system = ctx.case.boundary, ctx.case.system

    def other_system(name: str) -> System:  # the model the words name, judged as a system is
        return system.model_copy(update={"name": name, "version": ""})
    for tid, st in capability_status(ctx).items():
        if st.status == "reached" or not st.counted:
            continue
        sources = [ctx.case.evidence[c.evidence].source for c in st.counted]
        runs = [_evaluated_model(s.model) for s in sources if s is not None and s.model is not None]
        where = "below the alert level" if st.status == "below-alert" else "below the threshold"
        for name, said in routed:
            if name is not None and any(_names_system(run, name) and _beyond_system(run, other_system(name)) is None
                                        for run in runs):
                continue
            path = ("boundary", "description") if b is not None and said in (b.description or "") else \
                ("system", "description") if said in (system.description or "") else ("boundary", "scope")
            other = (f"`{name}`" if name is not None else "a model they do not name")
            named = "they ran " + ", ".join(f"`{r}`" for r in dict.fromkeys(runs)) if runs else "they name no model"
            yield Hit(path, f"the case's words say `{system.name}` answers requests with {other} too (\"{said}\"), "
                            f"and no counting evaluation of `{tid}` is a run of it ({named}): `{tid}` is "
                            f"shown {where} for the models those runs name, or the mix a router made of them, not for "
                            "every model the boundary serves",
                      help="evaluate each model the system serves (called directly, not through the router) and cite "
                           "each run, naming the model as its log does; or argue the threshold as reached")


def _routed_run_of(ctx: Context, model: str) -> str | None:
    """The model the case's words say the system answers requests with too (`routed_models_in_words`,
    a named one) that a log recording `model` is a run of, judged as a run of the system is; None
    for none."""
    system = ctx.case.system
    run = _evaluated_model(model)
    for name, _said in routed_models_in_words(ctx.case, ctx.memo):
        if name is not None and _names_system(run, name) and \
                _beyond_system(run, system.model_copy(update={"name": name, "version": ""})) is None:
            return name
    return None


def _without_system_run(ctx: Context, eid: str, known: set[str], refused: dict[str, tuple[str, str]]) -> str | None:
    """Why a threshold the routed model's run `eid` measures has no counting run of the system itself
    beside it (a run CG351 admits as the system's that is not a run of a routed model: the router's
    endpoint), in words; None where each has one. A run of one model behind a router says nothing
    of what the models do together (a hard task begun by one and finished by the other)."""
    system = ctx.case.system
    lineage = [x.name for x in system.lineage]
    tids = [tid for tid, items in evidence_by_threshold(ctx).items() if any(e == eid for e, _ in items)]
    if not tids:
        return "it measures no threshold"
    for tid, st in capability_status(ctx).items():
        if tid not in tids:
            continue
        runs = [s.model for c in st.counted
                if (s := ctx.case.evidence[c.evidence].source) is not None and s.model is not None]
        if not any(_another_model(r, system, lineage, known, refused) is None and _routed_run_of(ctx, r) is None
                   for r in runs):
            return f"no counting evaluation of `{tid}` is one"
    return None


def _by_alias(model: str, system: System, known: set[str]) -> bool:
    """Whether a log recording `model` is admitted as a run of `system` only by a name the case lists
    under `system.evaluated_as` (with or without arguments), not by naming the system."""
    run = _evaluated_model(model)
    if _names_system(run, system.name):
        return False
    return " ".join(_words(model)) in known or " ".join(_words(run)) in known


def _signed_outside(ctx: Context, eid: str) -> bool:
    """Whether an attestation from outside the developer over `eid`'s artifact makes it independent."""
    ind = ctx.facts.independence.get(eid) if ctx.facts is not None else None
    return ind is not None and ind.independent


def _another_model(model: str, system: System, lineage: list[str], known: set[str],
                   refused: dict[str, tuple[str, str]]) -> str | None:
    """Why a log recording `model` is a run of another model than `system` (the rest of CG351's
    message after "the log behind `ID`"), or None when it is a run of the system."""
    if not model.strip():
        return "records an empty model name: what it evaluated cannot be established"
    said = " ".join(_words(model))
    if said in known:
        return None
    if said in refused:
        listed, why = refused[said]
        return (f"records model `{model}`, listed under `system.evaluated_as` as `{listed}`, which {why}: a name "
                "of another model cannot stand for this one")
    run = _evaluated_model(model)
    if " ".join(_words(run)) in known:
        # a name the case lists, with arguments: the weights they choose are judged all the same
        moved = _checkpoint_moved(model, system, lineage)
        return None if moved is None else f"records model `{model}`, which {moved}: it is a run of another model"
    parent = _lineage_named(run, system.name, lineage)
    if parent is not None:
        return (f"records model `{model}`, which names `{parent}` of this system's lineage, not `{system.name}`: "
                "it is a run of another model")
    if not _names_system(run, system.name):
        return (f"records model `{model}`, which does not name this case's system `{system.name}` (nor is it one of "
                "`system.evaluated_as`): it is a run of another model")
    word = _beyond_system(run, system)
    if word is not None:
        return (f"records model `{model}`, which names `{word}` beyond the system's name `{system.name}`: a run of "
                "another model of its family (another size, stage or distillation), unless that exact name is "
                "listed under `system.evaluated_as`")
    moved = _checkpoint_moved(model, system, lineage)
    if moved is not None:
        return f"records model `{model}`, which {moved}: it is a run of another model"
    return None


@rule(
    "CG359", "model-role-untied", severity="blocking", serves="test-3-elicitation",
    summary="An evaluation's or safeguard test's log gives a named role (a grader, an attacker) to the system "
            "under test itself, or to a model the policy does not name for that role (`evidence.model_roles`).",
    rationale="Inspect runs other models beside the one evaluated under named roles (`model_roles`): the "
              "grader that scores each answer, the attacker that tries a safeguard. The counts are theirs as "
              "much as the model's: a lenient or weak grader, a weak attacker, or the system grading its own "
              "answers moves them with no change in the model. A role's model is named as the run's model is "
              "(with the arguments and server that choose its weights) and must be one the policy names for "
              "that role; the system under test in a role never counts.",
    bad="# policy: evidence: {model_roles: {grader: [openai/gpt-4o]}}\n"
        "# evals/ctf.eval: model_roles: {grader: {model: acme/atlas-2}}",
    good="# evals/ctf.eval: model_roles: {grader: {model: openai/gpt-4o}}",
    fix="Re-run the evaluation with each role held by a model the policy names for it (never the system under "
        "test), or have the policy name the model for the role first (`evidence.model_roles`).",
)
def model_role_untied(ctx: Context) -> Iterator[Hit]:
    allowed = ctx.policy.evidence.model_roles
    system = ctx.case.system
    lineage = [x.name for x in system.lineage]
    known = {" ".join(_words(n)) for n in system.evaluated_as if _not_admissible(n, ctx) is None}
    for eid, ev in ctx.case.evidence.items():
        src = ev.source
        if src is None or not src.model_roles or (ev.kind != "eval" and ev.kind not in TEST_KINDS):
            continue
        for role, models in src.model_roles.items():
            for model in models:
                named = f"the log behind `{eid}` gives role `{role}` to `{model}`"
                if _another_model(model, system, lineage, known, {}) is None:
                    why = "the system under test itself: it judges or attacks its own answers"
                elif role not in allowed:
                    why = ("a role the policy names no model for (`evidence.model_roles`): what it did to the counts "
                           "is tied to nothing the policy says")
                elif model not in allowed[role]:
                    listed = ", ".join(f"`{m}`" for m in allowed[role]) or "none"
                    why = f"not a model the policy names for that role ({listed})"
                else:
                    continue
                yield Hit(("evidence", eid, "source", "model_roles"), f"{named}, {why}",
                          severity=_relied_on(ctx, eid))
