"""casegate's own wording in the texts it composes (finding messages, conditions, what a boundary
lacks, the gate's answers): the literal parts of the f-strings, and the plain strings, of the
modules that write them, and the built-in data they quote (regime section titles). A redacted
element whose content repeats these words keeps no secret in them, so the guard looks for
redacted content only in what a text puts into that wording.

A composed text is matched against the templates its f-strings make (each literal part as
written, each interpolation any text); the interpolated parts are matched again (a message
quoted inside a lack, a keyring's name inside a message), and a part that is one of casegate's
plain strings (a rule's code or name, a section title) is fixed wording as a whole. A text no
template matches is all variable: it is checked whole, as before. The sources are read once, on
first need (only when a composed text quotes redacted content), without importing them."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]
_SOURCES = ("checks", "gate", "model", "verify", "evidence", "sign", "trust", "ledger", "load")
"""The packages whose code writes the texts the gate records (a message built from a reason
another layer words, such as why a sign-off is not signed, quotes that layer's words)."""
_DATA = ("load/builtin",)
"""Built-in data the messages quote (the regimes' section titles)."""
_MIN_LITERAL = 3
"""A template whose literal parts are shorter than this in all says nothing fixed."""
_DEPTH = 4


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


def _template(node: ast.JoinedStr) -> _Template | None:
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
    literals = [p for p in parts if p is not None]
    size = sum(map(len, literals))
    if size < _MIN_LITERAL or None not in parts:
        return None
    return _Template(tuple(parts), tuple(sorted(literals, key=len, reverse=True)), size)


def _yaml_strings(text: str) -> set[str]:
    """The string values of a YAML file (a failure to read one leaves it out: its words are then
    simply not taken as fixed)."""
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


@cache
def _source_text() -> str:
    """The sources and data read for the wording, in lower case: a word none of them holds is no
    part of casegate's wording, which is known without parsing them."""
    return "\n".join(_read(p) for p in _files()).lower()


def may_be_fixed(words: Iterable[str]) -> bool:
    """Whether every one of `words` occurs in casegate's sources (else no text holding them all can
    be its fixed wording, and the sources need not be parsed)."""
    src = _source_text()
    return all(w.lower() in src for w in words)


@cache
def _wording() -> tuple[tuple[_Template, ...], frozenset[str]]:
    """The templates (most literal text first) and casegate's plain strings. Sources that cannot be
    read or parsed give none (fail closed: their words are then not excused)."""
    templates: list[_Template] = []
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
        for node in _nodes(tree):
            if isinstance(node, ast.JoinedStr):
                t = _template(node)
                if t is not None:
                    templates.append(t)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value:
                constants.add(node.value)
    templates.sort(key=lambda t: -t.size)
    return tuple(templates), frozenset(constants)


def variable_parts(text: str) -> list[str]:
    """The parts of a composed `text` that are not casegate's fixed wording: the text whole when no
    template matches it, nothing when it is one of casegate's plain strings. Of the templates that
    match the whole text, the one that leaves the least variable text is taken (its parts matched
    again); whichever is taken, what it leaves out is casegate's literal wording."""
    return list(_variable(text, 0))


@lru_cache(maxsize=4096)
def _variable(text: str, depth: int) -> tuple[str, ...]:
    templates, constants = _wording()
    if text in constants:
        return ()
    best: tuple[str, ...] = (text,)
    if depth >= _DEPTH:
        return best
    left = len(text)
    seen: set[tuple[str | None, ...]] = set()
    for t in templates:
        if t.size > len(text) or t.parts in seen or not all(x in text for x in t.literals):
            continue
        seen.add(t.parts)
        got = t.match(text)
        if got is None:
            continue
        out: list[str] = []
        for g in got:
            if g:
                out.extend(_variable(g, depth + 1))
        size = sum(map(len, out))
        if size < left:
            best, left = tuple(out), size
            if not size:
                break
    return best
