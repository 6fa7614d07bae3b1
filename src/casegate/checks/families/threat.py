"""CG2xx: an explicit threat model (seed test 2): every risk domain the policy requires is addressed
with harm pathways or scoped out with a reason, and claims about misuse say which domain they are
about."""

from __future__ import annotations

from collections.abc import Iterator
from typing import get_args

from ...model import Access, RuleSeverity, rate_limit_wider
from ...model._base import WeightsAccess
from .._derived import capability_status
from .._registry import Context, Hit, rule

_EL = ("argument", "elements")


@rule(
    "CG201", "domain-not-addressed", severity="blocking", serves="test-2-threat-model",
    summary="A risk domain the policy requires is neither addressed in the threat model nor scoped "
            "out with a reason.",
    rationale="CBRN, cyber, persuasion, autonomy, AI R&D, exfiltration and sabotage are different "
              "risks needing different evidence. A domain the case is silent on was not considered; "
              "'we tested for misuse' has not named the risk.",
    bad="# policy requires cbrn and cyber\nthreat_model:\n  cyber: {pathways: {...}}",
    good="threat_model:\n  cyber: {pathways: {...}}\n  cbrn:\n    scoped_out: no wet-lab capability reachable through this boundary\n    evidence: [E-bio-screen]",
    fix="Add the domain under `threat_model` with its actors and pathways, or with `scoped_out:` "
        "giving the reason (and evidence) it does not apply at this boundary.",
)
def domain_not_addressed(ctx: Context) -> Iterator[Hit]:
    tm = ctx.case.threat_model
    for did, dom in ctx.policy.domains.items():
        if not dom.required:
            continue
        if did not in tm:
            where: tuple[str | int, ...] = ("threat_model",) if tm else ("id",)
            yield Hit(where, f"policy domain `{did}` ({dom.name}) is neither addressed nor scoped out",
                      help=f"add `threat_model.{did}` with pathways, or with `scoped_out:` and the reason")
        elif (reason := tm[did].scoped_out) is not None and not reason.strip():
            yield Hit(("threat_model", did, "scoped_out"), f"domain `{did}` is scoped out with no reason")


@rule(
    "CG202", "domain-without-pathway", severity="blocking", serves="test-2-threat-model",
    summary="A domain the case addresses has no harm pathway.",
    rationale="Safeguards and residual risk are argued per pathway, from access to harm. A domain "
              "addressed with actors but no pathway leaves nothing for safeguards to block and no "
              "residual risk to bound.",
    bad="threat_model:\n  cyber:\n    actors: [ransomware crew]",
    good="threat_model:\n  cyber:\n    actors: [ransomware crew]\n    pathways:\n      cyber-ransomware: {severity: severe, steps: [obtain-access, build-exploit, deploy]}",
    fix="Add at least one pathway (ordered steps from access to harm, with a severity), or scope the "
        "domain out with a reason.",
)
def domain_without_pathway(ctx: Context) -> Iterator[Hit]:
    for did, t in ctx.case.threat_model.items():
        if t.scoped_out is None and not t.pathways:
            yield Hit(("threat_model", did), f"domain `{did}` is addressed but names no harm pathway")


def _domains_in_scope(ctx: Context) -> tuple[dict[str, str], dict[str, str]]:
    """The domain each element is about, as two maps without a key in common: (element id -> the
    domain it names itself, for the elements whose own domain counts; element id -> the domain an
    ancestor names, through supported_by, for the others), computed top-down once per context.
    An element's domain is `own.get(eid) or passed.get(eid)`. (One map of both took a table of
    every element, 0.4 MiB at 10k goals to the end of the check, where most name their own.)"""
    got = ctx.memo.get("domain_in_scope")
    if got is not None:
        return got  # type: ignore[no-any-return]
    index = ctx.index
    support, own = index.support, index.fields["domain"]
    # an element's own domain counts when Kahn's order holds it: an element on or below a circle
    # never has its turn
    counted = own
    if len(index.order) != len(index.types):
        ordered = set(index.order)
        counted = {eid: dom for eid, dom in own.items() if eid in ordered}
    passed: dict[str, str] = {}
    # Kahn's order: every parent is settled before its children, and before any of them is
    # reached here; only the elements that list support pass a domain on, to those of their
    # children whose own domain does not count
    for eid in filter(support.__contains__, index.order):
        dom = own.get(eid) or passed.get(eid)
        if dom:
            for t in support[eid]:
                if t not in counted:
                    passed.setdefault(t, dom)
    ctx.memo["domain_in_scope"] = out = (counted, passed)
    return out


