"""The lifecycle against a real registry (SQLite and PostgreSQL): approval by a decision,
incidents, samples, capability and model changes, conditions, re-approval, and the history."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.evidence import rehash_artifacts
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import BoundaryKind, Condition, DecisionRecord, Severity
from casegate.monitor import (
    CaseState,
    IllegalTransitionError,
    Incident,
    act,
    case_history,
    condition_met,
    decide,
    format_history,
    ingest_samples,
    report_incident,
    run_triggers,
    submit_for_review,
    supersede,
)
from casegate.monitor._series import Sample
from casegate.sign import load_keyring, parse_instant, with_attestations
from casegate.store import open_registry
from tests._evaluators import attest_again
from tests._weights import safetensors, submit_hashed

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
CASE = "atlas-2-api"
# The example keyring holds the external evaluators whose signed attestations make evidence independent.
KEYRING = load_keyring(EXAMPLE / "keys" / "keyring.yaml")


def _copy(tmp: Path, name: str, edit: dict[str, str] | None = None) -> Path:
    dest = tmp / name
    shutil.copytree(EXAMPLE, dest)
    text = (dest / "case.yaml").read_text()
    for old, new in (edit or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    (dest / "case.yaml").write_text(text)
    return dest / "case.yaml"


def _record(path: Path, reg=None) -> DecisionRecord:  # type: ignore[no-untyped-def]
    """The gate's decision on the case at `path`, compared with what `reg` remembers (the registry
    approves only on such a decision)."""
    from casegate.monitor import comparison_for

    loaded = with_attestations(load_case(path), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    comparison = comparison_for(reg, loaded, keyring=KEYRING) if reg is not None else None
    return run_gate(loaded, artifacts=rehash_artifacts(loaded), comparison=comparison)


def _approved(database_url: str, tmp_path: Path, record_edit=None):  # type: ignore[no-untyped-def]
    reg = open_registry(database_url)
    main = _copy(tmp_path, "v1")
    submit_hashed(reg, load_case(main))
    submit_for_review(reg, CASE, by="acme-safety-team")
    rec = _record(main, reg)
    assert rec.outcome != "NO-GO"
    if record_edit is not None:
        rec = record_edit(rec)
    decide(reg, rec)
    return reg, main


def _reporting(reg, until: dt.datetime, start: dt.datetime | None = None) -> None:  # type: ignore[no-untyped-def]
    """Readings of 0.0 every 12 hours on both monitored signals from `start` (default now) to
    `until`: monitors that report and show nothing (a silent one reopens the case)."""
    t = start or dt.datetime.now(dt.UTC)
    rows = []
    while t <= until:
        rows += [Sample(t, s, 0.0, CASE) for s in ("cyber-classifier-flag-rate", "bio-classifier-flag-rate")]
        t += dt.timedelta(hours=12)
    ingest_samples(reg, rows, source="reporting.csv", sha256="2" * 64)


def _incident(domain: str = "cyber", severity: str = "high", day: dt.date | None = None) -> Incident:
    return Incident(case=CASE, date=day or dt.date.today(), deployer="Acme API customer",
                    developer="Acme Labs", harmed=["Northfield Hospital"],
                    description="ransomware written with the code-execution tool",
                    severity=Severity(severity), domain=domain)


def test_incident_reopens_and_history_shows_the_defeated_claims(database_url: str, tmp_path: Path) -> None:
    reg, _ = _approved(database_url, tmp_path)
    assert CaseState(reg.case_state(CASE)).deployable
    assert run_triggers(reg)[0].fired == []
    report_incident(reg, _incident())
    (run,) = run_triggers(reg)
    assert run.applied == "reopen" and run.state_after == "reopened"
    assert [f.trigger for f, _ in run.fired] == ["T-cyber-incident"]
    assert reg.case_state(CASE) == "reopened"
    change = reg.events(CASE, "state-change")[-1].payload
    assert change["cause"]["type"] == "trigger" and change["cause"]["trigger"] == "T-cyber-incident"
    assert "cyber, high" in change["cause"]["reason"]
    (note,) = reg.events(CASE, "notification")
    assert note.payload["roles"] == ["safety-lead", "rso"]
    # a second run repeats nothing (and a reopened case is not deployed)
    (again,) = run_triggers(reg)
    assert again.fired == [] and "not deployed" in again.notes[0]
    h = case_history(reg, CASE)
    claims = {c.id: c for c in h.versions[0].claims}
    assert {k for k, c in claims.items() if c.status == "defeated"} == {"G2", "G4"}
    assert claims["G3"].status == "held" and "incident #" in claims["G2"].defeated_by[0]
    assert claims["G1"].status == "undermined"  # it rests on G2 and G4 through S1
    assert [t["trigger"] for t in h.triggers] == ["T-cyber-incident"]
    text = format_history(h)
    assert "DEFEATED   G2" in text and "UNDERMINED G1" in text and "-> reopened: trigger T-cyber-incident" in text
    assert h.to_json()["versions"][0]["claims"][0] == {"id": "G1", "text": claims["G1"].text, "domain": None, "status": "undermined", "defeated_by": ["defeated sub-claim G2", "defeated sub-claim G4"]}


def test_reapproval_needs_a_new_version_and_a_new_decision(database_url: str, tmp_path: Path) -> None:
    reg, main = _approved(database_url, tmp_path)
    report_incident(reg, _incident())
    run_triggers(reg)
    old = _record(main)
    size = reg.size()
    with pytest.raises(IllegalTransitionError, match="cannot approve"):
        decide(reg, old)
    assert reg.size() == size
    with pytest.raises(IllegalTransitionError, match="only a new version"):
        submit_for_review(reg, CASE, by="acme-safety-team")
    v2 = _copy(tmp_path, "v2", {'version: "1.0"': 'version: "1.1"'})
    submit_hashed(reg, load_case(v2))
    submit_for_review(reg, CASE, by="acme-safety-team")
    rec = _record(v2, reg)
    # version 2 does not answer the incident yet (CG708); the lifecycle is what is tested here, so
    # the decision is taken as it would be once it did
    assert {f.code for f in rec.findings if f.blocking and f.waived is None} == {"CG708"}
    decide(reg, rec.model_copy(update={"outcome": "GO WITH CONDITIONS",
                                       "findings": [f for f in rec.findings if f.code != "CG708"]}))
    assert CaseState(reg.case_state(CASE)).deployable
    # the incident that reopened version 1 does not fire again against version 2
    (run,) = run_triggers(reg)
    assert run.fired == [] and run.version == 2
    h = case_history(reg, CASE)
    assert [v.deployed for v in h.versions] == [True, True]
    assert all(c.status == "held" for c in h.versions[1].claims)


def test_illegal_moves_are_refused_and_log_nothing(database_url: str, tmp_path: Path) -> None:
    reg, _ = _approved(database_url, tmp_path)
    size = reg.size()
    with pytest.raises(IllegalTransitionError) as e:
        act(reg, CASE, CaseState.draft, role="product-lead", reason="ship it again")
    assert e.value.exit_code == 4 and "cannot become draft" in e.value.diagnostics()
    with pytest.raises(IllegalTransitionError, match="not narrower"):
        act(reg, CASE, CaseState.restricted, role="rso", reason="x", restricted_to=BoundaryKind.consumer)
    with pytest.raises(IllegalTransitionError, match="must say"):
        act(reg, CASE, CaseState.withdrawn, role="rso", reason="")
    assert reg.size() == size
    act(reg, CASE, CaseState.restricted, role="rso", reason="abuse wave",
        restricted_to=BoundaryKind.trusted_access)
    assert reg.case_restriction(CASE) == "trusted-access"
    with pytest.raises(InputError, match="no case"):
        act(reg, "nope", CaseState.withdrawn, role="rso", reason="x")
    submit_hashed(reg, load_case(_copy(tmp_path, "other", {"id: atlas-2-api": "id: atlas-3-api"})))
    supersede(reg, CASE, by_case="atlas-3-api")
    assert reg.case_state(CASE) == "superseded"


def _with_conditions(rec: DecisionRecord) -> DecisionRecord:
    # the gate's own conditions replaced by two with near due dates
    return rec.model_copy(update={"outcome": "GO WITH CONDITIONS", "conditions": [
        Condition(id="C1", text="add a third classifier layer", cause="CG420", due="2026-12-10"),
        Condition(id="C2", text="rerun the CTF suite with pass@10", cause="CG310", due="2026-12-20"),
    ]})


def _signer(main: Path, name: str):  # type: ignore[no-untyped-def]
    """The example's demo key of `name`, from the copy of the example beside `main`."""
    from casegate.sign import load_signer

    key = main.parent / "keys" / f"{name}.key"
    key.chmod(0o600)  # git does not keep file modes; casegate refuses readable keys
    return load_signer(str(key))


def _signed_bundle(rec: DecisionRecord, main: Path, *, by: str = "sam-whitfield", role: str = "rso") -> dict:  # type: ignore[type-arg]
    """The part of a decision bundle that says who decided and under which policy: the decision
    envelope, signed by `by` in `role`, and the policy text it signs."""
    import hashlib
    import json

    from casegate.sign import DECISION, iso, now_utc, sign_statement, statement

    signer = _signer(main, by)
    key = KEYRING.get(signer.public_key.keyid)
    assert key is not None
    text = (main.parent / "policy.yaml").read_text()
    pred = {"case": {"id": CASE}, "policy": {"sha256": hashlib.sha256(text.encode()).hexdigest()},
            "boundary": "api", "role": role, "person": key.person, "identity": key.identity, "keyid": key.keyid,
            "signed_at": iso(now_utc()), "record": json.loads(rec.model_dump_json())}
    subject = [{"name": f"case:{CASE}", "digest": {"sha256": "0" * 64}}]
    return {"kind": "decision-bundle", "decision": sign_statement(statement(subject, DECISION, pred), signer),
            "policy": {"path": "policy.yaml", "text": text}}


