"""The case page lists the monitoring readings that did not count toward a monitor's health, each
with the reason `triggers run` gives: unsigned where signed telemetry is required, signed by a
key the keyring does not give the telemetry role, by an unknown key, by a telemetry key revoked
in the log only, by a telemetry key of the developer's own staff, and a copy of a batch logged
before.

Each reading is a move the lab makes to keep its monitors looking quiet."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from casegate.monitor import ingest_samples, iso, run_triggers
from casegate.monitor._series import Sample
from casegate.sign import (
    MONITOR_READINGS,
    add_key,
    generate_key,
    load_keyring,
    load_public_key,
    load_signer,
    save_keyring,
    sign_readings,
    sign_statement,
    sslib_key,
    statement,
)
from casegate.store import open_registry
from casegate.web import Settings, create_app
from tests.verify.trusted import STORY_LOGGED, cli_in_process, log_clock

from .conftest import KEYRING, BoardFixture, approve

CYBER, BIO = "cyber-classifier-flag-rate", "bio-classifier-flag-rate"


def _telemetry_key(tmp: Path, ring: Any, person: str, organisation: str = "Northfield Monitoring") -> tuple[Any, Any]:
    g = generate_key(tmp / f"{person.split()[0].lower()}-telemetry.pem")
    ring = add_key(ring, sslib_key(load_public_key(g.public_path)), person=person, roles=["telemetry"],
                   valid_from="2026-01-01", valid_until="2027-12-31", organisation=organisation)
    return ring, load_signer(str(g.private_path))


def _rows(t: dt.datetime, *signals: str, value: float = 0.0) -> list[Sample]:
    return [Sample(t, s, value, "atlas-2-api") for s in signals]


def _readings(rows: list[Sample]) -> list[dict[str, Any]]:
    return [{"case": s.case, "signal": s.signal, "timestamp": iso(s.timestamp), "value": s.value} for s in rows]


def _uncounted(page: str) -> list[list[str]]:
    m = re.search(r'<table id="uncounted">.*?<tbody>(.*?)</tbody>', page, re.S)
    assert m is not None, page[page.find("uncounted-heading"):][:800]
    rows = re.findall(r"<tr>(.*?)</tr>", m.group(1), re.S)
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td>(.*?)</td>", r, re.S)] for r in rows]


def test_the_case_page_lists_each_reading_that_did_not_count_and_why(board: BoardFixture, tmp_path: Path) -> None:
    approve(board)  # approved at STORY_LOGGED
    ring, noor = _telemetry_key(tmp_path, load_keyring(KEYRING), "Noor Haddad")
    ring, omar = _telemetry_key(tmp_path, ring, "Omar Farouk")
    ring, ravi = _telemetry_key(tmp_path, ring, "Ravi Menon", "Acme Labs")  # the developer's own staff
    ring_path = tmp_path / "board-keyring.yaml"
    save_keyring(ring, ring_path)
    t0 = STORY_LOGGED
    reg = open_registry(board.database_url)

    def ingest(rows: list[Sample], at: dt.datetime, envelope: dict[str, Any] | None = None) -> int:
        with log_clock(at):
            return ingest_samples(reg, rows, source="r.json", sha256="3" * 64, envelope=envelope)[0].index

    numbers: dict[str, int] = {}

    def signed(rows: list[Sample], signer: Any, at: dt.datetime) -> dict[str, Any]:
        # each key numbers its own batches for the case: 1, 2, 3, ...
        n = numbers[signer.public_key.keyid] = numbers.get(signer.public_key.keyid, 0) + 1
        return sign_readings(_readings(rows), source="t.json", signer=signer, keyring=ring, at=at, sequence=n)

    h = dt.timedelta(hours=1)
    good = _rows(t0 + h, CYBER, BIO)
    good_env = signed(good, noor, t0 + h)
    first = ingest(good, t0 + h, good_env)  # the monitoring system's own: counts, not listed
    unsigned = ingest(_rows(t0 + 2 * h, CYBER), t0 + 2 * h)
    stolen = ingest(_rows(t0 + 3 * h, CYBER), t0 + 3 * h, signed(_rows(t0 + 3 * h, CYBER), omar, t0 + 3 * h))
    # Omar's key was stolen before that batch; the security team revokes it on its own copy of
    # the keyring, recorded in the log: the board's keyring file still lists it as good
    copy = tmp_path / "security-copy.yaml"
    save_keyring(ring, copy)
    with log_clock(t0 + 4 * h):
        rc, text = cli_in_process(tmp_path, "keys", "revoke", str(copy), omar.public_key.keyid, "--reason", "stolen",
                                  "--at", iso(t0 + 2 * h), "--db", board.database_url)
    assert rc == 0, text
    copied = ingest(good, t0 + 5 * h, good_env)  # the genuine batch again, later
    dana = load_signer(str(board.case_dir / "keys" / "dana-ortiz.key"))
    dkey = ring.get(dana.public_key.keyid)
    own = _rows(t0 + 6 * h, BIO)
    pred = {"readings": _readings(own), "source": "ours.json", "role": "telemetry", "person": dkey.person,
            "identity": dkey.identity, "keyid": dkey.keyid, "signed_at": iso(t0 + 6 * h)}
    wrong_role = ingest(own, t0 + 6 * h, sign_statement(
        statement([{"name": "readings:ours.json", "digest": {"sha256": "0" * 64}}], MONITOR_READINGS, pred), dana))
    conflicted = ingest(_rows(t0 + 6 * h, CYBER), t0 + 6 * h, signed(_rows(t0 + 6 * h, CYBER), ravi, t0 + 6 * h))
    stranger = load_signer(str(generate_key(tmp_path / "stranger.pem").private_path))
    odd = '<script>alert("x")</script>'
    unknown = ingest(_rows(t0 + 7 * h, BIO) + _rows(t0 + 7 * h, odd),
                     t0 + 7 * h, sign_statement(statement(
                         [{"name": "readings:x", "digest": {"sha256": "0" * 64}}], MONITOR_READINGS,
                         {**pred, "readings": _readings(_rows(t0 + 7 * h, BIO))}), stranger))

    client = TestClient(create_app(Settings(database_url=board.database_url, keyring=ring_path,
                                            tokens=tmp_path / "tokens.json", secret=b"test-secret")))
    page = client.get(f"/cases/{board.case_id}", headers=board.auth("rso"))
    assert page.status_code == 200
    assert odd not in page.text  # a signal name the lab chose is text, never markup
    rows = _uncounted(page.text)
    got = {(int(r[0]), r[2]): r for r in rows}
    assert sorted(got) == sorted([(unsigned, CYBER), (stolen, CYBER), (copied, CYBER), (copied, BIO),
                                  (wrong_role, BIO), (conflicted, CYBER), (unknown, BIO), (unknown, odd)]), rows
    assert got[(unsigned, CYBER)][1] == "M-cyber-flags" and got[(unknown, odd)][1] == "none watches it"
    assert got[(unsigned, CYBER)][5] == (f"reading of {CYBER} at {iso(t0 + 2 * h)} is not signed by a telemetry key "
                                         "the registry trusts; it does not end the monitor's silence")
    assert "Omar Farouk's key" in got[(stolen, CYBER)][5] and "(stolen)" in got[(stolen, CYBER)][5]
    assert (f"is a copy of the signed batch log entry {first} recorded at {iso(t0 + h)}"
            in got[(copied, CYBER)][5])
    assert "claims role 'telemetry', which Dana Ortiz's key does not hold" in got[(wrong_role, BIO)][5]
    assert "Ravi Menon of Acme Labs, the developer's own organisation" in got[(conflicted, CYBER)][5]
    assert got[(unknown, BIO)][5].startswith(f"reading of {BIO} at {iso(t0 + 7 * h)} is not signed by a telemetry "
                                             f"key the registry trusts (log entry {unknown}: ")
    # the reasons are the ones `triggers run` gives: its note for each signal is the first reading's
    at = t0 + 8 * h
    with log_clock(at):
        (run,) = run_triggers(reg, at=at, keyring=load_keyring(ring_path))
    for signal in (CYBER, BIO):
        first_row = next(r for r in rows if r[2] == signal)
        assert any(n.startswith(first_row[5]) for n in run.notes), (first_row, run.notes)
    reg.close()
