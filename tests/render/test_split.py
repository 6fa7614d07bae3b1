"""Split views: every element on exactly one module page, pages of bounded size, and links
between the overview and the pages that resolve."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from casegate.render import (
    INDEX,
    argument_graph,
    find_module,
    module_graph,
    overview_graph,
    partition,
    render_split,
)

from ._cases import COMMITMENTS, FINDINGS, small_case

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from gen_argument import findings_for, make_case  # noqa: E402


@pytest.fixture(scope="module")
def big():  # type: ignore[no-untyped-def]
    case = make_case(300)
    return argument_graph(case, findings=findings_for(case))


@pytest.mark.parametrize("bound", [5, 12, 30, 1000])
def test_partition_covers_every_element_once(big, bound: int) -> None:  # type: ignore[no-untyped-def]
    mods = partition(big, bound)
    members = [k for m in mods for k in m.members]
    assert sorted(members) == sorted(big.nodes)
    assert mods[0].root == big.top and mods[0].parent is None
    ids = {m.id for m in mods}
    for m in mods:
        assert m.root in m.members
        assert m.parent is None or m.parent in ids
        # with fan-out 3 every subtree can be cut down to the bound once it holds a goal, its
        # strategy, their context and three solutions
        if bound >= 12:
            assert len(m.members) <= bound, (m.id, len(m.members))
    if bound >= 1000:
        assert len(mods) == 1


def test_pages_link_to_each_other(big, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pages = render_split(big, 30)
    assert INDEX in pages and len(pages) > 3
    for name, svg in pages.items():
        root = ET.fromstring(svg)
        hrefs = {a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")}
        assert all(h in pages for h in hrefs), (name, hrefs - set(pages))
        if name != INDEX:
            assert INDEX in hrefs  # every module page leads back to the overview
    index_links = set(re.findall(r'href="(module-[^"]+)"', pages[INDEX]))
    assert index_links  # the overview links to module pages
    # every page is reachable from the overview
    seen, todo = {INDEX}, [INDEX]
    while todo:
        for h in re.findall(r'href="([^"]+)"', pages[todo.pop()]):
            if h not in seen:
                seen.add(h)
                todo.append(h)
    assert seen == set(pages)


def test_module_page_fits_a_screen_and_overview_marks(big) -> None:  # type: ignore[no-untyped-def]
    from casegate.render import arrange

    mods = partition(big, 30)
    for m in mods[:20]:
        _, lay = arrange(module_graph(big, mods, m.id))
        assert lay.width < 3000 and lay.height < 2200, (m.id, lay.width, lay.height)
    ov = overview_graph(big, mods)
    flagged = [n for n in ov.nodes.values() if n.marks]
    assert flagged and all(n.href and n.href.startswith("module-") for n in ov.nodes.values())


def test_redacted_module_root_keeps_its_secret() -> None:
    graph = argument_graph(small_case(), findings=FINDINGS, redactions=COMMITMENTS)
    pages = render_split(graph, max_elements=3)
    assert "CANARY" not in "".join(pages.values())
    mods = partition(graph, 3)
    m = find_module(mods, "G4")
    assert m is not None and "G4" in m.members
    assert find_module(mods, "nope") is None


def _tangled_case():  # type: ignore[no-untyped-def]
    """Links the graph must still draw: an id missing from the argument, evidence missing from
    the case, an evidence id that is also an element id, and a defeater answered by evidence."""
    from ._cases import case_from

    return case_from(
        {
            "G1": {"claim": "Top.", "supported_by": ["S1", "G9"], "in_context_of": ["C1", "C9"]},
            "C1": {"context": "Scope."},
            "S1": {"strategy": "Split.", "supported_by": ["G2", "X1"], "defeaters": ["D1"]},
            "G2": {"claim": "Shown by tests.", "evidence": ["E1", "X1", "E9"], "confidentiality": "internal"},
            "X1": {"claim": "Shares its id with an evidence item.", "evidence": ["E1"]},
            "D1": {"defeater": "Too few tests.", "against": ["S1", "G2"], "status": "answered",
                   "answered_by": ["E1", "X1", "E8"]},
        },
        {"E1": {"kind": "eval", "title": "Tests", "producer": "p", "date": "2026-10-01"},
         "X1": {"kind": "eval", "title": "Also tests", "producer": "p", "date": "2026-10-01",
                "confidentiality": "restricted"}},
    )


@pytest.mark.parametrize("which", ["big", "small", "tangled"])
@pytest.mark.parametrize("public", [False, True])
def test_argument_overview_is_the_overview_of_the_whole_graph(big, which: str, public: bool) -> None:  # type: ignore[no-untyped-def]
    from casegate.render import argument_overview

    case, findings = {"big": (make_case(300), None), "small": (small_case(), FINDINGS),
                      "tangled": (_tangled_case(), {"X1": [("CG301", "blocking")], "X1 (evidence)": ["CG305"]})}[which]
    if findings is None:
        findings = findings_for(case)
    args = {"findings": findings, "redactions": COMMITMENTS, "public": public, "basis": {"E1": "derived"}}
    graph = argument_graph(case, **args)
    assert argument_overview(case, **args) == overview_graph(graph, partition(graph))


def test_a_support_link_given_twice_is_one_link() -> None:
    """An element listed twice in `supported_by` (the case format does not refuse it) is one
    child: the overview a large argument's summary draws places it once, in one module, and
    every element below it too (a repeated link once left its subtree without a module)."""
    from gen_argument import argument_dict

    from casegate.model import Case
    from casegate.render import argument_overview
    from casegate.render._split import partition_links

    argument, evidence = argument_dict(300)
    doubled = next(k for k, el in argument["elements"].items() if len(el.get("supported_by", [])) > 1)
    argument["elements"][doubled]["supported_by"] = [*argument["elements"][doubled]["supported_by"],
                                                     argument["elements"][doubled]["supported_by"][0]]
    case = Case.model_validate({
        "casegate": 1, "id": "doubled", "title": "A link given twice", "policy": "policy.yaml",
        "system": {"name": "Synthetic", "version": "1", "digests": ["sha256:" + "0" * 64]},
        "evidence": evidence, "argument": argument})
    graph = argument_graph(case)
    for bound in (5, 30, 1000):
        mods = partition_links({k: n.kind for k, n in graph.nodes.items()}, graph.edges, graph.top, bound)
        members = [k for m in mods for k in m.members]
        assert sorted(members) == sorted(graph.nodes), bound
    overview = argument_overview(case)
    assert overview.nodes and overview.top == "M-G0"
