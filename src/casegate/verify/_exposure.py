"""What a deployment gives across its boundary beyond the kind (the tools and agent affordances
given to the model, the sensitive domains it is integrated into, who can reach it), held to what
the decision signs of the boundary it was made for. The kind alone does not bound a deployment:
a decision made for an `api` boundary with no tools says nothing about one with code execution."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, get_args

from ..errors import InputError
from ..model import Access, Boundary, BoundaryKind

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

    def __post_init__(self) -> None:
        if self.access is not None and self.access not in ACCESS_LEVELS:
            raise InputError(f"access {self.access!r} is not an access level",
                             help="one of: " + ", ".join(ACCESS_LEVELS))
        for what, names in (("tool", self.tools), ("sensitive domain", self.sensitive_domains),
                            ("region", self.regions)):
            if any(not _key(n) for n in names):
                raise InputError(f"an empty {what} name was declared", help=f"name each {what} the deployment gives")

    @property
    def declared(self) -> bool:
        return bool(self.tools or self.sensitive_domains or self.access or self.regions)


def boundary_attributes(boundary: Boundary | None) -> dict[str, Any]:
    """What a decision signs of its boundary beyond the kind, for `verify` to hold a deploy to."""
    scope = boundary.scope if boundary is not None else None
    return {"tools": sorted(set(boundary.tools)) if boundary is not None else [],
            "sensitive_domains": sorted(set(boundary.sensitive_domains)) if boundary is not None else [],
            "access": scope.access if scope is not None else None,
            "regions": sorted(set(scope.regions)) if scope is not None else []}


def _key(name: str) -> str:
    """The comparison key of a tool or domain name: `Code_Execution` and `code-execution` are one."""
    return "-".join(name.replace("_", " ").replace("-", " ").casefold().split())


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
                                            "access": given.access, "regions": list(given.regions)},
                               "signed": signed if isinstance(signed, dict) else None}
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
    region_reasons, region_notes = _region_problems(signed, given, declared is not None)
    return reasons + region_reasons, notes + region_notes, checked


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
