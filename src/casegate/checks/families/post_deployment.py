"""CG7xx: post-deployment review is part of the case (seed test 7): monitoring, triggers,
withdrawal, re-evaluation, model-change control and incident reporting."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .._derived import capability_status, weights_access
from .._registry import Context, Hit, rule

if TYPE_CHECKING:
    from ...model import Monitor, Policy
    from ...model._policy import SignalBound

_PD = ("post_deployment",)


@rule(
    "CG700", "no-post-deployment-plan", severity="blocking", serves="test-7-post-deployment",
    summary="The case has no post-deployment plan at all.",
    rationale="A case that cannot be reopened after launch is a launch memo: frontier models change, "
              "attackers adapt and users find new affordances.",
    bad="# no post_deployment section",
    good="post_deployment:\n  monitors: {M1: {signal: classifier-flag-rate, threshold: 0.005, action: reopen}}\n"
         "  triggers: {T1: {on: incident, min_severity: high, action: reopen}}\n"
         "  reevaluate_by: 2027-04-01\n  model_change_control: New weights need a new case version.\n"
         "  withdrawal: [A severe incident linked to the model]",
    fix="Add a `post_deployment` section with monitors, triggers, withdrawal conditions, a "
        "re-evaluation date and model-change control.",
)
def no_plan(ctx: Context) -> Iterator[Hit]:
    if ctx.case.post_deployment is None:
        yield Hit(("id",), "the case has no `post_deployment` section")


@rule(
    "CG701", "no-monitors", severity="blocking", serves="test-7-post-deployment",
    summary="The post-deployment plan watches no signal.",
    rationale="Without monitoring nobody learns that the model behaves differently at scale until harm is reported.",
    bad="post_deployment:\n  monitors: {}",
    good="post_deployment:\n  monitors:\n    M1: {signal: classifier-flag-rate, op: '>', threshold: 0.005, window: 24h, action: reopen}",
    fix="Declare at least one monitor: the signal, its breach threshold and what a breach does.",
)
def no_monitors(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is not None and not pd.monitors:
        yield Hit(_PD, "the post-deployment plan declares no monitors")


@rule(
    "CG702", "no-triggers", severity="blocking", serves="test-7-post-deployment",
    summary="No event reopens, restricts or withdraws the deployment.",
    rationale="Monitoring that cannot change the decision is observation, not review; triggers are "
              "what make the case reopen when the world changes.",
    bad="post_deployment:\n  triggers: {}",
    good="post_deployment:\n  triggers:\n    T1: {on: incident, domain: cyber, min_severity: high, action: reopen}",
    fix="Declare triggers (incidents, monitor breaches, new capability results, model changes) and their actions.",
)
def no_triggers(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is not None and not pd.triggers:
        yield Hit(_PD, "the post-deployment plan declares no triggers")


@rule(
    "CG703", "no-withdrawal-condition", severity="blocking", serves="test-7-post-deployment",
    summary="Nothing would withdraw the deployment.",
    rationale="A gate that can only ever open is not a gate; the case must say what evidence would force retreat.",
    bad="post_deployment:\n  withdrawal: []",
    good="post_deployment:\n  withdrawal:\n    - A biological incident of moderate severity or worse linked to the model.",
    fix="State the withdrawal conditions (or a trigger whose action is `withdraw`).",
)
def no_withdrawal(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is None:
        return
    if not pd.withdrawal and not any(t.action == "withdraw" for t in pd.triggers.values()):
        yield Hit(_PD, "the post-deployment plan names no withdrawal condition and no trigger withdraws")


@rule(
    "CG704", "no-reevaluation-date", severity="blocking", serves="test-7-post-deployment",
    summary="The case sets no date by which it must be re-evaluated.",
    rationale="Evidence ages and capabilities move; without a date the case never has to be looked at again.",
    bad="post_deployment:\n  monitors: {...}\n  # no reevaluate_by",
    good="post_deployment:\n  reevaluate_by: 2027-04-01",
    fix="Set `reevaluate_by` to the date the case must be gated again.",
)
def no_reevaluation(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is not None and pd.reevaluate_by is None:
        yield Hit(_PD, "the post-deployment plan sets no `reevaluate_by` date")


@rule(
    "CG705", "reevaluation-overdue", severity="blocking", serves="test-7-post-deployment",
    summary="The re-evaluation date has already passed.",
    rationale="A case past its re-evaluation date is relying on a review that did not happen.",
    bad="post_deployment:\n  reevaluate_by: 2026-06-01   # gated on 2026-11-27",
    good="post_deployment:\n  reevaluate_by: 2027-04-01",
    fix="Re-evaluate the case (fresh evidence, new sign-offs) and set the next date.",
)
def reevaluation_overdue(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is not None and pd.reevaluate_by is not None and pd.reevaluate_by < ctx.today:
        yield Hit(_PD + ("reevaluate_by",), f"the re-evaluation date {pd.reevaluate_by.isoformat()} "
                  f"is before the decision date {ctx.today.isoformat()}")


@rule(
    "CG706", "no-model-change-control", severity="blocking", serves="test-7-post-deployment",
    summary="Nothing controls changes to the model after the decision.",
    rationale="The decision binds to specific weights; a new checkpoint, fine-tune or tool that "
              "slips in without a new gate run is a different system with no case.",
    bad="post_deployment:\n  # no model_change_control, no model-change trigger",
    good="post_deployment:\n  model_change_control: Served weights are pinned by digest; any change needs a new gate run.",
    fix="Describe `model_change_control`, or add a trigger `on: model-change`.",
)
def no_model_change_control(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is None:
        return
    has_text = bool(pd.model_change_control and pd.model_change_control.strip())
    if not has_text and not any(t.on == "model-change" for t in pd.triggers.values()):
        yield Hit(_PD, "the post-deployment plan has no `model_change_control` and no `model-change` trigger")


@rule(
    "CG707", "no-incident-reporting", severity="condition", serves="test-7-post-deployment",
    summary="The plan says neither how incidents are reported nor what an incident triggers.",
    rationale="Incidents are the most direct evidence that an argument failed; without a reporting "
              "route they never reach the case.",
    bad="post_deployment:\n  # no incident_reporting, no trigger on: incident",
    good="post_deployment:\n  incident_reporting: Incidents go to the safety on-call within one hour.",
    fix="Describe `incident_reporting`, or add a trigger `on: incident`.",
)
def no_incident_reporting(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is None:
        return
    has_text = bool(pd.incident_reporting and pd.incident_reporting.strip())
    if not has_text and not any(t.on == "incident" for t in pd.triggers.values()):
        yield Hit(_PD, "the post-deployment plan has no `incident_reporting` and no `incident` trigger")


@rule(
    "CG713", "at-scale-hollow", severity="blocking", serves="test-7-post-deployment",
    summary="The answer to 'What happens if the model behaves differently at scale?' carries no "
            "content ('We will keep an eye on it').",
    rationale="Behaviour at scale is where the pre-deployment evidence runs out; the answer must say "
              "what is watched and what a change would do. Boilerplate reads as an answer and "
              "commits to nothing. The boilerplate list is the policy's (`text.hollow`).",
    bad="post_deployment:\n  at_scale: We will keep an eye on it.",
    good="post_deployment:\n  at_scale: Classifier flag rates are watched daily; a rise past the monitor thresholds reopens the case.",
    fix="Say what is watched at scale, at what level, and what a change would do to the case.",
)
def at_scale_hollow(ctx: Context) -> Iterator[Hit]:
    from .._text import hollow_reason

    pd = ctx.case.post_deployment
    if pd is None or pd.at_scale is None:
        return
    why = hollow_reason(pd.at_scale, ctx.policy,
                        question="What happens if the model behaves differently at scale?")
    if why is not None:
        yield Hit(_PD + ("at_scale",), f"the at-scale answer carries no content: {why}")


_SEVERITY_WORDS = ("low", "moderate", "high", "severe", "catastrophic")


def _measurable(text: str, ids: set[str], signals: set[str]) -> bool:
    from .._text import as_read

    # as it reads: an `іncident` of `hіgh` severity with Cyrillic `і` names an incident severity
    low = as_read(text).casefold()
    if any(ch.isdigit() for ch in text):
        return True
    if any(as_read(i).casefold() in low for i in ids | signals):
        return True
    return "incident" in low and any(w in low.split() or f"{w}-" in low for w in _SEVERITY_WORDS)


@rule(
    "CG714", "withdrawal-condition-unmeasurable", severity="blocking", serves="test-7-post-deployment",
    summary="A withdrawal condition names nothing that can be observed: no monitor, trigger, "
            "monitored signal, number or incident severity ('if leadership decides').",
    rationale="A withdrawal condition is a promise about evidence that would force retreat. One that "
              "refers to no measurable quantity cannot be checked, cannot fire, and is met only when "
              "someone chooses it to be: the gate can only ever open.",
    bad="post_deployment:\n  withdrawal: [If leadership decides the risk is too high.]",
    good="post_deployment:\n  withdrawal:\n    - A biological incident of moderate severity or worse linked to the model.\n"
         "    - The M-bio-flags rate above 0.1% for a week.",
    fix="Tie each condition to a monitor or trigger id, a monitored signal, a number, or an incident "
        "severity.",
)
def withdrawal_condition_unmeasurable(ctx: Context) -> Iterator[Hit]:
    from .._text import hollow_reason

    pd = ctx.case.post_deployment
    if pd is None:
        return
    ids = set(pd.monitors) | set(pd.triggers)
    signals = {m.signal for m in pd.monitors.values()}
    for i, w in enumerate(pd.withdrawal):
        why = hollow_reason(w, ctx.policy)
        if why is None and _measurable(w, ids, signals):
            continue
        detail = why or "it names no monitor, trigger, signal, number or incident severity"
        yield Hit(_PD + ("withdrawal", i), f"withdrawal condition \"{w.strip()}\" cannot be observed: {detail}")


_BOUNDED = (r"(?<![a-z0-9])(?:rates?|ratios?|shares?|fractions?|proportions?|percent[^a-z0-9]+of)(?![a-z0-9])(?![^a-z0-9]+limit)"
            r"(?![^a-z0-9]+per[^a-z0-9]*(?:\d+(?:[.,]\d+)?[km]?|hundred|thousand|million|billion)(?![a-z0-9]))")
"""Signals named with these words are proportions in [0, 1] unless the monitor gives a range: whole
words of the name (`flag-rate`, `refusal_ratio`, `flagRate`), not parts of others (`exfiltration-attempts`,
`registrations-per-day`, `generated-exploits`, `moderated-requests`, `shared-links`, `rate-limit-hits`
are counts), nor a rate per a scaled base (`error-rate-per-1k`, `rate per 1000`), which can exceed 1. Matched on the
name as read, lower case, with camel case split."""


def signal_range(signal: str, declared: tuple[float, float] | None) -> tuple[float, float] | None:
    """The range a monitored signal can take: the declared one, [0, 1] for a signal named as a rate
    or proportion, else None (unbounded)."""
    if declared is not None:
        return declared
    return _named_range(signal)


def _named_range(signal: str) -> tuple[float, float] | None:
    """[0, 1] for a signal named as a rate or proportion, else None."""
    import re

    from .._text import as_read

    # `bypass-rаte` with a Cyrillic `а` is a rate too; `flagRate` is `flag-rate`
    low = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", as_read(signal)).casefold()
    return (0.0, 1.0) if re.search(_BOUNDED, low) is not None else None


def _policy_signal(policy: Policy, signal: str) -> tuple[str, SignalBound] | None:
    """The policy's entry for `signal` (names compared as they read), or None."""
    from ...model._names import latin_form

    want = latin_form(signal)
    return next(((name, b) for name, b in policy.post_deployment.signals.items() if latin_form(name) == want), None)


