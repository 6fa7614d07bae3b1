"""CG506 walks only what lies under an asserted claim; what it finds for those claims is what the
walk of the whole argument finds, with or without a support cycle."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from casegate.checks.families.authority import _latest_evidence, _newest_under

from ._cases import base_doc, context, hits


def _variants() -> list[tuple[str, Any]]:
    def asserted(doc: dict[str, Any]) -> None:
        doc["argument"]["elements"]["G1"]["asserted"] = dt.date(2026, 1, 1)
        doc["argument"]["elements"]["G3"]["asserted"] = dt.date(2030, 1, 1)

    def cyclic(doc: dict[str, Any]) -> None:
        asserted(doc)
        doc["argument"]["elements"]["G3"]["supported_by"] = ["S1"]

    def leaf_only(doc: dict[str, Any]) -> None:
        doc["argument"]["elements"]["G2"]["asserted"] = dt.date(2026, 1, 1)

    return [("asserted", asserted), ("cycle", cyclic), ("leaf", leaf_only)]


@pytest.mark.parametrize("name,vary", _variants(), ids=[v[0] for v in _variants()])
def test_newest_evidence_of_asserted_claims_matches_the_whole_walk(name: str, vary: Any) -> None:
    doc = base_doc()
    vary(doc)
    ctx = context(doc)
    els = ctx.case.argument.elements
    whole, _ = _newest_under(ctx.case, list(els))
    got = _latest_evidence(ctx)
    asserted = [eid for eid, e in els.items() if e.asserted is not None]
    assert asserted
    assert {k: got.get(k) for k in asserted} == {k: whole.get(k) for k in asserted}
    if name == "asserted":
        assert hits("CG506", context(doc)), "G1 was asserted before its evidence"
