"""Reading the facts a regime's sections ask for (`REGIME_SOURCES`) from a case, its policy, its
decision and what the registry remembers. Pure: the caller gathers the registry's facts.

Each fact comes back as items (one line of text each) that name the case element they came from,
so a document can link back to it and redact it like `casegate publish` does. A fact that cannot
be read here says why: it is empty, it is made by the decision, or only the registry knows it.
"""


import re
from typing import TYPE_CHECKING, Literal

from .._patterns import kept
from .._record import FrozenRecord
from ..model import REGIME_SOURCES
from ._derived import capability_status, granted_tools, independent_evidence
from ._registry import Context
from ._text import alike, hollow_reason

if TYPE_CHECKING:
    from ..model import Answer, DecisionRecord, Regime, RegimeSection

__all__ = ["FactItem", "FactValue", "RegistryFacts", "SectionFill", "fill_section", "read_fact"]


class FactItem(FrozenRecord):
    """One line of a fact, and the case element it came from."""

    _fields = ("text", "parts")
    text: str
    parts: tuple[str | int, ...]
    """Path of the element in the case (empty: from the policy, the decision or the registry)."""

    def __init__(self, text: str, parts: tuple[str | int, ...] = ()) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "parts", parts)


FactStatus = Literal["filled", "empty", "at-decision", "needs-registry"]


class FactValue(FrozenRecord):
    _fields = ("source", "status", "items", "why")
    source: str
    status: FactStatus
    items: tuple[FactItem, ...]
    why: str
    """Why the fact is not filled."""

    def __init__(self, source: str, status: FactStatus, items: tuple[FactItem, ...] = (), why: str = "") -> None:
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "items", items)
        object.__setattr__(self, "why", why)


class RegistryFacts(FrozenRecord):
    """What the registry remembers about the case, gathered by the caller."""

    _fields = ("previous", "changes", "incidents")
    previous: str | None
    """The version this one follows, when there is one."""
    changes: tuple[str, ...]
    """What changed since `previous`, one line each."""
    incidents: tuple[str, ...]
    """Incidents recorded against the case, one line each."""

    def __init__(self, previous: str | None = None, changes: tuple[str, ...] = (), incidents: tuple[str, ...] = ()) -> None:
        object.__setattr__(self, "previous", previous)
        object.__setattr__(self, "changes", changes)
        object.__setattr__(self, "incidents", incidents)


def _items(lines: list[tuple[str, tuple[str | int, ...]]]) -> tuple[FactItem, ...]:
    return tuple(FactItem(t, p) for t, p in lines)


def _answer(ctx: Context, key: str) -> "Answer | None":
    from .answers import compose_answers

    return next((a for a in compose_answers(ctx) if a.key == key), None)


_CASE_PROSE: dict[str, tuple[str, ...]] = {
    "system.description": ("system", "description"),
    "post_deployment.incident_reporting": ("post_deployment", "incident_reporting"),
    "post_deployment.model_change_control": ("post_deployment", "model_change_control"),
}
"""The case's free-text facts a regime section asks for, and where they are: each must say something
of its own, not what another of them says."""

_GOVERNANCE = ("updates", "cybersecurity", "incident_response", "internal_governance", "internal_use")
"""The policy's free-text facts about how the framework is run (`governance`)."""

_REACH = kept(r"[^\s@]+@[^\s@]+\.[^\s@]+|https?://[^\s/]+\.[^\s/]+|(?:\d[\s().-]*){7,}")
"""An email address, a web address or a telephone number: a way for a person to reach someone."""

_SITE = kept(r"^(?:https?://)?[^\s/@:]+\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$", re.IGNORECASE)
"""A web address: a host name with a dot (and a scheme, a path or neither)."""


def _case_prose(ctx: Context, source: str) -> str | None:
    node: object = ctx.case
    for part in _CASE_PROSE[source]:
        node = getattr(node, part, None) if node is not None else None
    return node if isinstance(node, str) else None


def _governance(ctx: Context, name: str) -> str | None:
    gov = ctx.policy.governance
    val = getattr(gov, name) if gov is not None else None
    return val if isinstance(val, str) else None


