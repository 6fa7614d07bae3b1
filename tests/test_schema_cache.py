"""The casegate program keeps its models' core schemas between runs (casegate._schemacache): the
second run builds its validators from them and says exactly what the first said; an entry someone
else wrote, a damaged one, or one for other sources is never used."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casegate import _schemacache
from casegate._cachekey import cache_key

ROOT = Path(__file__).resolve().parents[1]
ATLAS = ROOT / "examples" / "atlas-api"
KEYRING = ATLAS / "keys" / "keyring.yaml"


def _program(args: list[str], cache: Path, state: Path) -> tuple[int, str, str]:
    env = {**os.environ, "CASEGATE_CACHE_DIR": str(cache), "CASEGATE_STATE_DIR": str(state)}
    r = subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True, cwd=ROOT, env=env)
    return r.returncode, r.stdout, r.stderr


def _without_cache(args: list[str], tmp: Path) -> tuple[int, str, str]:
    """The program with a cache folder others can write to: nothing is cached or read."""
    shared = tmp / "shared-cache"
    shared.mkdir(exist_ok=True)
    shared.chmod(0o777)
    return _program(args, shared, tmp / "state-none")


def _entries(cache: Path) -> list[Path]:
    folder = cache / "schemas"
    return sorted(folder.glob("*.pickle")) if folder.is_dir() else []


def _bad_case(tmp: Path) -> Path:
    """The atlas-api case with an invalid id, a misspelt field and a count of the wrong type."""
    folder = tmp / "bad"
    shutil.copytree(ATLAS, folder)
    case = folder / "case.yaml"
    text = case.read_text()
    text = text.replace("\nid: ", "\nid: 'not an id' # was: ", 1)
    text = text.replace("\ntitle: ", "\ntitel: x\ntitle: ", 1)
    case.write_text(text)
    return case


@pytest.mark.parametrize("args", [
    ["check", str(ATLAS / "case.yaml")],
    ["check", str(ATLAS / "case.yaml"), "--format", "json"],
    ["gate", str(ATLAS / "case.yaml")],
    ["gate", str(ATLAS / "case.yaml"), "--keyring", str(KEYRING), "--preview", "--format", "json"],
], ids=["check", "check-json", "gate", "gate-keyring"])
def test_kept_schemas_change_nothing(args: list[str], tmp_path: Path) -> None:
    cache, state = tmp_path / "cache", tmp_path / "state"
    first = _program(args, cache, state)
    kept = _entries(cache)
    assert kept, "the first run keeps the schemas it built"
    second = _program(args, cache, state)
    assert _entries(cache) == kept  # every schema the second run needed was kept
    assert second == first
    assert _without_cache(args, tmp_path) == first


def test_validation_errors_from_kept_schemas(tmp_path: Path) -> None:
    case = _bad_case(tmp_path)
    cache, state = tmp_path / "cache", tmp_path / "state"
    _program(["check", str(ATLAS / "case.yaml")], cache, state)  # keep the schemas
    got = _program(["check", str(case)], cache, state)
    assert got == _without_cache(["check", str(case)], tmp_path)
    assert got[0] == 1 and "titel" in got[2] + got[1] and "not an id" in got[2] + got[1]


def test_a_forged_or_damaged_entry_is_not_used(tmp_path: Path) -> None:
    args = ["check", str(ATLAS / "case.yaml")]
    cache, state = tmp_path / "cache", tmp_path / "state"
    first = _program(args, cache, state)
    entries = _entries(cache)
    first_bytes = {e: e.read_bytes() for e in entries}
    # a lab's CI job writes an entry of its own (a schema that accepts anything) without the key
    forged = pickle.dumps({"type": "any"})
    written = {}
    for i, entry in enumerate(entries):
        written[entry] = entry.read_bytes()[:32] + forged if i % 2 else b"\0" * 40
        entry.write_bytes(written[entry])
    assert _program(args, cache, state) == first
    # the case's schema (the largest) was built again and kept anew
    case_entry = max(entries, key=lambda e: len(first_bytes[e]))
    assert case_entry.read_bytes() not in (written[case_entry], b"")


def test_an_entry_names_the_sources_it_was_built_from(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    (package / "sub" / "b.py").write_text("y = 2\n")
    before = _schemacache._fingerprint(str(package))
    assert _schemacache._fingerprint(str(package)) == before
    (package / "sub" / "b.py").write_text("y = 3\n")
    os.utime(package / "sub" / "b.py", ns=(1, 1))
    assert _schemacache._fingerprint(str(package)) != before
    (package / "sub" / "c.py").write_text("")
    added = _schemacache._fingerprint(str(package))
    assert added != before
    (package / "sub" / "c.py").rename(package / "c.py")  # the same file, in another folder
    assert _schemacache._fingerprint(str(package)) not in (before, added)


def test_unpickling_resolves_only_schema_names() -> None:
    assert _schemacache._load(pickle.dumps({"cls": _schemacache.enable})) == {"cls": _schemacache.enable}
    with pytest.raises(pickle.UnpicklingError):
        _schemacache._load(pickle.dumps(os.system))
    with pytest.raises(pickle.UnpicklingError):
        _schemacache._load(pickle.dumps(subprocess.run))


def test_no_json_schema_from_kept_schemas(tmp_path: Path) -> None:
    code = ("import sys; from casegate import _schemacache; _schemacache.enable()\n"
            "from casegate.model import Case, build_case_validator\n"
            "build_case_validator()\n"
            "try:\n    Case.model_json_schema()\nexcept RuntimeError as e:\n    print('refused:', e)\n"
            "else:\n    print('written')\n")
    env = {**os.environ, "CASEGATE_CACHE_DIR": str(tmp_path / "cache"), "CASEGATE_STATE_DIR": str(tmp_path / "st")}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env).stdout
            for _ in range(2)]
    assert runs[0] == "written\n"  # built by pydantic (and kept)
    assert runs[1].startswith("refused:")  # built from the kept schema


def test_old_entries_are_pruned(tmp_path: Path) -> None:
    folder = tmp_path / "schemas"
    folder.mkdir(mode=0o700)
    for i in range(_schemacache._MAX_ENTRIES + 1):
        (folder / f"{i:064x}.pickle").write_bytes(b"old")
        os.utime(folder / f"{i:064x}.pickle", ns=(i, i))
    store = _schemacache._Store(str(folder), "test")
    store.put("casegate.model._case.Lineage", {"type": "any"})
    left = sorted(folder.glob("*.pickle"))
    assert len(left) == (_schemacache._MAX_ENTRIES + 1) - (_schemacache._MAX_ENTRIES + 1) // 2 + 1
    assert not (folder / f"{0:064x}.pickle").exists()  # the oldest went first
    assert store.get("casegate.model._case.Lineage") == {"type": "any"}


def test_publish_from_kept_schemas_writes_the_same_bytes(tmp_path: Path) -> None:
    salts = tmp_path / "salts.json"
    cache, state = tmp_path / "cache", tmp_path / "state"

    def publish(out: str, with_cache: bool) -> dict[str, bytes]:
        args = ["publish", str(ATLAS / "case.yaml"), "--out", str(tmp_path / out), "--at", "2026-06-01",
                "--salt-store", str(salts)]
        code, _, err = _program(args, cache, state) if with_cache else _without_cache(args, tmp_path)
        assert code == 0, err
        return {p.name: p.read_bytes() for p in sorted((tmp_path / out).iterdir())}

    plain = publish("plain", with_cache=False)  # makes the salts every run then reuses
    publish("first", with_cache=True)  # keeps the schemas
    assert _entries(cache)
    assert publish("kept", with_cache=True) == plain


def _kept_schema_models() -> list[type]:
    """Every model of the casegate package whose schema the program keeps (`KeptSchema`)."""
    import importlib
    import pkgutil

    import casegate
    from casegate.model._base import KeptSchema

    for m in pkgutil.walk_packages(casegate.__path__, "casegate."):
        # (alembic's scripts run under alembic only; `__main__` runs the program)
        if not m.name.startswith("casegate.store.migrations") and not m.name.endswith(".__main__"):
            importlib.import_module(m.name)
    found, todo = set(), [KeptSchema]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    # the package's own models: not a class another test defines for the while it runs
    own = (c for c in found if c.__module__.startswith("casegate.") and "<locals>" not in c.__qualname__)
    return sorted(own, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def test_every_model_schema_can_be_kept() -> None:
    # a schema naming a function the unpickler does not resolve is built again on every run
    # (the public summary's views, whose fields are left out by `operator.is_` and `operator.not_`,
    # were: some 30 ms of every `publish`)
    refused = {}
    for cls in _kept_schema_models():
        cls.model_rebuild()
        data = pickle.dumps(_schemacache._without_metadata(cls.__pydantic_core_schema__),
                            protocol=pickle.HIGHEST_PROTOCOL)
        try:
            _schemacache._load(data)
        except pickle.UnpicklingError as e:
            refused[f"{cls.__module__}.{cls.__qualname__}"] = str(e)
    assert refused == {}


def test_publish_keeps_the_summary_schemas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, state = tmp_path / "cache", tmp_path / "state"
    args = ["publish", str(ATLAS / "case.yaml"), "--out", str(tmp_path / "out"), "--at", "2026-06-01",
            "--salt-store", str(tmp_path / "salts.json"), "--no-record"]
    assert _program(args, cache, state)[0] == 0
    monkeypatch.setenv("CASEGATE_CACHE_DIR", str(cache))
    monkeypatch.setenv("CASEGATE_STATE_DIR", str(state))
    cache_key.cache_clear()  # (this process's key, read before under other folders)
    try:
        store = _schemacache._store()  # as the program opened it (the same cache key and sources)
        assert store is not None
        for name in ("PublicSummary", "ArgumentView", "DecisionView", "DissentView", "SafeguardItem"):
            assert store.get(f"casegate.publish._views.{name}") is not None, name
    finally:
        cache_key.cache_clear()
