"""Reading case versions back from the registry as loaded cases, and finding the approved one."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..errors import CasegateError, InputError, StoreError
from ..evidence import EvidenceFacts, facts_for, rehash_artifacts
from ..load import Loaded, load_case
from ..model import Case, Policy, Regime
from ..store import LogEntry, Registry
from ._states import CaseState, CauseType

if TYPE_CHECKING:
    from ..sign import Keyring


@dataclass(frozen=True)
class StoredVersion:
    """A case version as stored, loaded back into the model."""

    number: int
    label: str
    """'1.0 (#1)': the declared version and the registry's number."""
    index: int
    """Log index of its 'case-version' entry."""
    case: Case
    """The version as its stored artifacts show it (derived values in place of the record's)."""
    policy: Policy | None
    files: frozenset[str]
    """sha256 of its case and include files."""
    regimes: tuple[Regime, ...] = ()
    """Regulatory regimes the version is under."""
    facts: EvidenceFacts | None = None
    """What its stored artifacts showed and where the stored record disagrees with them (None
    when its policy could not be built, so nothing was derived)."""


def load_stored(reg: Registry, case_id: str, number: int | None, dest: str | os.PathLike[str]) -> Loaded:
    """Version `number` (latest when None) of a case, written out under `dest` and loaded with
    the policy stored with it. Every file stays inside `dest`; a case whose `policy:` named a file
    by an absolute path (or any path that no longer leads to the stored policy) is loaded with the
    stored policy file, which is the one it was submitted and decided with."""
    rec = reg.case_version(case_id, number, contents=False)
    main = reg.materialise(case_id, rec.number, dest)
    return load_case(main, root=Path(dest), policy=_stored_policy(rec, main, Path(dest)))


def _stored_policy(rec: Any, main: Path, dest: Path) -> Path | None:
    """The stored policy file when the case's own `policy:` reference does not lead to it from the
    written-out main file (None: the reference works as it stands, or the policy is built in)."""
    stored = next((f.path for f in rec.files if f.role == "policy" and not f.path.startswith("builtin:")), None)
    ref = rec.policy_ref
    if stored is None or not isinstance(ref, str) or not ref:
        return None
    target = Path(os.path.abspath(dest.joinpath(*PurePosixPath(stored).parts)))
    if Path(os.path.normpath(os.path.abspath(main.parent / ref))) == target:
        return None
    return target


class VersionCache:
    """Materialises and loads each stored version at most once per run, each as its stored
    artifacts show it: the same derivation as a fresh `gate` (`facts_for`), so a stored record
    cannot carry values its artifacts contradict. With a keyring, its evidence attestations are
    verified as of the version's submission (without one, none of its evidence is independent,
    as for a fresh gate without a keyring)."""

    def __init__(self, reg: Registry, keyring: Keyring | None = None):
        self.reg = reg
        self.keyring = keyring
        self._cache: dict[tuple[str, int], StoredVersion] = {}

    def get(self, case_id: str, number: int) -> StoredVersion:
        key = (case_id, number)
        if key not in self._cache:
            rec = self.reg.case_version(case_id, number, contents=False)
            with tempfile.TemporaryDirectory(prefix="casegate-version-") as tmp:
                try:
                    loaded = load_stored(self.reg, case_id, number, tmp)
                    if self.keyring is not None:
                        from ..sign import with_attestations

                        loaded = with_attestations(loaded, self.keyring, parse_recorded(rec.submitted_at))
                    # the version as its stored artifacts show it, derived as a case file is
                    effective, facts = facts_for(loaded, rehash_artifacts(loaded))
                except CasegateError as e:
                    raise _named_stored(e, tmp, number) from None
            if loaded.case is None or effective is None:
                raise StoreError(
                    f"stored version {number} of {case_id} no longer loads as a case",
                    help="run `casegate log verify`; the registry may have been altered",
                )
            files = frozenset(f.sha256 for f in rec.files if f.role in ("case", "include"))
            self._cache[key] = StoredVersion(number, f"{rec.declared_version} (#{number})",
                                             rec.log_index, effective, loaded.policy, files,
                                             tuple(loaded.regimes), facts)
        return self._cache[key]

    def numbers(self, case_id: str) -> list[int]:
        return [v.number for v in self.reg.case_versions(case_id)]


def _named_stored(e: CasegateError, tmp: str, number: int) -> CasegateError:
    """`e` with the private folder stored version `number` was written out to (`tmp`, however a
    path to it is spelled, relative or absolute) named as the stored version: the folder is gone
    once `e` is read, and its name says nothing to whoever reads the error (a board's visitor)."""
    folder = re.compile(r"[^\s'\"]*" + re.escape(os.path.basename(tmp)))
    named = f"<stored version {number}>"

    def clean(text: str | None) -> str | None:
        return folder.sub(named, text) if text else text

    e.message = clean(e.message) or e.message
    e.args = (e.message,)
    e.location, e.help = clean(e.location), clean(e.help)
    return e


def parse_recorded(t: str) -> dt.datetime:
    """A registry timestamp ('...Z') as an aware datetime."""
    return dt.datetime.fromisoformat(t.replace("Z", "+00:00"))


def require_case(reg: Registry, case_id: str) -> CaseState:
    """The case's state; InputError when the registry does not know the case."""
    raw = reg.case_state(case_id)
    if raw is None:
        raise InputError(f"the registry has no case {case_id!r}",
                         help="submit it first: casegate registry submit CASE.yaml")
    return CaseState(raw)


@dataclass(frozen=True)
class Approval:
    """The decision a deployed case currently stands on."""

    entry: LogEntry
    """The state change that approved it."""
    version: int
    """The approved version's number."""
    decision: int | None
    """Log index of the decision event, when recorded."""


def current_approval(reg: Registry, case_id: str) -> Approval | None:
    """The latest approval by a decision (the one a deployed case stands on), or None."""
    changes = reg.events(case_id, "state-change")
    for e in reversed(changes):
        cause: dict[str, Any] = e.payload.get("cause") or {}
        if e.payload.get("to") in (CaseState.approved.value, CaseState.approved_with_conditions.value) \
                and cause.get("type") == CauseType.decision.value:
            version = cause.get("version")
            if not isinstance(version, int):
                version = _version_before(reg, case_id, e.index)
            dec = cause.get("decision")
            return Approval(e, version, dec if isinstance(dec, int) else None)
    return None


def _version_before(reg: Registry, case_id: str, index: int) -> int:
    before = [v.number for v in reg.case_versions(case_id) if v.log_index < index]
    if not before:
        raise StoreError(f"case {case_id} was approved before any version was submitted",
                         help="run `casegate log verify`")
    return before[-1]


