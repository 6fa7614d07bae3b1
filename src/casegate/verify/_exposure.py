"""What a deployment gives across its boundary beyond the kind (the tools and agent affordances
given to the model, the sensitive domains it is integrated into, who can reach it, where, how
fast and for how many), held to what the decision signs of the boundary it was made for. The
kind alone does not bound a deployment: a decision made for an `api` boundary with no tools says
nothing about one with code execution."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, get_args

from ..errors import InputError
from ..model import (
    RATE_GRAMMAR,
    Access,
    Boundary,
    BoundaryKind,
    Rate,
    RateLimitUnreadable,
    looser,
    parse_rate_limit,
)
from ..model._base import name_key

SIGNED_KEY = "boundary_attributes"
"""The decision predicate's key for the boundary's attributes (`boundary_attributes`)."""

ACCESS_LEVELS: tuple[str, ...] = get_args(Access)
"""Access levels, widest first."""

OLDER_DECISION = ("the decision does not sign its boundary's tools, sensitive domains or access (it was made "
                  "by an older casegate)")


@dataclass(frozen=True)
class Deployment:
    """What a deployment actually gives across its boundary, as its deployer declares it to
    `verify`. Nothing declared is a deployment that gives the model no tools and integrates it
    into no sensitive domain (the narrowest). Access must be declared wherever the decision limits
    it: who can reach the model is the deployer's to state, not casegate's to assume."""

    tools: tuple[str, ...] = ()
    """Tools and agent affordances given to the model."""
    sensitive_domains: tuple[str, ...] = ()
    """Sensitive domains the deployment integrates the model into."""
    access: str | None = None
    """Who can reach the model (an `Access` level), or None when not declared."""
    regions: tuple[str, ...] = ()
    """Regions the deployment is offered in (none declared: not stated)."""
    rate_limits: tuple[str, ...] = ()
    """The rate limits the deployment enforces, each written as a case's `scope.rate_limit` is
    (`600/min per key`, `unlimited`; none declared: not stated)."""
    max_users: int | None = None
    """The most users the deployment admits, or None when not declared."""
    system_message_sha256: str | None = None
    """sha256 of the system message the deployment puts before every conversation (`none`: it
    puts none), or None when not declared."""
    max_tokens: int | None = None
    """The ceiling the deployment puts on one generation, or None when not declared."""
    no_max_tokens: bool = False
    """The deployment declares that it puts no ceiling on one generation."""

    def __post_init__(self) -> None:
        if self.access is not None and self.access not in ACCESS_LEVELS:
            raise InputError(f"access {self.access!r} is not an access level",
                             help="one of: " + ", ".join(ACCESS_LEVELS))
        for what, names in (("tool", self.tools), ("sensitive domain", self.sensitive_domains),
                            ("region", self.regions)):
            if any(not _key(n) for n in names):
                raise InputError(f"an empty {what} name was declared", help=f"name each {what} the deployment gives")
        if self.max_users is not None and (type(self.max_users) is not int or self.max_users < 0):
            raise InputError(f"max users {self.max_users!r} is not a number of users",
                             help="declare the most users the deployment admits, a whole number (--max-users N)")
        said = self.system_message_sha256
        if said is not None and said != "none" and not re.fullmatch(r"[0-9a-f]{64}", said):
            from ..model._base import digest_problem

            raise InputError(f"--system-message-sha256: {digest_problem(said, False)}",
                             help="declare the sha256 of the UTF-8 text of the system message the deployment puts "
                                  "before every conversation (--system-message-sha256 HEX), or `none`")
        if self.max_tokens is not None and (type(self.max_tokens) is not int or self.max_tokens < 1):
            raise InputError(f"max tokens {self.max_tokens!r} is not a number of tokens",
                             help="declare the ceiling the deployment puts on one generation, a whole number "
                                  "(--max-tokens N), or --no-max-tokens when it puts none")
        if self.max_tokens is not None and self.no_max_tokens:
            raise InputError("both --max-tokens and --no-max-tokens were declared",
                             help="declare the deployment's ceiling on one generation, or that it puts none")
        rates = [self._read(t) for t in self.rate_limits]
        if len(rates) > 1 and any(not r for r in rates):
            raise InputError("the rate limits declared include `unlimited` beside limits",
                             help="declare the limits the deployment enforces, or `unlimited` alone")

    @staticmethod
    def _read(text: str) -> tuple[Rate, ...]:
        try:
            return parse_rate_limit(text)
        except RateLimitUnreadable as e:
            raise InputError(f"rate limit {text!r} cannot be read: {e}", help="write it as " + RATE_GRAMMAR) from None

    @property
    def rates(self) -> tuple[Rate, ...] | None:
        """The limits the deployment enforces (`()`: unlimited), None when it declares none."""
        if not self.rate_limits:
            return None
        return tuple(r for t in self.rate_limits for r in self._read(t))

    @property
    def declared(self) -> bool:
        return bool(self.tools or self.sensitive_domains or self.access or self.regions or self.rate_limits
                    or self.max_users is not None or self.configured)

    @property
    def configured(self) -> bool:
        """Whether the deployment declares any of its configuration (system message, ceiling)."""
        return self.system_message_sha256 is not None or self.max_tokens is not None or self.no_max_tokens


def boundary_attributes(boundary: Boundary | None) -> dict[str, Any]:
    """What a decision signs of its boundary beyond the kind, for `verify` to hold a deploy to."""
    scope = boundary.scope if boundary is not None else None
    return {"tools": sorted(set(boundary.tools)) if boundary is not None else [],
            "sensitive_domains": sorted(set(boundary.sensitive_domains)) if boundary is not None else [],
            "access": scope.access if scope is not None else None,
            "regions": sorted(set(scope.regions)) if scope is not None else [],
            "rate_limit": _signed_rate_limit(scope.rate_limit if scope is not None else None),
            "max_users": scope.max_users if scope is not None else None,
            # signed only where the case states it, so decisions about cases that do not keep
            # the predicate they always had
            **({"configuration": {"system_message_sha256": conf.system_message_sha256, "max_tokens": conf.max_tokens}}
               if boundary is not None and (conf := boundary.configuration) is not None else {})}


def _signed_rate_limit(text: str | None) -> dict[str, Any] | None:
    """The boundary's rate limit as the decision signs it: its words, and the limits they state
    read as numbers (`limits` None: they cannot be read, and CG108 says so; `unlimited`: none)."""
    if text is None or not text.strip():
        return None
    try:
        rates = parse_rate_limit(text)
    except RateLimitUnreadable:
        return {"text": text, "unlimited": False, "limits": None}
    return {"text": text, "unlimited": not rates, "limits": [r.as_dict() for r in rates]}


_key = name_key
"""The comparison key of a tool or domain name: `Code_Execution` and `code-execution` are one."""


def _listed(names: list[str]) -> str:
    return "[" + ", ".join(names) + "]"


def exposure_problems(pred: dict[str, Any], declared: Deployment | None) -> tuple[list[str], list[str], dict[str, Any]]:
    """Whether the deployment `given` stays within the boundary the decision predicate `pred`
    signs: every tool and sensitive domain it gives is one the boundary lists, and its access
    is declared and no wider than the signed one (unless the signed access is the widest, or none). Returns (reasons, notes saying what was
    checked, the same as data). A decision that does not sign its boundary's attributes verifies
    only a deployment that declares nothing. `declared` None is no deploy at all (the registry
    judging a decision it is asked to apply): nothing is given, and access is not asked for."""
    given = declared or Deployment()
    signed = pred.get(SIGNED_KEY)
    checked: dict[str, Any] = {"declared": {"tools": list(given.tools), "sensitive_domains": list(given.sensitive_domains),
                                            "access": given.access, "regions": list(given.regions),
                                            "rate_limit": list(given.rate_limits), "max_users": given.max_users},
                               "signed": signed if isinstance(signed, dict) else None}
    if given.configured:
        checked["declared"]["configuration"] = {"system_message_sha256": given.system_message_sha256,
                                                "max_tokens": None if given.no_max_tokens else given.max_tokens,
                                                "no_max_tokens": given.no_max_tokens}
    if not isinstance(signed, dict):
        if given.declared:
            return ([f"{OLDER_DECISION}, so what this deployment gives cannot be held to it: decide again with "
                     "`casegate decide`"], [], checked)
        return [], [f"{OLDER_DECISION}: verified only for a deployment that gives the model no tools and no "
                    "sensitive domain (none declared); decide again to verify one that does"], checked
    reasons: list[str] = []
    notes: list[str] = []
    for field, word in (("tools", "tool"), ("sensitive_domains", "sensitive domain")):
        listed = signed.get(field)
        if not isinstance(listed, list):
            reasons.append(f"decision: the {word}s of its boundary cannot be read")
            continue
        names = [str(x) for x in listed]
        have = {_key(n) for n in names}
        gives: tuple[str, ...] = getattr(given, field)
        extra = [n for n in gives if _key(n) not in have]
        if extra:
            reasons.append(f"the deployment gives the {word}{'s' if len(extra) > 1 else ''} {', '.join(extra)}, "
                           f"which the boundary the decision is signed for does not list (signed: {_listed(names)}): "
                           "a wider boundary needs its own case and decision")
        notes.append(f"{word}s: {', '.join(gives) if gives else 'none declared'}; signed: {_listed(names)}")
    access = signed.get("access")
    if access is not None and access not in ACCESS_LEVELS:
        reasons.append(f"decision: the access of its boundary cannot be read ({str(access)[:40]!r})")
    elif given.access is None and declared is not None and access not in (None, ACCESS_LEVELS[0]):
        reasons.append(f"the boundary the decision is signed for allows only {access} access, and the deployment "
                       f"does not declare who can reach the model: declare it (--access), no wider than {access}")
    elif given.access is None:
        notes.append(f"access: not declared; signed: {access or 'none named'}"
                     + (" (not a deploy)" if declared is None else " (any access is within it)"))
    elif access is None:
        reasons.append(f"the deployment gives {given.access} access, but the boundary the decision is signed for "
                       "names no access level, so it cannot be shown to be within it")
    elif ACCESS_LEVELS.index(given.access) < ACCESS_LEVELS.index(access):
        reasons.append(f"the deployment gives {given.access} access, wider than the {access} access the "
                       "boundary the decision is signed for allows")
    else:
        notes.append(f"access: {given.access}; signed: {access}")
    for held in (_region_problems, _rate_problems, _user_cap_problems, _configuration_problems):
        more, said = held(signed, given, declared is not None)
        reasons += more
        notes += said
    return reasons, notes, checked


def _region_problems(signed: dict[str, Any], given: Deployment, deploy: bool) -> tuple[list[str], list[str]]:
    """Whether the regions a deploy declares lie within those the signed boundary names. A
    boundary that names regions was judged for those alone (its scope; CG210 and CG211 hold a
    widened one): a deploy must then say where it is offered, each region one of them. A decision
    that does not sign its regions (made by an older casegate) verifies no deploy that declares
    some."""
    if "regions" not in signed:
        if given.regions:
            return ([f"the decision does not sign its boundary's regions (it was made by an older casegate), so a "
                     f"deployment offered in {', '.join(given.regions)} cannot be held to them: decide again with "
                     "`casegate decide`"], [])
        return [], []
    listed = signed.get("regions")
    if not isinstance(listed, list):
        return ["decision: the regions of its boundary cannot be read"], []
    names = [str(x) for x in listed]
    if not names:
        return [], [f"regions: {', '.join(given.regions) or 'none declared'}; signed: none named (any region)"]
    if not given.regions:
        if not deploy:
            return [], [f"regions: not declared; signed: {_listed(names)} (not a deploy)"]
        return ([f"the boundary the decision is signed for is offered only in {_listed(names)}, and the deployment "
                 "does not declare where it is offered: declare each region (--region)"], [])
    have = {_key(n) for n in names}
    extra = [n for n in given.regions if _key(n) not in have]
    if extra:
        return ([f"the deployment is offered in {', '.join(extra)}, which the boundary the decision is signed for "
                 f"does not list (signed: {_listed(names)}): a wider boundary needs its own case and decision"], [])
    return [], [f"regions: {', '.join(given.regions)}; signed: {_listed(names)}"]


_SIGNED = "the boundary the decision is signed for"


def _rate_problems(signed: dict[str, Any], given: Deployment, deploy: bool) -> tuple[list[str], list[str]]:
    """Whether the rate limits a deploy enforces hold it within those the signed boundary names:
    each signed limit held by a declared one of the same quantity, for the same party or for all
    together, and no more in any of its periods (`Rate.holds`: 20/s is looser than 600/min, and
    10000/day lets a burst past 600/min). The
    gate judged the boundary's limits (residual risk's attempt rates rest on them; CG210 and CG211
    hold a loosened one): a deploy must then declare what it enforces. A signed limit casegate
    cannot read (CG108) holds no deploy within it; a decision that does not sign the rate limit
    (made by an older casegate) verifies no deploy that declares one."""
    declared = ", ".join(given.rate_limits)
    if "rate_limit" not in signed:
        if given.rate_limits:
            return ([f"the decision does not sign its boundary's rate limit (it was made by an older casegate), so a "
                     f"deployment that enforces {declared} cannot be held to it: decide again with `casegate decide`"],
                    [])
        return [], []
    sig = signed.get("rate_limit")
    if sig is None:
        return [], [f"rate limit: {declared or 'not declared'}; signed: none named (any rate)"]
    text = sig.get("text") if isinstance(sig, dict) else None
    limits = sig.get("limits") if isinstance(sig, dict) else None
    if not isinstance(text, str) or not (limits is None or isinstance(limits, list)):
        return ["decision: the rate limit of its boundary cannot be read"], []
    if limits is None:
        if not deploy:
            return [], [f"rate limit: not declared; signed: {text!r}, which casegate cannot read (not a deploy)"]
        return ([f"the rate limit of {_SIGNED} ({text!r}) is not one casegate can read as limits, so no "
                 "deployment can be shown to be within it: write the case's `boundary.scope.rate_limit` as "
                 "limits casegate reads (CG108) and decide again"], [])
    try:
        rates = tuple(Rate.from_dict(x) for x in limits)
    except ValueError:
        return ["decision: the rate limit of its boundary cannot be read"], []
    if not rates:
        return [], [f"rate limit: {declared or 'not declared'}; signed: {text} (any rate)"]
    words = ", ".join(r.words() for r in rates)
    mine = given.rates
    if mine is None:
        if not deploy:
            return [], [f"rate limit: not declared; signed: {words} (not a deploy)"]
        return ([f"{_SIGNED} limits use to {words}, and the deployment does not say what it enforces: declare "
                 "the rate limit the deployment enforces (--rate-limit), no looser"], [])
    if not mine:
        return ([f"the deployment declares its rate unlimited, looser than {words}, which {_SIGNED} allows: "
                 "a wider boundary needs its own case and decision"], [])
    reasons = []
    for s in looser(rates, mine):
        same = [g for g in mine if g.quantity == s.quantity and g.per in (s.per, "global")]
        if same:
            g = same[0]
            how = (f"which lets all {g.amount()} come within one {s.period()}" if g.bursts_past(s)
                   else g.per_minute_words())
            reasons.append(f"the deployment allows {g.words()} ({how}), looser than {s.words()} "
                           f"({s.per_minute_words()}), which {_SIGNED} allows: a wider boundary needs its own case "
                           "and decision")
        else:
            reasons.append(f"the deployment declares no limit on {s.quantity} {s.whom()} (it declares "
                           f"{', '.join(r.words() for r in mine)}), and {_SIGNED} limits them to {s.words()}: "
                           "declare the rate limit the deployment enforces (--rate-limit), no looser")
    if reasons:
        return reasons, []
    return [], [f"rate limit: {', '.join(r.words() for r in mine)}; signed: {words}"]


def _user_cap_problems(signed: dict[str, Any], given: Deployment, deploy: bool) -> tuple[list[str], list[str]]:
    """Whether a deploy admits no more users than the signed boundary's cap (`scope.max_users`),
    which the gate judged (CG210 and CG211 hold a raised one): a deploy must then declare its own.
    A decision that does not sign the cap (made by an older casegate) verifies no deploy that
    declares one."""
    if "max_users" not in signed:
        if given.max_users is not None:
            return ([f"the decision does not sign its boundary's user cap (it was made by an older casegate), so a "
                     f"deployment for up to {given.max_users} users cannot be held to it: decide again with "
                     "`casegate decide`"], [])
        return [], []
    cap = signed.get("max_users")
    if cap is None:
        return [], [f"max users: {given.max_users if given.max_users is not None else 'not declared'}; "
                    "signed: no cap"]
    if type(cap) is not int:
        return ["decision: the user cap of its boundary cannot be read"], []
    if given.max_users is None:
        if not deploy:
            return [], [f"max users: not declared; signed: {cap} (not a deploy)"]
        return ([f"{_SIGNED} admits at most {cap} users, and the deployment does not declare how many it admits: "
                 f"declare the user cap the deployment enforces (--max-users), no more than {cap}"], [])
    if given.max_users > cap:
        return ([f"the deployment admits up to {given.max_users} users, more than the {cap} {_SIGNED} allows: a "
                 "wider boundary needs its own case and decision"], [])
    return [], [f"max users: {given.max_users}; signed: {cap}"]


def _configuration_problems(signed: dict[str, Any], given: Deployment, deploy: bool) -> tuple[list[str], list[str]]:
    """Whether a deploy runs the model as the signed boundary's configuration says (CG309 held the
    evaluations to it): the same system message before every conversation (none where it names
    none), and a ceiling on one generation no higher than its own. A decision that signs a
    configuration verifies only a deploy that declares both; one that signs none (its case stated
    none, and its evaluations ran under no system message or ceiling of their own) holds nothing."""
    conf = signed.get("configuration")
    if "configuration" not in signed:
        return [], ([f"configuration: {_configured(given)}; signed: none stated (the evaluations ran under no "
                     "system message or ceiling of their own)"] if given.configured else [])
    if not isinstance(conf, dict):
        return ["decision: the configuration of its boundary cannot be read"], []
    said, cap = conf.get("system_message_sha256"), conf.get("max_tokens")
    if (said is not None and not isinstance(said, str)) or (cap is not None and type(cap) is not int):
        return ["decision: the configuration of its boundary cannot be read"], []
    if not deploy:
        return [], [f"configuration: not declared; signed: {_configured_words(said, cap)} (not a deploy)"]
    reasons: list[str] = []
    if given.system_message_sha256 is None:
        reasons.append(f"{_SIGNED} runs the model {_message_words(said)}, and the deployment does not declare its "
                       "system message: declare its sha256 (--system-message-sha256 HEX, or `none`)")
    elif (given.system_message_sha256 if given.system_message_sha256 != "none" else None) != said:
        reasons.append(f"the deployment runs the model {_message_words(given.system_message_sha256)}, but {_SIGNED} "
                       f"runs it {_message_words(said)}: the evaluations bound the system as configured then, not "
                       "this one; a new configuration needs its own case version and decision")
    if given.max_tokens is None and not given.no_max_tokens:
        if cap is not None:
            reasons.append(f"{_SIGNED} caps a generation at {cap:,} tokens, and the deployment does not declare its "
                           f"ceiling: declare it (--max-tokens N), no more than {cap:,}")
    elif cap is not None and (given.no_max_tokens or (given.max_tokens or 0) > cap):
        got = "puts no ceiling on a generation" if given.no_max_tokens else \
            f"lets a generation run to {given.max_tokens:,} tokens"
        reasons.append(f"the deployment {got}, more than the {cap:,} {_SIGNED} allows: the evaluations bound the "
                       "system as configured then, not this one")
    if reasons:
        return reasons, []
    return [], [f"configuration: {_configured(given)}; signed: {_configured_words(said, cap)}"]


def _message_words(said: str | None) -> str:
    return "with no system message" if said in (None, "none") else f"under the system message sha256 {said[:12]}..."


def _configured_words(said: str | None, cap: int | None) -> str:
    return f"{_message_words(said)}, {'no ceiling on a generation' if cap is None else f'{cap:,} tokens a generation'}"


def _configured(given: Deployment) -> str:
    cap = "no ceiling on a generation" if given.no_max_tokens else \
        f"{given.max_tokens:,} tokens a generation" if given.max_tokens is not None else "ceiling not declared"
    said = "system message not declared" if given.system_message_sha256 is None else \
        _message_words(given.system_message_sha256)
    return f"{said}, {cap}"


def restricted_access_problems(case_id: str, kind: BoundaryKind, allowed: Sequence[str], declared: Deployment) -> list[str]:
    """Whether a deployment's access fits the boundary kind `kind` the registry restricted the case
    to (`allowed`: the access levels the policy's `boundary_kinds`, else the built-in table, gives
    that kind). A restriction narrows who can reach the model, not only the kind the deployer
    names: access must be declared, and no wider than the widest level the kind allows."""
    widest = min((ACCESS_LEVELS.index(a) for a in allowed if a in ACCESS_LEVELS), default=None)
    if widest is None or widest == 0:
        return []
    most = ACCESS_LEVELS[widest]
    where = f"the registry restricted case {case_id} to {kind.value}, which allows access no wider than {most}"
    if declared.access is None:
        return [f"{where}, and the deployment does not declare who can reach the model: declare it (--access), "
                f"no wider than {most}"]
    if ACCESS_LEVELS.index(declared.access) < widest:
        return [f"{where}; the deployment gives {declared.access} access"]
    return []
