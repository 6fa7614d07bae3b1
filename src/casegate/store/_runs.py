"""The sample fingerprints of stored evaluation logs (`run_prints`, `run_samples`): which stored
artifacts are the same evaluation run as a given log, whatever dates each log gives. The
fingerprints are computed by the evidence layer and handed in; this module only keeps and
compares them."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from ._cases import CaseStore
from ._schema import case_files, case_versions, run_prints, run_samples

_CHUNK = 500
"""Parameters per query, within every backend's bound."""

STALE_READERS = ("none", "inspect-ai", "lm-eval", "generic")
"""`run_prints.reader` values an older casegate wrote, whose fingerprints are taken again: 'none'
(before casegate-results files were fingerprinted) and the bare importer names (fingerprints of
version 1, which took the task's name and sample ids in, so a renamed copy escaped them)."""


def _stale() -> sa.ColumnElement[bool]:
    return run_prints.c.reader.in_(STALE_READERS)


class RunStore(CaseStore):
    """Case versions, and the sample fingerprints of the evaluation logs they stored."""

    def unprinted_artifacts(self) -> dict[tuple[str, int], list[str]]:
        """The stored artifacts not fingerprinted yet (or marked by a reader in `STALE_READERS`),
        each under the first version that stored it: (case id, version number) -> their sha256s."""
        with self._read("finding artifacts not fingerprinted") as conn:
            first = (sa.select(case_files.c.sha256, sa.func.min(case_files.c.version_id).label("vid"))
                     .where(case_files.c.role == "artifact",
                            ~sa.exists().where(run_prints.c.sha256 == case_files.c.sha256, ~_stale()))
                     .group_by(case_files.c.sha256).subquery())
            rows = conn.execute(sa.select(first.c.sha256, case_versions.c.case_id, case_versions.c.number)
                                .join(case_versions, case_versions.c.id == first.c.vid)
                                .order_by(case_versions.c.id, first.c.sha256)).all()
        out: dict[tuple[str, int], list[str]] = {}
        for r in rows:
            out.setdefault((str(r.case_id), int(r.number)), []).append(str(r.sha256))
        return out

    def record_run_prints(self, sha256: str, reader: str, prints: Iterable[str]) -> None:
        """Keep the sample fingerprints of a stored artifact (nothing when the registry is
        read-only, or when they are already kept; a row by a reader in `STALE_READERS` is
        replaced)."""
        if self.readonly:
            return
        wanted = sorted(set(prints))
        with self._write("recording sample fingerprints") as (conn, _size):
            kept = conn.execute(sa.select(run_prints.c.reader, _stale().label("stale"))
                                .where(run_prints.c.sha256 == sha256)).first()
            if kept is not None and not kept.stale:
                return
            if kept is not None:
                conn.execute(run_samples.delete().where(run_samples.c.sha256 == sha256))
                conn.execute(run_prints.delete().where(run_prints.c.sha256 == sha256))
            conn.execute(run_prints.insert().values(sha256=sha256, reader=reader, samples=len(wanted)))
            for i in range(0, len(wanted), 10_000):
                conn.execute(run_samples.insert(), [{"sha256": sha256, "fingerprint": p}
                                                    for p in wanted[i:i + 10_000]])

    def sample_prints(self, shas: Iterable[str]) -> dict[str, frozenset[str]]:
        """The kept sample fingerprints of each of `shas` that has been fingerprinted (empty: not
        a log whose samples are fingerprinted); one not fingerprinted yet is absent."""
        wanted = sorted(set(shas))
        out: dict[str, set[str]] = {}
        with self._read("reading sample fingerprints") as conn:
            for i in range(0, len(wanted), _CHUNK):
                part = wanted[i:i + _CHUNK]
                for r in conn.execute(sa.select(run_prints.c.sha256).where(run_prints.c.sha256.in_(part))):
                    out[str(r.sha256)] = set()
                for r in conn.execute(sa.select(run_samples.c.sha256, run_samples.c.fingerprint)
                                      .where(run_samples.c.sha256.in_(part))):
                    out.setdefault(str(r.sha256), set()).add(str(r.fingerprint))
        return {sha: frozenset(p) for sha, p in out.items()}

    def print_readers(self, shas: Iterable[str]) -> dict[str, str]:
        """The reader that fingerprinted each of `shas` (`run_prints.reader`); one not
        fingerprinted yet is absent."""
        wanted = sorted(set(shas))
        out: dict[str, str] = {}
        with self._read("reading sample fingerprints") as conn:
            for i in range(0, len(wanted), _CHUNK):
                for r in conn.execute(sa.select(run_prints.c.sha256, run_prints.c.reader)
                                      .where(run_prints.c.sha256.in_(wanted[i:i + _CHUNK]))):
                    out[str(r.sha256)] = str(r.reader)
        return out

    def sharing_runs(self, prints: Iterable[str]) -> dict[str, tuple[int, int]]:
        """Every fingerprinted artifact holding any of `prints`: sha256 -> (how many of `prints`
        it holds, how many sample fingerprints it has)."""
        wanted = sorted(set(prints))
        shared: dict[str, int] = {}
        with self._read("comparing sample fingerprints") as conn:
            for i in range(0, len(wanted), _CHUNK):
                q = (sa.select(run_samples.c.sha256, sa.func.count().label("n"))
                     .where(run_samples.c.fingerprint.in_(wanted[i:i + _CHUNK]))
                     .group_by(run_samples.c.sha256))
                for r in conn.execute(q):
                    shared[str(r.sha256)] = shared.get(str(r.sha256), 0) + int(r.n)
            sizes: dict[str, int] = {}
            names = sorted(shared)
            for i in range(0, len(names), _CHUNK):
                for r in conn.execute(sa.select(run_prints.c.sha256, run_prints.c.samples)
                                      .where(run_prints.c.sha256.in_(names[i:i + _CHUNK]))):
                    sizes[str(r.sha256)] = int(r.samples)
        return {sha: (n, sizes.get(sha, n)) for sha, n in shared.items()}