def _outside(inner: tuple[float, float], outer: tuple[float, float]) -> bool:
    return inner[0] < outer[0] or inner[1] > outer[1]


def _range_hits(mid: str, m: Monitor, policy: Policy, path: tuple[str | int, ...]) -> tuple[tuple[float, float] | None,
                                                                                         list[Hit]]:
    """The range `m`'s threshold is judged against, and the findings about the range itself: a
    monitor's declared `range` is the lab's word, so it narrows what the signal's name (a rate is in
    [0, 1]) or the policy's `post_deployment.signals` establish and never widens it."""
    out: list[Hit] = []
    known = _policy_signal(policy, m.signal)
    if known is not None and known[1].range is not None:
        source, rng = f"the policy's `post_deployment.signals.{known[0]}`", known[1].range
    elif (named := _named_range(m.signal)) is not None:
        source, rng = "its name (a rate or proportion)", named
    else:
        return m.range, out  # only the lab's word: a count the policy does not define
    if m.range is None:
        return rng, out
    if _outside(m.range, rng):
        out.append(Hit(path + ("range",),
                       f"monitor `{mid}` declares {m.signal} in [{m.range[0]:g}, {m.range[1]:g}], wider than the "
                       f"[{rng[0]:g}, {rng[1]:g}] {source} gives it: a declared range narrows the signal's range, "
                       "it cannot put a threshold beyond what the signal reaches",
                       help=f"drop `range` or keep it within [{rng[0]:g}, {rng[1]:g}]"))
    return (max(m.range[0], rng[0]), min(m.range[1], rng[1])), out


