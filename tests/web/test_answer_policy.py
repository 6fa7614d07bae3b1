"""Answers to objections are judged under the policy of the version the case stands on: a later,
unapproved version cannot hand the lab's own escalation role the power to accept an external
reviewer's objection; nor does the open-objections view trust such an acceptance."""

from __future__ import annotations

from casegate.load import load_case
from casegate.store import open_objections, open_registry

from .conftest import BoardFixture, answer_env, approve, objection_env

CASE = "atlas-2-api"
REASON = "The CTF suite under-samples web exploitation."


def _escalating_policy(board: BoardFixture) -> None:
    pol = board.case_dir / "policy.yaml"
    pol.write_text(pol.read_text().replace("  objections: block\n",
                                           "  objections: escalate\n  escalate_to: rso\n"
                                           "  answer_accepted_by: escalation\n", 1))
    reg = open_registry(board.database_url)
    reg.submit_case(load_case(board.case_dir / "case.yaml"))
    reg.close()


def test_an_unapproved_policy_cannot_let_the_rso_accept_an_objection(board: BoardFixture) -> None:
    approve(board)
    c = board.client
    objection = objection_env(board, "Priya Natarajan", "external-evaluator", REASON)
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection}, headers=board.auth("external"))
    assert r.status_code == 201, r.text
    index = r.json()["index"]
    _escalating_policy(board)  # the lab's next version, not approved
    answer = answer_env(board, "Dana Ortiz", "safety-lead", objection, text="Web exploitation is in E-web.")
    r = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json={"envelope": answer},
               headers=board.auth("safety-lead"))
    assert r.status_code == 201, r.text
    accept = answer_env(board, "Sam Whitfield", "rso", objection, kind="accept", accepts=answer)
    r = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json={"envelope": accept}, headers=board.auth("rso"))
    assert r.status_code == 403, r.text
    reg = open_registry(board.database_url)
    try:
        assert [e.index for e in open_objections(reg, CASE)] == [index]
        # an acceptance by someone the governing policy does not let accept, logged anyway
        reg.record("objection-answer", CASE, {"objection": index, "role": "rso", "person": "Sam Whitfield",
                                              "kind": "accept", "answer": None, "envelope": accept, "via": "api"})
        assert [e.index for e in open_objections(reg, CASE)] == [index]
        assert open_objections(reg, CASE, escalate_to="rso") == []  # a policy that lets the rso accept
    finally:
        reg.close()
