"""Evidence importers: one module per evaluation tool's log format, behind `interface.Importer`.

`importer_for(path)` picks the importer that claims a file; `discover(paths)` walks folders and
returns the logs found (and the files no importer reads, which are reported, not dropped
silently).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._claims import CLAIMS, claimant

if TYPE_CHECKING:
    from .generic import FORMAT as FORMAT
    from .generic import GenericImporter as GenericImporter
    from .inspect_log import InspectImporter as InspectImporter
    from .interface import Discovered as Discovered
    from .interface import ImportedRun as ImportedRun
    from .interface import Importer as Importer
    from .interface import LogReadError as LogReadError
    from .interface import ReadOptions as ReadOptions
    from .lm_eval import LmEvalImporter as LmEvalImporter

    IMPORTERS: tuple[Importer, ...]

_COMPANION_PREFIXES = ("samples_",)  # read by the lm-eval importer with their results file

_MADE: dict[str, Importer] = {}


def _importer(module: str, cls: str) -> Importer:
    """The one instance of importer `cls`, its module imported on first use."""
    if cls not in _MADE:
        _MADE[cls] = getattr(importlib.import_module(f"{__name__}.{module}"), cls)()
    return _MADE[cls]


def importer_for(path: Path) -> Importer | None:
    """The importer that reads `path`, or None (only that importer's module is imported)."""
    got = claimant(path)
    return _importer(*got) if got is not None else None


_LAZY = {"GenericImporter": "generic", "FORMAT": "generic", "LmEvalImporter": "lm_eval",
         "InspectImporter": "inspect_log", "Discovered": "interface", "ImportedRun": "interface",
         "Importer": "interface", "LogReadError": "interface", "ReadOptions": "interface"}
"""Names imported on first use: which importer reads a file is decided without them (`claimant`)."""


def __getattr__(name: str) -> Any:
    # IMPORTERS: every importer, tried in this order (the first that claims a file reads it)
    if name == "IMPORTERS":
        return tuple(_importer(module, cls) for module, cls, _ in CLAIMS)
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def discover(paths: Iterable[Path]) -> Discovered:
    """Every log under `paths` (files are taken as given; folders are walked recursively).

    Raises LogReadError for a path that does not exist, or a file given by name that no
    importer reads.
    """
    from .interface import Discovered, LogReadError

    out = Discovered()
    seen: set[Path] = set()
    for p in paths:
        if not p.exists():
            raise LogReadError("no such file or folder", location=str(p))
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                if f.resolve() in seen or any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                imp = importer_for(f)
                if imp is None:
                    if not f.name.startswith(_COMPANION_PREFIXES):
                        out.skipped.append(f)
                    continue
                seen.add(f.resolve())
                out.logs.append((f, imp))
        else:
            imp = importer_for(p)
            if imp is None:
                raise LogReadError(
                    "no importer reads this file", location=str(p),
                    help="casegate reads Inspect AI logs (.eval, .json), lm-eval results_*.json and "
                         "casegate-results/1 JSON/CSV")
            if p.resolve() not in seen:
                seen.add(p.resolve())
                out.logs.append((p, imp))
    return out


__all__ = ["IMPORTERS", "Discovered", "ImportedRun", "Importer", "LogReadError", "ReadOptions",
           "discover", "importer_for"]
