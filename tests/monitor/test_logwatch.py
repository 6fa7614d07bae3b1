"""The log monitor's rules over a real registry log (SQLite and PostgreSQL): an honest history
(submitted, reviewed, approved by a signed decision, reopened) breaks none; entries written
straight into the log, past the registry's checks, each break the rule they should, at their
index; a second run checks only the new entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.monitor import act
from casegate.monitor._logwatch import MonitorState, check_entries
from casegate.monitor._states import CaseState
from casegate.store import Registry, open_registry
from tests.verify.trusted import CASE, approved_world


def honest_history(reg: Registry, where: Path) -> int:
    """Submit, review, approve (signed GO with its sign-offs), reopen; returns the decision's index."""
    _w, bundle, applied = approved_world(where, reg)
    assert bundle and bundle["signoffs"]
    act(reg, CASE, CaseState.reopened, role="rso", reason="an incident")
    return int(applied.decision.index)


def forged_history(reg: Registry, decision: int) -> dict[int, set[str]]:
    """Entries the registry would refuse, appended straight to the log; returns index -> codes."""
    def change(frm: str, to: str, cause: dict | None) -> int:  # type: ignore[type-arg]
        payload = {"from": frm, "to": to, "restricted_to": None}
        if cause is not None:
            payload["cause"] = cause  # type: ignore[assignment]
        return reg.record("state-change", CASE, payload).index

    out: dict[int, set[str]] = {}
    # a GO decision with no sign-off anywhere
    nosign = reg.record("decision", CASE, {"version": 1, "outcome": "GO", "boundary": "api", "bundle": None,
                                           "record": {}, "record_sha256": "0" * 64}).index
    out[nosign] = {"LM101"}
    # reopened -> under-review, by a submission (legal) ...
    change("reopened", "under-review", {"type": "submission", "by": "Sam Whitfield", "version": 1})
    # ... and approved again on the same version 1: no new version was logged
    i = change("under-review", "approved", {"type": "decision", "decision": decision, "version": 1})
    out[i] = {"LM103"}
    # withdrawn with no cause at all
    i = change("approved", "withdrawn", None)
    out[i] = {"LM102"}
    # withdrawn -> approved: the lifecycle has no such transition (and still no new version)
    i = change("withdrawn", "approved", {"type": "decision", "decision": nosign, "version": 1})
    out[i] = {"LM104", "LM103"}
    # a manual cause that does not say who and why, and a cause type the transition does not take
    i = change("approved", "reopened", {"type": "manual"})
    out[i] = {"LM102"}
    i = change("reopened", "withdrawn", {"type": "submission", "by": "x"})
    out[i] = {"LM102"}
    # a change that starts from a state the case is not in (a state change is missing)
    i = change("approved", "reopened", {"type": "manual", "role": "rso", "reason": "r"})
    out[i] = {"LM105"}
    # a decision cause naming an entry that is not a decision of this case
    i = change("reopened", "approved", {"type": "decision", "decision": 0, "version": 2})
    out[i] = {"LM102", "LM103"}
    return out


@pytest.fixture
def registry(database_url: str):  # type: ignore[no-untyped-def]
    reg = open_registry(database_url)
    yield reg
    reg.close()


def test_honest_entries_break_no_rule_and_forged_ones_each_break_theirs(registry: Registry, tmp_path: Path) -> None:
    decision = honest_history(registry, tmp_path / "w")
    honest_size = registry.size()
    state = MonitorState()
    assert check_entries(state, registry.events()) == []
    assert state.size == honest_size and state.cases[CASE].state == "reopened"
    expected = forged_history(registry, decision)
    # the next run checks only the entries it has not seen
    new = [e for e in registry.events() if e.index >= state.size]
    found = check_entries(state, new)
    got: dict[int, set[str]] = {}
    for v in found:
        got.setdefault(v.index, set()).add(v.code)
    assert got == expected
    assert all(v.case_id == CASE and v.kind in ("decision", "state-change") for v in found)
    # what the replay says the case is now: the last forged change's target
    assert state.cases[CASE].state == "approved" and state.size == registry.size()


