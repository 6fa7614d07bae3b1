"""An evidence item's expiry is its date plus the policy's maximum age, or its own `expires` when
that is earlier: one value for the gate (CG306), the decision bundle's evidence list that
`casegate verify` checks, and the evidence-expiry trigger. A typed `expires` never lengthens it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casegate._record import replace
from casegate.load import load_case
from casegate.model import RuleSeverity
from casegate.monitor import evidence_expiry as trigger_expiry
from casegate.verify._bundle import _evidence_expiry as bundle_expiry

from ._cases import base_doc, case, context, hits, policy, severity

FAR = dt.date(2031, 1, 1)
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"


def test_a_typed_expiry_shortens_the_policy_limit_and_never_lengthens_it() -> None:
    ev = case(base_doc()).evidence["E-ctf"]  # dated 2026-10-01
    limit = dt.date(2026, 10, 1) + dt.timedelta(days=180)
    assert ev.expiry(180) == limit
    assert ev.model_copy(update={"expires": FAR}).expiry(180) == limit
    assert ev.model_copy(update={"expires": dt.date(2026, 11, 1)}).expiry(180) == dt.date(2026, 11, 1)
    # no policy: the typed date is all there is
    assert ev.expiry(None) is None
    assert ev.model_copy(update={"expires": FAR}).expiry(None) == FAR


def test_cg306_blocks_old_evidence_whatever_expiry_it_types() -> None:
    doc = base_doc()
    for item in doc["evidence"].values():
        item["expires"] = FAR
    late = dt.date(2027, 6, 15)  # every item of the base case is past 180 days by then
    got = hits("CG306", context(doc, today=late))
    assert {h.path[1] for h in got} == set(doc["evidence"])
    e_ctf = next(h for h in got if h.path[1] == "E-ctf")
    assert severity("CG306", e_ctf) is RuleSeverity.blocking
    assert e_ctf.path == ("evidence", "E-ctf", "date")
    assert "expired on 2027-03-30 (2026-10-01 + 180 days)" in e_ctf.message


def test_cg306_names_the_typed_expiry_when_it_is_the_earlier() -> None:
    doc = base_doc()
    doc["evidence"]["E-ctf"]["expires"] = dt.date(2026, 11, 1)
    (h,) = hits("CG306", context(doc))
    assert h.path == ("evidence", "E-ctf", "expires") and "expired on 2026-11-01," in h.message


def test_the_bundle_and_the_trigger_use_the_same_expiry() -> None:
    loaded = load_case(EXAMPLE)
    assert loaded.case is not None and loaded.policy is not None
    days = loaded.policy.evidence.max_age_days
    far = {eid: ev.model_copy(update={"expires": FAR}) for eid, ev in loaded.case.evidence.items()}
    gamed = replace(loaded, case=loaded.case.model_copy(update={"evidence": far}))
    assert gamed.case is not None
    want = {eid: ev.date + dt.timedelta(days=days) for eid, ev in gamed.case.evidence.items()}
    assert {e["id"]: dt.date.fromisoformat(e["expires"]) for e in bundle_expiry(gamed)} == want
    assert trigger_expiry(gamed.case, gamed.policy) == want
    assert trigger_expiry(gamed.case, None) == dict.fromkeys(far, FAR)


def test_base_policy_max_age_is_what_these_tests_assume() -> None:
    assert policy().evidence.max_age_days == 180


def test_cg357_blocks_evidence_dated_after_the_decision() -> None:
    """Attack: without a registry nothing caps an item's date, so the lab dates its test months
    ahead and the decision's expiries (which `verify` checks) move out with it."""
    doc = base_doc()
    doc["evidence"]["E-ctf"]["date"] = "2027-03-01"
    (hit,) = hits("CG357", context(doc, today=dt.date(2026, 11, 27)))
    assert hit.path == ("evidence", "E-ctf", "date")
    assert "dated 2027-03-01, after the decision date 2026-11-27" in hit.message
    # a day's slack for a log dated east of UTC; on the decision date itself, nothing
    doc["evidence"]["E-ctf"]["date"] = "2026-11-28"
    assert hits("CG357", context(doc, today=dt.date(2026, 11, 27))) == []


def test_cg357_reads_the_date_from_the_log(tmp_path: Path) -> None:
    """The same move on a log: its `created` rewritten months ahead, the item dated to agree."""
    import hashlib
    import shutil

    from casegate.evidence import rehash_artifacts
    from casegate.gate import run_gate

    dest = tmp_path / "atlas"
    shutil.copytree(EXAMPLE.parent, dest)
    log = dest / "reports" / "refusal-test.json"
    raw = log.read_bytes().replace(b'"created": "2026-10-25T16:00:00Z"', b'"created": "2027-03-25T16:00:00Z"')
    log.write_bytes(raw)
    ev = dest / "evidence.yaml"
    text = ev.read_text()
    old = "40f80089a22d8c6b42ee5c67c27f7fe12282d2cc3217bc8e6e3f8f9c710022db"
    assert old in text and "producer: acme-safeguards\n    date: 2026-10-25" in text
    ev.write_text(text.replace(old, hashlib.sha256(raw).hexdigest()).replace(
        "producer: acme-safeguards\n    date: 2026-10-25", "producer: acme-safeguards\n    date: 2027-03-25"))
    loaded = load_case(dest / "case.yaml")
    record = run_gate(loaded, today=dt.date(2026, 12, 4), artifacts=rehash_artifacts(loaded), try_narrower=False)
    got = [f for f in record.findings if f.code == "CG357"]
    assert len(got) == 1 and got[0].severity == RuleSeverity.blocking, got
    assert "`E-refusal` is dated 2027-03-25 (read from its artifact)" in got[0].message
