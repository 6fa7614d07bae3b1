"""Case templates for `casegate init`."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from ..errors import InputError

_DESCRIPTIONS = {
    "frontier-api": "A frontier model's API release covering cyber and bio misuse (full example).",
    "minimal": "The smallest valid case and policy, to fill in.",
}


def templates() -> dict[str, str]:
    return dict(_DESCRIPTIONS)


def copy_template(name: str, directory: Path) -> list[Path]:
    """Copy template `name` into `directory` (which must not hold a case.yaml already)."""
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