def _bound_hit(mid: str, m: Monitor, policy: Policy, path: tuple[str | int, ...]) -> Hit | None:
    """A monitor of a signal the policy defines with a breach level that breaches later than it."""
    known = _policy_signal(policy, m.signal)
    if known is None or known[1].threshold is None:
        return None
    name, b = known
    op = b.op or ">"
    assert b.threshold is not None
    upward = op in (">", ">=")
    same_way = (m.op in (">", ">=")) == upward
    later = not same_way or (m.threshold > b.threshold if upward else m.threshold < b.threshold) or \
        (m.threshold == b.threshold and m.op in (">", "<") and op in (">=", "<="))
    if not later:
        return None
    return Hit(path + ("threshold",),
               f"monitor `{mid}` breaches when {m.signal} {m.op} {m.threshold:g}; the policy's "
               f"`post_deployment.signals.{name}` breaches at {op} {b.threshold:g}: the monitor fires later than "
               "the policy asks, or never",
               help=f"set `op: '{op}'` and a threshold of {b.threshold:g} or nearer firing")


def _never_fires(op: str, threshold: float, lo: float, hi: float) -> bool:
    return {">": threshold >= hi, ">=": threshold > hi, "<": threshold <= lo, "<=": threshold < lo}[op]


@rule(
    "CG715", "monitor-cannot-fire", severity="blocking", serves="test-7-post-deployment",
    summary="A monitor cannot fire: its threshold is not a finite number or lies outside the "
            "signal's range (a declared `range` wider than the [0, 1] of a rate, or than the range the "
            "policy's `post_deployment.signals` gives, is itself a finding), it breaches later than the "
            "level the policy gives its signal, or its window (or `max_silence`) is not a duration, is "
            "not shorter than the time to the re-evaluation date, or lets it stay silent longer than the "
            "policy's `post_deployment.max_silence`.",
    rationale="A monitor with a rate threshold of 1.0, or `nan` (every comparison with NaN is false), "
              "is listed as a control and can never change anything. The same holds for a window "
              "longer than the deployment runs before re-evaluation. (A monitor acts through the "
              "triggers that name it, or on its own with its own `action`.)",
    bad="monitors:\n  M1: {signal: classifier-flag-rate, op: '>', threshold: 1.0, window: 24h}",
    good="monitors:\n  M1: {signal: classifier-flag-rate, op: '>', threshold: 0.005, window: 24h}\n"
         "triggers:\n  T1: {on: monitor, monitor: M1, action: reopen}",
    fix="Set a finite threshold the signal can cross (state `range` for signals that are not "
        "proportions, within the range the policy gives) and a window shorter than the re-evaluation "
        "interval.",
)
def monitor_cannot_fire(ctx: Context) -> Iterator[Hit]:
    import math

    from .._text import parse_window

    pd = ctx.case.post_deployment
    if pd is None:
        return
    interval = (pd.reevaluate_by - ctx.today) if pd.reevaluate_by is not None else None
    for mid, m in pd.monitors.items():
        path = _PD + ("monitors", mid)
        if not math.isfinite(m.threshold):
            yield Hit(path + ("threshold",), f"monitor `{mid}` has threshold `{m.threshold}`, not a finite number: "
                                             "it can never fire")
        else:
            rng, found = _range_hits(mid, m, ctx.policy, path)
            yield from found
            if rng is not None and (m.threshold < rng[0] or m.threshold > rng[1] or _never_fires(m.op, m.threshold, *rng)):
                yield Hit(path + ("threshold",),
                          f"monitor `{mid}` fires when {m.signal} {m.op} {m.threshold:g}, which a signal in "
                          f"[{rng[0]:g}, {rng[1]:g}] can never be")
            elif (late := _bound_hit(mid, m, ctx.policy, path)) is not None:
                yield late
        window = parse_window(m.window)
        if window is None:
            yield Hit(path + ("window",), f"monitor `{mid}` has window `{m.window}`, not a duration (30m, 24h, 7d, 2w)")
        elif interval is not None and interval.days > 0 and window >= interval:
            yield Hit(path + ("window",), f"monitor `{mid}` has a window of {m.window}, not shorter than the "
                                          f"{interval.days} day(s) to the re-evaluation date")
        most = parse_window(ctx.policy.post_deployment.max_silence or "")
        quiet = parse_window(m.max_silence or m.window)
        if most is not None and quiet is not None and quiet > most:
            field = "max_silence" if m.max_silence is not None else "window"
            yield Hit(path + (field,),
                      f"monitor `{mid}` may stay silent for {m.max_silence or m.window} before its silence reopens "
                      f"the case; the policy allows at most {ctx.policy.post_deployment.max_silence}",
                      help=f"set `max_silence` (and a window) of {ctx.policy.post_deployment.max_silence} or less")
        if m.max_silence is not None:
            silence = parse_window(m.max_silence)
            if silence is None:
                yield Hit(path + ("max_silence",), f"monitor `{mid}` has max_silence `{m.max_silence}`, "
                                                   "not a duration (30m, 24h, 7d, 2w)")
            elif interval is not None and interval.days > 0 and silence >= interval:
                yield Hit(path + ("max_silence",), f"monitor `{mid}` may stay silent for {m.max_silence}, not "
                                                   f"shorter than the {interval.days} day(s) to the re-evaluation date")


