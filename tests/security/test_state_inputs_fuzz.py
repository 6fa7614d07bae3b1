"""The state files the log's watchers keep between runs, fuzzed structure-aware: the log
monitor's (`casegate log monitor --state`: its position, frontier, the cases' replayed states)
and the log client's (`casegate log client --state`: the last checkpoint it accepted). Each is
taken from a real run, one field given a hostile value (a wrong type, 2^63, 10^300, NaN, the
infinities, deep nesting, a long or control string, a removed key) or its bytes made hostile (a
BOM, invalid UTF-8, a duplicated key, a truncation, a `NaN` literal, 100,000 brackets), and the
watcher run again over a log grown since. Every run ends in an exit code casegate gives (0 to 5)
with no traceback and no internal error, and an input error names the state file.

The examples are drawn deterministically (`derandomize`); a longer campaign by hand with
CASEGATE_FUZZ_EXAMPLES=N."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.monitor.test_cli import _cg
from tests.security._approved import CASE_ID, World
from tests.security.test_verify_inputs_fuzz import (
    BYTES,
    EXAMPLES,
    FIELD,
    SETTINGS,
    _hostile_bytes,
    _paths,
    _replace,
)
from tests.verify.trusted import ORIGIN

STATES = ["monitor.json", "client.json"]


class Watched:
    """The approved world's log published as tiles (with the entry bundles), watched once by the
    monitor and the client (their state files kept), then grown by an incident and published
    again: the runs under test read the kept state and the grown log."""

    def __init__(self, base: Path) -> None:
        self.world = World(base)
        self.dir = d = base / "watched"
        self.world.copy(d)
        self.db = db = f"sqlite:///{d / 'reg.db'}"
        self.log_key = self.world.trust.log_key
        self._publish()
        for name in STATES:
            rc, text = self.run(d, name, state=d / name)
            assert rc == 0 and (d / name).exists(), text
        rc, text = _run(d, db, "incident", "report", "--no-triggers", "--case", CASE_ID, "--date", "2026-12-03",
                        "--deployer", "Acme API", "--developer", "Acme Labs", "--harmed", "a hospital",
                        "--severity", "high", "--domain", "cyber", "--description", "an exploit was adapted")
        assert rc == 0, text
        self._publish()

    def _publish(self) -> None:
        rc, text = _run(self.dir, self.db, "log", "checkpoint", "--key", str(self.log_key), "--origin", ORIGIN)
        assert rc == 0, text
        rc, text = _run(self.dir, self.db, "log", "tiles", "--out", "public", "--entries-out", "tiles")
        assert rc == 0, text

    def copy(self, into: Path) -> Path:
        if into.exists():
            shutil.rmtree(into)
        shutil.copytree(self.dir, into)
        return into

    def run(self, where: Path, name: str, *, state: Path | None = None) -> tuple[int, str]:
        watcher = "monitor" if name == "monitor.json" else "client"
        extra = ["--entry", "3"] if watcher == "client" else []
        return _run(where, self.db, "log", watcher, "--url", str(self.dir / "tiles"), "--vkey",
                    str(self.log_key) + ".pub", "--state", str(state or where / name), *extra)


def _run(where: Path, db: str, *args: str) -> tuple[int, str]:
    ran = _cg(where, db, *args, code=None)
    return ran.returncode, ran.stdout + ran.stderr


@pytest.fixture(scope="module")
def watched(tmp_path_factory: pytest.TempPathFactory) -> Watched:
    return Watched(tmp_path_factory.mktemp("state-fuzz"))


def _judge(rc: int, text: str, name: str) -> None:
    assert rc in (0, 1, 2, 3, 4, 5), (name, rc, [x for x in text.splitlines() if "error" in x][:3])
    assert "Traceback" not in text and "internal error" not in text, (name, text[-3000:])
    if rc == 2:
        assert name in text, (name, text[-2000:])


@pytest.mark.parametrize("name", STATES)
def test_the_kept_state_is_read(watched: Watched, tmp_path: Path, name: str) -> None:
    where = watched.copy(tmp_path / "c")
    rc, text = watched.run(where, name)
    assert rc == 0, text


def _field_mutation(doc: Any, pick: tuple[int, Any, bool]) -> Any:
    i, value, delete = pick
    paths = _paths(doc)
    return _replace(doc, paths[i % len(paths)], value, delete)


@settings(SETTINGS)
@given(name=st.sampled_from(STATES), pick=FIELD)
def test_a_state_file_with_a_hostile_field_is_refused_cleanly(watched: Watched, tmp_path: Path, name: str,
                                                              pick: tuple[int, Any, bool]) -> None:
    where = watched.copy(tmp_path / "m")
    p = where / name
    p.write_text(json.dumps(_field_mutation(json.loads(p.read_text()), pick)))
    _judge(*watched.run(where, name), name)


@pytest.mark.parametrize("how", BYTES)
@settings(SETTINGS, max_examples=max(1, EXAMPLES // 6))
@given(name=st.sampled_from(STATES), cut=st.integers(min_value=0, max_value=100_000))
def test_a_state_file_with_hostile_bytes_is_refused_cleanly(watched: Watched, tmp_path: Path, how: str, name: str,
                                                            cut: int) -> None:
    where = watched.copy(tmp_path / "m")
    p = where / name
    p.write_bytes(_hostile_bytes(p.read_bytes(), how, cut))
    _judge(*watched.run(where, name), name)


def test_a_monitor_state_nested_past_the_depth_limit_is_refused_naming_it(watched: Watched, tmp_path: Path) -> None:
    """Found by the fuzzing above: a monitor state file of 100,000 nested brackets ended `log
    monitor` in "internal error: RecursionError" (exit 70): it was parsed before its depth was
    bounded. A state whose size is no finite number (`Infinity`) or whose cases are a list ended
    in an OverflowError or an AttributeError the same way."""
    where = watched.copy(tmp_path / "m")
    p = where / "monitor.json"
    kept = p.read_text()
    p.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    rc, text = watched.run(where, "monitor.json")
    assert rc == 2, text
    assert f"{p}: cannot read the monitor state: the JSON nests too deep: over the depth (64) limit" in text, text
    doc = json.loads(kept)
    doc["size"] = float("inf")
    p.write_text(json.dumps(doc))
    rc, text = watched.run(where, "monitor.json")
    assert rc == 2, text
    assert f"{p}: cannot read the monitor state: not acceptable JSON: Infinity is not a number JSON allows" in text, text
    doc["size"], doc["cases"] = 11, []
    p.write_text(json.dumps(doc))
    rc, text = watched.run(where, "monitor.json")
    assert rc == 2, text
    assert f"{p}: the monitor state file is damaged" in text, text


def _witness(tmp: Path) -> Path:
    rc, text = _run(tmp, "", "witness", "init", "--name", "w.example.org/w1", "--key", "w.pem", "--state", "w.json")
    assert rc == 0, text
    return tmp / "w.json"


@pytest.mark.parametrize("how", BYTES)
def test_a_witness_state_with_hostile_bytes_is_refused_cleanly(tmp_path: Path, how: str) -> None:
    p = _witness(tmp_path)
    p.write_bytes(_hostile_bytes(p.read_bytes(), how, 7))
    _judge(*_run(tmp_path, "", "witness", "state", "--state", "w.json"), "w.json")


def test_a_witness_state_nested_past_the_depth_limit_is_refused_naming_it(tmp_path: Path) -> None:
    """Found by the round's fuzzing: a witness state file of 100,000 nested brackets ended `witness
    state` (and `witness serve`) in "internal error: RecursionError" (exit 70)."""
    p = _witness(tmp_path)
    p.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    rc, text = _run(tmp_path, "", "witness", "state", "--state", "w.json")
    assert rc == 2, text
    assert "w.json: the witness state is not JSON (the JSON nests too deep: over the depth (64) limit)" in text, text


@pytest.mark.parametrize("raw", [b"[" * 100_000 + b"]" * 100_000, b'{"index": Infinity, "kind": "x", "payload": {}}',
                                 b'{"index": 0, "index": 1, "kind": "x", "payload": {}, "recorded_at": "t"}'])
def test_a_log_entry_the_log_signed_that_casegate_never_writes_is_no_entry(raw: bytes) -> None:
    """A log entry whose bytes hash to a leaf the log's key signed, but which nests 100,000 deep
    (a RecursionError), gives its index as Infinity (an OverflowError) or gives a key twice (read
    as its last copy), is refused as no casegate log entry (a log client or monitor reading it
    from the tiles stops with exit 1, not an internal error)."""
    from casegate.errors import VerificationError
    from casegate.ledger._client import entry_from_bytes

    with pytest.raises(VerificationError, match="log entry 0 is not a casegate log entry"):
        entry_from_bytes(0, raw)
