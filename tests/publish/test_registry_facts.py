"""`casegate publish --db`: a publication recorded in the registry is of a version the registry
stores (the files' digests must match one), and its summary states what the registry holds and
the files may not: the objections logged there (open or answered) and an interrupted approval."""

from __future__ import annotations

import json
from pathlib import Path

from casegate.store import open_registry
from tests.web.conftest import BoardFixture, board, cli, objection_env  # noqa: F401 (the fixture)

OBJECTION = "The red-team budget was cut by half before the final uplift trials."


def _publish(b: BoardFixture, out: Path) -> tuple[int, str, str]:
    r = cli("publish", "case.yaml", "--keyring", "keys/keyring.yaml", "--unpinned", "--db", b.database_url, "--out", str(out),
            cwd=b.case_dir)
    return r.returncode, r.stdout, r.stderr


def _publications(b: BoardFixture) -> list[dict[str, object]]:
    with open_registry(b.database_url) as reg:
        return [e.payload for e in reg.events(case_id=b.case_id, kind="publication")]


def test_publication_of_files_the_registry_does_not_store_is_refused(board: BoardFixture, tmp_path: Path) -> None:  # noqa: F811
    """The developer edits the evidence and drops an objection locally: nothing is published or
    recorded as the registry's version."""
    case = board.case_dir / "case.yaml"
    text = case.read_text()
    start = text.index("  objections:\n")
    end = text.index("answered_by: safety-lead", start) + len("answered_by: safety-lead\n")
    case.write_text(text[:start] + "  objections: {}\n" + text[end:])
    rc, out, err = _publish(board, tmp_path / "pub")
    assert rc == 2, out + err
    assert "none with these files" in err and "Traceback" not in err
    assert not (tmp_path / "pub").exists() and _publications(board) == []
    case.write_text(text)  # the stored version's files again: recorded, as that version
    rc, out, err = _publish(board, tmp_path / "pub")
    assert rc == 0, err
    assert [p["version"] for p in _publications(board)] == [1]


def test_the_summary_states_registry_objections_and_a_reopened_case(board: BoardFixture, tmp_path: Path) -> None:  # noqa: F811
    rc, _out, err = _publish(board, tmp_path / "before")
    assert rc == 0, err
    before = (tmp_path / "before" / "summary.json").read_bytes()
    assert "lifecycle" not in json.loads(before)["case"]
    r = board.client.post(f"/api/v1/cases/{board.case_id}/objections",
                          json={"envelope": objection_env(board, "Priya Natarajan", "external-evaluator", OBJECTION,
                                                          oid="O-9")},
                          headers=board.auth("external"))
    assert r.status_code == 201, r.text
    with open_registry(board.database_url) as reg:
        reg.set_case_state(board.case_id, "reopened", {"type": "manual", "by": "Sam Whitfield",
                                                       "reason": "an incident"})
    rc, _out, err = _publish(board, tmp_path / "after")
    assert rc == 0, err
    s = json.loads((tmp_path / "after" / "summary.json").read_text())
    logged = [o for o in s["dissent"]["objections"] if o["id"].startswith("log-")]
    assert [(o["role"], o["person"], o["status"]) for o in logged] == [
        ("external-evaluator", "Priya Natarajan", "open")]
    assert OBJECTION not in json.dumps(s)  # its text carries no level: not shown to the public
    assert s["case"]["lifecycle"]["state"] == "reopened"
    md = (tmp_path / "after" / "summary.md").read_text()
    assert "The registry has reopened this case" in md and "Priya Natarajan" in md
    assert "The registry has reopened this case" in (tmp_path / "after" / "summary.html").read_text()
    # the board's newest publication is this one
    assert _publications(board)[-1]["summary"]["case"]["lifecycle"]["state"] == "reopened"  # type: ignore[index]


def test_an_unchanged_case_publishes_the_same_bytes(board: BoardFixture, tmp_path: Path) -> None:  # noqa: F811
    """With no registry fact the files lack, the summary is what publishing without the registry
    writes (salts aside: both runs draw fresh ones, so the committed fields are compared apart)."""
    rc, _out, err = _publish(board, tmp_path / "db")
    assert rc == 0, err
    r = cli("publish", "case.yaml", "--keyring", "keys/keyring.yaml", "--salt-store", str(tmp_path / "salts.json"),
            "--out", str(tmp_path / "files"), cwd=board.case_dir)
    assert r.returncode == 0, r.stderr
    a, b = (json.loads((tmp_path / d / "summary.json").read_text()) for d in ("db", "files"))
    assert a["case"] == b["case"] and a["dissent"] == b["dissent"]


def test_an_objection_the_gate_holds_open_is_not_published_as_answered(board: BoardFixture, tmp_path: Path) -> None:  # noqa: F811
    """Reason: an answer by someone the policy does not let answer (an author of the case) was
    logged and the objector accepted it; the registry's own record of acceptances closed the
    objection, and the public summary called it answered while the gate, judging the signed
    statements under the policy, held it open."""
    from tests.web.conftest import answer_env

    objection = objection_env(board, "Priya Natarajan", "external-evaluator", OBJECTION, oid="O-9")
    r = board.client.post(f"/api/v1/cases/{board.case_id}/objections", json={"envelope": objection},
                          headers=board.auth("external"))
    assert r.status_code == 201, r.text
    index = r.json()["index"]
    answer = answer_env(board, "Mira Chen", "author", objection, text="The budget cut did not matter.")
    accept = answer_env(board, "Priya Natarajan", "external-evaluator", objection, kind="accept", accepts=answer)
    with open_registry(board.database_url) as reg:
        for env, role, person, kind in ((answer, "author", "Mira Chen", "answer"),
                                        (accept, "external-evaluator", "Priya Natarajan", "accept")):
            reg.record("objection-answer", board.case_id, {"objection": index, "role": role, "person": person,
                                                           "kind": kind, "answer": None, "envelope": env, "via": "api"})
    rc, _out, err = _publish(board, tmp_path / "pub")
    assert rc == 0, err
    s = json.loads((tmp_path / "pub" / "summary.json").read_text())
    assert [o["status"] for o in s["dissent"]["objections"] if o["id"] == f"log-{index}"] == ["open"]


def test_an_artifact_rewritten_after_submission_is_not_the_stored_version(board: BoardFixture, tmp_path: Path) -> None:  # noqa: F811
    """The developer rewrites an evidence artifact after the version was stored and leaves the
    case's pinned digest as it was: the version is matched on the bytes this run read, not on
    the digest the case declares, so nothing is recorded as the registry's version."""
    report = board.case_dir / "reports" / "weights-audit.md"
    original = report.read_bytes()
    report.write_bytes(original + b"\nAll findings were closed.\n")
    rc, out, err = _publish(board, tmp_path / "pub")
    assert rc == 2, out + err
    assert "none with these files" in err and "Traceback" not in err
    assert not (tmp_path / "pub").exists() and _publications(board) == []
    report.write_bytes(original)
    rc, out, err = _publish(board, tmp_path / "pub")
    assert rc == 0, err
    assert [p["version"] for p in _publications(board)] == [1]
