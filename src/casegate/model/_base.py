"""Shared base types for every casegate document model."""

import functools
import operator
from collections.abc import Callable, Iterable
from enum import Enum
from itertools import repeat
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .. import _schemacache

FORMAT_VERSION = 1
"""The only case/policy file format version this casegate reads and writes."""

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", min_length=1)]
"""An element identifier: letters, digits, '_', '.', '-'; starts with a letter or digit."""

DIGEST_PATTERNS = (r"^[0-9a-f]{64}$", r"^sha256:[0-9a-f]{64}$")
"""The patterns of `Sha256` and `Digest`: a value that fails one is told what keeps it from
comparing equal to the digest it may look like (`digest_problem`)."""

Sha256 = Annotated[str, StringConstraints(pattern=DIGEST_PATTERNS[0])]
"""A lowercase hex SHA-256 digest (64 characters)."""

Digest = Annotated[str, StringConstraints(pattern=DIGEST_PATTERNS[1])]
"""A digest written `sha256:<64 hex>`."""


def digest_problem(value: object, prefixed: bool) -> str:
    """Why `value` is not a sha256 digest in the one form casegate compares (lower case, with
    `sha256:` before it where `prefixed`): a digest in upper case, with or without the prefix, with
    a letter that looks like a hex digit (Cyrillic `а`, `е`, `с`) or of another length is
    refused, never read as the digest it resembles, so it names what differs."""
    want = "`sha256:` and 64 lowercase hex digits (a sha256 digest)" if prefixed else \
        "64 lowercase hex digits (a sha256 digest)"
    if not isinstance(value, str):
        return f"{type(value).__name__} {value!r} is not {want}"
    hexpart = value
    why: list[str] = []
    if value.lower().startswith("sha256:"):
        hexpart = value[len("sha256:"):]
        if not prefixed:
            why.append("it is written with a `sha256:` prefix")
        elif not value.startswith("sha256:"):
            why.append("its prefix is not the lowercase `sha256:`")
    elif prefixed:
        why.append("it lacks the `sha256:` prefix")
    import unicodedata

    odd = [c for c in dict.fromkeys(hexpart) if c not in "0123456789abcdefABCDEF"]
    if odd:
        # an invisible or control character is named by its code alone: printed, it would be unseen
        # or break the message's line
        why.append("it holds " + ", ".join(("" if not c.isprintable() or c.isspace() else f"`{c}` ")
                                          + f"(U+{ord(c):04X} {unicodedata.name(c, 'a control character')})"
                                          for c in odd[:3]) + (", not hex digits" if len(odd) > 1 else ", not a hex digit"))
    if any(c in "ABCDEF" for c in hexpart):
        why.append("it is written in upper case")
    if len(hexpart) != 64:
        why.append(f"its digits are {len(hexpart)} characters long, not 64")
    return f"{value!r} is not {want}" + (f": {'; '.join(why)}" if why else "")


def new_list() -> list[Any]:
    """An empty list: the `default_factory` of list fields.

    pydantic reads the signature of every default factory when it builds a model class; for the
    builtin `list` or `dict` that means parsing a text signature (about a millisecond each, a
    tenth of a short run over all the models), for a Python function it is a few microseconds.
    """
    return []


class _NoItems(list[Any]):
    """An empty list that refuses to change: what `no_items` gives every model."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("an unset list field of a casegate model is shared and cannot change; "
                        "build a new list (or a new model) instead")

    append = extend = insert = pop = remove = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse

    def __copy__(self) -> "_NoItems":
        return self

    def __deepcopy__(self, memo: Any) -> "_NoItems":
        return self

    def __reduce__(self) -> Any:
        return (_no_items, ())


_NO_ITEMS = _NoItems()


def _no_items() -> list[Any]:
    return _NO_ITEMS


no_items: Callable[[], list[Any]] = functools.partial(next, repeat(_NO_ITEMS))
"""The `default_factory` of the list fields of the models a case holds by the thousand
(argument elements, evidence items, safeguards): one shared empty list that cannot change.

An unset list field would otherwise cost a new empty list per model (56 bytes; an element
has six such fields, most unset: 50 MiB of a case with 230,000 elements). Frozen models
cannot reassign a field, and the shared list refuses `append` and every other change, so
no model can alter another's; it equals `[]`, serialises as `[]`, and copies as itself.

