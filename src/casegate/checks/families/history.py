"""What the registry remembers, as rules: CG325 a change in how a threshold is measured between
versions, unless the policy's owners signed and logged it before the evaluation ran (threshold
gaming); CG326 runs off their registered protocol; CG327 the log of a run or a test rewritten;
CG329 a harm pathway rated lower or dropped; CG355 a safeguard removed, relabelled or stretched; CG211 the
boundary's scope widened while the safeguards on who reaches the model rest on tests made before;
CG719 the post-deployment plan loosened; CG352 new weights resting on the earlier weights'
evaluations; CG708 an incident that defeated claims of an earlier version and is not answered;
CG718 a monitor breach that fired a trigger against an earlier version and is not answered; CG420 a
safeguard's test left out of the next version."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from ...evidence import DERIVED, redefined
from ...evidence.stats import upper_bound
from ...model import RuleSeverity
from ...model._case import COUNTED_KINDS, WEIGHT_KINDS, WEIGHT_LAYERS
from .._derived import (
    TEST_KINDS,
    aged_out,
    bypass_counts,
    evidence_dated,
    granted_tools,
    run_files_changed,
    run_key,
    same_weights,
)
from .._registry import Context, Hit, rule
from .._text import alike, parse_window, words
from ..measurement import MeasurementChange, evaluations, measurement_changes, run_started
from ..protocols import departures, in_force, instant, run_values
from .threat import BOUNDARY_PROPERTIES, boundary_value, shown, wider

if TYPE_CHECKING:
    from ...model import (
        BoundaryKind,
        Case,
        Evidence,
        IncidentDefeat,
        Monitor,
        Pathway,
        PolicyChange,
        Safeguard,
        Severity,
        Trigger,
    )


def _why_not(ch: MeasurementChange, pc: PolicyChange, owners: list[str], runs: list[tuple[str, dt.datetime]]) -> str | None:
    """Why the signed change `pc` does not cover `ch` (None when it does)."""
    if pc.problems:
        return f"the policy change signed by {pc.person} is not verified: {pc.problems[0]}"
    if pc.role not in owners:
        return (f"the policy change was signed by {pc.person} as {pc.role}, which is not an owner of the "
                f"policy (owners: {', '.join(owners) or 'none named'})")
    if pc.log_index is None:
        return f"the policy change signed by {pc.person} is not in the registry's log"
    signed, logged = instant(pc.signed_at), instant(pc.logged_at)
    if signed is None or logged is None:
        return f"the policy change signed by {pc.person} has no readable signing or log time"
    when = max(signed, logged)
    late = [(eid, t) for eid, t in runs if t <= when]
    if late:
        eid, t = late[0]
        return (f"the policy change signed by {pc.person} was logged at {when:%Y-%m-%dT%H:%M:%SZ}, not before "
                f"{eid} ran ({t:%Y-%m-%dT%H:%M:%SZ})")
    return None


@rule(
    "CG325", "measurement-changed", severity="blocking", serves="fm-threshold-gaming",
    summary="Since the version compared with, the metric, the reduction of epochs or the task set of a "
            "threshold changed, and no change signed by the policy's owners and logged before the "
            "evaluation ran records it.",
    rationale="Renaming the metric ('first attempt, hints disabled'), swapping the task suite for an "
              "easier version under the same task names, or counting epochs differently moves a result "
              "under a threshold with no change in the model. Such a change is the policy owners' to "
              "make, on the record, with a reason, and before the run it is used for; otherwise the "
              "evaluation is measuring something chosen after the fact.",
    bad="# previous: cyber-high metric 'success-rate on the full CTF suite', reduction at-least-one\n"
        "E-ctf: {result: {successes: 2, trials: 400, reduction: majority}}",
    good="E-ctf: {result: {successes: 2, trials: 400, reduction: at-least-one}}\n"
         "# or: casegate policy change policy.yaml --threshold cyber-high --field reduction --rationale ...\n"
         "#     logged before E-ctf ran",
    fix="Measure as before, or have an owner of the policy sign the change with its rationale "
        "(`casegate policy change`) and re-run the evaluation after it is logged.",
)
def measurement_changed(ctx: Context) -> Iterator[Hit]:
    if ctx.previous is None and ctx.previous_policy is None:
        return
    owners = list((ctx.previous_policy or ctx.policy).owners)
    against = f" since {ctx.baseline.label}" if ctx.baseline is not None else " since the previous version"
    for ch in measurement_changes(ctx.previous, ctx.previous_policy, ctx.case, ctx.policy):
        runs = [(eid, run_started(ev)) for eid, ev in evaluations(ctx.case, ch.threshold)]
        relevant = [pc for pc in ctx.policy_changes
                    if pc.policy == ctx.policy.id and pc.threshold == ch.threshold and ch.field in pc.fields]
        reasons = [_why_not(ch, pc, owners, runs) for pc in relevant]
        if relevant and any(r is None for r in reasons):
            continue
        why = next((r for r in reasons if r is not None), None) or \
            "no policy change signed by the policy's owners records it"
        yield Hit(ch.path, f"{ch.describe()}{against}; {why}")



@rule(
    "CG326", "protocol-not-followed", severity="blocking", serves="fm-threshold-gaming",
    summary="Where the policy requires pre-registration, an evaluation of a threshold has no protocol "
            "registered before it ran, or departs from the protocol in force when it started (metric, "
            "reduction, task set, variant, attempts, scaffold, tools, budget, model, sample size). Where "
            "it does not, a run departing from a registered protocol is a condition.",
    rationale="An evaluation whose measurement, elicitation and sample size were chosen after its "
              "results were seen can be tuned to land under a threshold: run until it passes, drop "
              "the hard tasks, count epochs the kind way. Registering the protocol in the log before "
              "the run, signed, fixes those choices while the result is still unknown; a protocol "
              "logged after the run, or a run that departs from it, fixes nothing.",
    bad="# policy: preregistration: {required: true}\n"
        "# protocol P-ctf logged 2026-10-05: attempts 10, samples 400\n"
        "E-ctf: {source: {created: 2026-10-01T09:00:00Z}, elicitation: {attempts: 5}, result: {trials: 200}}",
    good="# casegate protocol register protocols/ctf.yaml --policy policy.yaml ... (logged 2026-09-20)\n"
         "E-ctf: {source: {created: 2026-10-01T09:00:00Z}, elicitation: {attempts: 10}, result: {trials: 400}}",
    fix="Register the protocol (`casegate protocol register`) before the run and run it as registered; a "
        "changed plan is a new registration, and the evaluation is re-run after it.",
)
def protocol_not_followed(ctx: Context) -> Iterator[Hit]:
    required = ctx.policy.preregistration.required
    sev = None if required else RuleSeverity.condition
    for tid in ctx.policy.thresholds:
        for eid, ev in evaluations(ctx.case, tid):
            if ctx.facts is not None and eid in ctx.facts.excluded:
                continue
            path: tuple[str | int, ...] = ("evidence", eid)
            started = run_started(ev)
            when = f"{started:%Y-%m-%dT%H:%M:%SZ}"
            if ctx.protocols is None:
                if required:
                    yield Hit(path, f"`{eid}` ({tid}): not verified: the policy requires a protocol registered "
                                    "before the run, and no registry was consulted to find one",
                              help="gate with the registry the protocols are logged in (--db or $CASEGATE_DATABASE_URL)")
                continue
            proto, after, untrusted = in_force(ctx.protocols, ctx.policy.id, tid, started)
            if proto is None:
                if not required and not after:
                    continue
                if after:
                    p = after[0]
                    yield Hit(path, f"`{eid}` ({tid}) ran at {when}; protocol {p.id} was registered at "
                                    f"{p.logged_at} (log entry {p.log_index}), after the run", severity=sev)
                else:
                    why = f" ({untrusted[0]})" if untrusted else ""
                    yield Hit(path, f"`{eid}` ({tid}) ran at {when} and no trusted protocol for `{tid}` was "
                                    f"registered before it{why}", severity=sev)
                continue
            run = run_values(ctx.case, eid, ev, ctx.facts)
            diff = departures(proto.plan, run)
            if not diff:
                continue
            later = [p for p in after if p.id == proto.id and not departures(p.plan, run)]
            tail = (f"; protocol {proto.id} was registered again at {later[0].logged_at}, after the run, to "
                    "match it") if later else ""
            yield Hit(path, f"`{eid}` ({tid}) departs from protocol {proto.id} (log entry {proto.log_index}, "
                            f"in force when it ran at {when}): {'; '.join(diff)}{tail}", severity=sev)


@rule(
    "CG327", "run-rewritten", severity="blocking", serves="fm-threshold-gaming",
    summary="Since the version compared with, the artifact of an evaluation, red team or safeguard test "
            "(the kinds whose counts the gate reads from their logs), or a further file its counts are "
            "read from (lm-eval's samples file, in `source.files`), was replaced with different bytes while "
            "it still stands for a run of the same day (of such a kind in either version). Audits, reviews, "
            "monitoring, probes and attestations, whose documents the gate does not read counts from, are not "
            "compared.",
    rationale="Once the gate reads counts, elicitation and task sets from the evaluation logs, and "
              "bypasses from the logs of red teams and safeguard tests, the move that is left is to edit "
              "the log itself and pin the new digest: fewer successes, one epoch instead of five, another "
              "model variant, fewer bypasses. A finished run's log does not change; a re-run is new "
              "evidence with its own date and id. The registry keeps every version's artifact digests, so "
              "a rewritten log shows against the version compared with.",
    bad="# previous: E-ctf artifact evals/ctf.json sha256 cb18..., date 2026-10-02\n"
        "E-ctf: {artifact: evals/ctf.json, sha256: 5e2a..., date: 2026-10-02}\n"
        "# previous: E-refusal (safeguard-test) reports/refusal-test.json sha256 40f8..., date 2026-10-25\n"
        "E-refusal: {kind: safeguard-test, artifact: reports/refusal-test.json, sha256: 91c0..., date: 2026-10-25}",
    good="E-ctf: {artifact: evals/ctf.json, sha256: cb18..., date: 2026-10-02}\n"
         "E-ctf-rerun: {artifact: evals/ctf-rerun.json, sha256: 5e2a..., date: 2026-11-02}",
    fix="Restore the run's original log; record a re-run (of an evaluation or a test) as new evidence with "
        "its own id and date.",
)
def run_rewritten(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None:
        return
    against = ctx.compared
    for eid, ev in ctx.case.evidence.items():
        old = prev.evidence.get(eid)
        # in either version: relabelling the item's kind (a test as an audit) keeps the same log
        if (old is None or (ev.kind not in COUNTED_KINDS and old.kind not in COUNTED_KINDS) or not ev.artifact
                or old.artifact != ev.artifact or not ev.sha256 or not old.sha256 or ev.date != old.date):
            continue
        changed = run_files_changed(old, ev)  # the artifact and the files its counts are read from
        if not changed:
            continue
        path: tuple[str | int, ...] = ("evidence", eid) + (("sha256",) if ev.sha256 != old.sha256 else ("source", "files"))
        what = "run" if ev.kind == "eval" or old.kind == "eval" else "test"
        yield Hit(path, f"`{eid}` reads its {what} from other bytes than {against} did, for a {what} of the same day "
                        f"({ev.date}): {'; '.join(changed)}: the {what}'s log was rewritten")


def _renamed_pathways(now: dict[str, tuple[str, Pathway]], before: dict[str, tuple[str, Pathway]]) -> dict[str, str]:
    """Pathway id now -> its id in the version compared with, for a pathway renamed with the same
    steps (a new id, in any domain)."""
    out: dict[str, str] = {}
    for pid, (_dom, old) in before.items():
        if pid not in now:
            same = [q for q, (_d, p) in now.items() if q not in before and q not in out and p.steps == old.steps]
            if same:
                out[same[0]] = pid
    return out


def _lowered(old: Pathway, new: Pathway) -> list[tuple[str, str]]:
    """(field, what) for each way `new` rates the pathway's risk lower than `old` did."""
    out: list[tuple[str, str]] = []
    if new.severity.rank < old.severity.rank:
        out.append(("severity", f"severity {old.severity.value} -> {new.severity.value}"))
    if old.attempts_per_year is not None and (new.attempts_per_year is None or new.attempts_per_year < old.attempts_per_year):
        shown = "none" if new.attempts_per_year is None else f"{new.attempts_per_year:g}"
        out.append(("attempts_per_year", f"attempts per year {old.attempts_per_year:g} -> {shown}"))
    gone = [st for st in old.steps if st not in new.steps]
    if gone:
        # a step left out is one no safeguard need block (CG401) and no layer need cover
        out.append(("steps", f"step{'s' if len(gone) > 1 else ''} {', '.join(f'`{st}`' for st in gone)} left out"))
    return out


