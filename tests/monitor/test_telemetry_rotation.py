"""Signed telemetry across a key change: the monitoring system replaces its telemetry key (Noor
Haddad's) with a new one (Omar Haddad's), and for a day both sign. The lab relays the batches to
the registry. Numbered per key, the last batches of the old key could be dropped (one holds a
breach) while the new key's keep the monitors heard: no key shows a gap and no silence is long
enough to fire. A case's batches are numbered across keys, so the dropped ones are missing below
the new key's numbers; a new key that numbers again from 1 fires too, since its numbers could
fill such a gap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casegate.monitor import run_triggers
from casegate.sign import claimed_readings, sign_readings
from tests.monitor.test_telemetry import (
    CASE,
    T0,
    _approved,
    _ingest,
    _readings,
    _revoke_in_log,
    _rows,
    _silent,
    _telemetry_ring,
)
from tests.verify.trusted import log_clock

LATER = T0 + dt.timedelta(days=3, hours=2)
"""When the trigger run reads the log."""


def _rotation(database_url: str, tmp_path: Path, *, numbering: str, withheld: frozenset[int] = frozenset(),
              breach: int | None = None, late: dict[int, dt.datetime] | None = None,
              between: tuple[dt.datetime, Callable[[Any, Any, Any], None]] | None = None) -> tuple[Any, Any, Any, Any]:
    """Batches every 12 hours from T0 + 1 h: the old key signs slots 0-4, the new key slots 2-6 (both
    sign slots 2-4), ten batches in all. Each is numbered per case across keys (`numbering="case"`)
    or per key ("key"); the old key's batches whose case number is in `withheld` never reach the
    registry, batch `breach` holds a breaching reading, and those in `late` are relayed then
    instead of a minute after they are signed. `between`: (when, what) done then, in log order
    among the batches (given the registry, keyring and old key). Returns the registry, the
    keyring, the old key and the new key."""
    ring, old = _telemetry_ring(tmp_path)
    ring, new = _telemetry_ring(tmp_path, person="Omar Haddad", ring=ring)
    reg, _ = _approved(database_url, tmp_path)
    count = {"case": 0, "old": 0, "new": 0}
    last: str | None = None  # the key that signed the case's last number
    relayed: list[tuple[dt.datetime, int, Any, Any]] = []
    for slot in range(7):
        t = T0 + dt.timedelta(hours=1 + 12 * slot)
        for name, key in (("old", old), ("new", new)):
            if (name == "old" and slot > 4) or (name == "new" and slot < 2):
                continue
            count["case"] += 1
            count[name] += 1
            n = count["case"]
            rows = _rows(t, t, value=0.5 if n == breach else 0.0)
            # numbered per case, each batch names the key that signed the number before it; numbered
            # per key, the key's own number before it, which it signed itself
            env = sign_readings(_readings(rows), source=f"batch-{n}.json", signer=key, keyring=ring,
                                at=t + dt.timedelta(minutes=1), sequence=n if numbering == "case" else count[name],
                                follows=last if numbering == "case" and n > 1 else None)
            last = key.public_key.keyid
            if not (name == "old" and n in withheld):
                relayed.append(((late or {}).get(n, t + dt.timedelta(minutes=1)), n, rows, env))
    done = between is None
    for at, _n, rows, env in sorted(relayed, key=lambda x: (x[0], x[1])):
        if not done and between is not None and between[0] <= at:
            between[1](reg, ring, old)
            done = True
        _ingest(reg, rows, at=at, envelope=env)
    return reg, ring, old, new


def _run(reg: Any, ring: Any) -> Any:
    with log_clock(LATER):
        (run,) = run_triggers(reg, at=LATER, keyring=ring)
    return run


def test_an_honest_rotation_numbered_across_keys_fires_nothing(database_url: str, tmp_path: Path) -> None:
    """The control: every batch of both keys arrives, numbered 1-10 for the case."""
    reg, ring, _, _ = _rotation(database_url, tmp_path, numbering="case")
    run = _run(reg, ring)
    assert run.fired == [] and reg.case_state(CASE) == "approved-with-conditions", [f.reason for f, _ in run.fired]


def test_the_old_keys_last_batches_withheld_fire_across_the_rotation(database_url: str, tmp_path: Path) -> None:
    """Attack: the old key's last two batches (numbers 5 and 7, signed beside the new key's 6 and 8;
    5 holds a breach) are dropped. The new key's later numbers show them missing."""
    reg, ring, _, new = _rotation(database_url, tmp_path, numbering="case", withheld=frozenset({5, 7}), breach=5)
    run = _run(reg, ring)
    key = new.public_key.keyid[:16]
    assert _silent(run) == [f"monitor-withheld:M-bio-flags:{key}:5", f"monitor-withheld:M-bio-flags:{key}:7",
                            f"monitor-withheld:M-cyber-flags:{key}:5", f"monitor-withheld:M-cyber-flags:{key}:7"]
    (f, _) = next(x for x in run.fired if x[0].cause.endswith(":5") and "cyber" in x[0].cause)
    assert ("batch 5 of the readings signed for the case (numbered across the keys of Noor Haddad (telemetry) and "
            "Omar Haddad (telemetry)) was never logged, though batch 6, signed by Omar Haddad (telemetry), was "
            "(log entry ") in f.reason and "a withheld batch could hold a breach" in f.reason, f.reason
    assert reg.case_state(CASE) == "reopened"


