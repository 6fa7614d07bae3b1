"""An evidence item is never newer than the first time the registry saw its artifact's bytes
(SQLite and PostgreSQL). Its date is the lab's word, typed in the case or read from a log the lab
wrote; with a registry, its age counts from no later than the day the registry first logged the
artifact (in any case, any version, under any evidence id), and an artifact not logged yet from no
later than the registry's clock. The gate (CG306), the expiries a decision bundle signs, the
registry's own judgement of them, and the evidence-expiry trigger all count it so; an artifact the
registry logged before an incident does not answer it (CG708)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from casegate.evidence import rehash_artifacts
from casegate.gate import run_gate
from casegate.load import Loaded, load_case
from casegate.model import DecisionRecord, Severity
from casegate.monitor import (
    IllegalTransitionError,
    Incident,
    comparison_for,
    decide,
    load_stored,
    report_incident,
    run_triggers,
    submit_for_review,
)
from casegate.monitor import evidence_expiry as trigger_expiry
from casegate.sign import (
    attest_evidence,
    load_keyring,
    load_signer,
    parse_instant,
    sign_authors,
    sign_case,
    with_attestations,
)
from casegate.store import Registry
from casegate.verify import decide_case
from casegate.verify._bundle import _evidence_expiry as bundle_expiry
from tests._weights import submit_hashed
from tests.verify.trusted import log_clock

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"
KEYRING = load_keyring(EXAMPLE / "keys" / "keyring.yaml")
CASE = "atlas-2-api"
UTC = dt.UTC

V1_LOGGED = dt.datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
V2_LOGGED = dt.datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
GATED = dt.datetime(2026, 12, 5, 9, 0, tzinfo=UTC)

SANDBAG = """  E-sandbag:
    kind: sandbagging-probe
    title: Sandbagging probe with fine-tuning elicitation
    artifact: reports/sandbagging-probe.md
    sha256: 203a8dad73d1e062ad77a69a31ed5c22f47b351f42b642dc46b3fcdffda74764
    producer: northbridge-security
    date: 2026-10-20
"""
# the same report bytes cited again under a new id, dated after the registry first logged them
AGAIN = """  E-sandbag-again:
    kind: sandbagging-probe
    title: Sandbagging probe, repeated
    artifact: reports/sandbagging-probe.md
    sha256: 203a8dad73d1e062ad77a69a31ed5c22f47b351f42b642dc46b3fcdffda74764
    producer: acme-alignment-science
    date: 2026-12-01
    result: {passed: true}
