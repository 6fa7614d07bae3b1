"""A semantic diff of two versions of a case (and their policies): what changed in the argument,
the boundary, the thresholds and how they are measured, the evidence and its elicitation, the
safeguards, the residual risk, the sign-offs and objections, and the decision's conditions.

Every change names the element it concerns, what kind of change it is (added, removed, reworded,
weakened, strengthened, changed, re-run, swapped, widened, narrowed) and the element's
confidentiality, so the same diff can be shown whole to reviewers and redacted to the public.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel

from ..checks.measurement import measurement_changes
from ..model import (
    Boundary,
    Case,
    Confidentiality,
    Element,
    Elicitation,
    Evidence,
    Policy,
    ResidualRisk,
    Safeguard,
)
from ._bounds import upper_bound

SECTIONS: tuple[tuple[str, str], ...] = (
    ("system", "System"),
    ("boundary", "Boundary and scope"),
    ("thresholds", "Thresholds, alert levels and how they are measured"),
    ("claims", "Claims and argument"),
    ("defeaters", "Defeaters"),
    ("evidence", "Evaluations and other evidence"),
    ("elicitation", "Elicitation"),
    ("safeguards", "Safeguards"),
    ("residual-risk", "Residual risk"),
    ("sign-offs", "Sign-offs"),
    ("objections", "Objections"),
    ("conditions", "Conditions of the earlier decision"),
)
"""Diff sections in report order: (key, heading)."""

_LEVELS = tuple(Confidentiality)


@dataclass(frozen=True)
class Change:
    """One change between the two versions."""

    section: str
    """A key of SECTIONS."""
    subject: str
    """The element concerned (an id, a threshold, a role), as the case names it."""
    kind: str
    """added, removed, reworded, weakened, strengthened, changed, re-run, swapped, widened, narrowed,
    met or missed."""
    detail: str
    """What changed, in words (may quote confidential content: see `level`)."""
    path: tuple[str | int, ...] = ()
    """Where the element is (in the newer version, or the older one when removed)."""
    level: Confidentiality = Confidentiality.public
    """The higher confidentiality of the element in the two versions."""

    def to_json(self) -> dict[str, object]:
        return {"section": self.section, "subject": self.subject, "kind": self.kind, "detail": self.detail,
                "path": list(self.path), "level": self.level.value}


@dataclass(frozen=True)
class ConditionOutcome:
    """A condition of the earlier version's decision and whether it was met."""

    id: str
    text: str
    status: str
    """'met', 'missed' (overdue and not met) or 'open'."""
    path: tuple[str | int, ...] = ()
    """The case element the condition concerns (as the decision recorded it)."""


@dataclass
class CaseDiff:
    """Every change from `old` to `new`, in SECTIONS order."""

    case_id: str
    old: str
    """How the older version is named, e.g. 'atlas-2-api@1 (version 1.0)'."""
    new: str
    changes: list[Change] = field(default_factory=list)

    def section(self, key: str) -> list[Change]:
        return [c for c in self.changes if c.section == key]

    def to_json(self) -> dict[str, object]:
        return {"case": self.case_id, "old": self.old, "new": self.new,
                "changes": [c.to_json() for c in self.changes]}


def _lv(*models: object) -> Confidentiality:
    levels = [getattr(m, "confidentiality", Confidentiality.public) for m in models if m is not None]
    return max(levels, key=_LEVELS.index) if levels else Confidentiality.public


def _words(s: str | None) -> str:
    return " ".join((s or "").split())


def _listed(xs: Iterable[object]) -> str:
    return ", ".join(str(x) for x in xs) or "none"


def _set_change(before: Iterable[str], after: Iterable[str]) -> tuple[list[str], list[str]]:
    b, a = set(before), set(after)
    return sorted(a - b), sorted(b - a)


# --------------------------------------------------------------------------- sections


