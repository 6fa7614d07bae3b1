"""Redaction: which parts of a case a given audience may see, and the public document that is left.

Every model in the case that carries a `confidentiality` field is an element that can be redacted.
An element above the published level is replaced, in place, by a stub that keeps its role in the
argument (its type, id, the ids it links to, a few enumerated attributes) and a salted commitment
to its content. The walk is generic: a field added to the case format is redacted with its element
without any change here, because only the fields named in `REVEALED_FIELDS` ever leave a redacted
element.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import Any, NamedTuple

from pydantic import BaseModel

from .._canonical_json import SAFE_INT, encode_sorted, float_exact
from ..errors import InputError
from ..model import (
    Case,
    Confidentiality,
    Element,
    Evidence,
    ObjectionRef,
    Pathway,
    ResidualRisk,
    Safeguard,
)
from ._commit import Salts, canonical, content_of

LEVELS: tuple[Confidentiality, ...] = tuple(Confidentiality)
"""Confidentiality levels, most public first."""

REVEALED_FIELDS: dict[type[BaseModel], frozenset[str]] = {
    Element: frozenset(
        {"supported_by", "in_context_of", "evidence", "defeaters", "against", "answered_by",
         "undeveloped", "kind", "status"}
    ),
    Safeguard: frozenset({"layer", "blocks", "evidence", "security"}),
    Evidence: frozenset({"kind"}),
    Pathway: frozenset({"severity"}),
    ResidualRisk: frozenset(),
    ObjectionRef: frozenset({"role", "status"}),
}
"""The only fields of a redacted element that appear in public output: links to other elements by
id and enumerated attributes that say what role the element plays. Everything else (all free
text, numbers, dates, and any field added later) is covered by the commitment alone."""

_TYPE_NAMES: dict[type[BaseModel], str] = {
    Evidence: "evidence", Safeguard: "safeguard", Pathway: "pathway", ResidualRisk: "residual-risk",
    ObjectionRef: "objection",
}


def rank(level: Confidentiality) -> int:
    """0 for public, rising with confidentiality."""
    return LEVELS.index(level)


def parse_level(value: str) -> Confidentiality:
    """A confidentiality level from its name, or an InputError listing the levels."""
    try:
        return Confidentiality(value)
    except ValueError:
        raise InputError(
            f"unknown confidentiality level {value!r}",
            help="levels are " + ", ".join(lv.value for lv in LEVELS),
        ) from None


def pointer_of(parts: tuple[str | int, ...]) -> str:
    """RFC 6901 JSON Pointer of a path in the case document."""
    if not parts:
        return ""
    text = [str(p) for p in parts]
    joined = "/".join(text)
    # a part holding `~` or `/` is escaped (joined, the parts hold one `/` between each two)
    if "~" in joined or joined.count("/") != len(text) - 1:
        joined = "/".join(p.replace("~", "~0").replace("/", "~1") for p in text)
    return "/" + joined


def type_of(model: BaseModel) -> str:
    """The element's type as shown in public output (claim, strategy, evidence, safeguard, ...)."""
    # the named types first, by a look-up (none of them is an `Element`; an `isinstance` against a
    # pydantic model class goes through ABCMeta's checks, and most redacted elements are evidence)
    name = _TYPE_NAMES.get(type(model))
    if name is not None:
        return name
    if isinstance(model, Element):
        return model.type
    return re.sub(r"(?<!^)(?=[A-Z])", "-", type(model).__name__).lower()


class Sealed(NamedTuple):
    """A redactable element with its salt and content (publisher-side only, never published).
    Immutable, like `Stub`: named tuples, which a large case builds thousands of each several
    times faster than frozen dataclasses."""

    pointer: str
    id: str
    type: str
    level: Confidentiality
    model: BaseModel
    salt: bytes
    content: dict[str, Any]
    commitment: str


class Stub(NamedTuple):
    """What the public sees of a redacted element."""

    pointer: str
    id: str
    type: str
    level: Confidentiality
    commitment: str
    revealed: dict[str, Any]

    def document(self) -> dict[str, Any]:
        """The stub as it stands in the redacted case document (`redact` writes the same)."""
        return {"redacted": True, "type": self.type, "id": self.id, "level": self.level.value,
                "commitment": self.commitment, **self.revealed}