@rule(
    "CG329", "pathway-downgraded", severity="blocking", serves="fm-threshold-gaming",
    summary="Since the version compared with, a harm pathway's severity or its expected attempts per "
            "year was lowered, a step of it was left out, or a pathway was removed while its domain is "
            "still addressed, or its domain was scoped out.",
    rationale="Severity and attempt rates are the lab's own numbers, and the safeguard rules key on "
              "them: a severe pathway needs every step blocked, enough layers and a residual risk "
              "under tolerance. Retyping `severe` as `high`, dividing the attempt rate, leaving out the "
              "step no safeguard blocks, or dropping the pathway switches those rules off with no "
              "change in the model, the boundary or the safeguards. A lower rating must be argued and decided on its own, not ride in with the "
              "version it helps.",
    bad="# previous: cyber-ransomware {severity: severe, attempts_per_year: 200}\n"
        "cyber-ransomware: {severity: high, attempts_per_year: 20, steps: [obtain-access, build-exploit, deploy]}",
    good="cyber-ransomware: {severity: severe, attempts_per_year: 200, steps: [obtain-access, build-exploit, deploy]}",
    fix="Keep the pathway, its steps and its earlier rating; a pathway renamed keeps its steps. A rating "
        "that was wrong is corrected in a version decided on its own, with the evidence for the lower rating.",
)
def pathway_downgraded(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None:
        return
    against = ctx.compared
    now, before = ctx.case.pathways(), prev.pathways()
    renamed = {was: q for q, was in _renamed_pathways(now, before).items()}
    tm = ctx.case.threat_model
    for pid, (dom, old) in before.items():
        if pid in now:
            ndom, new = now[pid]
            for field, what in _lowered(old, new):
                yield Hit(("threat_model", ndom, "pathways", pid, field),
                          f"pathway `{pid}` is rated lower than in {against}: {what}")
            continue
        if pid in renamed:  # a pathway under a new id keeps its steps: compare with that one
            q = renamed[pid]
            qdom, new = now[q]
            for field, what in _lowered(old, new):
                yield Hit(("threat_model", qdom, "pathways", q, field),
                          f"pathway `{q}` (`{pid}` in {against}, the same steps) is rated lower: {what}")
            continue
        t = tm.get(dom)
        if t is None or t.scoped_out is not None:
            was = prev.threat_model.get(dom)
            if was is not None and was.scoped_out is None:
                # addressed before, scoped out (or dropped) now: the reason is the lab's word, and
                # every rule that keyed on the pathway goes quiet with it
                yield Hit(("threat_model", dom),
                          f"pathway `{pid}` ({old.severity.value}) of {against} is gone: domain `{dom}`, "
                          f"addressed there, is {'scoped out' if t is not None else 'no longer in the threat model'}")
            continue  # otherwise the domain's own rules (CG201, CG204-CG206) judge it
        yield Hit(("threat_model", dom, "pathways"),
                  f"pathway `{pid}` ({old.severity.value}) of {against} is gone, while domain `{dom}` is still "
                  "addressed")


def _cited(ev_ids: list[str], evidence: dict[str, Evidence]) -> set[str]:
    """What a safeguard's evidence is, by artifact digest where pinned (a renamed item is the same
    item), else by id."""
    return {f"sha256:{ev.sha256}" if (ev := evidence.get(e)) is not None and ev.sha256 else f"id:{e}"
            for e in ev_ids}


def _outside(ev_ids: list[str], evidence: dict[str, Evidence]) -> set[str]:
    """The safeguard's evidence from outside the developer (independent, as its attestations show),
    as `_cited` names it: a newer outside test in place of an older one is as many."""
    return _cited([e for e in ev_ids if (ev := evidence.get(e)) is not None and ev.independent], evidence)


def _keys(eid: str, evidence: dict[str, Evidence]) -> set[str]:
    """An item's identities across versions: its id, and its artifact's digest where pinned."""
    ev = evidence.get(eid)
    return {f"id:{eid}"} | ({f"sha256:{ev.sha256}"} if ev is not None and ev.sha256 else set())


def _tested_on(ev_ids: list[str], evidence: dict[str, Evidence]) -> set[str]:
    """The tasks a safeguard's red teams and safeguard tests ran, as their logs record them."""
    out: set[str] = set()
    for e in ev_ids:
        ev = evidence.get(e)
        if ev is not None and ev.kind in TEST_KINDS and ev.source is not None and ev.source.task:
            out.add(f"`{ev.source.task}`" + (f" v{ev.source.task_version}" if ev.source.task_version else ""))
    return out


@rule(
    "CG355", "safeguard-weakened", severity="blocking", serves="test-4-safeguards",
    summary="Since the version compared with, a safeguard on a pathway still argued was removed, "
            "changed its layer, stopped being a security control, lost evidence from outside the "
            "developer, is tested on another task, rests on the test of a safeguard of another layer, "
            "or claims steps it did not block before on the same evidence.",
    rationale="A safeguard's layer, its security flag and the steps it blocks are the lab's own "
              "words, and the rules key on them: the policy's required layers, independent evidence "
              "for security controls, the residual risk each blocked step is cut by. Relabelling the "
              "identity check as a classifier meets a required layer with no classifier; dropping "
              "`security: true` lets a self-test stand for the weights; pointing the egress limit's "
              "signed test at a misuse step cuts that pathway's risk by a test that never tried it; "
              "swapping an outside red team for an own log keeps the count and loses the outsider; "
              "a test of an easier task, or the refusal test cited for the monitoring, keeps the "
              "numbers and loses what they measured. Each rides in with a version and changes "
              "nothing in the model.",
    bad="# previous: SG-kyc {layer: user-vetting, blocks: [bio.acquire]}; SG-classifier {layer: classifier}\n"
        "SG-kyc: {layer: classifier, blocks: [bio.acquire, bio.troubleshoot], evidence: [E-kyc]}",
    good="SG-kyc: {layer: user-vetting, blocks: [bio.acquire], evidence: [E-kyc]}\n"
         "SG-classifier: {layer: classifier, blocks: [bio.troubleshoot], evidence: [E-redteam-classifier]}",
    fix="Keep the safeguard as the version compared with had it. A safeguard that now blocks more "
        "steps needs a test of those steps; one that changed in kind is a new safeguard with its own "
        "evidence, decided in a version of its own.",
)
def safeguard_weakened(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None:
        return
    against = ctx.compared
    now_pw, before_pw = ctx.case.pathways(), prev.pathways()
    renamed = _renamed_pathways(now_pw, before_pw)
    argued = {renamed.get(q, q) for q in now_pw}

    def as_before(step: str) -> str:
        pw, _, rest = step.partition(".")
        return f"{renamed.get(pw, pw)}.{rest}"

    now_sg, before_sg = ctx.case.safeguards, prev.safeguards
    by_substance = {sg.substance(ctx.case.evidence): sid for sid, sg in now_sg.items() if sid not in before_sg}
    tested_before: dict[str, set[str]] = {}  # an item's identity -> the safeguards it tested
    for osid, osg in before_sg.items():
        for e in osg.evidence:
            for k in _keys(e, prev.evidence):
                tested_before.setdefault(k, set()).add(osid)
    for sid, old in before_sg.items():
        new = now_sg.get(sid)
        if new is None:
            new_id = by_substance.get(old.substance(prev.evidence))
            still = sorted(b for b in old.blocks if b.partition(".")[0] in argued)
            if new_id is None and still:
                yield Hit(("safeguards",), f"safeguard `{sid}` ({old.layer}) of {against} is gone, while the "
                                           f"steps it blocked are still argued: {', '.join(still)}")
            continue
        where = ("safeguards", sid)
        if new.layer != old.layer:
            yield Hit(where + ("layer",), f"safeguard `{sid}` was {old.layer} in {against} and is {new.layer} now")
        if old.security and not new.security:
            yield Hit(where + ("security",), f"safeguard `{sid}` was a security control in {against} and is not now")
        had, has = len(_outside(old.evidence, prev.evidence)), len(_outside(new.evidence, ctx.case.evidence))
        if has < had:
            yield Hit(where + ("evidence",),
                      f"safeguard `{sid}` rests on {has} piece{'' if has == 1 else 's'} of evidence from outside the "
                      f"developer, {had} in {against}")
        was_on, now_on = _tested_on(old.evidence, prev.evidence), _tested_on(new.evidence, ctx.case.evidence)
        if was_on - now_on:
            yield Hit(where + ("evidence",),
                      f"safeguard `{sid}` was tested on {', '.join(sorted(was_on - now_on))} in {against}; its tests "
                      f"now run {', '.join(sorted(now_on)) or 'no task a log records'}: a test of another task is "
                      "not the same test")
        mine = set().union(*(_keys(e, prev.evidence) for e in old.evidence))
        for e in new.evidence:
            keys = _keys(e, ctx.case.evidence)
            others = sorted(o for k in keys - mine for o in tested_before.get(k, ())
                            if o != sid and before_sg[o].layer != new.layer)
            if others and not keys & mine:
                yield Hit(where + ("evidence",),
                          f"safeguard `{sid}` ({new.layer}) now rests on `{e}`, which in {against} tested "
                          + ", ".join(f"`{o}` ({before_sg[o].layer})" for o in dict.fromkeys(others))
                          + ": a test of a safeguard of another layer is not a test of this one")
        grown = sorted(b for b in new.blocks if as_before(b) not in set(old.blocks))
        if grown and _cited(new.evidence, ctx.case.evidence) <= _cited(old.evidence, prev.evidence):
            yield Hit(where + ("blocks",),
                      f"safeguard `{sid}` blocks {', '.join(grown)}, which it did not in {against}, on the same "
                      "evidence: no test of it tried those steps")


@rule(
    "CG420", "safeguard-test-dropped", severity="blocking", serves="fm-threshold-gaming",
    summary="A red team or safeguard test that a safeguard cited in the version compared with no longer "
            "stands for it (its log no longer cited by the safeguard as it was): of the same safeguard "
            "(and, for a test that measures the weights, the same weights: a digest in common, or, with a "
            "registry, weights it hashed for both), at all; otherwise, with no "
            "test of the safeguard dated after it in its place.",
    rationale="Each test of a safeguard is judged on its own (CG406) and the residual risk takes its "
              "factors from the tests that remain, so the test that found the bypasses can simply be "
              "left out of the next version, or cited by another safeguard instead, and a fresh test "
              "with none cited in its place. A test, once submitted, is part of the record. Of the same "
              "safeguard, a newer test is another sample of the same bypass rate, not a correction: it "
              "adds to the old one. A safeguard that changed (another layer or security flag, or "
              "steps that share none with the steps it blocked), or a test of the model's own behaviour "
              "on new weights, may be re-tested: a test dated after the old one (and, with a registry, "
              "first logged after it, and recording its input or output) takes its place. Its "
              "`blocks` and its title are the case's word about the control: steps added to or dropped "
              "from `blocks` leave the old test standing for the steps both versions block, and a new "
              "title alone lets a later test take its place only as a condition someone accepts. A test past the policy's maximum age may go; an "
              "earlier `expires` the case typed over it does not let it go.",
    bad="# previous (same classifier): SG-classifier {evidence: [E-redteam]}  # 41 bypasses in 1,200\n"
        "SG-classifier: {layer: classifier, evidence: [E-redteam-2]}  # 0 in 1,200, the old test left out",
    good="SG-classifier: {layer: classifier, evidence: [E-redteam, E-redteam-2]}",
    fix="Keep the test cited by the safeguard (CG406 judges each test, and the gate counts them all), or "
        "change the safeguard and cite a test of the changed safeguard dated after the old one.",
)
def safeguard_test_dropped(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None:
        return
    against = ctx.compared
    weights_same = same_weights(ctx)
    renamed = {was: q for q, was in _renamed_pathways(ctx.case.pathways(), prev.pathways()).items()}
    for sid, old in prev.safeguards.items():
        new = ctx.case.safeguards.get(sid)
        if new is None:
            continue  # a safeguard gone is CG355's
        cur = [(e, ev) for e in new.evidence if (ev := ctx.case.evidence.get(e)) is not None and ev.kind in TEST_KINDS]
        have = {run_key(e, ev) for e, ev in cur}
        before = {run_key(e, ev) for e in old.evidence if (ev := prev.evidence.get(e)) is not None}
        # no newer than the registry's first logging of it: a re-dated copy of an older test replaces nothing
        # and a test known by its names only (no input or output recorded) may be a renamed copy
        dates = ctx.artifact_dates
        newest = max((evidence_dated(ev, dates) for e, ev in cur
                      if run_key(e, ev) not in before and not (dates is not None and dates.named_only(ev))),
                     default=None)
        was, now = old.definition(), new.definition()
        control, titled, kept = _control_changes(was, now, renamed)
        for e in old.evidence:
            ev = prev.evidence.get(e)
            if ev is None or ev.kind not in TEST_KINDS or run_key(e, ev) in have or aged_out(ev, ctx):
                continue
            on_weights = ev.kind in WEIGHT_KINDS or old.layer in WEIGHT_LAYERS
            same = not control and not titled and (weights_same or not on_weights)
            replaced = not same and newest is not None and newest > ev.date
            if replaced and not (titled and not control and (weights_same or not on_weights)):
                continue  # a later test of the changed safeguard (or of the new weights) took its place
            c = bypass_counts(ev)
            what = (f"`{e}` ({ev.kind}, {ev.date.isoformat()}"
                    + (f", {c[0]} bypass{'' if c[0] == 1 else 'es'} in {c[1]} attempts" if c else "") + ")")
            where = ("safeguards", sid, "evidence")
            # a change to `blocks` is the case's word about the control, not a change to it: the old
            # test still stands for the steps both versions block
            steps = "" if was["blocks"] == now["blocks"] else (
                f", still blocking {', '.join(kept)} (a change to `blocks` is the case's word, not a change to "
                "the control)")
            if replaced:
                yield Hit(where, f"safeguard `{sid}` no longer cites {what}, which tested it in {against}; a later "
                                 f"test takes its place on the word of a new title alone ({titled[0]}): the same "
                                 f"layer{steps or ' blocking the same steps'}", severity=RuleSeverity.condition,
                          help="confirm the control itself changed since the old test (a retrained or replaced "
                               "safeguard), or cite the old test again")
            elif same:
                yield Hit(where, f"safeguard `{sid}` no longer cites {what}, which tested it in {against}: the same "
                                 f"safeguard{' on the same weights' if on_weights else ''}{steps}, so a newer test "
                                 "adds to it, it does not replace it")
            else:
                named = [x for x, xv in cur if dates is not None and dates.named_only(xv) and run_key(x, xv) not in before
                         and evidence_dated(xv, dates) > ev.date]
                yield Hit(where, f"safeguard `{sid}` no longer cites {what}, which tested it in {against}, and no "
                                 "test of it dated later took its place"
                                 + (f" ({', '.join(f'`{x}`' for x in named)} record{'s' if len(named) == 1 else ''} no "
                                    "input or output, so a renamed copy of an earlier test cannot be told from "
                                    f"{'it' if len(named) == 1 else 'them'}: {'its' if len(named) == 1 else 'their'} "
                                    "date is the lab's word)" if named else ""))


def _control_changes(was: dict[str, Any], now: dict[str, Any],
                     renamed: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """How a safeguard's definition (`Safeguard.definition`) changed between versions, as CG420
    weighs it: (the changes to the control itself, a new title, the steps both versions block).
    The control changed when its layer or security flag did, or when it blocks none of the steps
    it blocked (a pathway renamed with its steps is the same pathway); steps added to or dropped
    from `blocks` beside steps it still blocks, and a new title, are the case's word about it."""
    as_before = {step: f"{renamed.get(pw, pw)}.{rest}" for step in now["blocks"]
                 for pw, _, rest in [step.partition(".")]}
    kept = [s for s in now["blocks"] if as_before[s] in set(was["blocks"])]
    control = redefined({**was, "title": now["title"], "blocks": now["blocks"]}, now)
    if was["blocks"] and now["blocks"] and not kept:
        control += redefined({**now, "blocks": was["blocks"]}, now)
    titled = redefined({**now, "title": was["title"]}, now)
    return control, titled, kept


SCOPE_PROPERTIES = tuple(p for p in BOUNDARY_PROPERTIES if p.startswith("scope."))
"""The boundary's scope as CG211 compares it: who may reach the model and how much."""

ACCESS_LAYERS = ("user-vetting", "access-control", "rate-limit", "staged-rollout")
"""Safeguard layers that act on who reaches the model or how much: whom it admits, whom it keeps
out, how much each may ask, how many are let in. A test of one holds for the users it was run
against."""


def _retested(ctx: Context, sid: str, sg: Safeguard, prev: Case) -> bool:
    """Whether the safeguard rests on a test of it made since `prev`: a red team or safeguard test
    naming it (`tests:`), that counts, is not an artifact `prev` cited, and is dated after `prev`
    (by the registry's first log of its artifact too, where one was consulted); when `prev`
    states no date, one that `prev` did not cite under its id either."""
    old_shas = {ev.sha256 for ev in prev.evidence.values() if ev.sha256}
    excluded = ctx.facts.excluded if ctx.facts is not None else {}
    for eid in sg.evidence:
        ev = ctx.case.evidence.get(eid)
        if (ev is None or ev.kind not in TEST_KINDS or sid not in ev.tests or eid in excluded
                or (ev.sha256 is not None and ev.sha256 in old_shas)):
            continue
        if evidence_dated(ev, ctx.artifact_dates) > prev.date if prev.date is not None else eid not in prev.evidence:
            return True
    return False


@rule(
    "CG211", "boundary-scope-widened", severity="blocking", serves="fm-threshold-gaming",
    summary="Since the version compared with, the boundary's scope widened (its users or vetting in other "
            "words, a rate limit that allows more or none, a region added or the region list dropped, a "
            "larger user cap or none, wider access or weights) while a safeguard that acts on who reaches the model or how much "
            "(user vetting, access control, rate limit, staged rollout) still rests only on tests made "
            "before that version.",
    rationale="A vetting test, a rate limit's red team or an access control's test measured the "
              "safeguard against the users the scope admitted then. Rewriting `vetting:` to `none`, "
              "`rate_limit:` to `unlimited` or `regions:` to the world, in the same kind of boundary "
              "with the same access level, lets the safeguard keep the credit its evidence earned "
              "against another population, and no rule on the boundary's kind or access notices. "
              "The gate cannot rank words, so any change of a scope field in words (case and spacing "
              "aside) counts as a widening (fail closed); a ranked field (access, weights, user cap, "
              "regions as a list, a rate limit read as numbers: 600/min and 10/s are one rate) counts "
              "only when it widened. A new test counts when it names the "
              "safeguard in `tests:`, is not set aside, is dated after the version compared with and "
              "is not an artifact that version cited. Safeguards of other layers, and security "
              "controls (`security: true`: weights, insiders), do not act on who uses the deployment "
              "and are left to their own rules; a widened scope with no such safeguard is not this "
              "rule's finding (CG210 holds scoping-outs that rest on the scope to it). Like the "
              "threshold-gaming rules it is weighed against every version compared with, the last "
              "approved one too, so a widening submitted twice still shows.",
    bad="# previous: scope: {vetting: identity verification and use-case review, rate_limit: 600/min}\n"
        "boundary: {kind: api, scope: {access: self-serve, vetting: none, rate_limit: unlimited}}\n"
        "SG-kyc: {layer: user-vetting, evidence: [E-kyc]}  # E-kyc dated before the previous version",
    good="boundary: {kind: api, scope: {access: self-serve, vetting: none, rate_limit: unlimited}}\n"
         "SG-kyc: {layer: user-vetting, evidence: [E-kyc-2]}  # E-kyc-2: a test of SG-kyc dated after it",
    fix="Test those safeguards again under the new scope (a red team or safeguard test of each, naming "
        "it in `tests:`, dated after the version compared with), or restore the scope.",
)
def boundary_scope_widened(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None or prev.boundary is None or ctx.case.boundary is None:
        return
    stale = [(sid, sg) for sid, sg in ctx.case.safeguards.items()
             if sg.layer in ACCESS_LAYERS and not sg.security and sg.blocks and sg.evidence
             and not _retested(ctx, sid, sg, prev)]
    if not stale:
        return
    against = ctx.compared
    scope = ctx.case.boundary.scope
    names = ", ".join(f"`{sid}` ({sg.layer})" for sid, sg in stale)
    made = f"dated no later than that version ({prev.date})" if prev.date is not None else \
        "that version already cited"
    since = f"dated after {prev.date}, the date of {against}" if prev.date is not None else \
        f"one {against} did not cite"
    each = "it" if len(stale) == 1 else "each"
    for prop in SCOPE_PROPERTIES:
        was, now = boundary_value(prev.boundary, prop), boundary_value(ctx.case.boundary, prop)
        if not wider(prop, was, now):
            continue
        field = prop.partition(".")[2]
        where: tuple[str | int, ...] = ("boundary", "scope", field) if now not in (None, []) else \
            ("boundary", "scope") if scope is not None else ("boundary",)
        yield Hit(where,
                  f"`boundary.{prop}` widened since {against} ({shown(was)} -> {shown(now)}), and {names} "
                  f"rest{'s' if len(stale) == 1 else ''} only on tests {made}: "
                  f"{'its' if len(stale) == 1 else 'their'} credit was earned under the old scope",
                  help=f"test {', '.join(f'`{sid}`' for sid, _ in stale)} again under the new scope (a red team "
                       f"or safeguard test of {each}, naming it in `tests:`, {since}), or restore `boundary.{prop}`")


_T = TypeVar("_T")

_STRENGTH = {"restrict": 0, "reopen": 1, "withdraw": 2}
"""Trigger and monitor actions, weakest first, as `triggers run` ranks them."""


def _looser(old: Monitor, new: Monitor) -> str | None:
    """How `new` fires less readily than `old`, in words (None: it does not)."""
    if new.signal != old.signal:  # exact: readings are filed under the signal's name as written
        return (f"it watches {new.signal} where it watched {old.signal}: the readings of {old.signal}, "
                "its breaches among them, no longer reach it")
    if new.op != old.op:
        return f"its condition changed from {old.op} {old.threshold:g} to {new.op} {new.threshold:g}"
    if (new.threshold > old.threshold) if old.op in (">", ">=") else (new.threshold < old.threshold):
        return f"its threshold moved from {old.threshold:g} to {new.threshold:g}, away from firing"
    was, now = parse_window(old.window), parse_window(new.window)
    if was is not None and now is not None and now > was:  # a window that is no duration is CG715's
        return f"its window grew from {old.window} to {new.window}"
    was, now = parse_window(old.max_silence or old.window), parse_window(new.max_silence or new.window)
    if was is not None and now is not None and now > was:
        return (f"it may stay silent longer ({old.max_silence or old.window} -> "
                f"{new.max_silence or new.window}) before its silence reopens the case")
    if _STRENGTH[new.action] < _STRENGTH[old.action]:
        return f"it would {new.action} where it would {old.action}"
    if new.action == old.action == "restrict" and _wider_to(old.to, new.to):
        return f"it would restrict to {_to(new.to)} where it restricted to {_to(old.to)}"
    return None


def _to(b: BoundaryKind | None) -> str:
    return b.value if b is not None else "no named boundary (a reopening)"


def _wider_to(old: BoundaryKind | None, new: BoundaryKind | None) -> bool:
    """Whether a restriction to `new` leaves more exposed than one to `old` (a restriction that
    names no boundary reopens the case instead: it is never the wider)."""
    return new is not None and (old is None or new.rank > old.rank)


def _severity(s: Severity | None) -> str:
    if s is None:
        return "any severity"
    return s.value if s.rank == len(type(s)) - 1 else f"{s.value} or worse"


def _trigger_looser(old: Trigger, new: Trigger) -> list[tuple[str, str]]:
    """(field, how) for each way `new` fires less readily, or does less, than `old`."""
    out: list[tuple[str, str]] = []
    if new.on != old.on:
        out.append(("on", f"it fires on {new.on} where it fired on {old.on}"))
    if new.domain != old.domain:
        out.append(("domain", f"it fires for {new.domain or 'every domain'} only, where it fired for "
                              f"{old.domain or 'every domain'}"))
    if new.monitor != old.monitor and old.monitor is not None:
        out.append(("monitor", f"it fires on monitor `{new.monitor}` where it fired on `{old.monitor}`"))
    if new.min_severity is not None and (old.min_severity is None or new.min_severity.rank > old.min_severity.rank):
        out.append(("min_severity", f"it fires only on incidents rated {_severity(new.min_severity)}, where it "
                                    f"fired on incidents rated {_severity(old.min_severity)}"))
    if _STRENGTH[new.action] < _STRENGTH[old.action]:
        out.append(("action", f"it would {new.action} where it would {old.action}"))
    elif new.action == old.action == "restrict" and _wider_to(old.to, new.to):
        out.append(("to", f"it would restrict to {_to(new.to)} where it restricted to {_to(old.to)}"))
    return out


@rule(
    "CG719", "post-deployment-weakened", severity="blocking", serves="test-7-post-deployment",
    summary="Since the version compared with, a trigger or monitor of the post-deployment plan was "
            "removed, a trigger's action is weaker (withdraw, then reopen, then restrict) or restricts to a "
            "wider boundary, a trigger fires on fewer events (a higher `min_severity`, another or a "
            "narrower domain, another monitor or event), or a monitor fires less readily (another signal, "
            "a threshold moved away from firing, a longer window or `max_silence`, another condition, a "
            "weaker action or a wider restriction).",
    rationale="The plan is what makes a GO revocable: a trigger is how an incident reopens or "
              "withdraws the deployment, a monitor how behaviour at scale reaches the case. Dropping "
              "the bio-incident withdrawal, raising a flag-rate monitor from 0.5% to 99%, or raising an "
              "incident trigger's `min_severity` from high to catastrophic (`triggers run` skips every "
              "incident rated below it) leaves every rule that asks for a plan satisfied and the plan "
              "unable to act. Each rides in with a version and changes nothing in the model.",
    bad="# previous: T-bio-incident {on: incident, domain: cbrn, action: withdraw}; M-flags {threshold: 0.005}\n"
        "post_deployment: {monitors: {M-flags: {signal: flag-rate, threshold: 0.99}}, triggers: {T-expiry: ...}}",
    good="post_deployment: {monitors: {M-flags: {signal: flag-rate, threshold: 0.005}},\n"
         "  triggers: {T-bio-incident: {on: incident, domain: cbrn, action: withdraw}, T-expiry: ...}}",
    fix="Keep the earlier plan's triggers and monitors. A plan loosened for a reason is decided in a "
        "version of its own, with the reason.",
)
def post_deployment_weakened(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None or prev.post_deployment is None:
        return
    against = ctx.compared
    pd = ctx.case.post_deployment
    monitors = pd.monitors if pd is not None else {}
    triggers = pd.triggers if pd is not None else {}
    for mid, old_m in prev.post_deployment.monitors.items():
        got = _counterpart(monitors, mid, _signal, old_m.signal)
        if got is None:
            yield Hit(("post_deployment", "monitors"), f"monitor `{mid}` ({old_m.signal}) of {against} is gone")
        elif (how := _looser(old_m, got[1])) is not None:
            at = got[0]
            was = f"than in {against}" if at == mid else f"than `{mid}` in {against}"
            yield Hit(("post_deployment", "monitors", at), f"monitor `{at}` fires less readily {was}: {how}")
    for tid, old_t in prev.post_deployment.triggers.items():
        found = _counterpart(triggers, tid, _event, _event(old_t))
        if found is None:
            yield Hit(("post_deployment", "triggers"),
                      f"trigger `{tid}` ({old_t.on}{' in ' + old_t.domain if old_t.domain else ''}, "
                      f"{old_t.action}) of {against} is gone")
        else:
            at, new_t = found
            was = f"than in {against}" if at == tid else f"than `{tid}` in {against}"
            for field, how in _trigger_looser(old_t, new_t):
                if field == "action":  # the message this finding has always had
                    yield Hit(("post_deployment", "triggers", at, "action"),
                              f"trigger `{at}` would {new_t.action} where `{tid}` would {old_t.action} in {against}")
                    continue
                where: tuple[str | int, ...] = ("post_deployment", "triggers", at) + (
                    (field,) if getattr(new_t, field) is not None else ())
                yield Hit(where, f"trigger `{at}` fires less readily {was}: {how}")


def _counterpart(items: dict[str, _T], key: str, ident: Callable[[_T], object], want: object
                 ) -> tuple[str, _T] | None:
    """(id, item) of the plan's item `key`, or of the first whose `ident` is `want` (one renamed)."""
    if key in items:
        return key, items[key]
    return next(((k, x) for k, x in items.items() if ident(x) == want), None)


def _signal(m: Monitor) -> object:
    return m.signal


def _event(t: Trigger) -> object:
    return t.on, t.domain, t.monitor


@rule(
    "CG352", "new-weights-old-evidence", severity="blocking", serves="test-3-elicitation",
    summary="The system's digests changed since the version compared with, but evaluations, red-team "
            "tests, sandbagging probes or tests of a safeguard trained into the weights of that version "
            "(the same artifacts, or dated no later than it) are cited for this one.",
    rationale="The digests are what the decision binds to: new digests are new weights (a new fine-tune, "
              "a new checkpoint). An evaluation of the earlier weights says nothing about the capability "
              "or the behaviour of these; carried over, it lets any checkpoint ride on the evidence of "
              "the one that was approved.",
    bad="# previous: digests [sha256:9f2c...]; E-cyber-ctf evals/cyber-ctf.json (2026-10-01)\n"
        "system: {digests: [sha256:9f2c..., sha256:77ab...]}\nevidence: {E-cyber-ctf: {artifact: evals/cyber-ctf.json, date: 2026-10-01}}",
    good="system: {digests: [sha256:77ab...]}\nevidence: {E-cyber-ctf: {artifact: evals/cyber-ctf-77ab.json, date: 2026-12-02}}",
    fix="Evaluate the new weights and cite those runs. If the weights did not change (the same files "
        "digested another way), keep the digests of the version compared with.",
)
def new_weights_old_evidence(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None:
        return
    added = [d for d in ctx.case.system.digests if d not in prev.system.digests]
    if not added:
        return
    against = ctx.compared
    old_shas = {ev.sha256 for ev in prev.evidence.values() if ev.sha256}
    measuring = ctx.case.measuring_weights()
    for eid, ev in ctx.case.evidence.items():
        if eid not in measuring:
            continue
        dated = evidence_dated(ev, ctx.artifact_dates)
        if ev.sha256 is not None and ev.sha256 in old_shas:
            why = f"its artifact is one {against} cited"
        elif prev.date is not None and dated <= prev.date:
            why = f"it is dated {dated}, no later than {against} ({prev.date})"
        else:
            continue
        yield Hit(("evidence", eid),
                  f"the system's weights changed since {against} (new digest {added[0][:19]}...), but `{eid}` "
                  f"({ev.kind}) cannot be a run of them: {why}")


def _noun(inc: IncidentDefeat) -> str:
    """How messages name the defeater."""
    return "the breach" if inc.cause == "monitor" else "the incident"


def _known_since(inc: IncidentDefeat) -> tuple[dt.datetime | None, str]:
    """When the registry logged incident `inc`, if that was after the day it is dated (None
    otherwise), and the incident in words. An answer dates from the incident's date and, when the
    registry logged it later, from then too: the date is its reporter's word, often the lab's, and
    an incident dated back before the lab's existing evidence and attestations would be answered by
    them, while nothing made before the registry logged it was made because of it. A monitor
    breach keeps its breaching window's date."""
    logged = inc.logged_at
    if inc.cause != "incident" or logged is None or logged.date() <= inc.date:
        return None, f"{_noun(inc)} ({inc.date})"
    return logged, f"{_noun(inc)} ({inc.date}, logged {logged.date()})"


def _evidence_answer(ctx: Context, inc: IncidentDefeat, eid: str) -> tuple[bool, str]:
    """Whether evidence `eid` answers the incident (or breach), and why (or why not): it is dated
    after it by its artifact (and, with a registry, the registry did not log its artifact before
    it logged the incident or the trigger the breach fired), or by the case with a signed
    attestation from outside the developer made after it. A date only the case states is the
    lab's word."""
    noun = _noun(inc)
    ev = ctx.case.evidence.get(eid)
    if ev is None:
        return False, f"evidence {eid} is not in the case"
    facts = ctx.facts
    if facts is not None and eid in facts.excluded:
        return False, f"evidence {eid} counts for nothing: {facts.excluded[eid]}"
    if ev.date <= inc.date:
        return False, f"evidence {eid} is dated {ev.date}, not after {noun} ({inc.date})"
    known_at, known = _known_since(inc)
    if facts is not None and facts.basis(eid) == DERIVED:
        # the log's date is the lab's to write; the registry's log is not: bytes it stored
        # before the incident was logged were not produced because of it
        seen = ctx.artifact_dates.first_logged(ev) if ctx.artifact_dates is not None else None
        if seen is not None and inc.log_index is not None and seen.index < inc.log_index:
            logged = f" ({inc.logged_at.date()})" if inc.logged_at is not None else ""
            return False, (f"evidence {eid} is dated {ev.date} by its artifact, but {seen.how()} was first logged "
                           f"on {seen.at.date()} (log entry {seen.index}), before {noun}{logged}")
        if known_at is not None and ev.date < known_at.date():
            # (a run dated the day the incident was logged may follow it: a date has no hour)
            return False, f"evidence {eid} is dated {ev.date} by its artifact, before {known}"
        named = ctx.artifact_dates is not None and ctx.artifact_dates.named_only(ev)
        if not named:
            return True, f"evidence {eid} ({ev.date}, read from its artifact)"
    else:
        named = False
    ind = facts.independence.get(eid) if facts is not None else None
    if ind is not None and ind.independent:
        after = [(who, t) for who, t in zip(ind.attested_by, ind.signed_at, strict=False)
                 if (w := instant(t)) is not None
                 and (w > known_at if known_at is not None else w.date() > inc.date)]
        if after:
            who, t = after[0]
            return True, f"evidence {eid} ({ev.date}; {who}, signed {t[:10]})"
        return False, (f"evidence {eid} is dated {ev.date} by the case, and its attestation was signed before "
                       f"{known}")
    if named:
        # a renamed copy of a run logged before the incident would read the same
        return False, (f"evidence {eid} is dated {ev.date} by its artifact, but its samples record no input or "
                       "output (ids and scores only, or no samples): a copy of an earlier run with its task or "
                       "sample ids renamed cannot be told from it, so its date is the lab's word; record each "
                       f"sample's `input` and `output`, or have it attested by someone outside the developer after {noun}")
    return False, (f"evidence {eid} is dated {ev.date} only by the case (its date is neither read from its artifact "
                   f"nor attested by someone outside the developer after {noun})")


def _watched_pathways(ctx: Context, inc: IncidentDefeat) -> set[str] | None:
    """The pathways of the domain a breached monitor watches, in this version; None when the
    defeater is not a breach or its monitor names no domain (then anything may bear on it)."""
    if inc.cause != "monitor" or not inc.domain:
        return None
    tm = ctx.case.threat_model.get(inc.domain)
    return set(tm.pathways) if tm is not None else set()


def _guards(sg_blocks: list[str], pathways: set[str]) -> bool:
    return any(step.split(".", 1)[0] in pathways for step in sg_blocks)


def _off_watch(ctx: Context, inc: IncidentDefeat, eid: str) -> str | None:
    """Why evidence `eid` does not bear on what the breached monitor watched (None when it does):
    it is about the monitor's domain, tests a safeguard on one of that domain's pathways, or
    stands under a claim the breach defeated. New evidence about something else answers nothing."""
    pathways = _watched_pathways(ctx, inc)
    ev = ctx.case.evidence.get(eid)
    if pathways is None or ev is None or ev.domain == inc.domain:
        return None
    sgs = ctx.case.safeguards
    if any(sid in sgs and _guards(sgs[sid].blocks, pathways) for sid in ev.tests):
        return None
    if eid in _evidence_under(ctx, [c for c in inc.claims if c in ctx.case.argument.elements]):
        return None
    return (f"evidence {eid} is not about what monitor {inc.monitor} watches: not of domain {inc.domain}, testing "
            f"no safeguard on its pathways, under no claim the breach defeated")


def _answer_problems(ctx: Context, inc: IncidentDefeat) -> tuple[list[str], list[str]]:
    """(what answers the incident or breach, why each other link does not)."""
    ans = ctx.case.incident_answers.get(inc.id)
    if ans is None:
        return [], []
    noun = _noun(inc)
    ok: list[str] = []
    bad: list[str] = []
    pathways = _watched_pathways(ctx, inc)
    for eid in ans.evidence:
        off = _off_watch(ctx, inc, eid)
        good, why = (False, off) if off is not None else _evidence_answer(ctx, inc, eid)
        (ok if good else bad).append(why)
    els = ctx.case.argument.elements
    for cid in ans.claims:
        el = els.get(cid)
        before = inc.claims.get(cid)
        if before is None:
            bad.append(f"claim {cid} is not in the case" if el is None else
                       f"claim {cid} is not one {noun} defeated ({', '.join(sorted(inc.claims)) or 'none'})")
            continue
        if el is None:
            same = [k for k, e in els.items() if e.claim is not None and words(e.text) == words(before)]
            near = [k for k, e in els.items() if e.claim is not None and k not in inc.claims
                    and alike(e.text, before)]
            placed = [] if same or near else _in_place_of(ctx, cid, before)
            if same:
                bad.append(f"claim {cid} was withdrawn, but {same[0]} makes it again in the same words")
            elif near or placed:
                # the claim made again under a new id is the claim reworded: it needs new grounds
                again, how = (near[0], "makes it again in nearly the same words") if near else (
                    placed[0][0], f"stands in its place ({placed[0][1]})")
                rests = _new_support(ctx, inc, again)
                if rests is None:
                    bad.append(f"claim {cid} was withdrawn, but {again} {how}, resting on nothing new since {noun}")
                else:
                    ok.append(f"claim {cid} made again as {again}, resting on {rests}")
            else:
                ok.append(f"claim {cid} withdrawn")
        elif words(el.text) == words(before):
            bad.append(f"claim {cid} is unchanged since {inc.version}" + (
                "" if " ".join(el.text.split()) == " ".join(before.split()) else " (but for case, spacing or punctuation)"))
        elif (rests := _new_support(ctx, inc, cid)) is not None:
            ok.append(f"claim {cid} changed, resting on {rests}")
        else:
            bad.append(f"claim {cid} is reworded, but rests on nothing new since {noun}: no evidence under "
                       f"it answers it, and the boundary is not of a narrower kind than in {inc.version}")
    old = set(inc.safeguard_substance)
    blocked_before = _blocked(inc.safeguard_substance)
    for sid in ans.safeguards:
        sg = ctx.case.safeguards.get(sid)
        if sg is None:
            bad.append(f"safeguard {sid} is not in the case")
        elif sid in inc.safeguards:
            bad.append(f"safeguard {sid} was already in {inc.version}")
        elif pathways is not None and not _guards(sg.blocks, pathways):
            bad.append(f"safeguard {sid} blocks no step of a pathway of {inc.domain}, the domain monitor "
                       f"{inc.monitor} watches")
        elif sg.substance(ctx.case.evidence) in old:
            bad.append(f"safeguard {sid} is a safeguard of {inc.version} under a new id (the same layer, steps "
                       "blocked and evidence)")
        elif not set((sg.layer, step) for step in sg.blocks) - blocked_before and not any(
                _evidence_answer(ctx, inc, e)[0] for e in sg.evidence):
            bad.append(f"safeguard {sid} blocks no step at its layer ({sg.layer}) that a safeguard of {inc.version} "
                       f"did not already block, and rests on no evidence new since {noun}")
        else:
            ok.append(f"safeguard {sid} added")
    if ans.boundary:
        narrower = _narrower(ctx, inc)
        (ok if narrower else bad).append("boundary narrowed" if narrower else _not_narrower(ctx, inc))
    return ok, bad


def _blocked(substances: list[str]) -> set[tuple[str, str]]:
    """(layer, step) of every step a safeguard of the defeated version blocked, read from their
    `Safeguard.substance` ([layer, steps blocked, evidence, security])."""
    out: set[tuple[str, str]] = set()
    for sub in substances:
        try:
            got = json.loads(sub)
        except ValueError:
            continue
        if isinstance(got, list) and len(got) >= 2 and isinstance(got[1], list):
            out.update((str(got[0]), str(step)) for step in got[1])
    return out


def _narrower(ctx: Context, inc: IncidentDefeat) -> bool:
    """Whether the case's boundary is of a lower rank than the one of the version the incident
    defeated: a narrower kind, which `verify` holds every deploy to. A tool dropped within the same
    kind is not: every deploy must name its kind to `verify`, but it is held to the signed tools
    only as far as its pipeline names the tools it switches on (naming none passes as giving none)."""
    b = ctx.case.boundary
    return b is not None and inc.boundary_rank is not None and b.kind.rank < inc.boundary_rank


def _not_narrower(ctx: Context, inc: IncidentDefeat) -> str:
    """Why the boundary is not narrower than the defeated version's: of the same kind, the tools
    it drops are named, where a tool its words still grant is not dropped (`granted_tools`)."""
    b = ctx.case.boundary
    dropped = sorted(set(inc.tools) - set(granted_tools(ctx))) if b is not None else []
    if b is not None and b.kind.rank == inc.boundary_rank and dropped:
        return (f"the boundary is the same kind as in {inc.version}, without {', '.join(dropped)}; "
                "a tool dropped on paper is not checked at deploy unless the pipeline names every tool it switches on "
                "(verify holds every deploy to the boundary's kind, and to its tools only as declared), so "
                "it is not a narrower boundary")
    return f"the boundary is not narrower than in {inc.version}"


def _evidence_under(ctx: Context, roots: list[str]) -> list[str]:
    """The evidence cited by the elements `roots` or by an element they rest on, in walk order."""
    evidence = ctx.index.fields["evidence"]
    seen: set[str] = set()
    out: dict[str, None] = {}
    todo = list(reversed(roots))
    while todo:
        el = todo.pop()
        if el in seen:
            continue
        seen.add(el)
        out.update(dict.fromkeys(evidence.get(el, ())))
        todo.extend(ctx.index.support.get(el, ()))
    return list(out)


def _in_place_of(ctx: Context, cid: str, before: str) -> list[tuple[str, str]]:
    """(claim, how it was found) for each claim of this version that stands in the place of claim
    `cid`, gone from it, as CG806 follows a claim (`_Successors`: under the parent it supported,
    citing a run it cited, making the same capability assertion), read from the first earlier
    version held (the version compared with, then the registry's) that made `cid` in the words the
    incident defeated. Empty when none does, or no such version is held."""
    from .defeaters import _Successors

    for v in [ctx.previous, *ctx.history]:
        if v is None:
            continue
        el = v.argument.elements.get(cid)
        if el is None or el.claim is None or words(el.text) != words(before):
            continue
        els = ctx.case.argument.elements
        return [(x, how) for x, how in _Successors(ctx, v).follow(cid) if x != cid and els[x].claim is not None]
    return []


def _new_support(ctx: Context, inc: IncidentDefeat, cid: str) -> str | None:
    """What new a reworded claim rests on: evidence under it (cited by it or by an element it
    rests on) that answers the incident, or a narrower kind of boundary; None when nothing. Words alone
    change nothing: a phrase appended to a defeated claim is not an answer."""
    for eid in _evidence_under(ctx, [cid]):
        if _evidence_answer(ctx, inc, eid)[0]:
            return f"evidence {eid}"
    return "a narrower kind of boundary" if _narrower(ctx, inc) else None


@rule(
    "CG708", "incident-unanswered", severity="blocking", serves="test-7-post-deployment",
    summary="An incident defeated claims of an earlier version of the case, and this version does not "
            "answer it (under `incident_answers`) with new evidence dated after it by its artifact (an "
            "artifact the registry first logged after the incident) or by an outside attestation signed "
            "after it, a defeated claim changed in substance or withdrawn, "
            "a safeguard that is new in substance (not one of that version's under a new id) or a "
            "narrower kind of boundary.",
    rationale="An incident that defeated a claim is a defeater with the strongest possible evidence "
              "behind it. A new version that keeps the defeated claim, adds a larger evaluation run "
              "before the incident and asks for a clean GO has not learnt anything; the next decision "
              "must show what changed because of it. Citing a claim the incident did not defeat, "
              "rewording one in case or spacing only, renaming a safeguard, or typing a later date on "
              "evidence changes nothing, and answers nothing. A log's date is written by the lab too: an "
              "artifact the registry stored before it logged the incident was not produced because of "
              "it, whatever date it now carries or whichever evidence id cites it. A reworded claim "
              "counts only when it rests on something new since the incident (evidence under it that "
              "answers it, or a narrower kind of boundary): a phrase appended to a defeated claim "
              "changes its words, not its grounds, and so does withdrawing it and making it again under a "
              "new id in nearly the same words, or in other words where it stood (under the parent it "
              "supported, citing a run it cited, or making the same capability assertion, as CG806 follows "
              "a claim through the version the incident defeated). A safeguard counts when it blocks a step no old safeguard "
              "blocked at its layer, or rests on new evidence: an old one cut down and renamed does not. "
              "A tool dropped from a boundary of the same kind is "
              "not a narrower boundary: every deploy must name its kind to `verify`, but it is held to the "
              "signed tools only as far as the pipeline names the tools it switches on (one that names none "
              "passes as giving none). An answer made of claims alone must change or withdraw every claim the "
              "incident defeated. The finding can never be waived, whatever the policy says.",
    bad="# incident-12 (cyber, 2026-12-03) defeated G2 of version 1.0\n"
        "incident_answers: {}",
    good="incident_answers:\n"
         "  incident-12: {evidence: [E-ctf-2026-12], claims: [G2], safeguards: [SG-exploit-filter],\n"
         "                note: re-evaluated with the exploit chain; claim narrowed to unassisted use}",
    fix="Answer the incident under `incident_answers.<incident id>`: link new evidence whose artifact "
        "dates it after the incident and was first logged after it (or that an outside evaluator "
        "attested after it), a defeated claim "
        "you changed, a safeguard that blocks or rests on something the old ones did not, or a "
        "narrower kind of boundary.",
)
def incident_unanswered(ctx: Context) -> Iterator[Hit]:
    yield from _unanswered(ctx, "incident")


def _unanswered(ctx: Context, cause: str) -> Iterator[Hit]:
    """A hit for each defeater of kind `cause` that this version does not answer."""
    for inc in ctx.incidents:
        if inc.cause != cause:
            continue
        ok, bad = _answer_problems(ctx, inc)
        if ok and all(o.startswith("claim ") for o in ok):
            # an answer made of claims alone must answer every claim the incident defeated
            missing = sorted(set(inc.claims) - {o.split()[1] for o in ok})
            if missing:
                bad.append(f"{', '.join(missing)} (defeated too) {'is' if len(missing) == 1 else 'are'} neither "
                           "changed nor withdrawn, and the answer links no new evidence, safeguard or "
                           "narrower boundary")
                ok = []
        if ok:
            continue
        what = (f"{inc.id} ({inc.domain}, {inc.severity}, {inc.date})" if inc.cause == "incident" else
                f"{inc.id} ({inc.reason or f'monitor {inc.monitor} breached on {inc.date}'}; the trigger's action: "
                f"{inc.severity})")
        what += f" defeated {', '.join(sorted(inc.claims)) or 'claims'} of {inc.version}"
        if inc.id not in ctx.case.incident_answers:
            yield Hit(("incident_answers",) if ctx.case.incident_answers else (),
                      f"{what}; this version does not answer it")
        else:
            yield Hit(("incident_answers", inc.id), f"{what}; nothing in the answer holds: {'; '.join(bad) or 'it links nothing'}")


@rule(
    "CG718", "monitor-breach-unanswered", severity="blocking", serves="test-7-post-deployment",
    summary="A monitor breached and fired a trigger (restrict, reopen or withdraw) against an earlier "
            "version of the case, and this version does not answer the breach (under "
            "`incident_answers.breach-<log index>`) with new evidence about what the monitor watches, "
            "dated after the breach as CG708 requires, a defeated claim changed in substance or "
            "withdrawn, a new safeguard on a pathway of the monitored domain, or a narrower kind of "
            "boundary.",
    rationale="A breached monitor is the deployment telling the lab that a safeguard or a claim did "
              "not hold at scale: the signal it watches crossed the line the case itself drew. The "
              "breach defeats the claims of the domain the monitor watches (every claim when it names "
              "none), as an incident does. A version that changes only its number and asks again is "
              "the same argument the breach defeated; once its window has passed, nothing in the "
              "samples still holds it back, so the registry carries the breach into the next "
              "judgement. The answer is held to CG708's measure, and to what the monitor watched: "
              "evidence must be about its domain, test a safeguard on that domain's pathways or stand "
              "under a defeated claim, and a new safeguard must block a step of that domain; a fresh "
              "evaluation of something else answers nothing. The finding can never be waived, whatever the "
              "policy says.",
    bad="# monitor M-bio-flags (cbrn) breached on 2026-12-02; trigger-fired entry 9 restricted version 1.0\n"
        "incident_answers: {}",
    good="incident_answers:\n"
         "  breach-9: {safeguards: [SG-bio-screen], note: a protocol screen added after the flag rate rose}",
    fix="Answer the breach under `incident_answers.breach-<log index>` (`casegate history` lists the "
        "trigger that fired): link new evidence about what the monitor watches whose artifact dates "
        "it after the breach, a defeated claim you changed or withdrew, a safeguard that blocks a new "
        "step of the monitored domain, or a narrower kind of boundary.",
)
def monitor_breach_unanswered(ctx: Context) -> Iterator[Hit]:
    yield from _unanswered(ctx, "monitor")


def _id_words(text: str) -> list[str]:
    """The words of a sample id or an attack's name: its runs of letters and digits, case folded."""
    return "".join(c if c.isalnum() else " " for c in text.casefold()).split()


def _names_attack(sample_id: str, attack: list[str]) -> bool:
    """Whether a sample id holds the attack's name (`attack`, its words) as whole words in a row."""
    ws = _id_words(sample_id)
    return any(ws[i:i + len(attack)] == attack for i in range(len(ws) - len(attack) + 1))


def _tests_since(ctx: Context, inc: Any, unread: bool = False) -> Iterator[tuple[str, Any]]:
    """(evidence id, its run) of each red team or safeguard test of the incident's domain (one
    citing a safeguard that blocks a step of the domain's pathways; any, where the case names no
    such domain) run on or after the incident's date, whose log casegate reads; with `unread`, also
    each with no log casegate reads (its run None: counts typed, say)."""
    threats = ctx.case.threat_model.get(inc.domain)
    paths = set(threats.pathways) if threats is not None else set()
    of_domain = {sid for sid, sg in ctx.case.safeguards.items() if any(b.split(".", 1)[0] in paths for b in sg.blocks)}
    for eid, ev in ctx.case.evidence.items():
        run = ctx.facts.derived(eid) if ctx.facts is not None else None
        if ev.kind not in TEST_KINDS or (run is None and not unread) or ev.date < inc.date:
            continue
        if paths and ev.tests and not of_domain & set(ev.tests):
            continue
        yield eid, run


def _attack_runs(ctx: Context, inc: Any, attack: list[str]) -> list[tuple[str, int, int]]:
    """(evidence id, samples of the attack that got through, samples of the attack) of each red
    team or safeguard test of the incident's domain, run on or after its date, whose log holds a
    sample of the attack."""
    out: list[tuple[str, int, int]] = []
    for eid, run in _tests_since(ctx, inc):
        got: dict[str, float] = {}
        for sid, score in run.per_sample():
            if _names_attack(sid, attack):
                got[sid] = max(got.get(sid, 0.0), score)
        if got:
            out.append((eid, sum(1 for s in got.values() if s >= 1.0), len(got)))
    return out


@rule(
    "CG432", "incident-attack-untested", severity="blocking", serves="test-7-post-deployment",
    summary="An incident that defeated claims of an earlier version names the attack it came through "
            "(`incident report --attack`), and no red team or safeguard test of this version's safeguards "
            "in its domain, run since, holds a sample of that attack (a sample whose id names it), or the "
            "attack's samples alone show a bypass rate whose upper bound exceeds the policy's "
            "`tolerance.max_bypass_rate` while the whole run's is within it.",
    rationale="A universal jailbreak that spread after launch is the attack the relaunch must be shown to "
              "stop: a new red team of the patched safeguard that leaves it out, or holds a handful of its "
              "samples among many others, measures the safeguard against attacks it already held and "
              "answers the incident with a bypass rate that says nothing about it. Where the incident's "
              "record names the attack, the logs must hold it: the samples named for it are counted on "
              "their own, as a test of their own. The finding can never be waived, whatever the policy says.",
    bad="# incident-7 (cbrn, 2026-11-10, attack: ciphered-persona) defeated G-bio of version 1.0\n"
        "E-cbrn-redteam: {kind: red-team, tests: [SG-cbrn-classifier]}   # 600 samples, none named ciphered-persona",
    good="E-cbrn-redteam: {kind: red-team, tests: [SG-cbrn-classifier]}   # 200 of its 600 samples named "
         "cbrn-redteam-ciphered-persona-NNN, 2 through",
    fix="Red-team the safeguards of the incident's domain again with the attack the incident names, enough of "
        "its samples (their ids naming it) that their own bound is within tolerance, and cite the log.",
)
def incident_attack_untested(ctx: Context) -> Iterator[Hit]:
    pol = ctx.policy
    tol = pol.tolerance.max_bypass_rate
    for inc, name in ((i, a) for i in ctx.incidents if i.cause == "incident" for a in i.attacks()):
        attack = _id_words(name)
        if not attack:
            continue
        what = f"{inc.id} ({inc.domain}, {inc.severity}, {inc.date}) came through the attack `{name}`"
        runs = _attack_runs(ctx, inc, attack)
        where = ("incident_answers", inc.id) if inc.id in ctx.case.incident_answers else ()
        if not runs:
            yield Hit(where, f"{what}, and no red team or safeguard test of this version's `{inc.domain}` "
                             "safeguards run since holds a sample of it (a sample whose id names it): the attack "
                             f"that defeated {inc.version} is not shown held")
            continue
        for eid, got, n in runs:
            whole = bypass_counts(ctx.case.evidence[eid])
            if whole is not None and upper_bound(whole[0], whole[1], pol.confidence, pol.interval) > tol:
                continue  # CG406 names the run as a whole
            u = upper_bound(got, n, pol.confidence, pol.interval)
            if u > tol:
                yield Hit(("evidence", eid),
                          f"{what}: `{eid}` let {got} of its {n} samples of it through, {pol.confidence:.0%} one-sided "
                          f"{pol.interval} upper bound {u:.3f} over the tolerance {tol:g} (the whole run, "
                          f"{whole[0] if whole else '?'} in {whole[1] if whole else '?'}, is within it)")


_NO_ATTACK_OWED = ("low", "moderate")
"""The severities (judged: a rating since counts) at which an incident answered by a red team need
not name the attack it came through (CG440); any other, an unreadable one included, must."""


def _judged(severity: str) -> str:
    """The severity an incident is judged at, from its words ("low, raised to severe": severe);
    the words as given where they end in no severity."""
    return severity.rsplit(" ", 1)[-1]


@rule(
    "CG440", "incident-attack-unnamed", severity="blocking", serves="test-7-post-deployment",
    summary="An incident of high severity or graver that defeated claims of an earlier version names no "
            "attack it came through (`incident report --attack`, `incident attack --attack`), nobody "
            "recorded that it came through none (`incident attack --none`), and a red team or safeguard "
            "test of this version's safeguards in its domain, run since, stands to answer it.",
    rationale="CG432 holds a relaunch's tests to the attack an incident names; an incident recorded without "
              "one names nothing the logs must hold, and a red team of the patched safeguard that leaves the "
              "jailbreak out answers it with a bypass rate that says nothing about it. Whether a grave "
              "incident came through an attack on the safeguards is a fact the decision needs: it is on the "
              "registry's log, named by anyone (a named attack is never taken away), or recorded as none (a "
              "weights leak, a bug) by someone who says why. The finding can never be waived, whatever the "
              "policy says.",
    bad="# incident-7 (cbrn, high, 2026-11-10) defeated G-bio of version 1.0; no attack named\n"
        "E-cbrn-redteam: {kind: red-team, tests: [SG-cbrn-classifier], date: 2026-11-24}",
    good="# casegate incident attack 7 --case shrike-1-api --attack ciphered-persona --by ... --reason ...\n"
         "E-cbrn-redteam: {kind: red-team, tests: [SG-cbrn-classifier], date: 2026-11-24}   # 200 samples named for it",
    fix="Name the attack the incident came through (`casegate incident attack INDEX --case CASE --attack NAME "
        "--by WHO --reason WHY`, the board's POST .../incidents/INDEX/attacks), as the red team names its samples "
        "of it, then test it (CG432); where it came through no attack on the safeguards (a weights leak, a bug), "
        "record that instead (`--none`, saying why).",
)
def incident_attack_unnamed(ctx: Context) -> Iterator[Hit]:
    for inc in ctx.incidents:
        if inc.cause != "incident" or inc.attacks() or inc.no_attack is not None:
            continue
        if _judged(inc.severity) in _NO_ATTACK_OWED:
            continue
        tests = [f"`{eid}`" if run is not None else f"`{eid}` (counts typed, no log casegate reads: they cannot "
                 "show the attack was in the test)" for eid, run in _tests_since(ctx, inc, unread=True)]
        if not tests:
            continue
        index = inc.log_index if inc.log_index is not None else inc.id.removeprefix("incident-")
        where = ("incident_answers", inc.id) if inc.id in ctx.case.incident_answers else ()
        yield Hit(where, f"{inc.id} ({inc.domain}, {inc.severity}, {inc.date}) names no attack it came through, and "
                         f"{', '.join(tests)}, a red team or safeguard test of this version's "
                         f"`{inc.domain}` safeguards run since, stands to answer it: which attack its logs must hold "
                         "is not verified. Record it: `casegate incident attack "
                         f"{index} --case {inc.case or ctx.case.id} --attack NAME --by WHO --reason WHY`, or, where "
                         "it came through no attack on the safeguards (a weights leak, a bug), `--none`")
