"""Every page leads with what a deploy pipeline would get now (the same check as `verify`); the
decision that was made is history beneath it."""

from __future__ import annotations

from casegate.approve import judged_found
from casegate.load import load_case
from casegate.monitor import act
from casegate.monitor._states import CaseState
from casegate.publish import Salts, build_summary
from casegate.store import (
    MemorySaltStore,
    json_sha256,
    open_registry,
    record_judgement,
    record_publication,
)

from .conftest import BoardFixture, approve

CASE = "atlas-2-api"
JUDGED = {"keyring": "sha256:" + "0" * 64, "trust_root": None, "at": "2026-11-27T00:00:00Z"}


def _publish(board: BoardFixture) -> None:
    import json

    from casegate.gate import run_gate
    from casegate.sign import load_keyring, parse_instant, with_attestations

    reg = open_registry(board.database_url)
    # judged under the case's keyring, as the registry judges (without it the outside evaluators'
    # attestations count for nothing and the version is NO-GO on its evidence, which would stop
    # an approval of it: a judgement logged after the approval is the version judged again)
    loaded = with_attestations(load_case(board.case_dir / "case.yaml"),
                               load_keyring(board.case_dir / "keys" / "keyring.yaml"), parse_instant("2026-11-27"))
    assert loaded.case is not None
    record = run_gate(loaded)
    s = build_summary(loaded.case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy)
    # judged as `casegate publish` judges a version nobody approved: the judgement is logged first
    version = reg.case_version(CASE).number
    record_judgement(reg, CASE, version=version, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())), judged=JUDGED,
                     found=judged_found(record, loaded.case, signed=loaded.case, policy=loaded.policy))
    record_publication(reg, CASE, json.loads(s.model_dump_json()), version=version)
    reg.close()


def _lead(html: str) -> str:
    """The text of the page between <main> and the decision history."""
    body = html.split("<main>", 1)[1]
    return body.split('id="decision-history"', 1)[0]


def test_gated_but_unapproved_case_is_not_deployable_on_every_page(board: BoardFixture) -> None:
    _publish(board)
    page = board.client.get(f"/cases/{CASE}", headers=board.auth("rso")).text
    assert 'id="state"' in page and "NOT DEPLOYABLE" in _lead(page)
    assert "GO WITH CONDITIONS" not in _lead(page)  # the gate's outcome is history, not the headline
    assert page.index('id="state"') < page.index('id="outcome"')
    public = board.client.get(f"/public/cases/{CASE}").text
    assert "NOT DEPLOYABLE" in _lead(public) and "no signed decision" in _lead(public)


def test_reopened_case_leads_with_not_deployable(board: BoardFixture) -> None:
    import time_machine

    from tests.verify.trusted import STORY_VERIFIED

    approve(board)
    _publish(board)
    with time_machine.travel(STORY_VERIFIED, tick=False):  # within the monitors' 24 hours of the approval
        listing = board.client.get("/public").text
    # (the tests' keyrings hold published keys: a demonstration, everything else verified)
    assert "NOT VERIFIED (DEMONSTRATION: GO WITH CONDITIONS · api)" in listing, listing
    assert "Atlas-2" in listing  # the title, not only the id
    reg = open_registry(board.database_url)
    act(reg, CASE, CaseState.reopened, role="rso", reason="CANARY-internal-detail of the incident")
    reg.close()
    public = board.client.get(f"/public/cases/{CASE}").text
    lead = _lead(public)
    assert "NOT DEPLOYABLE" in lead and "reopened" in lead
    assert "CANARY-internal-detail" not in lead  # the public page names the kind of cause only
    internal = board.client.get(f"/cases/{CASE}", headers=board.auth("rso")).text
    assert "NOT DEPLOYABLE" in _lead(internal) and "CANARY-internal-detail" in _lead(internal)
    listing = board.client.get("/public").text
    assert "NOT DEPLOYABLE" in listing and "reopened" in listing
    review = board.client.get(f"/cases/{CASE}/review", headers=board.auth("rso")).text
    assert "NOT DEPLOYABLE" in review
    cases = board.client.get("/", headers=board.auth("rso")).text
    assert "NOT DEPLOYABLE" in cases


def test_public_case_page_carries_the_plain_language_lead(board: BoardFixture) -> None:
    approve(board)
    _publish(board)
    public = board.client.get(f"/public/cases/{CASE}").text
    assert 'id="lead"' in public
    lead = public.split('id="lead"', 1)[1].split("</section>", 1)[0]
    assert "Atlas-2" in lead and "through an API" in lead and "release gate decided on" in lead
    # the lead is history like the decision: it comes after what a deploy gets now
    assert public.index('id="state"') < public.index('id="decision-history"') < public.index('id="lead"')
