"""gsn2x's validation rules, ported for the tests from gsn2x's documentation (its "Checks" page:
V01-V13 per file, C01-C16 over the whole set) and its dialectic examples, so that an export
gsn2x would refuse fails here without the gsn2x binary. Written for casegate's tests; only the
rules that can apply to a file casegate writes are ported (no assurance claim points, module
extensions or relation challenges: casegate never writes those).

Typing of references (V04) follows gsn2x: Goals and Strategies are supported by Goals,
Strategies and Solutions; CounterGoals by CounterGoals and CounterSolutions (gsn2x's dialectic
examples); Goals, Strategies and CounterGoals take Contexts, Assumptions and Justifications in
context; nothing else may be supported or put in context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from casegate.load import parse_yaml

_PREFIXES = (("CSn", "CounterSolution"), ("CG", "CounterGoal"), ("Sn", "Solution"), ("G", "Goal"),
             ("S", "Strategy"), ("C", "Context"), ("A", "Assumption"), ("J", "Justification"))
_TYPES = {t for _, t in _PREFIXES}
_COUNTER = {"CounterGoal", "CounterSolution"}
_CONTEXT = {"Context", "Assumption", "Justification"}
_SUPPORTS = {"Goal": {"Goal", "Strategy", "Solution"}, "Strategy": {"Goal", "Strategy", "Solution"},
             "CounterGoal": {"CounterGoal", "CounterSolution"}}
_TAKES_CONTEXT = {"Goal", "Strategy", "CounterGoal"}


@dataclass(frozen=True)
class Diagnostic:
    level: str  # "error" or "warning"
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.level}: ({self.code}) {self.message}"


def _ids(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]


def _type(key: str, node: dict[str, Any]) -> str | None:
    nt = node.get("nodeType")
    if nt is not None:
        return str(nt) if nt in _TYPES else None
    return next((t for p, t in _PREFIXES if key.startswith(p)), None)


def validate(text: str) -> list[Diagnostic]:
    """Every diagnostic gsn2x's ported rules give for one gsn2x YAML document."""
    return validate_modules([text])


def validate_modules(texts: list[str]) -> list[Diagnostic]:
    """The rules over a set of modules (gsn2x's input files): the per-file rules on each
    element, the whole-set rules over all of them, plus unique module names (C06) and ids (C07)."""
    out: list[Diagnostic] = []
    nodes: dict[str, dict[str, Any]] = {}
    names: list[str] = []
    for i, text in enumerate(texts):
        data = parse_yaml(f"module{i}.gsn.yaml", text.encode()).data or {}
        names.append(str((data.get("module") or {}).get("name", f"#{i}")))
        for k, v in data.items():
            if k == "module":
                continue
            if str(k) in nodes:
                out.append(Diagnostic("error", "C07", f"Element {k} is defined in two modules"))
            nodes[str(k)] = v or {}
    if len(set(names)) != len(names):
        out.append(Diagnostic("error", "C06", f"Module names are not unique: {names}"))

    def err(code: str, msg: str) -> None:
        out.append(Diagnostic("error", code, msg))

    def warn(code: str, msg: str) -> None:
        out.append(Diagnostic("warning", code, msg))

    types = {k: _type(k, n) for k, n in nodes.items()}
    for k, n in nodes.items():
        t = types[k]
        if t is None:
            err("V01", f"Element {k} is of unknown type")
        sup, ctx = _ids(n.get("supportedBy")), _ids(n.get("inContextOf"))
        if sup and n.get("undeveloped") is True:
            err("V03", f"Undeveloped element {k} has supporting arguments")
        if not sup and t in ("Goal", "Strategy") and n.get("undeveloped") is not True:
            warn("V02", f"Element {k} is undeveloped")
        for field, refs, allowed in (("supportedBy", sup, _SUPPORTS.get(t or "", set())),
                                     ("inContextOf", ctx, _CONTEXT if t in _TAKES_CONTEXT else set())):
            seen: set[str] = set()
            for r in refs:
                if r == k:
                    err("V06", f"Element {k} references itself in {field}")
                if r in seen:
                    warn("V05", f"Element {k} has duplicate entry {r} in {field}")
                seen.add(r)
                if r not in nodes:
                    err("C03", f"Element {k} references {r} in {field}, which does not exist")
                elif types[r] not in allowed:
                    err("V04", f"Element {k} has invalid type of reference {r} ({types[r]}) in {field}")
        c = n.get("challenges")
        if c is not None:
            if not isinstance(c, str):
                err("C14", f"Element {k} challenges {c!r}, which is not one element")
            elif t not in _COUNTER:
                err("V12", f"Element {k} ({t}) is not a CounterGoal nor a CounterSolution but challenges {c}")
            if c == k:
                err("C13", f"Element {k} challenges itself")
            elif isinstance(c, str) and c not in nodes:
                err("C14", f"Element {k} challenges {c}, which does not exist")
    challenged = {str(n["challenges"]) for n in nodes.values() if isinstance(n.get("challenges"), str)}
    for k, n in nodes.items():
        if n.get("defeated") is True and k not in challenged:
            err("V10", f"Element {k} is marked as defeated, but no element challenges it")

    # whole-set checks
    referenced = {r for n in nodes.values() for r in (*_ids(n.get("supportedBy")), *_ids(n.get("inContextOf")))}
    tops = [k for k in nodes if k not in referenced and types[k] not in _COUNTER]
    if len(tops) != 1:
        err("C01", f"There should be exactly one top-level element, found {len(tops)}: {', '.join(tops)}")
    for k in tops:
        if types[k] != "Goal":
            err("C02", f"The top-level element {k} is not a Goal")
    # C04: no cycle through supportedBy
    state: dict[str, int] = {}

    def visit(k: str, path: list[str]) -> None:
        state[k] = 1
        for r in _ids(nodes[k].get("supportedBy")):
            if r not in nodes:
                continue
            if state.get(r) == 1:
                err("C04", f"Circular supportedBy: {' -> '.join([*path, k, r])}")
            elif r not in state:
                visit(r, [*path, k])
        state[k] = 2

    for k in nodes:
        if k not in state:
            visit(k, [])
    # C08: everything reachable from the top (counter elements through what they challenge)
    reach: set[str] = set()
    frontier = [k for k in tops]
    while True:
        while frontier:
            k = frontier.pop()
            if k in reach or k not in nodes:
                continue
            reach.add(k)
            frontier += _ids(nodes[k].get("supportedBy")) + _ids(nodes[k].get("inContextOf"))
        more = [k for k, n in nodes.items() if k not in reach and n.get("challenges") in reach]
        if not more:
            break
        frontier = more
    for k in nodes:
        if k not in reach:
            err("C08", f"Element {k} is not reachable from the top-level element")
    return out


def errors(text: str) -> list[str]:
    return [str(d) for d in validate(text) if d.level == "error"]
