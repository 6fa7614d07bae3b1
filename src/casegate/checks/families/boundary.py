"""CG1xx: the case names one boundary and its scope (seed test 1), and capability that matters
inside the lab is covered by a case for internal deployment (internal-deployment blindness)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...model import (
    RATE_GRAMMAR,
    Boundary,
    BoundaryKind,
    InternalScale,
    Policy,
    RateLimitUnreadable,
    RuleSeverity,
    parse_rate_limit,
)
from ...model._names import name_words, word_key
from .._derived import (
    VETTING_CHECK,
    VETTING_PARTS,
    capability_status,
    consumer_in_words,
    granted_tools,
    on_device_in_words,
    open_sign_up_in_words,
    stated_weights,
    third_party_in_words,
    tuning_in_words,
    weights_in_words,
    wider_release_in_words,
)
from .._registry import Context, Hit, rule
from .._text import as_read, hollow_reason
from .history import _retested

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



@rule(
    "CG108", "rate-limit-unreadable", severity="blocking", serves="test-1-boundary",
    summary="The boundary states a rate limit that casegate cannot read as limits (a number of requests "
            "or tokens per fixed period, and whom it applies to) or as `unlimited`.",
    rationale="The rate limit bounds the attempt rates residual risk rests on, and the decision signs it "
              "for `verify` to hold a deploy to: a deployment that allows more requests, after "
              "converting the units, is not within the boundary. A limit written as 'reasonable use' "
              "or '1M tokens/month' (a month has no fixed length) cannot be compared with what a "
              "deployment enforces, nor with an earlier version's, so no deploy of the case could be "
              "shown to be within it. `unlimited` is a limit the gate can read: it bounds nothing.",
    bad="boundary:\n  kind: api\n  scope: {users: verified developers, rate_limit: reasonable use per customer}",
    good="boundary:\n  kind: api\n  scope: {users: verified developers, rate_limit: 600/min per key, 5M tokens/day per organisation}",
    fix="Write `scope.rate_limit` as " + RATE_GRAMMAR + ".",
)
def rate_limit_unreadable(ctx: Context) -> Iterator[Hit]:
    b = ctx.case.boundary
    text = b.scope.rate_limit if b is not None and b.scope is not None else None
    if text is None or not text.strip():
        return  # CG103 asks for one where it is expected
    try:
        parse_rate_limit(text)
    except RateLimitUnreadable as e:
        yield Hit(("boundary", "scope", "rate_limit"),
                  f"the rate limit `{text}` cannot be read as limits ({e}), so the decision cannot hold a deploy "
                  "to it nor the gate compare it with another version's",
                  help="write it as " + RATE_GRAMMAR)

_GONE = ("withdrawn", "superseded")
"""Registry states in which a case no longer stands for anything."""
_APPROVED = ("approved", "approved-with-conditions", "restricted")
"""Registry states in which a decision has approved the case (perhaps within a narrower boundary)."""


def lineage_problem(ctx: Context, relation: str, name: str, digest: str | None, case_id: str) -> str | None:
    """Why the registry does not bear out the lineage entry's case link (None when it does, or
    when no registry was consulted)."""
    if ctx.lineage is None:
        return None
    linked = next((x for x in ctx.lineage if x.id == case_id), None)
    if linked is None or linked.state is None:
        return f"case `{case_id}` named in the lineage ({relation} {name}) is not in the registry"
    if linked.state in _GONE:
        return f"case `{case_id}` named in the lineage is {linked.state} ({linked.version})"
    if linked.state not in _APPROVED:
        return (f"case `{case_id}` named in the lineage is {linked.state} ({linked.version}): no decision has "
                "approved it")
    own = set(ctx.case.system.digests)
    if digest is not None:
        if digest not in linked.digests and not own & set(linked.digests):
            return (f"case `{case_id}` named in the lineage is about {linked.system} (digests "
                    f"{', '.join(d[:19] for d in linked.digests)}), not the model the lineage names ({digest[:19]})")
    elif not own & set(linked.digests) and not _names_model(linked.system or "", name, ctx.case.system.name):
        return f"case `{case_id}` named in the lineage is about {linked.system or 'no named model'}, not {name}"
    return None


def _names_model(linked_system: str, name: str, own_name: str) -> bool:
    """Whether a lineage entry's `name`, or the case's own system name, names the model of the linked
    case (its logged `system`, "NAME VERSION"), compared by words as model names are elsewhere
    (`casegate.model._names`: case, width, punctuation and look-alike letters aside): the linked
    model's name is the entry's name or its first words (`Fixture` names `Fixture internal build`),
    or the case's own system name. A name that merely holds the linked one inside a word (`Atlas`
    in `Fatlas`), or a linked case that names no model, names nothing."""
    linked = name_words(linked_system.rsplit(" ", 1)[0])
    if not linked:
        return False
    entry = name_words(name)
    return entry[:len(linked)] == linked or word_key(own_name) == "".join(linked)


def internal_coverage(ctx: Context) -> str | None:
    """What covers internal deployment of this system, in words; None when nothing does.

    Covered when the boundary being evaluated is itself internal, or when the system's lineage
    names a case (`Lineage.case`) that the registry consulted (`ctx.lineage`) shows a decision
    approved, about the model the lineage names, whose approved version has an internal boundary
    that records the deployment's scale and was decided for every digest this system lists. A case file given with the decision (`--related`) or a
    case id alone is the author's word and covers nothing (fail closed).
    """
    if ctx.boundary is not None and ctx.boundary.internal:
        return f"this case's own `{ctx.boundary.value}` boundary"
    if ctx.lineage is None:
        return None
    for lin in ctx.case.system.lineage:
        if not lin.case or lineage_problem(ctx, lin.relation, lin.name, lin.digest, lin.case) is not None:
            continue
        reg = next(x for x in ctx.lineage if x.id == lin.case)
        if reg.boundary is not None and BoundaryKind(reg.boundary).internal and reg.internal_scale \
                and _weights_not_covered(ctx, reg.digests) is None:
            return f"case `{lin.case}` named in the lineage ({reg.boundary}, {reg.version})"
    return None


def _weights_not_covered(ctx: Context, digests: list[str]) -> str | None:
    """Why an internal case decided for `digests` does not cover this system's internal use (None
    when it lists every digest of this system). The relation a lineage entry names (fine-tuned
    from, checkpoint of) is the lab's word; the digests a registry recorded for an approved case
    are not: a decision on another model's internal use, a parent's included, never judged these
    weights."""
    own = ctx.case.system.digests
    if not own:
        return "this system lists no digests, so no internal case can be shown to be about its weights"
    missing = [d for d in own if d not in digests]
    if not missing:
        return None
    return (f"it was decided for {', '.join(d[:19] + '...' for d in digests) or 'no recorded weights'}, not this "
            f"system's {', '.join(d[:19] + '...' for d in missing)}: an internal case covers the weights it was "
            "decided for")


def _coverage_gaps(ctx: Context) -> str:
    """Why the lineage's case links do not cover internal deployment."""
    if ctx.lineage is None:
        links = [f"`{lin.case}`" for lin in ctx.case.system.lineage if lin.case]
        if not links:
            return ""
        return (f" (the lineage names case {', '.join(links)}, but no registry was consulted to show that a "
                "decision approved it for internal deployment of this model: pass --db)")
    why: list[str] = []
    for lin in ctx.case.system.lineage:
        if not lin.case:
            continue
        p = lineage_problem(ctx, lin.relation, lin.name, lin.digest, lin.case)
        if p is not None:
            why.append(p)
            continue
        reg = next(x for x in ctx.lineage if x.id == lin.case)
        if reg.boundary is None or not BoundaryKind(reg.boundary).internal:
            why.append(f"case `{lin.case}` named in the lineage has the external boundary `{reg.boundary}`")
        elif not reg.internal_scale:
            why.append(f"case `{lin.case}` named in the lineage does not record the scale of its internal "
                       "deployment (`boundary.internal`)")
        elif (gap := _weights_not_covered(ctx, reg.digests)) is not None:
            why.append(f"case `{lin.case}` named in the lineage does not cover this model's internal use: {gap}")
    return f" ({'; '.join(why)})" if why else ""


