"""CG8xx: defeaters (objections, counter-evidence, sandbagging) against the claims the decision
rests on. A defeater stays open until it is answered with evidence; an inability argument must
face the possibility that the model underperformed on purpose."""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from ...model import Element, RuleSeverity
from ...model._case import VERDICT_KINDS
from .._derived import capability_status, elements_of_type, inability_relied_on
from .._registry import Context, Hit, rule

_EL = ("argument", "elements")
_INABILITY = ("below", "below-alert")


def depended_on(ctx: Context) -> AbstractSet[str]:
    """Claims and strategies the top claim depends on (itself included), through `supported_by`."""
    return ctx.index.depended_on


def defeaters_of(ctx: Context) -> dict[str, list[str]]:
    """Element id -> ids of the defeaters aimed at it (via `defeaters:` on the element or `against:`
    on the defeater)."""
    got = ctx.memo.get("cg8_defeaters_of")
    if got is not None:
        return got  # type: ignore[no-any-return]
    types, fields = ctx.index.types, ctx.index.fields
    defeaters, against = fields["defeaters"], fields["against"]
    out: dict[str, list[str]] = {}
    listing = defeaters.keys() | against.keys()
    for eid in [x for x in types if x in listing]:  # in the argument's order
        for d in defeaters.get(eid, ()):
            if types.get(d) == "defeater" and d not in out.setdefault(eid, []):
                out[eid].append(d)
        if types[eid] == "defeater":
            for t in against.get(eid, ()):
                if eid not in out.setdefault(t, []):
                    out[t].append(eid)
    ctx.memo["cg8_defeaters_of"] = out
    return out


def _targets(ctx: Context, did: str) -> list[str]:
    """The depended-on elements a defeater is aimed at (sorted)."""
    got: dict[str, list[str]] | None = ctx.memo.get("cg8_targets")
    if got is None:
        dep = depended_on(ctx)
        got = {}
        for t, ds in defeaters_of(ctx).items():
            if t in dep:
                for d in ds:
                    got.setdefault(d, []).append(t)
        for targets in got.values():
            targets.sort()
        ctx.memo["cg8_targets"] = got
    return got.get(did, [])


def _status_path(did: str, d: Element) -> tuple[str | int, ...]:
    return _EL + (did, "status") if d.status is not None else _EL + (did,)


@rule(
    "CG801", "open-defeater", severity="blocking", serves="fm-argument-theater",
    summary="A defeater against a claim the top claim depends on is still open.",
    rationale="An objection or piece of counter-evidence that nobody has answered leaves the claim "
              "it targets unsupported; proceeding anyway treats the argument as ceremony. Only "
              "the defeater kinds the policy lists under `condition_defeaters` may stand open as a "
              "condition of the decision.",
    bad="G2: {claim: Below Cyber High, evidence: [E-ctf], defeaters: [D1]}\n"
        "D1: {defeater: The suite omits web exploitation, kind: objection, against: [G2], status: open}",
    good="D1: {defeater: The suite omits web exploitation, kind: objection, against: [G2],\n"
         "     status: answered, answered_by: [E-ctf-web]}",
    fix="Answer the defeater with evidence (status: answered, answered_by: [...]), or weaken the claim "
        "it defeats; list its kind in the policy's `condition_defeaters` only if the framework allows it.",
)
def open_defeater(ctx: Context) -> Iterator[Hit]:
    allowed = set(ctx.policy.condition_defeaters)
    for did, d in elements_of_type(ctx, "defeater"):
        if d.status not in (None, "open"):
            continue
        targets = _targets(ctx, did)
        if not targets:
            continue
        kind = d.kind or "defeater"
        state = "is open" if d.status == "open" else "has no status (counted as open)"
        on = ", ".join(f"`{t}`" for t in targets)
        if d.kind is not None and d.kind in allowed:
            yield Hit(_status_path(did, d), f"{kind} `{did}` against {on} {state}; the policy lets "
                      f"`{kind}` defeaters stand as a condition", severity=RuleSeverity.condition,
                      help="answer it with evidence before the condition's due date")
        else:
            yield Hit(_status_path(did, d), f"{kind} `{did}` against {on} {state}")


