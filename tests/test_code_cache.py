"""The casegate program keeps the code `dataclasses` and `typing.ForwardRef` compile between runs
(casegate._codecache): the second run compiles nothing it kept and says exactly what the first
said; a table someone else wrote, or a damaged one, is never run."""

from __future__ import annotations

import hashlib
import marshal
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from casegate import _codecache
from casegate._cachekey import _tag

ROOT = Path(__file__).resolve().parents[1]
ATLAS = ROOT / "examples" / "atlas-api"
KEYRING = ATLAS / "keys" / "keyring.yaml"
GATE = ["gate", str(ATLAS / "case.yaml"), "--keyring", str(KEYRING), "--preview", "--format", "json"]


def _program(args: list[str], cache: Path, state: Path) -> tuple[int, str, str]:
    env = {**os.environ, "CASEGATE_CACHE_DIR": str(cache), "CASEGATE_STATE_DIR": str(state), "CASEGATE_DEMO_KEYS": "1"}
    r = subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True, cwd=ROOT, env=env)
    return r.returncode, r.stdout, r.stderr


def _table_file(cache: Path) -> Path:
    return cache / "code" / f"{hashlib.sha256(_codecache._name().encode()).hexdigest()}.marshal"


def _read_table(cache: Path, state: Path) -> dict[tuple[str, str, str], bytes]:
    entry = _table_file(cache).read_bytes()
    key = (state / "cache.key").read_bytes()
    name = hashlib.sha256(_codecache._name().encode()).hexdigest()
    assert entry[:32] == _tag(key, "compiled code", name, entry[32:])
    table = marshal.loads(entry[32:])
    assert isinstance(table, dict)
    return table


@pytest.mark.parametrize("args", [["check", str(ATLAS / "case.yaml")], GATE], ids=["check", "gate-keyring"])
def test_kept_code_changes_nothing(args: list[str], tmp_path: Path) -> None:
    cache, state = tmp_path / "cache", tmp_path / "state"
    first = _program(args, cache, state)
    table = _table_file(cache)
    assert table.is_file(), "the first run keeps the code it compiled"
    written = table.read_bytes()
    second = _program(args, cache, state)
    assert table.read_bytes() == written  # nothing compiled the second time: the table is not written again
    assert second == first
    shared = tmp_path / "shared-state"  # no key can be kept privately: nothing is kept or read
    shared.mkdir()
    shared.chmod(0o777)
    assert _program(args, tmp_path / "cache-none", shared) == first
    assert not _table_file(tmp_path / "cache-none").exists()


def test_kept_code_is_what_the_compiler_makes_of_its_text(tmp_path: Path) -> None:
    cache, state = tmp_path / "cache", tmp_path / "state"
    _program(GATE, cache, state)
    table = _read_table(cache, state)
    modes = {mode for mode, _, _ in table}
    assert modes == {"exec", "eval"}  # dataclass methods and string annotations
    assert len(table) > 200
    for (mode, filename, source), code in table.items():
        assert marshal.loads(code) == compile(source, filename, mode, 0, True)  # kept marshalled


def _forged(table: dict[tuple[str, str, str], bytes], marker: Path) -> bytes:
    """`table` with every code object replaced by one that first creates `marker`."""
    plant = f"open({str(marker)!r}, 'w').close()"
    return marshal.dumps({
        (mode, filename, source): marshal.dumps(compile(
            f"({plant}, {source})[1]" if mode == "eval" else f"{plant}\n{source}", filename, mode, 0, True))
        for (mode, filename, source) in table})


def test_a_table_someone_else_wrote_is_never_run(tmp_path: Path) -> None:
    cache, state = tmp_path / "cache", tmp_path / "state"
    first = _program(GATE, cache, state)
    good = _read_table(cache, state)
    marker = tmp_path / "planted-code-ran"
    data = _forged(good, marker)
    name = hashlib.sha256(_codecache._name().encode()).hexdigest()
    # the attacker writes a table with the right layout and name into the shared cache folder,
    # tagged under a key of their own (they cannot read this user's key)
    _table_file(cache).write_bytes(_tag(secrets.token_bytes(32), "compiled code", name, data) + data)
    assert _program(GATE, cache, state) == first
    assert not marker.exists(), "code from a table without this user's tag ran"
    # the run compiled everything again and wrote its own table back
    assert 200 < len(_read_table(cache, state).keys() & good.keys())
    # the same table tagged under this user's key is run: the tag is the only thing keeping it out
    key = (state / "cache.key").read_bytes()
    _table_file(cache).write_bytes(_tag(key, "compiled code", name, data) + data)
    _program(GATE, cache, state)
    assert marker.exists()


