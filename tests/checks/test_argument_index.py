"""The argument index reads every element once and keeps what the rules scan for: each of its
parts must equal what reading the elements one by one (their attributes, their `type`) gives, on
arguments with unknown links, circles, defeaters aimed at defeaters and redacted elements."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from casegate.checks._index import SCANNED, build_index, index_of
from casegate.model import Case, Confidentiality

from ._cases import base_doc, case

TEXTS = ("claim", "strategy", "context", "assumption", "justification", "defeater")


def _random_doc(seed: int) -> dict[str, Any]:
    rnd = random.Random(seed)
    doc = base_doc()
    els = doc["argument"]["elements"]
    evidence = list(doc["evidence"])
    n = rnd.randint(5, 60)
    ids = [f"X{i}" for i in range(n)]
    known = list(els) + ids
    unknown = ["nowhere", "X-missing"]

    def some(pool: list[str], k: int = 3) -> list[str]:
        return [rnd.choice(pool) for _ in range(rnd.randint(0, k))]

    for eid in ids:
        text = rnd.choice(TEXTS)
        body: dict[str, Any] = {text: f"{text} {eid}"}
        for f, pool in (("supported_by", known + unknown), ("in_context_of", known + unknown),
                        ("evidence", evidence + unknown), ("defeaters", known + unknown)):
            if rnd.random() < 0.4:
                body[f] = some(pool)
        if text == "defeater" or rnd.random() < 0.1:  # defeater fields, now and then on others
            body["against"] = some(known + unknown)
            if rnd.random() < 0.5:
                body["answered_by"] = some(known + evidence + unknown)
            body["kind"] = rnd.choice(["objection", "sandbagging", "counter-evidence"])
            body["status"] = rnd.choice(["open", "answered", "accepted"])
        if rnd.random() < 0.3:
            body["domain"] = rnd.choice(["cyber", "cbrn", "unknown-domain"])
        if rnd.random() < 0.2:
            body["pathway"] = rnd.choice(["cyber-ransomware", "p-missing"])
        if text == "claim" and rnd.random() < 0.2:
            body["capability"] = {"threshold": rnd.choice(["cyber-high", "t-missing"]),
                                  "position": rnd.choice(["below", "below-alert", "above"])}
        if rnd.random() < 0.2:
            body["confidentiality"] = rnd.choice([c.value for c in Confidentiality])
        els[eid] = body
    # link some of the new elements under the existing ones, so that some are reachable
    for eid in rnd.sample(list(els)[:len(els) - n], k=min(3, len(els) - n)):
        els[eid].setdefault("supported_by", []).extend(some(ids))
    return doc


def _reference(c: Case) -> dict[str, Any]:
    """The index's parts, read element by element."""
    els = c.argument.elements
    types = {eid: e.type for eid, e in els.items()}
    by_type: dict[str, list[str]] = {}
    for eid, e in els.items():
        by_type.setdefault(e.type, []).append(eid)
    support = {eid: tuple(x for x in e.supported_by if x in els) for eid, e in els.items() if e.supported_by}
    seen: set[str] = set()
    todo = [c.argument.top] if c.argument.top in els else []
    while todo:
        x = todo.pop()
        if x in seen or x not in els:
            continue
        seen.add(x)
        todo += els[x].supported_by + els[x].in_context_of + els[x].defeaters
    for x in by_type.get("defeater", []):
        if any(t in seen for t in els[x].against):
            seen.add(x)
    depended_on: set[str] = set()
    todo = [c.argument.top] if c.argument.top in els else []
    while todo:
        x = todo.pop()
        if x not in depended_on:
            depended_on.add(x)
            todo += support.get(x, ())
    indegree = Counter(itertools.chain.from_iterable(support.values()))
    ready = [x for x in types if x not in indegree]
    order = []
    while ready:
        x = ready.pop()
        order.append(x)
        for k in support.get(x, ()):
            indegree[k] -= 1
            if not indegree[k]:
                ready.append(k)
    fields = {f: {eid: getattr(e, f) for eid, e in els.items() if getattr(e, f)} for f in SCANNED}
    private = {eid: e.confidentiality for eid, e in els.items() if e.confidentiality is not Confidentiality.public}
    return {"types": types, "by_type": by_type, "support": support, "reachable": seen,
            "depended_on": depended_on, "order": order, "fields": fields, "private": private}


@pytest.mark.parametrize("seed", range(40))
def test_the_index_is_what_reading_each_element_gives(seed: int) -> None:
    c = case(_random_doc(seed))
    index = build_index(c)
    got = {name: getattr(index, name) for name in index._fields}
    want = _reference(c)
    # an element whose targets are all elements lends its own list (never a copy to change)
    for eid, targets in got["support"].items():
        assert targets is c.argument.elements[eid].supported_by or isinstance(targets, tuple)
    got["support"] = {eid: tuple(targets) for eid, targets in got["support"].items()}
    assert got == want
    # in the argument's order, not only equal as mappings
    assert [list(got["fields"][f]) for f in SCANNED] == [list(want["fields"][f]) for f in SCANNED]
    assert list(got["types"]) == list(want["types"]) and list(got["private"]) == list(want["private"])