def _says_nothing(ctx: Context, text: str, *, prose: bool, others: dict[str, str | None],
                  question: str | None = None) -> str | None:
    """Why `text`, written into a fact a regime section asks for, says nothing: empty, boilerplate
    ("TBD", "N/A", the policy's `text.hollow`), only the words of what it answers (`question`), too
    few content words for prose (the policy's `text.min_words`), or the words of another such fact
    (`others`: name -> its text) copied. None when it says something. A section filled with such
    text is a gap, not a filled section."""
    why = hollow_reason(text, ctx.policy, question=question, min_words=None if prose else 1)
    if why is not None:
        return why
    if prose:
        for name, other in others.items():
            if other and alike(text, other):
                return f"it repeats `{name}`"
    return None


def _hollow_fact(source: str, where: str, why: str) -> "FactValue":
    return FactValue(source, "empty", why=f"`{where}` says nothing: {why}")


def read_fact(source: str, ctx: Context, record: "DecisionRecord | None" = None,
              registry: RegistryFacts | None = None) -> FactValue:
    """The value of one regime source for the case in `ctx`."""
    case, pol = ctx.case, ctx.policy
    lines: list[tuple[str, tuple[str | int, ...]]] = []

    def done(why: str) -> FactValue:
        if lines:
            return FactValue(source, "filled", _items(lines))
        return FactValue(source, "empty", why=why)

    sysm = case.system
    rel = sysm.release
    if source == "system.identity":
        lines.append((f"{sysm.name} version {sysm.version}; digests {', '.join(sysm.digests)}", ("system",)))
        return done("")
    if source in _CASE_PROSE:
        text = _case_prose(ctx, source)
        if text is not None:
            others = {f"{'.'.join(_CASE_PROSE[o])}": _case_prose(ctx, o) for o in _CASE_PROSE if o != source}
            asks = f"{REGIME_SOURCES[source]} of {sysm.name} {sysm.version}"
            why = _says_nothing(ctx, text, prose=True, others=others, question=asks)
            if why is not None:
                return _hollow_fact(source, ".".join(_CASE_PROSE[source]), why)
            lines.append((text, _CASE_PROSE[source]))
        return done(f"the case gives no `{'.'.join(_CASE_PROSE[source])}`")
    if source == "system.lineage":
        for i, ln in enumerate(sysm.lineage):
            lines.append((f"{ln.relation} {ln.name}", ("system", "lineage", i)))
        return done("the case names no lineage")
    if source.startswith("release."):
        what = source.split(".", 1)[1]
        if rel is not None:
            if what == "date" and rel.date is not None:
                lines.append((rel.date.isoformat(), ("system", "release", "date")))
            elif what == "contact":
                if rel.website and not _SITE.match(rel.website.strip()):
                    return _hollow_fact(source, "system.release.website",
                                        f"\"{rel.website.strip()}\" is not a web address")
                if rel.contact and not _REACH.search(rel.contact):
                    return _hollow_fact(source, "system.release.contact",
                                        f"\"{rel.contact.strip()}\" gives no email address, web address or "
                                        "telephone number to reach the developer")
                if rel.website:
                    lines.append((f"website: {rel.website}", ("system", "release", "website")))
                if rel.contact:
                    lines.append((f"contact: {rel.contact}", ("system", "release", "contact")))
                if not (rel.website and rel.contact):
                    lines.clear()
            elif what in ("languages", "modalities", "intended_uses"):
                hollow: list[str] = []
                for i, v in enumerate(getattr(rel, what)):
                    why = _says_nothing(ctx, v, prose=False, others={})
                    if why is None:
                        lines.append((v, ("system", "release", what, i)))
                    else:
                        hollow.append(why)
                if hollow and not lines:
                    return _hollow_fact(source, f"system.release.{what}", "; ".join(hollow))
        field_name = {"contact": "website` and `system.release.contact"}.get(what, what)
        return done(f"the case gives no `system.release.{field_name}`")
    if source == "boundary":
        b = case.boundary
        if b is not None:
            lines.append((f"boundary: {b.kind.value}" + (f"; {b.description}" if b.description else ""),
                          ("boundary",)))
            # the tools the gate weighs: the list, then those the boundary's words grant
            granted = granted_tools(ctx)
            if granted:
                worded = granted[len(b.tools):]
                lines.append((f"tools: {', '.join(granted)}" + (f" ({', '.join(worded)} granted by the boundary's "
                                                                 "words, not on its list)" if worded else ""),
                              ("boundary", "tools")))
        return done("the case names no boundary")
    if source == "boundary.restrictions":
        b = case.boundary
        sc = b.scope if b is not None else None
        if sc is not None:
            if sc.users and _says_nothing(ctx, sc.users, prose=False, others={}) is None:
                lines.append((f"users: {sc.users}", ("boundary", "scope", "users")))
            if sc.rate_limit and _says_nothing(ctx, sc.rate_limit, prose=False, others={}) is None:
                lines.append((f"rate limit: {sc.rate_limit}", ("boundary", "scope", "rate_limit")))
            regions = [r for r in sc.regions if _says_nothing(ctx, r, prose=False, others={}) is None]
            if regions:
                lines.append((f"regions: {', '.join(regions)}", ("boundary", "scope", "regions")))
            if sc.max_users is not None:
                lines.append((f"at most {sc.max_users} users", ("boundary", "scope", "max_users")))
        return done("the boundary states no scope (users, rate limits, regions)")
    if source == "threat_model.addressed":
        for dom, t in case.threat_model.items():
            if t.scoped_out is None and t.pathways:
                for pid, p in t.pathways.items():
                    lines.append((f"{dom}: {p.title or pid} ({p.severity.value}; {len(p.steps)} steps)",
                                  ("threat_model", dom, "pathways", pid)))
        return done("no risk domain is addressed with harm pathways")
    if source == "threat_model.scoped_out":
        for dom, t in case.threat_model.items():
            if t.scoped_out is not None:
                lines.append((f"{dom}: scoped out: {t.scoped_out}", ("threat_model", dom)))
        return done("no risk domain is scoped out")
    if source == "capability.results":
        for tid, st in capability_status(ctx).items():
            if not st.evidence:
                continue
            th = pol.thresholds[tid]
            parts: tuple[str | int, ...] = ("evidence", st.deciding.evidence) if st.deciding else ()
            lines.append((f"{th.name}: {st.basis}", parts))
        return done("no evaluation measures a threshold of the policy")
    if source == "evidence.external":
        for eid in independent_evidence(ctx):
            ev = case.evidence[eid]
            lines.append((f"{ev.title or eid} ({ev.kind}) by {ev.producer}, {ev.date.isoformat()}"
                          + (f": {ev.summary}" if ev.summary else ""), ("evidence", eid)))
        return done("no evidence item is produced by an independent evaluator")
    if source in ("safeguards", "safeguards.security"):
        want_security = source == "safeguards.security"
        for sid, sg in case.safeguards.items():
            is_security = sg.security or sg.layer == "weight-security"
            if is_security != want_security:
                continue
            blocks = f"; blocks {', '.join(sg.blocks)}" if sg.blocks else ""
            lines.append((f"{sg.title or sid} ({sg.layer}){blocks}", ("safeguards", sid)))
        return done("the case has no security safeguards" if want_security else "the case has no safeguards")
    if source == "residual_risk":
        for pid, rr in case.residual_risk.items():
            bits = [f"estimate: {rr.estimate}" if rr.estimate else "no estimate",
                    f"owner {rr.owner}" if rr.owner else "", f"stop authority {rr.stop_authority}" if rr.stop_authority else "",
                    f"accepted by {rr.accepted_by}" if rr.accepted_by else ""]
            lines.append((f"{pid}: " + "; ".join(b for b in bits if b), ("residual_risk", pid)))
        return done("the case states no residual risk")
    if source == "decision":
        if record is None:
            return FactValue(source, "at-decision", why="made by the gate's decision")
        text = f"{record.outcome} for {record.boundary.value if record.boundary else 'no boundary'}"
        if record.narrower:
            text += f"; the evidence supports {record.narrower.value}"
        lines.append((text, ()))
        for c in record.conditions:
            lines.append((f"condition {c.id}: {c.text}" + (f" (due {c.due})" if c.due else ""), ()))
        return done("")
    if source == "decision.signoffs":
        for i, s in enumerate(case.decision.signoffs):
            lines.append((f"{s.role}: {s.person} ({s.date.isoformat()})"
                          + ("" if s.envelope else ", declared, not signed"), ("decision", "signoffs", i)))
        return done("no sign-off is recorded")
    if source == "decision.objections":
        for oid, o in case.decision.objections.items():
            lines.append((f"{o.role} ({o.status}): {o.reason}"
                          + (f"; answer: {o.answer}" if o.answer else ""), ("decision", "objections", oid)))
        return done("no objection is recorded")
    if source in ("answer.uncertain", "answer.retreat"):
        key = {"answer.uncertain": "uncertainty", "answer.retreat": "retreat"}[source]
        a = _answer(ctx, key)
        if a is not None and a.answerable:
            lines.append((a.answer, ()))
        return done(f"the case cannot answer \"{a.question if a else key}\"")
    pd = case.post_deployment
    if source == "post_deployment.monitoring":
        if pd is not None:
            for mid, m in pd.monitors.items():
                lines.append((f"monitor {mid}: {m.signal} {m.op} {m.threshold:g} over {m.window} -> {m.action}",
                              ("post_deployment", "monitors", mid)))
            for tid, trig in pd.triggers.items():
                lines.append((f"trigger {tid}: on {trig.on} -> {trig.action}"
                               + (f" ({trig.description})" if trig.description else ""),
                              ("post_deployment", "triggers", tid)))
        return done("the case defines no monitors or triggers")
    if source == "post_deployment.reevaluation":
        if pd is not None and pd.reevaluate_by is not None:
            lines.append((f"re-evaluated by {pd.reevaluate_by.isoformat()}", ("post_deployment", "reevaluate_by")))
        return done("the case sets no re-evaluation date")
    if source == "publication":
        pub = case.publication
        if pub is not None and pub.summary:
            lines.append((f"summary published at {pub.venue or 'an unnamed venue'} for {pub.audience or 'an unnamed audience'}",
                          ("publication",)))
        return done("the case publishes no summary")
    if source.startswith("policy."):
        return _policy_fact(source, ctx)
    if source.startswith("history."):
        if registry is None:
            return FactValue(source, "needs-registry", why="only the registry knows it (give --db)")
        if source == "history.changes":
            if registry.previous is None:
                lines.append(("first version of this case in the registry: nothing earlier to compare", ()))
            else:
                lines.extend((f"since {registry.previous}: {c}", ()) for c in registry.changes)
                if not registry.changes:
                    lines.append((f"no change recorded since {registry.previous}", ()))
            return done("")
        lines.extend((i, ()) for i in registry.incidents)
        return done("no incident is recorded against the case")
    raise ValueError(f"unknown regime source {source!r}")  # the regime model refuses these on load


