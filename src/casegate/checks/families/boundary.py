"""CG1xx: the case names one boundary and its scope (seed test 1), and capability that matters
inside the lab is covered by a case for internal deployment (internal-deployment blindness)."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import BoundaryKind, Case, RuleSeverity
from .._derived import capability_status
from .._registry import Context, Hit, rule

_EXTERNAL_FROM = BoundaryKind.api
"""From this rung up, users are outside the organisation and a rate limit is expected."""


@rule(
    "CG101", "no-boundary", severity="blocking", serves="test-1-boundary",
    summary="The case names no deployment boundary.",
    rationale="A release gate is a decision about crossing one named boundary (internal research, "
              "API, open weights, ...). 'Safe' without a boundary is a global adjective the evidence "
              "cannot support: the same model can be acceptable in one deployment and not another.",
    bad="id: atlas-2\ntitle: Atlas-2 release\n# no boundary",
    good="id: atlas-2\ntitle: Atlas-2 release\nboundary:\n  kind: api\n  scope: {users: verified developers}",
    fix="Add `boundary:` with its `kind` (training ... open-weights), tools and scope.",
)
def no_boundary(ctx: Context) -> Iterator[Hit]:
    c = ctx.case
    if c.boundary is not None:
        return
    if len(c.boundaries) == 1:
        yield Hit(("boundaries",), f"case `{c.id}` lists its boundary under `boundaries`; a case names "
                                   "exactly one boundary, under `boundary`",
                  help="move the entry to `boundary:`")
    elif not c.boundaries:
        yield Hit(("id",), f"case `{c.id}` names no boundary: the gate cannot tell which deployment it "
                           "would open")


@rule(
    "CG102", "several-boundaries", severity="blocking", serves="test-1-boundary",
    summary="The case names more than one boundary.",
    rationale="Evidence, safeguards and required sign-offs differ per boundary; a case that argues for "
              "several at once lets the strongest evidence of one stand in for another. Each boundary "
              "gets its own case (or its own version of one).",
    bad="boundaries:\n  - {kind: trusted-access}\n  - {kind: api}",
    good="boundary: {kind: api, scope: {users: verified developers}}",
    fix="Keep one boundary per case; write a separate case for each other boundary.",
)
def several_boundaries(ctx: Context) -> Iterator[Hit]:
    c = ctx.case
    total = len(c.boundaries) + (1 if c.boundary is not None else 0)
    if total < 2:
        return
    kinds = ([c.boundary.kind.value] if c.boundary else []) + [b.kind.value for b in c.boundaries]
    yield Hit(("boundaries",), f"case `{c.id}` names {total} boundaries ({', '.join(kinds)}); a case argues "
                               "for exactly one")


@rule(
    "CG103", "boundary-scope-missing", severity="blocking", serves="test-1-boundary",
    summary="The boundary does not say who may use the system (its scope), or an external boundary "
            "states no rate limit.",
    rationale="The kind of boundary alone does not fix the exposure: 'API for 50 vetted partners' and "
              "'API for anyone with a card' carry different risk. Residual-risk estimates and attempt "
              "rates rest on who is on the other side.",
    bad="boundary:\n  kind: api",
    good="boundary:\n  kind: api\n  scope: {users: verified developers, rate_limit: 600/min per key}",
    fix="Add `scope:` with `users` (who may cross) and, for external boundaries, `rate_limit`.",
)
def boundary_scope_missing(ctx: Context) -> Iterator[Hit]:
    b = ctx.case.boundary
    if b is None:
        return
    if b.scope is None:
        yield Hit(("boundary", "kind"), f"the `{b.kind.value}` boundary has no scope: who may use the system "
                                        "across it is not stated")
        return
    if not (b.scope.users or "").strip():
        yield Hit(("boundary", "scope"), f"the scope of the `{b.kind.value}` boundary does not say who the "
                                         "users are (`users`)")
    if b.kind.rank >= _EXTERNAL_FROM.rank and not (b.scope.rate_limit or "").strip() and b.kind is not BoundaryKind.open_weights:
        yield Hit(("boundary", "scope"), f"the external `{b.kind.value}` boundary states no rate limit",
                  severity=RuleSeverity.advisory,
                  help="state the rate limits in `scope.rate_limit` (they bound the attempt rates residual risk uses)")


def internal_coverage(ctx: Context) -> str | None:
    """What covers internal deployment of this system, in words; None when nothing does.

    Covered when the boundary being evaluated is itself internal, when a related case of the same
    system (`ctx.registry_cases`) has an internal boundary, or when the system's lineage names a
    case (`Lineage.case`) that the known related cases do not show to be external.
    """
    if ctx.boundary is not None and ctx.boundary.internal:
        return f"this case's own `{ctx.boundary.value}` boundary"
    known: dict[str, Case] = {c.id: c for c in ctx.registry_cases}
    for other in ctx.registry_cases:
        if (other.system.name == ctx.case.system.name and other.id != ctx.case.id
                and other.boundary is not None and other.boundary.kind.internal):
            return f"case `{other.id}` ({other.boundary.kind.value})"
    for lin in ctx.case.system.lineage:
        if not lin.case:
            continue
        linked = known.get(lin.case)
        if linked is None or (linked.boundary is not None and linked.boundary.kind.internal):
            return f"case `{lin.case}` named in the lineage"
    return None


@rule(
    "CG104", "internal-deployment-blindness", severity="blocking",
    serves="fm-internal-deployment-blindness",
    summary="Capability at or above its alert level in a domain that matters inside the lab (AI R&D, "
            "autonomy) with no case covering internal deployment.",
    rationale="A model that can accelerate AI research or act autonomously is risky before any public "
              "release: inside the lab it writes code, runs agents and touches security. The release "
              "boundary is not always public availability; such capability needs a case for its "
              "internal use too.",
    bad="# policy: ai-rnd is internal_relevant, ai-rnd-4 alert 0.20\n"
        "evidence:\n  E-rnd: {kind: eval, threshold: ai-rnd-4, result: {successes: 40, trials: 120}, ...}\n"
        "system: {name: Atlas-2, lineage: []}",
    good="system:\n  name: Atlas-2\n  lineage:\n    - {relation: checkpoint-of, name: Atlas-2 internal, case: atlas-2-internal}",
    fix="Write (or link through `system.lineage[].case` or the registry) a case whose boundary is "
        "internal research or internal deployment, or gate this case at an internal boundary.",
)
def internal_deployment_blindness(ctx: Context) -> Iterator[Hit]:
    if internal_coverage(ctx) is not None:
        return
    pol = ctx.policy
    for tid, st in capability_status(ctx).items():
        dom = pol.domains.get(st.domain)
        if dom is None or not dom.internal_relevant or not st.at_or_above_alert:
            continue
        if st.deciding is not None:
            path: tuple[str | int, ...] = ("evidence", st.deciding.evidence, "result")
        elif st.domain in ctx.case.threat_model:
            path = ("threat_model", st.domain)
        else:
            path = ("system",)
        yield Hit(path, f"`{tid}` ({dom.name}): {st.basis}; capability in this domain matters inside the "
                        "lab, and no case covers internal deployment of this system")


@rule(
    "CG105", "boundary-kind-inconsistent", severity="blocking", serves="test-1-boundary",
    summary="The boundary does not record who can reach the model, or the kind it names is not "
            "consistent with its described properties (access, weights) under the policy's table.",
    rationale="A boundary kind is a label; what fixes the exposure is who can reach the model and "
              "what they can do with it. A paid, self-serve API relabelled `trusted-access` needs "
              "fewer signers and weaker safeguards for the same exposure. The kind follows from the "
              "described properties (the policy's `boundary_kinds`, else the built-in table); "
              "properties that are not recorded cannot be checked, so the kind cannot be trusted.",
    bad="boundary:\n  kind: trusted-access\n  scope: {users: paying developers, access: self-serve, rate_limit: 600/min}",
    good="boundary:\n  kind: api\n  scope: {users: paying developers, access: self-serve, vetting: identity verification, rate_limit: 600/min}",
    fix="Record `scope.access` (public, self-serve, vetted-organisations, named-partners, employees) "
        "and `scope.weights`, and name the kind they make the boundary (or narrow the access).",
)
def boundary_kind_inconsistent(ctx: Context) -> Iterator[Hit]:
    b = ctx.case.boundary
    if b is None or b.scope is None:
        return  # CG101 / CG103 speak to these
    allowed = ctx.policy.kind_properties(b.kind)
    src = "the policy's `boundary_kinds`" if b.kind in ctx.policy.boundary_kinds else "the built-in table"
    if b.scope.access is None:
        yield Hit(("boundary", "scope"), f"the `{b.kind.value}` boundary does not record who can reach the "
                                         "model (`scope.access`), so its kind cannot be checked")
    elif b.scope.access not in allowed.access:
        yield Hit(("boundary", "scope", "access"),
                  f"access `{b.scope.access}` is not consistent with a `{b.kind.value}` boundary under {src} "
                  f"(it allows {', '.join(allowed.access)})",
                  help=f"name the kind this access makes the boundary, or restrict access to one of "
                       f"{', '.join(allowed.access)}")
    if b.scope.weights not in allowed.weights:
        yield Hit(("boundary", "scope", "weights") if "weights" in b.scope.model_fields_set else ("boundary", "kind"),
                  f"weights access `{b.scope.weights}` is not consistent with a `{b.kind.value}` boundary "
                  f"under {src} (it allows {', '.join(allowed.weights)})")
    if (b.kind.rank > BoundaryKind.internal_deployment.rank and b.scope.access in ("vetted-organisations", "named-partners")
            and not (b.scope.vetting or "").strip()):
        yield Hit(("boundary", "scope", "access"),
                  f"access is limited to `{b.scope.access}` but the boundary does not say how they are vetted (`scope.vetting`)")