@pytest.mark.parametrize("damage", ["truncated", "not-a-table", "empty", "entries", "not-code"])
def test_a_damaged_table_is_compiled_again(damage: str, tmp_path: Path) -> None:
    cache, state = tmp_path / "cache", tmp_path / "state"
    first = _program(["check", str(ATLAS / "case.yaml")], cache, state)
    path = _table_file(cache)
    entry = path.read_bytes()
    key = (state / "cache.key").read_bytes()
    name = hashlib.sha256(_codecache._name().encode()).hexdigest()
    table = _read_table(cache, state)
    data = {"truncated": entry[32:-100], "not-a-table": marshal.dumps([1, 2, 3]), "empty": b"",
            # each code object kept marshalled, and unmarshalled only when its text comes
            "entries": marshal.dumps({k: v[:-3] for k, v in table.items()}),
            "not-code": marshal.dumps({k: marshal.dumps(k[2]) for k in table})}[damage]
    path.write_bytes(_tag(key, "compiled code", name, data) + data)
    assert _program(["check", str(ATLAS / "case.yaml")], cache, state) == first
    assert len(_read_table(cache, state)) > 200  # written afresh


def test_compiled_texts_match_the_modules_own_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    # what the program hands dataclasses and typing is what their own calls would compile
    import dataclasses
    import typing

    monkeypatch.setitem(_codecache._STATE, "table", {})  # no table read from this user's cache
    monkeypatch.setitem(_codecache._STATE, "used", set())
    monkeypatch.setitem(_codecache._STATE, "new", {})

    text = "def __create_fn__(__dataclass_type__):\n def __init__(self, x):\n  self.x = x\n return __init__"
    namespace: dict[str, object] = {}
    exec(compile(text, "<string>", "exec", 0, True), {}, namespace)
    assert _codecache.compiled(text, "<string>", "exec") == compile(text, "<string>", "exec", 0, True)
    assert _codecache.compiled("list[int]", "<string>", "eval") == compile("list[int]", "<string>", "eval", 0, True)
    assert "exec" not in vars(dataclasses) and "compile" not in vars(typing)  # a library import changes nothing


def test_a_released_table_is_read_again_for_a_text_compiled_later(tmp_path: Path) -> None:
    """Once the program lets the table go (`release`, after the case is loaded), a text compiled
    later reads it again: it finds what was kept, and what the run compiles is kept with it."""
    code = ("from casegate import _codecache as c\n"
            "c.enable()\n"
            "c.compiled('x = 1', '<string>', 'exec')\n"
            "c.save()\n"
            "c._STATE.update(table=None, used=None, new=None, released=False)  # as the next run starts\n"
            "c.compiled('x = 1', '<string>', 'exec')\n"
            "held = len(c._STATE['table'])\n"
            "c.release()\n"
            "let_go = c._STATE['table'] is None\n"
            "c.compiled('y = 2', '<string>', 'exec')\n"
            "again = sorted(s for _, _, s in c._STATE['table'])\n"
            "used, new = sorted(s for _, _, s in c._STATE['used']), sorted(s for _, _, s in c._STATE['new'])\n"
            "c.save()\n"
            "print(held, let_go, again, used, new)\n")
    cache, state = tmp_path / "cache", tmp_path / "state"
    env = {**os.environ, "CASEGATE_CACHE_DIR": str(cache), "CASEGATE_STATE_DIR": str(state),
           "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split(" ", 2)[:2] == ["1", "True"], out.stdout + out.stderr
    assert out.stdout.split(" ", 2)[2].strip() == "['x = 1'] ['x = 1'] ['y = 2']"
    assert sorted(s for _, _, s in _read_table(cache, state)) == ["x = 1", "y = 2"]  # nothing kept was lost


def test_check_and_gate_let_the_table_go_once_the_case_is_loaded(tmp_path: Path) -> None:
    # the table held to the end of a run was as much memory as the rules keep (most of it other
    # commands' and other versions' code)
    cache, state = tmp_path / "cache", tmp_path / "state"
    _program(GATE, cache, state)
    code = ("import sys\n"
            "from casegate import _codecache as c\n"
            "c.enable()\n"
            "from casegate.cli import _main\n"
            "sys.argv = ['casegate', *sys.argv[1:]]\n"
            "try:\n    _main()\nexcept SystemExit:\n    pass\n"
            "print('HELD', len(c._STATE['used']), c._STATE['released'], c._STATE['table'] is None, file=sys.stderr)\n")
    env = {**os.environ, "CASEGATE_CACHE_DIR": str(cache), "CASEGATE_STATE_DIR": str(state), "CASEGATE_DEMO_KEYS": "1",
           "PYTHONPATH": str(ROOT / "src")}
    for args in (["check", str(ATLAS / "case.yaml")], GATE):
        r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, env=env)
        held = [line for line in r.stderr.splitlines() if line.startswith("HELD")]
        # (the kept code was used, and let go: nothing compiled after the load read it again)
        assert held and held[-1].split()[2:] == ["True", "True"] and int(held[-1].split()[1]) > 100, r.stderr[-2000:]
