"""Strict YAML reading on rapidyaml: plain Python data, duplicate keys caught, and a lazy source
map from any path in the document to file:line:col.

rapidyaml parses in C++ and emits JSON in C++; pydantic-core's JSON reader (`from_json`, in Rust)
then builds the Python objects, equal short strings as one object. Positions
are not computed up front: the parsed tree is kept, and a path is resolved to a node (and the node's
byte offset in the source buffer) only when a message needs it.
"""


import bisect
import contextlib
import ctypes
import gc
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import ryml

from .._patterns import kept
from .._record import FrozenRecord, Record
from ..errors import InputError
from ..limits import LimitError, Limits, current_limits, read_regular_file

_NONE = ryml.NONE
# The walk reads a node's type once (one call into rapidyaml) and tests its bits, instead of one
# call per question (is it a map, an alias, quoted, anchored...): the calls were most of its time.
_MAP, _SEQ, _VAL, _VALREF = ryml.MAP, ryml.SEQ, ryml.VAL, ryml.VALREF
_KEYANCH, _VALANCH, _VALQUO = ryml.KEYANCH, ryml.VALANCH, ryml.VALQUO
_RYML_POS = r"line=(\d+) col=(\d+)"
# What the JSON emitter does not carry over: node properties (an anchor `&a`, an alias `*a`, a
# tag `!t`), which can only start a node (after whitespace, at a line start or after a flow
# indicator), and the plain null `~`. Prose such as "R&D" or "x*y" does not match; a false match
# (an asterisk opening a word in a sentence) only takes the slower, exact path. The pattern starts
# at the indicator itself and looks behind for what precedes it, so the regex engine skips ahead
# to the next `&*!~` instead of trying every position of the file (a tenth of a large check).
_NEEDS_WALK = kept(rb"[&*!~](?<![^\s\[{,][&*!~])(?:(?<=[&*!])\S|(?<=~)(?:[\s\]},:]|$))", re.M)


def needs_walk(raw: bytes) -> bool:
    """Whether the text may hold what the JSON emitter drops (see `_NEEDS_WALK`)."""
    if b"&" not in raw and b"*" not in raw and b"!" not in raw and b"~" not in raw:
        return False
    return _NEEDS_WALK.search(raw) is not None


class DuplicateKey(FrozenRecord):
    """A mapping key that appears twice; the first value is kept."""

    _fields = ("path", "key")
    path: tuple[str | int, ...]
    key: str

    def __init__(self, path: tuple[str | int, ...], key: str) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "key", key)


