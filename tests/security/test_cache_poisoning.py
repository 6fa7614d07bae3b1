"""A cache folder written by someone else (a CI cache saved by another job, a shared drive)
must not feed a decision or run code: derived facts and compiled templates are believed only
when tagged with this user's cache key, for that very entry."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from casegate import _cachekey
from casegate.evidence import derive_evidence, rehash_artifacts
from casegate.load import load_case
from casegate.publish import _render

from ..evidence.evidence_logs import INSPECT
from ..evidence.test_derive import make_case

POSIX = hasattr(os, "getuid")


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A state folder (and so a cache key) of this test's own."""
    state = tmp_path / "state"
    monkeypatch.setenv("CASEGATE_STATE_DIR", str(state))
    _cachekey.cache_key.cache_clear()
    yield state
    _cachekey.cache_key.cache_clear()


def _derived(tmp: Path, log: str, cache: Path):  # type: ignore[no-untyped-def]
    d = tmp / log
    d.mkdir(exist_ok=True)
    loaded = load_case(make_case(d, INSPECT / log))
    arts = rehash_artifacts(loaded)
    return derive_evidence(loaded, arts, cache=cache)["E-run"], arts["E-run"].actual_sha256


def test_the_key_is_made_once_private_and_kept(own_key: Path) -> None:
    key = _cachekey.cache_key()
    assert key is not None and len(key) == _cachekey.KEY_BYTES
    path = own_key / "cache.key"
    if POSIX:
        assert path.stat().st_mode & 0o077 == 0 and own_key.stat().st_mode & 0o077 == 0
    _cachekey.cache_key.cache_clear()
    assert _cachekey.cache_key() == key  # read back, not made again
    assert [p.name for p in own_key.iterdir()] == ["cache.key"]  # no temporary file left


def test_an_untagged_entry_with_forged_facts_is_derived_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, sha = _derived(tmp_path, "arith-clean.eval", cache)
    assert first.run is not None and not first.cached
    entry = cache / f"{sha}.json"
    genuine = entry.read_bytes()
    doc = json.loads(genuine[_cachekey.KEY_BYTES:])
    for run in doc["runs"]:  # every sample scored as a failure: a capability that is not there
        run["scores_json"] = json.dumps([[s[0], s[1], 0] for s in json.loads(run["scores_json"])])
        run["reduced"] = {}
    forged = json.dumps(doc).encode()
    assert json.loads(forged) != json.loads(genuine[_cachekey.KEY_BYTES:])

    for planted in (forged, genuine[:_cachekey.KEY_BYTES] + forged, b"\x00" * 32 + forged):
        entry.write_bytes(planted)
        again, _ = _derived(tmp_path, "arith-clean.eval", cache)
        assert not again.cached and again.run == first.run
    assert entry.read_bytes() != planted  # the entry was written again, tagged
    assert _derived(tmp_path, "arith-clean.eval", cache)[0].cached


def test_a_tagged_entry_moved_to_another_artifacts_name_is_not_believed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    a, sha_a = _derived(tmp_path, "arith-clean.eval", cache)
    b, sha_b = _derived(tmp_path, "arith-epochs.eval", cache)
    assert a.run != b.run
    (cache / f"{sha_b}.json").write_bytes((cache / f"{sha_a}.json").read_bytes())
    again, _ = _derived(tmp_path, "arith-epochs.eval", cache)
    assert not again.cached and again.run == b.run


def test_an_entry_tagged_under_another_key_is_not_believed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("CASEGATE_STATE_DIR", str(tmp_path / "someone-else"))
    _cachekey.cache_key.cache_clear()
    theirs, _ = _derived(tmp_path, "arith-clean.eval", cache)  # written under their key
    monkeypatch.setenv("CASEGATE_STATE_DIR", str(tmp_path / "mine"))
    _cachekey.cache_key.cache_clear()
    mine, _ = _derived(tmp_path, "arith-clean.eval", cache)
    assert not mine.cached and mine.run == theirs.run


@pytest.mark.skipif(not POSIX, reason="folder ownership and modes are POSIX")
@pytest.mark.parametrize("what", ["key readable by others", "state folder writable by others", "key is a link"])
def test_a_key_that_is_not_private_turns_the_cache_off(tmp_path: Path, own_key: Path, what: str) -> None:
    assert _cachekey.cache_key() is not None
    key = own_key / "cache.key"
    if what == "key readable by others":
        key.chmod(0o644)
    elif what == "state folder writable by others":
        own_key.chmod(0o777)
    else:
        real = tmp_path / "elsewhere.key"
        real.write_bytes(key.read_bytes())
        real.chmod(0o600)
        key.unlink()
        key.symlink_to(real)
    _cachekey.cache_key.cache_clear()
    assert _cachekey.cache_key() is None
    assert key.is_symlink() or key.stat().st_mode & 0o777 in (0o600, 0o644)  # left as found, not replaced
    cache = tmp_path / "cache"
    for _ in range(2):
        got, _ = _derived(tmp_path, "arith-clean.eval", cache)
        assert got.run is not None and not got.cached
    assert not list(cache.glob("*.json"))  # nothing kept without a key to tag it
    _render.environment.cache_clear()
    assert _render._bytecode_cache("md") is None


def test_compiled_code_planted_in_the_template_cache_is_never_run(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_CACHE_DIR", str(tmp_path / "cache"))
    cache = _render._bytecode_cache("html")
    assert isinstance(cache, jinja2.BytecodeCache)
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": "genuine {{ x }}"}), bytecode_cache=cache)
    assert env.get_template("page.html").render(x=1) == "genuine 1"
    kept = list((tmp_path / "cache" / "templates" / "html").glob("*.cache"))
    assert len(kept) == 1

    # the attacker's code: valid Jinja bytecode for the same template name and source checksum,
    # compiled from another body, with and without the genuine tag in front
    evil_env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": "pwned {{ x }}"}))
    source = "genuine {{ x }}"
    bucket = jinja2.bccache.Bucket(evil_env, cache.get_cache_key("page.html", None), cache.get_source_checksum(source))
    bucket.code = evil_env.compile(evil_env.parse("pwned {{ x }}"), "page.html", None)
    evil = bucket.bytecode_to_string()
    genuine = kept[0].read_bytes()
    for planted in (evil, genuine[:_cachekey.KEY_BYTES] + evil):
        kept[0].write_bytes(planted)
        fresh = jinja2.Environment(loader=jinja2.DictLoader({"page.html": source}), bytecode_cache=cache)
        assert fresh.get_template("page.html").render(x=1) == "genuine 1"