def _conditions_due(c1: dt.date, c2: dt.date):  # type: ignore[no-untyped-def]
    def edit(rec: DecisionRecord) -> DecisionRecord:
        return rec.model_copy(update={"outcome": "GO WITH CONDITIONS", "conditions": [
            Condition(id="C1", text="add a third classifier layer", cause="CG420", due=c1.isoformat()),
            Condition(id="C2", text="rerun the CTF suite with pass@10", cause="CG310", due=c2.isoformat()),
        ]})
    return edit


def _approved_signed(database_url: str, tmp_path: Path, c1: dt.date, c2: dt.date):  # type: ignore[no-untyped-def]
    """The example approved with conditions C1 and C2 by a decision the rso (Sam Whitfield) signed."""
    reg = open_registry(database_url)
    main = _copy(tmp_path, "v1")
    submit_hashed(reg, load_case(main))
    submit_for_review(reg, CASE, by="acme-safety-team")
    rec = _conditions_due(c1, c2)(_record(main, reg))
    decide(reg, rec, bundle=_signed_bundle(rec, main))
    assert reg.case_state(CASE) == "approved-with-conditions"
    return reg, main


def _met(reg, main: Path, cid: str, *, key: str = "priya-natarajan", by: str = "external-evaluator",  # type: ignore[no-untyped-def]
         evidence: list[str] | None = None, on: dt.date | None = None):
    return condition_met(reg, CASE, cid, evidence=["E-cyber-ctf"] if evidence is None else evidence, by=by, signer=_signer(main, key),
                         keyring=KEYRING, on=on)


def test_conditions_met_move_to_approved(database_url: str, tmp_path: Path) -> None:
    today = dt.date.today()
    reg, main = _approved_signed(database_url, tmp_path, today + dt.timedelta(days=30), today - dt.timedelta(days=1))
    with pytest.raises(InputError, match="only with evidence"):
        _met(reg, main, "C1", evidence=[])
    with pytest.raises(InputError, match="no condition 'C9'"):
        _met(reg, main, "C9")
    entry, change = _met(reg, main, "C1")
    assert change is None and entry.payload["late"] is False
    assert entry.payload["evidence"][0]["evidence"] == "E-cyber-ctf" and len(entry.payload["evidence"][0]["sha256"]) == 64
    with pytest.raises(InputError, match="already met"):
        _met(reg, main, "C1")
    # the stated date is before C2's due date; the log's clock is past it: late all the same
    entry, change = _met(reg, main, "C2", on=today - dt.timedelta(days=5))
    assert entry.payload["late"] is True and entry.payload["stated_on"] == (today - dt.timedelta(days=5)).isoformat()
    assert change is not None and reg.case_state(CASE) == "approved"
    assert change.payload["cause"]["type"] == "conditions-met"
    h = case_history(reg, CASE, today=today + dt.timedelta(days=40), keyring=KEYRING)
    assert [(c["id"], c["status"], c["met_by"]) for c in h.conditions] == [
        ("C1", "met", "Priya Natarajan (external-evaluator)"), ("C2", "met late", "Priya Natarajan (external-evaluator)")]
    # without a keyring no confirmation can be checked: nothing counts as met
    h = case_history(reg, CASE, today=today + dt.timedelta(days=40))
    assert [c["status"] for c in h.conditions] == ["missed", "missed"]
    assert "no keyring" in h.conditions[0]["not_counted"][0]


def test_the_decider_cannot_confirm_its_own_conditions(database_url: str, tmp_path: Path) -> None:
    """Attack: the rso who signed the decision confirms its conditions, in the role it decided
    in or through a key that does not hold the role it claims."""
    today = dt.date.today()
    reg, main = _approved_signed(database_url, tmp_path, today + dt.timedelta(days=30), today + dt.timedelta(days=30))
    size = reg.size()
    with pytest.raises(InputError, match=r"'rso' may not confirm .*roles that may: external-evaluator, safety-lead"):
        _met(reg, main, "C1", key="sam-whitfield", by="rso")
    with pytest.raises(InputError, match="does not hold the role 'safety-lead'"):
        _met(reg, main, "C1", key="sam-whitfield", by="safety-lead")
    with pytest.raises(InputError, match="does not hold the role 'safety-lead'"):
        _met(reg, main, "C1", key="priya-natarajan", by="safety-lead")
    assert reg.size() == size


def test_the_developers_own_staff_do_not_confirm_by_default(database_url: str, tmp_path: Path) -> None:
    """Attack: the lab's own safety lead (not the decider) confirms "a larger evaluation shows the
    bound under the alert level", citing an empty file. By default a condition is confirmed from
    outside the developer, as independent evidence is; a policy that trusts its own roles names
    them under `signoff.conditions_confirmed_by`."""
    today = dt.date.today()
    reg, main = _approved_signed(database_url, tmp_path, today + dt.timedelta(days=30), today + dt.timedelta(days=30))
    empty = tmp_path / "nothing.txt"
    empty.write_text("")
    size = reg.size()
    with pytest.raises(InputError, match="Dana Ortiz of Acme Labs, the developer's own organisation"):
        _met(reg, main, "C1", key="dana-ortiz", by="safety-lead", evidence=[str(empty)])
    assert reg.size() == size
    entry, _ = _met(reg, main, "C1")  # the external evaluator confirms
    assert entry.payload["by"] == "external-evaluator"


def test_the_developers_staff_under_another_spelling_do_not_confirm(database_url: str, tmp_path: Path) -> None:
    """Attack: the lab's keyring records its safety lead's organisation as its UK subsidiary, "Acme
    Labs UK Ltd" (or "Acme Labs, Inc." with a Cyrillic А), which compared unequal to the policy's
    `acme-labs`, and she confirms the condition from "outside" the developer."""
    today = dt.date.today()
    reg, main = _approved_signed(database_url, tmp_path, today + dt.timedelta(days=30), today + dt.timedelta(days=30))
    empty = tmp_path / "nothing.txt"
    empty.write_text("")
    size = reg.size()
    for org in ("Acme Labs UK Ltd", "\u0410cme Labs, Inc."):
        ring = KEYRING.model_copy(update={"identities": [
            i.model_copy(update={"organisation": org}) if i.name == "Dana Ortiz" else i for i in KEYRING.identities]})
        with pytest.raises(InputError, match=f"Dana Ortiz of {org}, the developer's own organisation"):
            condition_met(reg, CASE, "C1", evidence=[str(empty)], by="safety-lead", signer=_signer(main, "dana-ortiz"),
                          keyring=ring)
    assert reg.size() == size


def test_a_stated_date_cannot_be_later_than_the_log(database_url: str, tmp_path: Path) -> None:
    today = dt.date.today()
    reg, main = _approved_signed(database_url, tmp_path, today + dt.timedelta(days=30), today + dt.timedelta(days=30))
    with pytest.raises(InputError, match="after the log's clock"):
        _met(reg, main, "C1", on=today + dt.timedelta(days=2))


def test_free_text_is_not_evidence(database_url: str, tmp_path: Path) -> None:
    """Attack: the condition is 'met' on the lab's say-so, citing nothing that can be hashed."""
    today = dt.date.today()
    reg, main = _approved_signed(database_url, tmp_path, today + dt.timedelta(days=30), today + dt.timedelta(days=30))
    with pytest.raises(InputError, match="neither a file nor an evidence item"):
        _met(reg, main, "C1", evidence=["we added the third layer last week"])
    report = tmp_path / "layer3-report.pdf"
    report.write_bytes(b"%PDF-1.7 third classifier layer report")
    entry, _ = _met(reg, main, "C1", evidence=[str(report)])
    import hashlib

    assert entry.payload["evidence"] == [{"file": "layer3-report.pdf",
                                          "sha256": hashlib.sha256(report.read_bytes()).hexdigest()}]


def test_an_unsigned_entry_written_into_the_log_does_not_count(database_url: str, tmp_path: Path) -> None:
    """Attack: the lab writes 'condition-met' entries straight into the log through the registry
    API, unsigned or with another confirmation's envelope replayed or altered."""
    import base64
    import json

    from casegate.monitor import condition_statuses
    from casegate.sign import sign_confirmation
    from casegate.store import log_time

    today = dt.date.today()
    reg, main = _approved_signed(database_url, tmp_path, today + dt.timedelta(days=30), today + dt.timedelta(days=30))
    d = reg.events(CASE, "decision")[-1].index
    reg.record("condition-met", CASE, {"decision": d, "id": "C1", "evidence": ["E-cyber-ctf"], "by": "safety-lead",
                                       "met_on": today.isoformat(), "late": False})
    # a real confirmation of C2, its payload altered to say C1
    env = sign_confirmation(case_id=CASE, version=1, decision=d,
                            condition={"id": "C2", "text": "rerun the CTF suite with pass@10", "due": None},
                            evidence=[{"file": "x.txt", "sha256": "a" * 64}], role="safety-lead",
                            signer=_signer(main, "dana-ortiz"), keyring=KEYRING, at=log_time().replace(microsecond=0))
    stmt = json.loads(base64.b64decode(env["payload"]))
    stmt["predicate"]["condition"] = {"id": "C1", "text": "add a third classifier layer", "due": None}
    tampered = {**env, "payload": base64.b64encode(json.dumps(stmt).encode()).decode()}
    reg.record("condition-met", CASE, {"decision": d, "id": "C1", "envelope": tampered})
    # the untampered C2 envelope replayed as a confirmation of C1
    reg.record("condition-met", CASE, {"decision": d, "id": "C1", "envelope": env})
    (c1, c2) = condition_statuses(reg, CASE, keyring=KEYRING)
    assert not c1.met and not c2.met
    assert any("is not signed" in why for why in c1.not_counted)
    assert any("does not verify" in why for why in c1.not_counted)
    assert any("names condition 'C2'" in why for why in c1.not_counted)
    # a real confirmation of C2 does not approve the case: C1 is still unmet
    _, change = _met(reg, main, "C2")
    assert change is None and reg.case_state(CASE) == "approved-with-conditions"
    # the triggers see C1 unmet once it is due
    due = dt.datetime.combine(today + dt.timedelta(days=31), dt.time(), dt.UTC)
    _reporting(reg, due)
    (run,) = run_triggers(reg, at=due, keyring=KEYRING)
    assert [f.details["condition"] for f, _ in run.fired] == ["C1"]
    assert any("condition C1 is not met" in n for n in run.notes)