@rule(
    "CG203", "misuse-claim-without-domain", severity="blocking", serves="test-2-threat-model",
    summary="A claim about capability or misuse names no risk domain (or one that contradicts its "
            "threshold or pathway).",
    rationale="A claim is about misuse when it asserts a capability position, names a harm pathway, or "
              "cites capability evidence (an evaluation, or evidence measuring a threshold). Such a "
              "claim must say which domain's risk it bounds, itself or through a claim it supports, "
              "so it can be checked against that domain's thresholds and pathways.",
    bad="G2:\n  claim: The model does not give meaningful uplift.\n  evidence: [E-cyber-ctf]",
    good="G2:\n  claim: The model's cyber capability is below Cyber High.\n  domain: cyber\n  evidence: [E-cyber-ctf]",
    fix="Add `domain:` to the claim (or to the claim it supports), matching its threshold's and "
        "pathway's domain.",
)
def misuse_claim_without_domain(ctx: Context) -> Iterator[Hit]:
    c, pol = ctx.case, ctx.policy
    pathways = c.pathways()
    scope: tuple[dict[str, str], dict[str, str]] | None = None
    index = ctx.index
    fields = index.fields
    capability, pathway, evidence, own = fields["capability"], fields["pathway"], fields["evidence"], fields["domain"]
    # A claim that names its own domain is in that domain when Kahn's order holds every element
    # (see `_domains_in_scope`), and then it can only be found wanting over its capability or
    # pathway: the claims asked about are those with a capability or a pathway, and those that cite
    # evidence but name no domain themselves.
    whole = len(index.order) == len(index.types)
    asked = capability.keys() | pathway.keys() | (evidence.keys() - own.keys() if whole else evidence.keys())
    for eid in filter(asked.__contains__, index.by_type.get("claim", ())):
        cap, path = capability.get(eid), pathway.get(eid)
        cites: list[str] = []
        if not (cap or path):
            # capability evidence: an evaluation, or evidence measuring a threshold
            cites = [x for x in evidence.get(eid, ())
                     if (ev := c.evidence.get(x)) is not None and (ev.threshold is not None or ev.kind == "eval")]
            if not cites:
                continue
        dom = own.get(eid) if whole else None
        if dom is None:
            if scope is None:
                scope = _domains_in_scope(ctx)
            dom = scope[0].get(eid) or scope[1].get(eid)
        base = _EL + (eid,)
        if dom is None:
            why = ("asserts a capability position" if cap else
                   f"names pathway `{path}`" if path else
                   f"cites capability evidence ({', '.join(cites)})")
            yield Hit(base, f"claim `{eid}` {why} but names no risk domain")
            continue
        if cap and cap.threshold in pol.thresholds:
            tdom = pol.thresholds[cap.threshold].domain
            if tdom != dom:
                yield Hit(base + ("capability", "threshold"),
                          f"claim `{eid}` is about domain `{dom}` but threshold `{cap.threshold}` "
                          f"belongs to `{tdom}`")
        if path and path in pathways and pathways[path][0] != dom:
            yield Hit(base + ("pathway",), f"claim `{eid}` is about domain `{dom}` but pathway `{path}` "
                                           f"belongs to `{pathways[path][0]}`")


@rule(
    "CG204", "scoped-out-despite-capability", severity="blocking", serves="test-2-threat-model",
    summary="A domain is scoped out although an evaluation shows its capability at or above the "
            "alert level.",
    rationale="Scoping a domain out says its risk does not arise at this boundary. When the model's "
              "measured capability in that domain reaches the threshold (blocking) or its alert level "
              "(a condition), the scoping-out is contradicted by the case's own evidence: the domain "
              "needs pathways and safeguards.",
    bad="threat_model:\n  cyber: {scoped_out: not relevant}\n# E-cyber-ctf: 80/200, upper bound 0.46 >= 0.30",
    good="threat_model:\n  cyber:\n    pathways:\n      cyber-ransomware: {severity: severe, steps: [...]}",
    fix="Address the domain with pathways and safeguards, or justify the scoping-out with evidence "
        "that the capability cannot be used across this boundary and gate at a boundary where it holds.",
)
def scoped_out_despite_capability(ctx: Context) -> Iterator[Hit]:
    tm = ctx.case.threat_model
    for tid, st in capability_status(ctx).items():
        t = tm.get(st.domain)
        if t is None or t.scoped_out is None or not st.measured or not st.at_or_above_alert:
            continue
        yield Hit(("threat_model", st.domain, "scoped_out"),
                  f"domain `{st.domain}` is scoped out, but `{tid}`: {st.basis}",
                  severity=None if st.reached else RuleSeverity.condition)


BOUNDARY_PROPERTIES = ("kind", "tools", "sensitive_domains", "scope.access", "scope.vetting", "scope.weights",
                       "scope.regions", "scope.rate_limit", "scope.max_users", "scope.users")
"""Paths into `boundary` a scoping-out may rest on."""


def _property_value(ctx: Context, path: str) -> object:
    return boundary_value(ctx.case.boundary, path)


