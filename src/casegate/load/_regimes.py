"""Regime files: the built-in regimes and a case's own, loaded and validated like policies."""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import ValidationError

from ..errors import InputError
from ..model import Finding, Location, Regime

BUILTIN_PREFIX = "builtin:"


def _builtin_dir() -> Path:
    return Path(__file__).parent / "builtin" / "regimes"  # files inside the package (see `_loader.BUILTIN_DIR`)


def builtin_regimes() -> list[str]:
    """Names of the built-in regimes."""
    return sorted(p.name[:-5] for p in _builtin_dir().iterdir() if p.name.endswith(".yaml"))


def regime_path(ref: str, base: Path) -> tuple[Path, str]:
    """The file a regime reference names ('builtin:NAME' or a path relative to `base`)."""
    if ref.startswith(BUILTIN_PREFIX):
        name = ref[len(BUILTIN_PREFIX):]
        p = _builtin_dir() / f"{name}.yaml"
        if not p.is_file():
            raise InputError(f"no built-in regime named {name!r}",
                             help="use one of: " + ", ".join(BUILTIN_PREFIX + n for n in builtin_regimes()))
        return p, ref
    from ._loader import display_path

    p = base / ref
    return p, display_path(p)


def load_regime(path: str | Path, shown: str | None = None) -> tuple[Regime | None, list[Finding]]:
    """Load one regime file: the regime (None when invalid) and its findings."""
    from ._loader import _check_version, _dup_key_findings, _read, validation_findings

    src = _read(Path(path), shown or str(path))
    data = _check_version(src, "regime")
    diags: list[Finding] = []
    _dup_key_findings(src, diags)
    try:
        return Regime.model_validate(data), diags
    except ValidationError as e:
        def loc(p: tuple[str | int, ...]) -> Location:
            line, col = src.doc.locate(p)
            return Location(file=src.path, line=line, column=col)
        diags.extend(validation_findings(e, loc))
        return None, diags


def resolve_regimes(refs: list[tuple[str, Path, str]]) -> tuple[list[Regime], list[Finding]]:
    """Load every regime named by (reference, base directory, where it was named); each regime
    once (by id). InputError names the file and the reference that could not be read."""
    out: dict[str, Regime] = {}
    diags: list[Finding] = []
    for ref, base, named_at in refs:
        p, shown = regime_path(ref, base)
        try:
            regime, found = load_regime(p, shown)
        except InputError as e:
            e.message = f"regime {ref!r} (named at {named_at}): {e.message}"
            raise
        diags.extend(found)
        if regime is not None:
            out.setdefault(regime.id, regime)
    return list(out.values()), diags


@functools.cache
def builtin_regime_ids() -> dict[str, str]:
    """The id of each built-in regime, with the reference that names it ('builtin:NAME')."""
    return {load_builtin_regime(name).id: BUILTIN_PREFIX + name for name in builtin_regimes()}


def load_builtin_regime(name: str) -> Regime:
    """A built-in regime by name; InputError when it is unknown or invalid."""
    regimes, diags = resolve_regimes([(BUILTIN_PREFIX + name, Path("."), "the command line")])
    if not regimes:
        raise InputError(f"built-in regime {name!r} is invalid: "
                         + "; ".join(d.message for d in diags[:3]))
    return regimes[0]
