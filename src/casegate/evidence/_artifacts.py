"""Re-hashing evidence artifacts, so a changed or missing file is caught at every check."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..load import Loaded, display_path


@dataclass(frozen=True)
class ArtifactState:
    """What re-hashing an evidence item's artifact found."""

    evidence_id: str
    path: str | None
    exists: bool
    actual_sha256: str | None
    pinned_sha256: str | None

    @property
    def matches(self) -> bool:
        return self.exists and self.pinned_sha256 is not None and self.actual_sha256 == self.pinned_sha256


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """sha256 of a file's raw bytes."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while b := f.read(chunk):
            h.update(b)
    return h.hexdigest()


def rehash_artifacts(loaded: Loaded) -> dict[str, ArtifactState]:
    """Hash every evidence artifact the case names, as it is on disk now."""
    out: dict[str, ArtifactState] = {}
    if loaded.case is None:
        return out
    hashed: dict[Path, tuple[bool, str | None, str]] = {}  # many items may share one artifact
    for eid, ev in loaded.case.evidence.items():
        p = loaded.artifact_path(eid)
        if p is None:
            out[eid] = ArtifactState(eid, None, False, None, ev.sha256)
            continue
        if p not in hashed:
            try:
                hashed[p] = (True, sha256_file(p), display_path(p))
            except OSError:
                hashed[p] = (False, None, display_path(p))
        exists, actual, shown = hashed[p]
        out[eid] = ArtifactState(eid, shown, exists, actual, ev.sha256)
    return out