"""
REDATED = "2026-12-01"
# the report was first logged with version 1 on 2026-11-21: 180 days on is 2027-05-20; from the
# date the lab typed on it, 2027-05-30
FROM_LOGGED = "2027-05-20"
FROM_TYPED = "2027-05-30"
BETWEEN = dt.date(2027, 5, 25)


def _copy(tmp: Path, name: str, *, case: dict[str, str] | None = None, evidence: dict[str, str] | None = None,
          src: Path = EXAMPLE) -> Path:
    dest = tmp / name
    shutil.copytree(src, dest)
    for file, edits in (("case.yaml", case or {}), ("evidence.yaml", evidence or {})):
        text = (dest / file).read_text()
        for old, new in edits.items():
            assert old in text, old
            text = text.replace(old, new, 1)
        (dest / file).write_text(text)
    return dest / "case.yaml"


def _redated(tmp: Path, name: str = "v2", case: dict[str, str] | None = None) -> Path:
    """Version 1.1: the lab types a later date on the sandbagging report (its bytes unchanged) and
    cites the same bytes again under a new id, dated later too."""
    redated = SANDBAG.replace("date: 2026-10-20", f"date: {REDATED}")
    path = _copy(tmp, name, case={'version: "1.0"': 'version: "1.1"', **(case or {})},
                 evidence={SANDBAG: redated, "  E-redteam-classifier:\n": AGAIN + "  E-redteam-classifier:\n"})
    # the probe's outside evaluator signs it again as re-dated (its verdict counts only so signed):
    # what is at stake here is the date its age counts from, not who vouches for it
    os.chmod(path.parent / "keys" / "jonas-berg.key", 0o600)
    attest_evidence(load_case(path), "E-sandbag", load_signer(str(path.parent / "keys" / "jonas-berg.key")), KEYRING,
                    "evaluator", activity="ran", says="Sandbagging probe of Atlas-2, re-dated.",
                    at=parse_instant("2026-11-26T12:00:00Z"))
    return path


def _loaded(path: Path) -> Loaded:
    return with_attestations(load_case(path), KEYRING, parse_instant("2026-11-27", end_of_day=True))


def _gate(reg: Registry | None, path: Path, *, today: dt.date, clock: dt.datetime = GATED) -> DecisionRecord:
    loaded = _loaded(path)
    with log_clock(clock):
        comparison = comparison_for(reg, loaded, keyring=KEYRING) if reg is not None else None
    return run_gate(loaded, today=today, artifacts=rehash_artifacts(loaded), comparison=comparison)


def _cg306(record: DecisionRecord) -> dict[str, str]:
    return {str(f.path[1]): f.message for f in record.findings if f.code == "CG306"}


def test_a_report_re_dated_in_the_case_ages_from_when_the_registry_first_logged_it(reg: Registry, tmp_path: Path) -> None:
    """Reason: a lab could type a later date on an old report, or cite its bytes again under a new
    id, to push its expiry out; the registry has seen those bytes since version 1."""
    with log_clock(V1_LOGGED):
        submit_hashed(reg, load_case(_copy(tmp_path, "v1")))
    v2 = _redated(tmp_path)
    got = _cg306(_gate(reg, v2, today=BETWEEN))
    for eid in ("E-sandbag", "E-sandbag-again"):
        assert f"expired on {FROM_LOGGED} (2026-11-21 + 180 days; the registry first logged its artifact on " \
               f"2026-11-21 (log entry 0), before the date {REDATED} the item is given)" in got[eid], got.get(eid)
    # the same once the re-dated version is stored: the first time counts, not the latest
    with log_clock(V2_LOGGED):
        submit_hashed(reg, load_case(v2))
    got = _cg306(_gate(reg, v2, today=BETWEEN))
    assert {"E-sandbag", "E-sandbag-again"} <= set(got)
    # without a registry the lab's date stands, as before
    alone = _cg306(_gate(None, v2, today=BETWEEN))
    assert "E-sandbag" not in alone and "E-sandbag-again" not in alone


def test_a_log_dated_in_the_registrys_future_ages_from_its_clock_then_from_its_first_logging(
        reg: Registry, tmp_path: Path) -> None:
    """Reason: the results log is a JSON file the lab writes; a run dated months ahead would stay
    fresh months longer. It cannot be newer than the registry's clock, nor than its first logging."""
    main = _copy(tmp_path, "future")
    log = main.parent / "evals" / "cyber-ctf.json"
    raw = log.read_bytes()
    assert b'"created": "2026-10-02T09:00:00Z"' in raw
    log.write_bytes(raw.replace(b'"created": "2026-10-02T09:00:00Z"', b'"created": "2027-03-01T09:00:00Z"'))
    ev = main.parent / "evidence.yaml"
    text = ev.read_text()
    old_sha = hashlib.sha256(raw).hexdigest()
    new_sha = hashlib.sha256(log.read_bytes()).hexdigest()
    ev.write_text(text.replace(old_sha, new_sha).replace("    date: 2026-10-02\n", "    date: 2027-03-01\n", 1))
    today = dt.date(2027, 6, 5)  # 2027-03-01 + 180 days is 2027-08-28
    # not logged yet: no later than the registry's clock (2026-12-05 + 180 days = 2027-06-03)
    got = _cg306(_gate(reg, main, today=today))
    assert "expired on 2027-06-03 (2026-12-05 + 180 days; 2026-12-05 is the registry's clock, and the item is " \
           "dated 2027-03-01, after it)" in got["E-cyber-ctf"]
    with log_clock(dt.datetime(2026, 12, 6, 9, 0, tzinfo=UTC)):
        submit_hashed(reg, load_case(main))
    got = _cg306(_gate(reg, main, today=today, clock=dt.datetime(2027, 1, 10, tzinfo=UTC)))
    assert "expired on 2027-06-04 (2026-12-06 + 180 days; the registry first logged its artifact on 2026-12-06" \
           in got["E-cyber-ctf"]
    assert "E-cyber-ctf" not in _cg306(_gate(None, main, today=today))


def test_the_trigger_counts_the_age_of_an_approved_version_as_the_gate_does(reg: Registry, tmp_path: Path) -> None:
    """Reason: an approved version's re-dated report must stop the GO when the registry says it
    expired, not when the lab's date says so."""
    with log_clock(V1_LOGGED):
        submit_hashed(reg, load_case(_copy(tmp_path, "v1")))
    v2 = _redated(tmp_path, case={"  triggers:\n": "  triggers:\n    T-stale:\n      on: evidence-expiry\n"
                                                   "      action: reopen\n      notify: [safety-lead]\n"})
    with log_clock(V2_LOGGED):
        submit_hashed(reg, load_case(v2))
        submit_for_review(reg, CASE, by="acme-safety-team")
    # decided on the day the lab dates the report (no decision comes before its evidence, CG357)
    record = _gate(reg, v2, today=dt.date.fromisoformat(REDATED))
    assert record.outcome != "NO-GO", [f.code for f in record.findings if f.blocking]
    with log_clock(GATED):
        decide(reg, record)
    (run,) = run_triggers(reg, at=dt.datetime.combine(BETWEEN, dt.time(12), UTC))
    causes = {f.cause: f.reason for f, _ in run.fired}
    assert f"evidence-expiry:E-sandbag:{FROM_LOGGED}" in causes, sorted(causes)
    assert f"evidence-expiry:E-sandbag-again:{FROM_LOGGED}" in causes
    assert "the case dates it 2026-12-01" in causes[f"evidence-expiry:E-sandbag:{FROM_LOGGED}"]
    loaded = _loaded(v2)
    assert loaded.case is not None
    assert trigger_expiry(loaded.case, loaded.policy)["E-sandbag"] == dt.date.fromisoformat(FROM_TYPED)