@rule(
    "CG709", "incident-trigger-cannot-fire", severity="blocking", serves="test-7-post-deployment",
    summary="An incident trigger fires only on incidents more severe than the worst harm pathway of its "
            "domain (of any domain, for a trigger that names none), or a domain with a pathway rated severe "
            "or worse has no incident trigger that fires short of a catastrophe: every one that covers it "
            "waits for a catastrophic incident, or none covers it at all.",
    rationale="An incident trigger's `min_severity` is the lab's own number, and it decides whether an "
              "incident reaches the case at all: `triggers run` skips every incident rated below it. A "
              "cyber trigger that waits for a catastrophic incident, where the worst cyber pathway the "
              "threat model names is severe, never fires on the harm the case argues about; one that "
              "waits for a catastrophe where the pathway is catastrophic fires only after the harm the "
              "case exists to prevent. Each is listed as a control and can change nothing in time. "
              "Leaving the domain's incident trigger out altogether goes one step further: no incident in it, "
              "catastrophic or not, reaches the case. A "
              "domain's incidents must reach the case at the severity of its worst pathway, and, where "
              "that is severe or worse, short of a catastrophe; a stricter trigger for the worst "
              "incidents may sit beside one that fires sooner.",
    bad="# threat model: cyber-ransomware {severity: severe}; bio-known-agent {severity: catastrophic};\n"
        "#   weight-theft {severity: severe}\n"
        "triggers:\n  T-cyber-incident: {on: incident, domain: cyber, min_severity: catastrophic, action: reopen}\n"
        "  T-bio-incident: {on: incident, domain: cbrn, min_severity: catastrophic, action: withdraw}\n"
        "  # no trigger for exfiltration",
    good="triggers:\n  T-cyber-incident: {on: incident, domain: cyber, min_severity: high, action: reopen}\n"
         "  T-bio-incident: {on: incident, domain: cbrn, min_severity: moderate, action: withdraw}\n"
         "  T-exfiltration-incident: {on: incident, domain: exfiltration, min_severity: high, action: reopen}",
    fix="Lower the trigger's `min_severity` to the severity of the domain's worst pathway or below (below "
        "catastrophic where that pathway is severe or worse), or add a trigger for the domain that fires sooner; "
        "a domain with a severe pathway and no incident trigger at all needs one.",
)
def incident_trigger_cannot_fire(ctx: Context) -> Iterator[Hit]:
    from ...model import Severity

    pd = ctx.case.post_deployment
    if pd is None:
        return
    incident = [(tid, t) for tid, t in pd.triggers.items() if t.on == "incident"]
    worst: dict[str, tuple[str, Severity]] = {}  # domain -> its worst pathway and that pathway's severity
    for dom, threats in ctx.case.threat_model.items():
        if threats.scoped_out is None and threats.pathways:
            worst[dom] = max(((pid, p.severity) for pid, p in threats.pathways.items()), key=lambda x: x[1].rank)
    if not pd.triggers or not worst:
        return  # no trigger at all is CG702's finding
    found: dict[str, list[str]] = {}
    for tid, t in incident:
        if t.min_severity is None:
            continue
        if t.domain is not None and t.domain in worst:
            pid, top = worst[t.domain]
            scope = f"the worst harm the threat model names for `{t.domain}` is {top.value} (pathway `{pid}`)"
        elif t.domain is None:
            dom, (pid, top) = max(worst.items(), key=lambda x: x[1][1].rank)
            scope = f"the worst harm the threat model names in any domain is {top.value} (pathway `{pid}`, {dom})"
        else:
            continue  # a domain the case does not argue: nothing to weigh the floor against
        if t.min_severity.rank > top.rank:
            found.setdefault(tid, []).append(f"it fires only on incidents rated {t.min_severity.value}, and {scope}: "
                                             "it can never fire on a harm the case argues about")
    severe = Severity.severe.rank
    uncovered: list[Hit] = []
    for dom, (pid, top) in worst.items():
        if top.rank < severe:
            continue
        covering = [(tid, t) for tid, t in incident if t.domain in (None, dom)]
        if not covering:
            # Leaving the trigger out is the limit of raising its floor: no incident in the domain,
            # catastrophic or not, reaches the case.
            uncovered.append(Hit(
                _PD + ("triggers",),
                f"no incident trigger covers `{dom}`, which has a pathway rated {top.value} (`{pid}`): no incident "
                "in it, however severe, reaches the case",
                help=f"add a trigger such as `{{on: incident, domain: {dom}, min_severity: high, action: reopen}}` "
                     "(a floor at or below the worst pathway's severity, short of catastrophic)"))
            continue
        if min(t.min_severity.rank if t.min_severity is not None else -1 for _, t in covering) < Severity.catastrophic.rank:
            continue
        names = ", ".join(f"`{tid}`" for tid, _ in covering)
        for tid, _ in covering:
            if not found.get(tid):
                found.setdefault(tid, []).append(
                    f"every incident trigger covering `{dom}` ({names}) waits for a catastrophic incident, while "
                    f"`{dom}` has a pathway rated {top.value} (`{pid}`): nothing short of a catastrophe reaches the case")
    for tid, why in found.items():
        yield Hit(_PD + ("triggers", tid, "min_severity"), f"incident trigger `{tid}`: {'; '.join(why)}",
                  help="lower `min_severity` to the worst pathway's severity or below (short of catastrophic), or "
                       "add a trigger for the domain that fires sooner")
    yield from uncovered