def test_a_new_key_that_numbers_again_from_1_fires(database_url: str, tmp_path: Path) -> None:
    """Attack: the monitoring system numbers per key (the new key starts at 1), and the old key's
    last two batches (its 4th, holding a breach, and 5th) are dropped. No key shows a gap and no
    silence is long enough; before, nothing fired. The new key's numbers are the old key's again,
    and could fill the gap: that fires, once per monitor."""
    reg, ring, _, new = _rotation(database_url, tmp_path, numbering="key", withheld=frozenset({5, 7}), breach=5)
    run = _run(reg, ring)
    key = new.public_key.keyid[:16]
    assert _silent(run) == [f"monitor-renumbered:M-bio-flags:{key}", f"monitor-renumbered:M-cyber-flags:{key}"]
    (f, _) = next(x for x in run.fired if "cyber" in x[0].cause)
    assert ("batch 1 for the case was numbered by both Noor Haddad (telemetry) (log entry " in f.reason
            and "and Omar Haddad (telemetry) (log entry " in f.reason
            and "a case's batches are numbered on across keys" in f.reason
            and "a monitor whose batches cannot be counted cannot show no breach" in f.reason), f.reason
    assert reg.case_state(CASE) == "reopened"


def test_a_batch_held_back_until_its_key_is_retired_is_missed(database_url: str, tmp_path: Path) -> None:
    """Attack: the old key is retired (in the log) at T0 + 54 h; the relay holds its last batch, 7
    (signed at T0 + 49 h), and passes it on only after the retirement, when it no longer counts. Its
    number is missing below the new key's 8."""
    retired = T0 + dt.timedelta(hours=54)

    def retire(reg: Any, ring: Any, old: Any) -> None:
        with log_clock(retired):
            _revoke_in_log(tmp_path, database_url, ring, old.public_key.keyid, at=retired, retired=True)

    reg, ring, _, new = _rotation(database_url, tmp_path, numbering="case", late={7: retired + dt.timedelta(hours=1)},
                                  between=(retired, retire))
    run = _run(reg, ring)
    key = new.public_key.keyid[:16]
    assert _silent(run) == [f"monitor-withheld:M-bio-flags:{key}:7", f"monitor-withheld:M-cyber-flags:{key}:7"]
    # it was logged, but after the retirement: it does not count, and neither does its number
    held = [e for e in reg.events(CASE, "monitor-samples")
            if (c := claimed_readings(e.payload.get("envelope"))) is not None and c[1]["sequence"] == {CASE: 7}]
    assert [e.recorded_at[:19] for e in held] == ["2026-12-04T15:00:00"], held
    assert reg.case_state(CASE) == "reopened"


def test_a_batch_signed_by_both_keys_under_one_number_is_one_batch(database_url: str, tmp_path: Path) -> None:
    """The monitoring system signs its handover batch with both keys, under one number: the same
    readings, so the same batch signed twice, and no number was given to two batches."""
    ring, old = _telemetry_ring(tmp_path)
    ring, new = _telemetry_ring(tmp_path, person="Omar Haddad", ring=ring)
    reg, _ = _approved(database_url, tmp_path)
    for n in range(1, 8):
        t = T0 + dt.timedelta(hours=1 + 12 * (n - 1))
        for key in ([old] if n < 3 else [old, new] if n == 3 else [new]):
            env = sign_readings(_readings(_rows(t, t)), source=f"batch-{n}.json", signer=key, keyring=ring,
                                at=t + dt.timedelta(minutes=1), sequence=n,
                                follows=old.public_key.keyid if n == 3 else None)
            _ingest(reg, _rows(t, t), at=t + dt.timedelta(minutes=1), envelope=env)
    run = _run(reg, ring)
    assert run.fired == [] and reg.case_state(CASE) == "approved-with-conditions", [f.reason for f, _ in run.fired]


