"""The files `casegate verify` reads besides the case, fuzzed structure-aware: the decision
bundle, the state proof (`--state-proof`), the verifier's `--seen` file, the trust root
(`root.json`) and the keyring, each parsed and one field replaced by a hostile value (a wrong
type, a huge or non-finite number, deep nesting, a long string, a removed key), or its bytes made
hostile (a BOM, invalid UTF-8, a duplicated key, a truncation). Every mutated file is run through
`casegate verify` in this process; it ends in an exit code casegate gives (0 to 5) with no
traceback and no internal error, and an input error names the file.

The examples are drawn deterministically (`derandomize`), so a run in CI is reproducible."""

from __future__ import annotations

import copy
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.store import open_registry
from tests._deploy import RATE_LIMITS
from tests.sign.helpers import MODEL
from tests.verify.trusted import CASE, approved_world, cli_in_process, make_trust

EXAMPLES = int(os.environ.get("CASEGATE_FUZZ_EXAMPLES", "12"))
"""Examples per test (each runs `verify` once, about 0.4 s, so the file stays under a minute): a
longer campaign by hand with CASEGATE_FUZZ_EXAMPLES=N (300 ran clean when it was written)."""
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

HOSTILE: list[Any] = [
    None, True, 0, -1, 2**63, 10**300, 1.5, -0.0, float("nan"), float("inf"), "", "x" * 10_000,
    "\u202e\x00\x1b[2J", "sha256:" + "0" * 64, [], {}, [[[[[[[[[[[]]]]]]]]]]], {"a": {"b": {"c": {}}}},
    ["x"] * 1000, "2026-13-45T99:99:99Z", "-9999-01-01T00:00:00Z",
]
BYTES = ["bom", "invalid-utf8", "duplicate-key", "truncate", "nan-literal", "deep"]


class World:
    def __init__(self, base: Path) -> None:
        self.base = base
        db = f"sqlite:///{base / 'reg.db'}"
        with open_registry(db) as reg:
            self.w, bundle, _ = approved_world(base / "w", reg)
        import datetime as dt

        self.trust = make_trust(base / "root", policy=self.w.dir / "policy.yaml", keyring=self.w.ring_path,
                                max_age=dt.timedelta(hours=24))
        self.trust.checkpoint(db)
        (base / "bundle.json").write_text(json.dumps(bundle))
        rc, text = cli_in_process(base, "state-proof", CASE, "--out", str(base / "p.json"), "--db", db)
        assert rc == 0, text
        self.honest = self.copy(base / "honest")
        rc, text = self.verify(self.honest)
        assert rc in (0, 5), text
        assert (self.honest / "seen.json").exists()

    def verify(self, where: Path, *extra: str) -> tuple[int, str]:
        return cli_in_process(where, "verify", "--bundle", str(where / "bundle.json"), "--model-digest", MODEL,
                              "--boundary", "api", "--access", "self-serve", "--region", "US", *RATE_LIMITS,
                              "--keyring", str(where / "keyring.yaml"), "--trust-root", str(where / "root"),
                              "--state-proof", str(where / "p.json"), "--seen", str(where / "seen.json"), *extra)

    def copy(self, into: Path) -> Path:
        if into.exists():
            shutil.rmtree(into)
        into.mkdir(parents=True)
        for name in ("bundle.json", "p.json", "seen.json"):
            src = self.honest / name if name == "seen.json" and hasattr(self, "honest") else self.base / name
            if src.exists():
                shutil.copy(src, into / name)
        shutil.copy(self.w.ring_path, into / "keyring.yaml")
        shutil.copytree(self.trust.dir, into / "root")
        return into


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return World(tmp_path_factory.mktemp("fuzz-world"))


def test_the_honest_files_verify(world: World, tmp_path: Path) -> None:
    rc, text = world.verify(world.copy(tmp_path / "c"))
    assert rc in (0, 5), text


