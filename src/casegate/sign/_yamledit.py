"""Small textual edits that record a signed envelope in the case's `decision` section.

The case stays the author's YAML: comments, order and layout are kept, and only one line (or one
flow item) is added or changed. After every edit the case is read again; if it no longer loads
the way intended, the file is put back as it was and the edit is refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..load import Loaded, SourceFile, load_case

_BARE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./\-]*\Z")
"""A scalar written bare (`\\Z`, not `$`, which also matches before a final line break: `Fixed.\\n`
written bare broke its line in two)."""


def q(value: str) -> str:
    """A YAML scalar for `value`: bare when unambiguous, else a JSON (= YAML) double-quoted string."""
    if _BARE.match(value) and value.lower() not in {"true", "false", "null", "yes", "no", "on", "off", "~"} \
            and not re.match(r"^[0-9.\-]+$", value):
        return value
    return json.dumps(value, ensure_ascii=False)


def flow(fields: dict[str, str]) -> str:
    """A one-line flow mapping (values already YAML scalars)."""
    return "{" + ", ".join(f"{k}: {v}" for k, v in fields.items()) + "}"


class _Text:
    def __init__(self, src: SourceFile):
        self.src = src
        self.path = src.abspath
        self.original = self.path.read_text()
        self.lines = self.original.splitlines(keepends=True)
        if self.lines and not self.lines[-1].endswith("\n"):
            self.lines[-1] += "\n"

    def line(self, n: int) -> str:
        return self.lines[n - 1]

    def insert_line(self, after: int, text: str) -> None:
        self.lines.insert(after, text if text.endswith("\n") else text + "\n")

    def replace_in_line(self, n: int, start: int, end: int, text: str) -> None:
        s = self.lines[n - 1]
        self.lines[n - 1] = s[:start] + text + s[end:]

    def write(self) -> None:
        self.path.write_text("".join(self.lines))

    def restore(self) -> None:
        self.path.write_text(self.original)


def _refuse(where: str, what: str) -> InputError:
    return InputError(f"cannot record the envelope automatically: {what}", location=where,
                      help="add the reference by hand (see docs/signing.md), then run the command again")


def _commit(loaded: Loaded, text: _Text, ok: Callable[[Loaded], bool]) -> None:
    text.write()
    try:
        again = load_case(loaded.case_path, root=loaded.root)
        good = again.case is not None and ok(again)
    except Exception:
        good = False
    if not good:
        text.restore()
        raise _refuse(text.src.path, "the edited case did not read back as intended; it was left unchanged")


def _indent(s: str) -> str:
    return s[: len(s) - len(s.lstrip(" "))]


def _add_under_decision(loaded: Loaded, key: str, block: list[str], ok: Callable[[Loaded], bool]) -> None:
    """Add `key:` with `block` lines (relative indent 2) to the decision section (or create it)."""
    if "decision" in loaded.data:
        src = loaded.origin(("decision",))
        text = _Text(src)
        line, col = src.doc.locate(("decision",))
        dl = text.line(line)
        if not re.match(r"^\s*decision:\s*(#.*)?$", dl):
            raise _refuse(f"{src.path}:{line}", "the decision section is not a block mapping")
        child = _indent(dl) + "  "
        for nxt in text.lines[line:]:
            if nxt.strip() and not nxt.lstrip().startswith("#"):
                if len(_indent(nxt)) > len(_indent(dl)):
                    child = _indent(nxt)
                break
        text.insert_line(line, "".join(f"{child}{b}\n" for b in [f"{key}:", *("  " + x for x in block)]))
    else:
        text = _Text(loaded.main)
        text.lines.append("\ndecision:\n" + "".join(f"  {b}\n" for b in [f"{key}:", *("  " + x for x in block)]))
    _commit(loaded, text, ok)


def _item_start(text: _Text, line: int, col: int) -> tuple[int, bool]:
    """Index of a sequence item's first character, and whether it is a flow mapping."""
    s = text.line(line)
    before = s[: col - 1].rstrip()
    if before.endswith("{"):
        return len(before) - 1, True
    return col - 1, False


def _current(loaded: Loaded, path: tuple[str, str]) -> Any:
    """The value at `section.key` in the merged document (None when absent)."""
    section = loaded.data.get(path[0])
    return section.get(path[1]) if isinstance(section, dict) else None


def _fill_empty(loaded: Loaded, src: Any, text: _Text, path: tuple[str, str], empty: str, written: str,
                new: str, ok: Callable[[Loaded], bool]) -> None:
    """Replace an empty flow collection (`[]` or `{}`) at `path` with `new`."""
    line, _ = src.doc.locate(path)
    m = re.search(empty, text.line(line))
    if not m:
        raise _refuse(f"{src.path}:{line}", f"`{path[1]}` is empty but not written as {written}")
    text.replace_in_line(line, m.start(), m.end(), new)
    _commit(loaded, text, ok)