def _governance_says_nothing(ctx: Context, name: str, text: str) -> str | None:
    others = {f"governance.{o}": _governance(ctx, o) for o in _GOVERNANCE if o != name}
    asks = REGIME_SOURCES["policy.internal_use" if name == "internal_use" else f"policy.governance.{name}"]
    return _says_nothing(ctx, text, prose=True, others=others, question=f"{asks} ({ctx.policy.name})")


def _policy_fact(source: str, ctx: Context) -> FactValue:
    pol = ctx.policy
    lines: list[tuple[str, tuple[str | int, ...]]] = []
    why = ""
    if source == "policy.framework":
        lines.append((f"{pol.name} (version {pol.version})", ("@policy", "name")))
        for c in pol.based_on:
            lines.append((f"based on {c.document}" + (f" {c.version}" if c.version else "")
                          + (f" ({c.date})" if c.date else ""), ("@policy", "based_on")))
    elif source == "policy.thresholds":
        for tid, th in pol.thresholds.items():
            level = (f"threshold {th.value:g}" if th.value is not None else "threshold set by the organisation")
            alert = f", alert {th.alert:g}" if th.alert is not None else ""
            lines.append((f"{th.name} [{tid}, {th.domain}]: {level}{alert}; elicitation at least "
                          f"{th.elicitation.attempts} attempt(s), {th.elicitation.variant.value} variant",
                          ("@policy", "thresholds", tid)))
        why = "the policy defines no thresholds"
    elif source == "policy.safeguard_requirements":
        for tid, th in pol.thresholds.items():
            for r in th.safeguards:
                layers = ", ".join(r.layers) if r.layers else f"{r.min_layers} layer(s)"
                lines.append((f"{th.name}: at {r.boundary.value} and wider, from the {r.level} level: {layers}",
                              ("@policy", "thresholds", tid, "safeguards")))
        why = "the policy requires no safeguards per threshold"
    elif source == "policy.signoff":
        for kind, reqs in pol.signoff.required.items():
            roles = ", ".join(f"{r.role}" + (f" x{r.min}" if r.min > 1 else "") for r in reqs)
            lines.append((f"{kind.value}: {roles}", ("@policy", "signoff", "required")))
        if lines:
            lines.append((f"objections {pol.signoff.objections}"
                          + (f" (escalated to {pol.signoff.escalate_to})" if pol.signoff.escalate_to else "")
                          + f"; the {pol.signoff.product_role} never approves alone", ("@policy", "signoff")))
        why = "the policy names no roles that must sign"
    elif source == "policy.evidence":
        ev = pol.evidence
        lines.append((f"evidence counts for at most {ev.max_age_days} days; independent evidence required for "
                      + (", ".join(ev.independent_kinds) or "no kind"), ("@policy", "evidence")))
    elif source == "policy.tolerance":
        t = pol.tolerance
        per = ", ".join(f"{k.value} {v:g}/year" for k, v in t.harm_per_year.items())
        lines.append((f"tolerated harm per year: {per}; at most {t.max_bypass_rate:g} safeguard bypass rate",
                      ("@policy", "tolerance")))
    elif source == "policy.internal_use":
        for did, d in pol.domains.items():
            if d.internal_relevant:
                lines.append((f"{d.name} [{did}] matters inside the developer: reaching its alert level needs a case for internal deployment",
                              ("@policy", "domains", did)))
        text = _governance(ctx, "internal_use")
        if text is not None and _governance_says_nothing(ctx, "internal_use", text) is None:
            lines.append((text, ("@policy", "governance", "internal_use")))
        why = "the policy marks no domain as relevant to internal use"
    elif source.startswith("policy.governance."):
        name = source.rsplit(".", 1)[1]
        val = _governance(ctx, name)
        hollow = _governance_says_nothing(ctx, name, val) if val is not None else None
        if hollow is not None:
            return _hollow_fact(source, f"governance.{name}", hollow)
        if val:
            lines.append((val, ("@policy", "governance", name)))
        why = f"the policy gives no `governance.{name}`"
    else:
        raise ValueError(f"unknown regime source {source!r}")
    if lines:
        return FactValue(source, "filled", _items(lines))
    return FactValue(source, "empty", why=why)


