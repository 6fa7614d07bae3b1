"""Regular expressions compiled at import, without paying `re`'s compiler at every start-up.

`re.compile` parses a pattern and builds its program in Python: some 0.3M to 5M instructions a
pattern (`checks._text`'s number grammar alone is 5M of a 830M keyed gate), paid again by every
process. `kept(pattern, flags)` returns the same compiled pattern from the program `re` built
for it when `_patterns_data.py` was written (`python -m casegate._patterns --write`), handed
straight to `_sre.compile`, the constructor `re` itself ends in, which validates it again.

The kept program is used only by the interpreter that wrote it (same Python version, same regex
engine `MAGIC`, same code unit size) and only for the exact (pattern, flags) it was built from:
any other pattern, a pattern edited since, or another Python compiles through `re` as before.
The result is the same object either way: `kept(p, f) == re.compile(p, f)` (a compiled pattern
compares equal to another only with the same pattern, flags and program), which
`tests/test_patterns.py` checks of every kept entry, together with the table being what
`--write` writes now.

`lazy(pattern, flags)` stands for `kept(pattern, flags)` built on first use: a module of many
patterns that most cases never reach (the words readings of `checks._derived`, some 1.5M
instructions and 0.2 MiB at every import) builds each one when it is first used. Its
(pattern, flags) is noted at once, so `--write` keeps it as if it were built at import.
"""

from __future__ import annotations

import _sre
import re
import sys
from binascii import a2b_base64, b2a_base64
from typing import Any, Final, cast, overload

SEEN: list[tuple[str | bytes, int]] = []
"""Every (pattern, flags) given to `kept` in this process: what `--write` keeps."""

MODULES = ("casegate.checks", "casegate.checks.families", "casegate.checks._text", "casegate.checks._regimes",
           "casegate.load", "casegate.model._rate",
           "casegate.model", "casegate.evidence.importers._claims", "casegate.limits",
           "casegate.publish._fixed", "casegate.publish._guard", "casegate.publish._preview",
           "casegate.publish._render", "casegate.render._presentation", "casegate.store._salts")
"""The modules whose import-time patterns `--write` keeps (importing them compiles every one):
those of the check path, and those only publishing imports."""

ENGINE = (*sys.version_info[:3], _sre.MAGIC, _sre.CODESIZE, sys.byteorder)
"""What a kept program is valid for: the Python version, `re`'s engine and the byte order its
code units are packed in."""

_UNIT: Final = "I"
"""The code units' format as packed (native unsigned int: `re`'s code unit, `_sre.CODESIZE`
bytes, where the table is used at all)."""


def _table() -> dict[tuple[str | bytes, int], tuple[Any, ...]]:
    from ._patterns_data import ENGINE as WRITTEN
    from ._patterns_data import PATTERNS

    if WRITTEN != ENGINE or memoryview(b"").cast(_UNIT).itemsize != _sre.CODESIZE:
        return {}
    return cast("dict[tuple[str | bytes, int], tuple[Any, ...]]", PATTERNS)


_TABLE: dict[tuple[str | bytes, int], tuple[Any, ...]] | None = None


@overload
def kept(pattern: str, flags: int = 0) -> re.Pattern[str]: ...
@overload
def kept(pattern: bytes, flags: int = 0) -> re.Pattern[bytes]: ...
def kept(pattern: str | bytes, flags: int = 0) -> re.Pattern[str] | re.Pattern[bytes]:
    """`re.compile(pattern, flags)`, from the kept program where there is one for them."""
    global _TABLE
    SEEN.append((pattern, int(flags)))
    if _TABLE is None:
        _TABLE = _table()
    entry = _TABLE.get((pattern, flags))
    if entry is None:
        return re.compile(pattern, flags)
    all_flags, packed, groups, groupindex, indexgroup = entry
    code = memoryview(a2b_base64(packed)).cast(_UNIT).tolist()
    compiled: re.Pattern[str] | re.Pattern[bytes] = _sre.compile(pattern, all_flags, code, groups,
                                                                  dict(groupindex), indexgroup)
    return compiled


_PATTERN_ATTRS = ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn", "scanner",
                  "pattern", "flags", "groups", "groupindex")


class _Lazy:
    """A kept pattern built on first use (`lazy`): the first attribute asked for builds it
    (`kept`) and sets its methods and attributes here, where every later use finds them."""

    __slots__ = ("_key", *_PATTERN_ATTRS)

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._key = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # (called only for what is not set here: every name, until the pattern is built)
        if name.startswith("__") or name == "_key":
            raise AttributeError(name)
        pattern, flags = self._key
        compiled = kept(pattern, flags)
        for attr in _PATTERN_ATTRS:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._key[0]!r}, {self._key[1]!r})"


@overload
def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]: ...
@overload
def lazy(pattern: bytes, flags: int = 0) -> re.Pattern[bytes]: ...
def lazy(pattern: str | bytes, flags: int = 0) -> re.Pattern[str] | re.Pattern[bytes]:
    """`kept(pattern, flags)`, built when one of its methods or attributes is first used. It stands
    for the compiled pattern only there: it is no `re.Pattern` to `isinstance`, equality or `re`'s
    functions (give those `kept`'s)."""
    SEEN.append((pattern, int(flags)))
    return cast("re.Pattern[str]", _Lazy(pattern, int(flags)))


def program(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """What `re` hands `_sre.compile` for (pattern, flags): (flags, program, groups, group
    names, index -> name), as `re._compiler.compile` computes them, with the program's code units
    packed (`_UNIT`, in base64: one string a pattern, where a tuple of its numbers took 0.6 MiB
    for the table's 58,000 units, held by every run)."""
    import struct
    from re import _compiler, _parser  # type: ignore[attr-defined]

    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = p.state.groupdict
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    packed = b2a_base64(struct.pack(f"={len(code)}{_UNIT}", *map(int, code)), newline=False).decode("ascii")
    return (int(flags | p.state.flags), packed, p.state.groups - 1, tuple(groupindex.items()), tuple(indexgroup))


def source() -> str:
    """The text of `_patterns_data.py` for the patterns `MODULES` compile at import."""
    import importlib

    for name in MODULES:
        importlib.import_module(name)
    seen = importlib.import_module("casegate._patterns").SEEN  # (run as __main__, this module is another copy)
    lines = ['"""Programs of the patterns casegate compiles at import: written by `python -m casegate._patterns --write`. '
             'Do not edit."""', "", "# fmt: off", f"ENGINE = {ENGINE!r}", "PATTERNS = {"]
    for key in sorted(set(seen), key=repr):
        lines.append(f"    {key!r}: {program(*key)!r},")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - the generator
    from pathlib import Path

    out = Path(__file__).with_name("_patterns_data.py")
    text = source()
    if "--write" in sys.argv:
        out.write_text(text, encoding="utf-8")
    elif out.read_text(encoding="utf-8") != text:
        raise SystemExit(f"{out} is out of date: run python -m casegate._patterns --write")
