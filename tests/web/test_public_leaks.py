"""No confidential canary ever reaches a public page or public API response of the review board."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from tests.publish.canary import CanaryCase, canary_cases, leaks, write_case

PUBLIC_PAGES = ["/public", "/public/log", "/api/v1/public/cases", "/api/v1/log/checkpoint"]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(canary_cases())
def test_public_pages_never_show_confidential_canaries(tmp_path_factory, cc: CanaryCase) -> None:  # type: ignore[no-untyped-def]
    from casegate.approve import judged_found
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.publish import Salts, build_summary
    from casegate.store import (
        RegistrySalts,
        json_sha256,
        open_registry,
        record_decision,
        record_judgement,
        record_publication,
        record_signoff,
    )
    from casegate.web import Settings, create_app

    d: Path = tmp_path_factory.mktemp("leak")
    # the policy beside the case, as a case folder keeps it: the stored version reloads on the
    # board, so its public charts and diagram are drawn and checked too
    path = write_case(cc.case, d / "case", beside=True)
    loaded = load_case(path)
    url = f"sqlite:///{d / 'registry.db'}"
    reg = open_registry(url)
    v = reg.submit_case(loaded)
    record = run_gate(loaded)
    record_decision(reg, record, version=v.number)
    record_signoff(reg, cc.case.id, role="rso", person="Sam Whitfield", version=v.number)
    summary = build_summary(loaded.case, record, salts=Salts(RegistrySalts(reg)), level=cc.level, policy=loaded.policy)
    # judged as `casegate publish` judges a version nobody approved: the judgement is logged first
    record_judgement(reg, cc.case.id, version=v.number, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())),
                     judged={"keyring": "sha256:" + "0" * 64, "trust_root": None, "at": "2026-11-27T00:00:00Z"},
                     found=judged_found(record, loaded.case, policy=loaded.policy))
    record_publication(reg, cc.case.id, json.loads(summary.model_dump_json()), version=v.number)
    reg.record("incident", cc.case.id, {"date": "2027-01-02", "severity": "high", "domain": "cyber",
                                        "description": "internal description " + next(iter(cc.tokens))})
    reg.close()
    client = TestClient(create_app(Settings(database_url=url, secret=b"s")))
    pages = PUBLIC_PAGES + [f"/public/cases/{cc.case.id}", f"/public/cases/{cc.case.id}/summary",
                            f"/api/v1/public/cases/{cc.case.id}"]
    for page in pages:
        r = client.get(page)
        assert r.status_code == 200, (page, r.status_code, r.text[:600])
        found = leaks(r.text, cc.tokens)
        assert not found, f"{page} leaks {found[:3]}"
        if page == f"/public/cases/{cc.case.id}":
            assert "Residual risk against tolerance" in r.text, "the public charts were not drawn"
