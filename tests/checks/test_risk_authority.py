"""CG417: residual-risk owners, stop authorities and acceptors are roles keyring identities hold,
and acceptance is a check on the owner (never someone who also holds the owner's role, the product
role, or a role the policy keeps apart from the owner's)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate._record import replace
from casegate.checks import check_case
from casegate.evidence import rehash_artifacts
from casegate.load import Loaded, load_case
from casegate.model import AuthorityCheck, UnsignedSignoff
from casegate.sign import load_keyring
from casegate.verify import role_holders, signed_signoffs, with_authority

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "rules" / "CG417" / "good"
TODAY = dt.date(2026, 11, 27)
AT = dt.datetime(2026, 11, 27, 23, 59, tzinfo=dt.UTC)
"""The fixture: owner head-of-safeguards, stop authority rso, acceptor rso."""


def _cg417(loaded: Loaded) -> list[str]:
    report = check_case(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    return [f.message for f in report.findings if f.code == "CG417"]


def _with(holders: dict[str, list[str]], *, keyring: str | None = "ring", separate: list[list[str]] | None = None) -> Loaded:
    loaded = load_case(GOOD / "case.yaml")
    if separate is not None:
        assert loaded.policy is not None
        so = loaded.policy.signoff.model_copy(update={"separate": separate})
        loaded = replace(loaded, policy=loaded.policy.model_copy(update={"signoff": so}))
    return replace(loaded, authority=AuthorityCheck(keyring=keyring, holders=holders))


def _signed_by(loaded: Loaded, person: str, role: str) -> Loaded:
    """`loaded` with a sign-off line of `person` in `role` (counted: the gate keeps only signed lines)."""
    assert loaded.case is not None
    d = loaded.case.decision
    line = d.signoffs[0].model_copy(update={"person": person, "role": role, "relies_on": []})
    case = loaded.case.model_copy(update={"decision": d.model_copy(update={"signoffs": [*d.signoffs, line]})})
    return replace(loaded, case=case)


def _accepted_by(loaded: Loaded, role: str) -> Loaded:
    """`loaded` with every residual risk accepted by `role` (the case's word)."""
    assert loaded.case is not None
    rr = {k: v.model_copy(update={"accepted_by": role}) for k, v in loaded.case.residual_risk.items()}
    return replace(loaded, case=loaded.case.model_copy(update={"residual_risk": rr}))


def test_roles_held_by_distinct_people_pass() -> None:
    assert _cg417(_with({"head-of-safeguards": ["Ravi Menon"], "rso": ["Sam Whitfield"]})) == []


def test_a_role_nobody_holds_is_reported() -> None:
    got = _cg417(_with({"rso": ["Sam Whitfield"]}))
    assert got == ["the owner of the residual risk on `cyber-ransomware` is `head-of-safeguards`, a role no "
                   "identity in the keyring `ring` holds"]


@pytest.mark.parametrize(("also", "why"), [
    ("head-of-safeguards", "the owner's own role"),
    ("product-lead", "the product role"),
])
def test_an_acceptor_who_also_holds_a_barred_role_is_no_check(also: str, why: str) -> None:
    holders = {"head-of-safeguards": ["Ravi Menon"], "rso": ["Sam Whitfield"], also: ["Sam Whitfield", "Ravi Menon"]}
    got = _cg417(_with(holders))
    if also == "product-lead":  # the rso is the stop authority too: it stops with product leadership
        stop = [m for m in got if "can stop the deployment" in m]
        assert len(stop) == 1 and "Sam Whitfield also holds product-lead" in stop[0]
        got = [m for m in got if m not in stop]
    assert len(got) == 1 and "nobody who holds `rso` can accept" in got[0] and f"Sam Whitfield also holds {also}" in got[0], why
    # a second rso holding neither is the check, once she signs as rso
    holders["rso"] = ["Sam Whitfield", "Ida Lund"]
    got = _cg417(_with(holders))
    assert len(got) == 1 and "nobody who may accept it (Ida Lund) signed the case as `rso`" in got[0], got
    assert _cg417(_signed_by(_with(holders), "Ida Lund", "rso")) == []


def test_the_policy_separations_bind_the_acceptor() -> None:
    holders = {"head-of-safeguards": ["Ravi Menon"], "rso": ["Sam Whitfield"], "ciso": ["Sam Whitfield"]}
    assert _cg417(_with(holders, separate=[])) == []
    got = _cg417(_with(holders, separate=[["head-of-safeguards", "ciso"]]))
    assert len(got) == 1 and "Sam Whitfield also holds ciso" in got[0]


def test_without_a_keyring_nothing_is_established() -> None:
    got = _cg417(_with({}, keyring=None))
    assert len(got) == 3 and all("cannot be established: no keyring was given" in m for m in got)


def test_no_check_made_means_no_finding() -> None:
    """A case built or checked without an authority check (a preview) gets no CG417 or CG510."""
    loaded = load_case(GOOD / "case.yaml")
    report = check_case(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    assert not [f for f in report.findings if f.code in ("CG417", "CG510")]


def test_holders_come_from_valid_keys_only() -> None:
    ring = load_keyring(GOOD / "keyring.yaml")
    assert role_holders(ring, AT)["head-of-safeguards"] == ["Ravi Menon"]
    assert "head-of-safeguards" not in role_holders(ring, dt.datetime(2029, 6, 1, tzinfo=dt.UTC))  # expired


def test_the_signoff_check_names_each_unsigned_line() -> None:
    ring = load_keyring(GOOD / "keyring.yaml")
    loaded = load_case(GOOD / "case.yaml")
    check = signed_signoffs(loaded, ring, AT)
    assert check.signed_case.authority is not None
    assert check.signed_case.authority.unsigned == [
        UnsignedSignoff(index=i, person=p, role=r, why="no envelope (sign it with `casegate sign`)")
        for i, (p, r) in enumerate([("Dana Ortiz", "safety-lead"), ("Sam Whitfield", "rso"),
                                    ("Priya Natarajan", "external-evaluator")])]
    # with_authority keeps every line in the case, and carries the same check
    kept = with_authority(loaded, ring, AT)
    assert kept.case == loaded.case and kept.authority == check.signed_case.authority


def test_an_acceptance_typed_for_a_role_whose_holder_never_signed_is_refused() -> None:
    """The lab names as acceptor a role someone in the keyring holds (the CISO) who never signed the
    case: the acceptance was the author's word. Only the holder's own sign-off in the role makes it."""
    holders = {"head-of-safeguards": ["Ravi Menon"], "rso": ["Sam Whitfield"], "ciso": ["Hana Sato"]}
    loaded = _accepted_by(_with(holders), "ciso")
    assert loaded.policy is not None and "ciso" in loaded.policy.known_roles()
    got = _cg417(loaded)
    assert got == ["the residual risk on `cyber-ransomware` is said to be accepted by `ciso`, but nobody who may "
                   "accept it (Hana Sato) signed the case as `ciso`: an acceptance the case types for someone is "
                   "the author's word, not theirs"]
    # someone else signing as ciso (a name the keyring does not give the role) is not the acceptor's act
    assert len(_cg417(_signed_by(loaded, "Sam Whitfield", "ciso"))) == 1
    # the holder's sign-off in the role is the acceptance (her name matched as the keyring spells people)
    assert _cg417(_signed_by(loaded, "hana  SATO", "ciso")) == []


def test_an_acceptor_s_missing_sign_off_in_a_required_role_is_said_once_by_cg501() -> None:
    """With no counted line in `rso` at all (a role the boundary requires), CG501 reports the missing
    sign-off; CG417 does not repeat it for every residual risk the rso accepts."""
    loaded = _with({"head-of-safeguards": ["Ravi Menon"], "rso": ["Sam Whitfield"]})
    assert loaded.case is not None
    d = loaded.case.decision
    kept = [s for s in d.signoffs if s.role != "rso"]
    case = loaded.case.model_copy(update={"decision": d.model_copy(update={"signoffs": kept})})
    report = check_case(replace(loaded, case=case), today=TODAY, artifacts=rehash_artifacts(loaded))
    assert [f.code for f in report.findings if f.code in ("CG417", "CG501")] == ["CG501"]


def _stopped_by(loaded: Loaded, role: str) -> Loaded:
    """`loaded` with every residual risk's stop authority `role` (the case's word)."""
    assert loaded.case is not None
    rr = {k: v.model_copy(update={"stop_authority": role}) for k, v in loaded.case.residual_risk.items()}
    return replace(loaded, case=loaded.case.model_copy(update={"residual_risk": rr}))


def _codes(loaded: Loaded, *codes: str) -> list[str]:
    report = check_case(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    return [f"{f.code} {f.message}" for f in report.findings if f.code in codes]


def test_the_product_role_as_stop_authority_is_refused() -> None:
    """The lab names product leadership, which carries the launch incentive, as the one who stops
    the deployment: CG415 refuses it whoever holds the role."""
    holders = {"head-of-safeguards": ["Ravi Menon"], "rso": ["Sam Whitfield"], "product-lead": ["Ada Park"]}
    got = _codes(_stopped_by(_with(holders), "product-lead"), "CG415", "CG417")
    assert got == ["CG415 the authority to stop the deployment over the residual risk on `cyber-ransomware` is the "
                   "product role `product-lead`, the role with the launch incentive"]
    assert _codes(_with(holders), "CG415", "CG417") == []  # the RSO stops


def test_a_stop_role_held_only_by_product_leadership_is_refused() -> None:
    """The lab names a stop role that only the product lead holds in the keyring (the stop with
    product leadership under another name): CG417 refuses it until someone outside product holds it."""
    holders = {"head-of-safeguards": ["Ravi Menon"], "rso": ["Sam Whitfield"], "ciso": ["Ada Park"],
               "product-lead": ["Ada Park"]}
    got = _codes(_stopped_by(_with(holders), "ciso"), "CG415", "CG417")
    assert got == ["CG417 nobody who holds `ciso` can stop the deployment over the residual risk on `cyber-ransomware` "
                   "apart from the product role `product-lead`: Ada Park also holds product-lead"]
    holders["ciso"] = ["Ada Park", "Hana Sato"]
    assert _codes(_stopped_by(_with(holders), "ciso"), "CG415", "CG417") == []
