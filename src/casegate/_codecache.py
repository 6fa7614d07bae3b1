"""The code objects `dataclasses` and `typing` compile from source text at import, kept between runs
of `check`, `gate` and `publish`.

`@dataclass` writes each class's `__init__`, `__repr__`, `__eq__` (and, frozen, `__setattr__`,
`__delattr__`, `__hash__`) as source text and `exec`s it; `typing.ForwardRef` compiles every
annotation given as a string. pydantic and the packages it imports define some fifty dataclasses
and some seven hundred string annotations (its `TypedDict`s of core schemas): compiling them is
about 130M of the 835M instructions of a keyed `gate` of atlas-api, the same text compiled to the
same code by every run. The casegate program keeps each code object it compiles and hands the kept
one to `exec` or `ForwardRef` the next time the same text comes, so nothing runs that would not
have run: only the compiler is skipped.

Kept safely, as the models' core schemas are (`casegate._schemacache`):

- The entries are named by the interpreter (`sys.version`, its bytecode tag): a code object is
  used only by the Python that compiled it, and only for the exact source text, compile mode and
  file name it was compiled from (any other text is compiled as before).
- The kept table is read only when its HMAC tag under this user's cache key verifies
  (`casegate._cachekey`): a table someone else wrote (a CI cache from another job, a copied home
  folder) is never unmarshalled, so no code planted there runs. No key, no table: everything is
  compiled, as without the cache.
- Anything wrong with the table (missing, forged, damaged, not the shape expected) means the
  text is compiled; a table that cannot be written is not written.

Used only by the casegate program for `check`, `gate` and `publish` (`enable`, before pydantic is
imported); code importing casegate as a library, and every other command, compiles as Python does.

The table holds each code object marshalled, and a run unmarshals only the ones it uses: the table
of every text `check`, `gate` and `publish` compiled (2,080 entries after a few casegate versions)
took 3.4 MiB as code objects and takes 1.8 MiB as bytes, held for the whole run (a `check` of the
10k-goal argument peaked 1.5 MiB lower).
"""

import builtins
import marshal
import os
import sys
from typing import Any

_PURPOSE = "compiled code"
_FORMAT = 2
"""Version of the table's layout: a table of another layout is not read."""
_MAX_ENTRIES = 4096
"""Entries kept at most: past this many, the table written holds only what this run used."""

_compile = builtins.compile
_exec = builtins.exec

_STATE: dict[str, Any] = {"enabled": False, "table": None, "used": None, "new": None, "released": False}


def _name() -> str:
    return f"{_FORMAT}\x00{sys.version}\x00{sys.implementation.cache_tag}"


def _path() -> tuple[str, str] | None:
    """(entry key, file) of this interpreter's table, or None when the cache cannot be kept
    privately."""
    import hashlib

    from ._cachekey import cache_key, private_folder
    from ._userdirs import cache_root

    folder = cache_root() / "code"
    if not private_folder(folder) or cache_key() is None:
        return None
    key = hashlib.sha256(_name().encode()).hexdigest()
    return key, os.path.join(folder, f"{key}.marshal")


def _table() -> dict[tuple[str, str, str], bytes]:
    """The kept table (empty when there is none that verifies), read on first use."""
    table: dict[tuple[str, str, str], bytes] | None = _STATE["table"]
    if table is None:
        table = {}
        if _STATE["used"] is None:  # (read again after `release`: what this run used and compiled stays)
            _STATE["used"], _STATE["new"] = set(), {}
        try:
            from ._cachekey import opened

            where = _path()
            if where is not None:
                with open(where[1], "rb") as f:
                    data = opened(_PURPOSE, where[0], f.read())
                if data is not None:
                    loaded = marshal.loads(data)
                    if isinstance(loaded, dict):
                        table = loaded
        except Exception:  # a missing, damaged or foreign table is simply not used
            table = {}
        _STATE["table"] = table
    return table


def compiled(source: str, filename: str, mode: str) -> Any:
    """`compile(source, filename, mode)` as a module without `__future__` imports calls it: the
    kept code object when there is one for exactly these, else compiled now (and kept)."""
    key = (mode, filename, source)
    kept = _table().get(key)
    code = None
    if kept is not None and kept.__class__ is bytes:
        try:
            code = marshal.loads(kept)
        except (EOFError, TypeError, ValueError):  # (a damaged entry: compiled again)
            code = None
    if code is None or code.__class__ is not _CODE:
        code = _compile(source, filename, mode, 0, True)
        _STATE["new"][key] = marshal.dumps(code)
    else:
        _STATE["used"].add(key)
    return code


_CODE = type(compiled.__code__)


def _dataclass_exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """`exec` as `dataclasses` calls it, with the kept code for the text it wrote."""
    if source.__class__ is str:
        source = compiled(source, "<string>", "exec")
    _exec(source, globals, locals)


def _typing_compile(source: Any, filename: Any, mode: Any, *args: Any, **kwargs: Any) -> Any:
    """`compile` as `typing.ForwardRef` calls it, with the kept code for the annotation."""
    if args or kwargs or source.__class__ is not str or filename != "<string>" or mode != "eval":
        return _compile(source, filename, mode, *args, **kwargs)
    return compiled(source, filename, mode)


def enable() -> None:
    """Keep and reuse the code `dataclasses` and `typing.ForwardRef` compile, for the rest of this
    process: the kept table is read when the first text comes, and what was compiled meanwhile is
    added to it by `save`."""
    import dataclasses
    import typing

    if _STATE["enabled"]:
        return
    _STATE["enabled"] = True
    # Each module finds `exec` / `compile` among its globals before the builtins: these names
    # answer for these two modules only.
    dataclasses.exec = _dataclass_exec  # type: ignore[attr-defined]
    typing.compile = _typing_compile  # type: ignore[attr-defined]


def release() -> None:
    """Let the kept table go once the start-up that compiles is over (the models built, the
    command's modules imported): held to the end, it was as much memory as the rules keep (1.8
    MiB, 2,100 entries, of which a `check` uses under 400: the others are other commands' and
    other casegate versions'). A text compiled later reads the table again, once."""
    if _STATE["enabled"] and not _STATE["released"]:
        _STATE["table"], _STATE["released"] = None, True


def save() -> None:
    """Write the table with what this process compiled that it did not hold (nothing when the
    cache is off, nothing new was compiled, or the table cannot be kept)."""
    new = _STATE["new"]
    if not _STATE["enabled"] or not new:
        return
    try:
        from ._cachekey import sealed

        where = _path()
        if where is None:
            return
        table = _table()  # (read again when let go: `release`)
        if len(table) + len(new) > _MAX_ENTRIES:
            table = {k: table[k] for k in _STATE["used"] if k in table}
        data = marshal.dumps({**table, **new})
        entry = sealed(_PURPOSE, where[0], data)
        if entry is None:
            return
        tmp = f"{where[1]}.tmp-{os.getpid()}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(entry)
            os.replace(tmp, where[1])
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            return
        _STATE["table"], _STATE["new"] = {**table, **new}, {}
    except Exception:  # a table that cannot be kept is not kept: the next run compiles again
        return
