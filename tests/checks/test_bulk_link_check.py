"""CG903 decides over whole columns of links whether any element link is unknown, and searches
element by element only then: each kind of bad link must still be reported, exactly as the
element-by-element search reports it."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest

from casegate.checks.families import structure

from ._cases import base_doc, context, hits


def _mutations() -> list[tuple[str, Any]]:
    def set_(eid: str, field: str, value: Any) -> Any:
        def f(doc: dict[str, Any]) -> None:
            doc["argument"]["elements"][eid][field] = value
        return f

    def add(eid: str, body: dict[str, Any]) -> Any:
        def f(doc: dict[str, Any]) -> None:
            doc["argument"]["elements"][eid] = body
        return f

    return [
        ("supported_by unknown", set_("S1", "supported_by", ["G2", "G-missing"])),
        ("supported_by a context", set_("S1", "supported_by", ["G2", "C1"])),
        ("in_context_of unknown", set_("G1", "in_context_of", ["C-missing"])),
        ("evidence unknown", set_("G3", "evidence", ["E-redteam", "E-missing"])),
        ("defeaters unknown", set_("G2", "defeaters", ["D-missing"])),
        ("defeaters not a defeater", set_("G2", "defeaters", ["C1"])),
        ("against unknown", add("D1", {"defeater": "x", "kind": "objection", "against": ["G-x"], "status": "open"})),
        ("answered_by unknown", add("D1", {"defeater": "x", "kind": "objection", "against": ["G2"],
                                           "status": "answered", "answered_by": ["nothing"]})),
        ("domain unknown", set_("G3", "domain", "bio-missing")),
        ("threshold unknown", set_("G2", "capability", {"threshold": "t-missing", "position": "below"})),
        ("pathway unknown", set_("G3", "pathway", "p-missing")),
    ]


def _exhaustive(ctx: Any) -> list[Any]:
    with mock.patch.object(structure, "_element_links_known", lambda *a: False):
        return hits("CG903", ctx)


@pytest.mark.parametrize("name,mutate", _mutations(), ids=[m[0] for m in _mutations()])
def test_each_bad_link_is_reported_as_the_element_search_reports_it(name: str, mutate: Any) -> None:
    doc = base_doc()
    mutate(doc)
    ctx = context(doc)
    got = hits("CG903", ctx)
    assert got, name
    assert got == _exhaustive(context(doc))


def test_a_case_with_every_link_known_skips_the_search() -> None:
    ctx = context(base_doc())
    assert structure._element_links_known(ctx, ctx.case.pathways())
    assert hits("CG903", ctx) == [] == _exhaustive(context(base_doc()))