_STUB_KEYS = ("redacted", "type", "id", "level", "commitment")
"""The keys of every stub's document besides what it reveals (`Stub.document`)."""


@dataclass
class Redaction:
    """The result of redacting one case for one audience."""

    level: Confidentiality
    """The published level: elements above it are redacted."""
    stubs: dict[str, Stub] = field(default_factory=dict)
    """Redacted elements by pointer, in document order."""
    sealed: dict[str, Sealed] = field(default_factory=dict)
    """The redacted elements' salts and content by pointer (publisher-side only)."""
    document: dict[str, Any] = field(default_factory=dict)
    """The case as the audience sees it, redacted elements replaced by their stubs."""
    step_mask: dict[str, str] = field(default_factory=dict)
    """`pathway.step` of a redacted pathway -> `pathway.#n` (its position)."""
    leaves: set[str] | None = None
    """Every scalar of `document`, as text (`leaves_of` with `keys`), collected while it was built;
    None when not collected."""
    keys: set[str] | None = None
    """Every key of `document` (the case format's field names and the keys of its free-form
    mappings), collected with `leaves`; None when not collected."""
    sealed_leaves: set[str] | None = None
    """Every scalar of the redacted elements' content (`leaves_of` of each `Sealed.content`, with
    `sealed_keys`), collected while it was sealed; None when not collected."""
    sealed_keys: set[str] | None = None
    """Every key of the redacted elements' content, collected with `sealed_leaves`; None when not
    collected."""

    def is_redacted(self, parts: tuple[str | int, ...] | str) -> bool:
        """Whether the element at this path (or anything containing it) is redacted."""
        p = parts if isinstance(parts, str) else pointer_of(parts)
        i = len(p)
        while i > 0:
            if p[:i] in self.stubs:
                return True
            i = p.rfind("/", 0, i)
        return False

    def stub_at(self, parts: tuple[str | int, ...]) -> Stub | None:
        """The stub of the element at exactly this path, if it is redacted."""
        return self.stubs.get(pointer_of(parts))

    def step(self, ref: str) -> str:
        """A `pathway.step` reference as the audience may see it."""
        return self.step_mask.get(ref, ref)

    @property
    def ids(self) -> set[str]:
        """Ids of every redacted element."""
        return {s.id for s in self.stubs.values()}


def iter_redactable(case: Case) -> Iterator[tuple[tuple[str | int, ...], BaseModel]]:
    """Every model in the case that carries a confidentiality level, with its path (outermost
    first; an element nested in a redactable element is listed too)."""

    def walk(obj: Any, parts: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], BaseModel]]:
        if isinstance(obj, BaseModel):
            if "confidentiality" in type(obj).model_fields:
                yield parts, obj
            for name in type(obj).model_fields:
                yield from walk(getattr(obj, name), parts + (name,))
        elif isinstance(obj, dict):
            for k, v in obj.items():
                yield from walk(v, parts + (k,))
        elif isinstance(obj, list | tuple):
            for i, v in enumerate(obj):
                yield from walk(v, parts + (i,))

    yield from walk(case, ())


def seal(case: Case, salts: Salts, parts: tuple[str | int, ...], model: BaseModel,
         leaves: set[str] | None = None, keys: set[str] | None = None) -> Sealed:
    """Salt, content and commitment of the element at `parts`; with `leaves`, the content's
    scalars are added to it and its keys to `keys` (to `leaves` when None), as `leaves_of` adds
    them, in the walk that writes its canonical JSON."""
    pointer = pointer_of(parts)
    content = content_of(model)
    body = canonical_leaves(content, leaves, keys) if leaves is not None else None
    salt, sealed = salts.salted(case.id, case.version, pointer, content, body)
    level = getattr(model, "confidentiality", Confidentiality.public)
    # `tuple.__new__` as the named tuple's own `__new__` calls it, without that Python frame
    # (thousands of elements are sealed; nor is `typing.cast`, a Python call too, used here)
    return tuple.__new__(Sealed, (pointer, str(parts[-1]) if parts else case.id, type_of(model), level, model,
                                  salt, content, sealed))


