"""Sign-offs, objections and waivers recorded in the case, and the case digest they bind to."""

from __future__ import annotations

import datetime as dt

import pytest

from casegate.checks import check_case
from casegate.errors import InputError
from casegate.sign import (
    case_digest,
    check_waivers,
    load_waivers,
    object_to_case,
    parse_instant,
    sign_case,
    waive_finding,
)

from .helpers import make_world

AT = parse_instant("2026-11-25")


def test_sign_records_envelope_and_keeps_the_case_valid(tmp_path):
    w = make_world(tmp_path)
    before = w.case.read_text()
    digest = case_digest(w.load())
    r = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT)
    assert r.path == w.dir / "signoffs" / "safety-lead-dana-ortiz.dsse.json"
    after = w.load()
    so = next(s for s in after.case.decision.signoffs if s.role == "safety-lead")
    assert so.envelope == "signoffs/safety-lead-dana-ortiz.dsse.json"
    assert so.relies_on  # the rest of the entry is kept
    changed = [(a, b) for a, b in zip(before.splitlines(), w.case.read_text().splitlines(), strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1].endswith("envelope: signoffs/safety-lead-dana-ortiz.dsse.json}")
    # recording a sign-off does not change what the others sign
    assert case_digest(after) == digest
    assert not [f for f in check_case(after).findings if f.code.startswith("CG9")]
    # signing again replaces the reference, it does not add one
    sign_case(after, "safety-lead", w.signers["dana"], w.ring, at=AT)
    assert w.case.read_text().count("safety-lead-dana-ortiz.dsse.json") == 1


def test_case_digest_covers_content_policy_and_artifacts(tmp_path):
    w = make_world(tmp_path)
    d0 = case_digest(w.load())
    art = w.dir / "reports" / "weights-audit.md"
    art.write_text(art.read_text() + "\nedited\n")
    assert case_digest(w.load()) != d0
    w2 = make_world(tmp_path / "b")
    pol = w2.dir / "policy.yaml"
    pol.write_text(pol.read_text() + "\n# a comment changes the policy file's bytes\n")
    assert case_digest(w2.load()) != d0


def test_new_signoff_added_when_case_lacks_it(tmp_path):
    w = make_world(tmp_path)
    sign_case(w.load(), "safety-lead", w.signers["lee"], w.ring, at=AT)
    so = [s for s in w.load().case.decision.signoffs if s.person == "Lee Park"]
    assert len(so) == 1 and so[0].envelope and so[0].date == dt.date(2026, 11, 25)


def test_block_style_and_missing_decision_section(tmp_path):
    w = make_world(tmp_path)
    text = w.case.read_text()
    start = text.index("decision:")
    w.case.write_text(text[:start])  # no decision section at all
    sign_case(w.load(), "rso", w.signers["sam"], w.ring, at=AT)
    sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT)
    object_to_case(w.load(), "external-evaluator", w.signers["priya"], w.ring, "why: not enough", at=AT)
    d = w.load().case.decision
    assert {s.role for s in d.signoffs} == {"rso", "safety-lead"}
    assert d.objections["O-1"].reason == "why: not enough" and d.objections["O-1"].status == "open"
    # block-style entries get the reference as a new line
    w.case.write_text(text[:start] + "decision:\n  signoffs:\n    - role: rso\n      person: Sam Whitfield\n"
                      "      date: 2026-11-22\n")
    sign_case(w.load(), "rso", w.signers["sam"], w.ring, at=AT)
    assert "      envelope: signoffs/rso-sam-whitfield.dsse.json\n" in w.case.read_text()


def test_refusals_before_signing(tmp_path):
    w = make_world(tmp_path)
    with pytest.raises(InputError, match="does not hold the role 'rso'"):
        sign_case(w.load(), "rso", w.signers["dana"], w.ring, at=AT)
    with pytest.raises(InputError, match="not in the keyring"):
        sign_case(w.load(), "rso", w.stranger, w.ring, at=AT)
    with pytest.raises(InputError, match="authors cannot sign"):
        sign_case(w.load(), "safety-lead", w.signers["mira"], w.ring, at=AT)
    with pytest.raises(InputError, match="expired"):
        sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=parse_instant("2029-01-01"))
    assert not (w.dir / "signoffs").exists()


def test_objection_gets_next_id_and_blocks_check(tmp_path):
    w = make_world(tmp_path)
    oid, r = object_to_case(w.load(), "rso", w.signers["sam"], w.ring, 'The "web" suite: too small', at=AT)
    assert oid == "O-2" and r.path.name == "O-2.dsse.json"
    loaded = w.load()
    o = loaded.case.decision.objections["O-2"]
    assert (o.status, o.person, o.envelope) == ("open", "Sam Whitfield", "objections/O-2.dsse.json")
    assert o.reason == 'The "web" suite: too small'
    with pytest.raises(InputError, match="needs a reason"):
        object_to_case(loaded, "rso", w.signers["sam"], w.ring, "  ", at=AT)


