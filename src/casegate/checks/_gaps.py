"""What a policy leaves to the developer alone: the values a case types that the policy sets no
floor, task or signature for. The gate does not take those values on the developer's word (a case
relying on one blocks, with the rule named here); `casegate policy gaps` lists them for the
policy's owners before any case meets them, and beside them what every case under the policy must
state of its own for its runs to count (`case_must_state`), which the policy cannot close."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..model import BOUNDARY_LADDER, Policy


class PolicyGap(NamedTuple):
    """One value the policy leaves to the developer."""

    path: str
    """Where in the policy the missing value goes, e.g. `domains.cyber.min_severity`."""
    says: str
    """What is left open, and what a case relying on it meets."""
    rule: str | None
    """The rule a case relying on the value meets (None: nothing blocks; the gap is advisory)."""


def policy_gaps(policy: Policy, signals: Iterable[str] = ()) -> list[PolicyGap]:
    """Every value `policy` leaves to the developer, in the policy's order. `signals`: the signals
    cases under the policy monitor (their monitors' `signal`), each named where the policy's
    `post_deployment.signals` gives it no range or breach level."""
    out: list[PolicyGap] = []
    severe = policy.tolerance.severe_from.value
    for did, dom in policy.domains.items():
        if dom.min_severity is None:
            out.append(PolicyGap(f"domains.{did}.min_severity", f"no least severity for harm in `{did}`: a pathway "
                                 f"rated below {severe} in it is the developer's word, and blocks", "CG209"))
    measured = {th.domain for th in policy.thresholds.values()}
    for did, dom in policy.domains.items():
        if dom.scoped_out_at is None and did not in measured:
            out.append(PolicyGap(f"domains.{did}.scoped_out_at", f"no boundary kinds at which `{did}` may be scoped "
                                 "out: with no threshold to measure, a case scopes it out at any boundary on a "
                                 "property of it and a reason in words (`rests_on: [kind]`)", None))
    for tid, th in policy.thresholds.items():
        if th.value is None:
            continue  # a threshold with no number is treated as reached: nothing is measured against it
        if not th.tasks:
            out.append(PolicyGap(f"thresholds.{tid}.tasks", f"no task `{tid}` is measured on: a result under it, "
                                 "on tasks the developer chose, blocks", "CG308"))
        elif any(t.digest is None for t in th.tasks):
            out.append(PolicyGap(f"thresholds.{tid}.tasks", "a task named without the digest of its samples: a run "
                                 "of part of the task counts as a run of it", None))
        if th.tasks and any(t.prompt is None for t in th.tasks):
            out.append(PolicyGap(f"thresholds.{tid}.tasks", "a task named without the digest of its prompts "
                                 "(`prompt`): a run of the task's name whose configuration asks its documents "
                                 "another way (an lm-eval template, few-shot setting, description, delimiter, "
                                 "generation argument or filter changed; an Inspect task's prompt template, solver "
                                 "step or scorer option changed in its definition) counts as a run of it; an Inspect "
                                 "run given a system message or a solver of its own blocks (CG345)", None))
        if th.tasks and any(t.revision is None and t.package is None for t in th.tasks):
            out.append(PolicyGap(f"thresholds.{tid}.tasks", "a task named without the code it runs (`revision` "
                                 "or `package`): a run of the task's name from the developer's copy, with a "
                                 "scorer or solver of its own under the standard names, or from another version "
                                 "of the installed package the task comes from, counts as a run of it", None))
        if th.tasks and any(t.revision is not None and t.package is None for t in th.tasks):
            out.append(PolicyGap(f"thresholds.{tid}.tasks", "a task named by the code it runs through `revision` "
                                 "alone: an lm-eval run records no revision (its `git_hash` shows neither "
                                 "uncommitted changes nor where lm-eval and the task were loaded from), so no "
                                 "lm-eval run of it can match; name the package (`package`) and the prompts "
                                 "(`prompt`) for an lm-eval task (CG345)", None))
    for tid, th in policy.thresholds.items():
        unset = [f"`{f}`" for f in ("max_tokens", "message_limit", "turn_limit", "working_limit", "cost_limit")
                 if th.value is not None and getattr(th.elicitation, f) is None]
        if unset:
            out.append(PolicyGap(f"thresholds.{tid}.elicitation", f"no least {', '.join(unset)}: a run that meets the "
                                 "token budget and time limit counts though its generations or its samples' "
                                 "conversations were cut short by them"
                                 + ("; a run capped by spend (`cost_limit`) blocks where a token budget is asked for"
                                    if "`cost_limit`" in unset and th.elicitation.budget_tokens is not None else ""),
                                 None))
    required = dict.fromkeys(layer for th in policy.thresholds.values() for req in th.safeguards for layer in req.layers)
    untasked = [layer for layer in required if not policy.safeguard_tests.get(layer)]
    if untasked:
        out.append(PolicyGap("safeguard_tests", f"no test task for the required layer(s) {', '.join(untasked)}: a test "
                             "of any task counts as a test of a safeguard of them", None))
    if policy.arguments.fine_tune is None or not policy.arguments.fine_tune.asked():
        from ..model import BoundaryKind, Variant

        reachable = (BoundaryKind.fine_tuning, BoundaryKind.open_weights)
        if any(th.elicitation.variant is Variant.fine_tuned for th in policy.thresholds.values()) \
                or any(k in reachable for k in (*policy.signoff.required, *policy.tolerance.min_attempts_per_year)):
            out.append(PolicyGap("arguments.fine_tune", "unset: a result the policy asks of a `fine-tuned` checkpoint "
                                 "(a threshold's elicitation, inability and tamper-resistance tests where users tune "
                                 "or download the weights) counts after any fine-tuning at all, so a checkpoint tuned "
                                 "for minutes on a few examples stands in for an attacker's; set the least "
                                 "`gpu_hours`, `steps` or `examples` its log must record", None))
    bare_audit = [r.name or "?" for r in policy.safeguard_tests.get("pretraining-data-filtering", ()) if r.digest is None]
    if bare_audit:
        out.append(PolicyGap("safeguard_tests.pretraining-data-filtering", f"{', '.join(f'`{n}`' for n in bare_audit)} "
                             "named without the digest of its samples: a log can call a prompt test of the model by "
                             "that name, so where users hold or tune the weights a test of it does not show a data "
                             "filter, and a case relying on it blocks", "CG424"))
    for kind in policy.signoff.required:
        bare = [d for d in policy.domains if policy.tolerance.attempts_floor(kind, d) is None]
        if bare:
            where = "any domain" if len(bare) == len(policy.domains) else ", ".join(f"`{d}`" for d in bare)
            out.append(PolicyGap(f"tolerance.min_attempts_per_year.{kind.value}",
                                 f"no floor on attempts per year at {kind.value} boundaries for {where}: a residual "
                                 "risk within tolerance there, on the developer's own rate, blocks", "CG419"))
    for kind, reqs in policy.signoff.required.items():
        if not kind.internal and reqs and not any(r.independent for r in reqs):
            out.append(PolicyGap(f"signoff.required.{kind.value}", "no required role is marked `independent: true`: "
                                 f"every sign-off a {kind.value} decision needs may come from the developer's own "
                                 "people (a keyring that gives an outside evaluator's role to an employee meets "
                                 "it)", None))
    out += _outside_roles_that_decide(policy)
    if any(th.value is not None for th in policy.thresholds.values()) and "eval" not in policy.evidence.independent_kinds:
        out.append(PolicyGap("evidence.independent_kinds", "`eval` is not among them: a capability result counts on "
                             "a log the developer ran and wrote, and a log rewritten before its first version is "
                             "recorded is caught by nothing (against a recorded version, CG327 and CG350 are)", None))
    own_tests = [k for k in ("red-team", "safeguard-test") if k not in policy.evidence.independent_kinds]
    if own_tests:
        named = " and ".join(f"`{k}`" for k in own_tests)
        out.append(PolicyGap("evidence.independent_kinds", f"{named} {'is' if len(own_tests) == 1 else 'are'} not "
                             "among them: a safeguard's test counts on a log the developer ran and wrote, so a "
                             "log of the lab's own (a casegate-results file with no bypasses) can stand in for "
                             "an outside red team; list the kind(s) there to count only tests an outside "
                             "evaluator signs", None))
    if not policy.evidence.model_roles:
        out.append(PolicyGap("evidence.model_roles", "empty: no model is named for a run's roles (a grader, an "
                             "attacker), so a counted run that gives any role a model blocks (CG359); runs that "
                             "give no model a role are unaffected", None))
    if policy.evidence.declared_counts == "any":
        out.append(PolicyGap("evidence.declared_counts", "`any`: a red team's or safeguard test's typed bypass "
                             "counts are taken on the case's word, with no log and no outside signature", None))
    if policy.evidence.declared_verdicts == "any":
        out.append(PolicyGap("evidence.declared_verdicts", "`any`: a probe's, audit's or review's typed "
                             "`passed: true` is taken on the case's word, with no outside signature", None))
    if not policy.post_deployment.signed_telemetry:
        out.append(PolicyGap("post_deployment.signed_telemetry", "false: where the registry's keyring gives no key "
                             "the `telemetry` role, a monitor's readings are taken on the word of whoever ingests "
                             "them, so quiet readings the lab writes can stand in for the real ones or fill a "
                             "silence (a breach counts from anyone)", None))
    if policy.post_deployment.telemetry_v1 == "accept":
        out.append(PolicyGap("post_deployment.telemetry_v1", "`accept`: signed batches of the first format name no "
                             "key before them, so where a monitoring system numbers them per key, batches dropped "
                             "where one key hands over to another go unseen", None))
    out += _monitor_gaps(policy, signals)
    if policy.signoff.signed_answers_from is None:
        out.append(PolicyGap("signoff.signed_answers_from", "unset: an objection the case records unsigned and marks "
                             "answered by a role that may answer is closed on the developer's word, which says "
                             "neither who answered it nor whether the objector accepted the answer", None))
    return out


def asks_for_monitors(policy: Policy) -> bool:
    """Whether the policy asks cases for monitors: a safeguard it requires, or a wide internal
    deployment, has the `monitoring` layer, or a threshold has an alert level (a capability measured
    at it is deployed only with a monitor of its domain, CG720). (Every case's plan must declare a
    monitor, CG701; these are the policy's own asks.)"""
    return (any(th.alert is not None or any("monitoring" in req.layers for req in th.safeguards)
                for th in policy.thresholds.values())
            or "monitoring" in policy.internal.wide_layers or bool(policy.post_deployment.signals))


def _monitor_gaps(policy: Policy, signals: Iterable[str]) -> list[PolicyGap]:
    """For a policy that asks for monitors: an unset `post_deployment.max_silence`, and each signal
    monitored (`signals`) with no range or breach level in `post_deployment.signals`, or, with no
    signal named and none defined, the empty `post_deployment.signals` itself."""
    if not asks_for_monitors(policy):
        return []
    from ..model._names import latin_form
    from .families.post_deployment import _named_range

    out: list[PolicyGap] = []
    pd = policy.post_deployment
    defined = {latin_form(name): (name, b) for name, b in pd.signals.items()}
    named = list(dict.fromkeys(signals))
    seen: set[str] = set()
    for sig in named:
        key = latin_form(sig)
        if key in seen:
            continue
        seen.add(key)
        entry = defined.get(key)
        ranged = entry is not None and entry[1].range is not None or _named_range(sig) is not None
        what = [w for w, unset in (("`range`", not ranged),
                                   ("breach level (`op`, `threshold`)", entry is None or entry[1].threshold is None))
                if unset]
        if not what:
            continue
        path = f"post_deployment.signals.{entry[0] if entry is not None else sig}"
        bounded = "" if ranged else ("is bounded only by the range its case declares, so a threshold no reading "
                                     "reaches keeps the case deployed, and ")
        state = "" if ranged else "the `range` the signal can take and "
        out.append(PolicyGap(path, f"no {' and no '.join(what)} for the monitored signal `{sig}`: a monitor of it "
                             f"{bounded}breaches at the level the lab chose; state {state}the level (`op`, "
                             "`threshold`) a monitor of it must breach at or sooner, to which CG715 holds each monitor of it", None))
    if not named and not pd.signals:
        out.append(PolicyGap("post_deployment.signals", "empty: no monitored signal has a range or breach level "
                             "from the policy, so a monitor of a count is bounded only by the range its case "
                             "declares and breaches at the level the lab chose; state, for each signal cases "
                             "monitor, the `range` it can take and the level (`op`, `threshold`) a monitor of it "
                             "must breach at or sooner, to which CG715 holds each monitor of it (`casegate policy "
                             "gaps --case` names the signals a case monitors)", None))
    if pd.max_silence is None:
        out.append(PolicyGap("post_deployment.max_silence", "unset: a monitor may go without a reading for as long "
                             "as its own `max_silence` (or window) allows, up to the time to the case's "
                             "re-evaluation date, before its silence reopens the case; state the longest any "
                             "monitor may stay silent (e.g. `72h`), to which CG715 holds each monitor", None))
    return out


_OUTSIDE_WORDS = ("external", "outside", "third-party", "thirdparty", "independent", "auditor")
"""Words in a role's name that say its holder is from outside the developer (`external-evaluator`,
`third-party-auditor`)."""


def _outside_roles_that_decide(policy: Policy) -> list[PolicyGap]:
    """Each role that counts as an outside evaluator's (marked `independent: true` for some
    boundary, or named as one) but may decide a boundary where it is not marked: its holder is
    then a possible decider (`casegate.evidence.deciders`), so the party judged for independence is
    counted the developer's; and each marked role the policy names among its deciding roles."""
    out: list[PolicyGap] = []
    marked: dict[str, list[str]] = {}
    for kind, reqs in policy.signoff.required.items():
        for r in reqs:
            if r.independent:
                marked.setdefault(r.role, []).append(kind.value)
    named = {r.role for reqs in policy.signoff.required.values() for r in reqs
             if any(w in r.role.lower().replace("_", "-") for w in _OUTSIDE_WORDS)}
    seen: set[tuple[str, str]] = set()
    for kind in BOUNDARY_LADDER:
        listed, reqs = policy.signoff.required_for(kind)
        if listed is None:
            continue
        here = {r.role for r in reqs if r.independent}
        for role in policy.decision.roles_for(policy.signoff, kind):
            if role in here or (role not in marked and role not in named) or (listed.value, role) in seen:
                continue
            seen.add((listed.value, role))
            why = (f"marked `independent: true` for {', '.join(marked[role])}" if role in marked
                   else "by its name an outside party's")
            out.append(PolicyGap(
                f"signoff.required.{listed.value}",
                f"`{role}` is an outside evaluator's role ({why}) but may decide `{kind.value}` without the mark: "
                "whoever may decide, decides for the developer, so its holder is the party judged for independence "
                "and counted the developer's; there no one in it counts as outside, and neither does their "
                "organisation's evidence; mark it `independent: true` there (or leave it out of "
                "`decision.deciding_roles`)", None))
    if policy.decision.deciding_roles is not None:
        for role in policy.decision.deciding_roles:
            if role in marked:
                out.append(PolicyGap(
                    "decision.deciding_roles",
                    f"names `{role}`, an outside evaluator's role (marked `independent: true` for "
                    f"{', '.join(marked[role])}): the party judged for independence may sign the decision, which "
                    "is the developer's act; leave it out of the deciding roles", None))
    return out


def case_must_state(policy: Policy) -> list[PolicyGap]:
    """What a case under `policy` must state of its own, beyond anything the policy sets, or meet
    a blocking rule where its runs record it: no policy value closes these, so they are named to
    the teams who run the evaluations before the gate meets them (paths are the case's)."""
    measured = [tid for tid, th in policy.thresholds.items() if th.value is not None]
    tested = bool(policy.safeguard_tests) or any(th.safeguards for th in policy.thresholds.values())
    if not measured and not tested:
        return []
    runs = " or ".join(w for w, on in (("an evaluation of a threshold", measured), ("a test of a safeguard", tested))
                        if on)
    floors = [f"`{tid}` {th.elicitation.max_tokens:,}" for tid, th in policy.thresholds.items()
              if th.value is not None and th.elicitation.max_tokens]
    floor = (f"; the policy's least `max_tokens` ({', '.join(floors)}) is met by a run with no ceiling as well as by "
             "one at or above it, so a ceiling passed to meet it must be stated too" if floors else "")
    return [PolicyGap(
        "boundary.configuration",
        f"not set by the policy: where {runs} records in its log a ceiling on one generation "
        "(Inspect's `--max-tokens`, `generate_config.max_tokens`; lm-eval's `max_gen_toks`) or a system message "
        "(Inspect's `--system-message`, `generate_config.system_message`; lm-eval's `--system_instruction`), the "
        "run does not count and the case blocks unless it states how the deployment runs the model: "
        "`boundary.configuration.max_tokens` at or below the run's ceiling, and "
        "`boundary.configuration.system_message_sha256`, the sha256 of the same message (64 lowercase hex "
        f"digits){floor}", "CG309")]