_REQUIRED = object()
_TEXT = frozenset({str})
"""The types of a list whose items are all text."""


@cache
def _defaults(cls: type[BaseModel]) -> dict[str, Any]:
    """Field name -> default value (or _REQUIRED), per model class (pydantic's lookup is slow)."""
    return {name: _REQUIRED if info.is_required() else info.get_default(call_default_factory=True)
            for name, info in cls.model_fields.items()}


_PLANS: dict[type, tuple[tuple[tuple[str, Any], ...], int, bool] | None] = {}
"""Per type of value met in a case: for a model class, its fields with their defaults (`_defaults`),
how its confidentiality is read (`_LEVEL_*`) and whether it is a `Pathway`; None for any other
type. Looked up by type, once per value: `isinstance` against a pydantic model class goes
through ABCMeta's checks, a cost per value of a large case."""
_LEVEL_NONE, _LEVEL_FIELD, _LEVEL_ATTRIBUTE = 0, 1, 2


def _plan(cls: type) -> tuple[tuple[tuple[str, Any], ...], int, bool] | None:
    """`_PLANS[cls]`, worked out and kept on first use."""
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
        plan = None
    else:
        if "confidentiality" in cls.model_fields:
            level = _LEVEL_FIELD
        elif hasattr(cls, "confidentiality") or cls.model_config.get("extra") == "allow":
            level = _LEVEL_ATTRIBUTE  # a class attribute, or an extra field: read as `getattr` reads it
        else:
            level = _LEVEL_NONE
        plan = (tuple(_defaults(cls).items()), level, issubclass(cls, Pathway))
    _PLANS[cls] = plan
    return plan


