"""casegate's own wording in the texts it composes (finding messages, conditions, what a boundary
lacks, the gate's answers): the literal parts of the f-strings, and the plain strings, of the
modules that write them, and the built-in data they quote (regime section titles). A redacted
element whose content repeats these words keeps no secret in them, so the guard looks for
redacted content only in what a text puts into that wording.

A composed text is matched against the templates its f-strings make (each literal part as
written, each interpolation any text); the interpolated parts are matched again (a message
quoted inside a lack, a keyring's name inside a message), and a part that is one of casegate's
plain strings (a rule's code or name, a section title) is fixed wording as a whole. A text no
template matches is all variable: it is checked whole, as before.

The wording is taken from the sources once, when casegate is developed, into `_wording_data`
(written by `python -m casegate.publish._fixed --write`; a test fails when it is stale): at run
time nothing is parsed and no YAML library is needed. Each template is indexed by a run of
`_KEY` characters of its literal parts (the rarest), so a text is tried only against the
templates whose run it holds."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .._patterns import kept

if TYPE_CHECKING:
    import ast

_PACKAGE = Path(__file__).resolve().parents[1]
_SOURCES = ("checks", "gate", "model", "verify", "evidence", "sign", "trust", "ledger", "load")
"""The packages whose code writes the texts the gate records (a message built from a reason
another layer words, such as why a sign-off is not signed, quotes that layer's words)."""
_DATA = ("load/builtin",)
"""Built-in data the messages quote (the regimes' section titles)."""
_MIN_LITERAL = 3
"""A template whose literal parts are shorter than this in all says nothing fixed."""
_DEPTH = 4
_KEY = 4
"""The length of the run of literal text a template is indexed by."""
_RUN = kept(r"[\w\-]+")
"""A run of word characters: a word (`\\w[\\w\\-]*`) occurs in a text only inside one."""


@dataclass(frozen=True, slots=True)
class _Template:
    parts: tuple[str | None, ...]
    """The literal parts in order, None for each interpolation (consecutive ones as one)."""
    literals: tuple[str, ...]
    """The literal parts, longest first (a text lacking one is not tried)."""
    size: int

    def match(self, text: str) -> list[str] | None:
        """The interpolated parts of `text` when this template makes it, else None. Each literal
        part is taken where it first occurs after the one before (the last at the text's end):
        a match is found when there is one, in one pass, whatever the text (no backtracking)."""
        pos, open_, groups, last = 0, False, [], len(self.parts) - 1
        for i, p in enumerate(self.parts):
            if p is None:
                open_ = True
                continue
            if not open_:
                if not text.startswith(p, pos):
                    return None
            else:
                j = len(text) - len(p) if i == last else text.find(p, pos)
                if j < pos or (i == last and not text.endswith(p)):
                    return None
                groups.append(text[pos:j])
                pos, open_ = j, False
            pos += len(p)
        if open_:
            groups.append(text[pos:])
            pos = len(text)
        return groups if pos == len(text) else None


def _make(parts: tuple[str | None, ...]) -> _Template:
    literals = [p for p in parts if p is not None]
    return _Template(parts, tuple(sorted(literals, key=len, reverse=True)), sum(map(len, literals)))


# --- run time: the kept wording -----------------------------------------------------------------


@cache
def _wording() -> tuple[tuple[_Template, ...], frozenset[str], dict[str, tuple[int, ...]], frozenset[int],
                        tuple[str | None, ...]]:
    """The templates (most literal text first), casegate's plain strings, the templates' index by
    a run of `_KEY` characters of their literal parts, the templates with no such run, and each
    template's run (None for those with none)."""
    from . import _wording_data as d

    templates = tuple(map(_make, d.TEMPLATES))
    keys: list[str | None] = [None] * len(templates)
    for key, held in d.INDEX.items():
        for i in held:
            keys[i] = key
    return templates, d.CONSTANTS, d.INDEX, frozenset(d.UNKEYED), tuple(keys)


def _source_words() -> str:
    from . import _wording_data as d

    return d.WORDS


def may_be_fixed(words: Iterable[str]) -> bool:
    """Whether every one of `words` (each a run of word characters) occurs in casegate's sources,
    in lower case (else no text holding them all can be its fixed wording, and it need not be
    matched against the templates)."""
    src = _source_words()
    return all(w.lower() in src for w in words)


def variable_parts(text: str) -> list[str]:
    """The parts of a composed `text` that are not casegate's fixed wording: the text whole when no
    template matches it, nothing when it is one of casegate's plain strings. Of the templates that
    match the whole text, the one that leaves the least variable text is taken (its parts matched
    again); whichever is taken, what it leaves out is casegate's literal wording."""
    return list(_variable(text, 0))


def _candidates(text: str, within: Iterable[int] | None = None) -> list[int]:
    """The templates (by index, in order) whose literal parts `text` may hold: those whose key
    occurs in it, and those with no key. `within`: the candidates of a text `text` is part of
    (every run of `text` is one of that text's, so its candidates are among them: each is kept
    when its key occurs in `text`, without looking up every run of `text`)."""
    if within is not None:
        keys = _wording()[4]
        return [i for i in within if (k := keys[i]) is None or k in text]
    _, _, index, unkeyed, _ = _wording()
    found = set(unkeyed)
    for gram in {text[i:i + _KEY] for i in range(len(text) - _KEY + 1)}:
        got = index.get(gram)
        if got is not None:
            found.update(got)
    return sorted(found)


_MEMO_SIZE = 4096
_memo: dict[tuple[str, int], tuple[str, ...]] = {}
"""The parts found for a text at a depth (the oldest dropped beyond `_MEMO_SIZE`)."""


def _variable(text: str, depth: int, within: list[int] | None = None) -> tuple[str, ...]:
    """What of `text` (matched `depth` templates deep) is not casegate's fixed wording;
    `within`: the candidates of a text it is part of (see `_candidates`)."""
    got = _memo.get((text, depth))
    if got is None:
        got = _memo[(text, depth)] = _variable_uncached(text, depth, within)
        if len(_memo) > _MEMO_SIZE:
            del _memo[next(iter(_memo))]
    return got


def _variable_uncached(text: str, depth: int, within: list[int] | None) -> tuple[str, ...]:
    templates, constants, _, _, _ = _wording()
    if text in constants:
        return ()
    best: tuple[str, ...] = (text,)
    if depth >= _DEPTH:
        return best
    left = n = len(text)
    # the templates whose literal parts the text holds, in order: a part of the text holds no
    # literal part the text does not, so its own are among them
    held = [i for i in _candidates(text, within) if _holds(templates[i], text, n)]
    for i in held:
        got = templates[i].match(text)
        if got is None:
            continue
        out: list[str] = []
        for g in got:
            if g:
                out.extend(_variable(g, depth + 1, held))
        size = sum(map(len, out))
        if size < left:
            best, left = tuple(out), size
            if not size:
                break
    return best


def _holds(t: _Template, text: str, n: int) -> bool:
    """Whether `text` (of length `n`) holds every literal part of `t`."""
    if t.size > n:
        return False
    for x in t.literals:
        if x not in text:
            return False
    return True


# --- development time: the wording taken from the sources -----------------------------------------


def _template(node: ast.JoinedStr) -> tuple[str | None, ...] | None:
    import ast

    parts: list[str | None] = []
    for v in node.values:
        if isinstance(v, ast.Constant) and isinstance(v.value, str):
            if v.value:
                parts.append(v.value)
        elif isinstance(v, ast.FormattedValue):
            if not parts or parts[-1] is not None:
                parts.append(None)
        else:  # pragma: no cover - an f-string holds nothing else
            return None
    size = sum(len(p) for p in parts if p is not None)
    if size < _MIN_LITERAL or None not in parts:
        return None
    return tuple(parts)


def _yaml_strings(text: str) -> set[str]:
    """The string values of a YAML file (a failure to read one leaves it out: its words are then
    simply not taken as fixed). PyYAML, a development dependency, is used only here, when the
    wording is written."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    out: set[str] = set()
    try:
        todo = [yaml.load(text, Loader=loader)]  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return out
    while todo:
        x = todo.pop()
        if isinstance(x, str):
            out.add(x)
        elif isinstance(x, dict):
            todo.extend(x.values())
        elif isinstance(x, list):
            todo.extend(x)
    return out


def _nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of `tree` (as `ast.walk`, in another order, at about half its cost)."""
    import ast

    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                stack.extend(x for x in value if isinstance(x, ast.AST))
            elif isinstance(value, ast.AST):
                stack.append(value)


def _files() -> Iterator[Path]:
    for name in _SOURCES:
        yield from sorted((_PACKAGE / name).rglob("*.py"))
    for name in _DATA:
        yield from sorted((_PACKAGE / name).rglob("*.yaml"))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""  # its words are then not taken as fixed (fail closed)


def _keys(templates: list[tuple[str | None, ...]]) -> list[str | None]:
    """Each template's key: of the runs of `_KEY` characters in its literal parts, the one the
    fewest templates hold (None when its literal parts are all shorter)."""
    grams = [{p[i:i + _KEY] for p in t if p is not None for i in range(len(p) - _KEY + 1)} for t in templates]
    count: dict[str, int] = {}
    for g in grams:
        for x in g:
            count[x] = count.get(x, 0) + 1
    return [min(g, key=lambda x: (count[x], x)) if g else None for g in grams]


def render() -> str:
    """The text of `_wording_data`, taken from the sources and built-in data as they are now.
    Sources that cannot be read or parsed give no wording (fail closed: their words are then not
    excused)."""
    import ast

    found: list[tuple[str | None, ...]] = []
    constants: set[str] = set()
    for path in _files():
        text = _read(path)
        if path.suffix == ".yaml":
            constants |= _yaml_strings(text)
            continue
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        # a string standing alone as a statement (a docstring) is never a text casegate composes
        said = {id(n.value) for n in _nodes(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
        for node in _nodes(tree):
            if isinstance(node, ast.JoinedStr):
                t = _template(node)
                if t is not None:
                    found.append(t)
            elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value
                  and id(node) not in said):
                constants.add(node.value)
    # most literal text first (in the order of the sources among equals), each template once
    found.sort(key=lambda t: -sum(len(p) for p in t if p is not None))
    templates = list(dict.fromkeys(found))
    index: dict[str, list[int]] = {}
    unkeyed: list[int] = []
    for i, key in enumerate(_keys(templates)):
        if key is None:
            unkeyed.append(i)
        else:
            index.setdefault(key, []).append(i)
    words = sorted(set(_RUN.findall("\n".join([*(p for t in templates for p in t if p is not None),
                                                 *constants]).lower())))

    def rows(items: Iterable[object]) -> str:
        return "".join(f"    {x!r},\n" for x in items)

    return (
        f'"""casegate\'s fixed wording, taken from its sources: {_MARK}. Do not edit."""\n\n'
        "# fmt: off\n"
        "TEMPLATES: tuple[tuple[str | None, ...], ...] = (\n" + rows(templates) + ")\n"
        '"""The templates of the f-strings (None for an interpolation), most literal text first."""\n\n'
        "INDEX: dict[str, tuple[int, ...]] = {\n"
        + "".join(f"    {k!r}: {tuple(v)!r},\n" for k, v in sorted(index.items())) + "}\n"
        '"""The templates (their places in TEMPLATES) by a run of characters of their literal parts."""\n\n'
        f"UNKEYED: tuple[int, ...] = {tuple(unkeyed)!r}\n"
        '"""The templates whose literal parts are each too short to hold a key."""\n\n'
        "CONSTANTS: frozenset[str] = frozenset({\n" + rows(sorted(constants)) + "})\n"
        '"""The plain strings of the sources and the strings of the built-in data."""\n\n'
        # one text, the words a line each (literals the compiler joins into one constant): a
        # tuple of thousands of words costs each its own object, most of them interned, at import
        "WORDS: str = (\n" + "".join(f"    {w + chr(10) if i < len(words) - 1 else w!r}\n"
                                      for i, w in enumerate(words)) + ")\n"
        '"""The runs of word characters of the sources and built-in data, in lower case, a line each."""\n'
    )


_MARK = "written by `python -m casegate.publish._fixed --write`"
DATA = Path(__file__).with_name("_wording_data.py")


if __name__ == "__main__":  # python -m casegate.publish._fixed [--write]
    text = render()
    if sys.argv[1:] == ["--write"]:
        DATA.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
