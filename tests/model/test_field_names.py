"""No field of a casegate model takes a name pydantic keeps for its own methods.

The models turn off pydantic's own check (`protected_namespaces=()`, made per field at every
import); this test makes it once, over every model."""

from __future__ import annotations

import importlib
import pkgutil

from pydantic import BaseModel
from pydantic._internal._config import config_defaults

import casegate


def _models() -> list[type[BaseModel]]:
    for info in pkgutil.walk_packages(casegate.__path__, "casegate."):
        if info.name.endswith("__main__") or ".store.migrations" in info.name:
            continue  # the program itself, and the database migrations (scripts Alembic runs)
        importlib.import_module(info.name)
    out, todo = [], [BaseModel]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("casegate."):
                out.append(sub)
    return out


def test_no_model_field_takes_a_name_pydantic_keeps() -> None:
    kept = config_defaults["protected_namespaces"]
    models = _models()
    assert len(models) > 100
    clashes = [f"{m.__module__}.{m.__qualname__}.{name}" for m in models for name in m.model_fields
               if any(name.startswith(p) for p in kept if isinstance(p, str))]
    assert kept and clashes == []


def test_the_check_catches_such_a_field() -> None:
    from casegate.model._base import Frozen

    class Probe(Frozen):
        model_dump_format: str = ""

    kept = config_defaults["protected_namespaces"]
    assert any("model_dump_format".startswith(p) for p in kept if isinstance(p, str))
    assert "model_dump_format" in Probe.model_fields
