"""The patterns casegate compiles at import are built from programs `re` wrote for them when
casegate was developed (`casegate._patterns`), not compiled again by every process. A kept
program must be exactly what `re` compiles for its pattern now, the table must hold every pattern
the modules compile at import, and a pattern without one (edited since, or under another Python)
must compile through `re` as before."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import casegate.checks.families  # noqa: F401 - compiles every kept pattern
from casegate import _patterns, _patterns_data

ROOT = Path(__file__).resolve().parents[1]
SAME_ENGINE = _patterns_data.ENGINE == _patterns.ENGINE


def test_every_kept_pattern_is_the_one_re_compiles() -> None:
    assert _patterns_data.PATTERNS
    for pattern, flags in _patterns_data.PATTERNS:
        got = _patterns.kept(pattern, flags)
        # equal compiled patterns have the same pattern, flags and program
        assert got == re.compile(pattern, flags), pattern
        assert got.groupindex == re.compile(pattern, flags).groupindex
        assert got.groups == re.compile(pattern, flags).groups


@pytest.mark.skipif(not SAME_ENGINE, reason="the table was written under another Python: every pattern compiles through re")
def test_on_the_python_that_wrote_it_the_table_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    through_re: list[object] = []

    def counted(pattern: object, flags: int = 0) -> object:
        through_re.append(pattern)
        return re.compile(pattern, flags)  # type: ignore[call-overload]

    monkeypatch.setattr(_patterns, "re", SimpleNamespace(compile=counted))
    for pattern, flags in _patterns_data.PATTERNS:
        _patterns.kept(pattern, flags)
    assert through_re == []
    _patterns.kept(r"no such (kept)? pattern")
    assert through_re == [r"no such (kept)? pattern"]


def test_the_table_is_what_write_writes_now() -> None:
    """Every pattern the modules compile at import is kept, with the program `re` gives it now."""
    out = subprocess.run([sys.executable, "-m", "casegate._patterns"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr + "\nrefresh it with python -m casegate._patterns --write"


def test_a_stale_program_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks above can fail: a kept program that is another pattern's compiles to a
    pattern that is not equal to re's (and matches otherwise)."""
    (p1, f1), (p2, f2) = [k for k in _patterns_data.PATTERNS if isinstance(k[0], str)][:2]
    table = dict(_patterns_data.PATTERNS)
    table[(p1, f1)] = (*table[(p2, f2)][:2], *table[(p1, f1)][2:])
    monkeypatch.setattr(_patterns, "_TABLE", table)
    assert _patterns.kept(p1, f1) != re.compile(p1, f1)


def test_an_edited_pattern_or_another_python_compiles_through_re(monkeypatch: pytest.MonkeyPatch) -> None:
    got = _patterns.kept(r"[a-z0-9][a-z0-9'\-]*x")  # not in the table: an edit made after --write
    assert got == re.compile(r"[a-z0-9][a-z0-9'\-]*x") and got.fullmatch("ab-x")
    monkeypatch.setattr(_patterns, "ENGINE", (3, 99, 0, 0, 4))  # another interpreter
    assert _patterns._table() == {}


@pytest.mark.skipif(not SAME_ENGINE, reason="the table was written under another Python: every pattern compiles through re")
def test_publishing_compiles_none_of_its_own_patterns_at_import() -> None:
    """The modules only publishing imports take their import-time patterns from the table too."""
    code = ("import re\n"
            "import casegate.gate, casegate.load, casegate.model\n"
            "import re._compiler as c\n"
            "seen = []\n"
            "real = c.compile\n"
            "def counted(p, flags=0):\n"
            "    seen.append(p)\n"
            "    return real(p, flags)\n"
            "c.compile = counted\n"
            "import casegate.publish, casegate.publish._fixed, casegate.render._svg, casegate.store._salts\n"
            "from casegate.publish import _fixed, _guard, _preview, _render\n"
            "from casegate.render import _presentation\n"
            "from casegate.store import _salts\n"
            "own = {v.pattern for m in (_fixed, _guard, _preview, _render, _presentation, _salts)\n"
            "       for v in vars(m).values() if isinstance(v, re.Pattern)}\n"
            "print(sorted(own & set(seen)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert out.stdout.strip() == "[]", out.stdout


def test_the_words_readings_build_their_patterns_on_first_use() -> None:
    """`checks._derived` compiles none of its patterns at import (most cases reach few of them):
    each stands for its kept pattern until first used."""
    code = ("import json, re\n"
            "from casegate import _patterns\n"
            "import casegate.checks._derived as d\n"
            "got = [v for v in vars(d).values() if isinstance(v, _patterns._Lazy)]\n"
            "got += [x for v in vars(d).values() if isinstance(v, tuple) for x in v if isinstance(x, _patterns._Lazy)]\n"
            "compiled = [k for k, v in vars(d).items() if isinstance(v, re.Pattern)]\n"
            "def built(v):\n"
            "    try:\n"
            "        _patterns._Lazy.__dict__['search'].__get__(v)  # (the slot itself: no build)\n"
            "        return True\n"
            "    except AttributeError:\n"
            "        return False\n"
            "print(json.dumps([len(got), compiled, sum(map(built, got))]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    lazies, compiled, built = json.loads(out.stdout)
    assert lazies >= 80 and compiled == [] and built == 0


def test_a_lazy_pattern_is_the_kept_one_once_used() -> None:
    from casegate.checks import _derived

    lazies = [v for v in vars(_derived).values() if isinstance(v, _patterns._Lazy)]
    lazies += [x for v in vars(_derived).values() if isinstance(v, tuple) for x in v if isinstance(x, _patterns._Lazy)]
    assert lazies
    for lz in lazies:
        pattern, flags = lz._key
        assert (pattern, flags) in _patterns_data.PATTERNS or not SAME_ENGINE  # kept by --write
        want = re.compile(pattern, flags)
        assert (lz.pattern, lz.flags, lz.groups, lz.groupindex) == (want.pattern, want.flags, want.groups, want.groupindex)
        assert lz.search.__self__ == want  # the methods are the built pattern's own
        for text in ("We confirm each action. The lab's staff approve it; users: none.", "E-12 at 3.5 (SL3)"):
            assert [m.span() for m in lz.finditer(text)] == [m.span() for m in want.finditer(text)]
            assert lz.split(text) == want.split(text) and lz.sub("_", text) == want.sub("_", text)
    fresh = _patterns.lazy(r"(?P<w>\w+)-x", re.IGNORECASE)
    with pytest.raises(AttributeError):
        fresh.nothing_a_pattern_has  # noqa: B018 - no such attribute, built or not
    assert fresh.fullmatch("AB-X").group("w") == "AB"
