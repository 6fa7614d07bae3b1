"""Summary format 2 against format 1: the same summary, each element written once.

`pinned_v1/` holds summaries written in format 1 (before format 2) for the cases `pinned/` holds
in format 2, byte for byte as they were published and recorded, but for `dissent.contested`
(added since, and written into them as a summary of that format carrying it would hold it: the
gate's CG805 on the defeaters D1 and D2) and for the composed answer on who checked the evidence
(whose safeguard verifiers are since named as the case's word where none attested them) and on
who could object (whose typed statuses are since marked as the case's word). A format-1 summary must still
read, render, verify disclosures and compare with the registry's judgement exactly as before;
a format-2 summary must say the same through `PublicSummary`, and lose nothing of the case
document that format 1 carried twice.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from casegate.approve import judged_found
from casegate.diff import commitments_in
from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import (
    KeyedSalts,
    PublicSummary,
    decide,
    disclose,
    evidence_basis,
    readable_case,
    summary_html,
)
from casegate.publish._commit import verify_opening
from casegate.publish._render import render
from casegate.publish._summary import _ITEM_KEYS, _NODE_KEYS
from casegate.store._events import found_problems

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
V1, V2 = HERE / "pinned_v1", HERE / "pinned"
KEY = bytes(range(32))
DAY = dt.date(2026, 11, 23)
NAMES = ("atlas-public", "atlas-internal", "generated-130-public")


def _json(folder: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / name / "summary.json").read_bytes())
    return data


def _charts(name: str) -> list[Path]:
    return sorted((V2 / name).glob("summary.chart-*.svg"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


@pytest.mark.parametrize("name", NAMES)
def test_the_pinned_summaries_are_of_each_format(name: str) -> None:
    assert _json(V1, name)["casegate_summary"] == 1
    assert _json(V2, name)["casegate_summary"] == 2
    assert (V2 / name / "summary.json").stat().st_size < (V1 / name / "summary.json").stat().st_size


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("folder", [V1, V2], ids=["v1", "v2"])
def test_each_format_renders_the_pinned_pages(name: str, folder: Path) -> None:
    # the pages of both formats are the pages publish wrote before format 2 (pinned, unchanged)
    s = PublicSummary.model_validate(_json(folder, name))
    charts = _charts(name)
    md = render("summary.md.j2", s=s, chart_files=[p.name for p in charts])
    html = summary_html(s, svg=(V2 / name / "summary.svg").read_text(encoding="utf-8"),
                        charts=[p.read_text(encoding="utf-8") for p in charts])
    from casegate import __version__

    def pinned(file: str) -> str:
        return (V2 / name / file).read_text(encoding="utf-8").replace("casegate VERSION ", f"casegate {__version__} ")

    assert md == pinned("summary.md")
    assert html == pinned("summary.html")


@pytest.mark.parametrize("name", NAMES)
def test_both_formats_read_as_the_same_summary(name: str) -> None:
    one = PublicSummary.model_validate(_json(V1, name)).model_dump(exclude={"casegate_summary", "case_document"})
    two = PublicSummary.model_validate(_json(V2, name)).model_dump(exclude={"casegate_summary", "case_document"})
    assert one == two


def _nodes_and_items(s: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    full = PublicSummary.model_validate(s)
    return full.argument.nodes, {e.id: e for e in full.evidence}


@pytest.mark.parametrize("name", NAMES)
def test_format_2_loses_nothing_of_the_case_document(name: str) -> None:
    # every field format 1's case document held is in format 2's: in its case document, or (for
    # the argument's elements and the evidence) carried by the node or item, with the same value
    one, two = _json(V1, name), _json(V2, name)
    doc1, doc2 = one["case_document"], two["case_document"]
    assert {k: v for k, v in doc1.items() if k not in ("argument", "evidence")} == \
        {k: v for k, v in doc2.items() if k not in ("argument", "evidence")}
    nodes, items = _nodes_and_items(two)
    elements2 = doc2["argument"]["elements"]
    for eid, el in doc1["argument"]["elements"].items():
        node = nodes[eid]
        for k, v in el.items():
            if el.get("redacted") is True:  # a stub: its reference and revealed links, all on the node
                want = getattr(node.redacted, k) if k in ("type", "id", "level", "commitment") else \
                    (node.redacted is not None if k == "redacted" else getattr(node, k))
                assert want == v, (eid, k)
            elif k in _NODE_KEYS:
                assert (node.text if k == node.type else getattr(node, k)) == v, (eid, k)
            else:
                assert elements2[eid][k] == v, (eid, k)
    evidence2 = doc2["evidence"]
    for eid, ev in doc1["evidence"].items():
        item = items[eid]
        for k, v in ev.items():
            if ev.get("redacted") is True:
                want = item.redacted is not None if k == "redacted" else \
                    (item.kind if k == "kind" else getattr(item.redacted, k))
                assert want == v, (eid, k)
            elif k in _ITEM_KEYS:
                assert getattr(item, k) == v, (eid, k)
            else:
                assert evidence2[eid][k] == v, (eid, k)
    assert set(elements2) <= set(doc1["argument"]["elements"]) and set(evidence2) <= set(doc1["evidence"])


def test_format_2_leaves_defaults_out_of_nodes_rows_and_items() -> None:
    s = _json(V2, "atlas-public")
    for node in [*s["argument"]["nodes"].values(), *s["dissent"]["defeaters"]]:
        assert all(v not in (None, False, []) for v in node.values()), node
    assert all(set(r) <= {"id", "depth", "repeat"} and r.get("repeat", True) for r in s["argument"]["outline"])
    assert all(v not in (None, [], False) or k == "independent" for e in s["evidence"] for k, v in e.items())
    # the other parts are written whole, as raw readers (the registry's comparison) read them
    f = next(f for f in s["decision"]["findings"] if f["element"] is None)
    assert {"message", "element", "location", "waived", "withheld"} <= set(f)


@pytest.mark.parametrize("missing", ["casegate_summary", "commitment_scheme"])
def test_format_and_scheme_are_required(missing: str) -> None:
    s = _json(V2, "atlas-public")
    del s[missing]
    with pytest.raises(ValidationError, match=missing):
        PublicSummary.model_validate(s)
    with pytest.raises(ValidationError, match="casegate_summary"):
        PublicSummary.model_validate({**_json(V2, "atlas-public"), "casegate_summary": 3})


@pytest.fixture(scope="module")
def atlas():  # type: ignore[no-untyped-def]
    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    return loaded, decide(loaded, DAY)


@pytest.mark.parametrize("folder", [V1, V2], ids=["v1", "v2"])
def test_each_format_verifies_a_disclosure_and_refuses_a_forged_one(folder: Path, atlas) -> None:  # type: ignore[no-untyped-def]
    from casegate.errors import VerificationError

    loaded, _ = atlas
    summary = _json(folder, "atlas-public")
    opening = disclose(readable_case(loaded), "E-bio-uplift", salts=KeyedSalts(KEY))
    verify_opening(summary, opening)
    forged = opening.model_copy(update={"content": {**opening.content, "title": "something else"}})
    with pytest.raises(VerificationError):
        verify_opening(summary, forged)


@pytest.mark.parametrize("name", NAMES)
def test_both_formats_name_the_same_commitments(name: str) -> None:
    got = commitments_in(_json(V1, name))
    assert got and got == commitments_in(_json(V2, name))


@pytest.mark.parametrize("level", [Confidentiality.public, Confidentiality.internal])
@pytest.mark.parametrize("folder", [V1, V2], ids=["v1", "v2"])
def test_each_format_compares_with_the_judgement_as_strictly(folder: Path, level: Confidentiality,
                                                             atlas) -> None:  # type: ignore[no-untyped-def]
    loaded, record = atlas
    name = "atlas-public" if level is Confidentiality.public else "atlas-internal"
    found = judged_found(record, readable_case(loaded), policy=loaded.policy, basis=evidence_basis(loaded),
                         folder=Path(loaded.case_path).parent)
    summary = _json(folder, name)
    problems = found_problems(found, summary)
    if folder is V1:
        # recorded now, a summary is in the format casegate writes now: the judgement records what a
        # format 2 summary shows, so one in format 1 is refused on its format, and on nothing else
        assert f"its casegate_summary is not what the registry's judgement shows the {level.value} audience" in problems
        problems = [p for p in problems if not p.startswith("its ")]
    assert problems == []
    # a blocking finding taken out, and one whose element the judgement records as visible to the
    # audience shown withheld without its element: each refused, in either format
    shown = [i for i, f in enumerate(summary["decision"]["findings"])
             if f["severity"] == "blocking" and f["element"] is not None and not f["waived"]]
    assert shown
    cut = copy.deepcopy(summary)
    del cut["decision"]["findings"][shown[0]]
    assert any("is left out" in p for p in found_problems(found, cut))
    hidden = copy.deepcopy(summary)
    f = hidden["decision"]["findings"][shown[0]]
    f.update(element=None, location=None, message=None, withheld=True)
    assert any(f"is not redacted for the {level.value} audience" in p for p in found_problems(found, hidden))


@pytest.mark.parametrize("version", [None, 3, True, 2.0, "2"])
def test_a_disclosure_is_not_verified_against_a_summary_of_an_unknown_format(version: Any, atlas) -> None:  # type: ignore[no-untyped-def]
    from casegate.errors import InputError

    loaded, _ = atlas
    summary = _json(V2, "atlas-public")
    summary["casegate_summary"] = version
    opening = disclose(readable_case(loaded), "E-bio-uplift", salts=KeyedSalts(KEY))
    with pytest.raises(InputError, match="not a casegate public summary"):
        verify_opening(summary, opening)
