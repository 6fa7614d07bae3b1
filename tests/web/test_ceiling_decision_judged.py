"""The board's view of a case for a token below the case's level (its summary rebuilt at the
token's ceiling) took the decision record of the latest `decision` entry in the log, whoever
logged it: the lab's program logging its own record (`record_decision`, no judgement of the
registry's) with the outcome GO and no findings had that shown as the decision on the case. Only a
decision the registry judged counts now; otherwise the version is gated as it stands."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from casegate.store import open_registry

from .test_ceilings import CASE, tiered  # noqa: F401  (the fixture)


def _outcome(client: TestClient, token: str) -> str:
    r = client.get(f"/api/v1/cases/{CASE}", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    return str(json.loads(r.text)["summary"]["decision"]["outcome"])


def test_a_decision_the_lab_logged_is_not_the_withheld_views_decision(
        tiered: tuple[TestClient, dict[str, str]], database_url: str) -> None:  # noqa: F811
    client, tokens = tiered
    honest = _outcome(client, tokens["capped"])
    assert honest != "GO"  # control: the case as it stands
    from casegate.model import DecisionRecord

    reg = open_registry(database_url)
    last = [e for e in reg.events(case_id=CASE, kind="decision")][-1]
    forged = DecisionRecord.model_validate(last.payload.get("record", last.payload)).model_copy(
        update={"outcome": "GO", "findings": [], "conditions": []})
    from casegate.store import record_decision

    record_decision(reg, forged, version=reg.case_version(CASE).number)
    reg.close()
    assert _outcome(client, tokens["capped"]) == honest