def _system(old: Case, new: Case) -> Iterator[Change]:
    o, n = old.system, new.system
    if (o.name, o.version) != (n.name, n.version):
        yield Change("system", "system", "changed", f"{o.name} {o.version} -> {n.name} {n.version}", ("system",))
    added, removed = _set_change(o.digests, n.digests)
    if added or removed:
        yield Change("system", "digests", "changed",
                     f"model digests: added {_listed(added)}; removed {_listed(removed)}", ("system", "digests"))
    ol = {(x.relation, x.name, x.case) for x in o.lineage}
    nl = {(x.relation, x.name, x.case) for x in n.lineage}
    for rel, name, cid in sorted(nl - ol, key=str):
        yield Change("system", name, "added", f"lineage: {rel} {name}" + (f" (case {cid})" if cid else ""),
                     ("system", "lineage"))
    for rel, name, cid in sorted(ol - nl, key=str):
        yield Change("system", name, "removed", f"lineage: {rel} {name}" + (f" (case {cid})" if cid else ""),
                     ("system", "lineage"))


def _boundary(o: Boundary | None, n: Boundary | None) -> Iterator[Change]:
    if o is None or n is None:
        if o is not n:
            yield Change("boundary", "boundary", "added" if o is None else "removed",
                         f"boundary {(n or o).kind.value}", ("boundary",))  # type: ignore[union-attr]
        return
    if o.kind != n.kind:
        kind = "widened" if n.kind.rank > o.kind.rank else "narrowed"
        yield Change("boundary", "kind", kind, f"{o.kind.value} -> {n.kind.value}", ("boundary", "kind"))
    for attr, what in (("tools", "tools"), ("sensitive_domains", "sensitive domains")):
        added, removed = _set_change(getattr(o, attr), getattr(n, attr))
        if added:
            yield Change("boundary", attr, "widened", f"{what} added: {_listed(added)}", ("boundary", attr))
        if removed:
            yield Change("boundary", attr, "narrowed", f"{what} removed: {_listed(removed)}", ("boundary", attr))
    os_, ns = o.scope, n.scope
    od = os_.model_dump(exclude_none=True) if os_ is not None else {}
    nd = ns.model_dump(exclude_none=True) if ns is not None else {}
    for k in sorted(od.keys() | nd.keys()):
        if od.get(k) != nd.get(k):
            kind = "changed"
            if k == "max_users" and isinstance(od.get(k), int) and isinstance(nd.get(k), int):
                kind = "widened" if nd[k] > od[k] else "narrowed"
            elif k == "regions":
                kind = "widened" if set(nd.get(k, [])) > set(od.get(k, [])) else "changed"
            yield Change("boundary", f"scope.{k}", kind, f"scope {k}: {od.get(k, 'unset')} -> {nd.get(k, 'unset')}",
                         ("boundary", "scope", k))
    oc = o.configuration.model_dump() if o.configuration is not None else {}
    nc = n.configuration.model_dump() if n.configuration is not None else {}
    for k in sorted(oc.keys() | nc.keys()):
        if oc.get(k) != nc.get(k):
            yield Change("boundary", f"configuration.{k}", "changed",
                         f"configuration {k}: {oc.get(k, 'unset')} -> {nc.get(k, 'unset')}",
                         ("boundary", "configuration", k))
    oi = o.internal.model_dump(exclude_none=True) if o.internal is not None else {}
    ni = n.internal.model_dump(exclude_none=True) if n.internal is not None else {}
    order = {"none": 0, "read": 1, "write": 2, "human-in-the-loop": 0, "human-on-the-loop": 1, "autonomous": 2}
    for k in sorted(oi.keys() | ni.keys()):
        a, b = oi.get(k), ni.get(k)
        if a == b:
            continue
        kind = "changed"
        if isinstance(a, int) and isinstance(b, int):
            kind = "widened" if b > a else "narrowed"
        elif isinstance(a, str) and isinstance(b, str) and a in order and b in order:
            kind = "widened" if order[b] > order[a] else "narrowed"
        yield Change("boundary", f"internal.{k}", kind, f"internal {k}: {a if a is not None else 'unset'} -> "
                     f"{b if b is not None else 'unset'}", ("boundary", "internal", k))