def test_the_state_survives_a_save_and_refuses_a_gap(registry: Registry, tmp_path: Path) -> None:
    from casegate.errors import InputError

    decision = honest_history(registry, tmp_path / "w")
    state = MonitorState()
    check_entries(state, registry.events())
    path = tmp_path / "monitor.json"
    state.save(path)
    forged_history(registry, decision)
    again = MonitorState.load(path)
    found = check_entries(again, [e for e in registry.events() if e.index >= again.size])
    assert {v.code for v in found} == {"LM101", "LM102", "LM103", "LM104", "LM105"}
    with pytest.raises(InputError, match="expected log entry"):
        check_entries(MonitorState(), registry.events()[1:])
    path.write_text("{")
    with pytest.raises(InputError, match="cannot read the monitor state"):
        MonitorState.load(path)


def _flipped(env: dict) -> dict:  # type: ignore[type-arg]
    """The envelope with one byte of its signature changed: well-formed, not verifying."""
    import base64

    sig = dict(env["signatures"][0])
    raw = bytearray(base64.b64decode(sig["sig"]))
    raw[0] ^= 1
    sig["sig"] = base64.b64encode(bytes(raw)).decode()
    return {**env, "signatures": [sig]}


def test_lm101_counts_only_sign_offs_that_verify_against_the_keyring(registry: Registry, tmp_path: Path) -> None:
    """With the keyring, the honest signed decision breaks no rule and a GO decision whose bundle
    carries the same sign-offs with a changed signature byte (or logged sign-offs the same way)
    breaks LM101; without it, the forged ones are counted (well-formed, signatures unchecked),
    and only what is not a sign-off statement at all is not."""
    w, bundle, _applied = approved_world(tmp_path / "w", registry)
    honest_size = registry.size()
    forged = [_flipped(env) for env in bundle["signoffs"]]
    go = {"version": 7, "outcome": "GO", "boundary": "api", "record": {}, "record_sha256": "0" * 64}
    bad_bundle = registry.record("decision", CASE, {**go, "bundle": {**bundle, "signoffs": forged}}).index
    for env in forged:
        registry.record("signoff", CASE, {"version": 8, "role": "rso", "person": "Sam Whitfield",
                                          "envelope": env, "via": "cli"})
    bad_logged = registry.record("decision", CASE, {**go, "version": 8, "bundle": None}).index
    junk = registry.record("decision", CASE, {**go, "version": 9, "bundle": {"signoffs": [{}, 1, "x", None]}}).index
    verified = MonitorState()
    found = check_entries(verified, registry.events(), keyring=w.ring)
    assert not [v for v in found if v.index < honest_size], found
    lm101 = {v.index for v in found if v.code == "LM101"}
    assert lm101 == {bad_bundle, bad_logged, junk}, found
    assert all("verifies against the keyring" in v.message for v in found if v.code == "LM101")
    unchecked = MonitorState()
    found = check_entries(unchecked, registry.events())
    assert {v.index for v in found if v.code == "LM101"} == {junk}
    assert "well-formed sign-off statement" in next(v.message for v in found if v.code == "LM101")


def _cli(*args: str) -> tuple[int, str, str]:
    import io
    import sys
    from contextlib import redirect_stderr, redirect_stdout

    from casegate.cli import main

    saved = sys.argv
    sys.argv = ["casegate", *args]
    o, e = io.StringIO(), io.StringIO()
    rc = 0
    try:
        with redirect_stdout(o), redirect_stderr(e):
            main()
    except SystemExit as ex:
        rc = int(ex.code or 0)
    finally:
        sys.argv = saved
    return rc, o.getvalue(), e.getvalue()


