"""A claim's `asserted` date is the lab's word; what the record shows bounds it. The lab types a
date after the evidence it wants to look drawn from: a claim is made no later than the version
that makes it (CG506), nor than the registry recorded a version holding it (CG511)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from casegate.model import Baseline

from ._cases import base_doc, case, context, hits


def _late_evidence(doc: dict[str, Any], day: dt.date) -> dict[str, Any]:
    """G2 also rests on a second cyber run dated `day`."""
    doc["evidence"]["E-ctf-2"] = {**doc["evidence"]["E-ctf"], "date": day}
    doc["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-ctf-2"]
    return doc


def test_a_claim_dated_after_its_own_version_is_judged_as_of_the_version() -> None:
    """The version is dated 2026-11-20; the lab types the claim asserted on 2026-11-26, after a run
    dated 2026-11-24 it rests on. A claim is made no later than the version that makes it."""
    doc = _late_evidence(base_doc(), dt.date(2026, 11, 24))
    doc["argument"]["elements"]["G2"]["asserted"] = dt.date(2026, 11, 26)
    (h,) = hits("CG506", context(doc))
    assert h.message == ("`G2` was asserted on 2026-11-20 (it gives 2026-11-26, after the version's date 2026-11-20: "
                         "a claim is asserted no later than the version that makes it), before the evidence it "
                         "rests on arrived (`E-ctf-2`, 2026-11-24)")
    # with the run dated before the version, the claim followed it
    doc["evidence"]["E-ctf-2"]["date"] = dt.date(2026, 11, 19)
    assert hits("CG506", context(doc)) == []


def test_a_date_typed_after_the_registry_recorded_the_claim_is_refused() -> None:
    """The registry recorded the version before, where G2 stood with no date, on 2026-10-15. This
    version adds a run dated 2026-11-01 under G2 and types G2 asserted 2026-11-10: the claim was
    made by 2026-10-15, before that run."""
    prev = case(base_doc())
    doc = _late_evidence(base_doc(), dt.date(2026, 11, 1))
    doc["argument"]["elements"]["G2"]["asserted"] = dt.date(2026, 11, 10)
    recorded = Baseline(role="previous", label="version 1.0 (#1)",
                        recorded_at=dt.datetime(2026, 10, 15, 12, tzinfo=dt.UTC))
    (h,) = hits("CG511", context(doc, previous=prev, baseline=recorded))
    assert h.path == ("argument", "elements", "G2", "asserted")
    assert h.message == ("`G2` was made by 2026-10-15, when the registry recorded version 1.0 (#1), before the "
                         "evidence it rests on arrived (`E-ctf-2`, 2026-11-01); this version dates it 2026-11-10")
    # without the registry's record, the typed date stands (CG506 finds nothing either)
    assert hits("CG511", context(doc, previous=prev)) == []
    assert hits("CG506", context(doc, previous=prev)) == []
    # a date typed there, later than the registry recorded it, is held to the record too
    was = base_doc()
    was["argument"]["elements"]["G2"]["asserted"] = dt.date(2026, 11, 10)
    (h,) = hits("CG511", context(doc, previous=case(was), baseline=recorded))
    assert "`G2` was made by 2026-10-15, when the registry recorded version 1.0 (#1)" in h.message
    # and nothing typed, then or now, is the lab's silence
    del doc["argument"]["elements"]["G2"]["asserted"]
    assert hits("CG511", context(doc, previous=prev, baseline=recorded)) == []
