"""`state show --at` a past time answers from the log as it stood then, never from today's state.

Story: the decision is approved on 2026-12-01; an objection is logged on 2026-12-03 and answered
on 2026-12-05; the case is reopened on 2026-12-07. Asked about a day between two of these, the
registry used to mix today's lifecycle and today's answers with that day's dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from casegate.approve import approve
from casegate.monitor import CaseState, act, submit_for_review
from casegate.sign import parse_instant, sign_case
from casegate.store import open_registry, record_objection
from casegate.verify import decide_case
from tests._weights import submit_hashed
from tests.sign.helpers import make_world
from tests.verify.trusted import (
    DEMONSTRATION,
    cli_in_process,
    cli_split,
    demo_deployable,
    log_clock,
)

CASE = "atlas-2-api"
SIGNED = {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}


def _day(d: int) -> dt.datetime:
    return dt.datetime(2026, 12, d, 12, 0, tzinfo=dt.UTC)


def _story(tmp: Path, db: str) -> Path:
    w = make_world(tmp / "w")
    at = parse_instant("2026-11-25")
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=at)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=at)
    with open_registry(db) as reg:
        with log_clock(_day(1)):
            submit_hashed(reg, w.load())
            submit_for_review(reg, CASE, by="Sam Whitfield")
            approve(reg, record, bundle, w.ring, unpinned=True)
        with log_clock(_day(3)):
            objection = record_objection(reg, CASE, role="rso", person="Sam Whitfield", reason="red team found a gap")
        with log_clock(_day(5)):
            reg.record("objection-answer", CASE, {"objection": objection.index, "role": "safety-lead",
                                                  "person": "Dana Ortiz", "answer": "fixed", "envelope": None})
        with log_clock(_day(7)):
            act(reg, CASE, CaseState.reopened, role="rso", reason="new incident")
    return w.ring_path


def _show(tmp: Path, db: str, ring: Path, at: str) -> dict:
    rc, text, err = cli_split(tmp, "state", "show", CASE, "--db", db, "--keyring", str(ring), "--at", at + "T12:00:00Z", "--json")
    assert rc == 0, text + err
    return json.loads(text)


def test_state_show_at_a_past_date_reads_the_log_as_it_stood_then(tmp_path: Path, database_url: str) -> None:
    """Move: an auditor (or a deployer explaining a past deploy) asks whether the case was
    deployable on 2026-12-04, while an objection stood. Today's answer to it closed it, and today
    the case is reopened: the registry answered with both, not with what stood on the day."""
    ring = _story(tmp_path, database_url)
    on2 = _show(tmp_path, database_url, ring, "2026-12-02")
    assert on2["state"] == "approved-with-conditions" and demo_deployable(on2["now"]), on2  # used to say reopened
    on4 = _show(tmp_path, database_url, ring, "2026-12-04")
    assert on4["state"] == "approved-with-conditions" and not on4["deployable"], on4
    assert "1 open objection" in on4["now"]["causes"], on4["now"]["causes"]  # the answer came on the 5th
    on6 = _show(tmp_path, database_url, ring, "2026-12-06")
    assert demo_deployable(on6["now"]), on6
    on8 = _show(tmp_path, database_url, ring, "2026-12-08")
    assert on8["state"] == "reopened" and not on8["deployable"], on8
    assert any(n.startswith("as the log stood at 2026-12-04T12:00:00") for n in on4["now"]["notes"]), on4["now"]["notes"]


def test_state_show_at_a_date_before_the_case_was_submitted_says_so(tmp_path: Path, database_url: str) -> None:
    ring = _story(tmp_path, database_url)
    rc, text = cli_in_process(tmp_path, "state", "show", CASE, "--db", database_url, "--keyring", str(ring),
                              "--at", "2026-11-20")
    assert rc != 0 and "held no version of case 'atlas-2-api' at 2026-11-20" in text, text


def test_state_show_at_a_past_time_says_what_a_deploy_gets_today_beside_it(tmp_path: Path, database_url: str) -> None:
    """Move: the lab answers "is it deployable?" with `state show --at` a day it was (2026-12-02,
    approved, before the objection and the reopening). The answer as of that day stays (an audit
    question), but it is labelled with its time and today's answer, NOT DEPLOYABLE (reopened), is
    given beside it, in the text and in the JSON (`today`); a time not in the past has no `today`."""
    ring = _story(tmp_path, database_url)
    on2 = _show(tmp_path, database_url, ring, "2026-12-02")
    assert demo_deployable(on2["now"]) and on2["today"] is not None, on2
    assert not on2["today"]["deployable"] and "reopened" in on2["today"]["headline"], on2["today"]
    rc, text, err = cli_split(tmp_path, "state", "show", CASE, "--db", database_url, "--keyring", str(ring),
                              "--at", "2026-12-02T12:00:00Z")
    assert rc == 0, text + err
    first, *rest = text.splitlines()
    assert first.startswith(f"{CASE}: NOT VERIFIED: {DEMONSTRATION}") and first.endswith("(at 2026-12-02T12:00:00+00:00)"), text
    assert any(line.startswith("  today: NOT DEPLOYABLE") and "reopened" in line for line in rest), text
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
    rc, text, err = cli_split(tmp_path, "state", "show", CASE, "--db", database_url, "--keyring", str(ring),
                              "--at", later, "--json")
    assert rc == 0 and json.loads(text)["today"] is None, text + err
