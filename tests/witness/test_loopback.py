"""Three witnesses as real `casegate witness serve` processes on 127.0.0.1, and the log asking them
through `casegate log witness` (SQLite and PostgreSQL): a full round and the next one (each
witness proves consistency from the size it last cosigned), a witness restarted keeps its state,
and a log showing a second history with the same origin and key is refused by every witness."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from casegate.store import load_public_key, open_registry, parse_checkpoint, verify_cosignature
from tests.witness.conftest import ORIGIN, SignedLog
from tests.witness.helpers import WitnessProcess, make_witnesses


def _cli(*args: str) -> tuple[int, str, str]:
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


@pytest.fixture
def three(tmp_path: Path, signed_log: SignedLog) -> Iterator[list[WitnessProcess]]:
    ws = make_witnesses(tmp_path / "witnesses", 3, [signed_log.vkey])
    try:
        for w in ws:
            w.start()
        yield ws
    finally:
        for w in ws:
            w.stop()


def _round(log: SignedLog, ws: list[WitnessProcess], *extra: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    # a generous wait: a loaded CI machine may be slow to answer, and a timeout is not what is tested
    args = ["log", "witness", "--db", log.url, "--json", "--timeout", "60"]
    for w in ws:
        args += ["--witness", w.spec]
    rc, out, err = _cli(*args, *extra)
    doc = json.loads(out) if out.strip() else {}
    # each witness's own answer, so that a failed assertion says why a witness did not cosign
    err += "".join(f"\n  {w.get('witness')}: {w.get('error')}" for w in doc.get("witnesses", []) if not w.get("ok"))
    return rc, doc, err


def _cosigners(note: str, ws: list[WitnessProcess]) -> list[str]:
    cp = parse_checkpoint(note)
    ok = []
    for w in ws:
        try:
            verify_cosignature(cp, load_public_key(w.key), w.name)
            ok.append(w.name)
        except Exception:  # noqa: BLE001 - a missing or bad cosignature: not counted
            pass
    return ok


def test_a_full_round_then_the_next(signed_log: SignedLog, three: list[WitnessProcess]) -> None:
    signed_log.grow(7)
    rc, doc, err = _round(signed_log, three)
    assert rc == 0, err
    assert doc["cosigned"] == 3 and all(w["ok"] and w["old_size"] == 0 for w in doc["witnesses"])
    # the stored checkpoint (what the board serves) carries the log's signature and three cosignatures
    stored = signed_log.reg.latest_checkpoint()
    assert stored is not None and _cosigners(stored, three) == [w.name for w in three]
    parse_checkpoint(stored).verify(load_public_key(signed_log.key))
    # the log grows: each witness answers 409 with size 7, is proven consistency from 7, cosigns
    signed_log.grow(13)
    rc, doc, err = _round(signed_log, three)
    assert rc == 0, err
    assert [w["old_size"] for w in doc["witnesses"]] == [7, 7, 7]
    cp = parse_checkpoint(signed_log.reg.latest_checkpoint() or "")
    assert cp.tree_size == 20 and len(_cosigners(cp.text(), three)) == 3
    for w in three:
        assert json.loads(w.state.read_text())["logs"][ORIGIN]["size"] == 20
    # the review board serves it as stored
    from fastapi.testclient import TestClient

    from casegate.web import Settings, create_app

    with TestClient(create_app(Settings(database_url=signed_log.url))) as client:
        served = client.get("/public/log/checkpoint").text
    assert parse_checkpoint(served).tree_size == 20 and len(_cosigners(served, three)) == 3


def test_a_restarted_witness_keeps_its_state(signed_log: SignedLog, three: list[WitnessProcess]) -> None:
    signed_log.grow(5)
    assert _round(signed_log, three)[0] == 0
    w = three[0]
    w.stop()
    # while it is down, the round fails for it and succeeds for the others
    signed_log.grow(2)
    rc, doc, err = _round(signed_log, three, "--need", "2")
    assert rc == 0 and doc["cosigned"] == 2 and "cannot reach the witness" in doc["witnesses"][0]["error"]
    w.start()
    # it remembers size 5 (not 0): the log must prove consistency from 5
    rc, doc, err = _round(signed_log, three)
    assert rc == 0, err
    assert doc["witnesses"][0]["old_size"] == 5 and doc["witnesses"][1]["old_size"] == 7


def test_a_log_showing_two_histories_is_refused(signed_log: SignedLog, three: list[WitnessProcess],
                                                tmp_path: Path) -> None:
    """The operator keeps two registries with the same origin and key: history A (shown to one
    reader) and history B (shown to another). The witnesses cosign A; B is refused by each, at a
    size below, equal to and above A's."""
    signed_log.grow(6, "A")
    assert _round(signed_log, three)[0] == 0
    fork_url = f"sqlite:///{tmp_path / 'history-b.db'}"  # history B lives in another registry
    fork = SignedLog(open_registry(fork_url), signed_log.key, fork_url)
    try:
        expected = {4: "larger than this checkpoint's 4", 6: "at size 6 it cosigned a different root",
                    9: "(422)"}
        for n, size in ((4, 4), (2, 6), (3, 9)):
            fork.grow(n, "B")
            rc, doc, err = _round(fork, three)
            assert rc == 1 and doc["cosigned"] == 0, doc
            assert all(expected[size] in w["error"] for w in doc["witnesses"]), doc
            assert "0 of 3 witness(es) cosigned; 3 needed" in err
        reasons = [w["error"] for w in doc["witnesses"]]
        assert all("(422)" in r and "not consistent with the one this witness cosigned at size 6" in r
                   for r in reasons), reasons
        # the trust-nobody client: a reader who saw history A refuses history B's checkpoint, and
        # B carries no witness cosignature for a reader who requires them
        from casegate.ledger import ClientState, SplitView, open_store, open_tiles, write_tiles

        for name, lg in (("a", signed_log), ("b", fork)):
            write_tiles(lg.reg, open_store(str(tmp_path / f"tiles-{name}")), lg.reg.latest_checkpoint() or "", entries=True)
        key = load_public_key(signed_log.key)
        reader = ClientState(tmp_path / "reader.json")
        log_a = open_tiles(tmp_path / "tiles-a")
        reader.advance(log_a, log_a.checkpoint(key, ORIGIN))
        reader.save()
        log_b = open_tiles(tmp_path / "tiles-b")
        cp_b = log_b.checkpoint(key, ORIGIN)  # signed by the log's own key: only history tells
        with pytest.raises(SplitView, match="the log shows different histories"):
            ClientState(tmp_path / "reader.json").advance(log_b, cp_b)
        assert _cosigners(cp_b.text(), three) == []
        # the same with `casegate log client`: a reader who saw A refuses B
        reader2 = str(tmp_path / "reader2.json")
        rc, out, err = _cli("log", "client", "--url", str(tmp_path / "tiles-a"), "--vkey", signed_log.vkey,
                            "--state", reader2)
        assert rc == 0, err
        rc, out, err = _cli("log", "client", "--url", str(tmp_path / "tiles-b"), "--vkey", signed_log.vkey,
                            "--state", reader2)
        assert rc == 1 and "different histories" in err, err
        assert len(_cosigners(log_a.checkpoint(key, ORIGIN).text(), three)) == 3
    finally:
        fork.reg.close()
    # history A goes on being cosigned; each witness kept the refused requests as evidence
    signed_log.grow(1, "A")
    assert _round(signed_log, three)[0] == 0
    for w in three:
        st = json.loads(w.state.read_text())
        assert st["logs"][ORIGIN]["size"] == 7 and len(st["conflicts"][ORIGIN]) >= 2