def test_decide_with_the_registry_signs_the_expiries_the_registry_judges(reg: Registry, tmp_path: Path) -> None:
    """Reason: the bundle's evidence expiries are what `verify` holds a deploy to; a decision made
    without the registry signs the lab's dates, and the registry must not approve it."""
    from casegate.approve import registry_judge
    from tests.sign.helpers import make_world

    w = make_world(tmp_path / "w", authors_list=False)
    with log_clock(V1_LOGGED):
        submit_hashed(reg, w.load())
    ev = w.dir / "evidence.yaml"
    text = ev.read_text()
    assert SANDBAG in text
    ev.write_text(text.replace(SANDBAG, SANDBAG.replace("date: 2026-10-20", f"date: {REDATED}"))
                  .replace("  E-redteam-classifier:\n", AGAIN + "  E-redteam-classifier:\n", 1))
    case = w.dir / "case.yaml"
    case.write_text(case.read_text().replace('version: "1.0"', 'version: "1.1"', 1))
    signed_at = parse_instant("2026-12-03")
    sign_authors(w.load(), "safety-lead", w.signers["mira"], w.ring, at=signed_at)
    for name, role in {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=signed_at)
    with log_clock(V2_LOGGED):
        submit_hashed(reg, w.load())
        submit_for_review(reg, CASE, by="acme-safety-team")
    at = GATED
    with log_clock(at):
        comparison = comparison_for(reg, w.load(), keyring=w.ring)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=at, comparison=comparison,
                                 today=at.date())
    signed = {e["id"]: e for e in _predicate(bundle)["evidence"]}
    assert signed["E-sandbag"] == {"id": "E-sandbag", "date": "2026-11-21", "expires": FROM_LOGGED}
    assert signed["E-sandbag-again"]["expires"] == FROM_LOGGED
    assert signed["E-bio-uplift"]["date"] == "2026-10-09"  # an honest date stands
    # the registry judges the stored version as decide --db did: the same expiries
    with log_clock(at):
        judgement = registry_judge(reg, record, w.ring_path, None, bundle, unpinned=True)(2)
    assert judgement is not None
    # decided without the registry, the bundle signs the lab's dates: refused
    _, alone = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=at, comparison=None, today=at.date())
    assert {e["id"]: e["expires"] for e in _predicate(alone)["evidence"]}["E-sandbag"] == FROM_TYPED
    with log_clock(at), pytest.raises(IllegalTransitionError) as e:
        registry_judge(reg, record, w.ring_path, None, alone, unpinned=True)(2)
    assert f"E-sandbag (signed {FROM_TYPED}, the stored version gives {FROM_LOGGED})" in str(e.value)
    # the stored version gives the same values read back from the registry
    with log_clock(at):
        stored = load_stored(reg, CASE, 2, tmp_path / "stored")
        dates = comparison_for(reg, stored, keyring=w.ring).artifact_dates
    assert {x["id"]: x["expires"] for x in bundle_expiry(stored, dates)} == \
        {x["id"]: x["expires"] for x in _predicate(bundle)["evidence"]}


def _predicate(bundle: dict) -> dict:  # type: ignore[type-arg]
    from casegate.sign import decode_payload

    return decode_payload(bundle["decision"])["predicate"]  # type: ignore[no-any-return]


def _results_log(src: Path, dest: Path, created: str, run: str | None = None) -> str:
    """A copy of a casegate-results log with another creation time; its sha256. `run`: a new run
    of the task, whose samples record outputs that run gave (a copy without outputs has the old
    run's samples, and is that run)."""
    import json

    doc = json.loads(src.read_bytes())
    doc["created"] = created
    if run is not None:
        for s in doc["samples"]:
            s["output"] = f"{run}: transcript of {s['id']} epoch {s['epoch']}"
    raw = json.dumps(doc).encode()
    dest.write_bytes(raw)
    return hashlib.sha256(raw).hexdigest()


