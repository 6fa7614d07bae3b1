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