def boundary_value(b: object, path: str) -> object:
    obj: object = b
    for part in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, part, None)
    return obj


def shown(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return "none" if value is None else str(getattr(value, "value", value))


_WIDEST_FIRST: dict[str, tuple[str, ...]] = {"scope.access": get_args(Access),
                                             "scope.weights": tuple(reversed(get_args(WeightsAccess)))}
"""Ranked boundary properties, widest first."""


def _said(value: object) -> object:
    """A described value as the comparison reads it: text (and a list's items) with case and
    spacing aside, so a line re-wrapped or re-capitalised says the same thing."""
    if type(value) is str:  # not a ranked kind, which keeps its rank
        return " ".join(value.split()).casefold()
    if isinstance(value, list):
        return [_said(v) for v in value]
    return value


def wider(prop: str, was: object, now: object) -> bool:
    """Whether the boundary property `prop` gives more now than it did (`was`): a list that gained
    an item (or a region list dropped, since no list is no region limit), a ranked level or kind
    that widened, a larger user cap or none, a rate limit that allows more (read as numbers: 600/min
    and 10/s are one rate; one stated where there was none narrows); any other change of a
    described property counts, since the gate cannot rank free text (nor a rate limit it cannot
    read)."""
    if prop == "scope.rate_limit" and isinstance(was, str | None) and isinstance(now, str | None):
        ranked = rate_limit_wider(was, now)
        if ranked is not None:
            return ranked
    was, now = _said(was), _said(now)
    if isinstance(was, list) and isinstance(now, list):
        if prop == "scope.regions" and not (was and now):
            return bool(was)  # no region list is no region limit: dropping one widens, naming one does not
        return bool(set(map(str, now)) - set(map(str, was)))
    if prop == "kind" and was is not None and now is not None:
        return bool(getattr(now, "rank", 0) > getattr(was, "rank", 0))
    order = _WIDEST_FIRST.get(prop)
    if order is not None and was in order and now in order:
        return order.index(str(now)) < order.index(str(was))
    if prop == "scope.max_users" and isinstance(was, int | None) and isinstance(now, int | None):
        return was is not None and (now is None or now > was)  # no cap is the widest
    return was != now


@rule(
    "CG205", "scoped-out-reason-hollow", severity="blocking", serves="test-2-threat-model",
    summary="A domain is scoped out with a reason that carries no content, or that cites neither a "
            "boundary property nor evidence.",
    rationale="Scoping a domain out must never be easier than arguing it. 'Not relevant' or 'N/A' "
              "hides a risk behind a sentence; a reason counts when it rests on something the gate "
              "can hold the case to: a described property of the boundary (`rests_on`, e.g. "
              "`tools` or `scope.weights`) or evidence.",
    bad="threat_model:\n  autonomy: {scoped_out: N/A}",
    good="threat_model:\n  autonomy:\n    scoped_out: The code tool runs in a sandbox with no network egress.\n    rests_on: [tools]",
    fix="Give the reason in substance and cite what it rests on: `rests_on:` boundary properties, "
        "or `evidence:`.",
)
def scoped_out_reason_hollow(ctx: Context) -> Iterator[Hit]:
    from .._text import hollow_reason

    for did, t in ctx.case.threat_model.items():
        if t.scoped_out is None or not t.scoped_out.strip():
            continue  # CG201 reports an empty reason
        path = ("threat_model", did, "scoped_out")
        why = hollow_reason(t.scoped_out, ctx.policy, min_words=3)
        if why is not None:
            yield Hit(path, f"domain `{did}` is scoped out with a reason that carries no content: {why}")
            continue
        for i, prop in enumerate(t.rests_on):
            if prop not in BOUNDARY_PROPERTIES:
                yield Hit(("threat_model", did, "rests_on", i),
                          f"domain `{did}` rests its scoping-out on `{prop}`, which is not a boundary property "
                          f"({', '.join(BOUNDARY_PROPERTIES)})")
            elif ctx.case.boundary is None or _property_value(ctx, prop) is None:
                yield Hit(("threat_model", did, "rests_on", i),
                          f"domain `{did}` rests its scoping-out on `boundary.{prop}`, which the boundary "
                          "does not state")
        if not t.rests_on and not t.evidence:
            yield Hit(path, f"domain `{did}` is scoped out with a reason that cites neither a boundary "
                            "property (`rests_on`) nor evidence")


@rule(
    "CG210", "scoped-out-boundary-changed", severity="blocking", serves="test-2-threat-model",
    summary="A domain stays scoped out on a boundary property (`rests_on`, now or in the version "
            "compared with) that widened since that version (more tools, wider access, more users, or "
            "changed words): the scoping-out was argued for another boundary.",
    rationale="A scoping-out that rests on the boundary (no network tools, employees only, no weight "
              "access) holds only while the boundary does. A new version that gives the model more "
              "tools, or opens access, and keeps the old scoping-out argues a domain away on a "
              "boundary that no longer exists.",
    bad="# previous: tools: [code-execution]\nboundary: {tools: [code-execution, persistent-shell]}\n"
        "threat_model:\n  autonomy: {scoped_out: sandboxed with no network egress, rests_on: [tools]}",
    good="boundary: {tools: [code-execution]}\n"
         "threat_model:\n  autonomy: {scoped_out: sandboxed with no network egress, rests_on: [tools]}",
    fix="Argue the scoping-out again for the boundary as it is now (and say why it still holds), or "
        "address the domain with pathways and safeguards.",
)
def scoped_out_boundary_changed(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None or prev.boundary is None or ctx.case.boundary is None:
        return
    for did, t in ctx.case.threat_model.items():
        if t.scoped_out is None:
            continue
        # what the scoping-out rested on then counts too: dropping `tools` from `rests_on` as the
        # tools grow does not make the old argument hold
        before = prev.threat_model.get(did)
        props = dict.fromkeys([*t.rests_on, *(before.rests_on if before is not None and before.scoped_out else ())])
        for prop in props:
            if prop not in BOUNDARY_PROPERTIES:
                continue  # CG205
            was, now = boundary_value(prev.boundary, prop), boundary_value(ctx.case.boundary, prop)
            if wider(prop, was, now):
                where = ("threat_model", did, "rests_on", t.rests_on.index(prop)) if prop in t.rests_on else \
                    ("threat_model", did, "scoped_out")
                yield Hit(where, f"domain `{did}` stays scoped out on `boundary.{prop}`, which widened since the "
                                 f"version compared with ({shown(was)} -> {shown(now)})")


@rule(
    "CG212", "scoped-out-despite-grant", severity="blocking", serves="test-2-threat-model",
    summary="A domain the policy sets no threshold for is scoped out while the boundary grants a "
            "tool, or integrates into a sensitive domain, that the policy does not clear for scoping "
            "that domain out.",
    rationale="A scoping-out that rests on what the deployment is (a sandbox with no network egress, "
              "no access to the lab's systems) is contradicted by the boundary's own list when that "
              "list gives the model a browser, computer control or a persistent shell. The gate cannot "
              "read the reason's words, so the policy says, per tool and per sensitive domain, which "
              "domains may stay scoped out while it is granted (`tools.<name>.scopes_out`, "
              "`sensitive_domains.<name>.scopes_out`); anything the policy does not list clears "
              "nothing. A domain the policy sets thresholds for is scoped out only on measured "
              "inability (CG206), and its evaluations are held to the tools instead (CG301). A tool "
              "the policy lists without `named_by` words is granted where the boundary's own words "
              "name it by its name in a clause that does not deny it (`outbound network access` for "
              "`network`), whatever the list says.",
    bad="# policy: tools: {code-execution: {scopes_out: [autonomy]}}\n"
        "boundary: {tools: [code-execution, web-browsing]}\n"
        "threat_model:\n  autonomy: {scoped_out: sandboxed with no network egress, rests_on: [tools]}",
    good="# policy: tools: {code-execution: {scopes_out: [autonomy]}}\n"
         "boundary: {tools: [code-execution]}\n"
         "threat_model:\n  autonomy: {scoped_out: sandboxed with no network egress, rests_on: [tools]}",
    fix="Address the domain with pathways and safeguards, gate a boundary without what contradicts "
        "the scoping-out, or have the policy's owners say the grant opens no pathway in the domain.",
)
def scoped_out_despite_grant(ctx: Context) -> Iterator[Hit]:
    from .._derived import grants_against_scoping, scoped_out_on_boundary

    for did in scoped_out_on_boundary(ctx):
        t = ctx.case.threat_model[did]
        against = grants_against_scoping(ctx, did)
        if not against:
            continue
        listed = ctx.case.boundary.tools if ctx.case.boundary is not None else []
        words = ", ".join(f"`{name}`" + (" (sensitive domain)" if attr == "sensitive_domains" else
                                         " (in its words, not its list)" if name not in listed else "")
                          for attr, name in against)
        where = ("threat_model", did, "rests_on", 0) if t.rests_on else ("threat_model", did, "scoped_out")
        yield Hit(where, f"domain `{did}` is scoped out, but the boundary grants {words}, which the policy "
                         f"does not clear for scoping `{did}` out (`scopes_out`)")


@rule(
    "CG213", "sensitive-domain-unlisted", severity="blocking", serves="test-2-threat-model",
    summary="The boundary integrates the model into a sensitive domain the policy does not list "
            "(`sensitive_domains`).",
    rationale="No evaluation log records the setting a model is integrated into, so the evidence "
              "cannot show that an integration (critical infrastructure, a clinical system) was "
              "weighed; only the framework's owners can say what it opens, by listing it in the "
              "policy with the domains it leaves scoped out. A sensitive domain the policy does not "
              "list has been weighed by nobody, and a case that scopes out no untested domain would "
              "otherwise carry it to GO unexamined, and `verify` would then allow deploying into it. "
              "Names are compared as written: a policy's `healthcare` is not a boundary's "
              "`health-care`.",
    bad="# policy: sensitive_domains: {healthcare: {scopes_out: [sabotage]}}\n"
        "boundary: {kind: api, sensitive_domains: [power-grid-control]}",
    good="# policy: sensitive_domains: {healthcare: {scopes_out: [sabotage]}}\n"
         "boundary: {kind: api, sensitive_domains: [healthcare]}",
    fix="Gate a boundary without the domain, or have the policy's owners list it under "
        "`sensitive_domains` (with the domains it leaves scoped out).",
)
def sensitive_domain_unlisted(ctx: Context) -> Iterator[Hit]:
    from ...model._base import name_key

    b = ctx.case.boundary
    if b is None:
        return
    listed = ctx.policy.sensitive_domains
    for i, name in enumerate(b.sensitive_domains):
        if name in listed:
            continue
        near = [k for k in listed if name_key(k) == name_key(name)]
        named = (f"; the policy lists `{near[0]}`: use that name" if near else
                 f"; it lists {', '.join(f'`{k}`' for k in listed)}" if listed else "; it lists none")
        yield Hit(("boundary", "sensitive_domains", i),
                  f"the boundary integrates the model into `{name}`, a sensitive domain the policy does not "
                  f"list (`sensitive_domains`), so nobody has said what the integration opens{named}",
                  help=f"drop `{name}` from `boundary.sensitive_domains`, or have the policy's owners list it")


@rule(
    "CG216", "grant-named-not-listed", severity="blocking", serves="test-2-threat-model",
    summary="The boundary's words name a tool or sensitive domain the policy lists, by its "
            "`named_by` words, that the boundary's `tools` or `sensitive_domains` leaves out.",
    rationale="Every rule that weighs what a deployment opens (the domains it may leave scoped out, "
              "the tools its evaluations must give the model, the sensitive domains the policy must "
              "have weighed) reads the boundary's lists. A boundary that describes the model embedded "
              "in a grid operator's control room with a switching-order tool, and lists neither, is "
              "judged as a plain API: persuasion and sabotage stay scoped out on a sandbox's "
              "clearance. The policy names the words by which an integration or a tool is recognised "
              "(`named_by`); words that name one, each word in its regular inflections (`signs in` "
              "for `sign in`), grant it, a clause denying it included: the boundary then lists it "
              "or says what it is in other words.",
    bad="# policy: sensitive_domains: {power-grid-control: {named_by: [control room]}}\n"
        "boundary: {kind: api, description: the model in the operator's control-room assistant}",
    good="# policy: sensitive_domains: {power-grid-control: {named_by: [control room]}}\n"
         "boundary: {kind: api, sensitive_domains: [power-grid-control], "
         "description: the model in the operator's control-room assistant}",
    fix="List the tool under `boundary.tools` or the integration under `boundary.sensitive_domains` "
        "(and address what it opens), or describe a boundary that does not grant it.",
)
def grant_named_not_listed(ctx: Context) -> Iterator[Hit]:
    from .._derived import grants_in_words

    for attr, name, words, where in grants_in_words(ctx.case, ctx.policy):
        what = "tool" if attr == "tools" else "sensitive domain"
        yield Hit(where,
                  f"the boundary's words name \"{words}\", the policy's {what} `{name}`, but `boundary.{attr}` "
                  f"does not list it: the rules that weigh what the deployment opens read the list, so the "
                  f"{what} is granted unexamined",
                  help=f"add `{name}` to `boundary.{attr}` and address what it opens, or describe a "
                       f"boundary that does not grant it")


@rule(
    "CG433", "tools-users-install", severity="blocking", serves="test-2-threat-model",
    summary="The boundary's words say users give the model tools they pick themselves (`users install "
            "connectors`, `MCP servers`, `a plugin store`), while `boundary.tools` leaves out tools the "
            "policy lists.",
    rationale="A marketplace of connectors written by other companies and by anyone who registers as a "
              "developer gives the model whatever those connectors reach: mail, payments, a shell. The "
              "boundary's list is then not what the model is given, and words that name the marketplace "
              "without naming a tool (`users can install connectors, provided by third parties and "
              "optional`) leave CG216 nothing to read: the rules that weigh what the deployment opens, "
              "and the tests that must give the model each tool it is granted (CG426), read a list the "
              "users extend. Where users pick the tools, each tool the policy names may be among them.",
    bad="# policy: tools: {payments: {...}, cloud-shell: {...}}\n"
        "boundary: {kind: consumer, tools: [browser], description: users install connectors from the marketplace}",
    good="boundary: {kind: consumer, tools: [browser, payments, cloud-shell], "
         "description: users install connectors from the marketplace}",
    fix="List under `boundary.tools` every tool of the policy's that a connector can give the model (and test "
        "the safeguards with them), or describe a boundary whose users add no tools.",
)
def tools_users_install(ctx: Context) -> Iterator[Hit]:
    from .._derived import tools_users_install_in_words

    b = ctx.case.boundary
    if b is None or not ctx.policy.tools:
        return
    missing = [name for name in ctx.policy.tools if name not in b.tools]
    if not missing:
        return
    said = tools_users_install_in_words(ctx.case, ctx.memo)
    if said is None:
        return
    yield Hit(("boundary", "tools"),
              f"the boundary's words say users give the model tools they pick themselves (\"{said}\"), but "
              f"`boundary.tools` leaves out the policy's {', '.join(f'`{n}`' for n in missing)}: a connector "
              f"can give the model any of them, so the tool(s) are granted unexamined",
              help=f"add {', '.join(f'`{n}`' for n in missing)} to `boundary.tools` and test the safeguards "
                   f"with them, or describe a boundary whose users add no tools")


@rule(
    "CG215", "scoped-out-at-uncleared-boundary", severity="blocking", serves="test-2-threat-model",
    summary="A domain is scoped out at a boundary kind the policy does not list for it "
            "(`domains.<id>.scoped_out_at`).",
    rationale="A domain the policy sets no threshold for is scoped out on a property of the boundary "
              "(`rests_on: [kind]`) and a reason in words, which the gate cannot read: a sentence that the "
              "risk is argued in another case, or does not arise through this boundary, took the place of "
              "its pathways, safeguards, audits and residual risk. Some risks do not pass through the "
              "deployment boundary at all: weights are stolen from the lab's systems whoever the API "
              "serves. The policy says at which boundary kinds a domain may be scoped out; at any other, "
              "scoping it out blocks. Atlas-api with its weight-theft pathway, weight-security safeguards "
              "and audits replaced by `exfiltration: {scoped_out: Weight security is argued in the "
              "atlas-2-internal case., rests_on: [kind]}` (and no code-execution tool) was GO WITH "
              "CONDITIONS.",
    bad="# policy: domains: {exfiltration: {name: Model-weight exfiltration, scoped_out_at: [open-weights]}}\n"
        "boundary: {kind: api}\n"
        "threat_model:\n  exfiltration: {scoped_out: Weight security is argued in the internal case., rests_on: [kind]}",
    good="threat_model:\n  exfiltration:\n    pathways:\n      weight-theft: {severity: severe, steps: [...]}\n"
         "# with its security safeguards, their independent audits and a residual-risk entry",
    fix="Address the domain with its pathways, safeguards and residual risk at this boundary; the policy's "
        "owners decide where it may be scoped out (`domains.<id>.scoped_out_at`).",
)
def scoped_out_at_uncleared_boundary(ctx: Context) -> Iterator[Hit]:
    for did, t in ctx.case.threat_model.items():
        dom = ctx.policy.domains.get(did)
        if t.scoped_out is None or not t.scoped_out.strip() or dom is None or dom.scoped_out_at is None:
            continue
        kind = ctx.boundary
        if kind is not None and kind in dom.scoped_out_at:
            continue
        at = ", ".join(f"`{k.value}`" for k in dom.scoped_out_at) or "no boundary"
        where = f"at `{kind.value}`" if kind is not None else "at a boundary of no stated kind"
        yield Hit(("threat_model", did, "scoped_out"),
                  f"domain `{did}` is scoped out {where}, but the policy lets it be scoped out only at {at} "
                  "(`scoped_out_at`): elsewhere its risk is argued with pathways, safeguards and residual risk")


@rule(
    "CG214", "scoped-out-despite-required-safeguards", severity="blocking", serves="test-2-threat-model",
    summary="A domain is scoped out although the policy requires safeguards for one of its thresholds at "
            "this boundary (a baseline requirement, or one of a level the capability reaches).",
    rationale="Scoping a domain out says its risk does not arise at this boundary. A framework that sets "
              "baseline safeguards for a threshold at a boundary has said the risk arises there whatever "
              "the measured capability: an argued domain must show those layers on its severe pathways "
              "(CG402, CG403). Scoped out with its pathways, the domain would drop them, so scoping out "
              "would ask less than arguing and a lab would scope out the domains whose safeguards it has "
              "not built. A domain scoped out of an external boundary as a risk that arises inside the "
              "lab is left to its internal case (CG104).",
    bad="# policy: bio-high {safeguards: [{boundary: api, level: baseline, min_layers: 2, layers: [classifier]}]}\n"
        "boundary: {kind: api}\n"
        "threat_model:\n  cbrn: {scoped_out: Measured below the Bio High alert level., evidence: [E-bio]}",
    good="threat_model:\n  cbrn:\n    pathways:\n      bio-known-agent: {severity: catastrophic, steps: [...]}\n"
         "# with safeguards of two layers, a classifier among them, on its steps",
    fix="Address the domain with its pathways and the safeguards the policy requires at this boundary, or "
        "gate a narrower boundary at which the policy requires none.",
)
def scoped_out_despite_required_safeguards(ctx: Context) -> Iterator[Hit]:
    from .._derived import requirements_for, scoped_out_for_internal_case

    where = ctx.boundary.value if ctx.boundary else "an unstated (widest) boundary"
    for did, t in ctx.case.threat_model.items():
        if t.scoped_out is None or scoped_out_for_internal_case(ctx, did):
            continue
        req = requirements_for(ctx, did)
        if req.min_layers == 0 and not req.layers:
            continue
        asks = [f"{req.min_layers} layer(s)"] if req.min_layers else []
        asks += [f"a `{layer}` safeguard" for layer in req.layers]
        yield Hit(("threat_model", did, "scoped_out"),
                  f"domain `{did}` is scoped out, but at {where} the policy requires safeguards on its severe "
                  f"pathways ({', '.join(asks)}: {'; '.join(req.sources)}), so its risk arises at this boundary")


@rule(
    "CG206", "scoped-out-without-inability", severity="blocking", serves="test-2-threat-model",
    summary="A domain the policy sets thresholds for, or with capability evidence in the case, is "
            "scoped out without the evidence an argued domain would need: every threshold measured "
            "below its alert level under the elicitation the boundary requires.",
    rationale="If scoping out needs less than arguing, a lab under pressure scopes out the domains "
              "it cannot argue, and the gate rewards hiding risks. A domain with a threshold in the "
              "policy, or with capability evidence in the case, is out of scope only when inability "
              "is shown to the same standard as an argued domain (at weights-access boundaries, with "
              "fine-tuning attacks). A domain measured between its alert level and its threshold "
              "would need safeguards on every step if argued, so scoping it out blocks too; only a "
              "measured domain whose risk arises inside the lab (the policy's `internal_relevant`) "
              "may be scoped out of an external boundary, where CG104 asks for the internal case.",
    bad="# policy: bio-high in cbrn; no bio evaluation\nthreat_model:\n  cbrn: {scoped_out: not a bio model, rests_on: [kind]}",
    good="threat_model:\n  cbrn:\n    scoped_out: Measured below the Bio High alert level.\n    evidence: [E-bio-uplift]",
    fix="Evaluate each threshold of the domain with the required elicitation and cite the results "
        "under the domain's `evidence:`, or address the domain with pathways and safeguards.",
)
def scoped_out_without_inability(ctx: Context) -> Iterator[Hit]:
    from .._derived import inability, scoped_out_for_internal_case

    pol = ctx.policy
    statuses = capability_status(ctx)
    with_evidence = {ev.domain for ev in ctx.case.evidence.values() if ev.domain and ev.kind == "eval"}
    with_evidence |= {pol.thresholds[ev.threshold].domain for ev in ctx.case.evidence.values()
                      if ev.threshold in pol.thresholds}
    for did, t in ctx.case.threat_model.items():
        if t.scoped_out is None:
            continue
        has_thresholds = any(th.domain == did for th in pol.thresholds.values())
        if not has_thresholds and did not in with_evidence:
            continue
        if any(st.domain == did and st.measured and st.reached for st in statuses.values()):
            continue  # CG204 blocks on a threshold measured as reached
        if scoped_out_for_internal_case(ctx, did):
            continue  # measured capability that matters inside the lab: CG104 asks for the internal case
        inab = inability(ctx, did)
        if not inab.shown:
            yield Hit(("threat_model", did, "scoped_out"),
                      f"domain `{did}` is scoped out, but inability is not shown to the standard an argued "
                      f"domain needs: {inab.reason}")
            continue
        for tid, st in statuses.items():
            if st.domain == did and not any(b.evidence in t.evidence for b in st.counted):
                yield Hit(("threat_model", did, "evidence") if t.evidence else ("threat_model", did, "scoped_out"),
                          f"domain `{did}` is scoped out without citing the evaluations that show inability "
                          f"for `{tid}` ({', '.join(b.evidence for b in st.counted)})",
                          help="list them under the domain's `evidence:`")


_GENERIC_STEPS = frozenset({"misuse", "harm", "abuse", "attack", "use", "risk", "bad-outcome", "exploit-model"})


@rule(
    "CG207", "pathway-collapsed", severity="blocking", serves="test-2-threat-model",
    summary="A severe pathway is collapsed to one step, or its steps only name misuse in general.",
    rationale="A pathway is a route from access to harm in ordered steps, so that safeguards can be "
              "placed on steps and residual risk propagated along them. A one-step 'misuse' pathway "
              "gives safeguards nothing to block but the whole harm, and any one safeguard then "
              "'blocks every step'.",
    bad="cyber-misuse: {severity: severe, steps: [misuse]}",
    good="cyber-ransomware: {severity: severe, steps: [obtain-access, find-vulnerability, build-exploit, deploy]}",
    fix="Write the pathway as the ordered steps an actor would take, from access to harm.",
)
def pathway_collapsed(ctx: Context) -> Iterator[Hit]:
    severe_from = ctx.policy.tolerance.severe_from.rank
    for did, t in ctx.case.threat_model.items():
        for pid, p in t.pathways.items():
            if p.severity.rank < severe_from:
                continue
            path = ("threat_model", did, "pathways", pid, "steps")
            if len(p.steps) < 2:
                yield Hit(path, f"{p.severity.value} pathway `{pid}` has {len(p.steps)} step "
                                f"(`{'`, `'.join(p.steps)}`): a route from access to harm has at least two")
            elif all(s.casefold() in _GENERIC_STEPS for s in p.steps):
                yield Hit(path, f"the steps of {p.severity.value} pathway `{pid}` only name misuse in general")


@rule(
    "CG208", "pathway-below-domain-severity", severity="blocking", serves="test-2-threat-model",
    summary="A harm pathway is rated less severe than the policy's floor for its domain "
            "(`domains.<domain>.min_severity`).",
    rationale="A pathway's severity is the case's own word, and the safeguard and residual-risk rules "
              "key on it: a severe pathway needs every step blocked, enough layers and a residual risk "
              "under tolerance. Where the framework says what harm a domain can reach (the known "
              "biological agent is catastrophic, the ransomware campaign severe), the policy sets a "
              "floor and no case rates its way under it.",
    bad="# policy: domains.cyber.min_severity: severe\n"
        "cyber-ransomware: {severity: high, steps: [obtain-access, build-exploit, deploy]}",
    good="cyber-ransomware: {severity: severe, steps: [obtain-access, build-exploit, deploy]}",
    fix="Rate the pathway at least at the domain's floor; a floor that is wrong is changed in the "
        "policy, by its owners, on its own.",
)
def pathway_below_domain_severity(ctx: Context) -> Iterator[Hit]:
    for did, t in ctx.case.threat_model.items():
        dom = ctx.policy.domains.get(did)
        if dom is None or dom.min_severity is None:
            continue
        floor = dom.min_severity
        for pid, p in t.pathways.items():
            if p.severity.rank < floor.rank:
                yield Hit(("threat_model", did, "pathways", pid, "severity"),
                          f"pathway `{pid}` is rated {p.severity.value}; the policy rates harm in domain `{did}` "
                          f"({dom.name}) at least {floor.value}")


@rule(
    "CG209", "pathway-severity-unfloored", severity="blocking", serves="test-2-threat-model",
    summary="A harm pathway is rated below the policy's severe level in a domain for which the policy "
            "sets no floor (`domains.<domain>.min_severity`), so the rating is the developer's word alone.",
    rationale="A pathway rated below severe escapes the rules that bind severe ones (every step blocked, "
              "enough layers) and meets a looser tolerance. The developer writes the rating and could "
              "write it lower; only the framework's owner can say how little harm a domain may be rated "
              "at. Where the policy has not said, a rating below severe is not verified.",
    bad="# policy: domains.persuasion has no min_severity\n"
        "persuasion-campaign: {severity: high, steps: [target, persuade]}",
    good="# policy: domains.persuasion.min_severity: high\n"
         "persuasion-campaign: {severity: high, steps: [target, persuade]}",
    fix="Have the policy's owners set the least severity harm in the domain can be rated at "
        "(`domains.<domain>.min_severity`), or rate the pathway severe.",
)
def pathway_severity_unfloored(ctx: Context) -> Iterator[Hit]:
    severe_from = ctx.policy.tolerance.severe_from
    for did, t in ctx.case.threat_model.items():
        dom = ctx.policy.domains.get(did)
        if dom is not None and dom.min_severity is not None:
            continue  # CG208 holds the case to the policy's floor
        for pid, p in t.pathways.items():
            if p.severity.rank < severe_from.rank:
                yield Hit(("threat_model", did, "pathways", pid, "severity"),
                          f"pathway `{pid}` is rated {p.severity.value}, below {severe_from.value}, and the policy "
                          f"sets no least severity for harm in domain `{did}`: the rating is the developer's "
                          "word alone, and it spares the pathway the rules for severe ones")
