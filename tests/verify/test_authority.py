"""Separation of authority as the policy states it: a table of sign-off sets and the reasons."""

from __future__ import annotations

import pytest

from casegate.model import BoundaryKind, RoleRequirement, SignoffPolicy
from casegate.verify import authority_problems, required_roles

API = BoundaryKind.api
POLICY = SignoffPolicy(
    required={
        BoundaryKind.trusted_access: [RoleRequirement(role="safety-lead")],
        BoundaryKind.api: [RoleRequirement(role="safety-lead"), RoleRequirement(role="rso"),
                           RoleRequirement(role="external-evaluator", min=2)],
    },
    separate=[["product-lead", "rso"], ["safety-lead", "external-evaluator"]],
    product_role="product-lead",
)
GOOD = [("Dana", "safety-lead", "k1"), ("Sam", "rso", "k2"), ("Priya", "external-evaluator", "k3"),
        ("Omar", "external-evaluator", "k4")]


def test_required_roles_fall_back_to_nearest_narrower():
    assert [r.role for r in required_roles(POLICY, BoundaryKind.consumer)] == [
        "safety-lead", "rso", "external-evaluator"]
    assert [r.role for r in required_roles(POLICY, BoundaryKind.trusted_access)] == ["safety-lead"]
    assert required_roles(POLICY, BoundaryKind.internal_deployment) is None


@pytest.mark.parametrize("signoffs,boundary,expected", [
    (GOOD, API, []),
    (GOOD[:3], API, ["role external-evaluator needs 2 distinct people; only 1 counted (Priya)"]),
    # the same person twice, with two keys, does not reach a count of two
    (GOOD[:3] + [("Priya", "external-evaluator", "k9")], API,
     ["role external-evaluator needs 2 distinct people; only 1 counted (Priya): Priya signed 2 times "
      "with different keys; one person counts once"]),
    # one person holding two required roles counts for one of them only
    ([("Dana", "safety-lead", "k1"), ("Dana", "rso", "k5")] + GOOD[2:], API,
     ["role rso needs 1 distinct person; only 0 counted (Dana): Dana already counts for safety-lead; "
      "one person counts once"]),
    # roles the policy keeps apart
    (GOOD + [("Sam", "product-lead", "k6")], API,
     ["Sam signed as product-lead and rso, roles the policy keeps separate"]),
    ([("Pat", "product-lead", "k7")], BoundaryKind.trusted_access,
     ["role safety-lead needs 1 distinct person; no valid sign-off in that role",
      "only the product role (product-lead) signed; product leadership cannot approve alone"]),
    (GOOD, BoundaryKind.internal_deployment,
     ["the policy names no roles that must sign for internal-deployment or any narrower boundary; "
      "with no required signers nothing can be approved (fail closed)"]),
])
def test_authority_table(signoffs, boundary, expected):
    assert authority_problems(signoffs, POLICY, boundary, authors=[]) == expected


def test_matching_finds_an_assignment_when_one_exists():
    """Dana holds both roles; Sam only rso: Dana must count as safety-lead, Sam as rso."""
    s = [("Sam", "rso", "k2"), ("Dana", "rso", "k5"), ("Dana", "safety-lead", "k1"),
         ("Priya", "external-evaluator", "k3"), ("Omar", "external-evaluator", "k4")]
    assert authority_problems(s, POLICY, API, authors=[]) == []


def test_authors_cannot_sign():
    assert authority_problems(GOOD, POLICY, API, authors=["Omar"]) == ["Omar wrote the case and cannot sign it off"]


OUTSIDE = SignoffPolicy(required={API: [RoleRequirement(role="safety-lead"),
                                        RoleRequirement(role="external-evaluator", min=2, independent=True)]})
ORGS = {"Dana": "Acme Labs", "Priya": "Northbridge Security", "Lena": "Halden Assurance", "Omar": "Acme Labs"}
SIGNED = [("Dana", "safety-lead", "k1"), ("Priya", "external-evaluator", "k3"), ("Lena", "external-evaluator", "k4")]


@pytest.mark.parametrize("signoffs,orgs,developer,expected", [
    (SIGNED, ORGS, ["acme-labs"], []),
    # the lab's own employee holding the outside evaluator's role, as the keyring the lab writes says
    (SIGNED[:2] + [("Omar", "external-evaluator", "k5")], ORGS, ["acme-labs"],
     ["role external-evaluator needs 2 distinct people from outside the developer's organisations; only 1 "
      "counted: Omar is from Acme Labs, the developer's own organisation"]),
    # no organisation on record for the signer, or none known for the developer: nobody counts
    (SIGNED, {**ORGS, "Lena": None}, ["acme-labs"],
     ["role external-evaluator needs 2 distinct people from outside the developer's organisations; only 1 "
      "counted: the keyring records no organisation for Lena"]),
    (SIGNED, ORGS, [],
     ["role external-evaluator needs 2 distinct people from outside the developer's organisations; only 0 "
      "counted: the developer's organisations are unknown (the policy names none under "
      "`evidence.organisations` and no author's identity has one)"]),
    (SIGNED, None, ["acme-labs"],
     ["role external-evaluator needs 2 distinct people from outside the developer's organisations; only 0 "
      "counted: the organisation of Lena is not established; the organisation of Priya is not established"]),
])
def test_an_independent_role_counts_only_people_outside_the_developer(signoffs, orgs, developer, expected):
    assert authority_problems(signoffs, OUTSIDE, API, [], organisations=orgs, developer=developer) == expected
