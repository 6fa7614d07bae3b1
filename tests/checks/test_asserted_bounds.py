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


def test_a_claim_re_examined_after_evidence_added_since_may_take_a_later_date() -> None:
    """The registry recorded the version before, where G2 stood on `E-ctf` (2026-10-01) with no
    date, on 2026-10-15. This version adds a run dated 2026-11-01 under G2: CG506 asks the lab to
    record when it re-examined the claim, and a date after the new run (2026-11-10) is what it
    asks for. The recorded version drew G2 from the evidence it then had: CG511 finds nothing."""
    prev = case(base_doc())
    doc = _late_evidence(base_doc(), dt.date(2026, 11, 1))
    recorded = Baseline(role="previous", label="version 1.0 (#1)",
                        recorded_at=dt.datetime(2026, 10, 15, 12, tzinfo=dt.UTC))
    # the claim dated before the new run: CG506 says to re-examine it
    doc["argument"]["elements"]["G2"]["asserted"] = dt.date(2026, 10, 10)
    assert [h.path for h in hits("CG506", context(doc, previous=prev, baseline=recorded))] == [
        ("argument", "elements", "G2", "asserted")]
    # re-examined and dated after the run, as CG506 asks: neither rule refuses it
    doc["argument"]["elements"]["G2"]["asserted"] = dt.date(2026, 11, 10)
    assert hits("CG506", context(doc, previous=prev, baseline=recorded)) == []
    assert hits("CG511", context(doc, previous=prev, baseline=recorded)) == []
    # so too where the recorded version typed a date (later than it was recorded)
    was = base_doc()
    was["argument"]["elements"]["G2"]["asserted"] = dt.date(2026, 11, 10)
    assert hits("CG511", context(doc, previous=case(was), baseline=recorded)) == []


def test_a_claim_recorded_before_its_own_evidence_keeps_that_date_after_evidence_is_added() -> None:
    """The recorded version dated G2 2026-09-01, before `E-ctf` (2026-10-01) it rested on then:
    theater on the record. Adding a run and dating the claim after it (as CG506 would ask of a
    claim on no record) does not make it good."""
    was = base_doc()
    was["argument"]["elements"]["G2"]["asserted"] = dt.date(2026, 9, 1)
    doc = _late_evidence(base_doc(), dt.date(2026, 11, 1))
    doc["argument"]["elements"]["G2"]["asserted"] = dt.date(2026, 11, 10)
    recorded = Baseline(role="previous", label="version 1.0 (#1)",
                        recorded_at=dt.datetime(2026, 10, 15, 12, tzinfo=dt.UTC))
    (h,) = hits("CG511", context(doc, previous=case(was), baseline=recorded))
    assert h.path == ("argument", "elements", "G2", "asserted")
    assert h.message == ("`G2` was asserted on 2026-09-01 in version 1.0 (#1), before the evidence it rests on "
                         "arrived (`E-ctf`, 2026-10-01); this version dates it 2026-11-10")
    # and with the date deleted
    del doc["argument"]["elements"]["G2"]["asserted"]
    assert [h.path for h in hits("CG511", context(doc, previous=case(was), baseline=recorded))] == [
        ("argument", "elements", "G2")]
