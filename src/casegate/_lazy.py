"""Packages that import their parts when a name is first used (PEP 562), so that a command
loads only what it runs: publishing to a salt-store file needs no database layer, drawing a
diagram no gsn2x import."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, names: Mapping[str, tuple[str, str]]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: `names` maps each public name to (submodule, name
    in it), or (submodule, "") for the submodule itself. A name is imported once, then kept."""

    def __getattr__(name: str) -> Any:
        where = names.get(name)
        if where is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = importlib.import_module(f"{package}.{where[0]}")
        value = getattr(module, where[1]) if where[1] else module
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