def test_log_monitor_follows_the_tiles(registry: Registry, tmp_path: Path) -> None:
    """`casegate log monitor` over the tiles of a real log: the honest part passes, the forged
    entries are reported with their codes (exit 1), a second run finds nothing new (exit 0), and
    altered tiles or another history with the same key are refused, nothing recorded."""
    import json

    from casegate.ledger import open_store, write_tiles
    from casegate.store import generate_key, load_public_key, verifier_key

    key = tmp_path / "log.pem"
    generate_key(key)
    origin = "monitor.test.example/log"
    vkey = verifier_key(origin, load_public_key(key))
    tiles = tmp_path / "tiles"
    state = tmp_path / "monitor.json"

    def publish(reg: Registry, where: Path) -> None:
        write_tiles(reg, open_store(str(where)), reg.checkpoint(key, origin), entries=True)

    decision = honest_history(registry, tmp_path / "w")
    publish(registry, tiles)
    args = ["log", "monitor", "--url", str(tiles), "--vkey", vkey, "--state", str(state)]
    rc, out, err = _cli(*args)
    assert rc == 0, err
    assert f"checkpoint of {registry.size()} entries; checked entries 0..{registry.size() - 1}" in out
    assert "0 break a rule" in out
    assert "their signatures were not checked" in out  # without --keyring, said plainly
    ring = tmp_path / "w" / "keyring.yaml"
    assert ring.is_file()
    rc, out, err = _cli("log", "monitor", "--url", str(tiles), "--vkey", vkey, "--state", str(tmp_path / "m2.json"),
                        "--keyring", str(ring))
    assert rc == 0 and "0 break a rule" in out and "not checked" not in out, (out, err)
    expected = forged_history(registry, decision)
    publish(registry, tiles)
    rc, out, err = _cli(*args, "--json")
    assert rc == 1, err
    doc = json.loads(out)
    got: dict[int, set[str]] = {}
    for v in doc["violations"]:
        got.setdefault(v["index"], set()).add(v["code"])
    assert got == expected
    assert doc["cases"] == {CASE: "approved"} and doc["checked"]["from"] > 0
    rc, out, err = _cli(*args)
    assert rc == 0 and "no new entries; 0 break a rule" in out and f"({len(doc['violations'])} found by earlier runs)" in out
    # another history with the same origin and key: refused, the state is not moved
    before = state.read_text()
    with open_registry(f"sqlite:///{tmp_path / 'other.db'}") as other:
        other.record_many([("note", None, {"i": i}) for i in range(registry.size() + 3)])
        publish(other, tmp_path / "other-tiles")
    rc, out, err = _cli("log", "monitor", "--url", str(tmp_path / "other-tiles"), "--vkey", vkey, "--state", str(state))
    assert rc == 1 and "does not extend the tree of" in err and "the log shows different histories" in err, err
    assert state.read_text() == before
    # an altered entry in the tiles: refused, nothing recorded
    from casegate.ledger import bundle_path

    bundle = tiles / bundle_path(0, registry.size())
    data = bundle.read_bytes()
    at = data.index(b"atlas-2-api")
    bundle.write_bytes(data[:at] + b"atlas-3" + data[at + 7:])
    rc, out, err = _cli("log", "monitor", "--url", str(tiles), "--vkey", vkey, "--state", str(tmp_path / "fresh.json"))
    assert rc == 1 and "the bundle was altered" in err, err
    assert not (tmp_path / "fresh.json").exists()
    # the wrong key: refused
    other_key = tmp_path / "other.pem"
    generate_key(other_key)
    rc, out, err = _cli("log", "monitor", "--url", str(tiles), "--vkey", str(other_key) + ".pub",
                        "--state", str(tmp_path / "fresh.json"))
    assert rc == 1 and "signature" in err, err
    assert not (tmp_path / "fresh.json").exists()