def _eval_item(eid: str, path: str, sha: str, day: str) -> str:
    return (f"  {eid}:\n    kind: eval\n    artifact: {path}\n    sha256: {sha}\n    producer: acme-frontier-evals\n"
            f"    date: {day}\n    confidentiality: internal\n    domain: cyber\n    threshold: cyber-high\n"
            "    elicitation: {prompting: expert-written}\n")


def test_an_artifact_logged_before_the_incident_does_not_answer_it(reg: Registry, tmp_path: Path) -> None:
    """Reason: a run dated after the incident by its own log is the lab's word too; bytes the
    registry stored (in another case, under another id) before it logged the incident were not
    produced because of it."""
    v1 = _copy(tmp_path, "v1")
    with log_clock(V1_LOGGED):
        submit_hashed(reg, load_case(v1))
        submit_for_review(reg, CASE, by="acme-safety-team")
    with log_clock(V1_LOGGED):
        decide(reg, _gate(reg, v1, today=dt.date(2026, 11, 20), clock=V1_LOGGED))
    # a run dated 2026-11-28 is logged on 2026-11-29 with another case about other weights
    other = _copy(tmp_path, "other", case={"id: atlas-2-api\n": "id: orion-api\n",
                                           "sha256:9dc9c848b28402c3": "sha256:0f2c1a7be04d6f3e"})
    src = EXAMPLE / "evals" / "cyber-ctf.json"
    early = _results_log(src, other.parent / "evals" / "ctf-rerun.json", "2026-11-28T09:00:00Z", run="rerun")
    (other.parent / "evidence.yaml").write_text((other.parent / "evidence.yaml").read_text().replace(
        "  E-bio-uplift:\n", _eval_item("E-ctf-rerun", "evals/ctf-rerun.json", early, "2026-11-28") + "  E-bio-uplift:\n", 1))
    with log_clock(dt.datetime(2026, 11, 29, 9, 0, tzinfo=UTC)):
        submit_hashed(reg, load_case(other))
    # the incident (2026-11-26) is logged on 2026-12-01
    with log_clock(dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)):
        entry = report_incident(reg, Incident(
            case=CASE, date=dt.date(2026, 11, 26), deployer="Acme API customer", developer="Acme Labs",
            harmed=["Northfield Hospital"], description="ransomware written with the code-execution tool",
            severity=Severity.high, domain="cyber"))
    inc = f"incident-{entry.index}"

    def answered_by(name: str, created: str, run: str | None) -> list[str]:
        v2 = _copy(tmp_path, name, case={'version: "1.0"': 'version: "1.1"'})
        sha = _results_log(src, v2.parent / "evals" / "ctf-after.json", created, run)
        ev = v2.parent / "evidence.yaml"
        ev.write_text(ev.read_text().replace(
            "  E-bio-uplift:\n", _eval_item("E-ctf-after", "evals/ctf-after.json", sha, created[:10]) + "  E-bio-uplift:\n", 1))
        v2.write_text(v2.read_text() + f"\nincident_answers:\n  {inc}: {{evidence: [E-ctf-after]}}\n")
        record = _gate(reg, v2, today=dt.date(2026, 12, 2), clock=dt.datetime(2026, 12, 2, 12, 0, tzinfo=UTC))
        return [f.message for f in record.findings if f.code == "CG708"]

    # the same bytes under a new id: dated after the incident by its log, but logged before it
    (msg,) = answered_by("old-run", "2026-11-28T09:00:00Z", "rerun")
    assert (f"evidence E-ctf-after is dated 2026-11-28 by its artifact, but its artifact was first logged on "
            f"2026-11-29 (log entry {entry.index - 1}), before the incident (2026-12-01)") in msg, msg
    # the first run's results re-dated after the incident: the same samples, logged with version 1
    (msg,) = answered_by("re-dated", "2026-12-02T08:00:00Z", None)
    assert ("evidence E-ctf-after is dated 2026-12-02 by its artifact, but the same evaluation run (log "
            in msg and "was first logged on 2026-11-21 (log entry 0), before the incident (2026-12-01)" in msg), msg
    # a run the registry has not seen before answers it
    assert answered_by("new-run", "2026-12-02T08:00:00Z", "after the incident") == []


def test_without_a_registry_the_dates_stand_as_before(tmp_path: Path) -> None:
    loaded = _loaded(_redated(tmp_path))
    assert loaded.case is not None
    rows = {x["id"]: x for x in bundle_expiry(loaded)}
    assert rows["E-sandbag"] == {"id": "E-sandbag", "date": REDATED, "expires": FROM_TYPED}
    assert trigger_expiry(loaded.case, loaded.policy)["E-sandbag-again"] == dt.date.fromisoformat(FROM_TYPED)