@rule(
    "CG104", "internal-deployment-blindness", severity="blocking",
    serves="fm-internal-deployment-blindness",
    summary="Capability at or above its alert level in a domain that matters inside the lab (AI R&D, "
            "autonomy) with no case covering internal deployment.",
    rationale="A model that can accelerate AI research or act autonomously is risky before any public "
              "release: inside the lab it writes code, runs agents and touches security. The release "
              "boundary is not always public availability; such capability needs a case for its "
              "internal use too. That case must have been decided for these weights: the relation a "
              "lineage entry names (fine-tuned from, checkpoint of) is the lab's word, and a decision on "
              "another model's internal use, a parent's included, never judged this one.",
    bad="# policy: ai-rnd is internal_relevant, ai-rnd-4 alert 0.20\n"
        "evidence:\n  E-rnd: {kind: eval, threshold: ai-rnd-4, result: {successes: 40, trials: 120}, ...}\n"
        "system: {name: Atlas-2, lineage: []}",
    good="system:\n  name: Atlas-2\n  lineage:\n    - {relation: checkpoint-of, name: Atlas-2 internal, case: atlas-2-internal}",
    fix="Write a case whose boundary is internal research or internal deployment, for this system's digests, "
        "and have it decided, then link it through `system.lineage[].case` (looked up in the registry: pass "
        "--db; without one, give it with --related), or gate this case at an internal boundary.",
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
                        f"lab, and no case covers internal deployment of this system{_coverage_gaps(ctx)}")