@rule(
    "CG716", "reevaluation-too-far", severity="blocking", serves="test-7-post-deployment",
    summary="The re-evaluation date is further from the decision date than the policy allows.",
    rationale="A re-evaluation date years away is a date that never comes: evidence expires and "
              "capabilities move long before it. The policy sets the longest interval "
              "(`post_deployment.max_reevaluation_days`).",
    bad="post_deployment:\n  reevaluate_by: 2031-01-01   # decided 2026-11-20; policy max 365 days",
    good="post_deployment:\n  reevaluate_by: 2027-04-01",
    fix="Set `reevaluate_by` within the policy's maximum interval.",
)
def reevaluation_too_far(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is None or pd.reevaluate_by is None:
        return
    days = (pd.reevaluate_by - ctx.today).days
    most = ctx.policy.post_deployment.max_reevaluation_days
    if days > most:
        yield Hit(_PD + ("reevaluate_by",), f"the re-evaluation date {pd.reevaluate_by.isoformat()} is {days} days "
                                            f"after the decision date; the policy allows at most {most}")


@rule(
    "CG717", "weights-cannot-be-recalled", severity="advisory", serves="test-7-post-deployment",
    summary="At a boundary where the weights can be downloaded, a restrict or withdraw action cannot "
            "recall copies already taken.",
    rationale="Withdrawing an open-weights release stops further distribution; it does not recall "
              "weights already downloaded or fine-tuned. The case should say so rather than count "
              "the action as a control on deployed copies.",
    bad="boundary: {kind: open-weights, ...}\ntriggers:\n  T1: {on: incident, action: withdraw}",
    good="boundary: {kind: open-weights, ...}\ntriggers:\n  T1: {on: incident, action: reopen, description: ...}",
    fix="Describe what the action can still do (stop distribution, revoke hosted access) and argue "
        "the risk of copies already out by inability.",
)
def weights_cannot_be_recalled(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is None or weights_access(ctx) != "download":
        return
    for mid, m in pd.monitors.items():
        if m.action in ("restrict", "withdraw"):
            yield Hit(_PD + ("monitors", mid, "action"),
                      f"monitor `{mid}` would {m.action} an open-weights release: that stops further "
                      "distribution but cannot recall weights already downloaded")
    for tid, t in pd.triggers.items():
        if t.action in ("restrict", "withdraw"):
            yield Hit(_PD + ("triggers", tid, "action"),
                      f"trigger `{tid}` would {t.action} an open-weights release: that stops further "
                      "distribution but cannot recall weights already downloaded")


@rule(
    "CG720", "alert-domain-unmonitored", severity="blocking", serves="test-7-post-deployment",
    summary="A capability measured at or above its alert level (or at its threshold) is in a domain the "
            "case addresses at its boundary that no monitor of the post-deployment plan watches "
            "(`monitors.<id>.domain`).",
    rationale="A capability at its early-warning level is deployed on the condition that the domain is "
              "watched: the condition CG305 sets names the alert-level safeguards, monitoring and "
              "re-evaluation. A plan whose monitors all watch other domains (or none) keeps every rule "
              "that asks for a monitor satisfied, while nothing would notice the capability being used: "
              "the condition stands on a control the case does not have.",
    bad="# cyber-high measured between its alert level and its threshold\n"
        "monitors:\n  M-bio-flags: {signal: bio-classifier-flag-rate, op: '>', threshold: 0.001, window: 24h, domain: cbrn}",
    good="monitors:\n  M-cyber-flags: {signal: cyber-classifier-flag-rate, op: '>', threshold: 0.005, window: 24h, domain: cyber}\n"
         "  M-bio-flags: {signal: bio-classifier-flag-rate, op: '>', threshold: 0.001, window: 24h, domain: cbrn}",
    fix="Add a monitor of the domain (`domain:` naming it) with a signal that shows the capability being "
        "used, a threshold it can cross and an action; or show with a larger evaluation that the bound is "
        "under the alert level.",
    since="0.1.0",
)
def alert_domain_unmonitored(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is None or not pd.monitors:
        return  # CG700 / CG701
    watched = {m.domain for m in pd.monitors.values() if m.domain is not None}
    named: set[str] = set()
    for tid, st in capability_status(ctx).items():
        # an unmeasured threshold counts as reached, and CG307 blocks it already
        if not st.measured or not st.at_or_above_alert or st.domain in watched or st.domain in named:
            continue
        threat = ctx.case.threat_model.get(st.domain)
        if threat is None or threat.scoped_out is not None:
            continue  # not argued at this boundary: CG201 / CG204 and the internal case's own plan
        named.add(st.domain)
        th = ctx.policy.thresholds[tid]
        level = "its threshold" if st.status == "reached" else "its alert level"
        others = ", ".join(f"`{d}`" for d in sorted(watched)) or "no domain"
        yield Hit(_PD + ("monitors",),
                  f"`{tid}` ({th.name}) is measured at or above {level} ({st.basis}), but no monitor watches "
                  f"`{st.domain}` (the monitors watch {others}): nothing would notice the capability in use",
                  help=f"add a monitor with `domain: {st.domain}` whose signal shows the capability in use")
