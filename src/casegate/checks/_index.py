"""The argument as a graph, computed once per check context and shared by every rule.

Rules used to ask each element its type and walk its links again and again; on an argument of a
hundred thousand elements that was half of a `check`. The index is built in one pass over the
elements, on first use, and kept on the context (`Context.index`).
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Case, Element


class ArgumentIndex(NamedTuple):
    """Element types, links and reachability of one case's argument."""

    types: dict[str, str]
    """Element id -> claim, strategy, context, assumption, justification or defeater."""
    by_type: dict[str, list[tuple[str, Element]]]
    """Type -> its (id, element) pairs in the argument's order."""
    support: dict[str, list[str]]
    """Element id -> the `supported_by` targets that are elements (unknown ids left out)."""
    reachable: set[str]
    """Ids reachable from the top claim through support, context and defeater links, plus the
    defeaters aimed at a reachable element."""


def build_index(case: Case) -> ArgumentIndex:
    """The index of `case`'s argument, in time linear in its elements and links."""
    els = case.argument.elements
    types: dict[str, str] = {}
    by_type: dict[str, list[tuple[str, Element]]] = {}
    support: dict[str, list[str]] = {}
    for eid, e in els.items():
        # most elements are claims: that test first, without the property's call
        t = types[eid] = "claim" if e.claim is not None else e.type
        by_type.setdefault(t, []).append((eid, e))
        sb = e.supported_by
        support[eid] = [x for x in sb if x in els] if sb else []
    seen: set[str] = set()
    top = case.argument.top
    todo = [top] if top in els else []
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        el = els.get(n)
        if el is None:
            continue
        seen.add(n)
        # most lists are empty: testing them is cheaper than extending by nothing
        if el.supported_by:
            todo.extend(el.supported_by)
        if el.in_context_of:
            todo.extend(el.in_context_of)
        if el.defeaters:
            todo.extend(el.defeaters)
    for n, e in by_type.get("defeater", []):  # defeaters aimed at reachable elements count
        if any(t in seen for t in e.against):
            seen.add(n)
    return ArgumentIndex(types=types, by_type=by_type, support=support, reachable=seen)