def test_a_circle_leaves_its_elements_out_of_the_order() -> None:
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["X1"] = {"claim": "one", "supported_by": ["X2"]}
    els["X2"] = {"claim": "two", "supported_by": ["X1", "X3"]}
    els["X3"] = {"claim": "three", "evidence": ["E-redteam"]}
    idx = build_index(case(doc))
    assert "X1" not in idx.order and "X2" not in idx.order and "X3" not in idx.order
    assert len(idx.order) == len(els) - 3


def test_cases_that_share_their_argument_share_its_index() -> None:
    c = case(base_doc())
    narrower = c.model_copy(update={"boundary": None})  # the gate's trials differ in their boundary only
    assert index_of(c) is index_of(narrower)
    assert index_of(c) == build_index(c)
    other = case(_random_doc(1))
    assert index_of(other).types == _reference(other)["types"] != _reference(c)["types"]


def _random_forest_doc(seed: int) -> dict[str, Any]:
    """A random argument in which no element is listed under `supported_by` twice (a forest, the
    usual shape), now and then with a circle of elements that list one another."""
    rnd = random.Random(seed)
    doc = base_doc()
    els = doc["argument"]["elements"]
    n = rnd.randint(5, 60)
    ids = [f"X{i}" for i in range(n)]
    listed = {x for e in els.values() for x in e.get("supported_by", [])}
    for eid in ids:
        els[eid] = {rnd.choice(("claim", "strategy")): f"text {eid}"}
    parents = [eid for eid in els if eid not in ids]
    for eid in ids:
        if rnd.random() < 0.85:
            parent = rnd.choice(parents)
            if eid not in listed:
                els[parent].setdefault("supported_by", []).append(eid)
                listed.add(eid)
        parents.append(eid)
    if rnd.random() < 0.5:  # a circle: X0 and X1 list each other, and neither is listed elsewhere
        for e in els.values():
            for x in ("X0", "X1"):
                if x in e.get("supported_by", []):
                    e["supported_by"].remove(x)
        els["X0"]["supported_by"] = ["X1"]
        els["X1"]["supported_by"] = ["X0"]
    return doc


@pytest.mark.parametrize("seed", range(40))
def test_a_forest_is_ordered_as_kahns_algorithm_orders_any_argument(seed: int) -> None:
    c = case(_random_forest_doc(seed))
    listed = Counter(itertools.chain.from_iterable(e.supported_by for e in c.argument.elements.values()))
    assert max(listed.values()) == 1  # (the shortcut taken when no element is listed twice)
    index = build_index(c)
    want = _reference(c)
    assert index.order == want["order"]
    assert set(index.reachable) == want["reachable"] and set(index.depended_on) == want["depended_on"]


def test_an_argument_reached_whole_lends_its_types_for_what_is_reachable() -> None:
    # every element reachable (as in most arguments): `reachable` is the key set of `types`, not a
    # table of its own held to the end of the check
    import gc

    doc = base_doc()
    whole = build_index(case(doc))
    assert set(whole.reachable) == set(whole.types)
    assert [x is whole.types for x in gc.get_referents(whole.reachable)] == [True]
    doc["argument"]["elements"]["X9"] = {"claim": "an orphan", "evidence": ["E-redteam"]}
    part = build_index(case(doc))
    assert "X9" not in part.reachable and set(part.reachable) == set(part.types) - {"X9"}
    assert [x is part.types for x in gc.get_referents(part.reachable)] == [False]


def test_evidence_cited_whole_is_the_evidence_keys_themselves() -> None:
    # every item cited, and nothing else (as in most cases): the set of cited evidence is the
    # evidence map's own keys, not a table of its own held to the end of the check
    import gc

    from casegate.checks._derived import cited_evidence

    from ._cases import context, hits

    doc = base_doc()
    whole = context(doc)
    cited = cited_evidence(whole)
    assert set(cited) == set(whole.case.evidence) and hits("CG907", whole) == []
    assert [x is whole.case.evidence for x in gc.get_referents(cited)] == [True]
    doc["evidence"]["E-spare"] = {**doc["evidence"][next(iter(doc["evidence"]))]}
    part = context(doc)
    cited = cited_evidence(part)
    assert set(cited) == set(part.case.evidence) - {"E-spare"}
    assert [h.path for h in hits("CG907", part)] == [("evidence", "E-spare")]
    assert [x is part.case.evidence for x in gc.get_referents(cited)] == [False]


def _domains_read_one_by_one(c: Case) -> dict[str, str]:
    """Element id -> the domain it names, else one an ancestor (through supported_by) names first
    in Kahn's order; an element on or below a circle counts only what is passed to it."""
    want = _reference(c)
    order, support, own = want["order"], want["support"], want["fields"]["domain"]
    out: dict[str, str] = {}
    for eid in order:
        dom = own.get(eid) or out.get(eid)
        for t in support.get(eid, ()) if dom else ():
            out.setdefault(t, dom)
    out.update((eid, dom) for eid, dom in own.items() if eid in order)
    return out


