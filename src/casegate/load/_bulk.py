"""The fast path of a large case file: its argument elements and evidence items validated straight
from the JSON rapidyaml emits, by pydantic-core, with no Python step per item.

The ordinary path builds Python dicts from the JSON (`json.loads`), counts them against the parsed
tree to find duplicate keys, then validates the dicts into models. Here the models are built from
the JSON text itself, and the count is taken of what they were given: each model's set of given
field names, and the lists, mappings and models it holds (`_Plan`). Equal to the tree's node
count, no mapping repeated a key (a repeated key leaves one entry, so the count comes out short).

Two of the models' checks are Python functions pydantic would call once per item (an element
names exactly one text; a result's successes do not exceed its trials). The validator used here
leaves them out, and the same conditions are tested over all the items at once, in C
(`_texts_one_each`, `_counts_consistent`).

Whatever is not certain to come out as the ordinary path would have it (an invalid item, a count
that does not match, a check that fails, a model field this count does not know) gives None, and
the caller takes the ordinary path, which reports what is wrong where it is.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import operator
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticUndefined, SchemaValidator

from ..model import Case, Element, Result
from ._yaml import count_values

SECTIONS = ("argument", "evidence")
"""The top-level keys whose maps' key order the caller notes before the tree is let go (`read`):
the validator gives its typed sections first, the notes restore the file's order."""


_dict_of = operator.attrgetter("__dict__")
_fields_set_of = operator.attrgetter("__pydantic_fields_set__")
_not_none = operator.is_not