def test_overdue_condition_restricts_and_is_a_finding(database_url: str, tmp_path: Path) -> None:
    reg, _ = _approved(database_url, tmp_path, _with_conditions)
    _reporting(reg, dt.datetime(2026, 12, 21, tzinfo=dt.UTC))
    (run,) = run_triggers(reg, at=dt.datetime(2026, 12, 11, tzinfo=dt.UTC))
    assert [f.event for f, _ in run.fired] == ["condition-overdue"]
    assert run.applied == "restrict to trusted-access"
    assert reg.case_state(CASE) == "restricted" and reg.case_restriction(CASE) == "trusted-access"
    # restricted cases stay watched: C2 overdue later fires once more but is already at that boundary
    (run,) = run_triggers(reg, at=dt.datetime(2026, 12, 21, tzinfo=dt.UTC))
    assert [f.details["condition"] for f, _ in run.fired] == ["C2"] and run.applied is None
    h = case_history(reg, CASE, today=dt.date(2026, 12, 21))
    assert [c["status"] for c in h.conditions] == ["missed", "missed"]
    assert {f["code"] for f in h.findings} == {"CG750"}


def test_monitor_breach_restricts_then_a_bio_incident_withdraws(database_url: str, tmp_path: Path) -> None:
    reg, _ = _approved(database_url, tmp_path)
    t0 = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)
    quiet = [Sample(t0 + dt.timedelta(hours=h), "bio-classifier-flag-rate", 0.0005, CASE) for h in range(3)]
    ingest_samples(reg, quiet, source="quiet.csv", sha256="0" * 64)
    _reporting(reg, t0 + dt.timedelta(days=1))
    (run,) = run_triggers(reg, at=t0 + dt.timedelta(days=1))
    assert run.fired == []
    loud = [Sample(t0 + dt.timedelta(hours=4 + h), "bio-classifier-flag-rate", 0.004, CASE) for h in range(3)]
    ingest_samples(reg, loud, source="loud.csv", sha256="1" * 64)
    (run,) = run_triggers(reg, at=t0 + dt.timedelta(days=1))
    assert [f.trigger for f, _ in run.fired] == ["M-bio-flags"] and run.applied == "restrict to trusted-access"
    report_incident(reg, _incident("cbrn", "moderate"))
    (run,) = run_triggers(reg, at=t0 + dt.timedelta(days=1))
    # recorded unclassified and dated today, the incident owes SB 53's 24-hour provisional report,
    # missed a day on: with no report-overdue trigger in the plan it reopens on its own (CG1003);
    # the withdrawal is the stronger action
    assert [f.trigger for f, _ in run.fired] == ["T-bio-incident", "CG1003"] and run.applied == "withdraw"
    assert reg.case_state(CASE) == "withdrawn" and reg.case_restriction(CASE) is None
    h = case_history(reg, CASE)
    assert [c.id for c in h.versions[0].claims if c.status == "defeated"] == ["G3"]


def test_a_version_approved_over_a_breach_that_has_not_ended_is_caught_at_once(database_url: str,
                                                                              tmp_path: Path) -> None:
    """Reason: a monitor breach restricted (or reopened) the case; a new version was approved (it
    answers the breach with a new safeguard: one with only its version number changed is refused,
    CG718), and since no sample arrived after that approval the breach, still inside its window,
    fired nothing: the case stood deployable again."""
    from tests.verify.trusted import log_clock

    t0 = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
    with log_clock(t0):
        reg, _ = _approved(database_url, tmp_path)
    loud = [Sample(t0 + dt.timedelta(hours=1 + h), "bio-classifier-flag-rate", 0.004, CASE) for h in range(3)]
    ingest_samples(reg, loud, source="loud.csv", sha256="1" * 64)
    with log_clock(t0 + dt.timedelta(hours=4)):
        (run,) = run_triggers(reg, at=t0 + dt.timedelta(hours=4))
        assert [f.trigger for f, _ in run.fired] == ["M-bio-flags"] and reg.case_state(CASE) == "restricted"
        act(reg, CASE, CaseState.reopened, role="rso", reason="re-evaluate the bio classifier")
    screen = ("  SG-bio-screen:\n    layer: access-control\n    title: Screening of protocol requests\n"
              "    blocks: [bio-known-agent.production]\n    evidence: [E-kyc]\n    verified_by: acme-safeguards\n"
              "  SG-classifier:")
    bumped = _copy(tmp_path, "v1.1", {'version: "1.0"': 'version: "1.1"', "  SG-classifier:": screen})
    evidence = bumped.parent / "evidence.yaml"
    evidence.write_text(evidence.read_text().replace("tests: [SG-kyc]", "tests: [SG-kyc, SG-bio-screen]"))
    bumped.write_text(bumped.read_text() + f"\nincident_answers:\n  breach-{run.fired[0][1]}: {{safeguards: [SG-bio-screen]}}\n")
    with log_clock(t0 + dt.timedelta(hours=5)):
        submit_hashed(reg, load_case(bumped))
        submit_for_review(reg, CASE, by="acme-safety-team")
        decide(reg, _record(bumped, reg))
    assert CaseState(reg.case_state(CASE)).deployable
    with log_clock(t0 + dt.timedelta(hours=6)):
        # no sample since the approval: the window ending at it breaches all the same
        (run,) = run_triggers(reg, at=t0 + dt.timedelta(hours=6))
    assert [f.trigger for f, _ in run.fired] == ["M-bio-flags"], run.fired
    assert run.fired[0][0].cause.startswith("monitor:M-bio-flags:at-approval:")
    assert reg.case_state(CASE) == "restricted"


def test_a_new_version_with_changed_weights_and_tools_reopens(database_url: str, tmp_path: Path) -> None:
    reg, _ = _approved(database_url, tmp_path)
    v2 = _copy(tmp_path, "v2", {
        "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903": "sha256:" + "b" * 64,
        "tools: [code-execution]": "tools: [code-execution, web-browsing]",
    })
    submit_hashed(reg, load_case(v2))
    (run,) = run_triggers(reg)
    assert {f.event for f, _ in run.fired} == {"model-change", "scope-change"}
    assert run.applied == "reopen"


def test_new_weights_do_not_ride_on_the_approved_versions_evaluations(database_url: str, tmp_path: Path) -> None:
    """Reason: the lab's version 1.2 changed only the system's version and digest (a new fine-tune)
    and kept every evaluation of the approved weights; the gate gave GO WITH CONDITIONS."""
    reg, _ = _approved(database_url, tmp_path)
    v2 = _copy(tmp_path, "v2", {
        "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903":
            "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903, sha256:" + "b" * 64,
        'version: "1.0"': 'version: "1.2"',
    })
    rec = _record(v2, reg)
    hits = [f for f in rec.findings if f.code == "CG352"]
    assert rec.outcome == "NO-GO" and hits
    assert {f.message.split("`")[1] for f in hits} >= {"E-cyber-ctf", "E-bio-uplift"}
    # the same version with the approved weights (nothing new to evaluate) is not held to it
    same = _copy(tmp_path, "same", {'version: "1.0"': 'version: "1.2"'})
    assert not [f for f in _record(same, reg).findings if f.code == "CG352"]
    reg.close()


def test_unknown_case_and_bad_incident(database_url: str, tmp_path: Path) -> None:
    from casegate.monitor import incident_from_fields

    reg = open_registry(database_url)
    with pytest.raises(InputError, match="no case"):
        run_triggers(reg, case_id="nope")
    with pytest.raises(InputError, match="--severity|severity"):
        incident_from_fields(case=CASE, date="2026-12-01", deployer="a", developer="b", harmed=["c"],
                             description="d", severity="apocalyptic", domain="cyber")
    with pytest.raises(InputError, match="--date"):
        incident_from_fields(case=CASE, date="last week", deployer="a", developer="b", harmed=["c"],
                             description="d", severity="high", domain="cyber")
    with pytest.raises(InputError, match="harmed"):
        incident_from_fields(case=CASE, date="2026-12-01", deployer="a", developer="b", harmed=[],
                             description="d", severity="high", domain="cyber")


def test_an_incident_in_an_unknown_domain_is_refused(database_url: str, tmp_path: Path) -> None:
    reg, _ = _approved(database_url, tmp_path)
    size = reg.size()
    with pytest.raises(InputError) as e:
        report_incident(reg, _incident("cybr", "high"))
    assert "not a risk domain" in e.value.diagnostics() and "cyber" in e.value.diagnostics()
    assert reg.size() == size


