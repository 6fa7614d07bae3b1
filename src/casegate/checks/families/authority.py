"""CG5xx: separated decision authority (seed test 5) and argument theater in the decision trail.

Who must sign is read from the policy for the boundary being evaluated (`ctx.boundary`), so the
gate can ask the same question of a narrower boundary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...model import BOUNDARY_LADDER, Case, RuleSeverity
from ...sign._names import name_key  # not the package: signing itself is not needed to check a case
from .._registry import Context, Hit, rule

_EL = ("argument", "elements")


def _signers(case: Case) -> dict[str, set[str]]:
    """Role -> distinct people who signed in it, each under the first spelling of their name: two
    lines whose names are one person's by `name_key` (case, white space, look-alike letters) are
    one sign-off, as the keyring takes them to be the same identity."""
    out: dict[str, dict[str, str]] = {}
    for s in case.decision.signoffs:
        out.setdefault(s.role, {}).setdefault(name_key(s.person), s.person.strip())
    return {role: set(people.values()) for role, people in out.items()}


@rule(
    "CG501", "required-role-missing", severity="blocking", serves="test-5-authority",
    summary="A role the policy requires for this boundary has not signed (or fewer distinct people than the k-of-n asks; "
            "for a role the policy marks `independent`, fewer people the keyring shows to be outside the developer's "
            "organisations).",
    rationale="A release gate is only as strong as the people who must agree to open it; a missing "
              "signature means a check the framework promised did not happen. A policy that names no "
              "signers for the boundary fails closed: nobody is not an approver. An outside evaluator's "
              "role is a check from outside only if its holder is: the lab writes its own keyring, so a "
              "role marked `independent: true` counts a sign-off only from an identity whose organisation "
              "the keyring records and is none of the developer's (the policy's `evidence.organisations` "
              "and the authors' own, as for independent evidence); with those unknown, nobody counts. "
              "Whoever signs the decision decides for the developer: before anyone has, an identity the "
              "keyring gives a role that may decide the boundary (other than an `independent` one) is "
              "the developer's, so its organisation is too; one with no organisation on record leaves "
              "the role unfilled.",
    bad="# policy: api needs safety-lead, rso, external-evaluator\n"
        "decision:\n  signoffs:\n    - {role: safety-lead, person: Dana Ortiz, date: 2026-11-21}\n"
        "    - {role: rso, person: Sam Whitfield, date: 2026-11-22}",
    good="decision:\n  signoffs:\n    - {role: safety-lead, person: Dana Ortiz, date: 2026-11-21}\n"
         "    - {role: rso, person: Sam Whitfield, date: 2026-11-22}\n"
         "    - {role: external-evaluator, person: Priya Natarajan, date: 2026-11-22}",
    fix="Obtain the missing sign-offs (distinct people, as many as the policy's `min`), or argue for a "
        "narrower boundary whose required roles have signed.",
)
def required_role_missing(ctx: Context) -> Iterator[Hit]:
    if ctx.boundary is None:
        return  # the boundary family reports a case with no boundary
    listed, reqs = ctx.policy.signoff.required_for(ctx.boundary)
    where: tuple[str | int, ...] = ("decision", "signoffs") if ctx.case.decision.signoffs else ("decision",)
    if listed is None or not reqs:
        yield Hit(where, f"policy `{ctx.policy.id}` names no roles that must sign for `{ctx.boundary.value}` "
                         "(or any narrower boundary); an empty set of approvers cannot open the gate",
                  help="list the required roles under `signoff.required` in the policy")
        return
    signers = _signers(ctx.case)
    via = "" if listed is ctx.boundary else f" (the policy's `{listed.value}` entry applies)"
    for r in reqs:
        have = signers.get(r.role, set())
        not_outside: list[str] = []
        if r.independent and ctx.authority is not None:
            have, not_outside = _outside_developer(ctx, have)
        if len(have) < r.min:
            got = f"{len(have)} ({', '.join(sorted(have))})" if have else "none"
            if not not_outside:
                yield Hit(where, f"`{ctx.boundary.value}` needs {r.min} distinct sign-off(s) from role "
                                 f"`{r.role}`{via}; found {got}")
                continue
            yield Hit(where, f"`{ctx.boundary.value}` needs {r.min} distinct sign-off(s) from role `{r.role}`{via}, "
                             "each from outside the developer's organisations (the policy's `independent: true`); "
                             f"found {got}; not counted: {'; '.join(not_outside)}",
                      help=f"have someone whose organisation the keyring records, and who is not of the developer's "
                           f"organisations, sign as `{r.role}` (`casegate keys add --organisation`); name the "
                           "developer's organisations under `evidence.organisations` in the policy")


def _outside_developer(ctx: Context, people: set[str]) -> tuple[set[str], list[str]]:
    """The signers among `people` whom the keyring shows to be outside the developer's
    organisations (those evidence independence is judged against, and the organisation of whoever
    may sign the decision for the boundary), and why each other one is not."""
    from ...evidence import deciders, not_outside, not_outside_deciders

    assert ctx.authority is not None and ctx.boundary is not None
    developer = (ctx.facts.developer_organisations if ctx.facts is not None
                 else tuple(ctx.policy.evidence.organisations))
    orgs = {name_key(n): o for n, o in ctx.authority.organisations.items()}
    decider_orgs, unknown = deciders(ctx.policy, ctx.boundary, ctx.authority)
    # the keyring's spelling of each signer, as `deciders` names them
    known = {name_key(n): n for n in ctx.authority.organisations} | {name_key(n): n for n in unknown}
    kept: set[str] = set()
    why: list[str] = []
    for person in sorted(people):
        reason = (not_outside(person, orgs.get(name_key(person)), developer)
                  or not_outside_deciders(known.get(name_key(person), person), orgs.get(name_key(person)),
                                          decider_orgs, unknown, ctx.boundary.value))
        if reason is None:
            kept.add(person)
        else:
            why.append(reason)
    return kept, list(dict.fromkeys(why))


@rule(
    "CG502", "roles-not-separated", severity="blocking", serves="test-5-authority",
    summary="One person signed in two roles that the policy keeps separate.",
    rationale="Separation of authority exists so that the launch incentive and the safety judgement "
              "do not collapse into one head; one person holding both defeats it.",
    bad="# policy: separate [product-lead, rso]\nsignoffs:\n"
        "  - {role: product-lead, person: Lee Park, date: 2026-11-21}\n"
        "  - {role: rso, person: Lee Park, date: 2026-11-22}",
    good="signoffs:\n  - {role: product-lead, person: Lee Park, date: 2026-11-21}\n"
         "  - {role: rso, person: Sam Whitfield, date: 2026-11-22}",
    fix="Have a different person sign in one of the two roles.",
)
def roles_not_separated(ctx: Context) -> Iterator[Hit]:
    # one person however the lines spell the name (`dana ortiz` is the keyring's Dana Ortiz)
    roles_of: dict[str, dict[str, int]] = {}
    shown: dict[str, str] = {}
    for i, s in enumerate(ctx.case.decision.signoffs):
        key = name_key(s.person)
        shown.setdefault(key, s.person.strip())
        roles_of.setdefault(key, {}).setdefault(s.role, i)
    for key, roles in roles_of.items():
        person = shown[key]
        for group in ctx.policy.signoff.separate:
            held = [r for r in group if r in roles]
            if len(held) >= 2:
                last = max(roles[r] for r in held)
                yield Hit(("decision", "signoffs", last),
                          f"{person} signed as {' and '.join(f'`{r}`' for r in held)}, roles the policy keeps separate")


@rule(
    "CG503", "product-sole-approver", severity="blocking", serves="test-5-authority",
    summary="The product leadership role is the only approver (in the sign-offs, or in the policy's list for the boundary).",
    rationale="Product leadership carries the launch incentive; it can take part in a decision but can "
              "never be the whole of it.",
    bad="signoffs:\n  - {role: product-lead, person: Lee Park, date: 2026-11-21}",
    good="signoffs:\n  - {role: product-lead, person: Lee Park, date: 2026-11-21}\n"
         "  - {role: safety-lead, person: Dana Ortiz, date: 2026-11-21}",
    fix="Add sign-offs from the safety roles the policy requires; make the policy require them.",
)
def product_sole_approver(ctx: Context) -> Iterator[Hit]:
    product = ctx.policy.signoff.product_role
    roles = {s.role for s in ctx.case.decision.signoffs}
    if roles == {product}:
        yield Hit(("decision", "signoffs"), f"the only sign-offs are by the product role `{product}`")
    if ctx.boundary is not None:
        listed, reqs = ctx.policy.signoff.required_for(ctx.boundary)
        if listed is not None and reqs and {r.role for r in reqs} == {product}:
            yield Hit(("@policy", "signoff", "required", listed.value),
                      f"the policy requires only the product role `{product}` to sign for `{listed.value}`")


@rule(
    "CG504", "objection-unanswered", severity="blocking", serves="test-5-authority",
    summary="An objection is open with no answer, was upheld, is escalated where the policy does not allow "
            "escalation, or is marked answered by no role, or by a role the policy does not let answer "
            "objections (`answer_roles`, else the roles that must sign for the boundary), or is marked "
            "answered with no signed objection at or past the boundary from which the policy counts only "
            "signed answers (`signed_answers_from`).",
    rationale="Dissent is only meaningful if it can stop the decision until it is answered; an "
              "objection recorded and then ignored is decoration.",
    bad="objections:\n  O-1: {role: external-evaluator, person: Priya Natarajan, date: 2026-11-21,\n"
        "        reason: The CTF suite under-samples web exploitation, status: open}",
    good="objections:\n  O-1: {role: external-evaluator, person: Priya Natarajan, date: 2026-11-21,\n"
         "        reason: The CTF suite under-samples web exploitation, status: answered,\n"
         "        answer: Web challenges were added before the final run, answered_by: safety-lead}",
    fix="Answer the objection (with evidence or a changed case) and record the answer, or escalate it "
        "if the policy allows; an upheld objection means the case must change.",
)
def objection_unanswered(ctx: Context) -> Iterator[Hit]:
    pol = ctx.policy.signoff
    for oid, o in ctx.case.decision.objections.items():
        path = ("decision", "objections", oid)
        who = f"{o.person} ({o.role})"
        if o.status == "open":
            extra = f"; the policy lets it be escalated to `{pol.escalate_to}`" if pol.objections == "escalate" else ""
            yield Hit(path, f"objection `{oid}` by {who} is open with no answer{extra}")
        elif o.status == "upheld":
            yield Hit(path, f"objection `{oid}` by {who} was upheld: the case as written does not stand")
        elif o.status == "escalated":
            if pol.objections == "escalate":
                to = pol.escalate_to or "the escalation role"
                yield Hit(path, f"objection `{oid}` by {who} is escalated to `{to}` and awaits its answer",
                          severity=RuleSeverity.condition,
                          help=f"`{to}` answers the objection before the condition's due date")
            else:
                yield Hit(path, f"objection `{oid}` by {who} is escalated, but the policy says open "
                                "objections block the decision")
        elif o.status == "answered" and not (o.answer and o.answer.strip()):
            yield Hit(path, f"objection `{oid}` by {who} is marked answered but records no answer")
        elif o.status == "answered":
            # an answer typed in the case is the lab's record: it counts only from a role the policy
            # lets answer objections (an unstated boundary is held to the widest one's roles)
            boundary = ctx.boundary or BOUNDARY_LADDER[-1]
            allowed = pol.answerers(boundary)
            if o.envelope is None and pol.signed_answers_from is not None \
                    and boundary.rank >= pol.signed_answers_from.rank:
                # who answered, and whether the objector accepted it, only signed statements show
                yield Hit(path, f"objection `{oid}` by {who} is marked answered in the case, with no signed "
                                f"objection it refers to (`envelope`), but at `{boundary.value}` the policy counts "
                                "only a signed answer the objector accepted (`signoff.signed_answers_from: "
                                f"{pol.signed_answers_from.value}`): the objection stands open",
                          help="have the objector sign the objection (`casegate object`, which records its "
                               "`envelope` here), a role that may answer sign the answer (`casegate answer`) and "
                               "the objector accept it (`casegate answer --accept`)")
            elif not o.answered_by:
                yield Hit(path, f"objection `{oid}` by {who} is marked answered but does not say which role "
                                "answered it", help="record the answering role (`answered_by`), one of "
                                + (", ".join(f"`{r}`" for r in allowed) or "no role: the policy lets none answer"))
            elif o.answered_by not in allowed:
                yield Hit(path + ("answered_by",),
                          f"objection `{oid}` by {who} is answered by `{o.answered_by}`, a role the policy does "
                          "not let answer objections (" + (f"allowed: {', '.join(allowed)}" if allowed else "no role may")
                          + "): the objection stands open",
                          help="have a holder of a role the policy lets answer objections answer it (a signed "
                               "answer: `casegate answer`)")


@rule(
    "CG505", "signoff-before-evidence", severity="blocking", serves="fm-argument-theater",
    summary="A sign-off is dated before evidence it says it relied on, or, naming none, before any of the "
            "case's evidence (with a registry, dated no later than the registry first logged its envelope).",
    rationale="Approving before the evidence exists means the decision was made first and the "
              "evidence assembled to fit it: argument theater. A sign-off line's `date` is typed by "
              "the lab and is not under the signature (the case digest leaves the decision section "
              "out), so where a registry is consulted a sign-off counts as given no later than the "
              "registry first logged its envelope (stored with a case version, logged on its own or "
              "in a decision's bundle), as `verify` takes a signature's time from the log. A sign-off "
              "that names no evidence it relied on approved the case as a whole, so it is judged on all "
              "of the case's evidence: leaving `relies_on` empty does not take it out of the rule.",
    bad="evidence:\n  E-ctf: {kind: eval, producer: evals, date: 2026-10-02}\n"
        "signoffs:\n  - {role: rso, person: Sam Whitfield, date: 2026-09-30, relies_on: [E-ctf]}",
    good="signoffs:\n  - {role: rso, person: Sam Whitfield, date: 2026-10-05, relies_on: [E-ctf]}",
    fix="Review the evidence and sign again after it exists; the new sign-off's date must follow it.",
)
def signoff_before_evidence(ctx: Context) -> Iterator[Hit]:
    ev = ctx.case.evidence
    dates = ctx.signoff_dates
    for i, s in enumerate(ctx.case.decision.signoffs):
        logged = dates.logged(s) if dates is not None else None
        day = logged.at.astimezone(dt.UTC).date() if logged is not None else s.date
        # a sign-off that names nothing it relied on approved the case as a whole: all of its evidence
        relied = s.relies_on or list(ev)
        late = [(x, ev[x].date) for x in relied if x in ev and ev[x].date > day]
        if late:
            items = ", ".join(f"`{x}` ({d.isoformat()})" for x, d in late[:6])
            items += f" and {len(late) - 6} more" if len(late) > 6 else ""
            what = "relied on" if s.relies_on else "of the case (it names none it relied on, so it approved all of it)"
            how = "" if logged is None else (
                f" (its envelope was logged at {logged.at.astimezone(dt.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')} "
                f"(log entry {logged.index}); the line dates it {s.date.isoformat()}, but a signature's time is "
                "when the registry logged it, never a later date typed beside it)")
            yield Hit(("decision", "signoffs", i, "date"),
                      f"{s.person} signed as `{s.role}` on {day.isoformat()}{how}, before the evidence "
                      f"{what}: {items}")


def _latest_evidence(ctx: Context) -> dict[str, tuple[dt.date, str]]:
    """Element id -> (date, evidence id) of the newest evidence under it (its own and its
    supporting elements'), for the asserted elements (and what lies under them) that rest on any
    dated evidence."""
    got = ctx.memo.get("cg5_latest_evidence")
    if got is not None:
        return got  # type: ignore[no-any-return]
    els = ctx.case.argument.elements
    # Only what lies under an asserted element matters. Without a cycle among those elements,
    # each one's newest evidence does not depend on the order they are visited in; with one, the
    # whole argument is walked in its own order, as it always was.
    under: set[str] = set()
    todo = list(ctx.index.fields["asserted"])
    while todo:
        n = todo.pop()
        if n not in under and n in els:
            under.add(n)
            todo.extend(els[n].supported_by)
    out, cyclic = _newest_under(ctx.case, [r for r in els if r in under])
    if cyclic:
        out, _ = _newest_under(ctx.case, list(els))
    ctx.memo["cg5_latest_evidence"] = out
    return out


def _newest_under(case: Case, roots: list[str]) -> tuple[dict[str, tuple[dt.date, str]], bool]:
    """The newest evidence under each element of `case` reached from `roots` (depth first, in
    order), and whether a support cycle was met."""
    els = case.argument.elements
    ev = case.evidence
    out: dict[str, tuple[dt.date, str]] = {}
    done: set[str] = set()
    cyclic = False
    for root in roots:
        if root in done:
            continue
        stack: list[tuple[str, bool]] = [(root, False)]
        on_path: set[str] = set()
        while stack:
            node, expanded = stack.pop()
            if expanded:
                on_path.discard(node)
                best: tuple[dt.date, str] | None = None
                for x in els[node].evidence:
                    if x in ev and (best is None or ev[x].date > best[0]):
                        best = (ev[x].date, x)
                for k in els[node].supported_by:
                    if k in out and (best is None or out[k][0] > best[0]):
                        best = out[k]
                if best is not None:
                    out[node] = best
                done.add(node)
                continue
            if node in done or node in on_path:
                cyclic = cyclic or node in on_path
                continue  # cycles are reported by the structure family
            on_path.add(node)
            stack.append((node, True))
            for k in els[node].supported_by:
                if k in els and k not in done:
                    if k in on_path:
                        cyclic = True
                    else:
                        stack.append((k, False))
    return out, cyclic


@rule(
    "CG506", "conclusion-before-evidence", severity="blocking", serves="fm-argument-theater",
    summary="A claim was asserted (its `asserted` date) before evidence it rests on was produced.",
    rationale="A conclusion written before its evidence arrived was not drawn from that evidence; the "
              "argument rationalises a decision already taken. The date is the lab's word, bounded by what "
              "the record shows: a claim is made no later than the version that makes it (its `date`, or "
              "the decision's), so a later date is judged as that one; CG511 holds it to the day the "
              "registry recorded a version holding the claim, where that version's own evidence came after "
              "that day.",
    bad="G1: {claim: Safe to release, asserted: 2026-09-01, supported_by: [G2]}\n"
        "G2: {claim: Below Cyber High, evidence: [E-ctf]}   # E-ctf dated 2026-10-02",
    good="G1: {claim: Safe to release, asserted: 2026-11-01, supported_by: [G2]}\n"
         "G2: {claim: Below Cyber High, evidence: [E-ctf]}",
    fix="Re-examine the claim in the light of the evidence and record when you did (`asserted`, on or after "
        "the newest evidence it rests on), or drop the date; if the evidence changes the conclusion, change "
        "the claim. Where a version the registry recorded held the claim as concluded before the evidence it "
        "rested on then, that date is on the record and a later one is refused (CG511); a claim it drew "
        "from its evidence may take a later date after evidence added since.",
)
def conclusion_before_evidence(ctx: Context) -> Iterator[Hit]:
    asserted = ctx.index.fields["asserted"]  # (a date is never false)
    if not asserted:
        return
    latest = _latest_evidence(ctx)
    # a claim is made no later than the version that makes it: a typed date after the version's
    # own date (or the decision) is judged as that date
    bound = min(d for d in (ctx.case.date, ctx.today) if d is not None)
    for eid, typed in asserted.items():
        if eid not in latest:
            continue
        when = min(typed, bound)
        d, x = latest[eid]
        if d > when:
            said = "" if when == typed else (f" (it gives {typed.isoformat()}, after the version's date "
                                             f"{bound.isoformat()}: a claim is asserted no later than the version "
                                             "that makes it)")
            yield Hit(_EL + (eid, "asserted"),
                      f"`{eid}` was asserted on {when.isoformat()}{said}, before the evidence it rests on "
                      f"arrived (`{x}`, {d.isoformat()})")


@rule(
    "CG511", "theater-redated", severity="blocking", serves="fm-argument-theater",
    summary="Since the version compared with, a claim's `asserted` date was removed or moved later (the "
            "claim followed, when its id is gone, to whatever stands in its place as CG806 follows it: the "
            "same or nearly the same words, its place under its parent, a run it cited), or a sign-off (the same role and person) was dated later or stopped listing "
            "evidence it relied on, where the date that version recorded came before that evidence (for a "
            "claim, evidence it rested on in that version: a later date after evidence added since is a "
            "re-examination, judged by CG506).",
    rationale="CG505 and CG506 read dates the lab types: a sign-off's `date` and a claim's optional "
              "`asserted`. A version recorded with a conclusion drawn, or a sign-off given, before the "
              "evidence arrived has put argument theater on the record; deleting `asserted:` or retyping "
              "the sign-off's date (re-signing with a developer key is in the lab's hands) would hide it "
              "with no change in what happened; so would giving the claim a new id. The registry keeps the "
              "earlier version, so the earlier date is what the claim and the sign-off are judged on; a "
              "claim whose id is gone is followed to each element that stands in its place (CG806): one "
              "in the same or nearly the same words, one under the parent it supported, one citing a "
              "run it cited (a claim that stays included), so rewording it under a new id hides nothing; "
              "a signed sign-off of a version the "
              "registry recorded was given no later than the registry recorded it, whatever date its "
              "line gave; and a claim of such a version was made by then, whatever `asserted` date it gave "
              "or whether it gave one, so a date typed now after that day is moved later too.",
    bad="# previous: G1 {asserted: 2026-09-15}; rso Sam Whitfield signed 2026-09-28, relies_on [E-ctf]\n"
        "G1: {claim: Safe to release, supported_by: [G2]}   # E-ctf dated 2026-10-02\n"
        "signoffs: [{role: rso, person: Sam Whitfield, date: 2026-11-22, relies_on: [E-ctf]}]\n"
        "# or, G1 gone: G1-release: {claim: Safe to release., supported_by: [G2]}",
    good="G1: {claim: Safe to release, asserted: 2026-11-01, supported_by: [G2]}\n"
         "signoffs: [{role: rso, person: Sam Whitfield, date: 2026-11-22, relies_on: [E-ctf]}]\n"
         "# previous: G1 {asserted: 2026-11-01}; Sam Whitfield signed 2026-10-05",
    fix="Keep the dates and the relied-on evidence the compared version recorded (a claim it drew from the "
        "evidence it then had may take a later date after evidence added since, as CG506 asks). A "
        "conclusion drawn, or "
        "an approval given, before its evidence existed is not made good by a later date: re-examine the "
        "claim in the light of the evidence, and have the decision taken again by a signer who reviewed "
        "it, in a version decided on its own.",
)
def theater_redated(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None:
        return
    against = ctx.compared
    ev, old_ev = ctx.case.evidence, prev.evidence

    def dated(x: str) -> dt.date | None:
        e = ev.get(x) or old_ev.get(x)
        return e.date if e is not None else None

    from .defeaters import _Successors

    els = ctx.case.argument.elements
    # a claim of a version the registry recorded was made by then, whatever date it gives or
    # whether it gives one: a date typed now is judged against that too
    recorded = ctx.baseline.recorded_at if ctx.baseline is not None else None
    cap = recorded.astimezone(dt.UTC).date() if recorded is not None else None
    typing = bool(ctx.index.fields["asserted"])
    follow: _Successors | None = None  # built for the first claim asserted there
    moved: list[tuple[str, str, dt.date, dt.date | None]] = []  # (id then, id now, date then, date now)
    how: dict[tuple[str, str], str] = {}
    logged: set[str] = set()  # claims whose date then is the registry's record of the version
    for old, el in prev.argument.elements.items():
        if el.asserted is None and not (cap is not None and typing and el.claim is not None):
            continue
        was = min(el.asserted, cap) if el.asserted is not None and cap is not None else el.asserted or cap
        assert was is not None
        # a claim made again under new ids is followed to each element in its place, as CG806
        # follows the claims a defeater was against: in the same or nearly the same words, where
        # it stood, or on a run it cited
        follow = follow or _Successors(ctx, prev)
        for eid, found in follow.follow(old):
            is_ = els[eid].asserted
            if is_ is None and el.asserted is None:
                continue  # no date typed then or now: nothing is moved
            if is_ is None or is_ > was:
                moved.append((old, eid, was, is_))
                how[(old, eid)] = found
                if el.asserted is None or was < el.asserted:
                    logged.add(old)
    if moved:
        now, _ = _newest_under(ctx.case, [eid for _, eid, _, _ in moved])
        then, _ = _newest_under(prev, [old for old, _, _, _ in moved])
        for old, eid, was, is_ in moved:
            if (drawn := then.get(old)) is not None and drawn[0] <= was:
                # the recorded version drew the claim from the evidence it then rested on: a later
                # date after evidence added since is the re-examination CG506 asks for
                continue
            # the evidence the recorded version's date came before, else (it rested on none) what
            # the claim rests on now
            newest = drawn if drawn is not None else now.get(eid)
            if newest is None or newest[0] <= was:
                continue  # the earlier date hid nothing: it already followed the evidence
            change = "records no `asserted` date" if is_ is None else f"dates it {is_.isoformat()}"
            named = f"`{eid}`" if eid == old else f"`{eid}` (`{old}` in {against}, {how[(old, eid)]})"
            by = (f"was made by {was.isoformat()}, when the registry recorded {against}," if old in logged
                  else f"was asserted on {was.isoformat()} in {against},")
            yield Hit(_EL + (eid,) + (("asserted",) if is_ is not None else ()),
                      f"{named} {by} before the evidence it rests on "
                      f"arrived (`{newest[1]}`, {newest[0].isoformat()}); this version {change}")
    # a signed line of a version the registry recorded was signed by then, whatever date it gives
    before: dict[tuple[str, str], tuple[dt.date, list[str]]] = {}
    for s in prev.decision.signoffs:
        key = (s.role, name_key(s.person))
        day = min(s.date, cap) if cap is not None and s.envelope is not None else s.date
        first, relied = before.get(key, (day, []))
        before[key] = (min(first, day), relied + [x for x in s.relies_on if x not in relied])
    for i, s in enumerate(ctx.case.decision.signoffs):
        got = before.get((s.role, name_key(s.person)))
        if got is None:
            continue
        was, relied = got

        def dated_then(x: str, relied: list[str] = relied) -> dt.date | None:
            # what the recorded line relied on is judged by the dates that version gave it: a test
            # run again since under the same id came after that signature, not before it
            return old_ev[x].date if x in relied and x in old_ev else dated(x)

        shown = set() if s.date <= was else {x for x in s.relies_on if x in ev and ev[x].date > s.date}
        hidden = [(x, d) for x in dict.fromkeys([*relied, *s.relies_on])
                  if (d := dated_then(x)) is not None and d > min(was, s.date) and x not in shown
                  and (s.date > was or x not in s.relies_on)]
        if not hidden:
            continue  # CG505 judges the line as it stands
        items = ", ".join(f"`{x}` ({d.isoformat()})" for x, d in hidden)
        dropped = [x for x, _ in hidden if x not in s.relies_on]
        changes = ([f"dates it {s.date.isoformat()}"] if s.date > was else []) + (
            [f"no longer lists {', '.join(f'`{x}`' for x in dropped)} as relied on"] if dropped else [])
        yield Hit(("decision", "signoffs", i, "date" if s.date > was else "relies_on"),
                  f"{s.person} signed as `{s.role}` on {was.isoformat()} in {against}, before the evidence "
                  f"relied on: {items}; this version {' and '.join(changes)}")


@rule(
    "CG507", "author-signed", severity="blocking", serves="test-5-authority",
    summary="An author of the case signed the decision.",
    rationale="The people who wrote the argument cannot also be the ones who check it; a sign-off is "
              "meant to be a second pair of eyes.",
    bad="decision:\n  authors: [Mira Chen]\n  signoffs:\n    - {role: safety-lead, person: Mira Chen, date: 2026-11-21}",
    good="decision:\n  authors: [Mira Chen]\n  signoffs:\n    - {role: safety-lead, person: Dana Ortiz, date: 2026-11-21}",
    fix="Have someone who did not write the case sign in that role.",
)
def author_signed(ctx: Context) -> Iterator[Hit]:
    authors = {name_key(a) for a in ctx.case.decision.authors}
    for i, s in enumerate(ctx.case.decision.signoffs):
        if name_key(s.person) in authors:
            yield Hit(("decision", "signoffs", i, "person"),
                      f"{s.person} wrote the case and signed it as `{s.role}`")


@rule(
    "CG508", "objection-answer-hollow", severity="blocking", serves="test-5-authority",
    summary="An objection is marked answered with an answer that carries no content: boilerplate "
            "('Noted.', 'Acknowledged'), too few words, or a restatement of the objection.",
    rationale="Dissent is answered by evidence or a changed case. 'Noted.' records that someone read "
              "the objection, not that it was answered; letting it close the objection makes dissent "
              "decoration again. The boilerplate list is the policy's (`text.hollow`).",
    bad="O-1: {..., reason: The CTF suite under-samples web exploitation., status: answered, answer: Noted.}",
    good="O-1: {..., status: answered, answer: Web challenges were added before the final run (E-cyber-ctf covers acme-ctf-pro/web).}",
    fix="Answer the objection in substance (what changed, which evidence answers it), or leave it open.",
)
def objection_answer_hollow(ctx: Context) -> Iterator[Hit]:
    from .._text import hollow_reason

    for oid, o in ctx.case.decision.objections.items():
        if o.status != "answered" or not (o.answer and o.answer.strip()):
            continue  # CG504 reports an answered objection with no answer
        why = hollow_reason(o.answer, ctx.policy, question=o.reason)
        if why is not None:
            yield Hit(("decision", "objections", oid, "answer"),
                      f"objection `{oid}` by {o.person} ({o.role}) is marked answered, but the answer carries no content: {why}")


@rule(
    "CG509", "objection-dropped", severity="blocking", serves="test-5-authority",
    summary="An objection recorded in the previous version of the case is missing from this one.",
    rationale="Dissent is part of the record: an objection is answered, upheld or escalated, never "
              "deleted. A version that quietly drops an objection its predecessor recorded erases "
              "the one voice that could stop the decision.",
    bad="# previous version: objections: {O-1: {role: external-evaluator, ..., status: open}}\n"
        "decision:\n  objections: {}",
    good="decision:\n  objections:\n    O-1: {role: external-evaluator, ..., status: answered, answer: ...}",
    fix="Keep the objection and record its answer (or that it was upheld or escalated).",
)
def objection_dropped(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None:
        return
    now = ctx.case.decision.objections
    where: tuple[str | int, ...] = ("decision", "objections") if now else ("decision",)
    for oid, o in prev.decision.objections.items():
        if oid not in now:
            yield Hit(where, f"objection `{oid}` by {o.person} ({o.role}), recorded in version {prev.version}, "
                             "is missing from this version")


@rule(
    "CG510", "signoff-not-signed", severity="blocking", serves="test-5-authority",
    summary="A sign-off line names an authority that no keyring identity signed for: the person is "
            "no identity in the keyring, holds no key for the role, or no envelope of theirs verifies.",
    rationale="A typed name is not an authority. Separation of authority holds only if each "
              "sign-off is made by a distinct person with a distinct key the deployer trusts; a line "
              "anyone can type ('A. Standin, rso') otherwise stands in for the check it claims. The "
              "line is checked against the keyring the gate was given; with none, nothing can be "
              "checked and no line counts (fail closed).",
    bad="decision:\n  signoffs:\n    - {role: rso, person: A. Standin, date: 2026-11-22}   # nobody in the keyring",
    good="decision:\n  signoffs:\n    - {role: rso, person: Sam Whitfield, date: 2026-11-22,\n"
         "       envelope: signoffs/rso.sam-whitfield.dsse.json}   # verifies against Sam Whitfield's rso key",
    fix="Have the person sign the line with their key (`casegate sign --role ROLE --key KEY`), add "
        "them and their key for the role to the keyring, or remove the line.",
)
def signoff_not_signed(ctx: Context) -> Iterator[Hit]:
    if ctx.authority is None:
        return  # no check was made (a preview or an in-memory case): the gate's caller says so
    ring = f"the keyring `{ctx.authority.keyring}`" if ctx.authority.keyring else "no keyring"
    for u in ctx.authority.unsigned:
        yield Hit(("decision", "signoffs", u.index),
                  f"the sign-off of {u.person} as `{u.role}` is declared but not signed by a keyring "
                  f"identity ({ring}): {u.why}")
