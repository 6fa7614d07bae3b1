"""The board shows where each logged objection stands as the gate judges it (`resolve` under the
policy of the version the case stands on), never "answered" because some answer was logged."""

from __future__ import annotations

import re

from casegate.store import open_registry

from .conftest import BoardFixture, answer_env, approve, objection_env

CASE = "atlas-2-api"
REASON = "The CTF suite under-samples web exploitation."


def _escalating(board: BoardFixture) -> None:
    pol = board.case_dir / "policy.yaml"
    pol.write_text(pol.read_text().replace("  objections: block\n", "  objections: escalate\n  escalate_to: rso\n"
                                           "  answer_accepted_by: escalation\n", 1))


def _objection_row(html: str) -> str:
    m = re.search(r'<ul id="objections">(.*?)</ul>', html, re.S)
    assert m, html[:2000]
    return m.group(1)


def test_an_answer_by_a_role_that_may_not_answer_leaves_the_objection_escalated(board: BoardFixture) -> None:
    _escalating(board)
    approve(board)  # the case stands on the escalating policy
    c = board.client
    objection = objection_env(board, "Priya Natarajan", "external-evaluator", REASON)
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection}, headers=board.auth("external"))
    assert r.status_code == 201, r.text
    index = r.json()["index"]
    row = _objection_row(c.get(f"/cases/{CASE}", headers=board.auth("safety-lead")).text)
    assert "escalated to rso" in row and "sev-blocking" in row

    # the author "answers" and the objector accepts it (the board refuses both: an acceptance of
    # an answer that does not count closes nothing; logged by hand, as a registry written to
    # otherwise may hold them)
    bogus = answer_env(board, "Mira Chen", "author", objection, text="The suite is large enough.")
    reg = open_registry(board.database_url)
    reg.record("objection-answer", CASE, {"objection": index, "role": "author", "person": "Mira Chen",
                                          "kind": "answer", "answer": "The suite is large enough.",
                                          "envelope": bogus, "via": "api"})
    accept = answer_env(board, "Priya Natarajan", "external-evaluator", objection, kind="accept", accepts=bogus)
    r = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json={"envelope": accept},
               headers=board.auth("external"))
    assert r.status_code == 422 and "names no answer" in r.text, r.text
    reg.record("objection-answer", CASE, {"objection": index, "role": "external-evaluator",
                                          "person": "Priya Natarajan", "kind": "accept", "answer": None,
                                          "envelope": accept, "via": "api"})
    reg.close()
    for page in (f"/cases/{CASE}", f"/cases/{CASE}/review"):
        html = c.get(page, headers=board.auth("safety-lead")).text
        row = html.split('id="objections">', 1)[1].split("</ul>" if "/review" not in page else "</table>", 1)[0]
        assert "escalated to rso" in row and "sev-blocking" in row, (page, row)
        assert "the answer by Mira Chen as &#39;author&#39; does not count" in row, page
        logged = [r for r in row.split("<tr>") if "(as the case file declares it," not in r and "(in the case file," not in r]  # the case file's own list aside
        assert not any("answered" in r for r in logged), (page, row)

    # a real answer, accepted by the escalation role: answered, by the role that answered
    good = answer_env(board, "Dana Ortiz", "safety-lead", objection, text="Web exploitation is in E-web.")
    r = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json={"envelope": good},
               headers=board.auth("safety-lead"))
    assert r.status_code == 201, r.text
    row = _objection_row(c.get(f"/cases/{CASE}", headers=board.auth("safety-lead")).text)
    assert "escalated to rso" in row  # answered, but not accepted yet
    ok = answer_env(board, "Sam Whitfield", "rso", objection, kind="accept", accepts=good)
    r = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json={"envelope": ok}, headers=board.auth("rso"))
    assert r.status_code == 201, r.text
    row = _objection_row(c.get(f"/cases/{CASE}", headers=board.auth("safety-lead")).text)
    assert "answered by safety-lead (accepted by Sam Whitfield)" in row and "sev-advisory" in row
    assert "Web exploitation is in E-web." in row


def test_without_a_keyring_a_signed_objection_is_not_judged(board: BoardFixture) -> None:
    from fastapi.testclient import TestClient

    from casegate.web import Settings, create_app

    objection = objection_env(board, "Priya Natarajan", "external-evaluator", REASON)
    r = board.client.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection},
                          headers=board.auth("external"))
    assert r.status_code == 201, r.text
    tokens = board.case_dir.parent / "tokens.json"
    bare = TestClient(create_app(Settings(database_url=board.database_url, tokens=tokens, secret=b"s")))
    row = _objection_row(bare.get(f"/cases/{CASE}", headers=board.auth("safety-lead")).text)
    assert "not judged" in row and "no keyring" in row and "sev-blocking" in row