def test_the_monitor_requires_the_witness_cosignatures_it_is_told_to(tmp_path: Path) -> None:
    """With a witness threshold (from a trust root, in the CLI), a checkpoint without enough valid
    cosignatures is refused and nothing is recorded; cosigned by a real witness, it is followed."""
    from casegate.errors import VerificationError
    from casegate.ledger import open_store, open_tiles, write_tiles
    from casegate.monitor import follow_log
    from casegate.store import generate_key, load_private_key, load_public_key, verifier_key
    from casegate.witness import Witness, WitnessState, request_body, trusted_log

    origin = "monitor.test.example/log"
    key, wkey = tmp_path / "log.pem", tmp_path / "w.pem"
    generate_key(key)
    generate_key(wkey)
    st = WitnessState(tmp_path / "w.json")
    st.init()
    wit = Witness("w.test.example", load_private_key(wkey), [trusted_log(verifier_key(origin, load_public_key(key)))], st)
    state = tmp_path / "monitor.json"
    with open_registry(f"sqlite:///{tmp_path / 'r.db'}") as reg:
        reg.record_many([("note", None, {"i": i}) for i in range(300)])  # more than one tile
        note = reg.checkpoint(key, origin)
        write_tiles(reg, open_store(str(tmp_path / "tiles")), note, entries=True)
        witnesses = [("w.test.example", load_public_key(wkey))]
        with pytest.raises(VerificationError, match="carries 0 valid witness cosignature"):
            follow_log(open_tiles(tmp_path / "tiles"), load_public_key(key), state, origin=origin,
                       witnesses=witnesses, witness_threshold=1)
        assert not state.exists()
        cosigned = reg.add_cosignatures(note + wit.add_checkpoint(request_body(0, [], note)))
        write_tiles(reg, open_store(str(tmp_path / "tiles")), cosigned, entries=True)
    run = follow_log(open_tiles(tmp_path / "tiles"), load_public_key(key), state, origin=origin,
                     witnesses=witnesses, witness_threshold=1)
    assert (run.cosigned_by, run.checked_from, run.checked_to, run.violations) == (["w.test.example"], 0, 300, [])
    # the same key pinned twice, under one name or another, is one witness: it cannot meet a
    # threshold of 2 alone (before, each pin whose cosignature verified counted)
    again = WitnessState(tmp_path / "w-bis.json")
    again.init()
    bis = Witness("w-bis.test.example", load_private_key(wkey), [trusted_log(verifier_key(origin, load_public_key(key)))],
                  again)
    with open_registry(f"sqlite:///{tmp_path / 'r.db'}") as reg:
        twice = reg.add_cosignatures(cosigned + bis.add_checkpoint(request_body(0, [], note)))
        write_tiles(reg, open_store(str(tmp_path / "tiles")), twice, entries=True)
    for pinned in ([witnesses[0], witnesses[0]], [witnesses[0], ("w-bis.test.example", load_public_key(wkey))]):
        with pytest.raises(VerificationError, match="carries 1 valid witness cosignature"):
            follow_log(open_tiles(tmp_path / "tiles"), load_public_key(key), tmp_path / "twice.json", origin=origin,
                       witnesses=pinned, witness_threshold=2)