def _handover_every_4_hours(database_url: str, tmp_path: Path, *, numbering: str,
                            dropped: frozenset[tuple[str, int]] = frozenset()) -> tuple[Any, Any, Any, Any]:
    """Batches every 4 hours from T0 + 1 h: the old key signs slots 0-4, the new key slots 2-8, each
    batch numbered per case across keys (`numbering="case"`, each naming the key that signed the
    number before it) or per key ("key": the old key 1-5, the new key 1-7, each batch following its
    own key's last). Slot 3 of the old key holds a breaching reading. The relay drops the batches
    `dropped` names ((key name, slot)) and passes on the rest a minute after they are signed."""
    ring, old = _telemetry_ring(tmp_path)
    ring, new = _telemetry_ring(tmp_path, person="Omar Haddad", ring=ring)
    reg, _ = _approved(database_url, tmp_path)
    count = {"case": 0, "old": 0, "new": 0}
    last: str | None = None
    for slot in range(9):
        t = T0 + dt.timedelta(hours=1 + 4 * slot)
        for name, key in (("old", old), ("new", new)):
            if (name == "old" and slot > 4) or (name == "new" and slot < 2):
                continue
            count["case"] += 1
            count[name] += 1
            n = count["case"] if numbering == "case" else count[name]
            rows = _rows(t, t, value=0.5 if (name, slot) == ("old", 3) else 0.0)
            env = sign_readings(_readings(rows), source=f"{name}-{slot}.json", signer=key, keyring=ring,
                                at=t + dt.timedelta(minutes=1), sequence=n,
                                follows=last if numbering == "case" and n > 1 else None)
            last = key.public_key.keyid
            if (name, slot) not in dropped:
                _ingest(reg, rows, at=t + dt.timedelta(minutes=1), envelope=env)
    return reg, ring, old, new


SOON = T0 + dt.timedelta(hours=34)
"""When the trigger run reads the log in the 4-hourly stories: an hour after the last batch."""


def _run_soon(reg: Any, ring: Any) -> Any:
    with log_clock(SOON):
        (run,) = run_triggers(reg, at=SOON, keyring=ring)
    return run


def test_a_handover_numbered_per_case_with_every_batch_fires_nothing(database_url: str, tmp_path: Path) -> None:
    """The control for the next test: numbered across keys, each batch naming the key before it,
    every batch relayed (the breach of slot 3 fires as a breach, and nothing else does)."""
    reg, ring, _, _ = _handover_every_4_hours(database_url, tmp_path, numbering="case")
    run = _run_soon(reg, ring)
    assert _silent(run) == [], [f.reason for f, _ in run.fired]
    assert {f.event for f, _ in run.fired} == {"monitor"}, [f.reason for f, _ in run.fired]


def test_a_key_numbering_on_its_own_with_its_first_batches_dropped_fires(database_url: str, tmp_path: Path) -> None:
    """Attack: the monitoring system numbers per key (the old key 1-5, the new key 1-7). The relay
    drops the old key's last two batches (its 4th holds the breach) and the new key's first three,
    so the log holds the old key's 1-3 and the new key's 4-7: numbers that run on with no gap and
    none given twice, with batches every 4 hours, so no stretch without readings reaches the 24
    hours the monitors allow. Each of the new key's batches names the key that signed the number
    below it, its own: the log holds the old key's batch under 3, so the new key's 4 does not
    follow on from it, and that fires, once per monitor."""
    dropped = frozenset({("old", 3), ("old", 4), ("new", 2), ("new", 3), ("new", 4)})
    reg, ring, _, new = _handover_every_4_hours(database_url, tmp_path, numbering="key", dropped=dropped)
    numbers = sorted(c[1]["sequence"][CASE] for e in reg.events(CASE, "monitor-samples")
                     if (c := claimed_readings(e.payload.get("envelope"))) is not None)
    assert numbers == [1, 2, 3, 4, 5, 6, 7]  # nothing missing, nothing given twice
    run = _run_soon(reg, ring)
    key = new.public_key.keyid[:16]
    assert _silent(run) == [f"monitor-handover:M-bio-flags:{key}", f"monitor-handover:M-cyber-flags:{key}"], \
        [f.reason for f, _ in run.fired]
    (f, _) = next(x for x in run.fired if "cyber" in x[0].cause)
    assert ("batch 4 for the case, signed by Omar Haddad (telemetry) (log entry " in f.reason
            and "says batch 3 before it was signed by Omar Haddad (telemetry), but the batch 3 the log holds was "
                "signed by Noor Haddad (telemetry) (log entry " in f.reason
            and "a monitor whose batches cannot be counted cannot show no breach" in f.reason), f.reason
    assert reg.case_state(CASE) == "reopened"

