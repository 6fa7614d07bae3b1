"""Pinning any artifact by hash: `casegate evidence pin FILE --case CASE --id ID` writes the
file's sha256 (and its path) into the evidence item that declares it, editing only those lines
of the file the item lives in, so comments and layout stay."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InputError
from ..load import load_case, parse_yaml
from ._artifacts import sha256_file


class Pinned(NamedTuple):
    """What `pin_artifact` did."""

    sha256: str
    artifact: str
    """The artifact's path relative to the file that declares the item."""
    file: Path | None = None
    """The file that was edited (None when only the digest was computed)."""
    changed: tuple[str, ...] = ()
    """Fields written: 'sha256', 'artifact' (empty when the item already said so)."""


def _rel(path: Path, base: Path) -> str:
    import os

    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def pin_artifact(artifact: Path, case: Path | None = None, evidence_id: str | None = None) -> Pinned:
    """Hash `artifact`; with `case` and `evidence_id`, write the digest and path into that item.

    Raises InputError when the artifact cannot be read, lies outside the case's folder, the item
    does not exist, or its layout is not one casegate edits (the user is told what to write)."""
    if not artifact.is_file():
        raise InputError(f"{artifact} is not a readable file", help="give the path of the artifact to pin")
    digest = sha256_file(artifact)
    if case is None or evidence_id is None:
        return Pinned(sha256=digest, artifact=artifact.as_posix())
    loaded = load_case(case)
    if loaded.case is None:
        raise InputError(f"{case} does not load as a case", help=f"run `casegate check {case}` first")
    if evidence_id not in loaded.case.evidence:
        known = ", ".join(sorted(loaded.case.evidence)) or "none"
        raise InputError(f"the case has no evidence item {evidence_id!r}", location=str(case),
                         help=f"declare it under `evidence:` first (known items: {known})")
    root = loaded.root or Path(loaded.case_path).resolve().parent
    if not artifact.resolve().is_relative_to(root):
        raise InputError(f"{artifact} lies outside the case's folder {root}",
                         help="copy the artifact into the case's folder, then pin it")
    src = loaded.origin(("evidence", evidence_id))
    rel = _rel(artifact, src.abspath.parent)
    item = loaded.case.evidence[evidence_id]
    want: dict[str, str] = {}
    if item.sha256 != digest:
        want["sha256"] = digest
    if item.artifact is None or (src.abspath.parent / item.artifact).resolve() != artifact.resolve():
        want["artifact"] = rel
    if not want:
        return Pinned(sha256=digest, artifact=rel, file=src.abspath)
    _edit(src.abspath, ("evidence", evidence_id), want)
    return Pinned(sha256=digest, artifact=rel, file=src.abspath, changed=tuple(sorted(want)))


def _edit(path: Path, item_path: tuple[str, str], want: dict[str, str]) -> None:
    raw = path.read_bytes()
    doc = parse_yaml(str(path), raw)
    data: Any = doc.data
    item = data
    for part in item_path:
        item = item.get(part) if isinstance(item, dict) else None
    manual = InputError(
        f"cannot edit evidence item {item_path[1]} in {path} automatically (it is not written as a "
        "block mapping)", location=str(path),
        help="write " + ", ".join(f"`{k}: {v}`" for k, v in want.items()) + " into the item by hand")
    if not isinstance(item, dict) or not item:
        raise manual
    lines = raw.decode("utf-8").split("\n")
    key_line = doc.locate(item_path)[0]
    if re.search(r":\s*\{", lines[key_line - 1]):
        raise manual
    first_child = next(iter(item))
    child_line, child_col = doc.locate((*item_path, first_child))
    if child_line <= key_line:
        raise manual
    indent = " " * (child_col - 1)
    for field, value in want.items():
        if field in item:
            fline = doc.locate((*item_path, field))[0]
            text = lines[fline - 1]
            m = re.match(rf"^(\s*{field}:\s*)(\"[^\"]*\"|'[^']*'|[^\s#]+)?(\s*#.*)?$", text)
            if not m:
                raise manual
            lines[fline - 1] = f"{m.group(1)}{value}{m.group(3) or ''}"
        else:
            lines.insert(child_line - 1, f"{indent}{field}: {value}")
            child_line += 1
    new_raw = "\n".join(lines).encode("utf-8")
    check: Any = parse_yaml(str(path), new_raw).data
    new_item = check
    for part in item_path:
        new_item = new_item.get(part) if isinstance(new_item, dict) else None
    expected = {**item, **want}
    if not isinstance(new_item, dict) or {k: str(v) for k, v in new_item.items() if k in want} != want \
            or {k: v for k, v in new_item.items() if k not in want} != {k: v for k, v in expected.items() if k not in want}:
        raise manual
    path.write_bytes(new_raw)