@rule(
    "CG105", "boundary-kind-inconsistent", severity="blocking", serves="test-1-boundary",
    summary="The boundary does not record who can reach the model, or the kind it names is not "
            "consistent with its described properties (access, weights) under the policy's table or with "
            "its words (users reaching the model through another organisation's product make it "
            "`third-party`; the public signing up for the developer's own app makes it `consumer`; users "
            "having the model tuned make its weights access `fine-tuning`; the model running on its users' own "
            "devices makes it `download`), or "
            "an external boundary limited to vetted users does not show the vetting (tested since the "
            "version compared with, when the access was narrowed to it since), or its words schedule or reach "
            "a wider release (general availability, a rollout to all API customers, a share of API traffic).",
    rationale="A boundary kind is a label; what fixes the exposure is who can reach the model and "
              "what they can do with it. A paid, self-serve API relabelled `trusted-access` needs "
              "fewer signers and weaker safeguards for the same exposure. The kind follows from the "
              "described properties (the policy's `boundary_kinds`, else the built-in table); "
              "properties that are not recorded cannot be checked, so the kind cannot be trusted. "
              "Where the boundary's own words say its users reach the model through another "
              "organisation's product (a third party that embeds or resells it, an integrator), the kind "
              "is `third-party` whatever it is labelled: an integrator named as the one partner of an "
              "`api` escapes what the framework asks of a third party's deployment. Likewise, where they say "
              "its users are the public reaching the model through the developer's own product (consumers, "
              "a desktop or mobile app, a chatbot) and anyone may sign up, the kind is `consumer`: a consumer "
              "app labelled `api` escapes what the framework asks of a consumer release. Where they say "
              "users have the model tuned (a fine-tuning API, uploading training data, their own tuned copy), "
              "the weights access is `fine-tuning` whatever `scope.weights` says: hosted fine-tuning labelled "
              "`api` keeps trained-in refusals a customer's tuning job removes. Where they say the model runs "
              "on its users' own devices (on-device, locally, offline, downloaded or bundled with the app to the "
              "phone), the weights are on every such device and the weights access is `download`: an encrypted "
              "file on a device its user controls is a download, and a `consumer` app with `weights: none` "
              "would count the lab's servers' safeguards for a model that never passes through them. "
              "Access typed `vetted-organisations` or `named-partners` is what lets an external "
              "deployment be `trusted-access`, so beyond internal use it needs a vetting with "
              "substance (`scope.vetting`: not empty words, not 'none' or 'anyone', not users vouching for "
              "themselves, showing an email address or agreeing to terms (a usage policy, the access agreement) with no "
              "check by anyone else), a "
              "`user-vetting` safeguard citing evidence, and words that do not let in anyone who signs up "
              "('any researcher with an institutional email', 'open sign-up', 'anyone a member invites'), nor schedule "
              "or reach a release past those it vets ('rolls out to all API customers', 'GA on 2027-01-15', "
              "'expands automatically when the monitors stay green', '1% of API traffic'): else anyone may be its "
              "members, and the signers approve a rollout under a narrower kind's requirements. Limited so since "
              "the version compared with (from unvetted access or a wider kind), the safeguard must "
              "rest on a test made since: the old vetting test shows who was admitted then.",
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
    elif (stated := stated_weights(ctx.case, ctx.memo)) == "fine-tuning" and stated not in allowed.weights:
        words = tuning_in_words(ctx.case, ctx.memo)
        yield Hit(("boundary", "scope", "weights") if "weights" in b.scope.model_fields_set else ("boundary", "kind"),
                  f"the boundary says its users have the model fine-tuned (\"{words}\"), so its weights access is "
                  f"`fine-tuning` whatever `scope.weights` says (`{b.scope.weights}`), and that is not consistent "
                  f"with a `{b.kind.value}` boundary under {src} (it allows {', '.join(allowed.weights)})",
                  help="name the kind that tuning by users makes the boundary (`fine-tuning`) and record "
                       "`scope.weights: fine-tuning`, or say what users actually get")
    elif stated not in allowed.weights:
        words = weights_in_words(ctx.case, ctx.memo)
        said = (f"the case says the model runs on its users' own devices (\"{words}\"): each holds the "
                "weights, encrypted or not" if words == on_device_in_words(ctx.case, ctx.memo)
                else f"the boundary says its users get the weights (\"{words}\")")
        yield Hit(("boundary", "scope", "weights") if "weights" in b.scope.model_fields_set else ("boundary", "kind"),
                  f"{said}, so its weights access is "
                  f"`{stated}` whatever `scope.weights` says (`{b.scope.weights}`), and that is not consistent "
                  f"with a `{b.kind.value}` boundary under {src} (it allows {', '.join(allowed.weights)})",
                  help="name the kind that giving out the weights makes the boundary (`open-weights`) and record "
                       "`scope.weights: download`, or say what users actually get")
    if b.kind.rank < BoundaryKind.third_party.rank and (words := third_party_in_words(ctx.case, ctx.memo)) is not None:
        yield Hit(("boundary", "kind"),
                  f"the boundary says its users reach the model through another organisation's product "
                  f"(\"{words}\"), which makes it a `third-party` boundary, not `{b.kind.value}`: the "
                  f"framework's requirements for a third party's deployment are those of `third-party`",
                  help="name the kind the integration makes the boundary (`third-party`), or say what the "
                       "deployment is if no other organisation's product stands between the model and its users")
    if (BoundaryKind.trusted_access.rank < b.kind.rank < BoundaryKind.consumer.rank
            and b.scope.access in _OPEN and (words := consumer_in_words(ctx.case, ctx.memo)) is not None):
        yield Hit(("boundary", "kind"),
                  f"the boundary says its users are the public reaching the model through the developer's own "
                  f"product (\"{words}\"), with `{b.scope.access}` access, which makes it a `consumer` boundary, "
                  f"not `{b.kind.value}`: the framework's requirements for a consumer release are those of `consumer`",
                  help="name the kind the product makes the boundary (`consumer`), or say what the deployment is if "
                       "its users reach the model only programmatically")
    if b.kind.rank > BoundaryKind.internal_deployment.rank and b.scope.access in _VETTED:
        if (words := open_sign_up_in_words(ctx.case, ctx.memo)) is not None:
            yield Hit(("boundary", "scope", "access"),
                      f"access is limited to `{b.scope.access}` but the boundary's words let in people no one vets "
                      f"(\"{words}\"), which makes its access `self-serve` whatever `scope.access` says, and that "
                      f"is not what lets a boundary be `{b.kind.value}`",
                      help="say who is admitted and who vets them, or record `access: self-serve` and name the kind "
                           "the open sign-up makes the boundary")
        elif (words := wider_release_in_words(ctx.case, ctx.memo)) is not None:  # (one finding for one way in)
            yield Hit(("boundary", "scope", "access"),
                      f"access is limited to `{b.scope.access}` but the boundary's words schedule or reach a wider "
                      f"release of the model (\"{words}\"): those users are a rollout's, not the ones the vetting "
                      f"admits, and an approval of this `{b.kind.value}` boundary is not one of theirs",
                      help="keep the boundary's words to the users it admits, and gate each wider stage of the "
                           "release as its own case (or version) at the kind its users make it")
        if not (b.scope.vetting or "").strip():
            yield Hit(("boundary", "scope", "access"),
                      f"access is limited to `{b.scope.access}` but the boundary does not say how they are vetted "
                      "(`scope.vetting`)")
        elif (why := _vetting_hollow(b.scope.vetting or "", ctx)) is not None:
            yield Hit(("boundary", "scope", "vetting"),
                      f"access is limited to `{b.scope.access}` but the vetting it states names none: {why}",
                      help="say how users are vetted (who checks what before access is given), backed by a "
                           "`user-vetting` safeguard with evidence, or name the kind the open access makes the boundary")
        elif not _vetting_shown(ctx):
            yield Hit(("boundary", "scope", "access"),
                      f"access is limited to `{b.scope.access}`, which makes the boundary a `{b.kind.value}` one, but no "
                      "`user-vetting` safeguard with evidence shows that vetting: the access is the case's word",
                      help="add the vetting as a `user-vetting` safeguard citing its evidence (an audit or test of who "
                           "was admitted), or name the kind the access makes the boundary without it")
        elif (was := _narrowed_from(ctx)) is not None and not _vetting_retested(ctx):
            yield Hit(("boundary", "scope", "access"),
                      f"access is limited to `{b.scope.access}` since {ctx.compared}, which had {was}, and no "
                      "`user-vetting` safeguard rests on a test made since: the vetting that admitted users then is "
                      "all that shows who is admitted now, and the narrower kind is the case's word",
                      help="test the vetting as it now admits users (a safeguard test naming the `user-vetting` "
                           "safeguard in `tests:`, dated after the version compared with), or restore the boundary")


_VETTED = ("vetted-organisations", "named-partners")
_OPEN = ("self-serve", "public")
"""Accesses that admit only those someone vetted: what lets an external deployment be `trusted-access`."""

_NO_VETTING = r"^\W*(none|no|nobody|n/?a|nil|open|anyone|anybody|everyone|any|self[- ]serve)(?![\w-])"
"""A vetting statement that says there is none (its first word, not the first part of a hyphenated
one: `no-cost` or `open-source` begin other statements, judged by their words). Matched ignoring
case, compiled by `re` the first time a boundary states its vetting (about 1M instructions; a
case whose boundaries state none never needs it)."""


_CHECK_NAMED = (r"(?:review|approval|vetting|verification|screening|interview|checks?|kyc|clearance|due\W+diligence|"
                r"vetted|reviewed|approved|screened|verified|interviewed|checked|cleared)\b")

_NONE_WITHOUT_CHECK = (
    r"^\W*(?:no|none|nobody)\b(?:\W+(?!(?:vetting|review|screening|checks?|verification|kyc|approval)\b)[\w'-]+){0,5}?"
    r"\W+(?:without|until|unless|before|prior\W+to|except\W+(?:after|by|through))\W+(?:[\w'-]+\W+){0,5}?" + _CHECK_NAMED
)
"""A vetting statement that begins with `no`, `none` or `nobody` and denies access without a check
(`no one is admitted without review by the access committee`, `no access before identity
verification by Acme`): a vetting, not none. A denial of the check itself (`no vetting until 2027`)
is not one: no check word stands between the denial and `without`/`until`."""

_ANYONE_CHECKED = (
    r"\b(?:vetted|reviewed|screened|approved|verified|checked|admitted|interviewed|cleared|nominated)\W+"
    r"(?:[\w'-]+\W+){0,2}?by\b"
    r"|\b(?:pass|passes|passed|passing|undergo|undergoes|underwent|undergone|complete|completes|completed)\W+"
    r"(?:[\w'-]+\W+){0,3}?" + _CHECK_NAMED
    + r"|\b(?:after|once|following|upon|subject\W+to|pending)\W+(?:[\w'-]+\W+){0,4}?" + _CHECK_NAMED
)
"""In a vetting statement that begins with `any`, `anyone`, `everyone`, `open` or `self-serve`, words
by which its first sentence states a check by someone (`any applicant is reviewed by the access
committee`, `open to researchers after the access committee's review`, `self-serve billing, for
organisations approved by the partnerships team`): the first word is then not all it says."""

_NOT_SOMEONE = (r"\b(?:self|themselves|automatic\w*|automated)\b|\bself-"
                r"|\bby\W+(?:(?:a|an|the|their|its|our)\W+)?(?:[\w-]+\W+)?(?:e-?mail|link|domain|sms|captcha|"
                r"system|software|script|bot|algorithm|form|portal|code)s?\b")
"""Words by which a stated check is made by no one: the users themselves, an automatic step, or a
thing (`verified by a confirmation link`, `approved by the system`)."""


def _says_no_vetting(read: str) -> bool:
    """Whether a vetting statement (as read) says no one is vetted (`_NO_VETTING`): its first word,
    unless its first sentence goes on to deny access without a check (`_NONE_WITHOUT_CHECK`) or
    to state a check by someone (`_ANYONE_CHECKED`, not denied), made neither by the users nor by
    a thing (`_NOT_SOMEONE`)."""
    m = re.match(_NO_VETTING, read, re.IGNORECASE)
    if m is None:
        return False
    first = re.split(r"[.;:\n]", read, maxsplit=1)[0]
    if m.group(1).lower() in ("n/a", "na", "nil") or re.search(_NOT_SOMEONE, first[m.end():], re.IGNORECASE):
        return True
    if m.group(1).lower() in ("no", "none", "nobody"):
        return re.search(_NONE_WITHOUT_CHECK, first, re.IGNORECASE) is None
    return (re.search(_ANYONE_CHECKED, first, re.IGNORECASE) is None
            or re.search(r"\b(?:no|not|never|without|none|nor|neither)\b|n't\b", first, re.IGNORECASE) is not None)


_SELF_VOUCHED = (
    r"\bself[- ]?(?:attest|certif|declar|report|identif|vouch|assess)\w*"
    r"|\b(?:attest|certif|declar|affirm)\w*\W+(?:to\W+)?(?:their|his|her|its|own)\b"
    r"|\b(?:e-?mail|link|domain)s?\b"
)
"""A part of a vetting statement in which users vouch for themselves (self-certification, an
attestation of their own affiliation) or show only an email address: nobody checks anything."""

_AGREED = (
    r"\b(?:acceptable[- ]use|usage|use|access|user|end[- ]user|licen[cs]e|partner|conduct)\W+"
    r"(?:polic(?:y|ies)|agreements?|terms|rules|contracts?)\b"
    r"|\bterms\W+(?:of\W+(?:use|service|access)|and\W+conditions)\b|\bcode\W+of\W+conduct\b"
    r"|\b(?:non[- ]disclosure|confidentiality)\W+agreements?\b|\bndas?\b"
)
"""A part of a vetting statement that names terms users agree to (a usage policy, the access
agreement, a code of conduct, a non-disclosure agreement): the user's promise, which vouches for
the user as a self-certification does, unless the part also names a check (`_CHECKED_BY_OTHERS`)."""

_CHECKED_BY_OTHERS = VETTING_CHECK
_VETTING_PARTS = VETTING_PARTS


def _vetting_hollow(text: str, ctx: Context) -> str | None:
    """Why the boundary's `scope.vetting` names no vetting (None when it names some): empty words,
    boilerplate, a statement that anyone is let in, or one in which users vouch for themselves (or
    show an email address, or agree to terms) and no part names a check made by someone else."""
    read = as_read(text)
    if _says_no_vetting(read):
        return f"\"{text.strip()}\" says no one is vetted"
    parts = [p for p in re.split(_VETTING_PARTS, read, flags=re.IGNORECASE) if p and p.strip()]
    self_vouched = [p for p in parts if re.search(_SELF_VOUCHED, p, re.IGNORECASE)
                    or (re.search(_AGREED, p, re.IGNORECASE) and not re.search(_CHECKED_BY_OTHERS, p, re.IGNORECASE))]
    if self_vouched and not any(re.search(_CHECKED_BY_OTHERS, p, re.IGNORECASE)
                                for p in parts if p not in self_vouched):
        return (f"in \"{text.strip()}\" users vouch for themselves (or show an email address, or agree to terms) "
                "and no one else checks anything")
    return hollow_reason(text, ctx.policy, min_words=2)


def _vetting_shown(ctx: Context) -> bool:
    """Whether a `user-vetting` safeguard of the case cites evidence the case holds (what shows that
    those admitted across the boundary are vetted, beyond the access the case types)."""
    return any(sg.layer == "user-vetting" and not sg.security
               and any(e in ctx.case.evidence for e in sg.evidence)
               for sg in ctx.case.safeguards.values())


def _narrowed_from(ctx: Context) -> str | None:
    """What the version compared with had, in words, when its boundary reached users no one vetted
    (an access other than a vetted one) or was of a wider kind, and this one is limited to vetted
    users; None otherwise."""
    prev, b = ctx.previous, ctx.case.boundary
    if prev is None or prev.boundary is None or b is None:
        return None
    pb = prev.boundary
    was_access = pb.scope.access if pb.scope is not None else None
    if was_access not in _VETTED:
        return f"access `{was_access or 'unrecorded'}` (boundary `{pb.kind.value}`)"
    if pb.kind.rank > b.kind.rank:
        return f"a `{pb.kind.value}` boundary"
    return None


def _vetting_retested(ctx: Context) -> bool:
    """Whether a `user-vetting` safeguard rests on a test of it made since the version compared with."""
    prev = ctx.previous
    return prev is not None and any(
        sg.layer == "user-vetting" and not sg.security and _retested(ctx, sid, sg, prev)
        for sid, sg in ctx.case.safeguards.items())


@rule(
    "CG106", "lineage-unresolved", severity="advisory", serves="fm-internal-deployment-blindness",
    summary="A case named in the system's lineage is not in the registry, has not been approved by a "
            "decision, is withdrawn or superseded, or is about another model.",
    rationale="A lineage link is a claim that another case stands behind this model (its internal "
              "deployment, its parent). A link to a case that exists nowhere, no longer stands, or "
              "argues about a different model is a label, not a case: it must not satisfy the "
              "internal-deployment check (CG104 then blocks where internal capability matters), and "
              "the reader of the lineage must be told.",
    bad="system:\n  lineage:\n    - {relation: checkpoint-of, name: Atlas-2 internal, case: no-such-case}",
    good="system:\n  lineage:\n    - {relation: checkpoint-of, name: Atlas-2 internal, case: atlas-2-internal}\n"
         "# atlas-2-internal is submitted to the registry, approved, about Atlas-2",
    fix="Submit the linked case to the registry (`casegate registry submit`) and have it decided, link its "
        "current successor, or correct the lineage entry's name, digest or case id.",
)
def lineage_unresolved(ctx: Context) -> Iterator[Hit]:
    for i, lin in enumerate(ctx.case.system.lineage):
        if not lin.case:
            continue
        why = lineage_problem(ctx, lin.relation, lin.name, lin.digest, lin.case)
        if why is not None:
            yield Hit(("system", "lineage", i), why)


def employees_only(b: Boundary) -> bool:
    """Whether a boundary reaches the organisation's own people alone (`scope.access: employees`):
    whatever its kind, the deployment runs inside the organisation, and its scale is weighed as an
    internal deployment's is (CG107)."""
    return b.scope is not None and b.scope.access == "employees"


_REACH = ("none", "read", "write")
"""Access levels, narrowest first."""


def _tool_reach(ctx: Context) -> tuple[InternalScale | None, list[str]]:
    """The boundary's recorded scale widened to what the tools it grants reach inside the
    organisation (the policy's `tools.<name>.reaches`; a tool the policy does not list, or lists
    without `reaches`, reaches write on both: fail closed), and in words what each tool widened.
    A tool the boundary's words grant by its own name is granted though its list leaves it out
    (`granted_tools`)."""
    b = ctx.case.boundary
    if b is None or b.internal is None:
        return None, []
    scale, why = b.internal, []
    for name in granted_tools(ctx):
        tool = ctx.policy.tools.get(name)
        reach = tool.reaches if tool is not None and tool.reaches is not None else None
        for field in ("training_code", "weights"):
            level = getattr(reach, field) if reach is not None else "write"
            have = getattr(scale, field)
            if have is not None and _REACH.index(level) > _REACH.index(have):
                scale = scale.model_copy(update={field: level})
                source = (", a tool the policy does not list," if tool is None else
                          ", for which the policy states no `reaches`," if reach is None else
                          ", granted in the boundary's words though not its list," if name not in b.tools else "")
                why.append(f"`{name}`{source} reaches {field} `{level}` (the case records `{have}`)")
    return scale, why


def _tools_reach(policy: Policy, tools: list[str]) -> dict[str, str]:
    """How far a set of granted tools reaches inside the organisation, under `policy`: for training
    code and for weights, the furthest any of them reaches (a tool the policy does not list, or
    lists without `reaches`, reaches write: fail closed; no tool reaches nothing)."""
    out = {"training_code": "none", "weights": "none"}
    for name in tools:
        tool = policy.tools.get(name)
        reach = tool.reaches if tool is not None else None
        for field in out:
            level = getattr(reach, field) if reach is not None else "write"
            if _REACH.index(level) > _REACH.index(out[field]):
                out[field] = level
    return out


def _reach_shrank(was: dict[str, str], now: dict[str, str]) -> bool:
    """Whether the tools now reach less than they did: no further on either, and less on one."""
    return all(_REACH.index(now[f]) <= _REACH.index(was[f]) for f in was) and now != was


def _reach_words(reach: dict[str, str]) -> str:
    return ", ".join(f"{field} `{level}`" for field, level in reach.items())


_AUTONOMY = ("human-in-the-loop", "human-on-the-loop", "autonomous")
"""How freely internal instances act, most supervised first."""


def _held_scale(ctx: Context, scale: InternalScale) -> tuple[InternalScale, str]:
    """`scale` held to at least the internal scale the version compared with recorded (its
    instances, autonomy, access to training code and weights) unless what the tools this version
    grants reach inside the organisation shrank (`_reach_shrank`): the scale is the case's word,
    and fewer instances or more supervision under tools reaching as far is a loosening nothing
    shows (a tool dropped that reaches no further than the others, or one renamed, changes no
    reach). The words say what was held (empty: nothing). A version of another case about the
    same model that stands approved is no floor: it runs beside this one, and is summed with it
    (`_with_deployed`)."""
    prev, b = ctx.previous, ctx.case.boundary
    if ctx.baseline is not None and any(d.case == ctx.baseline.case for d, _ in ctx.deployed or ()):
        return scale, ""
    if prev is None or prev.boundary is None or prev.boundary.internal is None or b is None \
            or not (prev.boundary.kind.internal or employees_only(prev.boundary)):
        return scale, ""
    # what this version grants in words too (`granted_tools`): a tool dropped from the list alone
    # shrinks no reach
    now_reach, was_reach = _tools_reach(ctx.policy, granted_tools(ctx)), _tools_reach(ctx.policy, prev.boundary.tools)
    if ctx.previous_policy is not None:  # what they reached as that version's policy said, if less: a
        # tool's entry taken out of the policy with the tool (unlisted now: write) shrinks nothing
        then = _tools_reach(ctx.previous_policy, prev.boundary.tools)
        was_reach = {f: min(was_reach[f], then[f], key=_REACH.index) for f in was_reach}
    if _reach_shrank(was_reach, now_reach):
        return scale, ""
    was = prev.boundary.internal
    update: dict[str, object] = {}
    said: list[str] = []
    if was.instances is not None and scale.instances is not None and was.instances > scale.instances:
        update["instances"] = was.instances
        said.append(f"{was.instances} instances, not {scale.instances}")
    if was.autonomy is not None and scale.autonomy is not None \
            and _AUTONOMY.index(was.autonomy) > _AUTONOMY.index(scale.autonomy):
        update["autonomy"] = was.autonomy
        said.append(f"autonomy `{was.autonomy}`, not `{scale.autonomy}`")
    for field in ("training_code", "weights"):
        old, new = getattr(was, field), getattr(scale, field)
        if old is not None and new is not None and _REACH.index(old) > _REACH.index(new):
            update[field] = old
            said.append(f"{field} `{old}`, not `{new}`")
    if not update:
        return scale, ""
    return (scale.model_copy(update=update),
            f"{ctx.compared} recorded {'; '.join(said)}, and the tools this version grants reach no less: "
            f"{_reach_words(now_reach)}, as the policy states them")


def _internal_at_alert(ctx: Context) -> list[str]:
    """Thresholds in domains that matter inside the lab at or above their alert level."""
    out = []
    for tid, st in capability_status(ctx).items():
        dom = ctx.policy.domains.get(st.domain)
        if dom is not None and dom.internal_relevant and st.at_or_above_alert:
            out.append(tid)
    return out


@rule(
    "CG107", "internal-scale", severity="blocking", serves="fm-internal-deployment-blindness",
    summary="An internal boundary (`training` included), or one of any kind whose access is `employees`, does not "
            "record the deployment's scale (instances, "
            "access to training code and weights, autonomy) where capability matters inside the lab, records a "
            "scale beyond internal research under a narrower kind, or runs wide without the safeguard layers "
            "the policy requires for it.",
    rationale="'Internal' covers ten researchers trying a checkpoint and thousands of autonomous "
              "instances with write access to the training code. The risk of capability that matters "
              "inside the lab (AI R&D, autonomy, sabotage) depends on that scale; a case that does not "
              "record it cannot be weighed, and a wide deployment of such a model needs monitoring "
              "and access control on what the instances do. `training`, narrower still, is held to at "
              "least what internal research is: a deployment labelled training is weighed as one; a wider kind "
              "whose access is the organisation's own people runs inside it, and is weighed as an internal "
              "deployment. Against "
              "a registry, the instances of every other case about the same model that stands approved "
              "inside the organisation are summed with this one's (the same weights filed as several narrow "
              "cases are the deployment they make together), and a scale lower than the version compared "
              "with recorded, under tools that reach no less (the policy's `tools.<name>.reaches`), is read as "
              "that version's.",
    bad="boundary:\n  kind: internal-research\n  scope: {users: research staff, access: employees}\n"
        "  internal: {instances: 2000, training_code: write, weights: read, autonomy: autonomous}",
    good="boundary:\n  kind: internal-deployment\n  scope: {users: research staff, access: employees}\n"
         "  internal: {instances: 2000, training_code: write, weights: read, autonomy: autonomous}\n"
         "safeguards:\n  SG-agent-monitor: {layer: monitoring, ...}\n  SG-permissions: {layer: access-control, ...}",
    fix="Record `boundary.internal` (instances, training_code, weights, autonomy); name the kind the scale "
        "makes the deployment; add the safeguard layers the policy's `internal.wide_layers` lists.",
)
def internal_scale(ctx: Context) -> Iterator[Hit]:
    b = ctx.case.boundary
    kind = ctx.boundary
    if b is None or kind is None or not (kind.internal or employees_only(b)):
        return  # `training` too: a kind narrower than internal research is held to at least its limits
    # a wider kind whose access is the organisation's own people (`trusted-access` and `open-weights`
    # allow `employees`) runs inside it: weighed as an internal deployment is
    inside = "" if kind.internal else " (its access is `employees`: it runs inside the organisation)"
    scale = b.internal
    at_alert = _internal_at_alert(ctx)
    missing = scale.unrecorded() if scale is not None else ["instances", "training_code", "weights", "autonomy"]
    if missing:
        what = ", ".join(missing)
        if at_alert:
            yield Hit(("boundary", "internal") if scale is not None else ("boundary", "kind"),
                      f"the `{kind.value}` boundary{inside} does not record {what} of the deployment, so the scale at "
                      f"which {', '.join(at_alert)} (at or above its alert level) is deployed cannot be weighed")
        else:
            yield Hit(("boundary", "internal") if scale is not None else ("boundary", "kind"),
                      f"the `{kind.value}` boundary{inside} does not record {what} of the deployment",
                      severity=RuleSeverity.advisory,
                      help="record `boundary.internal` so a later rise in capability can be weighed against it")
    if scale is None:
        return
    scale, widened = _tool_reach(ctx)
    assert scale is not None
    scale, held = _held_scale(ctx, scale)
    wide = scale.wide()
    if widened:  # the tools it grants reach further than the scale the case records
        wide = [*wide[:-1], wide[-1] + f" (the tools it grants: {'; '.join(widened)})"] if wide else wide
    if held and wide:  # the version compared with recorded more, with no narrower tools
        wide = [*wide[:-1], wide[-1] + f" ({held})"]
    limit = ctx.policy.internal.research_max_instances
    narrow = kind.rank < BoundaryKind.internal_deployment.rank  # `training`, `internal-research`
    if narrow:
        beyond = list(wide)
        if scale.instances is not None and scale.instances > limit:
            beyond.insert(0, f"{scale.instances} instances (the policy allows {limit} for internal research)"
                             + (f" ({held})" if held and not wide else ""))
        if beyond:
            yield Hit(("boundary", "internal"),
                      f"{'an' if kind is BoundaryKind.internal_research else 'a'} `{kind.value}` boundary with "
                      f"{'; '.join(beyond)} is an internal deployment",
                      help="name the kind `internal-deployment` (and meet what the policy asks of it), or narrow the scale")
    if narrow:
        yield from _with_deployed(ctx, scale, limit, at_alert)
    if wide and at_alert:
        have = {sg.layer for sg in ctx.case.safeguards.values()}
        lacking = [layer for layer in ctx.policy.internal.wide_layers if layer not in have]
        if lacking:
            yield Hit(("boundary", "internal"),
                      f"the {'internal' if kind.internal else f'`{kind.value}`'} deployment{inside} is wide "
                      f"({'; '.join(wide)}) and {', '.join(at_alert)} is at or "
                      f"above its alert level, but the case has no {', '.join(lacking)} safeguard",
                      help=f"add safeguards of the layers {', '.join(lacking)} on what the instances do")


def _with_deployed(ctx: Context, scale: InternalScale, limit: int, at_alert: list[str]) -> Iterator[Hit]:
    """A boundary narrower than an internal deployment weighed together with every other case
    about the same model that stands approved at an internal kind (`Context.deployed`): their
    instances run beside this one's, so the same weights filed as several narrow cases are an
    internal deployment when their instances together pass the policy's limit for internal
    research. An instance count that is not recorded cannot be summed: blocking at an alert level
    in a domain that matters inside the lab, as this case's own would be."""
    kind = ctx.boundary
    if ctx.deployed is None or scale.instances is None or kind is None:
        return
    others: list[tuple[str, int]] = []
    unknown: list[str] = []
    for base, other in ctx.deployed:
        ob = other.boundary
        if ob is None or not (ob.kind.internal or employees_only(ob)):
            continue  # outside the organisation: no instances run inside it
        if ob.internal is None or ob.internal.instances is None:
            unknown.append(f"{base.label} (`{ob.kind.value}`)")
        else:
            others.append((base.label, ob.internal.instances))
    if unknown:
        what = ", ".join(unknown)
        yield Hit(("boundary", "internal", "instances"),
                  f"{what}, about the same model, records no instance count, so the instances of the model "
                  f"running inside the organisation cannot be summed with this `{kind.value}` boundary's "
                  f"{scale.instances}",
                  severity=RuleSeverity.blocking if at_alert else RuleSeverity.advisory,
                  help="record `boundary.internal.instances` in that case (a new version, decided), or mark it "
                       "withdrawn or superseded if it no longer runs")
    total = scale.instances + sum(n for _, n in others)
    if others and scale.instances <= limit < total:
        named = "; ".join(f"{label}: {n} instances" for label, n in others)
        yield Hit(("boundary", "internal", "instances"),
                  f"with the other cases about the same model that stand approved inside the organisation "
                  f"({named}), this `{kind.value}` boundary's {scale.instances} instances make {total} "
                  f"instances of the model (the policy allows {limit} for internal research): together an "
                  f"internal deployment",
                  help="name the kind `internal-deployment` (and meet what the policy asks of it) for the whole "
                       "deployment; or, if this case replaces another, mark that one superseded "
                       "(`casegate state set OTHER superseded --superseded-by THIS`) first")
