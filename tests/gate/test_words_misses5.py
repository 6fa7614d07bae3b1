"""The audit's fifth misses through the whole gate: each is a lab's move the readings let through
before (GO WITH CONDITIONS) and name now. A denial of incidents since launch is compared with every
serious incident the registry logged about the model since the previous launch, not only those that
defeated a claim (CG438)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests._weights import submit_hashed
from tests.gate.blind_helpers import blocking, copy_fixture, edit, preview
from tests.gate.test_blind_linnet import (
    APPROVED,
    CASE,
    HARM,
    LINNET,
    LOGGED,
    SB53,
    _file,
    _found,
    _gate,
    _held,
    _incident,
)
from tests.gate.test_trusted_access_anyone import TODAY, _case, _cg105, _keyed
from tests.gate.test_words_misses3 import SAID
from tests.gate.test_words_misses3 import _gate as _atlas_gate

from casegate.gate import run_gate
from casegate.model import DecisionRecord


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration
    monkeypatch.setenv("INSPECT_LOG_LEVEL", "error")


def _atlas(tmp_path: Path, new: str) -> DecisionRecord:
    """atlas-api with its description `SAID` replaced by `new`."""
    return _atlas_gate(tmp_path, SAID, new)


DENIAL = "Linnet-1 has had no serious incidents since launch."


def _unclaimed(tmp: Path, database_url: str, severity: str, sentence: str, *, before: bool = False) -> DecisionRecord:
    """Linnet-1.0 approved; an incident of `severity` logged against it in the autonomy domain, which
    the case claims nothing about (it defeats no claim and reopens nothing), before its approval when
    `before`; its serious-harm report filed; the relaunch (classifiers that hold, no incident to answer)
    gated with `sentence` added to its description."""
    from tests.verify.trusted import log_clock

    from casegate.load import load_case
    from casegate.monitor import decide, report_incident, submit_for_review
    from casegate.store import open_registry

    d = copy_fixture(LINNET, tmp)
    _held(d)
    for v in ("linnet-1.0", "linnet-1.1"):
        edit(d / v / "policy.yaml", "domains:\n", "domains:\n  autonomy: {name: Autonomous agents, min_severity: severe}\n")
        edit(d / v / "case.yaml", "threat_model:\n", "threat_model:\n  autonomy: {scoped_out: the API gives the model no tools to act with, rests_on: [tools]}\n")
    case = d / "linnet-1.1" / "case.yaml"
    text = case.read_text()
    case.write_text(re.sub(r"incident_answers:\n(?:  .*\n)+\n", "", text))  # nothing defeated to answer
    edit(case, "served through the Acme API.\n", f"served through the Acme API. {sentence}\n")
    incident = _incident(date="2026-10-18" if before else "2026-11-10", severity=severity, domain="autonomy", classes=[HARM, SB53], attack=None,
                         title="Linnet-1 agent kept retrying a blocked payment for a user",
                         description="An agent built on Linnet-1 kept retrying a payment its user's bank had blocked")
    with open_registry(database_url) as reg:
        when = APPROVED - dt.timedelta(days=3) if before else LOGGED
        with log_clock(APPROVED):
            submit_hashed(reg, load_case(d / "linnet-1.0" / "case.yaml"))
        if before:
            with log_clock(when):
                entry = report_incident(reg, incident)
        with log_clock(APPROVED):
            submit_for_review(reg, CASE, by="Sam Whitfield")
            rec = _gate(d / "linnet-1.0" / "case.yaml", reg, APPROVED.date())
            decide(reg, rec)
        if not before:
            with log_clock(when):
                entry = report_incident(reg, incident)
        with log_clock(LOGGED + dt.timedelta(days=1)):
            for cls in (HARM, SB53):
                _file(d.parent, database_url, int(entry.index), cls)
        return _gate(case, reg)


def test_a_denial_beside_a_serious_incident_that_defeats_no_claim_is_no_go(tmp_path: Path, database_url: str) -> None:
    """The lab's move: Linnet-1's relaunch says it has had no serious incidents since launch, while the
    registry holds a high-severity incident logged after version 1.0's approval in a domain the case
    scopes out (it defeats no claim, so it reopened nothing and needs no answer). Before: GO WITH
    CONDITIONS (CG438 compared the denial with the incidents that defeated a claim only). Now every
    incident of high or worse severity since the previous launch contradicts it (CG438)."""
    r = _unclaimed(tmp_path, database_url, "high", DENIAL)
    assert r.outcome == "NO-GO" and blocking(r) == ["CG438"], "\n".join(m[:300] for m in _found(r) if "CG1001" not in m)
    (msg,) = [f.message for f in r.findings if f.code == "CG438"]
    assert "(autonomy, high, 2026-11-10) recorded against version 1.0 (#1)" in msg


@pytest.mark.parametrize(("severity", "sentence", "before"), [
    ("moderate", DENIAL, False),  # not serious: the denial does not deny it
    ("high", DENIAL, True),  # before the launch the denial counts from
    ("high", "Linnet-1 is Acme's general-purpose model, text and code.", False),  # no denial
])
def test_a_denial_beside_a_lesser_or_earlier_incident_stands(tmp_path: Path, database_url: str, severity: str,
                                                             sentence: str, before: bool) -> None:
    r = _unclaimed(tmp_path, database_url, severity, sentence, before=before)
    assert r.outcome == "GO WITH CONDITIONS" and blocking(r) == [], _found(r)


def test_incidents_listed_as_none_is_no_go(tmp_path: Path, database_url: str) -> None:
    """Linnet's relaunch, the registry holding incident-10. The lab's move: the description gives the
    count as a label and its value, `Incidents reported since launch: none`. Before: GO WITH CONDITIONS
    (the sentences were cut at the colon, neither half a denial). Now the label and its value are read
    whole (CG438)."""
    from tests.gate.test_blind_linnet import _relaunch

    r = _relaunch(tmp_path, database_url, lambda d: (_held(d), edit(
        d / "linnet-1.1" / "case.yaml", "  description: Acme's general-purpose frontier model with systemic risk, text and code, "
        "served through the Acme API.\n", "  description: >-\n    Acme's general-purpose frontier model with systemic risk, "
        "text and code, served through the Acme API. Incidents reported since launch: none.\n")))
    assert r.outcome == "NO-GO" and blocking(r) == ["CG438"], _found(r)


def test_the_public_chatting_at_the_labs_address_is_consumer(tmp_path: Path) -> None:
    """The lab's move: atlas-api (`api`) adding that anyone can chat with Atlas at atlas.acme.ai. Before:
    GO WITH CONDITIONS (the address's stops cut the clause, `anyone can chat with Atlas at atlas` read
    alone). Now a stop between letters cuts nothing, and the public chatting with the model at a web
    address is the lab's own product reaching it (CG105)."""
    record = _atlas(tmp_path, f"{SAID.rstrip()} Anyone can chat with Atlas at atlas.acme.ai.\n")
    assert _cg105(record)
    assert record.outcome == "NO-GO"


