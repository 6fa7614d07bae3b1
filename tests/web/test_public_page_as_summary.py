"""The review board's public page of a case shows what its published summary says about the
decision and the dissent: what the boundary lacks, the conditions and their due dates, the
defeaters the gate does not take as answered, and which sign-offs were only declared. A lab whose
summary is honest but unflattering gains nothing from readers who stop at the board's page."""

from __future__ import annotations

import html
import json
import re

from casegate.approve import judged_found
from casegate.load import load_case
from casegate.publish import Salts, build_summary
from casegate.store import (
    MemorySaltStore,
    json_sha256,
    open_registry,
    record_judgement,
    record_publication,
)

from .conftest import BoardFixture

CASE = "atlas-2-api"
JUDGED = {"keyring": "sha256:" + "0" * 64, "trust_root": None, "at": "2026-11-27T00:00:00Z"}


def _publish_unattested(board: BoardFixture) -> dict:  # type: ignore[type-arg]
    """The summary of atlas-api judged without a keyring: NO-GO, its sandbagging defeaters marked
    `answered` by the case while the gate finds the answer rests on nothing (CG805)."""
    from casegate.gate import run_gate

    reg = open_registry(board.database_url)
    loaded = load_case(board.case_dir / "case.yaml")
    assert loaded.case is not None
    record = run_gate(loaded)
    s = json.loads(build_summary(loaded.case, record, salts=Salts(MemorySaltStore()),
                                 policy=loaded.policy).model_dump_json())
    version = reg.case_version(CASE).number
    record_judgement(reg, CASE, version=version, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())), judged=JUDGED,
                     found=judged_found(record, loaded.case, policy=loaded.policy))
    record_publication(reg, CASE, s, version=version)
    reg.close()
    return s  # type: ignore[no-any-return]


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)))


def test_the_public_page_shows_the_contested_defeaters_lacks_and_conditions(board: BoardFixture) -> None:
    s = _publish_unattested(board)
    contested = s["dissent"]["contested"]
    assert set(contested) == {"/argument/elements/D1", "/argument/elements/D2"}
    assert s["decision"]["lacks"]
    r = board.client.get(f"/public/cases/{CASE}")
    assert r.status_code == 200
    page = _text(r.text)
    # the defeaters, with the gate's word beside the case's
    for d in ("D1", "D2"):
        assert re.search(rf"Defeater {d} \(sandbagging\) against G\d \(answered\): .*?the gate does not take it as "
                         r"answered: CG805 sandbagging-answer-without-evidence", page), d
    # what the boundary lacks, each line (withheld ones marked as the summary marks them)
    assert page.count("Lacks: ") == len(s["decision"]["lacks"])
    assert page.count("Lacks: (withheld: concerns redacted content)") == \
        s["decision"]["lacks"].count("(withheld: concerns redacted content)")
    # the conditions (a NO-GO states none), with their due dates, withheld ones said to be withheld
    for c in s["decision"]["conditions"]:
        assert f"{c['id']} ({c['cause']}" in page
        if c.get("due"):
            assert f"due {c['due']}" in page
    withheld = sum(1 for c in s["decision"]["conditions"] if c["withheld"])
    assert page.count("withheld: ") >= withheld
    n = s["decision"]["counts"]
    assert (f"Findings: {n['blocking']} blocking, {n['condition']} condition, {n['advisory']} advisory, "
            f"{n['waived']} waived.") in page
    # and how many of them the summary withholds the words of, by severity
    withheld = [f["severity"] for f in s["decision"]["findings"] if f["withheld"] and not f["waived"]]
    assert withheld
    said = ", ".join(f"{withheld.count(k)} {k}" for k in ("blocking", "condition", "advisory") if k in withheld)
    assert f"Of these, withheld here for concerning redacted content: {said}." in page
    # the objection, by id, with its status
    assert "Objection O-1 by external-evaluator" in page


def test_the_sign_offs_and_required_roles_are_shown_as_the_summary_shows_them(board: BoardFixture) -> None:
    s = _publish_unattested(board)
    page = _text(board.client.get(f"/public/cases/{CASE}").text)
    for so in s["signoffs"]:
        marker = "(signed envelope)" if so.get("signed") else "(declared, not signed)"
        assert f"{so['role']}: {so['person']} ({so['date']}) {marker}" in page
    if not s["signoffs"]:
        assert "No sign-offs recorded." in page
    for role in s["required_roles"]:
        assert role in page.split("Roles required for this boundary:")[1].split(".")[0]
