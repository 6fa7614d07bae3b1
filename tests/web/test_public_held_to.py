"""Which of the registry's judgements a published summary was held to. `casegate publish` logs a
fresh judgement where its decision differs from the latest one (another day, objections logged
since), so a version published on several days has several judgements; the board's public page
and `casegate registry history` now name the log entry of the one each publication was held to."""

from __future__ import annotations

import html
import re

from casegate.store import judgements, open_registry

from .conftest import BoardFixture, approve, cli


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page)))


def test_the_page_and_the_history_name_the_judgement_a_summary_was_held_to(board: BoardFixture) -> None:
    approve(board)  # version 2 approved, its judgement logged with the decision
    r = cli("publish", "case.yaml", "--keyring", "keys/keyring.yaml", "--unpinned", "--db", board.database_url,
            cwd=board.case_dir)
    assert r.returncode == 0, r.stderr
    reg = open_registry(board.database_url)
    try:
        pub = reg.events(board.case_id, "publication")[-1]
        held = judgements(reg, board.case_id, 2)
    finally:
        reg.close()
    index = pub.payload["judgement"]
    assert index == held[-1][1]  # the latest judgement of version 2: the one the summary was held to
    page = _text(board.client.get(f"/public/cases/{board.case_id}").text)
    assert f"It was held to the registry's judgement at log entry {index}." in page
    assert f"summary of version 2, held to the registry's judgement at log entry {index}" in page  # history table
    r = cli("registry", "history", board.case_id, "--db", board.database_url, cwd=board.case_dir)
    assert r.returncode == 0, r.stderr
    line = next(x for x in r.stdout.splitlines() if f"#{pub.index} " in x)
    assert f"summary of version 2, held to the registry's judgement at log entry {index}" in line


def test_a_publication_recorded_before_publications_named_theirs_says_so() -> None:
    from casegate.web._views import held_to

    assert held_to({"version": 2}) == ("held to a judgement the log does not name (recorded before publications "
                                       "named theirs)")
    assert held_to({"version": 2, "judgement": True}).startswith("held to a judgement the log does not name")
    assert held_to({"version": 2, "judgement": 7}) == "held to the registry's judgement at log entry 7"


def test_the_api_names_the_judgement_a_summary_was_held_to(board: BoardFixture) -> None:
    """The JSON API gave a published summary without the judgement it was held to, which the
    board's page shows: a reader of `/api/v1/public/...` could not tell which of a version's
    judgements (one per day it was published on) stands behind it. Both public endpoints now
    name it (`judgement`, the log index), null for a publication recorded before publications
    named theirs, and the API's schema declares it."""
    approve(board)
    r = cli("publish", "case.yaml", "--keyring", "keys/keyring.yaml", "--unpinned", "--db", board.database_url,
            cwd=board.case_dir)
    assert r.returncode == 0, r.stderr
    reg = open_registry(board.database_url)
    try:
        pub = reg.events(board.case_id, "publication")[-1]
    finally:
        reg.close()
    index = pub.payload["judgement"]
    assert isinstance(index, int)
    one = board.client.get(f"/api/v1/public/cases/{board.case_id}")
    assert one.status_code == 200, one.text
    assert one.json()["judgement"] == index
    listed = [c for c in board.client.get("/api/v1/public/cases").json() if c["id"] == board.case_id]
    assert [c["judgement"] for c in listed] == [index]
    spec = board.client.get("/openapi.json").json()["components"]["schemas"]
    for name in ("PublicCase", "PublicCaseSummary"):
        assert "judgement" in spec[name]["properties"], name
    # a publication as an older casegate logged it: no judgement named, so null (never a guess)
    reg = open_registry(board.database_url)
    try:
        reg.record("publication", board.case_id, {k: v for k, v in pub.payload.items() if k != "judgement"})
    finally:
        reg.close()
    assert board.client.get(f"/api/v1/public/cases/{board.case_id}").json()["judgement"] is None
    listed = [c for c in board.client.get("/api/v1/public/cases").json() if c["id"] == board.case_id]
    assert [c["judgement"] for c in listed] == [None]