It is the next item of an endless repeat of that list, called in C: pydantic calls a field's
factory for every model that leaves the field unset (a hundred thousand calls for a 10k-goal
argument), and a Python function costs a frame each time. pydantic reads no signature from it
(it has none), so it also takes no time when a model class is built.
"""


_FIELDS_SET = "__pydantic_fields_set__"
_fields_set_of = operator.attrgetter(_FIELDS_SET)


def share_field_sets(models: Iterable[BaseModel]) -> None:
    """Let models whose sets of explicitly given field names are equal hold one set between them.

    pydantic keeps that set on every model it builds (`model_fields_set`): 200 bytes for two
    names, 700 for seven, more than many a model's own fields; the elements and evidence items of
    one case have a few dozen distinct ones among tens of thousands. Sharing is safe because the
    models are frozen: pydantic changes a model's set only when a field is assigned, which a
    frozen model refuses, and `model_copy` copies the set before it adds to it. The work runs in
    C (maps over the models, a few thousand at a time), not a Python step per model.
    """
    models = list(models)
    one: dict[frozenset[str], set[str]] = {}
    # a few thousand at a time: a frozen copy of every model's set at once would take more memory
    # (30 MiB for 66,000 evidence items) than the sharing gives back, at the largest case's peak
    for at in range(0, len(models), 4096):
        chunk = models[at:at + 4096]
        sets = list(map(_fields_set_of, chunk))
        names = list(map(frozenset, sets))
        one = {**dict(zip(names, sets, strict=True)), **one}  # the first chosen for a value stays
        list(map(object.__setattr__, chunk, repeat(_FIELDS_SET), map(one.__getitem__, names)))


_KEPT_USED = [False]
"""Whether this process built a validator from a kept schema (one without JSON Schema hints)."""

_SERVING: dict[type, Any] = {}


def _serve(cls: type, source: Any, handler: Any) -> Any:
    """`__get_pydantic_core_schema__` while a model is built from its kept schema: that schema for
    the model being built, pydantic's own for any other type."""
    kept = _SERVING.get(source)
    return kept if kept is not None else handler(source)


def new_dict() -> dict[Any, Any]:
    """An empty dict: the `default_factory` of mapping fields (see `new_list`)."""
    return {}


# One `Field(...)` for every field of its kind, not a call per field: calling `Field` costs about
# 80,000 instructions (it sorts out some forty keyword arguments), and the models have some 180
# such fields (sharing saved a keyed `gate` of atlas-api about 8.5M instructions, 1%). Sharing one
# is safe: pydantic copies the `FieldInfo` assigned to a field when it builds the class and never changes the one
# assigned (tests/model/test_shared_fields.py fails if a pydantic version does).
EMPTY_LIST: Any = Field(default_factory=new_list)
"""The default of a list field: a new empty list for each model (`Field(default_factory=new_list)`)."""

EMPTY_DICT: Any = Field(default_factory=new_dict)
"""The default of a mapping field: a new empty dict for each model (`Field(default_factory=new_dict)`)."""

EMPTY_ITEMS: Any = Field(default_factory=no_items)
"""The default of a list field of the models a case holds by the thousand: the one shared empty
list that cannot change (`Field(default_factory=no_items)`)."""

OPTIONAL_AT_LEAST_0: Any = Field(default=None, ge=0)
"""A number that may be left out (None) and is otherwise 0 or more (`Field(default=None, ge=0)`)."""

OPTIONAL_AT_LEAST_1: Any = Field(default=None, ge=1)
"""A number that may be left out (None) and is otherwise 1 or more (`Field(default=None, ge=1)`)."""

OPTIONAL_0_TO_1: Any = Field(default=None, ge=0, le=1)
"""A fraction that may be left out (None) and is otherwise between 0 and 1 (`Field(default=None, ge=0, le=1)`)."""

NON_EMPTY: Any = Field(min_length=1)
"""A required list, mapping or text with at least one item or character (`Field(min_length=1)`)."""

ONE_OR_MORE: Any = Field(default=1, ge=1)
"""A count of 1 or more, 1 when left out (`Field(default=1, ge=1)`)."""

OPTIONAL_UNRECORDED: Any = Field(default=None, exclude=True)
"""A value that may be left out (None) and is never part of a model's dump (`Field(default=None,
exclude=True)`)."""


