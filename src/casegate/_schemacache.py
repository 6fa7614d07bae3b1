"""The core schemas of casegate's models, kept between runs of `check`, `gate` and `publish`.

Before pydantic can validate a case it turns the model classes into a core schema (a nest of
dicts) in Python, then builds its validator from that schema in Rust. The Python half is most of
the cost: about a tenth of a `check` of a small case (about 75M of atlas-api's 862M instructions). The schema depends only on the model
classes and on the Python, pydantic and pydantic-core that built it, so the casegate program
keeps each one it builds and hands it to pydantic the next time, through pydantic's own hook for
a type's schema (`__get_pydantic_core_schema__`); pydantic then finishes the model as it always
does (the definitions cleaned, the validator and serializer built from the schema).

Kept safely:

- An entry is named by the Python, pydantic and pydantic-core versions and by a fingerprint of
  casegate's source files (each file's path, size and modification time, as Python's own
  bytecode cache checks a source file): any change to any casegate module, or another version of
  any of them, names other entries, and the schema is built again.
- An entry is read only when its HMAC tag under this user's cache key verifies (see
  `casegate._cachekey`): an entry someone else wrote (a CI cache from another job, a copied home
  folder) is never unpickled (the tag, not pickle, is what keeps planted code from running, as for
  the compiled page templates). Unpickling then resolves only names in casegate, pydantic,
  pydantic-core and the few standard objects a schema holds, so a stray entry fails loudly.
- Anything wrong with an entry (missing, forged, damaged, unreadable, not the shape expected)
  means the schema is built as without the cache; a schema that cannot be kept is not kept.
- The entries drop the schemas' `metadata`: what pydantic keeps there (functions that shape the
  JSON Schema) is not used to validate or serialise, and some of it cannot be pickled. A process
  that used an entry therefore refuses to write a model's JSON Schema (`casegate schema` never
  uses the cache).

Used only by the casegate program for `check`, `gate` and `publish` (`enable`); code importing
casegate as a library, and every other command, builds the schemas as pydantic does.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_PURPOSE = "model schemas"
_FORMAT = 1
"""Version of the entries' layout: entries of another layout are not read."""

_ALLOWED_MODULES = ("casegate.", "pydantic.", "pydantic_core.")
_ALLOWED_GLOBALS = {
    ("builtins", "getattr"),  # an enum member: getattr(its class, its name)
    ("builtins", "next"), ("functools", "partial"), ("itertools", "repeat"),  # `no_items`
    ("_operator", "is_"), ("_operator", "not_"),  # the summary's `exclude_if` tests (`publish._views`)
    ("datetime", "date"), ("datetime", "datetime"), ("datetime", "timedelta"), ("datetime", "timezone"),
}
"""Names outside casegate, pydantic and pydantic-core an entry may refer to. This filter only keeps
an entry to what a schema holds; it is no sandbox (pickle is not one): what keeps entries written
by anyone else out is their HMAC tag, checked before anything is unpickled."""


_ENABLED = [False]
_OPENED: list[_Store | None] = []


def _load(data: bytes) -> Any:
    """Unpickle `data`, resolving only names a casegate model's schema refers to."""
    import io

    if not _UNPICKLER:
        import _pickle  # the C unpickler, without importing the pickle module's Python pickler

        class Unpickler(_pickle.Unpickler):
            def find_class(self, module: str, name: str) -> Any:
                if module.startswith(_ALLOWED_MODULES) or (module, name) in _ALLOWED_GLOBALS:
                    return super().find_class(module, name)
                raise _pickle.UnpicklingError(f"{module}.{name} is not part of a model schema")

        _UNPICKLER.append(Unpickler)
    return _UNPICKLER[0](io.BytesIO(data)).load()


_UNPICKLER: list[Any] = []

_MAX_ENTRIES = 400
"""Entries kept in the folder at most: each casegate, pydantic or Python in use names its own
(a few dozen), and an entry no run names any more is never read; past this many, writing an entry
first deletes the oldest half."""