def test_users_confirming_they_are_qualified_is_no_check(tmp_path: Path) -> None:
    """The lab's move: atlas-api relabelled `trusted-access`, its vetting `users confirm they are
    qualified`. Before: GO WITH CONDITIONS (no check word of anyone's read). Now the users attest for
    themselves, and no attestation of theirs is signed (CG425)."""
    record = run_gate(_keyed(_case(tmp_path, vetting="users confirm they are qualified",
                                   users="scientists at partner laboratories")), today=TODAY)
    assert [f for f in record.findings if f.code == "CG425" and f.blocking]
    assert record.outcome == "NO-GO"


@pytest.mark.parametrize("sentence", [
    " Developers can lower the CBRN threshold to zero.",
    " Approved customers can request exemptions from the content filters.",
    " Enterprise admins can allowlist prompts past the classifier.",
])
def test_a_classifier_lowered_exempted_or_allowlisted_past_is_no_go(tmp_path: Path, sentence: str) -> None:
    """Siskin with the classifiers' rerun (6 of 600). The lab's move: the words let developers lower
    the CBRN threshold to zero, approved customers request exemptions from the content filters, or
    enterprise admins allowlist prompts past the classifier. Before: GO WITH CONDITIONS. Now the
    classifier blocks nothing for what they send (CG437)."""
    from tests.gate.test_blind_siskin import FLOOR, _held

    d = _held(tmp_path)
    edit(d / "case.yaml", FLOOR, FLOOR + sentence)
    record = preview(d, "2026-12-08")
    assert record.outcome == "NO-GO" and set(blocking(record)) == {"CG437"}, _found(record)


def test_a_deployment_fully_air_gapped_is_no_go(tmp_path: Path) -> None:
    """Tern with Acme's abuse monitoring for its classifiers, each appliance phoning home daily (the
    monitoring counted: GO WITH CONDITIONS). The lab's move: the words add that the deployment is fully
    air-gapped. Before: GO WITH CONDITIONS (`air-gapped` read only after a site, premises, installation
    or appliance). Now an air-gapped deployment sends Acme's monitor nothing (CG431)."""
    from tests.gate.test_blind_tern import KEPT, TERN, UPDATES, _monitor_for_classifier

    d = copy_fixture(TERN, tmp_path)
    _monitor_for_classifier(d)
    edit(d / "case.yaml", KEPT, "Each appliance phones home daily. The deployment is fully air-gapped." + UPDATES)
    record = preview(d)
    assert record.outcome == "NO-GO" and blocking(record) == ["CG431"], _found(record)
