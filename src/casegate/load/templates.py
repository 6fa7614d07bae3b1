"""Case templates for `casegate init`."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from ..errors import InputError

_DESCRIPTIONS = {
    "frontier-api": "A frontier model's API release covering cyber and bio misuse (full example).",
    "skeleton": "The bare structure of a case and policy to fill in: it does not pass `check` until "
                "filled in, and its findings are the to-do list.",
}

_RENAMED = {"minimal": "skeleton"}


def templates() -> dict[str, str]:
    return dict(_DESCRIPTIONS)


def copy_template(name: str, directory: Path) -> list[Path]:
    """Copy template `name` into `directory` (which must not hold a case.yaml already)."""
    if name in _RENAMED:
        raise InputError(f"the template {name!r} is now called {_RENAMED[name]!r}",
                         help=f"use --template {_RENAMED[name]}")
    if name not in _DESCRIPTIONS:
        raise InputError(f"no template named {name!r}", help="use one of: " + ", ".join(_DESCRIPTIONS))
    src = Path(str(resources.files("casegate.load") / "template_files" / name))
    if (directory / "case.yaml").exists():
        raise InputError(f"{directory}/case.yaml already exists", help="choose an empty directory")
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for p in sorted(src.rglob("*")):
        if p.is_file():
            dest = directory / p.relative_to(src)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, dest)
            written.append(dest)
    return written
