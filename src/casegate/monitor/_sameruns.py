"""Which stored evaluation logs are the same run as a case's artifacts, by their samples rather
than their bytes: a log whose dates were rewritten has new bytes but the same samples, so it is
first logged when the registry first logged the run (`casegate.evidence.same_run`)."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from ..errors import CasegateError, MissingExtraError
from ..evidence import RunPrints, run_prints, same_run
from ..store import Registry

UNREADABLE = "unreadable"
"""`run_prints.reader` of a stored artifact whose importer refused it (no samples to compare)."""
NOT_A_RUN = "not-a-run"
"""`run_prints.reader` of a stored artifact that is not a log casegate fingerprints. (Before
casegate-results files were fingerprinted it was 'none': the store takes such rows again, so
those files are fingerprinted once; see `Registry.unprinted_artifacts`.)"""


class SameRuns(NamedTuple):
    """What the registry knows of a case's evaluation logs by their samples."""

    matched: dict[str, list[str]]
    """Artifact sha256 -> the other stored artifacts that are the same run."""
    named: frozenset[str]
    """Artifact sha256s of runs known (in part) by their names only (`RunPrints.named`): a
    renamed copy of an earlier run cannot be told from them."""
    identical: dict[str, list[str]] = {}  # noqa: RUF012 (a NamedTuple's default, never changed)
    """Artifact sha256 -> the other stored artifacts with exactly its samples (every one of either
    in the other): for a run known by its names only, the one match not shared with any other run
    of the same task."""


def same_runs(reg: Registry, artifacts: Mapping[str, Path | None]) -> SameRuns:
    """For each artifact sha256 in `artifacts` (with its file on disk, when the case has one), the
    other stored artifacts that are the same evaluation run: at least `SAME_RUN_SHARE` of the
    smaller run's samples are the same samples. An artifact that is not an evaluation log, or
    whose samples cannot be read, has none."""
    unkept = fingerprint_stored(reg)
    kept = reg.sample_prints(artifacts)
    readers = reg.print_readers(artifacts)
    out: dict[str, list[str]] = {}
    identical: dict[str, list[str]] = {}
    named: set[str] = set()
    for sha, path in sorted(artifacts.items()):
        mine = unkept[sha].prints if sha in unkept else kept.get(sha)
        reader = unkept[sha].reader if sha in unkept else readers.get(sha)
        if mine is None and path is not None:
            got = _file_prints(path)
            mine, reader = (got.prints, got.reader) if got is not None else (None, None)
        if reader is not None and reader not in (UNREADABLE, NOT_A_RUN) \
                and RunPrints(reader, mine or frozenset()).named:
            named.add(sha)
        if not mine:
            continue
        counts = reg.sharing_runs(mine)
        counts.update({o: (len(mine & p.prints), len(p.prints)) for o, p in unkept.items() if mine & p.prints})
        matched = sorted(o for o, (shared, n) in counts.items() if o != sha and same_run(shared, len(mine), n))
        if matched:
            out[sha] = matched
        whole = sorted(o for o, (shared, n) in counts.items() if o != sha and shared == n == len(mine))
        if whole:
            identical[sha] = whole
    return SameRuns(out, frozenset(named), identical)


def fingerprint_stored(reg: Registry) -> dict[str, RunPrints]:
    """Fingerprint, from its stored bytes, every stored artifact not fingerprinted yet (versions
    stored before the registry kept fingerprints, or submitted through the library) and keep the
    fingerprints in the registry. A read-only registry keeps nothing: the fingerprints are
    returned instead, computed again at every call. An artifact whose reader is not installed is
    left for a later call."""
    unkept: dict[str, RunPrints] = {}
    for (case_id, number), shas in reg.unprinted_artifacts().items():
        version = reg.case_version(case_id, number, contents=True)
        with tempfile.TemporaryDirectory(prefix="casegate-runs-") as tmp:
            paths: dict[str, Path] = {}
            for f in version.files:
                rel = PurePosixPath(f.path)
                # the log and the files read with it (lm-eval's samples files), where they lay
                if f.role not in ("artifact", "companion") or rel.is_absolute() or ".." in rel.parts \
                        or f.content is None or hashlib.sha256(f.content).hexdigest() != f.sha256:
                    continue
                target = Path(tmp).joinpath(*rel.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(f.content)
                if f.role == "artifact":
                    paths[f.sha256] = target
            for sha in shas:
                got = _stored_prints(paths.get(sha))
                if got is None:
                    continue
                reg.record_run_prints(sha, got.reader, got.prints)
                if reg.readonly:
                    unkept[sha] = got
    return unkept


def _stored_prints(path: Path | None) -> RunPrints | None:
    """A stored artifact's fingerprints; None when they cannot be taken now (its reader is not
    installed) and must be tried again later."""
    if path is None:
        return RunPrints(UNREADABLE, frozenset())
    try:
        return run_prints(path) or RunPrints(NOT_A_RUN, frozenset())
    except MissingExtraError:
        return None
    except CasegateError:
        return RunPrints(UNREADABLE, frozenset())


def _file_prints(path: Path) -> RunPrints | None:
    """The fingerprints of an artifact the registry has not stored (a working copy's)."""
    try:
        got = run_prints(path) if path.is_file() else None
    except (CasegateError, OSError):
        return None
    return got
