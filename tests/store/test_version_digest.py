"""Matching a case to the stored version with its files is done on the sha256 this run already
has (the case's files as loaded, its artifacts and pinned further files as the gate hashed
them): the same version `submit_case` stored, no file read and hashed twice, and a digest taken
as the bytes read, never the digest the case declares (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.cli._publishing import _read_digests
from casegate.evidence import rehash_artifacts
from casegate.load import load_case
from casegate.store import Registry
from casegate.store._files import case_digest, collect_files, version_digest
from tests.store.test_companions import _case_with_lm_eval


def test_the_version_is_found_from_this_runs_digests_without_reading_them_again(
        registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = load_case(_case_with_lm_eval(tmp_path))
    assert loaded.case is not None
    v = registry.submit_case(loaded)
    files, _ = collect_files(loaded)
    assert version_digest(loaded) == case_digest(files[0][0], {p: h for p, _r, h, _b in files}) == v.digest
    known = _read_digests(loaded, rehash_artifacts(loaded))
    roles = {Path(p).name: r for p, r, _h, _b in files}
    assert {"artifact", "companion", "case", "policy"} <= {roles.get(p.name) for p in known}
    read: list[Path] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or real(self))
    assert registry.stored_number_of(loaded, known) == v.number
    assert read and not set(read) & set(known)  # the rest (envelopes, attestations) read once here


def test_a_digest_is_taken_as_the_bytes_this_run_read(registry: Registry, tmp_path: Path) -> None:
    """An artifact whose bytes this run read differ from the stored one's does not match the
    stored version, whatever digest the case pins for it."""
    loaded = load_case(_case_with_lm_eval(tmp_path))
    assert loaded.case is not None
    v = registry.submit_case(loaded)
    artifact = next(p for eid in loaded.case.evidence if (p := loaded.artifact_path(eid)) is not None)
    known = _read_digests(loaded, rehash_artifacts(loaded))
    assert registry.stored_number_of(loaded, known) == v.number
    assert registry.stored_number_of(loaded, {**known, artifact: "0" * 64}) is None
    artifact.write_bytes(artifact.read_bytes() + b"\n")
    assert registry.stored_number_of(loaded, _read_digests(loaded, rehash_artifacts(loaded))) is None
    assert registry.stored_number_of(loaded) is None
