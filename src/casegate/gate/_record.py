"""The decision record as bytes (RFC 8785 canonical JSON), the digests it binds to, and the exit
code a decision gives."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .._canonical_json import canonical_json
from ..evidence import ArtifactState
from ..load import Loaded
from ..model import DecisionRecord, Digests

EXIT_GO = 0
"""GO, and GO WITH CONDITIONS unless conditions are made to fail."""
EXIT_NO_GO = 1
"""NO-GO (or GO WITH CONDITIONS with `fail_on_conditions`)."""
EXIT_UNREADABLE = 2
"""Unreadable input: raised as `casegate.errors.InputError`, whose exit code this is."""


def record_bytes(record: DecisionRecord) -> bytes:
    """The record as RFC 8785 canonical JSON: the same record always gives the same bytes."""
    import rfc8785  # only where a record is written

    return rfc8785.dumps(record.model_dump(mode="json"))


def exit_code(record: DecisionRecord, fail_on_conditions: bool = False) -> int:
    """0 for GO and GO WITH CONDITIONS, 1 for NO-GO; with `fail_on_conditions`, conditions give 1."""
    if record.outcome == "NO-GO":
        return EXIT_NO_GO
    if record.outcome == "GO WITH CONDITIONS" and fail_on_conditions:
        return EXIT_NO_GO
    return EXIT_GO


def _rel(p: Path, base: Path) -> str:
    try:
        return Path(os.path.relpath(p, base)).as_posix()
    except ValueError:
        return p.as_posix()


def input_digests(loaded: Loaded, artifacts: dict[str, ArtifactState]) -> Digests:
    """sha256 of every case file (named relative to the main file's folder, so the record does not
    depend on where the gate ran), the policy, each artifact as re-hashed now, and the model."""
    base = loaded.main.abspath.parent
    files = {_rel(f.abspath, base): f.sha256 for f in loaded.files}
    case_id = hashlib.sha256(canonical_json(files)).hexdigest()  # RFC 8785, in C for plain text
    return Digests.model_construct(
        case_files=files,
        policy=loaded.policy_file.sha256 if loaded.policy_file else None,
        evidence={eid: a.actual_sha256 for eid, a in sorted(artifacts.items())},
        model=list(loaded.case.system.digests) if loaded.case else [],
        case=case_id,
    )