@rule(
    "CG802", "defeated-claim", severity="blocking", serves="fm-argument-theater",
    summary="A defeater was accepted (the claim is defeated) yet the top claim still depends on that claim.",
    rationale="Once a defeater is accepted the claim no longer holds; an argument that still leans "
              "on it reaches its conclusion through a claim its own authors gave up.",
    bad="D1: {defeater: Scores fell within noise of the threshold, kind: counter-evidence,\n"
        "     against: [G2], status: accepted}",
    good="# replace G2 with a claim the evidence supports, and aim D1 at nothing the top claim needs",
    fix="Restructure the argument so the top claim no longer rests on the defeated claim, or narrow "
        "the boundary to one where it is not needed.",
)
def defeated_claim(ctx: Context) -> Iterator[Hit]:
    for did, d in elements_of_type(ctx, "defeater"):
        if d.status == "accepted":
            targets = _targets(ctx, did)
            if targets:
                yield Hit(_status_path(did, d), f"`{did}` was accepted, defeating "
                          + ", ".join(f"`{t}`" for t in targets) + ", which the top claim still depends on")


@rule(
    "CG803", "answered-without-answer", severity="blocking", serves="fm-argument-theater",
    summary="A defeater is marked answered but names nothing that answers it.",
    rationale="'Answered' is a claim about the argument; without the evidence or rebuttal it "
              "points at, the defeater is still open under another name.",
    bad="D1: {defeater: The suite omits web exploitation, kind: objection, against: [G2], status: answered}",
    good="D1: {defeater: The suite omits web exploitation, kind: objection, against: [G2],\n"
         "     status: answered, answered_by: [E-ctf-web]}",
    fix="List the evidence or claims that answer it under `answered_by`, or set `status: open`.",
)
def answered_without_answer(ctx: Context) -> Iterator[Hit]:
    for did, d in elements_of_type(ctx, "defeater"):
        if d.status == "answered" and not d.answered_by:
            yield Hit(_EL + (did, "status"), f"defeater `{did}` is marked answered but `answered_by` is empty")


def _ancestors(ctx: Context, eid: str) -> set[str]:
    """Elements that (transitively) list `eid` under `supported_by`, plus `eid` itself."""
    parents = ctx.memo.get("cg8_parents")
    if parents is None:
        parents = {}
        for pid, kids in ctx.index.fields["supported_by"].items():
            for k in kids:  # an unknown id is never asked for: `eid` is an element, and so are its parents
                parents.setdefault(k, []).append(pid)
        ctx.memo["cg8_parents"] = parents
    seen: set[str] = set()
    todo = [eid]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        todo.extend(parents.get(n, []))
    return seen


@rule(
    "CG804", "sandbagging-not-addressed", severity="blocking", serves="test-3-elicitation",
    summary="An inability claim (capability below a threshold or its alert level), or a threshold the "
            "decision argues by inability, has no sandbagging defeater.",
    rationale="An inability argument holds only if the model tried: a model that underperforms on "
              "purpose passes every capability test. Each inability claim (or a claim above it) must "
              "name sandbagging as a defeater and answer it with evidence. The claims' `capability:` "
              "tags are the case's word: wherever the decision itself rests on measured inability "
              "(a domain whose pathways are argued by inability, or scoped out on it), each "
              "evaluation that measures the domain's thresholds must be cited under a claim a "
              "sandbagging defeater faces, tagged or not.",
    bad="G2: {claim: Below Cyber High, capability: {threshold: cyber-high, position: below}, evidence: [E-ctf]}",
    good="G2: {claim: Below Cyber High, capability: {threshold: cyber-high, position: below},\n"
         "     evidence: [E-ctf], defeaters: [D1]}\n"
         "D1: {defeater: The model may sandbag the CTF suite, kind: sandbagging, against: [G2],\n"
         "     status: answered, answered_by: [E-sandbag-probe]}",
    fix="Add a `kind: sandbagging` defeater against the claim and answer it with evidence such as a "
        "sandbagging probe or fine-tuning elicitation.",
)
def sandbagging_not_addressed(ctx: Context) -> Iterator[Hit]:
    els = ctx.case.argument.elements
    dmap = defeaters_of(ctx)
    dep = depended_on(ctx)
    flagged: set[str] = set()
    # sort only the inability claims, not every element the top claim depends on
    for eid in sorted(x for x, cap in ctx.index.fields["capability"].items()
                      if cap.position in _INABILITY and x in dep):
        e = els[eid]
        assert e.capability is not None
        # a sandbagging defeater is most often aimed at the claim itself: its ancestors are
        # looked for only when none is
        covered = any(els[d].kind == "sandbagging" for d in dmap.get(eid, [])) or \
            any(els[d].kind == "sandbagging" for a in _ancestors(ctx, eid) for d in dmap.get(a, []))
        if not covered:
            flagged.add(e.capability.threshold)
            yield Hit(_EL + (eid, "capability"),
                      f"`{eid}` argues inability ({e.capability.position} `{e.capability.threshold}`) "
                      "but no sandbagging defeater is raised against it")
    # the decision's own inability argument, whatever the claims are tagged with: every evaluation
    # it rests on must sit under a claim that a sandbagging defeater faces
    faced: set[str] = set()
    for x in dep:
        if any(els[d].kind == "sandbagging" for a in _ancestors(ctx, x) for d in dmap.get(a, [])):
            faced.update(els[x].evidence)
    statuses = capability_status(ctx)
    for dom in inability_relied_on(ctx):
        for tid, st in statuses.items():
            if st.domain != dom or tid in flagged:
                continue
            for b in st.counted:
                if b.evidence not in faced:
                    yield Hit(("evidence", b.evidence),
                              f"`{tid}` is argued by inability on `{b.evidence}` ({st.basis}), but no "
                              f"sandbagging defeater faces a claim resting on `{b.evidence}`",
                              help=f"cite `{b.evidence}` under a claim and raise a `kind: sandbagging` "
                                   "defeater against it, answered with evidence")


