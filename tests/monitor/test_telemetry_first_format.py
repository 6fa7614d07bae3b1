"""Batches of the first format (`monitor-readings/v1`, by an older casegate or another tool) name
no key before them. A monitoring system that numbers per key and signs them could have the old
key's last batches and the new key's first ones dropped on their way to the registry, leaving
numbers that run on with no gap: the policy's `post_deployment.telemetry_v1` says how such
batches are read. `same-key` (the default) takes each as naming its own key before it, so one at
a key change fires as a handover the registry cannot follow; `refuse` counts none; `accept` reads
them as they always were."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from casegate.monitor import ingest_samples, iso, run_triggers
from casegate.sign import MONITOR_READINGS, sign_readings
from tests.monitor.test_telemetry import (
    CASE,
    T0,
    _approved,
    _hand_signed,
    _readings,
    _rows,
    _silent,
    _telemetry_ring,
)
from tests.verify.trusted import log_clock

SOON = T0 + dt.timedelta(hours=34)
"""When the trigger run reads the log: an hour after the last batch."""


def _relay(reg: Any, rows: Any, env: dict[str, Any], at: dt.datetime, source: str) -> None:
    with log_clock(at):
        ingest_samples(reg, rows, source=source, sha256="3" * 64, envelope=env)


def _handover_in_the_first_format(database_url: str, tmp_path: Path, *, policy: str = "",
                                  dropped: frozenset[tuple[str, int]] = frozenset()) -> tuple[Any, Any]:
    """Batches every 4 hours from T0 + 1 h, signed in the first format and numbered per key: the
    old key (Noor Haddad's) signs slots 0-4 as its 1-5, the new key (Omar Haddad's) slots 2-8 as
    its 1-7. Slot 3 of the old key holds a breaching reading. The relay drops the batches `dropped`
    names ((key name, slot)) and passes on the rest a minute after they are signed, each from a
    file named after its key and slot. Returns the registry and the new key."""
    ring, old = _telemetry_ring(tmp_path)
    ring, new = _telemetry_ring(tmp_path, person="Omar Haddad", ring=ring)
    reg, _ = _approved(database_url, tmp_path, policy=policy)
    count = {"old": 0, "new": 0}
    for slot in range(9):
        t = T0 + dt.timedelta(hours=1 + 4 * slot)
        for name, key in (("old", old), ("new", new)):
            if (name == "old" and slot > 4) or (name == "new" and slot < 2):
                continue
            count[name] += 1
            rows = _rows(t, t, value=0.5 if (name, slot) == ("old", 3) else 0.0)
            at = t + dt.timedelta(minutes=1)
            env = _hand_signed(ring, key, rows, at, MONITOR_READINGS, sequence={CASE: count[name]})
            if (name, slot) not in dropped:
                _relay(reg, rows, env, at, f"{name}-{slot}.dsse.json")
    return reg, (ring, new)


DROPPED = frozenset({("old", 3), ("old", 4), ("new", 2), ("new", 3), ("new", 4)})
"""The old key's last two batches (its 4th holds the breach) and the new key's first three: the
log holds the old key's 1-3 and the new key's 4-7, numbers that run on with no gap."""


def _run(reg: Any, ring: Any) -> Any:
    with log_clock(SOON):
        (run,) = run_triggers(reg, at=SOON, keyring=ring)
    return run


def test_a_handover_dropped_in_the_first_format_fires_by_default(database_url: str, tmp_path: Path) -> None:
    """Attack: the move the second format's `follows` catches, made with batches of the first
    format, which name no key before them. Read as they always were, nothing fired. By default
    each is read as naming its own key before it: the new key's batch 4 does not follow on from
    the old key's batch 3 the log holds, and that fires, once per monitor, naming the file."""
    reg, (ring, new) = _handover_in_the_first_format(database_url, tmp_path, dropped=DROPPED)
    run = _run(reg, ring)
    key = new.public_key.keyid[:16]
    assert _silent(run) == [f"monitor-v1:M-bio-flags:{key}", f"monitor-v1:M-cyber-flags:{key}"], \
        [f.reason for f, _ in run.fired]
    (f, _) = next(x for x in run.fired if "cyber" in x[0].cause)
    assert ("batch 4 for the case, signed by Omar Haddad (telemetry) in the first format (`monitor-readings/v1`; "
            "ingested from new-5.dsse.json, log entry " in f.reason
            and "names no key before it, but the batch 3 the log holds was signed by Noor Haddad (telemetry)"
            in f.reason
            and "sign the batches with a casegate that writes version 2 (`casegate monitor sign`" in f.reason
            and "a monitor whose batches cannot be counted cannot show no breach" in f.reason), f.reason
    assert reg.case_state(CASE) == "reopened"


def test_a_policy_that_accepts_the_first_format_keeps_the_gap(database_url: str, tmp_path: Path) -> None:
    """What `accept` leaves open: the same drop fires nothing (the breach dropped is never read)."""
    reg, (ring, _) = _handover_in_the_first_format(database_url, tmp_path, dropped=DROPPED,
                                                   policy="post_deployment: {telemetry_v1: accept}\n")
    run = _run(reg, ring)
    assert _silent(run) == [], [f.reason for f, _ in run.fired]
    assert reg.case_state(CASE) == "approved-with-conditions"


