"""Reading and verifying the envelopes a case references (sign-offs, objections, answers, authors
lists and waivers) as of a moment: what the gate counts as signed, and what a decision bundle
rests on. Kept apart from the bundle so that a gate with a keyring loads only what it reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .._record import Record
from ..errors import InputError
from ..load import Loaded
from ..sign import (
    SIGNOFF,
    WAIVER,
    Dissent,
    Keyring,
    Signed,
    case_digest,
    check_envelope,
    check_waivers,
    gather,
    read_envelope_file,
)


class Collected(Record):
    """The case's verified sign-offs, objections and waivers, and what is wrong with the rest."""

    _fields = ("signoffs", "objections", "waivers", "problems", "unsigned", "dissent")
    signoffs: list[Signed]
    objections: list[tuple[str, Signed]]
    waivers: list[Signed]
    problems: list[str]
    unsigned: list[str]
    dissent: Dissent
    """Signed objections, answers and authors lists (what counts; the YAML is a view of them)."""

    def __init__(self, signoffs: list[Signed] | None = None, objections: list[tuple[str, Signed]] | None = None,
                 waivers: list[Signed] | None = None, problems: list[str] | None = None,
                 unsigned: list[str] | None = None, dissent: Dissent | None = None) -> None:
        self.signoffs = [] if signoffs is None else signoffs
        self.objections = [] if objections is None else objections
        self.waivers = [] if waivers is None else waivers
        self.problems = [] if problems is None else problems
        self.unsigned = [] if unsigned is None else unsigned
        self.dissent = Dissent() if dissent is None else dissent


def _part(p: dict[str, Any], key: str, sub: str) -> Any:
    """`p[key][sub]`, or None where the signed statement holds no mapping at `key` (a signer's
    statement is read whatever shape it has: a field of the wrong type binds to nothing)."""
    v = p.get(key)
    return v.get(sub) if isinstance(v, dict) else None


def binding_reasons(s: Signed, pred: dict[str, Any], label: str) -> list[str]:
    """Whether a sign-off/objection/waiver binds to the same case, model, policy and boundary."""
    out = []
    p = s.predicate
    if _part(p, "case", "digest") != pred["case"]["digest"]:
        out.append(f"{label}: was signed for another version of the case (case digest "
                   f"{str(_part(p, 'case', 'digest'))[:19]}..., decision is for {pred['case']['digest'][:19]}...)")
    digests = _part(p, "system", "digests")
    digests = digests if isinstance(digests, list) and all(isinstance(d, str) for d in digests) else None
    if digests is None or sorted(digests) != sorted(pred["system"]["digests"]):
        out.append(f"{label}: was signed for model digests {', '.join(digests or [])}, "
                   f"not {', '.join(pred['system']['digests'])}")
    if _part(p, "policy", "sha256") != pred["policy"]["sha256"]:
        out.append(f"{label}: was signed under another policy file (sha256 differs)")
    if p.get("boundary") != pred["boundary"]:
        out.append(f"{label}: was signed for boundary {p.get('boundary')}, the decision is for {pred['boundary']}")
    return out


def collect(loaded: Loaded, keyring: Keyring, at: dt.datetime, dissent: Dissent | None = None) -> Collected:
    """Read and verify every envelope the case references, as of `at`; its objections, answers
    and authors lists are `dissent` when given (what `gather` verified of the case as of `at`
    against `keyring`)."""
    assert loaded.case is not None
    c = loaded.case
    out = Collected()
    # the case digest hashes every artifact: worked out once, and only for a signed sign-off or
    # waiver to compare with
    here: dict[str, Any] = {}

    def bound_to() -> dict[str, Any]:
        if not here:
            here.update({"case": {"digest": case_digest(loaded)}, "system": {"digests": list(c.system.digests)},
                         "policy": {"sha256": loaded.policy_file.sha256 if loaded.policy_file else None},
                         "boundary": c.boundary.kind.value if c.boundary else None})
        return here

    for i, s in enumerate(c.decision.signoffs):
        if s.envelope is None:
            out.unsigned.append(f"{s.role} ({s.person})")
            continue
        label = f"sign-off {s.envelope}"
        try:
            data = read_envelope_file(loaded.base_dir(("decision", "signoffs", i)) / s.envelope, s.envelope)
        except InputError as e:
            out.problems.append(f"{label}: {e.message}")
            continue
        signed, reasons = check_envelope(data, keyring, at, label, expect=SIGNOFF)
        if signed is not None:
            reasons += binding_reasons(signed, bound_to(), label)
            if signed.role != s.role or signed.person != s.person:
                reasons.append(f"{label}: is signed by {signed.person} as {signed.role}, but the case "
                               f"lists it for {s.person} as {s.role}")
        out.problems += reasons
        if signed is not None and not reasons:
            out.signoffs.append(signed)
    out.dissent = dissent if dissent is not None else gather(loaded, keyring, at)
    out.problems += out.dissent.problems
    out.objections = [(str(o.predicate.get("objection")), o) for o in out.dissent.objections]
    base = loaded.base_dir(("decision", "waivers"))
    for ref in c.decision.waivers:
        try:
            data = read_envelope_file(base / ref, ref)
        except InputError:
            continue  # reported by check_waivers
        signed, reasons = check_envelope(data, keyring, at, f"waiver {ref}", expect=WAIVER)
        if signed is not None and not reasons:
            out.waivers.append(signed)
    _, wproblems = check_waivers(loaded, keyring, at.date(),
                                 digest=bound_to()["case"]["digest"] if c.decision.waivers else None)
    out.problems += wproblems
    return out
