"""Re-hashing evidence artifacts, so a changed or missing file is caught at every check.

Besides each item's `artifact`, the further files an import read with it (`source.files`, e.g.
lm-eval's per-sample logs) are re-hashed too: they are `companions` of the artifact.
"""


import hashlib
from pathlib import Path

from .._record import FrozenRecord
from ..load import Loaded, display_path


class CompanionState(FrozenRecord):
    """What re-hashing one further file of an evidence item found."""

    _fields = ("name", "path", "exists", "actual_sha256", "pinned_sha256")
    __slots__ = _fields
    name: str
    """The file as the item names it (relative to the artifact's folder)."""
    path: str
    exists: bool
    actual_sha256: str | None
    pinned_sha256: str

    def __init__(self, name: str, path: str, exists: bool, actual_sha256: str | None, pinned_sha256: str) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "exists", exists)
        object.__setattr__(self, "actual_sha256", actual_sha256)
        object.__setattr__(self, "pinned_sha256", pinned_sha256)

    @property
    def matches(self) -> bool:
        return self.exists and self.actual_sha256 == self.pinned_sha256


class ArtifactState(FrozenRecord):
    """What re-hashing an evidence item's artifact found."""

    _fields = ("evidence_id", "path", "exists", "actual_sha256", "pinned_sha256", "companions")
    __slots__ = _fields
    evidence_id: str
    path: str | None
    exists: bool
    actual_sha256: str | None
    pinned_sha256: str | None
    companions: tuple[CompanionState, ...]
    """Further files pinned with the artifact (`source.files`)."""

    def __init__(self, evidence_id: str, path: str | None, exists: bool, actual_sha256: str | None,
                 pinned_sha256: str | None, companions: tuple[CompanionState, ...] = ()) -> None:
        object.__setattr__(self, "evidence_id", evidence_id)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "exists", exists)
        object.__setattr__(self, "actual_sha256", actual_sha256)
        object.__setattr__(self, "pinned_sha256", pinned_sha256)
        object.__setattr__(self, "companions", companions)

    @property
    def matches(self) -> bool:
        """The artifact exists, is pinned, has the pinned bytes, and so do its pinned companions."""
        # (most items pin no companion: asked of every item, they need not start the generator)
        return (self.exists and self.pinned_sha256 is not None and self.actual_sha256 == self.pinned_sha256
                and (not self.companions or all(c.matches for c in self.companions)))


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """sha256 of a file's raw bytes."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while b := f.read(chunk):
            h.update(b)
    return h.hexdigest()


def rehash_artifacts(loaded: Loaded) -> dict[str, ArtifactState]:
    """Hash every evidence artifact the case names (and its pinned further files), as it is on
    disk now. Each file is hashed once however many items share it."""
    out: dict[str, ArtifactState] = {}
    if loaded.case is None:
        return out
    hashed: dict[Path, tuple[bool, str | None, str]] = {}  # many items may share one artifact

    def state(p: Path) -> tuple[bool, str | None, str]:
        if p not in hashed:
            try:
                hashed[p] = (True, sha256_file(p), display_path(p))
            except OSError:
                hashed[p] = (False, None, display_path(p))
        return hashed[p]

    last_path: Path | None = None
    last_state: tuple[bool, str | None, str] = (False, None, "")
    paths = loaded.artifact_paths()
    for eid, ev in loaded.case.evidence.items():
        p = paths[eid]
        if p is None:
            out[eid] = _artifact_state(eid, None, False, None, ev.sha256, ())
            continue
        # (the items of one file that name one artifact share its path object: most are found by
        # identity, without hashing the path)
        if p is not last_path:
            last_path, last_state = p, state(p)
        exists, actual, shown = last_state
        comps = []
        for name, pinned in (ev.source.files.items() if ev.source else ()):
            cp = (p.parent / name).resolve()
            if loaded.inside_root(cp):
                cexists, cactual, cshown = state(cp)
            else:  # never read a file outside the case's root: it counts as missing
                cexists, cactual, cshown = False, None, display_path(cp)
            comps.append(CompanionState(name, cshown, cexists, cactual, pinned))
        out[eid] = _artifact_state(eid, shown, exists, actual, ev.sha256, tuple(comps) if comps else ())
    return out


_STATE_SETTERS = tuple(ArtifactState.__dict__[name].__set__ for name in ArtifactState._fields)


def _artifact_state(evidence_id: str, path: str | None, exists: bool, actual_sha256: str | None,
                    pinned_sha256: str | None, companions: tuple[CompanionState, ...]) -> ArtifactState:
    """`ArtifactState(evidence_id, path, exists, actual_sha256, pinned_sha256, companions)`, one
    per evidence item, built through its slots' descriptors (its `__init__`'s `object.__setattr__`
    calls took twice as many instructions)."""
    s_id, s_path, s_exists, s_actual, s_pinned, s_companions = _STATE_SETTERS
    got = object.__new__(ArtifactState)
    s_id(got, evidence_id)
    s_path(got, path)
    s_exists(got, exists)
    s_actual(got, actual_sha256)
    s_pinned(got, pinned_sha256)
    s_companions(got, companions)
    return got
