"""A stored version the board cannot load (stored before `registry submit` refused artifacts
outside a version's own files) never takes the board down: the public page shows what it can
with a plain note and no server path, and objections, answers and sign-offs are still judged,
against the version the case stands on."""

from __future__ import annotations

import json
import re

import pytest

from casegate.load import load_case
from casegate.store import open_registry

from .conftest import BoardFixture, answer_env, approve, objection_env, statement_env

CASE = "atlas-2-api"


def _publish(board: BoardFixture) -> None:
    from casegate.publish import Salts, summary_inputs
    from casegate.sign import load_keyring
    from casegate.store import RegistrySalts
    from casegate.verify import judge_case

    loaded = load_case(board.case_dir / "case.yaml")
    assert loaded.case is not None
    reg = open_registry(board.database_url)
    # judged as the registry judges it, and recorded as `casegate publish` records it (its fresh
    # judgement logged where it differs from the approval's: its date, at least)
    from casegate.approve import record_published
    from casegate.monitor import comparison_for

    ring = load_keyring(board.case_dir / "keys" / "keyring.yaml")
    record = judge_case(loaded, ring, comparison=comparison_for(reg, loaded, keyring=ring)).record
    inputs = summary_inputs(loaded)  # what the summary is built from, and its judgement made from
    summary = inputs.build(record, salts=Salts(RegistrySalts(reg)))
    record_published(reg, record, json.loads(summary.model_dump_json()), version=reg.case_version(CASE).number,
                     judged={"keyring": ring.fingerprint(), "trust_root": None, "at": "2026-11-30T00:00:00Z"},
                     case=loaded.case, inputs=inputs)
    reg.close()


def _submit_unreadable(board: BoardFixture, monkeypatch: pytest.MonkeyPatch) -> int:
    """Store a version whose artifact path leaves its stored files, as `registry submit` once did."""
    monkeypatch.setattr("casegate.store._files._check_artifacts_stay_inside", lambda *a: None)
    ev = board.case_dir / "evidence.yaml"
    ev.write_text(ev.read_text().replace("artifact: evals/cyber-ctf.json", "artifact: ../elsewhere/cyber-ctf.json", 1))
    reg = open_registry(board.database_url)
    number = reg.submit_case(load_case(board.case_dir / "case.yaml", root=board.case_dir.parent)).number
    reg.close()
    monkeypatch.undo()
    return number


def _no_server_path(text: str) -> None:
    m = re.search(r"casegate-(version|web)-", text)
    assert not m, text[max(0, m.start() - 400):m.end() + 200] if m else ""


def test_public_page_shows_what_it_can_when_the_latest_version_does_not_load(
        board: BoardFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    approve(board)
    _publish(board)
    n = _submit_unreadable(board, monkeypatch)
    r = board.client.get(f"/public/cases/{CASE}")
    assert r.status_code == 200, r.text[:500]
    _no_server_path(r.text)
    assert f"Version {n} of this case does not load from its stored files" in r.text
    assert 'id="history"' in r.text  # the rest of the page is there
    for url in (f"/cases/{CASE}", f"/cases/{CASE}/review", f"/api/v1/cases/{CASE}/evidence"):
        page = board.client.get(url, headers=board.auth("rso"))
        assert page.status_code == 200, (url, page.text[:500])
        _no_server_path(page.text)


def test_dissent_is_judged_against_the_approved_version_when_the_latest_does_not_load(
        board: BoardFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    approve(board)
    approved_signoff = statement_env(board, "Priya Natarajan", "external-evaluator",
                                     "https://casegate.dev/signoff/v1")
    _submit_unreadable(board, monkeypatch)
    c = board.client
    env = objection_env(board, "Priya Natarajan", "external-evaluator", "The CTF suite under-samples web exploitation.")
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": env}, headers=board.auth("external"))
    assert r.status_code == 201, r.text
    index = r.json()["index"]
    # signed over the version that does not load: which version it is cannot be told, so it names none
    with open_registry(board.database_url) as reg:
        assert next(e for e in reg.events(case_id=CASE, kind="objection") if e.index == index).payload["version"] is None
    ans = answer_env(board, "Dana Ortiz", "safety-lead", env, text="Web exploitation is covered by E-web.")
    r = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json={"envelope": ans},
               headers=board.auth("safety-lead"))
    assert r.status_code == 201, r.text
    # a sign-off of the approved version is judged against it; nothing is refused for the broken one
    r = c.post(f"/api/v1/cases/{CASE}/signoffs", json={"envelope": approved_signoff}, headers=board.auth("external"))
    assert r.status_code == 201, r.text
    assert r.json()["kind"] == "signoff"


def test_error_bodies_name_no_server_temp_folder() -> None:
    import tempfile

    from casegate.web._views import scrub_paths

    text = f"artifact 'x' is outside the case's root folder '{tempfile.gettempdir()}/casegate-version-ab12/case'"
    assert "casegate-version" not in scrub_paths(text) and "<stored version>" in scrub_paths(text)