def test_log_monitor_reads_the_review_board_over_http(registry: Registry, tmp_path: Path) -> None:
    """`casegate log monitor --url http://.../public/log`: the review board on loopback serves the
    tiles straight from the registry, and the monitor finds the forged entries through them."""
    import json

    from casegate.store import generate_key, load_public_key, verifier_key
    from casegate.web import Settings, create_app
    from tests.web.browser import serve

    key = tmp_path / "log.pem"
    generate_key(key)
    origin = "monitor.test.example/log"
    vkey = verifier_key(origin, load_public_key(key))
    decision = honest_history(registry, tmp_path / "w")
    expected = forged_history(registry, decision)
    registry.checkpoint(key, origin)
    from casegate.model import Confidentiality
    from casegate.web._tokens import TokenStore

    store = TokenStore(tmp_path / "tokens.json")
    token = store.create("Ana Monitor", [], Confidentiality.secret)[1]
    viewer = store.create("Vera Lind", ["viewer"])[1]
    with serve(create_app(Settings(database_url=registry.url, tokens=tmp_path / "tokens.json"))) as base:
        # the entry bundles are not public: without a board token the monitor cannot read them
        rc, out, err = _cli("log", "monitor", "--url", f"{base}/public/log", "--vkey", vkey,
                            "--state", str(tmp_path / "m0.json"), "--json")
        assert rc != 0 and "not public" in err and "--token" in err, err
        # nor with one that does not read everything (a bundle holds entries of every case)
        rc, out, err = _cli("log", "monitor", "--url", f"{base}/public/log", "--vkey", vkey,
                            "--state", str(tmp_path / "m1.json"), "--token", viewer, "--json")
        assert rc != 0 and "403" in err and "ceiling" in err, err
        rc, out, err = _cli("log", "monitor", "--url", f"{base}/public/log", "--vkey", vkey,
                            "--state", str(tmp_path / "m.json"), "--token", token, "--json")
    assert rc == 1, err
    got: dict[int, set[str]] = {}
    for v in json.loads(out)["violations"]:
        got.setdefault(v["index"], set()).add(v["code"])
    assert got == expected


def _log_key(tmp_path: Path) -> tuple[Path, str, str]:
    """A log signing key written under `tmp_path`, its origin and its verifier key."""
    from casegate.store import generate_key, load_public_key, verifier_key

    key = tmp_path / "log.pem"
    generate_key(key)
    origin = "monitor.test.example/log"
    return key, origin, verifier_key(origin, load_public_key(key))


def test_the_monitor_checks_the_checkpoints_count_of_keyring_changes(registry: Registry, tmp_path: Path) -> None:
    """A state proof relies on the checkpoint's signed count of keyring changes to show none was
    left out. The monitor counts them in the entries it checks: a checkpoint that says fewer (a
    revocation a proof could then drop unseen) is refused, nothing recorded."""
    import datetime as dt

    from casegate.ledger import open_store, write_tiles
    from casegate.store import (
        KEYRING_CHANGES_EXTENSION,
        TIME_EXTENSION,
        load_private_key,
        parse_checkpoint,
        sign_checkpoint,
    )

    key, origin, vkey = _log_key(tmp_path)
    registry.record("keyring-change", None, {"change": "revoke-key", "keyid": "ab" * 32, "kind": "compromised",
                                             "at": "2026-11-01"})
    honest = parse_checkpoint(registry.checkpoint(key, origin))
    assert f"{KEYRING_CHANGES_EXTENSION}1" in honest.extensions
    when = int(dt.datetime.now(dt.UTC).timestamp())
    wrong = sign_checkpoint(origin, honest.tree_size, honest.root, load_private_key(key),
                            extensions=(f"{TIME_EXTENSION}{when}", f"{KEYRING_CHANGES_EXTENSION}0")).text()
    write_tiles(registry, open_store(str(tmp_path / "tiles")), wrong, entries=True)
    state = tmp_path / "monitor.json"
    rc, out, err = _cli("log", "monitor", "--url", str(tmp_path / "tiles"), "--vkey", vkey, "--state", str(state))
    assert rc == 1 and "says the log holds 0 keyring changes, but its entries hold 1" in err, (out, err)
    assert not state.exists()
    write_tiles(registry, open_store(str(tmp_path / "honest")), honest.text(), entries=True)
    rc, out, err = _cli("log", "monitor", "--url", str(tmp_path / "honest"), "--vkey", vkey, "--state", str(state))
    assert rc == 0, (out, err)