def test_a_malformed_plan_is_reported_and_other_cases_still_run(database_url: str, tmp_path: Path) -> None:
    reg, _ = _approved(database_url, tmp_path)
    bad = _copy(tmp_path, "bad", {"id: atlas-2-api": "id: atlas-2-bad", "window: 24h\n      action: reopen":
                                  "window: one day\n      action: reopen"})
    submit_hashed(reg, load_case(bad))
    submit_for_review(reg, "atlas-2-bad", by="t")
    rec = _record(bad, reg)
    # the gate now blocks a window that is not a duration (CG715); a plan approved before that check
    # existed can still be in the registry, and the monitor must report it, not stop
    assert {f.code for f in rec.findings if f.blocking} == {"CG715"}
    decide(reg, rec.model_copy(update={"outcome": "GO", "findings": [f for f in rec.findings if f.code != "CG715"],
                                       "lacks": [], "trials": []}))
    (bad_run,) = run_triggers(reg, case_id="atlas-2-bad")
    assert bad_run.error is not None and "one day" in bad_run.error
    report_incident(reg, _incident())
    runs = {r.case_id: r for r in run_triggers(reg)}
    assert runs[CASE].applied == "reopen"
    # atlas-2-bad is about the same weights: the reopening is logged on it too
    assert reg.case_state("atlas-2-bad") == "reopened"


def test_a_concurrent_state_change_is_checked_under_the_write_lock(database_url: str, tmp_path: Path) -> None:
    from casegate.monitor import transition

    reg, _ = _approved(database_url, tmp_path)
    other = open_registry(database_url)

    class Racing:
        """The real registry, with a second writer withdrawing the case right after our read."""

        def case_state(self, case_id: str) -> str | None:
            state = reg.case_state(case_id)
            other.set_case_state(case_id, "withdrawn", {"type": "manual", "role": "rso", "reason": "race"})
            return state

        def case_restriction(self, case_id: str) -> str | None:
            return reg.case_restriction(case_id)

        def set_case_state(self, *a, **k):  # type: ignore[no-untyped-def]
            return reg.set_case_state(*a, **k)

    size = reg.size()
    # the other writer withdrew the case after our first look: under the lock the move is
    # withdrawn -> reopened, which the lifecycle forbids, so it is refused and nothing is recorded
    with pytest.raises(IllegalTransitionError, match="withdrawn cannot become reopened"):
        transition(Racing(), CASE, CaseState.reopened,  # type: ignore[arg-type]
                   {"type": "manual", "role": "rso", "reason": "abuse"})
    assert reg.size() == size + 1  # only the other writer's withdrawal
    assert reg.case_state(CASE) == "withdrawn"
    other.close()


def test_incidents_logged_by_other_writers_count_and_show_in_history(database_url: str, tmp_path: Path) -> None:
    reg, _ = _approved(database_url, tmp_path)
    # the review board logs incidents itself, without the defeated claims and maybe without parties
    reg.record("incident", CASE, {"case": CASE, "date": dt.date.today().isoformat(), "domain": "cyber",
                                  "severity": "severe", "description": "exploit kit", "deployer": None,
                                  "harmed": []})
    (run,) = run_triggers(reg)
    assert run.applied == "reopen"
    h = case_history(reg, CASE)
    assert [c.id for c in h.versions[0].claims if c.status == "defeated"] == ["G2", "G4"]


def test_an_unreadable_incident_is_an_error_not_a_silent_pass(database_url: str, tmp_path: Path) -> None:
    reg, _ = _approved(database_url, tmp_path)
    reg.record("incident", CASE, {"case": CASE, "domain": "cyber", "severity": "dire"})
    (run,) = run_triggers(reg)
    assert run.error is not None and "cannot be read" in run.error
    assert CaseState(reg.case_state(CASE)).deployable and run.applied is None


def test_a_deployed_case_moves_to_a_newer_approved_version_without_interruption(
        database_url: str, tmp_path: Path) -> None:
    reg, main = _approved(database_url, tmp_path)
    size = reg.size()
    with pytest.raises(IllegalTransitionError, match="already"):
        decide(reg, _record(main))
    assert reg.size() == size  # refused before anything was logged
    v2 = _copy(tmp_path, "v2", {'version: "1.0"': 'version: "1.0.1"'})
    submit_hashed(reg, load_case(v2))
    decide(reg, _record(v2, reg))
    assert CaseState(reg.case_state(CASE)).deployable
    (run,) = run_triggers(reg)
    assert run.version == 2


