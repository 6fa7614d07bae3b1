"""Validators of a large case's argument elements and evidence items without the models' Python
checks, which pydantic would call once per item; the same conditions tested over all the items
at once, in C.

Two checks are Python functions: an element names exactly one text (`Element._one_text`), and a
result's successes do not exceed its trials, nor its bypasses its attempts
(`Result._counts_consistent`). A lean load builds a large section a part at a time
(`casegate.load._loader._build_sections`); each part is validated here, then tested
(`holds`). A part that fails a test is validated again by the ordinary validator, which raises
the ordinary error, so what is reported does not change.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from typing import Any

from pydantic_core import SchemaValidator

from ..model import Case, Element, Result

_dict_of = operator.attrgetter("__dict__")
_not_none = operator.is_not

_TEXT_FIELDS = ("claim", "strategy", "context", "assumption", "justification", "defeater")


def texts_one_each(elements: list[Any]) -> bool:
    """Each element names exactly one text field (`Element._one_text`): a text field of a built
    element is None exactly when its item gave none or gave null, as that check reads the item."""
    dicts = list(map(_dict_of, elements))
    named = [map(_not_none, map(operator.itemgetter(f), dicts), itertools.repeat(None)) for f in _TEXT_FIELDS]
    return set(map(sum, zip(*named, strict=True))) <= {1}


def counts_consistent(evidence: list[Any]) -> bool:
    """No evidence item's result has more successes than trials, nor more bypasses than attempts
    (`Result._counts_consistent`)."""
    results = list(map(_dict_of, filter(None, map(operator.itemgetter("result"), map(_dict_of, evidence)))))
    for low, high in (("successes", "trials"), ("bypasses", "attempts")):
        lows = list(map(operator.itemgetter(low), results))
        highs = list(map(operator.itemgetter(high), results))
        both = list(map(operator.and_, map(_not_none, lows, itertools.repeat(None)),
                        map(_not_none, highs, itertools.repeat(None))))
        if any(map(operator.gt, itertools.compress(lows, both), itertools.compress(highs, both))):
            return False
    return True


def _taken_out() -> dict[Any, Callable[[list[Any]], bool]]:
    """The checks left out, by the function pydantic would call, with the test that stands in
    for each (over the models of the section the check's model lies in)."""
    return {Element._one_text.__func__: texts_one_each,
            Result._counts_consistent: counts_consistent}


def _hook(schema: dict[str, Any]) -> Any:
    """The Python function a function-before/after schema calls (unwrapped), or None."""
    if schema.get("type") not in ("function-before", "function-after"):
        return None
    fn = schema.get("function", {}).get("function")
    return getattr(fn, "__func__", fn)


def _stripped(schema: Any, taken: dict[Any, Any], stripped: set[Any]) -> Any:
    """A copy of a core schema without the function validators in `taken` (each noted in
    `stripped`); any other stays in."""
    if isinstance(schema, dict):
        hook = _hook(schema)
        inner = schema.get("schema")
        if (hook is not None and hook in taken and set(schema) <= {"type", "function", "schema", "metadata", "ref"}
                and isinstance(inner, dict) and not ("ref" in schema and "ref" in inner)):
            stripped.add(hook)
            if "ref" in schema:  # (what refers to the checked model refers to it unchecked)
                inner = {**inner, "ref": schema["ref"]}
            return _stripped(inner, taken, stripped)
        return {k: _stripped(v, taken, stripped) for k, v in schema.items()}
    if isinstance(schema, list):
        return [_stripped(v, taken, stripped) for v in schema]
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


class Unhooked:
    """A section's validator without the Python checks, and the tests that stand in for them."""

    __slots__ = ("validator", "tests")

    def __init__(self, validator: SchemaValidator, tests: list[Callable[[list[Any]], bool]]) -> None:
        self.validator = validator
        self.tests = tests

    def holds(self, models: list[Any]) -> bool:
        """Whether the models built by `validator` pass every check it left out."""
        return all(test(models) for test in self.tests)


_BUILT: dict[tuple[str, ...], Unhooked | None] = {}


def unhooked(at: tuple[str, ...]) -> Unhooked | None:
    """The validator of the section at `at` (`("argument", "elements")` or `("evidence",)`, a
    mapping of id -> item) without its items' Python checks; None where the case's schema is not
    as expected (the ordinary validator is used then)."""
    if at not in _BUILT:
        _BUILT[at] = None
        try:
            Case.model_rebuild()
            case: Any = Case.__pydantic_core_schema__
            definitions = case["definitions"] if case["type"] == "definitions" else []
            root = case["schema"] if case["type"] == "definitions" else case
            section = _field_schema(root, at[0])
            for name in at[1:]:
                section = _field_schema(section, name)
            if section.get("type") != "dict":
                return None
            taken = _taken_out()
            stripped: set[Any] = set()
            section = _stripped(section, taken, stripped)
            # (a model built on its own before the case is held by reference, among the definitions)
            definitions = _stripped(definitions, taken, stripped)
            schema = {"type": "definitions", "schema": section, "definitions": definitions} if definitions else section
            _BUILT[at] = Unhooked(SchemaValidator(schema), [taken[h] for h in stripped])
        except (LookupError, TypeError):
            return None
    return _BUILT[at]