def _thresholds(old: Case, new: Case, op: Policy | None, np: Policy | None) -> Iterator[Change]:
    if op is not None and np is not None:
        for tid in sorted(op.thresholds.keys() - np.thresholds.keys()):
            yield Change("thresholds", tid, "removed", f"threshold {tid} ({op.thresholds[tid].name}) removed",
                         ("@policy", "thresholds", tid))
        for tid in sorted(np.thresholds.keys() - op.thresholds.keys()):
            yield Change("thresholds", tid, "added", f"threshold {tid} ({np.thresholds[tid].name}) added",
                         ("@policy", "thresholds", tid))
        for tid, nt in np.thresholds.items():
            ot = op.thresholds.get(tid)
            if ot is None:
                continue
            for attr, what in (("value", "threshold"), ("alert", "alert level")):
                a, b = getattr(ot, attr), getattr(nt, attr)
                if a != b:
                    kind = "weakened" if (a is not None and b is not None and b > a) else \
                        "strengthened" if (a is not None and b is not None and b < a) else "changed"
                    yield Change("thresholds", tid, kind, f"{what} {a} -> {b}", ("@policy", "thresholds", tid, attr))
            if _words(ot.definition) != _words(nt.definition):
                yield Change("thresholds", tid, "reworded", "definition reworded", ("@policy", "thresholds", tid, "definition"))
            om, nm = ot.elicitation.model_dump(), nt.elicitation.model_dump()
            for k in sorted(om):
                if om[k] != nm.get(k):
                    yield Change("thresholds", tid, "changed", f"elicitation minimum {k}: {om[k]} -> {nm.get(k)}",
                                 ("@policy", "thresholds", tid, "elicitation", k))
    pol = np or op
    if pol is None:
        return
    for ch in measurement_changes(old, op, new, pol):
        lvl = Confidentiality.public
        if ch.path and ch.path[0] == "evidence":
            lvl = _lv(old.evidence.get(str(ch.path[1])), new.evidence.get(str(ch.path[1])))
        yield Change("thresholds", ch.threshold, "changed", ch.describe(), ch.path, lvl)


_POSITIONS = {"below": 0, "below-alert": 1, "above": 2}


def _claims(old: Case, new: Case) -> Iterator[Change]:
    oe, ne = old.argument.elements, new.argument.elements
    if old.argument.top != new.argument.top:
        yield Change("claims", new.argument.top, "changed", f"top claim {old.argument.top} -> {new.argument.top}",
                     ("argument", "top"))
    for eid, n in ne.items():
        o = oe.get(eid)
        path: tuple[str | int, ...] = ("argument", "elements", eid)
        section = "defeaters" if n.type == "defeater" else "claims"
        if o is None:
            yield Change(section, eid, "added", f"{n.type} added: {_words(n.text)}", path, n.confidentiality)
            continue
        yield from _element(eid, o, n, section, path)
    for eid, o in oe.items():
        if eid not in ne:
            section = "defeaters" if o.type == "defeater" else "claims"
            yield Change(section, eid, "removed", f"{o.type} removed: {_words(o.text)}", ("argument", "elements", eid),
                         o.confidentiality)