def test_waiver_policy_is_enforced_when_waiving(tmp_path):
    w = make_world(tmp_path)
    until = dt.date(2026, 12, 20)
    with pytest.raises(InputError, match="non-waivable"):
        waive_finding(w.load(), "CG301", "rso", w.signers["sam"], w.ring, "x", until, at=AT)
    with pytest.raises(InputError, match="does not let 'safety-lead' waive CG702"):
        waive_finding(w.load(), "CG702", "safety-lead", w.signers["dana"], w.ring, "x", until, at=AT)
    with pytest.raises(InputError, match="at most 60 days"):
        waive_finding(w.load(), "CG702", "rso", w.signers["sam"], w.ring, "x", dt.date(2027, 6, 1), at=AT)
    with pytest.raises(InputError, match="not a rule code"):
        waive_finding(w.load(), "bogus", "rso", w.signers["sam"], w.ring, "x", until, at=AT)


def test_waiver_round_trip_and_binding(tmp_path):
    w = make_world(tmp_path)
    r = waive_finding(w.load(), "CG702", "rso", w.signers["sam"], w.ring, "monitor wiring lands next week",
                      dt.date(2026, 12, 20), path=("post_deployment", "reevaluate_by"), at=AT)
    assert r.ref == "waivers/CG702-1.dsse.json"
    loaded = w.load()
    assert loaded.case.decision.waivers == ["waivers/CG702-1.dsse.json"]
    (wv,) = load_waivers(loaded, w.ring, dt.date(2026, 11, 26))
    assert (wv.code, wv.role, wv.person, wv.until, wv.path) == (
        "CG702", "rso", "Sam Whitfield", "2026-12-20", ("post_deployment", "reevaluate_by"))
    # any change to the case's content sets the waiver aside, with the reason
    w.case.write_text(w.case.read_text().replace("version: \"1.0\"", "version: \"1.1\""))
    waivers, problems = check_waivers(w.load(), w.ring, dt.date(2026, 11, 26))
    assert waivers == [] and "another version of the case" in problems[0]


def test_a_waiver_runs_no_longer_than_the_policy_allows_from_when_it_was_signed(tmp_path):
    """A waiver signed by other means than `casegate waive` (here: under a copy of the policy that
    allows 400 days) on 2026-11-25 until 2027-06-01 is within the policy's 60 days of a gate run on
    2027-04-15, but ran 188 days from its signing: it is set aside, with the reason."""
    w = make_world(tmp_path)
    loaded = w.load()
    lax = loaded.policy.model_copy(update={"waivers": loaded.policy.waivers.model_copy(update={"max_days": 400})})
    loaded.policy = lax
    waive_finding(loaded, "CG702", "rso", w.signers["sam"], w.ring, "monitor wiring",
                  dt.date(2027, 6, 1), at=AT)
    waivers, problems = check_waivers(w.load(), w.ring, dt.date(2027, 4, 15))
    assert waivers == [] and len(problems) == 1, problems
    assert problems[0] == ("waiver waivers/CG702-1.dsse.json: runs 188 days from when it was signed "
                           "(2026-11-25 to 2027-06-01), longer than the policy's 60 days"), problems
    waive_finding(w.load(), "CG702", "rso", w.signers["sam"], w.ring, "monitor wiring", dt.date(2027, 1, 24), at=AT)
    waivers, problems = check_waivers(w.load(), w.ring, dt.date(2026, 12, 1))
    assert [x.until for x in waivers] == ["2027-01-24"], problems


def test_a_waiver_dated_after_the_gate_is_set_aside(tmp_path):
    """The rso signs a waiver but types `signed_at` 2027-01-15 so its 60 days run to 2027-03-15
    from then; at a gate run on 2027-01-14 it is set aside with the reason (before, it counted)."""
    w = make_world(tmp_path)
    ahead = dt.datetime(2027, 1, 15, 12, tzinfo=dt.UTC)
    waive_finding(w.load(), "CG702", "rso", w.signers["sam"], w.ring, "monitor wiring", dt.date(2027, 3, 15), at=ahead)
    waivers, problems = check_waivers(w.load(), w.ring, dt.date(2027, 1, 14))
    assert waivers == [] and problems == [
        "waiver waivers/CG702-1.dsse.json: is dated 2027-01-15, after the gate's date 2027-01-14; a waiver counts "
        "from when it was signed, so one dated ahead is set aside (sign it again, dated today)"], problems
    waivers, problems = check_waivers(w.load(), w.ring, dt.date(2027, 1, 15))
    assert [x.until for x in waivers] == ["2027-03-15"] and problems == []