def _answered_with_evidence(ctx: Context, d: Element) -> bool:
    """True when some item in `answered_by` is evidence that passed, or a claim resting on such: a
    check whose outcome is a verdict (a sandbagging probe, a review) with a `passed: true` that
    counts; an evaluation or test that did not fail. An item that counts for nothing (its verdict
    the case's word alone, see CG356) answers nothing."""
    els, ev = ctx.case.argument.elements, ctx.case.evidence
    excluded = ctx.facts.excluded if ctx.facts is not None else {}

    def usable(x: str) -> bool:
        item = ev.get(x)
        if item is None or x in excluded:
            return False
        if item.kind in VERDICT_KINDS:
            return item.result is not None and item.result.passed is True
        return not (item.result is not None and item.result.passed is False)

    seen: set[str] = set()
    todo = list(d.answered_by)
    while todo:
        x = todo.pop()
        if x in seen:
            continue
        seen.add(x)
        if usable(x):
            return True
        if x in els:
            todo.extend(els[x].evidence)
            todo.extend(els[x].supported_by)
    return False


@rule(
    "CG805", "sandbagging-answer-without-evidence", severity="blocking", serves="test-3-elicitation",
    summary="A sandbagging defeater is answered without evidence that passed: none, a probe or review that "
            "failed or states no verdict, or one whose verdict counts for nothing.",
    rationale="Deliberate underperformance cannot be ruled out by assertion; the answer has to be "
              "an observation, such as a sandbagging probe or elicitation by fine-tuning. A probe's "
              "`passed: true` counts only when an evaluator outside the developer signed it, or the policy "
              "takes the case's word (`evidence.declared_verdicts: any`, see CG356).",
    bad="D1: {defeater: The model may sandbag, kind: sandbagging, against: [G2], status: answered,\n"
        "     answered_by: [J1]}\nJ1: {justification: We have no reason to think it sandbags}",
    good="D1: {defeater: The model may sandbag, kind: sandbagging, against: [G2], status: answered,\n"
         "     answered_by: [E-sandbag-probe]}",
    fix="Run a sandbagging probe (or fine-tuning elicitation) and cite it under `answered_by`.",
)
def sandbagging_answer_without_evidence(ctx: Context) -> Iterator[Hit]:
    for did, d in elements_of_type(ctx, "defeater"):
        if d.kind != "sandbagging" or d.status != "answered" or not d.answered_by:
            continue
        if not _answered_with_evidence(ctx, d):
            excluded = ctx.facts.excluded if ctx.facts is not None else {}
            void = [x for x in d.answered_by if x in excluded]
            why = "".join(f"; {excluded[x]}" if excluded[x].startswith(f"`{x}`")
                          else f"; `{x}` counts for nothing: {excluded[x]}" for x in void)
            yield Hit(_EL + (did, "answered_by"),
                      f"sandbagging defeater `{did}` is answered by "
                      + ", ".join(f"`{x}`" for x in d.answered_by)
                      + f", none of which is (or rests on) evidence that passed{why}")