class KeptSchema(BaseModel):
    """A model whose core schema the casegate program keeps between runs (`casegate._schemacache`).

    In the program (`check`, `gate`, `publish`) its validator is built from the schema kept by an
    earlier run when there is one, and the schema it builds is kept for the next run; anywhere
    else it is built as pydantic builds it."""

    # a class without fields of its own, never validated with: built on first use, like every
    # model deriving from it, not when it is defined
    model_config = ConfigDict(defer_build=True)

    @classmethod
    def model_rebuild(cls, *, force: bool = False, raise_errors: bool = True, _parent_namespace_depth: int = 2,
                      _types_namespace: Any = None) -> bool | None:
        """pydantic's `model_rebuild`; in the casegate program, with the model's core schema kept from
        an earlier run when there is one (and kept for the next run when there is not)."""
        depth = _parent_namespace_depth + 1 if _parent_namespace_depth > 0 else 0  # this frame
        store = _schemacache.store()  # None unless the casegate program enabled it
        if store is None or force or cls.__pydantic_complete__:
            return super().model_rebuild(force=force, raise_errors=raise_errors, _parent_namespace_depth=depth,
                                         _types_namespace=_types_namespace)
        name = f"{cls.__module__}.{cls.__qualname__}"
        kept = store.get(name)
        if kept is None:
            done = super().model_rebuild(raise_errors=raise_errors, _parent_namespace_depth=depth,
                                         _types_namespace=_types_namespace)
            if cls.__pydantic_complete__:
                store.put(name, cls.__pydantic_core_schema__)
            return done
        _SERVING[cls] = kept
        KeptSchema.__get_pydantic_core_schema__ = classmethod(_serve)  # type: ignore[method-assign,assignment]
        try:
            done = super().model_rebuild(raise_errors=raise_errors, _parent_namespace_depth=depth,
                                         _types_namespace=_types_namespace)
        finally:
            del KeptSchema.__get_pydantic_core_schema__
            _SERVING.clear()
        _KEPT_USED[0] = True
        return done

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """pydantic's `model_json_schema`, refused in a process that built a validator from a kept
        core schema: those schemas carry no JSON Schema hints (`casegate schema` never uses them)."""
        if _KEPT_USED[0]:
            raise RuntimeError("a JSON Schema cannot be written in a process that used kept core schemas")
        return super().model_json_schema(*args, **kwargs)


class Frozen(KeptSchema):
    """Base of every document model: immutable, strict about unknown keys, documented.

    Each field is documented by the string literal under it. Those docstrings become the JSON
    Schema's descriptions through `casegate.model.documented_schema` (parsing them at import
    time would slow every command's start-up).
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        populate_by_name=True,
        # NaN or an infinity in a case, policy or evidence is an invalid value (a finding), never
        # a number that silently compares false with every threshold
        allow_inf_nan=False,
        # validators are built on first use, not at import: a command builds only the models it
        # reads (building every model's validator up front was a third of a short run)
        defer_build=True,
        # pydantic's check that no field name starts with `model_validate` or `model_dump` runs
        # per field at import; tests/model/test_field_names.py makes the same check once, in CI
        protected_namespaces=(),
    )


class Confidentiality(str, Enum):
    """How widely an element may be shown; anything above `public` is redacted on publication."""

    public = "public"
    internal = "internal"
    restricted = "restricted"
    secret = "secret"


class Severity(str, Enum):
    """How bad the harm at the end of a pathway is."""

    low = "low"
    moderate = "moderate"
    high = "high"
    severe = "severe"
    catastrophic = "catastrophic"

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)


_SEVERITY_ORDER = list(Severity)


class BoundaryKind(str, Enum):
    """Deployment boundaries, from least to most exposed (the exposure ladder)."""

    training = "training"
    internal_research = "internal-research"
    internal_deployment = "internal-deployment"
    trusted_access = "trusted-access"
    api = "api"
    consumer = "consumer"
    third_party = "third-party"
    fine_tuning = "fine-tuning"
    open_weights = "open-weights"

    @property
    def rank(self) -> int:
        return BOUNDARY_LADDER.index(self)

    @property
    def internal(self) -> bool:
        return self.rank <= BOUNDARY_LADDER.index(BoundaryKind.internal_deployment)


BOUNDARY_LADDER: list[BoundaryKind] = list(BoundaryKind)

Access = Literal["public", "self-serve", "vetted-organisations", "named-partners", "employees"]
"""Who can reach the model across a boundary, widest first."""

WeightsAccess = Literal["none", "fine-tuning", "download"]
"""What users can do with the weights: nothing, tune them through a hosted interface, download them."""
"""The boundary kinds in order of exposure, narrowest first."""


class Scaffold(str, Enum):
    """How much scaffolding an evaluation gave the model, weakest first."""

    none = "none"
    prompted = "prompted"
    tool_use = "tool-use"
    agent = "agent"
    expert_agent = "expert-agent"

    @property
    def rank(self) -> int:
        return list(Scaffold).index(self)


class Variant(str, Enum):
    """Which model variant was evaluated, least to most capable of revealing a capability."""

    production = "production"
    low_refusal = "low-refusal"
    helpful_only = "helpful-only"
    fine_tuned = "fine-tuned"

    @property
    def rank(self) -> int:
        return list(Variant).index(self)


def name_key(name: str) -> str:
    """The comparison key of a tool or domain name: `Code_Execution` and `code-execution` are one."""
    return "-".join(name.replace("_", " ").replace("-", " ").casefold().split())
