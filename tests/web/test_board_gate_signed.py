"""The review board's gate run judges a stored version exactly as `casegate gate` judges the case
file: a sign-off line counts only when its envelope, stored with the version, verifies against
the keyring; every other line is "declared, not signed" (CG510). SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from casegate.load import load_case
from casegate.store import open_registry

from .conftest import BoardFixture, approve, cli

CASE = "atlas-2-api"


def _board_gate(board: BoardFixture) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    r = board.client.post(f"/api/v1/cases/{CASE}/gate", headers=board.auth("rso"))
    assert r.status_code == 200, r.text
    findings = board.client.get(f"/api/v1/cases/{CASE}/findings", headers=board.auth("rso")).json()
    return r.json(), findings


def _cli_gate(board: BoardFixture, day: dt.date) -> dict[str, Any]:
    r = cli("gate", "case.yaml", "--keyring", "keys/keyring.yaml", "--db", board.database_url,
            "--at", day.isoformat(), "--format", "json", cwd=board.case_dir)
    assert r.returncode in (0, 1), r.stderr
    return dict(json.loads(r.stdout))


def _blocking(findings: list[dict[str, Any]]) -> list[str]:
    return sorted(f["code"] for f in findings if f.get("blocking") or f.get("severity") == "blocking")


def test_board_gate_on_a_version_without_envelopes_counts_no_declared_line(board: BoardFixture) -> None:
    # the example's sign-off lines are plain YAML: nobody signed them
    run, findings = _board_gate(board)
    assert run["outcome"] == "NO-GO"
    assert len(run["signoffs_declared_not_signed"]) == 3, run
    cg510 = [f for f in findings if f["code"] == "CG510"]
    assert {p for f in cg510 for p in ("Dana Ortiz", "Sam Whitfield", "Priya Natarajan") if p in f["message"]} \
        == {"Dana Ortiz", "Sam Whitfield", "Priya Natarajan"}, cg510


def test_board_gate_on_a_signed_stored_version_decides_as_the_cli_gate(board: BoardFixture) -> None:
    approve(board)  # signs the three roles and the authors list, and submits the signed version
    reg = open_registry(board.database_url)
    stored = reg.case_version(CASE, None, contents=False)
    reg.close()
    envelopes = sorted(f.path for f in stored.files if f.role == "envelope")
    assert any(p.startswith("signoffs/") for p in envelopes) and any(p.startswith("authors/") for p in envelopes)
    day = dt.date.today()
    run, findings = _board_gate(board)
    cli_doc = _cli_gate(board, day)
    assert run["signoffs_declared_not_signed"] == [] == cli_doc["signoffs_declared_not_signed"]
    assert "CG510" not in {f["code"] for f in findings}
    assert run["outcome"] == cli_doc["outcome"]
    assert _blocking(findings) == _blocking(cli_doc["findings"])


def test_a_hand_added_unsigned_line_is_cg510_on_the_board_too(board: BoardFixture) -> None:
    approve(board)
    case = board.case_dir / "case.yaml"
    text = case.read_text()
    anchor = "  signoffs:\n"
    assert anchor in text
    case.write_text(text.replace(anchor, anchor + "    - {role: ciso, person: Hana Sato, date: 2026-11-22}\n", 1))
    reg = open_registry(board.database_url)
    reg.submit_case(load_case(case))
    reg.close()
    run, findings = _board_gate(board)
    assert run["outcome"] == "NO-GO"
    assert [d for d in run["signoffs_declared_not_signed"] if d.startswith("Hana Sato (ciso)")], run
    cg510 = [f for f in findings if f["code"] == "CG510"]
    assert len(cg510) == 1 and "Hana Sato" in cg510[0]["message"]
    cli_doc = _cli_gate(board, dt.date.today())
    assert cli_doc["outcome"] == "NO-GO"
    assert [f for f in cli_doc["findings"] if f["code"] == "CG510" and "Hana Sato" in f["message"]]


def test_a_version_whose_envelope_was_swapped_is_judged_on_the_stored_bytes(board: BoardFixture,
                                                                          tmp_path: Path) -> None:
    """The stored version keeps the envelope bytes it was submitted with: changing the working
    copy's envelope afterwards does not change what the board's gate reads."""
    approve(board)
    env = next((board.case_dir / "signoffs").glob("*.dsse.json"))
    env.write_text("{}")  # the working copy's envelope no longer verifies
    run, findings = _board_gate(board)
    assert run["signoffs_declared_not_signed"] == [], run
    cli_doc = _cli_gate(board, dt.date.today())  # the working copy: that line is declared, not signed
    assert len(cli_doc["signoffs_declared_not_signed"]) == 1


def test_a_board_gate_run_names_no_server_folder_in_the_log_or_on_the_page(board: BoardFixture) -> None:
    """Reason: the board writes a stored version out to a private folder to read it; its own gate
    run's findings pointed into that folder, and the log and the case page named it."""
    import tempfile

    run, findings = _board_gate(board)
    tmp = tempfile.gettempdir()
    located = [f["location"]["file"] for f in findings if f.get("location")]
    assert located and not any(p.startswith(tmp) for p in located), located
    assert "case.yaml" in located
    reg = open_registry(board.database_url)
    try:
        decision = reg.events(CASE, "decision")[-1]
        text = json.dumps(decision.payload)
        assert "casegate-web-" not in text, text[max(0, text.find("casegate-web-") - 200):][:300]
        assert "evals/bio-uplift.json" in text  # named as the case names it
    finally:
        reg.close()
    page = board.client.get(f"/cases/{CASE}", headers=board.auth("rso"))
    assert page.status_code == 200 and tmp + "/casegate-web-" not in page.text