def test_an_incident_follows_the_model_into_a_case_under_another_name(database_url: str, tmp_path: Path) -> None:
    """Reason: renaming the case must not shed an incident against the same model weights."""
    from casegate.monitor import comparison_for

    reg, _ = _approved(database_url, tmp_path)
    report_incident(reg, _incident())
    run_triggers(reg)
    renamed = _copy(tmp_path, "renamed", {"id: atlas-2-api\n": "id: atlas-2-api-ga\n", 'version: "1.0"': 'version: "1.1"'})
    loaded = with_attestations(load_case(renamed), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    assert loaded.case is not None and loaded.case.id == "atlas-2-api-ga"
    comparison = comparison_for(reg, loaded, keyring=KEYRING)
    (inc,) = comparison.incidents
    assert inc.version == "case atlas-2-api version 1.0 (#1)" and set(inc.claims) == {"G2", "G4"}
    record = run_gate(loaded, artifacts=rehash_artifacts(loaded), comparison=comparison)
    (f,) = [f for f in record.findings if f.code == "CG708"]
    assert record.outcome == "NO-GO" and "of case atlas-2-api version 1.0 (#1)" in f.message
    # the same name and version under a new digest (one more file beside the weights) is the
    # same model too
    redigested = _copy(tmp_path, "redigested", {"id: atlas-2-api\n": "id: atlas-2-api-b\n",
                                                "sha256:9dc9c848b28402c3": "sha256:0f2c1a7be04d6f3e"})
    (inc,) = comparison_for(reg, load_case(redigested), keyring=KEYRING).incidents
    assert inc.version == "case atlas-2-api version 1.0 (#1)"
    # another model (other weights, another name) is not concerned
    other = _copy(tmp_path, "other", {"id: atlas-2-api\n": "id: orion-api\n", "name: Atlas-2\n": "name: Orion-1\n",
                                      "sha256:9dc9c848b28402c3": "sha256:0f2c1a7be04d6f3e"})
    assert comparison_for(reg, load_case(other), keyring=KEYRING).incidents == []


def test_an_incident_follows_the_weights_into_a_case_with_a_new_digest_name_and_id(
        database_url: str, tmp_path: Path) -> None:
    """Reason: the model's identity was its digest alone: one more file in the weights folder gave
    a new manifest digest, and under a new case id and model name the model started afresh, its
    incident and approved versions shed. With its weights files logged (`registry submit
    --model`), a case about the same weights shares its history."""
    from casegate.evidence import model_digest
    from casegate.monitor import comparison_for, record_model_files

    weights = tmp_path / "model"
    weights.mkdir()
    (weights / "model-00001.safetensors").write_bytes(safetensors(b"\x00weights" * 1000))
    (weights / "config.json").write_text('{"layers": 2}')
    first = model_digest(weights)
    (weights / "README.md").write_text("one more file beside the weights")
    second = model_digest(weights)
    assert first.digest != second.digest
    old_digest = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
    reg = open_registry(database_url)
    main = _copy(tmp_path, "v1", {old_digest + "]": first.digest + "]"})
    attest_again(load_case(main), KEYRING)  # the outside evaluators ran their tests on these weights
    submit_hashed(reg, load_case(main))
    with pytest.raises(InputError, match="is not one of version 1 of atlas-2-api's system digests"):
        record_model_files(reg, CASE, 1, second.digest, second.resources, weights=second.weights)
    assert record_model_files(reg, CASE, 1, first.digest, first.resources, weights=first.weights) is not None
    assert record_model_files(reg, CASE, 1, first.digest, first.resources, weights=first.weights) is None  # once
    submit_for_review(reg, CASE, by="acme-safety-team")
    decide(reg, _record(main, reg))
    report_incident(reg, _incident())
    run_triggers(reg)
    rebadged = _copy(tmp_path, "rebadged", {"id: atlas-2-api\n": "id: vega-api\n", "name: Atlas-2\n": "name: Vega\n",
                                            old_digest + "]": second.digest + "]"})
    # before its weights are logged nothing ties it to atlas-2-api
    assert comparison_for(reg, load_case(rebadged), keyring=KEYRING).incidents == []
    submit_hashed(reg, load_case(rebadged))
    record_model_files(reg, "vega-api", 1, second.digest, second.resources, weights=second.weights)
    loaded = with_attestations(load_case(rebadged), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    comparison = comparison_for(reg, loaded, keyring=KEYRING)
    (inc,) = comparison.incidents
    assert inc.version == "case atlas-2-api version 1.0 (#1)"
    assert [(v.baseline.case, v.baseline.number) for v in comparison.versions] == [(CASE, 1)]
    record = run_gate(loaded, artifacts=rehash_artifacts(loaded), comparison=comparison)
    assert record.outcome == "NO-GO" and any(f.code == "CG708" for f in record.findings)
    # at deploy (`verify --model` against the registry): the weights are those of a reopened case
    from casegate.monitor import deployed_weights_problems

    assert reg.case_state(CASE) == "reopened"
    (vega,) = reg.case_versions("vega-api")
    reasons, _ = deployed_weights_problems(reg, "vega-api", second.resources, second.weights)
    assert any("a file the registry hashed for version 1 of case atlas-2-api, which is reopened" in r
               for r in reasons), reasons
    assert deployed_weights_problems(reg, CASE, first.resources, first.weights)[0] == []  # its own weights
    reg.close()


def _renamed_beside_a_decoy(tmp_path: Path, name: str, edit: dict[str, str]) -> Path:
    """A copy of the example whose model keeps the approved weights' bytes under another name
    (`model.safetensors.part0`, out of the weights endings) beside a 64-byte `adapter.safetensors`,
    the case edited by `edit` and naming that folder's digest, its evaluators' attestations made
    again for it."""
    import os

    from casegate.evidence import model_digest

    case = _copy(tmp_path, name, edit)
    model = case.parent / "model"
    (model / "model.safetensors").rename(model / "model.safetensors.part0")
    (model / "adapter.safetensors").write_bytes(os.urandom(64))
    old = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
    case.write_text(case.read_text().replace(old, model_digest(model).digest))
    attest_again(load_case(case), KEYRING)
    return case


def test_renamed_weights_beside_a_decoy_under_a_new_case_id_carry_the_reopened_cases_history(
        database_url: str, tmp_path: Path) -> None:
    """Attack: atlas-2-api is approved, then an incident reopens it. The lab copies it to a new case
    id and system version, renames `model.safetensors` to `model.safetensors.part0` (the same
    bytes) and adds a 64-byte decoy `adapter.safetensors`, so that the only file named as weights is
    the decoy. The registry knows the weights by their bytes: the new case is compared with the
    reopened one and must answer its incident (NO-GO, CG708); a decision compared with nothing is
    not applied; and the folder does not deploy while the reopened case stands."""
    from casegate.evidence import model_digest
    from casegate.monitor import comparison_for, deployed_weights_problems
    from casegate.store import MODEL_FILES_EVENT

    reg, _ = _approved(database_url, tmp_path)
    report_incident(reg, _incident())
    run_triggers(reg)
    assert reg.case_state(CASE) == "reopened"
    r2 = _renamed_beside_a_decoy(tmp_path, "r2", {"id: atlas-2-api\n": "id: atlas-2-api-r2\n",
                                                  "  version: 2.1.0\n": "  version: 2.1.1\n"})
    submit_hashed(reg, load_case(r2))
    md = model_digest(r2.parent / "model")
    (entry,) = reg.events("atlas-2-api-r2", MODEL_FILES_EVENT)
    assert [w[0] for w in entry.payload["weights"]] == ["model.safetensors.part0"]  # not the decoy
    loaded = with_attestations(load_case(r2), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    comparison = comparison_for(reg, loaded, keyring=KEYRING)
    assert [(v.baseline.case, v.baseline.number) for v in comparison.versions] == [(CASE, 1)]
    (inc,) = comparison.incidents
    assert inc.version == "case atlas-2-api version 1.0 (#1)"
    record = run_gate(loaded, artifacts=rehash_artifacts(loaded), comparison=comparison)
    assert record.outcome == "NO-GO" and any(f.code == "CG708" for f in record.findings if f.blocking)
    submit_for_review(reg, "atlas-2-api-r2", by="acme-safety-team")
    blind = _record(r2)
    assert blind.outcome != "NO-GO"
    with pytest.raises(IllegalTransitionError, match=r"not compared with what this registry remembers: case atlas-2-api "):
        decide(reg, blind)
    reasons, _ = deployed_weights_problems(reg, "atlas-2-api-r2", md.resources, md.weights)
    assert reasons == [
        "the weights deployed include a file the registry hashed for version 1 of case atlas-2-api, which is "
        "reopened: the same weights under another case do not deploy while it stands (model.safetensors.part0 has "
        "the bytes of its model.safetensors)"]
    reg.close()


def test_weights_logged_under_another_name_still_tie_a_later_case_to_them(database_url: str, tmp_path: Path) -> None:
    """Attack, the other way round: a case whose `model-files` entry names only a decoy as the
    weights (an entry logged before weights were known by their content; the real weights renamed
    out of the weights endings) is withdrawn, and the same weights come back under their usual
    name in another case. A weights file of either model with the bytes of any file of the other
    ties them."""
    from casegate.evidence import model_digest
    from casegate.monitor import deployed_weights_problems
    from casegate.monitor._compare import cases_of_model
    from casegate.store import MODEL_FILES_EVENT

    reg = open_registry(database_url)
    old = _renamed_beside_a_decoy(tmp_path, "old", {})
    v = reg.submit_case(load_case(old))
    md = model_digest(old.parent / "model")
    decoy = dict(md.resources)["adapter.safetensors"]
    reg.record(MODEL_FILES_EVENT, CASE, {"version": v.number, "digest": md.digest,
                                         "weights": [["adapter.safetensors", decoy]],
                                         "files": [list(r) for r in md.resources]})
    act(reg, CASE, CaseState.withdrawn, role="rso", reason="the weights leaked")
    vega = _copy(tmp_path, "vega", {"id: atlas-2-api\n": "id: vega-api\n", "name: Atlas-2\n": "name: Vega\n"})
    submit_hashed(reg, load_case(vega))
    new = model_digest(vega.parent / "model")
    system = reg.events("vega-api", "case-version")[0].payload["system"]
    assert cases_of_model(reg, "vega-api", 1, system) == [CASE]
    reasons, _ = deployed_weights_problems(reg, "vega-api", new.resources, new.weights)
    assert any("version 1 of case atlas-2-api, which is withdrawn" in r
               and "(model.safetensors has the bytes of its model.safetensors.part0)" in r for r in reasons), reasons
    # the same bytes shared by two models only as files neither holds as weights tie nothing
    assert deployed_weights_problems(reg, "vega-api", new.resources, ())[0] == []
    reg.close()


def test_a_model_folder_holding_only_a_decoy_is_not_hashed_weights(database_url: str, tmp_path: Path) -> None:
    """Attack: the model folder's weights are in a format and under a name casegate does not know,
    beside a 64-byte `adapter.safetensors` that gives the folder "a weights file". The decoy holds
    no weights, so the registry refuses to log the folder as the weights it hashed (and so, past
    internal use, to approve the version or let it deploy)."""
    import os

    from casegate.evidence import model_digest
    from casegate.monitor import record_model_files

    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text('{"layers": 2}')
    (model / "weights.part0").write_bytes(b"\x00" + os.urandom(8192))
    (model / "adapter.safetensors").write_bytes(os.urandom(64))
    md = model_digest(model)
    assert md.weights == ()
    old = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
    case = _copy(tmp_path, "v1", {old + "]": md.digest + "]"})
    reg = open_registry(database_url)
    v = reg.submit_case(load_case(case))
    with pytest.raises(InputError, match=f"the model at digest {md.digest} holds no weights file"):
        record_model_files(reg, CASE, v.number, md.digest, md.resources, weights=md.weights)
    # named as the weights by the caller, the decoy still is not: the registry logs what the digest names
    with pytest.raises(InputError, match="holds no weights file"):
        record_model_files(reg, CASE, v.number, md.digest, md.resources, weights=[])
    reg.close()


def test_registry_submit_model_logs_every_file_of_the_model(database_url: str, tmp_path: Path) -> None:
    """Reason: model-signing's root digest does not cover file names, so `verify --model` compares
    the deployed names with what the registry logged: every file (not only the weights), once per
    version and model; files that do not hash to the digest are refused; and where an earlier
    entry logged only the weights, every file is logged once the weights are those, path for path."""
    from casegate.evidence import model_digest
    from casegate.monitor import record_model_files
    from casegate.store import MODEL_FILES_EVENT
    from casegate.verify import logged_model_files

    weights = tmp_path / "model"
    weights.mkdir()
    (weights / "model-00001.safetensors").write_bytes(safetensors(b"\x00weights" * 1000))
    (weights / "safety_filter.yaml").write_text("enabled: true\n")
    md = model_digest(weights)
    old_digest = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
    reg = open_registry(database_url)
    submit_hashed(reg, load_case(_copy(tmp_path, "v1", {old_digest + "]": md.digest + "]"})))
    submit_hashed(reg, load_case(_copy(tmp_path, "v2", {old_digest + "]": md.digest + "]", 'version: "1.0"': 'version: "1.1"'})))
    with pytest.raises(InputError, match="do not hash to its digest"):
        record_model_files(reg, CASE, 1, md.digest, md.resources[:1], weights=md.weights)
    entry = record_model_files(reg, CASE, 1, md.digest, md.resources, weights=md.weights)
    assert entry is not None and entry.payload["files"] == [list(r) for r in md.resources]
    assert record_model_files(reg, CASE, 1, md.digest, md.resources, weights=md.weights) is None  # once
    found = logged_model_files(reg, CASE, 1, md.digest)
    assert found is not None and found[0].index == entry.index and found[1] == dict(md.resources)
    # version 2 has an entry logged before every file was, with the weights under another name
    weights_only = reg.record(MODEL_FILES_EVENT, CASE, {"version": 2, "digest": md.digest, "weights": [
        ["elsewhere/model-00001.safetensors", md.resources[0][1]]]})
    assert logged_model_files(reg, CASE, 2, md.digest) is None
    with pytest.raises(InputError, match=f"not, path for path, those log entry {weights_only.index} holds"):
        record_model_files(reg, CASE, 2, md.digest, md.resources, weights=md.weights)
    assert logged_model_files(reg, CASE, 2, md.digest) is None
    # an entry listing every file but no weights file among them is not the weights hashed either
    reg.record(MODEL_FILES_EVENT, CASE, {"version": 1, "digest": "sha256:" + "e" * 64, "weights": [],
                                         "files": [list(r) for r in md.resources]})
    assert logged_model_files(reg, CASE, 1, "sha256:" + "e" * 64) is None
    reg.close()


def test_an_incident_is_answered_only_by_what_changed_because_of_it(database_url: str, tmp_path: Path) -> None:
    """Reason: citing a claim the incident did not defeat, renaming a safeguard, or typing a later
    date on evidence changes nothing, and must not clear the incident."""
    from casegate.monitor import comparison_for

    reg, _ = _approved(database_url, tmp_path)
    report_incident(reg, _incident(day=dt.date(2026, 11, 26)))
    run_triggers(reg)

    def cg708(name: str, edit: dict[str, str], answer: str, files: dict[str, dict[str, str]] | None = None) -> list[str]:
        path = _copy(tmp_path, name, {'version: "1.0"': 'version: "1.1"', **edit})
        for f, subs in (files or {}).items():
            text = (path.parent / f).read_text()
            for old, new in subs.items():
                assert old in text, old
                text = text.replace(old, new)
            (path.parent / f).write_text(text)
        (inc,) = comparison_for(reg, load_case(path), keyring=KEYRING).incidents
        path.write_text(path.read_text() + f"\nincident_answers:\n  {inc.id}: {answer}\n")
        loaded = with_attestations(load_case(path), KEYRING, parse_instant("2026-11-27", end_of_day=True))
        record = run_gate(loaded, artifacts=rehash_artifacts(loaded), comparison=comparison_for(reg, loaded, keyring=KEYRING))
        return [f.message for f in record.findings if f.code == "CG708"]

    (msg,) = cg708("undefeated", {}, "{claims: [G1], note: Reviewed.}")
    assert "claim G1 is not one the incident defeated (G2, G4)" in msg
    (msg,) = cg708("renamed", {"  SG-kyc:": "  SG-kyc2:"}, "{safeguards: [SG-kyc2]}",
                   {"evidence.yaml": {"tests: [SG-kyc]": "tests: [SG-kyc2]"}})
    assert "safeguard SG-kyc2 is a safeguard of version 1.0 (#1) under a new id" in msg
    (msg,) = cg708("typed-date", {}, "{evidence: [E-redteam-classifier]}",
                   {"evidence.yaml": {"date: 2026-10-28": "date: 2026-11-27"}})
    # a typed date breaks the outside evaluator's attestation, which signed the old one
    assert "E-redteam-classifier" in msg and "but the case dates it 2026-11-27" in msg
    # an answer of claims alone must answer every claim the incident defeated
    (msg,) = cg708("one-of-two", {"  kind: api\n": "  kind: trusted-access\n"}, "{claims: [G2]}", {"argument.yaml": {
        "below the Cyber High threshold under full elicitation.":
        "below the Cyber High threshold under full elicitation, without the code-execution tool."}})
    assert "G4 (defeated too) is neither changed nor withdrawn" in msg
    # a phrase appended to each defeated claim changes its words, not what it rests on
    (msg,) = cg708("appended", {}, "{claims: [G2, G4]}", {"argument.yaml": {
        "below the Cyber High threshold under full elicitation.":
        "below the Cyber High threshold under full elicitation, as reviewed after the incident.",
        "beyond access is blocked by a tested safeguard.":
        "beyond access is blocked by a tested safeguard, as reviewed after the incident."}})
    assert "claim G2 is reworded, but rests on nothing new since the incident" in msg
    assert "claim G4 is reworded, but rests on nothing new since the incident" in msg
    # a defeated claim withdrawn and made again under a new id with one word changed is the claim
    # reworded, and rests on nothing new
    (msg,) = cg708("remade", {}, "{claims: [G2, G4]}", {"argument.yaml": {
        "supported_by: [G2, G3, G4, G5, G6, G7]": "supported_by: [G2r, G3, G4r, G5, G6, G7]",
        "against: [G2]": "against: [G2r]",
        "    G2:\n": "    G2r:\n", "    G4:\n": "    G4r:\n",
        "cyber capability is below the Cyber High": "cyber capability remains below the Cyber High",
        "beyond access is blocked by": "beyond access remains blocked by"}})
    assert "claim G2 was withdrawn, but G2r makes it again in nearly the same words" in msg
    assert "claim G4 was withdrawn, but G4r makes it again in nearly the same words" in msg
    # an old safeguard cut down to one of its steps, under a new id, blocks nothing new
    (msg,) = cg708("cut-down", {"  SG-classifier:": "  SG-refusal-cyber:\n    layer: model-behaviour\n"
                                                   "    title: Refusal training against vulnerability discovery\n"
                                                   "    blocks: [cyber-ransomware.find-vulnerability]\n"
                                                   "    evidence: [E-refusal]\n    verified_by: acme-safeguards\n"
                                                   "  SG-classifier:"}, "{safeguards: [SG-refusal-cyber]}")
    assert "safeguard SG-refusal-cyber blocks no step at its layer (model-behaviour) that a safeguard of version " \
           "1.0 (#1) did not already block" in msg
    # a tool dropped on paper within the same kind of boundary: the deploy holds it only as its pipeline declares
    (msg,) = cg708("tool-dropped", {"tools: [code-execution]": "tools: []", "Paid API access with a sandboxed "
                                    "code-execution tool;": "Paid API access;"}, "{boundary: true}")
    assert "without code-execution; a tool dropped on paper is not checked at deploy" in msg
    # dropped from the list while the description still offers it: the boundary grants it still,
    # as the gate weighs it (`granted_tools`), and is not said to be without it
    (msg,) = cg708("tool-dropped-from-list", {"tools: [code-execution]": "tools: []"}, "{boundary: true}")
    assert "the boundary is not narrower than in version 1.0 (#1)" in msg and "without code-execution" not in msg
    # reworded to the narrower kind of boundary the case now has: that is new
    assert cg708("changed", {"  kind: api\n": "  kind: trusted-access\n"}, "{claims: [G2, G4]}", {"argument.yaml": {
        "below the Cyber High threshold under full elicitation.":
        "below the Cyber High threshold under full elicitation, without the code-execution tool.",
        "beyond access is blocked by a tested safeguard.":
        "beyond access, for API use without the code-execution tool, is blocked by a tested safeguard."}}) == []


def test_a_new_case_id_for_known_weights_is_compared_with_that_cases_versions(database_url: str, tmp_path: Path) -> None:
    """Reason: a new name must not start the history afresh; a policy loosened under a new id is
    compared with the approved version of the case the weights already have."""
    from casegate.monitor import comparison_for

    reg, _ = _approved(database_url, tmp_path)
    renamed = _copy(tmp_path, "renamed", {"id: atlas-2-api\n": "id: atlas-2-api-gen2\n"})
    pol = renamed.parent / "policy.yaml"
    text = pol.read_text()
    assert "      - {role: external-evaluator, independent: true}\n    consumer:" in text
    pol.write_text(text.replace("      - {role: external-evaluator, independent: true}\n    consumer:", "    consumer:", 1))
    loaded = with_attestations(load_case(renamed), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    comparison = comparison_for(reg, loaded, keyring=KEYRING)
    assert [c.baseline.label for c in comparison.versions] == ["case atlas-2-api version 1.0 (#1), the last approved"]
    assert any("about the same model" in n for n in comparison.notes)
    record = run_gate(loaded, artifacts=rehash_artifacts(loaded), comparison=comparison)
    (f,) = [f for f in record.findings if f.code == "CG328"]
    assert f.blocking and "external-evaluator (no longer required)" in f.message


def test_a_gamed_version_submitted_first_does_not_become_the_only_yardstick(database_url: str, tmp_path: Path) -> None:
    """Reason: with no approval yet, a lab could submit its gamed version and gate a copy of it
    with one more comment; every version since the last approval is compared, not only the
    newest."""
    from casegate.monitor import comparison_for

    shutil.copytree(EXAMPLE.parent, tmp_path / "examples")
    gaming = tmp_path / "examples" / "failure-modes" / "threshold-gaming"
    reg = open_registry(database_url)
    try:
        submit_hashed(reg, load_case(gaming / "previous" / "case.yaml"))  # 0.9, the honest one
        submit_hashed(reg, load_case(gaming / "case.yaml"))  # 1.0, gamed, submitted by the lab itself
        copy = gaming / "case.yaml"
        copy.write_text(copy.read_text() + "# editorial\n")
        loaded = load_case(copy)
        comparison = comparison_for(reg, loaded)
        assert [c.baseline.role for c in comparison.versions] == ["previous", "earlier"]
        record = run_gate(loaded, artifacts=rehash_artifacts(loaded), comparison=comparison)
        codes = {f.code for f in record.findings if f.blocking}
        assert {"CG320", "CG323"} <= codes, codes
        assert any("(compared with version 0.9 (#1))" in f.message for f in record.findings if f.code == "CG320")
    finally:
        reg.close()


def test_a_new_case_id_submitted_before_its_gate_run_is_still_compared_with_the_model(
        database_url: str, tmp_path: Path) -> None:
    """Reason: `decide` runs on a submitted version; a new case id submitted first had no earlier
    version of its own, so its first decision was compared with nothing."""
    from casegate.monitor import comparison_for

    reg, _ = _approved(database_url, tmp_path)
    renamed = _copy(tmp_path, "renamed", {"id: atlas-2-api\n": "id: atlas-2-api-gen2\n"})
    pol = renamed.parent / "policy.yaml"
    pol.write_text(pol.read_text().replace("      - {role: external-evaluator, independent: true}\n    consumer:", "    consumer:", 1))
    submit_hashed(reg, load_case(renamed))
    loaded = with_attestations(load_case(renamed), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    comparison = comparison_for(reg, loaded, keyring=KEYRING)
    assert [c.baseline.label for c in comparison.versions] == ["case atlas-2-api version 1.0 (#1), the last approved"]
    assert any("no earlier version of case 'atlas-2-api-gen2'" in n for n in comparison.notes)
    record = run_gate(loaded, artifacts=rehash_artifacts(loaded), comparison=comparison)
    assert record.outcome == "NO-GO" and any(f.code == "CG328" for f in record.findings if f.blocking)
    # (and weighed as the version atlas-2-api stands approved on, deployed beside it: CG107)
    assert [(c.role, c.case, c.number) for c in record.compared] == [("previous", "atlas-2-api", 1),
                                                                      ("deployed", "atlas-2-api", 1)]


def test_a_decision_not_compared_with_the_registry_cannot_approve(database_url: str, tmp_path: Path) -> None:
    """Reason: a gate run without the registry (or against another one) compares nothing; the
    registry refuses to approve on it, naming what it missed, and logs nothing."""
    reg, _ = _approved(database_url, tmp_path)
    v2 = _copy(tmp_path, "v2", {'version: "1.0"': 'version: "1.0.1"'})
    submit_hashed(reg, load_case(v2))
    size = reg.size()
    blind = _record(v2)
    assert blind.compared == [] and blind.compared_with[0].startswith("nothing:")
    with pytest.raises(IllegalTransitionError, match=r"not compared with what this registry remembers: version 1\.0 \(#1\)"):
        decide(reg, blind)
    assert reg.size() == size
    # compared with the right case and number but another registry's copy of it (another digest)
    seen = _record(v2, reg)
    other = seen.model_copy(update={"compared": [c.model_copy(update={"digest": "sha256:" + "0" * 64})
                                                 for c in seen.compared]})
    with pytest.raises(IllegalTransitionError, match="not compared"):
        decide(reg, other)
    # an incident logged after the gate run was not weighed: decide again
    report_incident(reg, _incident())
    with pytest.raises(IllegalTransitionError, match=r"incident-\d+"):
        decide(reg, seen)
    assert reg.size() == size + 1  # only the incident


def test_a_decoy_version_under_a_new_id_does_not_hide_the_approved_case_of_the_same_model(
        database_url: str, tmp_path: Path) -> None:
    """Reason: a lab could submit a first version of a new case id without deciding it, so the
    next version is compared only with the lab's own decoy; the approved case of the same weights
    stays a yardstick."""
    from casegate.monitor import comparison_for

    reg, _ = _approved(database_url, tmp_path)
    decoy = _copy(tmp_path, "decoy", {"id: atlas-2-api\n": "id: atlas-2-api-eu\n", 'version: "1.0"': 'version: "1.1-rc"'})
    pol = decoy.parent / "policy.yaml"
    pol.write_text(pol.read_text().replace("      - {role: external-evaluator, independent: true}\n    consumer:", "    consumer:", 1))
    submit_hashed(reg, load_case(decoy))
    main = decoy.parent / "case.yaml"
    main.write_text(main.read_text().replace('version: "1.1-rc"', 'version: "1.1"'))
    submit_hashed(reg, load_case(main))
    loaded = with_attestations(load_case(main), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    comparison = comparison_for(reg, loaded, keyring=KEYRING)
    labels = [c.baseline.label for c in comparison.versions]
    assert labels == ["version 1.1-rc (#1)", "case atlas-2-api version 1.0 (#1), the last approved"], labels
    record = run_gate(loaded, artifacts=rehash_artifacts(loaded), comparison=comparison)
    (f,) = [f for f in record.findings if f.code == "CG328"]
    assert f.blocking and "case atlas-2-api version 1.0 (#1)" in f.message
    assert ("atlas-2-api", 1) in [(c.case, c.number) for c in record.compared]


def test_padding_versions_cannot_push_the_first_ones_since_the_approval_out_of_the_comparison(
        database_url: str, tmp_path: Path) -> None:
    """Reason: with only the newest versions compared, 21 padding versions pushed an honest run
    submitted after the approval out of every comparison."""
    from casegate.monitor import EARLIER_MAX, comparison_for

    reg, _ = _approved(database_url, tmp_path)
    first = _copy(tmp_path, "first", {'version: "1.0"': 'version: "1.1-honest"'})
    submit_hashed(reg, load_case(first))
    main = first.parent / "case.yaml"
    for i in range(EARLIER_MAX + 2):
        main.write_text(main.read_text() + f"# pad {i}\n")
        submit_hashed(reg, load_case(main))
    main.write_text(main.read_text() + "# now\n")
    comparison = comparison_for(reg, load_case(main))
    labels = [c.baseline.label for c in comparison.versions]
    assert "version 1.1-honest (#2)" in labels, labels
    assert len([c for c in comparison.versions if c.baseline.role == "earlier"]) == EARLIER_MAX


def _breached(database_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Version 1.0 approved on 2026-12-02; the cyber flag rate breaches its monitor that morning and
    T-cyber-flags reopens the case; the breaching window has long passed when the next version is
    judged. Returns the registry and the log index of the trigger that fired."""
    from tests.verify.trusted import log_clock

    t0 = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
    with log_clock(t0):
        reg, _ = _approved(database_url, tmp_path)
    loud = [Sample(t0 + dt.timedelta(hours=1 + h), "cyber-classifier-flag-rate", 0.02, CASE) for h in range(3)]
    ingest_samples(reg, loud, source="loud.csv", sha256="1" * 64)
    with log_clock(t0 + dt.timedelta(hours=4)):
        (run,) = run_triggers(reg, at=t0 + dt.timedelta(hours=4))
    assert [f.trigger for f, _ in run.fired] == ["T-cyber-flags"] and reg.case_state(CASE) == "reopened"
    return reg, run.fired[0][1]


def _judged(reg, tmp_path: Path, name: str, edit: dict[str, str], answer: str | None = None,  # type: ignore[no-untyped-def]
            argument: dict[str, str] | None = None) -> DecisionRecord:
    """Version 1.1 (with `edit`, and `answer` under `incident_answers`) submitted days after the
    breach and judged against the registry."""
    from tests.verify.trusted import log_clock

    path = _copy(tmp_path, name, {'version: "1.0"': 'version: "1.1"', **edit})
    for old, new in (argument or {}).items():
        text = (path.parent / "argument.yaml").read_text()
        assert old in text, old
        (path.parent / "argument.yaml").write_text(text.replace(old, new))
    if answer is not None:
        path.write_text(path.read_text() + f"\nincident_answers:\n{answer}\n")
    with log_clock(dt.datetime(2026, 12, 9, 8, 0, tzinfo=dt.UTC)):
        submit_hashed(reg, load_case(path))
        return _record(path, reg)


def test_a_monitor_breach_must_be_answered_by_the_next_version(database_url: str, tmp_path: Path) -> None:
    """Reason: a monitor breach reopened the case; once its window had passed, version 1.1 with only
    its version number changed was judged as if nothing had happened, approved, and verified."""
    reg, fired = _breached(database_url, tmp_path)
    breach = f"breach-{fired}"
    rec = _judged(reg, tmp_path, "bumped", {})
    assert rec.outcome == "NO-GO"
    (f,) = [f for f in rec.findings if f.code == "CG718"]
    assert f.severity.value == "blocking"
    assert f.message.startswith(f"{breach} (monitor M-cyber-flags: cyber-classifier-flag-rate read 0.02")
    assert "defeated G2, G4 of version 1.0 (#1); this version does not answer it" in f.message
    assert breach in rec.incidents_compared
    # the trigger-fired entry records the claims of the cyber domain the monitor watches, and the
    # history names the breach and those claims, as the case answers it
    (entry,) = [e for e in reg.events(CASE, "trigger-fired") if e.index == fired]
    assert entry.payload["defeats"] == ["G2", "G4"]
    h = case_history(reg, CASE)
    claims = {c.id: c for c in h.versions[0].claims}
    assert claims["G2"].defeated_by == [f"{breach}: monitor M-cyber-flags (trigger T-cyber-flags)"]
    assert f"T-cyber-flags (monitor, {breach}) -> reopen" in format_history(h)
    # the registry refuses to approve a decision that was not compared with the breach
    submit_for_review(reg, CASE, by="acme-safety-team")
    blind = rec.model_copy(update={"outcome": "GO", "incidents_compared": [i for i in rec.incidents_compared if i != breach]})
    with pytest.raises(IllegalTransitionError, match=breach):
        decide(reg, blind)


def test_a_monitor_breach_is_answered_only_by_what_bears_on_what_it_watched(database_url: str, tmp_path: Path) -> None:
    """Reason: an answer about another domain, a date typed on old evidence, or a version number
    must not clear a breach; a safeguard on the watched pathways or a narrower boundary does."""
    reg, fired = _breached(database_url, tmp_path)
    breach = f"breach-{fired}"

    def cg718(name: str, edit: dict[str, str], answer: str, argument: dict[str, str] | None = None) -> list[str]:
        rec = _judged(reg, tmp_path, name, edit, f"  {breach}: {answer}", argument)
        return [f.message for f in rec.findings if f.code == "CG718"]

    bio_screen = ("  SG-bio-screen:\n    layer: access-control\n    title: Screening of protocol requests\n"
                  "    blocks: [bio-known-agent.production]\n    evidence: [E-kyc]\n    verified_by: acme-safeguards\n"
                  "  SG-classifier:")
    (msg,) = cg718("other-domain", {"  SG-classifier:": bio_screen}, "{safeguards: [SG-bio-screen]}")
    assert "safeguard SG-bio-screen blocks no step of a pathway of cyber, the domain monitor M-cyber-flags watches" in msg
    (msg,) = cg718("typed-date", {}, "{evidence: [E-kyc]}")
    assert "evidence E-kyc is dated 2026-10-15, not after the breach (2026-12-02)" in msg
    (msg,) = cg718("undefeated", {}, "{claims: [G3]}")
    assert "claim G3 is not one the breach defeated (G2, G4)" in msg
    # a safeguard that blocks a step of the cyber pathway at a layer no old safeguard did
    exploit_screen = bio_screen.replace("SG-bio-screen", "SG-exploit-screen").replace(
        "bio-known-agent.production", "cyber-ransomware.build-exploit")
    assert cg718("safeguard", {"  SG-classifier:": exploit_screen}, "{safeguards: [SG-exploit-screen]}") == []
    # the defeated claims narrowed to a narrower kind of boundary
    assert cg718("narrowed", {"  kind: api\n": "  kind: trusted-access\n"}, "{claims: [G2, G4]}", {
        "below the Cyber High threshold under full elicitation.":
        "below the Cyber High threshold under full elicitation, for trusted users only.",
        "beyond access is blocked by a tested safeguard.":
        "beyond access, for trusted users, is blocked by a tested safeguard."}) == []


def test_readings_backdated_into_a_silence_do_not_undo_it(database_url: str, tmp_path: Path) -> None:
    """The monitors go quiet for three days after the approval; before the triggers run the lab
    ingests readings dated every 12 hours across the gap. A reading counts from when the registry
    recorded it, so the gap is still a silence and reopens the case."""
    from tests.verify.trusted import log_clock

    t0 = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
    with log_clock(t0):
        reg, _ = _approved(database_url, tmp_path)
    with log_clock(t0 + dt.timedelta(hours=2)):
        _reporting(reg, t0 + dt.timedelta(hours=1), start=t0 + dt.timedelta(hours=1))
    later = t0 + dt.timedelta(days=3)
    with log_clock(later):
        _reporting(reg, later, start=t0 + dt.timedelta(hours=13))
        (run,) = run_triggers(reg, at=later)
    assert sorted(f.cause for f, _ in run.fired) == [
        "monitor-silent:M-bio-flags:2026-12-02T10:00:00Z", "monitor-silent:M-cyber-flags:2026-12-02T10:00:00Z"]
    assert run.applied == "reopen" and reg.case_state(CASE) == "reopened"
    (f, _) = run.fired[0]
    assert "no reading of" in f.reason and "since 2026-12-02T10:00:00Z" in f.reason


def test_a_confirmation_by_a_key_revoked_only_in_the_log_does_not_count(database_url: str, tmp_path: Path) -> None:
    """Attack: the external evaluator's key is stolen, and its compromise is recorded in the
    registry's log with `casegate keys revoke`, but the keyring file given to `conditions met` and
    `triggers run` is an older copy without it. The lab confirms C1 with the stolen key: refused when
    it is recorded, and a confirmation written straight into the log does not meet the condition
    either; the reason names the revocation, as `verify` does."""
    from casegate.monitor import condition_statuses
    from casegate.sign import iso, save_keyring, sign_confirmation
    from casegate.store import log_time
    from tests.verify.trusted import cli_in_process

    today = dt.date.today()
    reg, main = _approved_signed(database_url, tmp_path, today + dt.timedelta(days=30), today + dt.timedelta(days=30))
    priya = next(k for k in KEYRING.keys if k.person == "Priya Natarajan")
    copy = tmp_path / "security-copy.yaml"
    save_keyring(KEYRING, copy)
    stolen = log_time().replace(microsecond=0) - dt.timedelta(hours=1)
    rc, text = cli_in_process(tmp_path, "keys", "revoke", str(copy), priya.keyid, "--reason", "stolen",
                              "--at", iso(stolen), "--db", database_url)
    assert rc == 0 and "recorded the keyring change in the log" in text, text
    size = reg.size()
    with pytest.raises(InputError, match=r"revoked.*stolen"):
        _met(reg, main, "C1")  # KEYRING: the file, which does not say so
    assert reg.size() == size
    d = reg.events(CASE, "decision")[-1].index
    env = sign_confirmation(case_id=CASE, version=1, decision=d,
                            condition={"id": "C1", "text": "add a third classifier layer",
                                       "due": (today + dt.timedelta(days=30)).isoformat()},
                            evidence=[{"evidence": "E-cyber-ctf", "sha256": "a" * 64}], role="external-evaluator",
                            signer=_signer(main, "priya-natarajan"), keyring=KEYRING,
                            at=log_time().replace(microsecond=0))
    reg.record("condition-met", CASE, {"decision": d, "id": "C1", "evidence": ["E-cyber-ctf"],
                                       "by": "external-evaluator", "envelope": env})
    c1 = next(c for c in condition_statuses(reg, CASE, keyring=KEYRING) if c.id == "C1")
    assert not c1.met, c1
    assert any("Priya Natarajan's key" in r and "stolen" in r for r in c1.not_counted), c1.not_counted


def _undercut_then_moved(database_url: str, tmp_path: Path, third: str | None = "withdraw"):  # type: ignore[no-untyped-def]
    """Version 1 approved with an undercutter D9 standing open against G4; version 2, approved too,
    has G5 also cite E-refusal, a run G4 rests on; version 3 (submitted, not decided) withdraws G4
    and deletes D9 (`third` "withdraw") or changes nothing more (None). The registry and the three
    versions' main files."""
    undercut = ("    D9:\n      defeater: The E-redteam-classifier red team used prompts the deployment's users would not write.\n"
                "      kind: undercutter\n      against: [G4]\n      status: open\n")
    reg = open_registry(database_url)
    versions = []
    for n, (name, edit) in enumerate([("v1", None), ("v2", "cite"), ("v3", third or "cite")], 1):
        dest = _copy(tmp_path, name, {'version: "1.0"': f'version: "1.{n - 1}"'})
        arg = dest.parent / "argument.yaml"
        text = arg.read_text()
        g4 = "      evidence: [E-redteam-classifier, E-refusal, E-kyc, E-monitoring]\n      domain: cyber\n"
        g5 = "      evidence: [E-redteam-classifier, E-monitoring]\n"
        assert g4 in text and g5 in text and "    G5:\n" in text
        if edit != "withdraw":
            text = text.replace(g4, g4 + "      defeaters: [D9]\n").replace("    G5:\n", undercut + "    G5:\n")
        else:
            start, end = text.index("    G4:\n"), text.index("    G5:\n")
            text = text[:start] + text[end:]
            text = text.replace("supported_by: [G2, G3, G4, G5, G6, G7]", "supported_by: [G2, G3, G5, G6, G7]")
        if edit is not None:
            text = text.replace(g5, "      evidence: [E-redteam-classifier, E-monitoring, E-refusal]\n")
        arg.write_text(text)
        versions.append(dest)
        submit_hashed(reg, load_case(dest))
        if n == 1:
            submit_for_review(reg, CASE, by="acme-safety-team")
        if n < 3:  # a new decision approves version 2 over version 1 directly
            rec = _record(dest, reg)
            assert rec.outcome == "GO WITH CONDITIONS", [f.message for f in rec.findings if f.blocking]
            decide(reg, rec)
    return reg, versions


def _tamper_argument(reg, number: int) -> None:  # type: ignore[no-untyped-def]
    """What a lab with write access to the registry's tables does: rewrite the stored bytes of
    version `number`'s argument.yaml (so that version no longer shows what it argued)."""
    import sqlalchemy as sa

    with reg.engine.begin() as c:
        (sha,) = c.execute(sa.text(
            "SELECT f.sha256 FROM case_files f JOIN case_versions v ON v.id = f.version_id "
            "WHERE v.case_id = :c AND v.number = :n AND f.path = 'argument.yaml'"), {"c": CASE, "n": number}).one()
        c.execute(sa.text("UPDATE blobs SET content = :b WHERE sha256 = :s"), {"b": b"elements: {}\n", "s": sha})


def test_a_defeated_claims_run_moved_over_two_approved_versions_still_carries_the_defeater(
        database_url: str, tmp_path: Path) -> None:
    """Version 1 is approved with an undercutter standing open against G4 (the policy lets it stand
    as a condition). Version 2, approved too, has G5 also cite E-refusal, a run G4 rests on; nothing
    is withdrawn. Version 3 withdraws G4 and deletes the undercutter. Against version 2 alone, G5
    cited the run already; the registry holds version 1, where the undercutter stood and G5 did not
    cite it, so G5 stands in G4's place and the undercutter must face it (CG806)."""
    reg, versions = _undercut_then_moved(database_url, tmp_path)
    rec = _record(versions[2], reg)
    assert rec.outcome == "NO-GO"
    (m,) = [f.message for f in rec.findings if f.code == "CG806"]
    assert "undercutter `D9` against `G4`" in m and "`G5` (citing `E-refusal`, a run it cited)" in m


def test_an_approved_version_rewritten_in_the_registry_stops_the_gate_that_follows_a_defeater_through_it(
        database_url: str, tmp_path: Path) -> None:
    """Attack: as above, but before version 3 is gated the lab rewrites the stored bytes of version 1,
    the only one in which G5 did not cite the run while the undercutter stood, so that CG806 could
    not see G5 moved into G4's place. The approved versions are loaded only when CG806 follows a
    defeater through them; it does here, and version 1 does not load: the gate stops, naming it."""
    from casegate.errors import StoreError

    reg, versions = _undercut_then_moved(database_url, tmp_path)
    _tamper_argument(reg, 1)
    with pytest.raises(StoreError, match="stored bytes of argument.yaml no longer match their sha256"):
        _record(versions[2], reg)


def test_an_approved_version_rewritten_stops_a_gate_whose_runs_are_known_by_names(database_url: str,
                                                                                  tmp_path: Path) -> None:
    """Version 3 drops nothing, so CG806 follows no defeater through the approved versions; but its
    runs are known by their sample names only (casegate-results with no inputs or outputs), so CG306
    reads every approved version for the oldest recorded run of each threshold. Rewriting version
    1's stored bytes cannot hide that run: the gate stops, naming the rewrite."""
    from casegate.errors import StoreError

    reg, versions = _undercut_then_moved(database_url, tmp_path, third=None)
    clean = _record(versions[2], reg)
    assert clean.outcome == "GO WITH CONDITIONS", [f.message for f in clean.findings if f.blocking]
    _tamper_argument(reg, 1)
    with pytest.raises(StoreError, match="stored bytes of argument.yaml no longer match their sha256"):
        _record(versions[2], reg)