class YamlDoc(Record):
    """One parsed YAML file: its data, and what is needed to locate any path in it."""

    _fields = ("path", "data", "_raw", "duplicates", "bom", "origin", "_sha256", "_noted", "_buf", "_tree",
               "_base", "_line_starts", "_lines", "_keys", "_items", "_lookups", "_released")
    path: str
    data: Any
    _raw: bytes | None
    """The text parsed (`raw`); None once let go (`release_raw`)."""
    duplicates: list[DuplicateKey]
    bom: bool
    """The file began with a UTF-8 byte order mark, taken off `raw`."""
    origin: Path | None
    """The file the text is read from again once let go (`release_raw`)."""
    _sha256: str | None
    _noted: dict[bytes, bool]
    """Whether the text held each of some markers, noted before it was let go (`holds`)."""
    _buf: bytearray | None
    _tree: Any
    _base: int
    _line_starts: list[int] | None
    _lines: list[bytes] | None
    _keys: dict[int, dict[bytes, int]]
    _items: dict[int, list[int]]
    _lookups: dict[int, int]
    _released: bool
    """The parsed tree was let go once the data was built (a large case would otherwise hold its
    text, its tree and its objects at once); the first lookup of a location parses `raw` again."""

    def __init__(self, path: str, data: Any, _raw: bytes | None, duplicates: list[DuplicateKey] | None = None,
                 bom: bool = False, origin: Path | None = None, _sha256: str | None = None,
                 _noted: dict[bytes, bool] | None = None, _buf: bytearray | None = None, _tree: Any = None,
                 _base: int = 0, _line_starts: list[int] | None = None, _lines: list[bytes] | None = None,
                 _keys: dict[int, dict[bytes, int]] | None = None, _items: dict[int, list[int]] | None = None,
                 _lookups: dict[int, int] | None = None, _released: bool = False) -> None:
        self.path = path
        self.data = data
        self._raw = _raw
        self.duplicates = [] if duplicates is None else duplicates
        self.bom = bom
        self.origin = origin
        self._sha256 = _sha256
        self._noted = {} if _noted is None else _noted
        self._buf = _buf
        self._tree = _tree
        self._base = _base
        self._line_starts = _line_starts
        self._lines = _lines
        self._keys = {} if _keys is None else _keys
        self._items = {} if _items is None else _items
        self._lookups = {} if _lookups is None else _lookups
        self._released = _released

    @property
    def raw(self) -> bytes:
        """The text parsed (without a byte order mark). Once let go (`release_raw`), read again
        from the file on first use and kept: the file must still hold the bytes it held when it
        was parsed (`raw_once`)."""
        if self._raw is None:
            self._raw = self.raw_once()
        return self._raw

    def raw_once(self) -> bytes:
        """`raw` without keeping it: once let go, read again from the file each time (the
        caller holds one file's bytes at a time). Raises InputError when the file no longer holds
        the bytes it held when it was parsed (its sha256 differs): what was found in it could not
        be told apart from what was read."""
        if self._raw is not None:
            return self._raw
        assert self.origin is not None  # (let go only with the file to read it again from)
        got = read_regular_file(self.origin, self.path)
        if hashlib.sha256(got).hexdigest() != self._sha256:
            raise InputError("the file changed while casegate read the case", location=self.path,
                             help="check again once nothing is writing to the case's files")
        return got[len(_BOM):] if self.bom else got

    @property
    def sha256(self) -> str:
        """sha256 of the file's bytes as read (the byte order mark, if any, included)."""
        if self._sha256 is None:
            digest = hashlib.sha256(_BOM if self.bom else b"")
            digest.update(self.raw)
            self._sha256 = digest.hexdigest()
        return self._sha256

    def holds(self, marker: bytes) -> bool:
        """Whether the text holds `marker` (as noted when it was let go, if it was noted then)."""
        if self._raw is None:
            noted = self._noted.get(marker)
            if noted is not None:
                return noted
        return marker in self.raw_once()

    def release_raw(self, origin: Path, noted: Iterable[bytes] = ()) -> None:
        """Let the text go (a large case's files hold megabytes that nothing reads again unless a
        finding is located in them): it is read again from `origin`, the file it was read from,
        when asked for, and checked against its sha256, counted now. Whether it holds each of the
        markers `noted` is noted now too (`holds`)."""
        if self._raw is not None:
            self.sha256  # noqa: B018 (counted while the bytes are at hand)
            self._noted = {m: m in self._raw for m in noted}
            self.origin = origin
            self._raw = None

    def _t(self) -> Any:
        """The parsed tree (parsed again from `raw` after it was released), or None."""
        if self._tree is None and self._released:
            raw = self.raw  # (read again if let go: a file that changed since is refused here)
            self._released = False
            try:
                self._buf, self._tree, self._base = _parse_tree(raw)
            except Exception:  # it parsed once: a second parse failing leaves locations at 1:1
                self._buf, self._tree, self._base = None, None, 0
        return self._tree

    def release_tree(self) -> None:
        """Let the parsed tree (and the buffer it points into) go; `locate` parses again."""
        if self._tree is not None:
            self._tree = self._buf = None
            self._base = 0
            self._keys.clear()
            self._items.clear()
            self._lookups.clear()
            self._released = True

    # -- locations --------------------------------------------------------------------------

    def line_col(self, offset: int) -> tuple[int, int]:
        if self._line_starts is None:
            starts = [0]
            find = self.raw.find
            i = find(b"\n")
            while i != -1:
                starts.append(i + 1)
                i = find(b"\n", i + 1)
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def source_line(self, line: int) -> str:
        if self._lines is None:
            self._lines = self.raw.split(b"\n")
        lines = self._lines
        if 1 <= line <= len(lines):
            return lines[line - 1].decode("utf-8", "replace").rstrip("\r")
        return ""

    def _child(self, node: int, key: str) -> int:
        """The first child of the mapping `node` under `key`, or -1.

        rapidyaml finds a key by scanning the mapping's children, so locating each of many
        findings in a section of thousands of items would grow with the square of the section.
        A mapping looked up more than twice gets an index of its keys (first occurrence wins, as
        in the scan).
        """
        index = self._keys.get(node)
        if index is None:
            t = self._tree
            seen = self._lookups[node] = self._lookups.get(node, 0) + 1
            if seen <= 2 or t.num_children(node) < 32:
                return _find_key(t, node, key)
            index = {}
            c = t.first_child(node)
            while c != _NONE:
                if t.has_key(c):
                    index.setdefault(bytes(t.key(c)), c)
                c = t.next_sibling(c)
            self._keys[node] = index
        try:
            return index.get(key.encode(), -1)
        except UnicodeError:
            return -1

    def _item(self, node: int, pos: int) -> int:
        """Item `pos` of the sequence `node`, or -1.

        rapidyaml counts a sequence's items and finds item `pos` by walking its children, so
        locating a finding in each of thousands of items would grow with the square of the
        sequence. A sequence looked up more than twice gets a list of its items.
        """
        items = self._items.get(node)
        if items is None:
            t = self._tree
            seen = self._lookups[node] = self._lookups.get(node, 0) + 1
            if seen <= 2:
                return t.child(node, pos) if 0 <= pos < t.num_children(node) else -1
            items = []
            c = t.first_child(node)
            while c != _NONE:
                items.append(c)
                c = t.next_sibling(c)
            self._items[node] = items
        return items[pos] if 0 <= pos < len(items) else -1

    def _offset(self, view: Any) -> int | None:
        if view is None or len(view) == 0:
            return None
        off = _address(view) - self._base
        if 0 <= off <= len(self.raw):
            return off
        return None

    def locate_duplicate(self, path: tuple[str | int, ...], key: str) -> tuple[int, int]:
        """Line and column of the second occurrence of `key` in the mapping at `path`."""
        line, col = self.locate(path)
        t = self._t()
        if t is None:
            return line, col
        node = t.root_id()
        if t.is_stream(node):
            node = t.first_child(node)
        for part in path:
            if t.is_map(node):
                node = self._child(node, str(part))
            elif t.is_seq(node) and isinstance(part, int):
                node = self._item(node, part)
            else:
                return line, col
            if node < 0 or node == _NONE:
                return line, col
        seen = 0
        c = t.first_child(node) if t.is_map(node) else _NONE
        while c != _NONE:
            if t.has_key(c) and bytes(t.key(c)).decode() == key:
                seen += 1
                if seen == 2:
                    off = self._offset(t.key(c))
                    return self.line_col(off) if off is not None else (line, col)
            c = t.next_sibling(c)
        return line, col

    def locate(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """Line and column of the deepest node along `path` that exists (keys point at the key)."""
        t = self._t()
        if t is None:
            return 1, 1
        node = t.root_id()
        if t.is_stream(node):
            node = t.first_child(node)
        best: int | None = None
        for part in path:
            if t.is_map(node):
                child = self._child(node, str(part))
            elif t.is_seq(node) and isinstance(part, int):
                child = self._item(node, part)
            else:
                child = -1
            if child is None or child < 0 or child == _NONE:
                break
            node = child
            off = self._offset(t.key(node)) if t.has_key(node) else None
            if off is None and t.has_val(node):
                off = self._offset(t.val(node))
            if off is None:
                fc = t.first_child(node) if t.num_children(node) else _NONE
                while off is None and fc != _NONE:
                    if t.has_key(fc):
                        off = self._offset(t.key(fc))
                    elif t.has_val(fc):
                        off = self._offset(t.val(fc))
                    fc = t.first_child(fc) if t.num_children(fc) else _NONE
            if off is not None:
                best = off
        if best is None:
            return 1, 1
        return self.line_col(best)


class _PyBuffer(ctypes.Structure):
    _fields_ = [("buf", ctypes.c_void_p), ("obj", ctypes.py_object), ("len", ctypes.c_ssize_t),
                ("itemsize", ctypes.c_ssize_t), ("readonly", ctypes.c_int), ("ndim", ctypes.c_int),
                ("format", ctypes.c_char_p), ("shape", ctypes.c_void_p), ("strides", ctypes.c_void_p),
                ("suboffsets", ctypes.c_void_p), ("internal", ctypes.c_void_p)]


def _address(view: Any) -> int:
    """Address of the first byte of a (read-only) buffer: rapidyaml's scalars are views into the
    parsed source, so address - base is the scalar's byte offset in the file."""
    b = _PyBuffer()
    ctypes.pythonapi.PyObject_GetBuffer(ctypes.py_object(view), ctypes.byref(b), 0)
    try:
        return int(b.buf or 0)
    finally:
        ctypes.pythonapi.PyBuffer_Release(ctypes.byref(b))


def _find_key(t: Any, node: int, key: str) -> int:
    # find_child compares raw bytes; quoted keys compare the same once unescaped in the arena
    try:
        c = t.find_child(node, key.encode())
        return int(c) if c is not None and c != _NONE else -1
    except Exception:
        return -1


class _Walker:
    """Builds Python data from the tree node by node, resolving aliases itself.

    rapidyaml's own resolver is never used: it recurses without bound on a self-referencing
    alias (`a: &x [*x]` crashes the process) and expands nested aliases without limit (a few
    hundred bytes can ask for gigabytes). Here an alias is a reference to the node its anchor
    named at that point of the document; expanding it copies that node, every node copied counts
    against the `alias_nodes` limit, an alias to a node still being built is a cycle (refused),
    and nesting deeper than the `depth` limit is refused.
    """

    def __init__(self, t: Any, path: str, limits: Limits):
        self.t = t
        self.path = path
        self.max_depth = limits.depth
        self.max_alias_nodes = limits.alias_nodes
        self.alias_nodes = 0
        self.replaying = 0
        self.anchors: dict[bytes, tuple[int, str]] = {}
        self.targets: dict[tuple[int, str], tuple[int, str]] = {}
        self.building: set[int] = set()

    def _where(self, node: int) -> str:
        return f"{self.path}:1:1"

    def _target(self, node: int, side: str) -> tuple[int, str]:
        got = self.targets.get((node, side))
        if got is not None:
            return got
        t = self.t
        name = bytes(t.key_ref(node) if side == "key" else t.val_ref(node))
        target = self.anchors.get(name)
        if target is None:
            raise InputError(f"alias *{name.decode(errors='replace')} names no anchor defined before it",
                             location=self._where(node),
                             help="define the anchor (&name) before the alias (*name) that uses it")
        self.targets[(node, side)] = target
        return target

    def _anchor(self, node: int, ty: int) -> None:
        if self.replaying or not ty & (_KEYANCH | _VALANCH):
            return
        t = self.t
        if ty & _KEYANCH:
            self.anchors[bytes(t.key_anchor(node))] = (node, "key")
        if ty & _VALANCH:
            self.anchors[bytes(t.val_anchor(node))] = (node, "val")

    def key(self, node: int, depth: int) -> str:
        t = self.t
        if t.is_key_ref(node):
            target, side = self._target(node, "key")
            v = self._scalar_of(target, side, depth)
            if isinstance(v, (dict, list)):
                raise InputError("an alias used as a mapping key names a mapping or a list",
                                 location=self._where(node), help="use a plain value as a key")
            return "" if v is None else str(v) if not isinstance(v, bool) else str(v).lower()
        return bytes(t.key(node)).decode() if t.has_key(node) else ""

    def _scalar_of(self, target: int, side: str, depth: int) -> Any:
        if side == "key":
            return bytes(self.t.key(target)).decode()
        return self.value(target, depth, replay=True)

    def value(self, node: int, depth: int, replay: bool = False) -> Any:
        """The value held by `node` (a document root, a sequence item or a key's value)."""
        if depth > self.max_depth:
            raise LimitError("depth", "the YAML nests too deep", location=self._where(node))
        t = self.t
        ty = t.type(node)
        if replay or self.replaying:  # every node an alias copies counts
            self.alias_nodes += 1
            if self.alias_nodes > self.max_alias_nodes:
                raise LimitError("alias_nodes", "aliases expand to too many nodes",
                                 location=self._where(node))
        if replay:
            self.replaying += 1
        else:
            self._anchor(node, ty)
        try:
            if ty & _VALREF:
                target, side = self._target(node, "val")
                if target in self.building:
                    raise InputError("an alias refers to the node that contains it (a cycle)",
                                     location=self._where(node),
                                     help="aliases must name a finished node, not one of their parents")
                return self._scalar_of(target, side, depth + 1) if side == "key" else \
                    self.value(target, depth + 1, replay=True)
            if ty & (_MAP | _SEQ):
                self.building.add(node)
                try:
                    return self._map(node, depth) if ty & _MAP else self._seq(node, depth)
                finally:
                    self.building.discard(node)
            if not ty & _VAL or t.val_is_null(node):
                return None
            raw = bytes(t.val(node)).decode()
            if ty & (_VALQUO | ryml.VAL_LITERAL | ryml.VAL_FOLDED):
                return raw
            return _plain_scalar(raw)
        finally:
            if replay:
                self.replaying -= 1

    def _seq(self, node: int, depth: int) -> list[Any]:
        t = self.t
        items = []
        c = t.first_child(node)
        while c != _NONE:
            items.append(self.value(c, depth + 1))
            c = t.next_sibling(c)
        return items

    def _map(self, node: int, depth: int) -> dict[str, Any]:
        t = self.t
        out: dict[str, Any] = {}
        dup_out: list[str] = []
        merges: list[Any] = []
        c = t.first_child(node)
        while c != _NONE:
            k = self.key(c, depth + 1)
            v = self.value(c, depth + 1)
            if k == "<<" and not t.is_key_quoted(c) and isinstance(v, (dict, list)):
                merges.extend(v if isinstance(v, list) else [v])
            elif k in out:
                dup_out.append(k)
            else:
                out[k] = v
            c = t.next_sibling(c)
        for m in merges:  # YAML merge keys: keys written in the mapping itself win
            if not isinstance(m, dict):
                raise InputError("a merge key (<<) names something other than a mapping",
                                 location=self._where(node), help="merge only mappings with <<")
            for mk, mv in m.items():
                if mk != "\x00dups":
                    out.setdefault(mk, mv)
        if dup_out:
            out["\x00dups"] = dup_out  # collected by the caller
        return out



def _walk(t: Any, node: int, path: str = "", limits: Limits | None = None) -> Any:
    """Slow path: build Python data node by node (anchors, aliases, tags, plain `~` nulls, or
    documents nested past what the JSON emitter takes)."""
    walker = _Walker(t, path, limits or current_limits())
    try:
        return walker.value(node, 1)
    except RecursionError:
        raise LimitError("depth", "the YAML nests too deep", location=f"{path}:1:1") from None


def _plain_scalar(raw: str) -> Any:
    if raw in ("~", "null", "Null", "NULL", ""):
        return None
    if raw in ("true", "True", "TRUE"):
        return True
    if raw in ("false", "False", "FALSE"):
        return False
    try:
        return int(raw)
    except ValueError:
        pass
    try:
        if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", raw):
            return float(raw)
    except ValueError:
        pass
    return raw


def _collect_dups_walked(data: Any, path: tuple[str | int, ...], out: list[DuplicateKey]) -> Any:
    if isinstance(data, dict):
        dups = data.pop("\x00dups", None)
        if dups:
            out.extend(DuplicateKey(path, k) for k in dups)
        for k, v in data.items():
            _collect_dups_walked(v, path + (k,), out)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            _collect_dups_walked(v, path + (i,), out)
    return data


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidyaml prints parse errors to fd 2 before raising; the error is reported by us."""
    try:
        fd = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            try:
                yield
            finally:
                os.dup2(fd, 2)
    finally:
        os.close(fd)


def yaml_node_bound(raw: bytes) -> int:
    """An upper bound on the nodes rapidyaml builds for `raw`, counted before it is parsed, so the
    `yaml-nodes` limit holds before the parser allocates its tree (about 150 bytes a node).

    Every node the parser makes is announced by a character counted here: a mapping entry (one
    node holds its key and value) by its `:` or an explicit `?`; a block sequence entry by a `-`
    followed by a space, tab, line break or the end; a flow collection's entries by its opening
    `[` or `{` and its commas; a document by `---` or `...`, plus the stream and the first
    document. Aliases are single nodes here (casegate expands them later, under `alias-nodes`).
    The parser builds its tree as it reads, so a parse that fails has built no more than a
    prefix's nodes. Characters inside scalars and comments are counted too, so the bound errs
    high only: about 1.1 times the nodes of an honest case (1.6 at most among the shipped
    files). tests/security checks it against the parser's own count on generated documents.
    """
    c = raw.count
    dashes = c(b"- ") + c(b"-\n") + c(b"-\r") + c(b"-\t") + c(b"--") + raw.endswith(b"-")
    return 2 + c(b":") + c(b",") + c(b"[") + c(b"{") + c(b"?") + c(b"...") + dashes


_NOT_BOUND_BYTES = bytes(range(256)).translate(None, b":,[{?-.")


def quick_node_bound(raw: bytes) -> int:
    """A bound at least `yaml_node_bound(raw)`, in one pass over the text (the exact bound takes
    thirteen): every `:`, `,`, `[`, `{`, `?` and `-`, and a third of the `.`.

    Each dash `yaml_node_bound` counts is a `-` (the two-character patterns start at distinct
    dashes, and the last byte starts none), and each `...` it counts holds three `.` of its own
    (occurrences are counted without overlap). A text whose quick bound is within a limit is
    within it; only one past it needs the exact count.
    """
    return node_counts(raw)[0]


def node_counts(raw: bytes) -> tuple[int, int]:
    """`quick_node_bound(raw)` and `node_estimate(raw)`, in one pass over the text (the
    characters the estimate counts are among those the bound counts), and two more over a text
    whose dashes are mostly not block sequence items (see `node_estimate`)."""
    kept = raw.translate(None, _NOT_BOUND_BYTES)
    dots = kept.count(b".")
    quick = 2 + len(kept) - dots + dots // 3
    dashes = kept.count(b"-")
    announced = len(kept) - dots - dashes - kept.count(b"{")  # every `:`, `,`, `[` and `?`
    if dashes * _DASHES_COUNTED_FROM > announced:
        # dates, hyphenated words and ids: only a dash before a blank or a line break opens an item
        dashes = raw.count(b"- ") + raw.count(b"-\n")
    return quick, min(quick, 2 + announced + dashes + (announced + dashes) // 32)


_DASHES_COUNTED_FROM = 8
"""A text with more than one dash to this many of its other characters that announce nodes has
its block sequence items counted (two more passes over the text); in one with fewer, every dash
counts as one (an estimate a little high)."""


def node_bound_over(raw: bytes, limit: int) -> int | None:
    """`yaml_node_bound(raw)` when it is over `limit`, else None (counted exactly only when the
    quick bound is over)."""
    if quick_node_bound(raw) <= limit:
        return None
    bound = yaml_node_bound(raw)
    return bound if bound > limit else None


def parse_yaml(path: str, raw: bytes | list[bytes], *, nodes_charged: bool = False,
               node_estimate: int | None = None, let_go: Path | None = None,
               noted: Iterable[bytes] = ()) -> YamlDoc:
    """Parse one YAML document. Raises InputError (with line and column) on syntax errors.

    `nodes_charged`: the caller has already held the text's node bound within the `yaml-nodes`
    limit (a case's files are charged together, before each is parsed), so it is not counted
    again here. `node_estimate`: the text's `node_estimate`, when the caller has counted it.
    `let_go`: the file the text was read from; the text is let go (`YamlDoc.release_raw`, noting
    `noted`) before its tree is built, so that a large file's bytes are not held beside its buffer,
    its tree and its JSON (1.7 MiB of the 10k-goal case's peak). `raw` may be a one-item list the
    text is taken out of, so that the caller holds no reference to it while it is parsed."""
    try:
        return _parse_yaml(path, raw, nodes_charged, node_estimate, let_go, noted)
    except InputError:
        raise
    except Exception as e:  # rapidyaml's resolver and odd escapes: still a typed error
        with contextlib.suppress(Exception):
            e = e.with_traceback(None)
        raise InputError(
            f"cannot read the YAML: {type(e).__name__} {str(e)[:200]}".strip(),
            location=f"{path}:1:1",
            help="check anchors/aliases (&name, *name), tags and escape sequences in the file",
        ) from None


def _parse_yaml(path: str, raw: bytes | list[bytes], nodes_charged: bool = False, estimate: int | None = None,
                let_go: Path | None = None, noted: Iterable[bytes] = ()) -> YamlDoc:
    if isinstance(raw, list):
        raw = raw.pop()
    limits = current_limits()  # read once: each reading looks up every CASEGATE_LIMIT_* variable
    if len(raw) > limits.file_bytes:
        raise LimitError("file_bytes", f"the file is {len(raw):,} bytes", location=path)
    bom = raw.startswith(_BOM)
    if bom:
        raw = raw[len(_BOM):]
    bound = None if nodes_charged else node_bound_over(raw, limits.yaml_nodes)
    if bound is not None:
        raise LimitError("yaml_nodes", f"the YAML may hold up to {bound:,} nodes (counted from its "
                         "`-`, `:`, `,`, `[`, `{`, `?` and document markers before it is parsed)",
                         location=f"{path}:1:1")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError(
            "the file is not valid UTF-8",
            location=f"{path}:{line}",
            help="save the file as UTF-8",
        ) from None
    text_bytes = len(raw)
    doc = YamlDoc(path=path, data=None, _raw=raw, bom=bom)
    walk: bool | None = None
    if text_bytes >= _RESERVE_FROM:
        if estimate is None:
            estimate = node_estimate(raw)
        _fix_mmap_threshold()
    if let_go is not None:
        walk = limits.depth < 64 or needs_walk(raw)  # (asked of the text now, while it is held)
        doc.release_raw(let_go, noted)
    buf = bytearray(raw)
    if let_go is not None:
        raw = b""  # (the last reference to the text: only its buffer is held while it is parsed)
    try:
        tree, base = _parse_buffer(buf, estimate)
    except Exception as e:  # ryml raises its own exception types with the position in the text
        loc, reason = path, "invalid YAML"
        try:
            yl = e.errdata_parse.ymlloc  # type: ignore[attr-defined]
            loc = f"{path}:{yl.line}:{yl.col}"
            reason = str(e.msg) or reason  # type: ignore[attr-defined]
        except AttributeError:
            m = re.search(_RYML_POS, str(e))
            if m:
                loc = f"{path}:{m.group(1)}:{m.group(2)}"
        raise InputError(
            f"YAML syntax error: {reason}",
            location=loc,
            help="fix the YAML syntax at that position (indentation, quotes, brackets)",
        ) from None
    if tree.size() > limits.yaml_nodes:  # not reached while the bound above holds; kept as a guard
        raise LimitError("yaml_nodes", f"the YAML has {tree.size():,} nodes", location=f"{path}:1:1")
    doc._buf, doc._tree, doc._base = buf, tree, base
    root = tree.root_id()
    if tree.is_stream(root):
        if tree.num_children(root) > 1:
            raise InputError(
                "the file holds several YAML documents",
                location=f"{path}:1:1",
                help="keep one document per file; use `include:` to split a case over files",
            )
        if tree.num_children(root) == 0:
            doc.data = None
            return doc
    if not tree.is_map(root) and not tree.is_seq(root) and not tree.has_val(root):
        doc.data = None
        return doc
    # The JSON emitter refuses documents nested more than 64 deep; a lower depth limit, or
    # anchors, aliases, tags or plain `~`: walk the tree in Python to keep YAML semantics
    if walk is None:
        walk = limits.depth < 64 or needs_walk(raw)
    if walk:
        return _walked(doc, limits)
    try:
        with _quiet_stderr():
            out = _emit_json(tree, root, text_bytes)
    except Exception:
        return _walked(doc, limits)
    nodes, one_doc = tree.size(), tree.is_stream(root)
    # the tree (the largest thing a parse holds: some 150 bytes a node) goes before the objects
    # are built from its JSON; the rare file that needs the walk parses its text again
    del tree
    doc.release_tree()
    try:
        data = _json_data(out)
    except Exception:
        return _walked(doc, limits)
    del out
    if count_values(data) != nodes:
        # a mapping repeats a key (JSON keeps the last value, silently): the walk, which knows
        # paths, finds where, and keeps the first value
        del data
        return _walked(doc, limits)
    if one_doc and isinstance(data, list) and len(data) == 1:
        data = data[0]
    doc.data = data
    return doc


def _json_data(out: bytearray) -> Any:
    """The Python data of the JSON text `out` (UTF-8), as `json.loads(out.decode())` builds it,
    read by pydantic-core's JSON reader (jiter): about two thirds of the instructions of
    `json.loads`, the text read as bytes (no Python string of the whole text is made), and each
    string of up to 64 bytes met again (an id, a domain, an artifact's path and sha256) built once
    and shared, through the reader's cache of strings. It refuses the texts `json.loads` refuses
    (a number past Python's 4,300 digits, a text nested too deep) and, unlike `json.loads`, an
    escaped lone surrogate (which the JSON emitter never writes: its text is the YAML's own
    UTF-8); a text refused is read by the walk (`_walked`)."""
    from pydantic_core import from_json

    return from_json(out, cache_strings="all")


def _emit_json(tree: Any, root: int, text_bytes: int) -> bytearray:
    """The JSON of the document at `root`, emitted into a buffer sized from the YAML's length
    (`text_bytes`), in one pass over the tree.

    rapidyaml's `emit_json_malloc` emits twice (once to measure the text, once to write it) and
    then copies what it wrote into a Python string: twice the instructions of one emit, and for a
    moment two copies of the text beside the tree. The JSON of a case's file is up to 1.4 times
    its YAML (quotes around keys and values; the synthetic 10k-goal case's files 1.24 times, the
    shipped files and fixtures 0.7 to 1.6 times, the longest ratios all in files of a few hundred
    bytes), so a buffer of 1.5 times the text holds nearly every file's JSON at the first try; a
    text whose JSON is longer is emitted again into a buffer of the size the first emit asked
    for."""
    out = bytearray(text_bytes * 3 // 2 + 256)
    failed, size = ryml.emit_json_to_substr(tree, root, out)
    if failed:
        del out  # (before the second buffer: not both at once)
        out = bytearray(size)
        failed, size = ryml.emit_json_to_substr(tree, root, out)
        if failed:  # (the tree did not change between the two emits)
            raise ValueError("the JSON emitter asked for a buffer it then did not fit")
    del out[size:]
    return out


def _walked(doc: YamlDoc, limits: Limits) -> YamlDoc:
    """`doc` with its data built by the walk (`_walk`), duplicate keys collected, and its tree
    let go."""
    tree = doc._t()
    root = tree.root_id()
    start = tree.first_child(root) if tree.is_stream(root) else root
    out: list[DuplicateKey] = []
    doc.data = _collect_dups_walked(_walk(tree, start, doc.path, limits), (), out)
    doc.duplicates = out
    del tree
    doc.release_tree()
    return doc


_BOM = b"\xef\xbb\xbf"

_RESERVE_FROM = 1 << 16
"""Texts of this many bytes or more have their tree's nodes reserved before they are parsed."""


def node_estimate(raw: bytes) -> int:
    """About how many nodes rapidyaml builds for `raw`, reserved before a large text is parsed.

    Each node is a mapping entry (announced by its `:`, in block and flow mappings alike, or by a
    `?`), a sequence item (the first of a flow sequence announced by its `[`, each further one by
    a `,`; a block sequence's by a `-` before a blank or a line break), or one of the two the
    stream and its document take. A flow mapping's `{` announces none (the mapping is the value of
    an entry or an item counted already). Characters inside scalars (the colons of times, the
    commas of prose) and the commas between a flow mapping's entries make it high; a thirty-second
    more is reserved against the rare node announced otherwise (a dash before a tab, the last byte).
    Never more than `quick_node_bound`. A tree reserved too few nodes grows as it would without
    the reserve (its nodes copied into a block twice as large): within 1.1 times the nodes of the
    synthetic 10k-goal case's files, whose dates and hyphenated names made the count of every dash
    1.5 times their nodes in its largest file (3.4 MiB reserved for nothing)."""
    return node_counts(raw)[1]


_MMAP_THRESHOLD = 1 << 17
"""Blocks of this many bytes or more are mapped on their own, and given back when freed."""

_mmap_fixed = False


def _fix_mmap_threshold() -> None:
    """Keep glibc's malloc mapping every block of `_MMAP_THRESHOLD` bytes or more on its own, once
    a large file is about to be read. By default the threshold rises to the size of each mapped
    block freed (up to 32 MiB): once a large file's bytes, buffer and JSON text are let go, the
    next large blocks (the tables of dicts of thousands of entries) come from the heap, which is
    not given back while anything above them lives (a 10k-goal `check` peaked 1 MiB higher, its
    load 3 MiB). Where the C library is not glibc this does nothing."""
    global _mmap_fixed
    if _mmap_fixed:
        return
    _mmap_fixed = True
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError, TypeError, ValueError):
        return
    mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)


_M_MMAP_THRESHOLD = -3
"""glibc's mallopt parameter number for the threshold (malloc.h)."""


def _parse_tree(raw: bytes, estimate: int | None = None) -> tuple[bytearray, Any, int]:
    """rapidyaml's tree of `raw`, the buffer it points into, and that buffer's address.

    A large text's tree has its nodes reserved first (`node_estimate`): grown as the parser goes,
    it is copied each time it doubles, ends with up to twice the nodes it holds, and each new
    block is fresh memory to be mapped in (the parse of a 1.7 MB file took half again as long,
    and 7 MiB more). No more than the `yaml-nodes` limit is reserved (the limit has held the
    text's node bound before this is called); a tree that needs more grows as before.
    `estimate`: the text's `node_estimate`, when it was counted already."""
    if len(raw) >= _RESERVE_FROM:
        if estimate is None:
            estimate = node_estimate(raw)
        _fix_mmap_threshold()
    buf = bytearray(raw)
    return (buf, *_parse_buffer(buf, estimate))


def _parse_buffer(buf: bytearray, estimate: int | None) -> tuple[Any, int]:
    """`_parse_tree` of the text copied into `buf` (parsed in place): the tree and `buf`'s address.
    `estimate`: the text's `node_estimate`, reserved when the text is `_RESERVE_FROM` bytes or more
    (the caller counted it, and fixed the threshold of mapped blocks, before the buffer was made)."""
    tree = ryml.Tree()
    if estimate is not None and len(buf) >= _RESERVE_FROM:
        tree.reserve(min(estimate, current_limits().yaml_nodes))
    with _quiet_stderr():
        ryml.parse_in_place(buf, tree)
    base = ctypes.addressof(ctypes.c_char.from_buffer(buf)) if buf else 0
    return tree, base


def count_values(data: Any) -> int:
    """How many values `data` (as `_json_data` builds it) holds, itself included (each mapping
    entry and each list item counts once), counted level by level in C, without a Python call
    per value.

    The tree rapidyaml parsed has one node per value; JSON keeps only the last of two equal
    keys, so data with fewer values than the tree has nodes came from a mapping with a
    duplicate key.

    `gc.get_referents` lists what the garbage collector sees a container hold: a list's items,
    and the values of a dict whose keys are all strings (as every mapping `_json_data` builds);
    scalars hold nothing it sees. Were a dict's keys ever listed too, the count would only come
    out higher than the tree's, and the file would take the walk, which finds duplicates itself.
    """
    total = 1
    level = [data]
    while level:
        level = gc.get_referents(*level)
        total += len(level)
    return total