class _Store:
    """The entries of this casegate, pydantic and pydantic-core in the cache folder."""

    def __init__(self, folder: str, prefix: str) -> None:
        self.folder = folder
        self.prefix = prefix

    def _entry(self, name: str) -> tuple[str, str]:
        import hashlib

        key = hashlib.sha256(f"{self.prefix}\x00{name}".encode()).hexdigest()
        return key, os.path.join(self.folder, f"{key}.pickle")

    def get(self, name: str) -> Any:
        from ._cachekey import opened

        key, path = self._entry(name)
        try:
            with open(path, "rb") as f:
                data = opened(_PURPOSE, key, f.read())
            if data is None:
                return None
            return _load(data)
        except Exception:  # a damaged or foreign entry is simply not used: the schema is built again
            return None

    def put(self, name: str, schema: Any) -> None:
        import pickle

        from ._cachekey import sealed

        key, path = self._entry(name)
        try:
            data = pickle.dumps(_without_metadata(schema), protocol=pickle.HIGHEST_PROTOCOL)
            _load(data)  # only what a later run will read back is kept
        except Exception:
            return
        entry = sealed(_PURPOSE, key, data)
        if entry is None:
            return
        self._prune()
        tmp = os.path.join(self.folder, f".tmp-{os.getpid()}-{key}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(entry)
            os.replace(tmp, path)
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass

    def _prune(self) -> None:
        """Past `_MAX_ENTRIES` entries, delete the oldest half."""
        try:
            with os.scandir(self.folder) as it:
                entries = [(e.stat().st_mtime_ns, e.path) for e in it if e.name.endswith(".pickle")]
        except OSError:
            return
        if len(entries) <= _MAX_ENTRIES:
            return
        entries.sort()
        for _, path in entries[:len(entries) // 2]:
            try:
                os.unlink(path)
            except OSError:
                pass


def _without_metadata(schema: Any) -> Any:
    """`schema` without the `metadata` of any of its parts (JSON Schema hints, not validation)."""
    if isinstance(schema, dict):
        return {k: _without_metadata(v) for k, v in schema.items() if k != "metadata"}
    if isinstance(schema, list):
        return [_without_metadata(v) for v in schema]
    if isinstance(schema, tuple):
        return tuple(_without_metadata(v) for v in schema)
    return schema


def _fingerprint(package: str) -> str:
    """Path, size and modification time of every Python file of the casegate package (in the
    order the folders list them: another order only names other entries)."""
    import hashlib

    # the paths relative to the package (its own path is part of every entry's name), the sizes
    # and the times in lists of their own: hashing their text costs half what the text of one
    # (path, size, time) tuple per file does
    names: list[str] = []
    sizes: list[int] = []
    times: list[int] = []
    folders = [package]
    for folder in folders:
        names.append(folder[len(package):] + "/")
        with os.scandir(folder) as it:
            for e in it:
                name = e.name
                if name[-3:] == ".py":
                    st = e.stat()
                    names.append(name)
                    sizes.append(st.st_size)
                    times.append(st.st_mtime_ns)
                elif "." not in name and name != "__pycache__" and e.is_dir(follow_symlinks=False):
                    folders.append(e.path)
    text = "\x00".join(names) + f"\x00{sizes}\x00{times}"
    return hashlib.sha256(text.encode()).hexdigest()


def _store() -> _Store | None:
    """The store, or None when the cache cannot be kept privately (then nothing is kept)."""
    import pydantic
    import pydantic_core

    from ._cachekey import cache_key, private_folder
    from ._userdirs import cache_root

    folder = cache_root() / "schemas"
    if not private_folder(folder) or cache_key() is None:
        return None
    package = os.path.dirname(os.path.abspath(__file__))
    prefix = "\x00".join((str(_FORMAT), sys.version, pydantic.VERSION, pydantic_core.__version__,
                          package, _fingerprint(package)))
    return _Store(str(folder), prefix)


def enable() -> None:
    """Keep and reuse the core schemas of casegate's models for the rest of this process (the
    store is opened when the first model is built)."""
    _ENABLED[0] = True


def store() -> _Store | None:
    """The store of kept schemas when enabled and it can be kept privately; None otherwise."""
    if not _ENABLED[0]:
        return None
    if not _OPENED:
        try:
            _OPENED.append(_store())
        except OSError:
            _OPENED.append(None)
    return _OPENED[0]