def _element(eid: str, o: Element, n: Element, section: str, path: tuple[str | int, ...]) -> Iterator[Change]:
    if o == n:
        return
    lvl = _lv(o, n)
    if o.type != n.type:
        yield Change(section, eid, "changed", f"{o.type} became a {n.type}", path, lvl)
    elif _words(o.text) != _words(n.text):
        yield Change(section, eid, "reworded", f"{_words(o.text)!r} -> {_words(n.text)!r}", path, lvl)
    lost_ev, gained_ev = sorted(set(o.evidence) - set(n.evidence)), sorted(set(n.evidence) - set(o.evidence))
    lost_sup = sorted(set(o.supported_by) - set(n.supported_by))
    gained_sup = sorted(set(n.supported_by) - set(o.supported_by))
    if lost_ev or lost_sup:
        yield Change(section, eid, "weakened",
                     "no longer rests on " + _listed(lost_ev + lost_sup), path, lvl)
    if gained_ev or gained_sup:
        yield Change(section, eid, "strengthened", "now also rests on " + _listed(gained_ev + gained_sup), path, lvl)
    if n.undeveloped and not o.undeveloped:
        yield Change(section, eid, "weakened", "marked undeveloped", path, lvl)
    elif o.undeveloped and not n.undeveloped:
        yield Change(section, eid, "strengthened", "developed (was undeveloped)", path, lvl)
    oc, nc = o.capability, n.capability
    if oc != nc:
        if oc is not None and nc is not None and oc.threshold == nc.threshold:
            kind = "weakened" if _POSITIONS[nc.position] > _POSITIONS[oc.position] else "strengthened"
            yield Change(section, eid, kind, f"capability on {nc.threshold}: {oc.position} -> {nc.position}", path, lvl)
        else:
            yield Change(section, eid, "changed",
                         f"capability assertion {oc.threshold + ' ' + oc.position if oc else 'none'} -> "
                         f"{nc.threshold + ' ' + nc.position if nc else 'none'}", path, lvl)
    if o.status != n.status:
        yield Change(section, eid, "changed", f"status {o.status or 'none'} -> {n.status or 'none'}", path, lvl)
    added_d, removed_d = _set_change(o.defeaters, n.defeaters)
    if added_d or removed_d:
        yield Change(section, eid, "changed", f"defeaters: added {_listed(added_d)}; removed {_listed(removed_d)}",
                     path, lvl)
    answers = sorted(set(n.answered_by) - set(o.answered_by))
    if answers:
        yield Change(section, eid, "strengthened", f"now answered by {_listed(answers)}", path, lvl)
    links = getattr(n, "answers", None)
    if links is not None and links != getattr(o, "answers", None):
        yield Change(section, eid, "changed", f"answers {_listed(getattr(o, 'answers', None) or [])} -> "
                                              f"{_listed(links)}", path, lvl)


def _bound(ev: Evidence, pol: Policy | None) -> str | None:
    from ..checks._derived import proportion

    counts = proportion(ev)
    if counts is None:
        return None
    s, t = counts
    conf = pol.confidence if pol is not None else 0.95
    method = pol.interval if pol is not None else "clopper-pearson"
    return f"{s}/{t}, upper bound {upper_bound(s, t, conf, method):.3f}"


