"""Signed confirmations of conditions: who may confirm (never the party that decided), checked
against the decision's own signed policy; each test is the lab trying to confirm its own
conditions."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from casegate.sign import (
    DECISION,
    check_confirmation,
    decider_of,
    iso,
    now_utc,
    sign_confirmation,
    sign_statement,
    statement,
    who_may_confirm,
)
from tests.sign.helpers import PEOPLE, World, make_world

CASE = "atlas-2-api"
COND = {"id": "C1", "text": "add a third classifier layer", "due": "2027-04-01"}
EVIDENCE = [{"evidence": "E-cyber-ctf", "version": 1, "sha256": "ab" * 32}]


def _policy(w: World, extra: str = "") -> str:
    text = (w.dir / "policy.yaml").read_text()
    if extra:
        anchor = "  product_role: product-lead\n"
        assert anchor in text
        text = text.replace(anchor, anchor + extra)
    return text


def _bundle(w: World, by: str, role: str, policy_text: str, signed_text: str | None = None) -> dict[str, Any]:
    """A decision bundle's decision envelope, signed by `by` in `role` under `signed_text` (the
    policy it signs; default the one it carries)."""
    key = w.ring.get(w.signers[by].public_key.keyid)
    assert key is not None
    sha = hashlib.sha256((signed_text if signed_text is not None else policy_text).encode()).hexdigest()
    pred = {"case": {"id": CASE}, "policy": {"sha256": sha}, "boundary": "api", "role": role,
            "person": key.person, "identity": key.identity, "keyid": key.keyid, "signed_at": iso(now_utc())}
    env = sign_statement(statement([{"name": f"case:{CASE}", "digest": {"sha256": "0" * 64}}], DECISION, pred),
                         w.signers[by])
    return {"kind": "decision-bundle", "decision": env, "policy": {"path": "policy.yaml", "text": policy_text}}


def _confirm(w: World, bundle: dict[str, Any], by: str, role: str) -> list[str]:
    at = now_utc()
    env = sign_confirmation(case_id=CASE, version=1, decision=7, condition=COND, evidence=EVIDENCE, role=role,
                            signer=w.signers[by], keyring=w.ring, at=at)
    decider = decider_of(bundle, w.ring, logged_at=iso(at), label="decision #7")
    signed, problems = check_confirmation(env, w.ring, logged_at=iso(at), label="confirmation", case_id=CASE,
                                          decision=7, condition_id="C1", condition_text=COND["text"], decider=decider)
    assert signed is not None
    return problems


def test_by_default_every_role_the_decider_holds_is_left_out(tmp_path: Path) -> None:
    """Attack: the rso who decided also holds a safety-lead key, and confirms with it."""
    w = make_world(tmp_path, {**PEOPLE, "sam2": ("Sam Whitfield", ["safety-lead"], "2026-01-01", "2028-12-31")},
                   authors_list=False)
    b = _bundle(w, "sam", "rso", _policy(w))
    decider = decider_of(b, w.ring, logged_at=None, label="decision #7")
    assert decider.identity == "sam-whitfield" and decider.roles == ("rso", "safety-lead")
    assert who_may_confirm(decider) == (["external-evaluator"], [])
    problems = _confirm(w, b, "sam2", "safety-lead")
    assert any("not let confirm conditions (allowed: external-evaluator)" in p for p in problems)
    assert any("Sam Whitfield, who signed the decision" in p for p in problems)
    # the safety lead's role is the decider's too, so Dana's confirmation does not count either
    assert any("not let confirm" in p for p in _confirm(w, b, "dana", "safety-lead"))
    assert _confirm(w, b, "priya", "external-evaluator") == []


def test_a_policy_that_names_the_deciders_role_still_leaves_the_decider_out(tmp_path: Path) -> None:
    w = make_world(tmp_path, authors_list=False)
    text = _policy(w, "  conditions_confirmed_by: [rso, safety-lead]\n")
    b = _bundle(w, "sam", "rso", text)
    assert who_may_confirm(decider_of(b, w.ring, logged_at=None, label="decision #7"))[0] == ["rso", "safety-lead"]
    problems = _confirm(w, b, "sam", "rso")
    assert problems == ["confirmation: is signed by Sam Whitfield, who signed the decision: the party that "
                        "decided does not confirm its own conditions"]
    assert _confirm(w, b, "dana", "safety-lead") == []
    assert _confirm(w, b, "pat", "rso") == []  # another holder of the rso role


def test_a_policy_swapped_into_the_bundle_after_signing_names_nobody(tmp_path: Path) -> None:
    """Attack: the lab edits the policy the bundle carries to let its own role confirm."""
    w = make_world(tmp_path, authors_list=False)
    honest = _policy(w)
    b = _bundle(w, "sam", "rso", _policy(w, "  conditions_confirmed_by: [product-lead]\n"), signed_text=honest)
    roles, nobody = who_may_confirm(decider_of(b, w.ring, logged_at=None, label="decision #7"))
    assert roles == [] and "not the one the decision was signed under" in nobody[0]
    assert any("not the one the decision was signed under" in p for p in _confirm(w, b, "pat", "product-lead"))


def test_an_empty_list_lets_nobody_confirm(tmp_path: Path) -> None:
    w = make_world(tmp_path, authors_list=False)
    b = _bundle(w, "sam", "rso", _policy(w, "  conditions_confirmed_by: []\n"))
    roles, nobody = who_may_confirm(decider_of(b, w.ring, logged_at=None, label="decision #7"))
    assert roles == [] and "lets no role confirm" in nobody[0]


def test_a_decision_without_a_signed_envelope_names_nobody(tmp_path: Path) -> None:
    w = make_world(tmp_path, authors_list=False)
    roles, nobody = who_may_confirm(decider_of(None, w.ring, logged_at=None, label="decision #7"))
    assert roles == [] and "who decided cannot be established" in nobody[0]
    assert "no keyring" in decider_of(None, None, logged_at=None, label="decision #7").problems[0]


def test_an_authors_colleague_does_not_confirm_from_outside_the_developer(tmp_path: Path) -> None:
    """Attack: the case's author works at Helios AI, the lab's product arm, which the policy does
    not list under `evidence.organisations`; Lee Park, a Helios AI safety lead, confirms the
    condition. An independent sign-off or attestation from Helios AI counts as the developer's (the
    authors' organisation is); a confirmation counted it as outside until the authors'
    organisations were the developer's here too."""
    from casegate.sign import sign_authors

    w = make_world(tmp_path, authors_list=False)
    orgs = {"Lee Park": "Helios AI", "Mira Chen": "Helios AI", "Sam Whitfield": "Acme Labs"}
    w.ring = w.ring.model_copy(update={"identities": [
        i.model_copy(update={"organisation": orgs.get(i.name, i.organisation)}) for i in w.ring.identities]})
    authors = sign_authors(w.load(), "safety-lead", w.signers["mira"], w.ring)
    b = _bundle(w, "sam", "rso", _policy(w))
    b["authors"] = [authors.envelope]
    problems = _confirm(w, b, "lee", "safety-lead")
    assert problems == ["confirmation: is signed by Lee Park of Helios AI, the developer's own organisation: by "
                        "default a condition is confirmed from outside the developer (a policy that trusts its "
                        "own roles to confirm names them under `signoff.conditions_confirmed_by`)"]
    assert _confirm(w, b, "priya", "external-evaluator") == []  # Northbridge Security stays outside