def _is_scalar(tp: Any) -> bool:
    if tp in (str, int, float, bool, dt.date, dt.datetime, type(None)):
        return True
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return True
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return True
    if origin is typing.Annotated:
        return _is_scalar(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return all(map(_is_scalar, typing.get_args(tp)))
    return False


def _model_of(tp: Any) -> type[BaseModel] | None:
    """The model class `tp` is, or is with None beside it."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _model_of(args[0])
    return None


class _Plan:
    """How to count what the models of one class were given, over many models at once: the
    fields that hold lists, mappings or models (a scalar counts through the set of given names)."""

    __slots__ = ("lists", "models", "nested")

    def __init__(self, lists: list[str], models: list[tuple[str, _Plan]], nested: list[tuple[str, _Plan]]) -> None:
        self.lists = lists
        """Fields holding a list of scalars or a mapping of scalars: each item is one node."""
        self.models = models
        """Fields holding a list of models."""
        self.nested = nested
        """Fields holding a model (or None)."""

    def count(self, models: list[Any]) -> int:
        """Nodes below the models `models` (each model's own node not included)."""
        total = sum(map(len, map(_fields_set_of, models)))
        if not (self.lists or self.models or self.nested):
            return total
        dicts = list(map(_dict_of, models))
        for name in self.lists:
            total += sum(map(len, map(operator.itemgetter(name), dicts)))
        for name, plan in self.models:
            held = list(itertools.chain.from_iterable(map(operator.itemgetter(name), dicts)))
            total += len(held) + plan.count(held)
        for name, plan in self.nested:
            held = list(filter(None, map(operator.itemgetter(name), dicts)))
            total += plan.count(held)
        return total


_PLANS: dict[type, _Plan | None] = {}


def _empty_default(field: Any) -> bool:
    """The field's default (when it has one) is None or an empty list or mapping, so an unset field
    adds nothing to the count."""
    if field.default_factory is not None:
        got = field.default_factory()
        return isinstance(got, (list, dict)) and not got
    return field.default is PydanticUndefined or field.default is None or field.default in ([], {})


def plan_of(cls: type[BaseModel]) -> _Plan | None:
    """The count of `cls` (`_Plan`), or None when one of its fields holds what the plan cannot
    count exactly (a tuple, a union of containers, anything untyped): no fast path then."""
    if cls in _PLANS:
        return _PLANS[cls]
    _PLANS[cls] = None  # (a model that holds itself is not counted)
    lists: list[str] = []
    models: list[tuple[str, _Plan]] = []
    nested: list[tuple[str, _Plan]] = []
    got: _Plan | None = None
    for name, field in cls.model_fields.items():
        tp = field.annotation
        if field.alias not in (None, name) or field.validation_alias not in (None, name):
            break
        if _is_scalar(tp):
            continue
        if not _empty_default(field):
            break
        sub = _model_of(tp)
        if sub is not None:
            p = plan_of(sub)
            if p is None:
                break
            nested.append((name, p))
            continue
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is list and len(args) == 1 and _is_scalar(args[0]):
            lists.append(name)
        elif origin is dict and len(args) == 2 and _is_scalar(args[0]) and _is_scalar(args[1]):
            lists.append(name)
        elif origin is list and len(args) == 1 and (sub := _model_of(args[0])) is args[0]:
            p = plan_of(sub)
            if p is None:
                break
            models.append((name, p))
        else:
            break
    else:
        got = _Plan(lists, models, nested)
    _PLANS[cls] = got
    return got


# -- the checks taken out of the validator, made over all items at once ---------------------------

_TEXT_FIELDS = ("claim", "strategy", "context", "assumption", "justification", "defeater")


def _texts_one_each(elements: list[Any]) -> bool:
    """Each element names exactly one text field (`Element._one_text`): a text field is None
    exactly when it was not given or given as null, as that check reads the input."""
    dicts = list(map(_dict_of, elements))
    named = [map(_not_none, map(operator.itemgetter(f), dicts), itertools.repeat(None)) for f in _TEXT_FIELDS]
    return set(map(sum, zip(*named, strict=True))) <= {1}


def _counts_consistent(results: list[Any]) -> bool:
    """No result has more successes than trials, nor more bypasses than attempts
    (`Result._counts_consistent`)."""
    dicts = list(map(_dict_of, results))
    for low, high in (("successes", "trials"), ("bypasses", "attempts")):
        lows = list(map(operator.itemgetter(low), dicts))
        highs = list(map(operator.itemgetter(high), dicts))
        both = list(map(operator.and_, map(_not_none, lows, itertools.repeat(None)),
                        map(_not_none, highs, itertools.repeat(None))))
        if any(map(operator.gt, itertools.compress(lows, both), itertools.compress(highs, both))):
            return False
    return True


_TAKEN_OUT: dict[Any, Callable[[list[Any]], bool]] = {}
"""The Python checks the fast validator leaves out, by the function pydantic would call: each
with the test over all items that stands in for it (filled on first use)."""


def _taken_out() -> dict[Any, Callable[[list[Any]], bool]]:
    if not _TAKEN_OUT:
        _TAKEN_OUT[Element._one_text.__func__] = _texts_one_each
        _TAKEN_OUT[Result._counts_consistent] = _counts_consistent
    return _TAKEN_OUT


def _hook(schema: dict[str, Any]) -> Any:
    """The Python function a function-before/after schema calls (unwrapped), or None."""
    if schema.get("type") not in ("function-before", "function-after"):
        return None
    fn = schema.get("function", {}).get("function")
    return getattr(fn, "__func__", fn)


def _stripped(schema: Any, stripped: set[Any]) -> Any:
    """A copy of a core schema without the function validators of `_taken_out` (each noted in
    `stripped`); any other stays in."""
    if isinstance(schema, dict):
        hook = _hook(schema)
        inner = schema.get("schema")
        if (hook is not None and hook in _taken_out() and set(schema) <= {"type", "function", "schema", "metadata", "ref"}
                and isinstance(inner, dict) and not ("ref" in schema and "ref" in inner)):
            stripped.add(hook)
            if "ref" in schema:  # (what refers to the checked model refers to it unchecked)
                inner = {**inner, "ref": schema["ref"]}
            return _stripped(inner, stripped)
        return {k: _stripped(v, stripped) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_stripped(v, stripped) for v in schema]
    return schema


def _field_schema(model_schema: dict[str, Any], name: str) -> dict[str, Any]:
    """The schema of field `name` of a model schema, under its default."""
    fields = model_schema
    while fields.get("type") != "model-fields":
        fields = fields["schema"]
    got = fields["fields"][name]["schema"]
    while got.get("type") in ("default", "nullable"):
        got = got["schema"]
    return got  # type: ignore[no-any-return]


class _Shape:
    """The validator of a large case file: a mapping whose `argument.elements` and `evidence`
    hold models (the checks of `_taken_out` left out), everything else as JSON gives it."""

    def __init__(self) -> None:
        Case.model_rebuild()
        case: Any = Case.__pydantic_core_schema__
        definitions = case["definitions"] if case["type"] == "definitions" else []
        root = case["schema"] if case["type"] == "definitions" else case
        stripped: set[Any] = set()
        elements = _stripped(_field_schema(_field_schema(root, "argument"), "elements"), stripped)
        evidence = _stripped(_field_schema(root, "evidence"), stripped)
        if elements.get("type") != "dict" or evidence.get("type") != "dict":
            raise LookupError("the case's sections are not mappings")
        self.stripped = stripped
        any_ = {"type": "any"}
        argument = {"type": "typed-dict", "extra_behavior": "allow", "extras_schema": any_,
                    "fields": {"elements": {"type": "typed-dict-field", "schema": elements, "required": False}}}
        shape = {"type": "typed-dict", "extra_behavior": "allow", "extras_schema": any_,
                 "fields": {"argument": {"type": "typed-dict-field", "schema": argument, "required": False},
                            "evidence": {"type": "typed-dict-field", "schema": evidence, "required": False}}}
        self.validator = SchemaValidator({"type": "definitions", "schema": shape, "definitions": definitions}
                                         if definitions else shape)
        from ..model import Evidence

        self.element_plan = plan_of(Element)
        self.evidence_plan = plan_of(Evidence)


_SHAPE: list[_Shape | None] = []


def _shape() -> _Shape | None:
    if not _SHAPE:
        try:
            _SHAPE.append(_Shape())
        except (LookupError, KeyError, TypeError):  # a model this reading does not know: no fast path
            _SHAPE.append(None)
    return _SHAPE[0]


def _results(evidence: list[Any]) -> list[Any]:
    return list(filter(None, map(operator.itemgetter("result"), map(_dict_of, evidence))))


def read(text: bytes, nodes: int, orders: dict[tuple[str, ...], list[str]]) -> dict[str, Any] | None:
    """The file's data, its argument elements and evidence items as models, from `text` (the JSON
    rapidyaml emitted for a tree of `nodes` nodes whose root is a mapping); `orders`: the keys of
    the root mapping and of its `SECTIONS` mappings, in the file's order. None when the ordinary
    path must read the file (see the module's docstring)."""
    shape = _shape()
    if shape is None or shape.element_plan is None or shape.evidence_plan is None:
        return None
    try:
        got = shape.validator.validate_json(text)
    except ValidationError:
        return None
    if not isinstance(got, dict):
        return None
    data = _in_order(got, orders.get(()))
    if data is None:
        return None
    counted = 1
    for key, value in data.items():
        if key == "argument" and isinstance(value, dict):
            value = data[key] = _in_order(value, orders.get(("argument",)))
            if value is None:
                return None
            counted += 1
            for k, v in value.items():
                if k == "elements":
                    counted += 1 + len(v) + shape.element_plan.count(list(v.values()))
                else:
                    counted += count_values(v)
        elif key == "evidence":
            counted += 1 + len(value) + shape.evidence_plan.count(list(value.values()))
        else:
            counted += count_values(value)
    if counted != nodes:  # a mapping repeated a key: the ordinary path finds where
        return None
    elements = list(data.get("argument", {}).get("elements", {}).values())
    evidence = list(data.get("evidence", {}).values())
    checks = {_texts_one_each: elements, _counts_consistent: _results(evidence)}
    for hook in shape.stripped:
        if not _taken_out()[hook](checks[_taken_out()[hook]]):
            return None
    return data


def _in_order(got: dict[str, Any], order: list[str] | None) -> dict[str, Any] | None:
    """`got` with its keys in the file's order (the validator gives its typed fields first); None
    when the keys differ from those noted (a repeated key, or one the tree spells otherwise)."""
    if order is None or list(got) == order:
        return got
    if len(order) != len(got) or set(order) != got.keys():
        return None
    return {k: got[k] for k in order}