def _paths(doc: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in `doc` (dictionary keys and list positions), the document's order."""
    out: list[tuple[Any, ...]] = []
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for k, v in items:
        out.append((*at, k))
        out.extend(_paths(v, (*at, k)))
    return out


def _replace(doc: Any, path: tuple[Any, ...], value: Any, delete: bool) -> Any:
    doc = copy.deepcopy(doc)
    parent = doc
    for k in path[:-1]:
        parent = parent[k]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


def _hostile_bytes(data: bytes, how: str, cut: int) -> bytes:
    if how == "bom":
        return b"\xef\xbb\xbf" + data
    if how == "invalid-utf8":
        return data[: cut % max(len(data), 1)] + b"\xff\xfe\x80" + data[cut % max(len(data), 1):]
    if how == "duplicate-key":
        i = data.find(b"{")
        return data[: i + 1] + data[i + 1:].split(b",", 1)[0] + b"," + data[i + 1:] if i >= 0 else data
    if how == "truncate":
        return data[: cut % max(len(data), 1)]
    if how == "nan-literal":
        return data.replace(b"1", b"NaN", 1)
    return b"[" * 100_000 + b"]" * 100_000


def _json_file(where: Path, name: str) -> Path:
    if name == "root.json":
        return sorted((where / "root").glob("*.root.json"))[-1]
    return where / name


def _judge(world: World, where: Path, name: str, rc: int, text: str) -> None:
    assert rc in (0, 1, 2, 3, 4, 5), (name, rc, text[-3000:])
    assert "Traceback" not in text and "internal error" not in text, (name, text[-3000:])
    if rc == 2:
        shown = "keyring" if name == "keyring.yaml" else Path(name).stem.split(".")[0]
        assert shown in text or name in text, (name, text[-2000:])


def _run_json(world: World, tmp: Path, name: str, mutate: Any) -> None:
    where = world.copy(tmp / "m")
    p = _json_file(where, name)
    data = p.read_bytes()
    p.write_bytes(mutate(data))
    rc, text = world.verify(where)
    _judge(world, where, name, rc, text)


FIELD = st.tuples(st.integers(min_value=0, max_value=10_000), st.sampled_from(HOSTILE), st.booleans())
RAW = st.tuples(st.sampled_from(BYTES), st.integers(min_value=0, max_value=100_000))
FILES = ["bundle.json", "p.json", "seen.json", "root.json"]


def _field_mutation(pick: tuple[int, Any, bool]) -> Any:
    i, value, delete = pick

    def mutate(data: bytes) -> bytes:
        doc = json.loads(data)
        paths = _paths(doc)
        if not paths:
            return data
        return json.dumps(_replace(doc, paths[i % len(paths)], value, delete)).encode()
    return mutate


@pytest.mark.parametrize("name", FILES)
@SETTINGS
@given(pick=FIELD)
def test_a_json_input_with_a_hostile_field_is_refused_cleanly(world: World, tmp_path: Path, name: str,
                                                              pick: tuple[int, Any, bool]) -> None:
    _run_json(world, tmp_path, name, _field_mutation(pick))


@pytest.mark.parametrize("name", FILES)
@settings(SETTINGS, max_examples=max(6, EXAMPLES // 2))
@given(raw=RAW)
def test_a_json_input_with_hostile_bytes_is_refused_cleanly(world: World, tmp_path: Path, name: str,
                                                            raw: tuple[str, int]) -> None:
    _run_json(world, tmp_path, name, lambda data: _hostile_bytes(data, *raw))


def test_a_bundle_holding_an_integer_canonical_json_cannot_write_is_refused_naming_it(world: World,
                                                                                    tmp_path: Path) -> None:
    """Found by the fuzzing above: 2^63 in the bundle's embedded policy ended in "cannot write
    canonical JSON" (exit 2) naming no file, raised from deep inside verification."""
    where = world.copy(tmp_path / "m")
    doc = json.loads((where / "bundle.json").read_text())
    doc["policy"] = 2**63 if not isinstance(doc.get("policy"), dict) else {**doc["policy"], "n": 2**63}
    (where / "bundle.json").write_text(json.dumps(doc))
    rc, text = world.verify(where)
    assert rc == 2, text
    assert f"{where / 'bundle.json'}: the bundle holds the number 9223372036854775808" in text, text


def _yaml_value(v: Any) -> str:
    if isinstance(v, float) and v != v:
        return ".nan"
    if isinstance(v, float) and v in (float("inf"), float("-inf")):
        return ".inf" if v > 0 else "-.inf"
    return json.dumps(v)


def _keyring_mutation(pick: tuple[int, Any, bool]) -> Any:
    """A `key: value` line of the keyring given a hostile value (JSON is YAML's flow style), or taken out."""
    i, value, delete = pick

    def mutate(data: bytes) -> bytes:
        lines = data.decode().splitlines(keepends=True)
        places = [n for n, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
        n = places[i % len(places)]
        key = lines[n].split(": ", 1)[0]
        lines[n] = "" if delete and not key.lstrip().startswith("- ") else f"{key}: {_yaml_value(value)}\n"
        return "".join(lines).encode()
    return mutate


@SETTINGS
@given(pick=FIELD)
def test_a_keyring_with_a_hostile_field_is_refused_cleanly(world: World, tmp_path: Path,
                                                           pick: tuple[int, Any, bool]) -> None:
    where = world.copy(tmp_path / "m")
    ring = where / "keyring.yaml"
    ring.write_bytes(_keyring_mutation(pick)(ring.read_bytes()))
    rc, text = world.verify(where)
    _judge(world, where, "keyring.yaml", rc, text)
    rc, text = cli_in_process(where, "keys", "show", str(ring))
    _judge(world, where, "keyring.yaml", rc, text)


@settings(SETTINGS, max_examples=max(6, EXAMPLES // 2))
@given(raw=RAW)
def test_a_keyring_with_hostile_bytes_is_refused_cleanly(world: World, tmp_path: Path, raw: tuple[str, int]) -> None:
    where = world.copy(tmp_path / "m")
    ring = where / "keyring.yaml"
    ring.write_bytes(_hostile_bytes(ring.read_bytes(), *raw))
    rc, text = world.verify(where)
    _judge(world, where, "keyring.yaml", rc, text)


def test_a_keyring_key_valid_from_a_non_date_is_refused_at_its_line(world: World, tmp_path: Path) -> None:
    """Found by the fuzzing above: `valid_from: .nan` (or any value that is no date) ended in
    "'.nan' is not a date or date-time" naming neither the keyring nor the line."""
    where = world.copy(tmp_path / "m")
    ring = where / "keyring.yaml"
    text = ring.read_text()
    line = text[: text.index("valid_from:")].count("\n") + 1
    ring.write_text(text.replace('valid_from: "2026-01-01"', "valid_from: .nan", 1))
    for args in (("keys", "show", str(ring)), ()):
        rc, out = cli_in_process(where, *args) if args else world.verify(where)
        assert rc == 2, out
        assert f"{ring}:{line}:" in out and "'.nan' is not a date or date-time" in out, out