@cache
def _revealed(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a redacted element of this class that its stub shows, in name order."""
    return tuple(sorted(REVEALED_FIELDS.get(cls, frozenset())))


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def leaves_of(value: Any, out: set[str] | None = None, keys: set[str] | None = None) -> set[str]:
    """Every key and scalar in a JSON-like value, as text, each once, added to `out`, the keys to
    `keys` instead when it is given (iterative:
    documents can be large; collected straight into a set: a case repeats most of its values, and
    a list of them all would only be hashed into one afterwards). The plain dicts, lists and
    strings a redacted document is made of are taken on the fast path; anything else as `str`
    gives it, except None and booleans."""
    if out is None:
        out = set()
    stack = [value]
    pop, push, extend, add = stack.pop, stack.append, stack.extend, out.add
    add_key = add if keys is None else keys.add
    while stack:
        v = pop()
        t = type(v)
        if t is str:  # the common cases first, without the checks below
            add(v)
        elif t is dict:
            for k, x in v.items():
                add_key(k if type(k) is str else str(k))
                if type(x) is str:
                    add(x)
                else:
                    push(x)
        elif t is list:
            extend(v)
        elif isinstance(v, dict):
            (out if keys is None else keys).update(map(str, v))
            extend(v.values())
        elif isinstance(v, list):
            extend(v)
        elif v is not None and not isinstance(v, bool):
            add(str(v))
    return out


def canonical_leaves(content: Any, leaves: set[str], keys: set[str] | None = None) -> bytes:
    """`canonical(content)`, with every key and scalar of `content` added to `leaves` (the keys to
    `keys` when it is given) as `leaves_of` adds them: one walk of the content collects them, decides whether its RFC 8785
    bytes are written exactly without the `rfc8785` package (as `plain_exact` decides), and
    copies it with each object's keys in sorted order, which pydantic-core's serializer then
    writes (`encode_sorted`). A content holding anything but plain JSON types is walked by
    `leaves_of` and written by `canonical`."""
    exact = [True]
    try:
        ordered = _ordered_leaves(content, leaves.add, exact, leaves.add if keys is None else keys.add)
    except _NotPlain:
        return _canonical_apart(content, leaves, keys)
    if exact[0]:
        try:
            return encode_sorted(ordered)
        except UnicodeEncodeError:
            pass  # a lone surrogate: `canonical` refuses it and says why
    return canonical(content)


class _NotPlain(Exception):
    """A value that is not plain JSON met by `_ordered_leaves`."""


def _ordered_leaves(v: Any, add: Callable[[str], None], exact: list[bool],
                    add_key: Callable[[str], None]) -> Any:
    """A copy of the plain JSON value `v` with each object's keys in sorted order, its scalars
    added with `add` and its keys with `add_key` as `leaves_of` adds them; `exact[0]` set False where the fast writer
    would not write RFC 8785's bytes (a key beyond the BMP, an unsafe integer, a float `json`
    writes otherwise). _NotPlain for anything but plain JSON types."""
    t = type(v)
    if t is dict:
        try:
            keys = sorted(v)
        except TypeError:
            raise _NotPlain from None
        out = {}
        for k in keys:
            if type(k) is not str:
                raise _NotPlain
            add_key(k)
            if not k.isascii() and max(k) > "\uffff":
                exact[0] = False
            x = v[k]
            tx = type(x)
            if tx is str:
                add(x)
                out[k] = x
            elif tx is int:  # (as the call below takes an integer, without the call: a third of them)
                add(str(x))
                if not -SAFE_INT <= x <= SAFE_INT:
                    exact[0] = False
                out[k] = x
            else:
                out[k] = _ordered_leaves(x, add, exact, add_key)
        return out
    if t is list:
        items = []
        for x in v:
            tx = type(x)
            if tx is str:
                add(x)
                items.append(x)
            elif tx is int:
                add(str(x))
                if not -SAFE_INT <= x <= SAFE_INT:
                    exact[0] = False
                items.append(x)
            else:
                items.append(_ordered_leaves(x, add, exact, add_key))
        return items
    if t is str:
        add(v)
    elif t is int:
        add(str(v))
        if not -SAFE_INT <= v <= SAFE_INT:
            exact[0] = False
    elif t is float:
        add(str(v))
        if not float_exact(v):
            exact[0] = False
    elif t is not bool and v is not None:
        raise _NotPlain
    return v


def _canonical_apart(content: Any, leaves: set[str], keys: set[str] | None) -> bytes:
    """`canonical_leaves` of a content that is not plain JSON: its leaves and bytes each as
    `leaves_of` and `canonical` give them."""
    leaves_of(content, leaves, keys)
    return canonical(content)


def redact(case: Case, salts: Salts, level: Confidentiality = Confidentiality.public) -> Redaction:
    """Redact `case` for an audience cleared to `level` (new salts are drawn into `salts`; the
    caller keeps them with `salts.flush()` before publishing anything). The document's leaves
    (`Redaction.leaves`, its keys apart in `Redaction.keys`) are collected as it is built, for the
    text guard: one walk, not two."""
    result = Redaction(level=level, leaves=set(), keys=set(), sealed_leaves=set(), sealed_keys=set())
    leaves, keys = result.leaves, result.keys
    secret_leaves, secret_keys = result.sealed_leaves, result.sealed_keys
    assert leaves is not None and keys is not None and secret_leaves is not None and secret_keys is not None
    add, add_key = leaves.add, keys.add
    # steps of redacted pathways are named by position, never by their (confidential) names
    for pid, (_, pathway) in case.pathways().items():
        if rank(pathway.confidentiality) > rank(level):
            for i, s in enumerate(pathway.steps, 1):
                result.step_mask[f"{pid}.{s}"] = f"{pid}.#{i}"

    def mask(value: Any) -> Any:
        if isinstance(value, str):
            return result.step_mask.get(value, value)
        if isinstance(value, list):
            return [mask(v) for v in value]
        return value

    masks = result.step_mask
    above = frozenset(lv for lv in LEVELS if rank(lv) > rank(level))  # the levels redacted

    def walk(obj: Any, parts: tuple[str | int, ...]) -> Any:
        t = type(obj)
        plan = _PLANS[t] if t in _PLANS else _plan(t)
        if plan is not None:
            fields, level_read, is_pathway = plan
            lv = (None if level_read == _LEVEL_NONE else obj.__dict__["confidentiality"] if level_read == _LEVEL_FIELD
                  else getattr(obj, "confidentiality", None))
            if lv is not None and isinstance(lv, Confidentiality) and lv in above:
                sealed = seal(case, salts, parts, obj, secret_leaves, secret_keys)
                revealed: dict[str, Any] = {}
                for name in _revealed(t):  # type: ignore[arg-type]  # a model class (its plan says so)
                    v = getattr(obj, name)
                    if v is None or v == [] or v is False:
                        continue
                    revealed[name] = mask([_plain(x) for x in v]) if isinstance(v, list) else _plain(v)
                if is_pathway:
                    revealed["steps"] = [result.step_mask[f"{parts[-1]}.{s}"] for s in obj.steps]
                pointer, commitment = sealed.pointer, sealed.commitment
                result.stubs[pointer] = tuple.__new__(Stub, (pointer, sealed.id, sealed.type, lv, commitment,
                                                             revealed))  # as `seal` builds a `Sealed`
                result.sealed[pointer] = sealed
                # `Stub.document`, written here; its leaves are collected at the end, in one call
                # for its text fields and one walk of what the stubs reveal (`_value_`: the
                # member's value, which `.value` reads through a Python-level descriptor)
                shown = lv._value_
                stub_text.extend((sealed.type, sealed.id, shown, commitment))
                if revealed:
                    stub_revealed.append(revealed)
                return {"redacted": True, "type": sealed.type, "id": sealed.id, "level": shown,
                        "commitment": commitment, **revealed}
            out: dict[str, Any] = {}
            values = obj.__dict__  # the fields' values (getattr would look through the class first)
            for name, default in fields:
                v = values[name]
                # a value at its default is left out; only None equals a default of None
                if v is default or (default is not None and default is not _REQUIRED and v == default):
                    continue
                add_key(name)
                # plain text and numbers (most fields) are masked here, without a call per value;
                # the leaves of what a call to `walk` returns are collected by that call
                t = type(v)
                if t is str:
                    v = masks.get(v, v) if masks else v
                    add(v)
                    out[name] = v
                elif t is int or t is float:
                    add(str(v))
                    out[name] = v
                elif t is bool or v is None:
                    out[name] = v
                elif t is list:
                    items: list[Any]
                    if {*map(type, v)} == _TEXT:  # a list of ids or texts (most lists): in C
                        items = list(map(masks.get, v, v)) if masks else v.copy()
                        leaves.update(items)
                    else:
                        items = [masks.get(x, x) if type(x) is str else walk(x, parts + (name, i))
                                 for i, x in enumerate(v)]
                        leaves.update([x for x in items if type(x) is str])
                    out[name] = items
                else:
                    out[name] = walk(v, parts + (name,))
            return out
        if isinstance(obj, dict):
            got = {}
            for k, v in obj.items():
                key = str(k)
                add_key(key)
                got[key] = walk(v, parts + (k,))
            return got
        if isinstance(obj, list | tuple):
            return [walk(v, parts + (i,)) for i, v in enumerate(obj)]
        leaf = mask(_plain(obj))
        if type(leaf) is str:
            add(leaf)
        else:
            leaves_of(leaf, leaves, keys)
        return leaf

    stub_text: list[str] = []
    stub_revealed: list[dict[str, Any]] = []
    result.document = walk(case, ())
    if result.stubs:  # the leaves of the stubs' documents, as `leaves_of` collects them
        keys.update(_STUB_KEYS)
        leaves.update(stub_text)
        leaves_of(stub_revealed, leaves, keys)
    return result


def resolve_element(case: Case, ref: str) -> tuple[tuple[str | int, ...], BaseModel]:
    """The redactable element named by `ref`: an RFC 6901 pointer ('/evidence/E-bio') or an id
    that names exactly one redactable element."""
    found = list(iter_redactable(case))
    if ref.startswith("/"):
        for parts, model in found:
            if pointer_of(parts) == ref:
                return parts, model
        raise InputError(f"no redactable element at {ref}",
                         help="name an element by id or by its pointer, e.g. /evidence/E-ctf")
    matches = [(p, m) for p, m in found if p and str(p[-1]) == ref]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        known = ", ".join(sorted({str(p[-1]) for p, _ in found if p}))
        raise InputError(f"no redactable element with id {ref!r}",
                         help=f"elements that carry a confidentiality level: {known}")
    pointers = ", ".join(pointer_of(p) for p, _ in matches)
    raise InputError(f"id {ref!r} names several elements: {pointers}",
                     help="name the element by its pointer instead")