def test_the_monitor_checks_the_checkpoints_trust_root_line(registry: Registry, tmp_path: Path) -> None:
    """A state proof relies on the checkpoint's signed `casegate-trust-root` line for the root
    versions recorded before its case's first entry. The monitor folds the `trust-root` entries it
    checks: a checkpoint naming an older version, or the newest version with another digest, is
    refused, named, nothing recorded; the honest one passes."""
    import datetime as dt

    from casegate.ledger import open_store, write_tiles
    from casegate.store import (
        KEYRING_CHANGES_EXTENSION,
        TIME_EXTENSION,
        load_private_key,
        parse_checkpoint,
        sign_checkpoint,
    )
    from casegate.store._checkpoint import trust_root_line

    key, origin, vkey = _log_key(tmp_path)
    v1, v2 = "sha256:" + "1" * 64, "sha256:" + "2" * 64
    registry.record("trust-root", None, {"version": 1, "digest": v1})
    registry.record("trust-root", None, {"version": 2, "digest": v2})
    honest = parse_checkpoint(registry.checkpoint(key, origin))
    assert trust_root_line((2, v2)) in honest.extensions
    when = int(dt.datetime.now(dt.UTC).timestamp())

    def forged(line: str) -> str:
        return sign_checkpoint(origin, honest.tree_size, honest.root, load_private_key(key),
                               extensions=(f"{TIME_EXTENSION}{when}", f"{KEYRING_CHANGES_EXTENSION}0", line)).text()

    state = tmp_path / "monitor.json"
    for n, (line, said) in enumerate([
            (trust_root_line((1, v1)), "is trust root version 1 (" + v1 + "), but its entries' newest is "
                                       "trust root version 2 (" + v2 + ")"),
            (trust_root_line((2, v1)), "is trust root version 2 (" + v1 + ")"),
            (trust_root_line(None), "is no trust root version, but its entries' newest is trust root version 2"),
            ("casegate-trust-root 2", "carries a trust root line that cannot be read")]):
        write_tiles(registry, open_store(str(tmp_path / f"tiles{n}")), forged(line), entries=True)
        rc, out, err = _cli("log", "monitor", "--url", str(tmp_path / f"tiles{n}"), "--vkey", vkey,
                            "--state", str(state))
        assert rc == 1 and f"checkpoint of size {honest.tree_size}" in err and said in err, (line, out, err)
        assert not state.exists()
    write_tiles(registry, open_store(str(tmp_path / "honest")), honest.text(), entries=True)
    rc, out, err = _cli("log", "monitor", "--url", str(tmp_path / "honest"), "--vkey", vkey, "--state", str(state))
    assert rc == 0, (out, err)
    # a later checkpoint is held to the entries the monitor checked before, kept in its state
    registry.record("keyring-change", None, {"change": "revoke-key", "keyid": "ab" * 32, "kind": "compromised",
                                             "at": "2026-11-01"})
    later = parse_checkpoint(registry.checkpoint(key, origin))
    stale = sign_checkpoint(origin, later.tree_size, later.root, load_private_key(key),
                            extensions=(f"{TIME_EXTENSION}{when}", f"{KEYRING_CHANGES_EXTENSION}1",
                                        trust_root_line((1, v1)))).text()
    write_tiles(registry, open_store(str(tmp_path / "stale")), stale, entries=True)
    rc, out, err = _cli("log", "monitor", "--url", str(tmp_path / "stale"), "--vkey", vkey, "--state", str(state))
    assert rc == 1 and "its entries' newest is trust root version 2" in err, (out, err)
    # nor may a later checkpoint leave the line out, once one the monitor checked carried it
    bare = sign_checkpoint(origin, later.tree_size, later.root, load_private_key(key),
                           extensions=(f"{TIME_EXTENSION}{when}", f"{KEYRING_CHANGES_EXTENSION}1")).text()
    write_tiles(registry, open_store(str(tmp_path / "bare")), bare, entries=True)
    rc, out, err = _cli("log", "monitor", "--url", str(tmp_path / "bare"), "--vkey", vkey, "--state", str(state))
    assert rc == 1 and "carries no trust root line, though the checkpoint checked before it did" in err, (out, err)
    write_tiles(registry, open_store(str(tmp_path / "later")), later.text(), entries=True)
    rc, out, err = _cli("log", "monitor", "--url", str(tmp_path / "later"), "--vkey", vkey, "--state", str(state))
    assert rc == 0, (out, err)