class SectionFill(FrozenRecord):
    """One section of a regime document, as far as the case fills it."""

    _fields = ("regime", "document", "section", "spec", "facts", "extras", "gaps")
    regime: str
    document: str
    section: str
    spec: "RegimeSection"
    facts: tuple[FactValue, ...]
    extras: tuple[FactValue, ...]
    gaps: tuple[FactValue, ...]
    """Required facts that are empty (or unknowable without the registry, when it was asked)."""

    def __init__(self, regime: str, document: str, section: str, spec: "RegimeSection",
                 facts: tuple[FactValue, ...] = (), extras: tuple[FactValue, ...] = (),
                 gaps: tuple[FactValue, ...] = ()) -> None:
        object.__setattr__(self, "regime", regime)
        object.__setattr__(self, "document", document)
        object.__setattr__(self, "section", section)
        object.__setattr__(self, "spec", spec)
        object.__setattr__(self, "facts", facts)
        object.__setattr__(self, "extras", extras)
        object.__setattr__(self, "gaps", gaps)

    @property
    def filled(self) -> bool:
        return not self.gaps


def fill_section(regime: "Regime", document: str, section: str, ctx: Context,
                 record: "DecisionRecord | None" = None, registry: RegistryFacts | None = None,
                 *, registry_required: bool = False) -> SectionFill:
    """Fill one section; its gaps are the required facts that are empty. A fact that needs the
    registry is a gap only when `registry_required` (a document is being written and the registry
    was not given: fail closed); a fact the decision makes is never a gap here (the gate always
    makes one)."""
    spec = regime.documents[document].sections[section]
    facts = tuple(read_fact(s, ctx, record, registry) for s in spec.sources)
    extras = tuple(v for v in (read_fact(s, ctx, record, registry) for s in spec.optional)
                   if v.status == "filled")
    gaps = tuple(f for f in facts if f.status == "empty"
                 or (f.status == "needs-registry" and registry_required))
    return SectionFill(regime.id, document, section, spec, facts, extras, gaps)