def _evidence(old: Case, new: Case, op: Policy | None, np: Policy | None) -> Iterator[Change]:
    oe, ne = old.evidence, new.evidence
    for eid, n in ne.items():
        o = oe.get(eid)
        path: tuple[str | int, ...] = ("evidence", eid)
        if o is None:
            b = _bound(n, np)
            yield Change("evidence", eid, "added", f"{n.kind} added" + (f" ({b})" if b else "")
                         + (f" for {n.threshold}" if n.threshold else ""), path, n.confidentiality)
            continue
        if o == n:
            continue
        lvl = _lv(o, n)
        arts = (o.sha256, o.artifact) != (n.sha256, n.artifact)
        if arts or o.date != n.date:
            ob, nb = _bound(o, op), _bound(n, np)
            kind = "swapped" if o.artifact != n.artifact or o.eval_set != n.eval_set else "re-run"
            moved = f"; {ob} -> {nb}" if ob and nb and ob != nb else ""
            yield Change("evidence", eid, kind, f"{kind} (dated {o.date} -> {n.date}){moved}", path, lvl)
        elif o.result != n.result:
            ob, nb = _bound(o, op), _bound(n, np)
            yield Change("evidence", eid, "changed", "result changed without a new artifact"
                         + (f": {ob} -> {nb}" if ob and nb else ""), path + ("result",), lvl)
        added, removed = _set_change(o.eval_set, n.eval_set)
        if removed:
            yield Change("evidence", eid, "weakened", f"task sets dropped: {_listed(removed)}",
                         path + ("eval_set",), lvl)
        if added:
            yield Change("evidence", eid, "strengthened", f"task sets added: {_listed(added)}",
                         path + ("eval_set",), lvl)
        if o.producer != n.producer or o.independent != n.independent:
            yield Change("evidence", eid, "changed",
                         f"producer {o.producer}{' (independent)' if o.independent else ''} -> "
                         f"{n.producer}{' (independent)' if n.independent else ''}", path, lvl)
        if o.threshold != n.threshold:
            yield Change("evidence", eid, "changed", f"measures {o.threshold} -> {n.threshold}",
                         path + ("threshold",), lvl)
        yield from _elicitation(eid, o.elicitation, n.elicitation, path + ("elicitation",), lvl)
    for eid, o in oe.items():
        if eid not in ne:
            yield Change("evidence", eid, "removed", f"{o.kind} removed" + (f" (measured {o.threshold})" if o.threshold else ""),
                         ("evidence", eid), o.confidentiality)


def _elicitation(eid: str, o: Elicitation | None, n: Elicitation | None, path: tuple[str | int, ...],
                 lvl: Confidentiality) -> Iterator[Change]:
    if o == n:
        return
    if o is None or n is None:
        yield Change("elicitation", eid, "added" if o is None else "removed", "elicitation record "
                     + ("added" if o is None else "removed"), path, lvl)
        return
    if o.attempts != n.attempts:
        yield Change("elicitation", eid, "weakened" if n.attempts < o.attempts else "strengthened",
                     f"attempts {o.attempts} -> {n.attempts}", path + ("attempts",), lvl)
    for attr in ("variant", "scaffold"):
        a, b = getattr(o, attr), getattr(n, attr)
        if a != b:
            yield Change("elicitation", eid, "weakened" if b.rank < a.rank else "strengthened",
                         f"{attr} {a.value} -> {b.value}", path + (attr,), lvl)
    added, removed = _set_change(o.tools, n.tools)
    if removed:
        yield Change("elicitation", eid, "weakened", f"tools removed: {_listed(removed)}", path + ("tools",), lvl)
    if added:
        yield Change("elicitation", eid, "strengthened", f"tools added: {_listed(added)}", path + ("tools",), lvl)
    if o.budget_tokens != n.budget_tokens:
        kind = "weakened" if (n.budget_tokens or 0) < (o.budget_tokens or 0) else "strengthened"
        yield Change("elicitation", eid, kind, f"token budget {o.budget_tokens or 'none'} -> {n.budget_tokens or 'none'}",
                     path + ("budget_tokens",), lvl)
    if o.prompting != n.prompting:
        yield Change("elicitation", eid, "changed", f"prompting {o.prompting or 'none'} -> {n.prompting or 'none'}",
                     path + ("prompting",), lvl)


