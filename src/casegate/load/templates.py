"""Case templates for `casegate init`."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

from ..errors import InputError

_DESCRIPTIONS = {
    "frontier-api": "A worked example to adapt: the atlas-api example case (a frontier model's API release "
                    "covering cyber and bio misuse) with its fictional people, organisations and evidence "
                    "marked PLACEHOLDER; each mark is a blocking finding (CG909) until replaced, so it never "
                    "passes `gate` as shipped.",
    "skeleton": "The bare structure of a case and policy to fill in: it does not pass `check` until "
                "filled in (values marked PLACEHOLDER are findings), and its findings are the to-do list.",
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
    written.extend(write_editor_schemas(directory / "schemas"))
    return written


def write_editor_schemas(folder: Path, names: list[str] | None = None) -> list[Path]:
    """Write the case and policy JSON Schemas (all, or `names`) into `folder` as
    NAME.schema.json: the files' `yaml-language-server` modelines point there, so an editor
    checks them against the schemas of the casegate that wrote them."""
    from ..model import case_file_schemas

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in case_file_schemas().items():
        if names is None or name in names:
            dest = folder / f"{name}.schema.json"
            dest.write_text(json.dumps(schema, indent=2) + "\n")
            written.append(dest)
    return written


def template_artifacts() -> dict[str, str]:
    """sha256 -> `TEMPLATE/PATH` of every artifact shipped inside a template (each file that is not
    a YAML case, policy or section file), computed from the template folders. Run-time checks use
    the kept copy in `template_digests.py` (`casegate.load.template_digests`), which a test keeps
    equal to this; regenerate it with `python -m casegate.load.template_digests`."""
    import hashlib

    root = Path(str(resources.files("casegate.load") / "template_files"))
    found: dict[str, str] = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix not in (".yaml", ".yml"):
            found[hashlib.sha256(p.read_bytes()).hexdigest()] = p.relative_to(root).as_posix()
    return found
