"""Readings bound to a telemetry key the lab does not hold: where the registry's keyring gives a key
the `telemetry` role (or the policy sets `post_deployment.signed_telemetry`), only readings signed
by such a key end a silence or show a monitor quiet; any reading that breaches is a breach.

Each test is a move the lab makes with readings it writes itself."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from casegate.errors import InputError
from casegate.load import load_case
from casegate.monitor import decide, ingest_samples, iso, run_triggers, submit_for_review
from casegate.monitor._series import Sample
from casegate.sign import (
    MONITOR_READINGS,
    MONITOR_READINGS_V2,
    add_key,
    generate_key,
    load_public_key,
    load_signer,
    sign_readings,
    sign_statement,
    sslib_key,
    statement,
)
from casegate.store import open_registry
from tests._weights import submit_hashed
from tests.monitor.test_registry_flow import (
    CASE,
    KEYRING,
    _conditions_due,
    _copy,
    _record,
    _signed_bundle,
    _signer,
)
from tests.verify.trusted import log_clock

CYBER, BIO = "cyber-classifier-flag-rate", "bio-classifier-flag-rate"
T0 = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
"""When the case is approved in each story."""


def _telemetry_ring(tmp: Path, *, person: str = "Noor Haddad", organisation: str = "Northfield Monitoring",
                    ring: Any = KEYRING) -> tuple[Any, Any]:
    """The example keyring with one more key in the telemetry role, and its signer."""
    g = generate_key(tmp / f"{person.split()[0].lower()}-telemetry.pem")
    pub = sslib_key(load_public_key(g.public_path))
    ring = add_key(ring, pub, person=person, roles=["telemetry"], valid_from="2026-01-01",
                   valid_until="2027-12-31", organisation=organisation)
    return ring, load_signer(str(g.private_path))


def _approved(database_url: str, tmp_path: Path, *, policy: str = ""):  # type: ignore[no-untyped-def]
    """The example approved at T0 by a decision the rso (Sam Whitfield, Acme Labs) signed (with
    `policy` added to its policy file)."""
    far = dt.date(2027, 6, 1)
    with log_clock(T0):
        reg = open_registry(database_url)
        main = _copy(tmp_path, "v1")
        if policy:
            with (main.parent / "policy.yaml").open("a") as f:
                f.write(policy)
        submit_hashed(reg, load_case(main))
        submit_for_review(reg, CASE, by="acme-safety-team")
        rec = _conditions_due(far, far)(_record(main, reg))
        decide(reg, rec, bundle=_signed_bundle(rec, main))
    return reg, main


def _rows(start: dt.datetime, until: dt.datetime, value: float = 0.0, every: int = 12) -> list[Sample]:
    out, t = [], start
    while t <= until:
        out += [Sample(t, s, value, CASE) for s in (CYBER, BIO)]
        t += dt.timedelta(hours=every)
    return out


def _readings(rows: list[Sample]) -> list[dict[str, Any]]:
    return [{"case": s.case, "signal": s.signal, "timestamp": iso(s.timestamp), "value": s.value} for s in rows]


def _next_number(reg, signer) -> int:  # type: ignore[no-untyped-def]
    """The number of the next batch `signer` signs for the case: one past the highest it has
    logged (each case's batches are numbered 1, 2, 3, ...)."""
    from casegate.sign import claimed_readings

    keyid = signer.public_key.keyid
    seen = [c[1].get("sequence", {}).get(CASE, 0) for e in reg.events(CASE, "monitor-samples")
            if (c := claimed_readings(e.payload.get("envelope"))) is not None and c[1].get("keyid") == keyid]
    return max(seen, default=0) + 1


def _ingest(reg, rows: list[Sample], *, at: dt.datetime, signer=None, ring=None, envelope=None) -> None:  # type: ignore[no-untyped-def]
    """Ingest `rows` with the log's clock at `at`, signed by `signer` (a telemetry key of `ring`)
    or carrying `envelope` as given, or unsigned."""
    if signer is not None:
        envelope = sign_readings(_readings(rows), source="telemetry.json", signer=signer, keyring=ring, at=at,
                                 sequence=_next_number(reg, signer))
    with log_clock(at):
        ingest_samples(reg, rows, source="readings.csv", sha256="3" * 64, envelope=envelope)


def _report_as_it_goes(reg, start: dt.datetime, until: dt.datetime, **how: Any) -> None:  # type: ignore[no-untyped-def]
    """Readings of 0.0 on both signals every 12 hours, each ingested (and signed) when taken."""
    t = start
    while t <= until:
        _ingest(reg, _rows(t, t), at=t + dt.timedelta(minutes=1), **how)
        t += dt.timedelta(hours=12)


def _silent(run) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(f.cause for f, _ in run.fired if f.event == "monitor-silent")


def test_properly_signed_telemetry_ends_a_silence_and_keeps_the_monitor_healthy(database_url: str,
                                                                              tmp_path: Path) -> None:
    """The control: the monitoring system's own key signs each batch; nothing fires, and the
    batch records who signed it."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    later = T0 + dt.timedelta(days=3)
    _report_as_it_goes(reg, T0 + dt.timedelta(hours=1), later, signer=telemetry, ring=ring)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    assert run.fired == [] and reg.case_state(CASE) == "approved-with-conditions"
    assert not any("telemetry" in n for n in run.notes), run.notes
    entry = reg.events(CASE, "monitor-samples")[0].payload
    assert entry["signed_by"]["person"] == "Noor Haddad" and entry["signed_by"]["role"] == "telemetry"


def test_a_silence_ends_at_the_first_signed_reading(database_url: str, tmp_path: Path) -> None:
    """The monitors go quiet for two days; a signed batch then ends the silence: it fires once,
    closed at the signed reading, and no later silence is open."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    back = T0 + dt.timedelta(days=2)
    _report_as_it_goes(reg, back, back + dt.timedelta(hours=12), signer=telemetry, ring=ring)
    at = back + dt.timedelta(hours=13)
    with log_clock(at):
        (run,) = run_triggers(reg, at=at, keyring=ring)
    fired = [f for f, _ in run.fired if f.event == "monitor-silent"]
    assert len(fired) == 2 and all(f.details["until"] == iso(back + dt.timedelta(minutes=1)) for f in fired)


def test_unsigned_quiet_readings_do_not_fill_a_silence(database_url: str, tmp_path: Path) -> None:
    """Attack: the monitoring system stops; the lab ingests quiet readings of its own every 12
    hours, each as it is taken (not backdated). They are not signed by the telemetry key, so the
    monitors are still silent, and the run says why each reading did not count."""
    ring, _ = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    later = T0 + dt.timedelta(days=3)
    _report_as_it_goes(reg, T0 + dt.timedelta(hours=1), later)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{iso(T0)}", f"monitor-silent:M-cyber-flags:{iso(T0)}"]
    assert run.applied == "reopen" and reg.case_state(CASE) == "reopened"
    (f, _) = next(x for x in run.fired if x[0].details.get("monitor") == "M-cyber-flags")
    assert ("reading(s) in that stretch do not count: reading of cyber-classifier-flag-rate at "
            "2026-12-02T09:00:00Z is not signed by a telemetry key the registry trusts; it does not end the "
            "monitor's silence") in f.reason
    note = next(n for n in run.notes if n.startswith(f"reading of {CYBER}"))
    assert note == (f"reading of {CYBER} at 2026-12-02T09:00:00Z is not signed by a telemetry key the registry "
                    "trusts; it does not end the monitor's silence (5 more reading(s) of "
                    f"{CYBER} since the approval do not count either)")
    # the reason is what the state change records, so `state show` and `verify` give it
    cause = reg.events(CASE, "state-change")[-1].payload["cause"]
    assert "is not signed by a telemetry key the registry trusts" in cause["reason"]


def test_unsigned_quiet_readings_do_not_outweigh_a_signed_breach(database_url: str, tmp_path: Path) -> None:
    """Attack: the telemetry key signed a breaching reading (0.02 against 0.005); the lab, which
    cannot delete it from the log, ingests quiet readings of its own at the same instant and
    around it. The breach stands."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    t = T0 + dt.timedelta(hours=2)
    _ingest(reg, [Sample(t, CYBER, 0.02, CASE), Sample(t, BIO, 0.0, CASE)], at=t, signer=telemetry, ring=ring)
    quiet = [Sample(t + dt.timedelta(minutes=m), CYBER, 0.0, CASE) for m in range(-5, 6)]
    _ingest(reg, quiet, at=t + dt.timedelta(minutes=10))
    at = t + dt.timedelta(hours=1)
    with log_clock(at):
        (run,) = run_triggers(reg, at=at, keyring=ring)
    (f, _) = next(x for x in run.fired if x[0].event == "monitor")
    assert f.trigger == "T-cyber-flags" and "read 0.02" in f.reason
    assert reg.case_state(CASE) == "reopened"


def test_an_unsigned_breach_is_believed_against_the_lab(database_url: str, tmp_path: Path) -> None:
    """The asymmetry: a reading the lab ingests unsigned does not show a monitor healthy, but one
    that breaches is a breach (the lab's own report of a breach is believed against itself)."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    t = T0 + dt.timedelta(hours=2)
    _ingest(reg, [Sample(t, CYBER, 0.0, CASE), Sample(t, BIO, 0.0, CASE)], at=t, signer=telemetry, ring=ring)
    _ingest(reg, [Sample(t + dt.timedelta(hours=1), BIO, 0.004, CASE)], at=t + dt.timedelta(hours=1))
    at = t + dt.timedelta(hours=2)
    with log_clock(at):
        (run,) = run_triggers(reg, at=at, keyring=ring)
    assert [f.trigger for f, _ in run.fired] == ["M-bio-flags"] and run.applied == "restrict to trusted-access"


@pytest.mark.parametrize("who", ["developer-key", "decider-as-telemetry", "developer-staff-as-telemetry",
                                 "developer-subsidiary-as-telemetry"])
def test_readings_signed_by_the_developer_do_not_count(database_url: str, tmp_path: Path, who: str) -> None:
    """Attack: the lab signs its quiet readings itself: with its own safety lead's key claiming
    the telemetry role it does not hold; with a telemetry key the keyring gives the rso who signed
    the decision; with one it gives another member of the developer's organisation, or of its
    subsidiary (`Acme Labs UK Ltd`, which compared unequal to the policy's `acme-labs`)."""
    ring, _ = _telemetry_ring(tmp_path)
    reg, main = _approved(database_url, tmp_path)
    if who == "developer-key":
        signer = _signer(main, "dana-ortiz")
        key = ring.get(signer.public_key.keyid)

        def envelope(rows: list[Sample], at: dt.datetime) -> dict[str, Any]:
            pred = {"readings": _readings(rows), "source": "ours.json", "role": "telemetry", "person": key.person,
                    "identity": key.identity, "keyid": key.keyid, "signed_at": iso(at)}
            return sign_statement(statement([{"name": "readings:ours.json", "digest": {"sha256": "0" * 64}}],
                                            MONITOR_READINGS, pred), signer)
        expect = "claims role 'telemetry', which Dana Ortiz's key does not hold"
    else:
        person = {"decider-as-telemetry": "Sam Whitfield", "developer-subsidiary-as-telemetry": "Lena Holt"}.get(
            who, "Ravi Menon")
        org = "Acme Labs UK Ltd" if who == "developer-subsidiary-as-telemetry" else "Acme Labs"
        ring, signer = _telemetry_ring(tmp_path, person=person, organisation=org, ring=ring)

        def envelope(rows: list[Sample], at: dt.datetime) -> dict[str, Any]:
            return sign_readings(_readings(rows), source="ours.json", signer=signer, keyring=ring, at=at,
                                 sequence=_next_number(reg, signer))
        expect = ("who signed the decision the case stands on" if who == "decider-as-telemetry"
                  else f"{person} of {org}, the developer's own organisation")
    later = T0 + dt.timedelta(days=3)
    t = T0 + dt.timedelta(hours=1)
    while t <= later:
        rows = _rows(t, t)
        _ingest(reg, rows, at=t + dt.timedelta(minutes=1), envelope=envelope(rows, t + dt.timedelta(minutes=1)))
        t += dt.timedelta(hours=12)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{iso(T0)}", f"monitor-silent:M-cyber-flags:{iso(T0)}"]
    assert any(expect in n for n in run.notes), run.notes


def test_a_signed_batch_replayed_later_does_not_end_a_silence(database_url: str, tmp_path: Path) -> None:
    """Attack: the lab keeps a genuine signed batch from the first hour and ingests it again every
    day. A batch is heard when the log first recorded it: the copies are not news."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    first = _rows(T0 + dt.timedelta(hours=1), T0 + dt.timedelta(hours=1))
    env = sign_readings(_readings(first), source="t.json", signer=telemetry, keyring=ring,
                        at=T0 + dt.timedelta(hours=1, minutes=1), sequence=1)
    for day in range(4):
        _ingest(reg, first, at=T0 + dt.timedelta(days=day, hours=1, minutes=1), envelope=env)
    later = T0 + dt.timedelta(days=3, hours=2)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    stamp = iso(T0 + dt.timedelta(hours=1, minutes=1))
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{stamp}", f"monitor-silent:M-cyber-flags:{stamp}"]
    # and the run says why the copies did not end the silence
    first = reg.events(CASE, "monitor-samples")[0].index
    note = next(n for n in run.notes if n.startswith(f"reading of {CYBER}"))
    assert note.startswith(f"reading of {CYBER} at 2026-12-02T09:00:00Z in log entry ")
    assert (f"is a copy of the signed batch log entry {first} recorded at {stamp}: it was heard then, not again; "
            "it does not end the monitor's silence (2 more reading(s)") in note, note
    (f, _) = next(x for x in run.fired if x[0].details.get("monitor") == "M-cyber-flags")
    assert "reading(s) in that stretch do not count" in f.reason and "is a copy of the signed batch" in f.reason


@pytest.mark.parametrize("how", ["signed again later", "another source"])
def test_a_reading_repeated_in_new_signed_batches_does_not_end_a_silence(database_url: str, tmp_path: Path,
                                                                        how: str) -> None:
    """Attack: the provider's signing service signs whatever readings it is handed. The lab hands
    it the first hour's quiet readings again each day, so each day's batch is a new signed
    statement (another signing time, or another source name) about the same readings. A reading
    is one signal at one time: heard when the log first recorded it, so the repeats are no news
    and the monitors go silent."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    first = _rows(T0 + dt.timedelta(hours=1), T0 + dt.timedelta(hours=1))
    for day in range(4):
        at = T0 + dt.timedelta(days=day, hours=1, minutes=1)
        env = sign_readings(_readings(first), source="t.json" if how != "another source" else f"t-{day}.json",
                            signer=telemetry, keyring=ring,
                            at=at if how == "signed again later" else T0 + dt.timedelta(hours=1, minutes=1),
                            sequence=day + 1)
        _ingest(reg, first, at=at, envelope=env)
    payloads = {e.payload["envelope"]["payload"] for e in reg.events(CASE, "monitor-samples")}
    assert len(payloads) == 4  # four different signed batches, not copies of one
    later = T0 + dt.timedelta(days=3, hours=2)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    stamp = iso(T0 + dt.timedelta(hours=1, minutes=1))
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{stamp}", f"monitor-silent:M-cyber-flags:{stamp}"]
    first_entry = reg.events(CASE, "monitor-samples")[0].index
    note = next(n for n in run.notes if n.startswith(f"reading of {CYBER}"))
    assert (f"repeats the reading of that time log entry {first_entry} recorded at {stamp}: it was heard then, "
            "not again; it does not end the monitor's silence") in note, note


def test_a_repeated_breaching_reading_is_still_a_breach(database_url: str, tmp_path: Path) -> None:
    """A repeat does not count toward health, but a breach is a breach wherever it is read."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    t = T0 + dt.timedelta(hours=1)
    _ingest(reg, _rows(t, t), at=t + dt.timedelta(minutes=1), signer=telemetry, ring=ring)
    _ingest(reg, [Sample(t, CYBER, 0.5, CASE)], at=t + dt.timedelta(hours=2), signer=telemetry, ring=ring)
    at = t + dt.timedelta(hours=3)
    with log_clock(at):
        (run,) = run_triggers(reg, at=at, keyring=ring)
    assert any(f.event == "monitor" and f.details["monitor"] == "M-cyber-flags" for f, _ in run.fired), run.fired


def _ecdsa_telemetry_ring(tmp: Path) -> tuple[Any, Any]:
    """The example keyring with a telemetry key on ECDSA P-256, whose signatures differ each time
    the same bytes are signed, and its signer."""
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    priv = ec.generate_private_key(ec.SECP256R1())
    path = tmp / "noor-telemetry-ecdsa.pem"
    path.write_bytes(priv.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    path.chmod(0o600)
    ring = add_key(KEYRING, sslib_key(priv.public_key()), person="Noor Haddad", roles=["telemetry"],
                   valid_from="2026-01-01", valid_until="2027-12-31", organisation="Northfield Monitoring")
    return ring, load_signer(str(path))


def _rewrapped(env: dict[str, Any], day: int, how: str) -> dict[str, Any]:
    """The same signed batch with something around the signature changed (nothing it covers)."""
    out = json.loads(json.dumps(env))
    if how == "top-level field":
        out["x"] = day
    elif how == "signature field":
        out["signatures"][0]["note"] = f"relayed on day {day}"
    else:  # the payload's base64 broken over lines: the same bytes decoded
        p = out["payload"]
        out["payload"] = p[:8 * (day + 1)] + "\n" + p[8 * (day + 1):]
    return out


@pytest.mark.parametrize("how", ["top-level field", "signature field", "payload split"])
def test_a_signed_batch_rewrapped_each_time_does_not_end_a_silence(database_url: str, tmp_path: Path,
                                                                   how: str) -> None:
    """Attack: the lab keeps the provider's one quiet batch and ingests it again every day, each
    time with the envelope changed around the signature (a field added at the top or in the
    signature, or the payload's base64 laid out differently), so the envelope's bytes are new but
    what was signed is not. It is the same batch: heard when first logged, and the monitors go
    silent."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    first = _rows(T0 + dt.timedelta(hours=1), T0 + dt.timedelta(hours=1))
    env = sign_readings(_readings(first), source="t.json", signer=telemetry, keyring=ring,
                        at=T0 + dt.timedelta(hours=1, minutes=1), sequence=1)
    _ingest(reg, first, at=T0 + dt.timedelta(hours=1, minutes=1), envelope=env)
    for day in range(1, 4):
        _ingest(reg, first, at=T0 + dt.timedelta(days=day, hours=1, minutes=1), envelope=_rewrapped(env, day, how))
    later = T0 + dt.timedelta(days=3, hours=2)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    stamp = iso(T0 + dt.timedelta(hours=1, minutes=1))
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{stamp}", f"monitor-silent:M-cyber-flags:{stamp}"]
    first_entry = reg.events(CASE, "monitor-samples")[0].index
    note = next(n for n in run.notes if n.startswith(f"reading of {CYBER}"))
    assert f"is a copy of the signed batch log entry {first_entry} recorded at {stamp}" in note, note


def test_a_signed_batch_signed_again_by_its_key_is_a_copy(database_url: str, tmp_path: Path) -> None:
    """Attack: the telemetry key is ECDSA, whose signature over the same bytes differs each time;
    the provider's signing service, asked again for the same quiet readings at the same second,
    returns a new envelope each day. What was signed is the same, so it is a copy, not news."""
    ring, telemetry = _ecdsa_telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    first = _rows(T0 + dt.timedelta(hours=1), T0 + dt.timedelta(hours=1))
    signed_at = T0 + dt.timedelta(hours=1, minutes=1)
    envs = [sign_readings(_readings(first), source="t.json", signer=telemetry, keyring=ring, at=signed_at, sequence=1)
            for _ in range(4)]
    assert len({e["signatures"][0]["sig"] for e in envs}) == 4  # four different signatures
    assert len({e["payload"] for e in envs}) == 1  # over the same statement
    for day, env in enumerate(envs):
        _ingest(reg, first, at=T0 + dt.timedelta(days=day, hours=1, minutes=1), envelope=env)
    later = T0 + dt.timedelta(days=3, hours=2)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    stamp = iso(signed_at)
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{stamp}", f"monitor-silent:M-cyber-flags:{stamp}"]


@pytest.mark.parametrize("how", ["top-level field", "signature field"])
def test_ingest_refuses_a_batch_with_fields_dsse_does_not_define(tmp_path: Path, how: str) -> None:
    """`monitor ingest` reads the file before recording it: an envelope with a field DSSE does not
    define is refused, naming the file and the field, and nothing is recorded."""
    from casegate.monitor import read_batch

    ring, telemetry = _telemetry_ring(tmp_path)
    rows = _rows(T0 + dt.timedelta(hours=1), T0 + dt.timedelta(hours=1))
    env = sign_readings(_readings(rows), source="t.json", signer=telemetry, keyring=ring,
                        at=T0 + dt.timedelta(hours=1, minutes=1), sequence=1)
    good = tmp_path / "readings.dsse.json"
    good.write_text(json.dumps(env))
    assert len(read_batch(good)[0]) == 2
    bad = tmp_path / "replay-1.dsse.json"
    bad.write_text(json.dumps(_rewrapped(env, 1, how)))
    with pytest.raises(InputError) as e:
        read_batch(bad)
    field = "'x'" if how == "top-level field" else "'note'"
    assert e.value.location == str(bad) and field in e.value.message and "DSSE does not define" in e.value.message


def test_readings_outside_the_telemetry_keys_validity_do_not_count(database_url: str, tmp_path: Path) -> None:
    """A telemetry key compromised from a date signs nothing after it: readings dated after the
    revocation do not count, nor do readings dated after their batch was signed."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    keyid = telemetry.public_key.keyid
    with pytest.raises(InputError, match="dated after now"):
        sign_readings(_readings(_rows(T0 + dt.timedelta(hours=5), T0 + dt.timedelta(hours=5))), source="x",
                      signer=telemetry, keyring=ring, at=T0, sequence=1)
    later = T0 + dt.timedelta(days=2)
    _report_as_it_goes(reg, T0 + dt.timedelta(hours=1), later, signer=telemetry, ring=ring)
    from casegate.sign import revoke_key

    revoked = revoke_key(ring, keyid, at=iso(T0 + dt.timedelta(hours=14)), reason="stolen", kind="compromised")
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=revoked)
    stamp = iso(T0 + dt.timedelta(hours=13, minutes=1))  # the last batch logged before the compromise
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{stamp}", f"monitor-silent:M-cyber-flags:{stamp}"]


def test_without_a_telemetry_key_readings_are_the_ingesters_word_and_the_run_says_so(database_url: str,
                                                                                    tmp_path: Path) -> None:
    """No key holds the telemetry role and the policy does not ask for signed telemetry: readings
    count as before (so quiet unsigned ones keep a monitor from falling silent), and the run names
    that as the ingester's word."""
    reg, _ = _approved(database_url, tmp_path)
    later = T0 + dt.timedelta(days=3)
    _report_as_it_goes(reg, T0 + dt.timedelta(hours=1), later)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=KEYRING)
    assert run.fired == []
    assert any(n.startswith("the monitors' readings are taken on the word of whoever ingested them: no key of "
                            "the keyring holds the `telemetry` role") for n in run.notes), run.notes


def test_a_policy_that_asks_for_signed_telemetry_counts_no_reading_without_a_telemetry_key(
        database_url: str, tmp_path: Path) -> None:
    """`post_deployment.signed_telemetry: true` and a keyring with no telemetry key: no reading
    can count, so the monitors fall silent (fail closed), while a breach still fires."""
    far = dt.date(2027, 6, 1)
    with log_clock(T0):
        reg = open_registry(database_url)
        main = _copy(tmp_path, "v1")
        pol = main.parent / "policy.yaml"
        text = pol.read_text()
        assert "\npost_deployment:" not in text
        pol.write_text(text + "\npost_deployment:\n  signed_telemetry: true\n")
        submit_hashed(reg, load_case(main))
        submit_for_review(reg, CASE, by="acme-safety-team")
        rec = _conditions_due(far, far)(_record(main, reg))
        decide(reg, rec, bundle=_signed_bundle(rec, main))
    later = T0 + dt.timedelta(days=3)
    _report_as_it_goes(reg, T0 + dt.timedelta(hours=1), later)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=KEYRING)
    assert len(_silent(run)) == 2
    assert any("is not signed by a telemetry key the registry trusts" in n for n in run.notes)


def test_a_signed_batch_is_an_in_toto_statement_its_schema_describes(tmp_path: Path) -> None:
    import base64
    import json

    import jsonschema

    from casegate.sign import validate_statement

    ring, telemetry = _telemetry_ring(tmp_path)
    rows = _rows(T0, T0)
    root = Path(__file__).resolve().parents[2]
    schema = json.loads((root / "schemas" / "predicates" / "monitor-readings-v2.schema.json").read_text())
    for n in (1, 2):
        env = sign_readings(_readings(rows), source="t.json", signer=telemetry, keyring=ring,
                            at=T0 + dt.timedelta(minutes=1), sequence=n)
        stmt = json.loads(base64.b64decode(env["payload"]))
        validate_statement(stmt, "the signed batch")
        assert stmt["predicateType"] == MONITOR_READINGS_V2
        jsonschema.validate(stmt["predicate"], schema)
        # batch 1 follows no batch; batch 2 names the key that signed batch 1 (by default its own)
        assert stmt["predicate"]["follows"] == ({} if n == 1 else {CASE: telemetry.public_key.keyid})


def _revoke_in_log(tmp: Path, db: str, ring: Any, keyid: str, *, at: dt.datetime, retired: bool) -> Path:
    """`casegate keys revoke` on the security team's copy of the keyring, recorded in the log; the
    keyring file the trigger run is given is left as it was (no revocation in it)."""
    from casegate.sign import save_keyring
    from tests.verify.trusted import cli_in_process

    copy = tmp / "security-copy.yaml"
    save_keyring(ring, copy)
    rc, text = cli_in_process(tmp, "keys", "revoke", str(copy), keyid, "--reason", "stolen", "--at", iso(at),
                              *(["--retired"] if retired else []), "--db", db)
    assert rc == 0 and "recorded the keyring change in the log" in text, text
    return copy


@pytest.mark.parametrize("kind", ["compromised", "retired"])
def test_a_telemetry_key_revoked_only_in_the_log_stops_counting(database_url: str, tmp_path: Path,
                                                                 kind: str) -> None:
    """Attack: the telemetry key is stolen (or retired in a rotation) from T0 + 14 h, and the
    revocation is recorded in the registry's log with `casegate keys revoke`, but the keyring file
    the trigger run is given is an older copy without it. The readings the key signed after the
    revocation still kept the monitors quiet. As for a decision's signers, every revocation the
    log records applies: the monitors fall silent from the last batch logged before it, and the run
    says why each later reading does not count."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    later = T0 + dt.timedelta(days=2)
    _report_as_it_goes(reg, T0 + dt.timedelta(hours=1), later, signer=telemetry, ring=ring)
    revoked_at = T0 + dt.timedelta(hours=14)
    with log_clock(T0 + dt.timedelta(days=1)):
        _revoke_in_log(tmp_path, database_url, ring, telemetry.public_key.keyid, at=revoked_at,
                       retired=kind == "retired")
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)  # the file: no revocation in it
    stamp = iso(T0 + dt.timedelta(hours=13, minutes=1))  # the last batch logged before the revocation
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{stamp}", f"monitor-silent:M-cyber-flags:{stamp}"]
    assert run.applied == "reopen" and reg.case_state(CASE) == "reopened"
    gone = "was revoked on 2026-12-02T22:00:00Z (stolen)"
    note = next(n for n in run.notes if n.startswith(f"reading of {CYBER}"))
    assert note.startswith(f"reading of {CYBER} at 2026-12-03T09:00:00Z is not signed by a telemetry key the "
                           "registry trusts (log entry "), note
    assert "Noor Haddad's key" in note and gone in note and "it does not end the monitor's silence" in note, note
    (f, _) = next(x for x in run.fired if x[0].details.get("monitor") == "M-cyber-flags")
    assert gone in f.reason


def test_readings_signed_ahead_past_a_logged_retirement_do_not_count(database_url: str, tmp_path: Path) -> None:
    """Attack: before the telemetry key's retirement (recorded in the log only) takes effect, its
    holder signs readings dated past it, and the batch is logged before the retirement date. A
    signature dated at or after the retirement never counts, and the readings that would have
    kept the monitors quiet through it do not; the run says why."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    ahead = _rows(T0 + dt.timedelta(hours=20), T0 + dt.timedelta(days=2, hours=8))
    env = sign_readings(_readings(ahead), source="ahead.json", signer=telemetry, keyring=ring,
                        at=T0 + dt.timedelta(days=2, hours=9), sequence=1)
    _ingest(reg, ahead, at=T0 + dt.timedelta(hours=1), envelope=env)
    with log_clock(T0 + dt.timedelta(hours=2)):
        _revoke_in_log(tmp_path, database_url, ring, telemetry.public_key.keyid,
                       at=T0 + dt.timedelta(hours=18), retired=True)
    later = T0 + dt.timedelta(days=2, hours=10)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{iso(T0)}", f"monitor-silent:M-cyber-flags:{iso(T0)}"]
    note = next(n for n in run.notes if n.startswith(f"reading of {CYBER}"))
    assert ("is dated 2026-12-04T17:00:00Z, at or after Noor Haddad's key" in note
            and "was revoked on 2026-12-03T02:00:00Z (stolen); it never counts" in note), note


def test_a_batch_withheld_on_its_way_to_the_registry_fires_as_a_silence(database_url: str, tmp_path: Path) -> None:
    """Attack: the lab relays the monitoring system's signed batches to the registry. One batch
    holds a breaching reading; the lab drops it and relays the next. Batches come every 12 hours
    and the monitors allow 24, so the drop leaves no silence, and the breach is never read. The
    batches are numbered for the case: the registry sees batch 3 missing between 2 and 4, and
    fires as it does on a silence."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    t, n = T0 + dt.timedelta(hours=1), 0
    while t <= T0 + dt.timedelta(days=3):
        n += 1
        rows = _rows(t, t, value=0.5 if n == 3 else 0.0)
        env = sign_readings(_readings(rows), source=f"batch-{n}.json", signer=telemetry, keyring=ring,
                            at=t + dt.timedelta(minutes=1), sequence=n)
        if n != 3:  # withheld
            _ingest(reg, rows, at=t + dt.timedelta(minutes=1), envelope=env)
        t += dt.timedelta(hours=12)
    later = T0 + dt.timedelta(days=3, hours=2)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    key = telemetry.public_key.keyid[:16]
    assert _silent(run) == [f"monitor-withheld:M-bio-flags:{key}:3", f"monitor-withheld:M-cyber-flags:{key}:3"]
    (f, _) = next(x for x in run.fired if x[0].details.get("monitor") == "M-cyber-flags")
    assert ("batch 3 of the readings Noor Haddad (telemetry) signed for the case was never logged, though batch 4 "
            "was (log entry ") in f.reason and "a withheld batch could hold a breach" in f.reason, f.reason
    assert reg.case_state(CASE) == "reopened"



def test_a_number_far_ahead_fires_without_naming_every_number_between(database_url: str, tmp_path: Path) -> None:
    """A batch numbered 10**12 after batch 1 (a telemetry key may sign any number): the gap fires,
    and the run names the first few missing numbers rather than building a trillion of them."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    for n, t in ((1, T0 + dt.timedelta(hours=1)), (10**12, T0 + dt.timedelta(hours=13))):
        rows = _rows(t, t)
        env = sign_readings(_readings(rows), source=f"batch-{n}.json", signer=telemetry, keyring=ring,
                            at=t + dt.timedelta(minutes=1), sequence=n)
        _ingest(reg, rows, at=t + dt.timedelta(minutes=1), envelope=env)
    later = T0 + dt.timedelta(days=1, hours=2)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    key = telemetry.public_key.keyid[:16]
    fired = [c for c in _silent(run) if c.startswith(f"monitor-withheld:M-cyber-flags:{key}:")]
    assert sorted(int(c.rsplit(":", 1)[1]) for c in fired) == list(range(2, 18)), fired
    assert reg.case_state(CASE) == "reopened"

def test_an_unnumbered_batch_does_not_count(database_url: str, tmp_path: Path) -> None:
    """Attack: the lab's relay asks for batches without numbers, so none can be seen missing. Such
    a batch is signed by the telemetry key, but its readings do not end a silence."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    key = ring.get(telemetry.public_key.keyid)
    t = T0 + dt.timedelta(hours=1)
    while t <= T0 + dt.timedelta(days=3):
        rows = _rows(t, t)
        at = t + dt.timedelta(minutes=1)
        pred = {"readings": _readings(rows), "source": "t.json", "role": "telemetry", "person": key.person,
                "identity": key.identity, "keyid": key.keyid, "signed_at": iso(at)}
        env = sign_statement(statement([{"name": "readings:t.json", "digest": {"sha256": "0" * 64}}],
                                       MONITOR_READINGS, pred), telemetry)
        _ingest(reg, rows, at=at, envelope=env)
        t += dt.timedelta(hours=12)
    later = T0 + dt.timedelta(days=3, hours=2)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{iso(T0)}", f"monitor-silent:M-cyber-flags:{iso(T0)}"]
    assert any("its batch gives no sequence number for case atlas-2-api" in n for n in run.notes), run.notes


def _hand_signed(ring: Any, signer: Any, rows: list[Sample], at: dt.datetime, predicate_type: str,
                 **fields: Any) -> dict[str, Any]:
    """A batch signed as another tool (or an older casegate) would sign it: `fields` added to the
    predicate as given."""
    key = ring.get(signer.public_key.keyid)
    pred = {"readings": _readings(rows), "source": "t.json", "role": "telemetry", "person": key.person,
            "identity": key.identity, "keyid": key.keyid, "signed_at": iso(at), **fields}
    return sign_statement(statement([{"name": "readings:t.json", "digest": {"sha256": "0" * 64}}],
                                    predicate_type, pred), signer)


@pytest.mark.parametrize("version", ["v1", "v2 without follows"])
def test_batches_of_the_first_format_still_count_and_the_second_must_name_the_key_before(
        database_url: str, tmp_path: Path, version: str) -> None:
    """Batches signed in the first format (numbered per case, naming no key before them) read as
    they always did: the monitors stay heard. In the second, a batch numbered above 1 that does not
    name the key that signed the number before it could hide a handover, so its readings do not count."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    t, n = T0 + dt.timedelta(hours=1), 0
    while t <= T0 + dt.timedelta(days=3):
        n += 1
        at = t + dt.timedelta(minutes=1)
        kind = MONITOR_READINGS if version == "v1" else MONITOR_READINGS_V2
        _ingest(reg, _rows(t, t), at=at, envelope=_hand_signed(ring, telemetry, _rows(t, t), at, kind,
                                                                sequence={CASE: n}))
        t += dt.timedelta(hours=12)
    later = T0 + dt.timedelta(days=3, hours=2)
    with log_clock(later):
        (run,) = run_triggers(reg, at=later, keyring=ring)
    if version == "v1":
        assert run.fired == [] and reg.case_state(CASE) == "approved-with-conditions", run.notes
        return
    # batch 1 follows nothing and counts (heard when logged); from batch 2 on, nothing does
    heard = iso(T0 + dt.timedelta(hours=1, minutes=1))
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{heard}", f"monitor-silent:M-cyber-flags:{heard}"], run.notes
    assert any("its batch, numbered 2 for case atlas-2-api, does not name the key that signed the batch before it "
               "(`follows`)" in note for note in run.notes), run.notes


def test_signing_refuses_a_key_before_that_is_no_telemetry_key_or_before_batch_1(tmp_path: Path) -> None:
    ring, telemetry = _telemetry_ring(tmp_path)
    rows = _readings(_rows(T0, T0))
    at = T0 + dt.timedelta(minutes=1)
    rso = next(k.keyid for k in ring.keys if "telemetry" not in k.roles)
    cases = [("0123", "is not a key id"), (rso, "is no telemetry key of the keyring"),
             ({CASE: telemetry.public_key.keyid}, "batch 1 of case atlas-2-api follows no batch")]
    for follows, message in cases:
        with pytest.raises(InputError, match=message):
            sign_readings(rows, source="t.json", signer=telemetry, keyring=ring, at=at,
                          sequence=1 if isinstance(follows, dict) else 2, follows=follows)
    with pytest.raises(InputError, match="names the key before batch 1"):
        sign_readings(rows, source="t.json", signer=telemetry, keyring=ring, at=at, sequence=1,
                      follows=telemetry.public_key.keyid)
    with pytest.raises(InputError, match="names case other-case, which the batch holds no reading of"):
        sign_readings(rows, source="t.json", signer=telemetry, keyring=ring, at=at, sequence=2,
                      follows={"other-case": telemetry.public_key.keyid})
    # a prefix of 16 hex digits is enough
    env = sign_readings(rows, source="t.json", signer=telemetry, keyring=ring, at=at, sequence=2,
                        follows=telemetry.public_key.keyid[:16])
    from casegate.sign import claimed_readings

    got = claimed_readings(env)
    assert got is not None and got[1]["follows"] == {CASE: telemetry.public_key.keyid}