def _safeguards(old: dict[str, Safeguard], new: dict[str, Safeguard]) -> Iterator[Change]:
    for sid, n in new.items():
        o = old.get(sid)
        path: tuple[str | int, ...] = ("safeguards", sid)
        if o is None:
            yield Change("safeguards", sid, "added", f"{n.layer} safeguard added, blocking {_listed(n.blocks)}",
                         path, n.confidentiality)
            continue
        if o == n:
            continue
        lvl = _lv(o, n)
        lost, gained = sorted(set(o.blocks) - set(n.blocks)), sorted(set(n.blocks) - set(o.blocks))
        if lost:
            yield Change("safeguards", sid, "weakened", f"no longer blocks {_listed(lost)}", path + ("blocks",), lvl)
        if gained:
            yield Change("safeguards", sid, "strengthened", f"now also blocks {_listed(gained)}", path + ("blocks",), lvl)
        lost_ev = sorted(set(o.evidence) - set(n.evidence))
        if lost_ev:
            yield Change("safeguards", sid, "weakened", f"no longer evidenced by {_listed(lost_ev)}",
                         path + ("evidence",), lvl)
        new_ev = sorted(set(n.evidence) - set(o.evidence))
        if new_ev:
            yield Change("safeguards", sid, "strengthened", f"now also evidenced by {_listed(new_ev)}",
                         path + ("evidence",), lvl)
        if o.layer != n.layer:
            yield Change("safeguards", sid, "changed", f"layer {o.layer} -> {n.layer}", path + ("layer",), lvl)
        if o.verified_by != n.verified_by:
            kind = "weakened" if n.verified_by is None else "changed"
            yield Change("safeguards", sid, kind, f"verified by {o.verified_by or 'nobody'} -> {n.verified_by or 'nobody'}",
                         path + ("verified_by",), lvl)
    for sid, o in old.items():
        if sid not in new:
            yield Change("safeguards", sid, "removed", f"{o.layer} safeguard removed (blocked {_listed(o.blocks)})",
                         ("safeguards", sid), o.confidentiality)


_RISK_FIELDS = ("estimate", "owner", "detection", "stop_authority", "accepted_by", "exposed")


def _residual(old: dict[str, ResidualRisk], new: dict[str, ResidualRisk]) -> Iterator[Change]:
    for pid, n in new.items():
        o = old.get(pid)
        path: tuple[str | int, ...] = ("residual_risk", pid)
        if o is None:
            yield Change("residual-risk", pid, "added", f"residual risk recorded: estimate {n.estimate or 'none'}",
                         path, n.confidentiality)
            continue
        for attr in _RISK_FIELDS:
            a, b = getattr(o, attr), getattr(n, attr)
            if a != b:
                kind = "weakened" if (b is None or b == []) and a else "changed"
                yield Change("residual-risk", pid, kind, f"{attr.replace('_', ' ')} {a or 'none'} -> {b or 'none'}",
                             path + (attr,), _lv(o, n))
    for pid, o in old.items():
        if pid not in new:
            yield Change("residual-risk", pid, "removed", "residual-risk record removed", ("residual_risk", pid),
                         o.confidentiality)


def _decision(old: Case, new: Case) -> Iterator[Change]:
    os_ = {(s.role, s.person) for s in old.decision.signoffs}
    ns = {(s.role, s.person) for s in new.decision.signoffs}
    for role, person in sorted(ns - os_):
        yield Change("sign-offs", role, "added", f"{role}: {person} signs", ("decision", "signoffs"))
    for role, person in sorted(os_ - ns):
        yield Change("sign-offs", role, "removed", f"{role}: {person} no longer signs", ("decision", "signoffs"))
    oo, no = old.decision.objections, new.decision.objections
    for oid, n in no.items():
        o = oo.get(oid)
        path: tuple[str | int, ...] = ("decision", "objections", oid)
        if o is None:
            yield Change("objections", oid, "added", f"{n.role} objects ({n.status}): {_words(n.reason)}", path,
                         n.confidentiality)
        elif o.status != n.status or o.answer != n.answer:
            yield Change("objections", oid, "changed", f"{o.status} -> {n.status}"
                         + (f"; answered: {_words(n.answer)}" if n.answer and n.answer != o.answer else ""),
                         path, _lv(o, n))
    for oid, o in oo.items():
        if oid not in no:
            yield Change("objections", oid, "removed", f"{o.role}'s objection ({o.status}) removed",
                         ("decision", "objections", oid), o.confidentiality)


_ORDER = tuple(Confidentiality)
_TOKEN = re.compile(r"[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*")