@pytest.mark.parametrize("seed", range(40))
def test_domains_in_scope_are_what_passing_them_down_gives(seed: int) -> None:
    from casegate.checks.families.threat import _domains_in_scope

    from ._cases import context

    doc = _random_doc(seed)
    if seed % 4 == 0:  # now and then a circle
        els = doc["argument"]["elements"]
        els["X1"] = {"claim": "one", "supported_by": ["X2"], "domain": "cyber"}
        els["X2"] = {"claim": "two", "supported_by": ["X1", "X3"]}
        els["X3"] = {"claim": "three", "evidence": ["E-redteam"]}
        els[doc["argument"]["top"]].setdefault("supported_by", []).append("X2")
    ctx = context(doc)
    own, passed = _domains_in_scope(ctx)
    assert own.keys().isdisjoint(passed)
    assert {**passed, **own} == _domains_read_one_by_one(ctx.case)
    # where every element has its turn, the elements' own domains are the index's column itself,
    # and what is passed down goes only to those that name none (not a table of every element)
    if len(ctx.index.order) == len(ctx.index.types):
        assert own is ctx.index.fields["domain"]


@pytest.mark.parametrize("seed", range(20))
def test_reading_only_the_fields_given_gives_the_index_reading_every_field_gives(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # a chunk's elements are read only for the fields one of them was given; reading every field
    # of every element (as when a default is one the index keeps) gives the same index
    from casegate.checks import _index

    c = case(_random_doc(seed))
    assert _index._unset_is_default()
    given = build_index(c)
    monkeypatch.setattr(_index, "_UNSET_IS_DEFAULT", [False])
    assert build_index(c) == given


def test_a_link_added_in_a_copy_of_an_element_is_in_the_index() -> None:
    # pydantic counts a field set by `model_copy(update=...)` as given: a copied element whose
    # link is added after validation is read for it, as is an element built with the link
    doc = base_doc()
    doc["argument"]["elements"]["X9"] = {"context": "an aside"}
    c = case(doc)
    top = c.argument.top
    els = dict(c.argument.elements)
    els["X9"] = els["X9"].model_copy(update={"defeaters": ["X8"], "domain": "cyber"})
    els["X8"] = type(els["X9"]).model_validate({"defeater": "a doubt", "against": [top], "kind": "objection",
                                                "status": "open"})
    moved = c.model_copy(update={"argument": c.argument.model_copy(update={"elements": els})})
    index = build_index(moved)
    assert index.fields["defeaters"]["X9"] == ["X8"] and index.fields["domain"]["X9"] == "cyber"
    assert index.fields["against"]["X8"] == [top] and index.types["X8"] == "defeater"
    assert index == build_index(case(moved.model_dump(mode="json", exclude_defaults=True, by_alias=True)))


def test_a_lean_load_with_shared_sets_of_given_fields_is_indexed_as_read_one_by_one(tmp_path: Path) -> None:
    # a lean load's elements share a few sets of given field names (a chunk's union is of those
    # few); a chunk where no element is given a field reads none of it
    from casegate.load import load_case
    from casegate.load._loader import _BUILD_FROM

    n = _BUILD_FROM + 1100
    lines = [f"    G{i}: {{claim: Claim {i}., supported_by: [G{i + 1}], evidence: [E{i % 3}], domain: cyber}}\n"
             for i in range(n)]
    lines += [f"    G{n}: {{claim: Last., in_context_of: [C1]}}\n", "    C1: {context: An aside.}\n",
              f"    D1: {{defeater: A doubt., against: [G{n}], kind: objection, status: open, confidentiality: internal}}\n",
              "    G0x: {strategy: By parts., supported_by: [G1]}\n"]
    ev = "".join(f"  E{i}: {{kind: eval, producer: lab, date: 2026-10-01}}\n" for i in range(3))
    (tmp_path / "argument.yaml").write_text("casegate: 1\nkind: case\nargument:\n  elements:\n" + "".join(lines))
    (tmp_path / "case.yaml").write_text(
        "casegate: 1\nkind: case\nid: big\ntitle: Big\ndate: 2026-11-20\npolicy: builtin:anthropic-rsp\n"
        "system: {name: Big, version: '1', digests: [sha256:" + "1" * 64 + "]}\n"
        "include: [argument.yaml]\nargument:\n  top: G0\nevidence:\n" + ev)
    loaded = load_case(tmp_path / "case.yaml", root=tmp_path, keep_data=False)
    assert loaded.case is not None
    els = loaded.case.argument.elements
    assert len({id(e.__pydantic_fields_set__) for e in els.values()}) < 10  # (shared by the lean load)
    index = build_index(loaded.case)
    got = {name: getattr(index, name) for name in index._fields}
    got["support"] = {eid: tuple(targets) for eid, targets in got["support"].items()}
    want = _reference(loaded.case)
    assert got == want
    assert [list(got["fields"][f]) for f in SCANNED] == [list(want["fields"][f]) for f in SCANNED]
    assert got["private"] == {"D1": Confidentiality.internal} and got["fields"]["against"] == {"D1": [f"G{n}"]}