def add_seq_item(loaded: Loaded, path: tuple[str, str], item: str, ok: Callable[[Loaded], bool]) -> None:
    """Add `item` (one-line YAML) as the first element of the sequence at `path`."""
    cur = _current(loaded, path)
    if cur is None:
        _add_under_decision(loaded, path[1], [f"- {item}"], ok)
        return
    src = loaded.origin(path)
    text = _Text(src)
    if not cur:
        _fill_empty(loaded, src, text, path, r"\[\s*\]", "[]", f"[{item}]", ok)
        return
    line, col = src.doc.locate((*path, 0))
    start, _ = _item_start(text, line, col)
    s = text.line(line)
    head = s[:start].rstrip()
    if head.endswith("-"):  # block sequence: a new line before the first item, same dash column
        dash = len(head) - 1
        text.insert_line(line - 1, " " * dash + f"- {item}")
    else:  # flow sequence
        text.replace_in_line(line, start, start, f"{item}, ")
    _commit(loaded, text, ok)


def add_map_entry(loaded: Loaded, path: tuple[str, str], key: str, value: str,
                  ok: Callable[[Loaded], bool]) -> None:
    """Add `key: value` (value a one-line flow mapping) as the first entry of the mapping at `path`."""
    cur = _current(loaded, path)
    if cur is None:
        _add_under_decision(loaded, path[1], [f"{key}: {value}"], ok)
        return
    src = loaded.origin(path)
    text = _Text(src)
    if not cur:
        _fill_empty(loaded, src, text, path, r"\{\s*\}", "{}", "{" + f"{key}: {value}" + "}", ok)
        return
    first = next(iter(cur))
    line, col = src.doc.locate((*path, first))
    s = text.line(line)
    head = s[: col - 1]
    if head.strip() == "":  # block mapping
        text.insert_line(line - 1, f"{head}{key}: {value}")
    else:
        text.replace_in_line(line, col - 1, col - 1, f"{key}: {value}, ")
    _commit(loaded, text, ok)


def set_item_key(loaded: Loaded, path: tuple[str | int, ...], key: str, value: str,
                 ok: Callable[[Loaded], bool]) -> None:
    """Set `key: value` in the mapping at `path` (a sign-off or objection), adding or replacing it."""
    src = loaded.origin(path)
    text = _Text(src)
    node: Any = loaded.data
    for part in path:
        node = node[part]
    if key in node:
        line, col = src.doc.locate((*path, key))
        s = text.line(line)
        m = re.compile(rf"{re.escape(key)}\s*:\s*(\"(?:[^\"\\]|\\.)*\"|'[^']*'|[^,}}\n#]*)").match(s, col - 1)
        if not m:
            raise _refuse(f"{src.path}:{line}", f"cannot find the value of `{key}`")
        text.replace_in_line(line, m.start(), m.end(), f"{key}: {value}")
        _commit(loaded, text, ok)
        return
    first = next(iter(node))
    line, col = src.doc.locate((*path, first))
    start, is_flow = _item_start(text, line, col)
    if is_flow:
        # insert before the closing brace of this flow mapping (it may span lines)
        depth, quote, ln, i = 0, "", line, start
        while ln <= len(text.lines):
            s = text.line(ln)
            while i < len(s):
                c = s[i]
                if quote:
                    if c == "\\" and quote == '"':
                        i += 1
                    elif c == quote:
                        quote = ""
                elif c in "\"'":
                    quote = c
                elif c in "{[":
                    depth += 1
                elif c in "}]":
                    depth -= 1
                    if depth == 0:
                        body = s[:i].rstrip()
                        sep = "" if body.endswith("{") else ", "
                        text.replace_in_line(ln, len(body), i, f"{sep}{key}: {value}")
                        _commit(loaded, text, ok)
                        return
                i += 1
            ln, i = ln + 1, 0
        raise _refuse(f"{src.path}:{line}", "unbalanced flow mapping")
    s = text.line(line)
    rest = s[col - 1:].rstrip("\n")
    if not re.match(r"^[\w\-]+\s*:\s*[^\s|>#]", rest):
        raise _refuse(f"{src.path}:{line}", "the entry's first key does not hold a one-line value")
    text.insert_line(line, " " * (col - 1) + f"{key}: {value}")
    _commit(loaded, text, ok)


def relative_ref(target: Path, base_dir: Path) -> str:
    """`target` relative to `base_dir`, with forward slashes."""
    import os

    return Path(os.path.relpath(target.resolve(), base_dir.resolve())).as_posix()