def _higher(a: Confidentiality, b: Confidentiality) -> Confidentiality:
    return a if _ORDER.index(a) >= _ORDER.index(b) else b


def _levels_by_id(case: Case) -> dict[str, Confidentiality]:
    """Every element of the case that carries a confidentiality level, by its id, at the level it
    is shown at (its own, or a more confidential enclosing element's)."""
    out: dict[str, Confidentiality] = {}
    stack: list[tuple[object, str | None, Confidentiality]] = [(case, None, Confidentiality.public)]
    while stack:
        obj, key, inherited = stack.pop()
        if isinstance(obj, BaseModel):
            level = getattr(obj, "confidentiality", None)
            if isinstance(level, Confidentiality):
                inherited = _higher(inherited, level)
                if key is not None:
                    out[key] = _higher(out.get(key, Confidentiality.public), inherited)
            stack.extend((getattr(obj, name), None, inherited) for name in type(obj).model_fields)
        elif isinstance(obj, dict):
            stack.extend((v, str(k), inherited) for k, v in obj.items())
        elif isinstance(obj, list | tuple):
            stack.extend((v, None, inherited) for v in obj)
    return out


def _path_level(case: Case, path: Sequence[str | int]) -> Confidentiality:
    """The level of the most confidential element on `path` in `case` (public when none)."""
    level = Confidentiality.public
    obj: object = case
    for part in path:
        if isinstance(obj, BaseModel):
            obj = getattr(obj, str(part), None)
        elif isinstance(obj, dict):
            obj = obj.get(part, obj.get(str(part)))
        elif isinstance(obj, list | tuple) and str(part).isdigit() and int(part) < len(obj):
            obj = obj[int(part)]
        else:
            break
        found = getattr(obj, "confidentiality", None) if isinstance(obj, BaseModel) else None
        if isinstance(found, Confidentiality):
            level = _higher(level, found)
    return level


def _cited_level(cases: Iterable[Case], path: Sequence[str | int], text: str) -> Confidentiality:
    """How confidential text the gate wrote is: the highest level among the element it concerns
    (`path`) and every element it names (evidence ids and others), in any of `cases`."""
    level = Confidentiality.public
    names: set[str] = set()
    for token in _TOKEN.findall(text):
        parts = token.split(".")
        names.update(".".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1))
    for case in cases:
        level = _higher(level, _path_level(case, path))
        ids = _levels_by_id(case)
        for name in names & ids.keys():
            level = _higher(level, ids[name])
    return level


def diff_cases(old: Case, new: Case, *, old_policy: Policy | None = None, new_policy: Policy | None = None,
               old_label: str | None = None, new_label: str | None = None,
               conditions: Sequence[ConditionOutcome] = ()) -> CaseDiff:
    """Every change from `old` to `new`. `conditions` are the earlier version's decision conditions
    with whether each was met (the registry knows; two files alone do not)."""
    out = CaseDiff(case_id=new.id, old=old_label or f"{old.id} version {old.version}",
                   new=new_label or f"{new.id} version {new.version}")
    changes: list[Change] = []
    changes += _system(old, new)
    changes += _boundary(old.boundary, new.boundary)
    changes += _thresholds(old, new, old_policy, new_policy)
    changes += _claims(old, new)
    changes += _evidence(old, new, old_policy, new_policy)
    changes += _safeguards(old.safeguards, new.safeguards)
    changes += _residual(old.residual_risk, new.residual_risk)
    changes += _decision(old, new)
    for c in conditions:
        # gate-written text quoting what it cites: as confidential as the most confidential of it
        changes.append(Change("conditions", c.id, c.status, _words(c.text), ("decision", "conditions", c.id),
                              _cited_level((old, new), c.path, c.text)))
    order = {k: i for i, (k, _) in enumerate(SECTIONS)}
    out.changes = sorted(changes, key=lambda c: order[c.section])  # stable: keeps the case's order inside
    return out