def test_one_key_signing_the_first_format_keeps_working_by_default(database_url: str, tmp_path: Path) -> None:
    """The control: one key's batches of the first format, every one relayed, fire nothing (a
    single key's numbers show every gap), so an older monitoring system keeps working until it
    changes keys."""
    ring, key = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    for n in range(1, 10):
        t = T0 + dt.timedelta(hours=1 + 4 * (n - 1))
        at = t + dt.timedelta(minutes=1)
        _relay(reg, _rows(t, t), _hand_signed(ring, key, _rows(t, t), at, MONITOR_READINGS, sequence={CASE: n}), at,
               f"batch-{n}.dsse.json")
    run = _run(reg, ring)
    assert run.fired == [] and reg.case_state(CASE) == "approved-with-conditions", [f.reason for f, _ in run.fired]


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_a_policy_that_refuses_the_first_format_counts_none_of_its_batches(database_url: str, tmp_path: Path,
                                                                            version: str) -> None:
    """Attack: under `telemetry_v1: refuse`, one key's batches of the first format, every one
    relayed, as an older monitoring system signs them. Each key that signs one fires as a batch
    that cannot be read, once per monitor, naming the file and what to do, and its readings do not
    count. The same batches in the second format fire nothing."""
    ring, key = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path, policy="post_deployment:\n  telemetry_v1: refuse\n")
    for n in range(1, 10):
        t = T0 + dt.timedelta(hours=1 + 4 * (n - 1))
        at = t + dt.timedelta(minutes=1)
        env = (_hand_signed(ring, key, _rows(t, t), at, MONITOR_READINGS, sequence={CASE: n}) if version == "v1" else
               sign_readings(_readings(_rows(t, t)), source="t.json", signer=key, keyring=ring, at=at, sequence=n))
        _relay(reg, _rows(t, t), env, at, f"batch-{n}.dsse.json")
    run = _run(reg, ring)
    if version == "v2":
        assert run.fired == [] and reg.case_state(CASE) == "approved-with-conditions", [f.reason for f, _ in run.fired]
        return
    k = key.public_key.keyid[:16]
    # the readings do not count, so the monitors also fall silent once their silence is long enough
    assert _silent(run) == [f"monitor-silent:M-bio-flags:{iso(T0)}", f"monitor-silent:M-cyber-flags:{iso(T0)}",
                            f"monitor-v1:M-bio-flags:{k}", f"monitor-v1:M-cyber-flags:{k}"], \
        [f.reason for f, _ in run.fired]
    (f, _) = next(x for x in run.fired if x[0].cause.startswith("monitor-v1:M-cyber"))
    assert ("batch 1 for the case, signed by Noor Haddad (telemetry) in the first format (`monitor-readings/v1`; "
            "ingested from batch-1.dsse.json, log entry " in f.reason
            and "is of a format the policy refuses (`post_deployment.telemetry_v1: refuse`)" in f.reason
            and "its readings do not count" in f.reason), f.reason
    assert any("does not count: log entry " in n and "(ingested from batch-" in n
               and "which the policy refuses (`post_deployment.telemetry_v1: refuse`); sign the batches with a "
                   "casegate that writes version 2 (`casegate monitor sign`)" in n for n in run.notes), run.notes
    assert reg.case_state(CASE) == "reopened"


@pytest.mark.parametrize("how", ["same-key", "refuse"])
def test_ingest_warns_of_a_batch_of_the_first_format_naming_the_file(database_url: str, tmp_path: Path,
                                                                    how: str) -> None:
    """`monitor ingest` records a batch of the first format (a breach in it is a breach) and says,
    naming the file, what the case's policy does with it and what to do."""
    import json

    from casegate.sign import envelope_bytes, save_keyring
    from tests.monitor.test_cli import _cg

    ring, key = _telemetry_ring(tmp_path)
    save_keyring(ring, tmp_path / "keyring.yaml")
    extra = "" if how == "same-key" else "post_deployment: {telemetry_v1: refuse}\n"
    _approved(database_url, tmp_path, policy=extra)
    t = T0 + dt.timedelta(hours=1)
    batch = tmp_path / "old-tool.dsse.json"
    batch.write_bytes(envelope_bytes(_hand_signed(ring, key, _rows(t, t), t, MONITOR_READINGS, sequence={CASE: 1})))
    p = _cg(tmp_path, database_url, "monitor", "ingest", str(batch))
    assert "recorded 2 samples" in p.stdout, p.stdout
    said = {"same-key": "which names no key before it: where signed telemetry is required for atlas-2-api, one "
                        "signed at a key change fires as a handover that cannot be followed",
            "refuse": "which the policy of atlas-2-api refuses (`post_deployment.telemetry_v1: refuse`) where "
                      "signed telemetry is required: its readings do not count"}[how]
    assert f"warning: {batch} is a batch of the first format (`monitor-readings/v1`), {said}" in p.stderr, p.stderr
    assert "sign batches with a casegate that writes version 2 (`casegate monitor sign`)" in p.stderr
    v2 = tmp_path / "new-tool.dsse.json"
    v2.write_text(json.dumps(sign_readings(_readings(_rows(t, t)), source="t.json", signer=key, keyring=ring, at=t,
                                           sequence=2)))
    assert "first format" not in _cg(tmp_path, database_url, "monitor", "ingest", str(v2)).stderr
