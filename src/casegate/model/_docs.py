"""Field docstrings -> JSON Schema descriptions, computed only when a schema is asked for."""

from __future__ import annotations

import ast
import inspect
import sys
from typing import Any

from pydantic import BaseModel


def _field_docs(module_name: str) -> dict[str, dict[str, str]]:
    """class name -> field name -> the string literal written under the field."""
    src = inspect.getsource(sys.modules[module_name])
    out: dict[str, dict[str, str]] = {}
    for node in ast.walk(ast.parse(src)):
        if not isinstance(node, ast.ClassDef):
            continue
        docs: dict[str, str] = {}
        body = node.body
        for a, b in zip(body, body[1:], strict=False):
            if (isinstance(a, ast.AnnAssign) and isinstance(a.target, ast.Name)
                    and isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant)
                    and isinstance(b.value.value, str)):
                docs[a.target.id] = inspect.cleandoc(b.value.value)
        out[node.name] = docs
    return out


def documented_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema with every field's docstring as its description."""
    from pydantic.json_schema import GenerateJsonSchema

    cache: dict[str, dict[str, dict[str, str]]] = {}

    class _Gen(GenerateJsonSchema):
        def field_title_should_be_set(self, schema: Any) -> bool:  # keep schemas compact
            return False

    schema = model.model_json_schema(schema_generator=_Gen)
    classes: dict[str, type[BaseModel]] = {}

    def collect(m: type[BaseModel]) -> None:
        if m.__name__ in classes:
            return
        classes[m.__name__] = m
        for f in m.model_fields.values():
            for t in _types_in(f.annotation):
                if isinstance(t, type) and issubclass(t, BaseModel):
                    collect(t)

    collect(model)

    def docs_for(m: type[BaseModel]) -> dict[str, str]:
        mod = m.__module__
        if mod not in cache:
            cache[mod] = _field_docs(mod)
        return cache[mod].get(m.__name__, {})

    def apply(obj: dict[str, Any], m: type[BaseModel]) -> None:
        props = obj.get("properties", {})
        d = docs_for(m)
        for name, prop in props.items():
            if name in d:
                prop["description"] = d[name]
        if m.__doc__:
            obj["description"] = inspect.cleandoc(m.__doc__)

    apply(schema, model)
    for name, sub in schema.get("$defs", {}).items():
        if name in classes:
            apply(sub, classes[name])
    return schema


def _types_in(annotation: Any) -> list[Any]:
    out = [annotation]
    for a in getattr(annotation, "__args__", ()) or ():
        out.extend(_types_in(a))
    return out
