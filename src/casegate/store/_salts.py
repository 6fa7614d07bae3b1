"""Where the salts of published commitments are kept: in the registry (table `commitment_salts`,
never logged, never shown) or, for publishing without a registry, in a private salt-store file.

A salt opens its commitment, so a salt store is a secret: the file is written with mode 0600,
and nothing casegate publishes reads from either store. Both hold the same records and either
can be exported to the other (escrow).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .._patterns import kept
from ..errors import InputError, StoreError
from ..limits import read_regular_file, strict_json

if TYPE_CHECKING:
    from ._registry import Registry

SALT_STORE_VERSION = 1
"""Format version of a salt-store file."""

_HEX64 = kept(r"[0-9a-f]{64}\Z")
_COMMITMENT = kept(r"sha256:[0-9a-f]{64}\Z")


@dataclass(frozen=True)
class SaltRecord:
    """The salt of one redacted element of one published case version, with the commitment it
    produced (so a changed element never reuses the salt of its earlier content)."""

    case_id: str
    case_version: str
    pointer: str
    salt: bytes
    commitment: str


class SaltStore(Protocol):
    """Somewhere salts are kept privately."""

    def commitment_salts(self, case_id: str, case_version: str) -> list[SaltRecord]:
        """Every salt kept for this case version, oldest first."""
        ...

    def keep_commitment_salts(self, records: Sequence[SaltRecord]) -> None:
        """Keep these salts (a record already kept is not duplicated)."""
        ...


def _now() -> str:
    from ._clock import log_time  # casegate's clock, never the database server's

    return log_time().isoformat(timespec="seconds").replace("+00:00", "Z")


# --------------------------------------------------------------------------- in the registry


class RegistrySalts:
    """The registry's `commitment_salts` table as a salt store."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg

    @property
    def where(self) -> str:
        """Where the salts are, for messages (the URL without its password)."""
        from ._engine import shown_url

        return f"the registry {shown_url(self.reg.url)}"

    # the database layer is imported here, not with the module: a salt-store file needs none of it

    def commitment_salts(self, case_id: str, case_version: str) -> list[SaltRecord]:
        import sqlalchemy as sa

        from ._engine import store_errors
        from ._schema import commitment_salts

        q = (sa.select(commitment_salts).where(commitment_salts.c.case_id == case_id,
                                                commitment_salts.c.case_version == case_version)
             .order_by(commitment_salts.c.id))
        with store_errors(self.reg.url, "reading commitment salts"):
            with self.reg.engine.connect() as conn:
                rows = list(conn.execute(q))
        return _registry_records(rows)

    def all_salts(self) -> list[SaltRecord]:
        """Every salt in the registry, for escrow."""
        import sqlalchemy as sa

        from ._engine import store_errors
        from ._schema import commitment_salts

        with store_errors(self.reg.url, "reading commitment salts"):
            with self.reg.engine.connect() as conn:
                rows = list(conn.execute(sa.select(commitment_salts).order_by(commitment_salts.c.id)))
        return _registry_records(rows)

    def keep_commitment_salts(self, records: Sequence[SaltRecord]) -> None:
        """Keep these salts, all or none. A record already kept (the same salt for the same
        commitment) is not duplicated; a different salt for a commitment the table already keeps
        is refused (InputError), and the salt kept first stays: a commitment has one salt, the
        one that opens it (the constraint `uq_commitment_salts` holds the table to it even
        against a concurrent publisher)."""
        if not records:
            return
        import sqlalchemy as sa

        from ._engine import store_errors
        from ._schema import commitment_salts

        now = _now()
        try:
            with store_errors(self.reg.url, "keeping commitment salts"):
                with self.reg.engine.connect().execution_options(casegate_write=True) as conn, conn.begin():
                    for r in records:
                        have = conn.execute(sa.select(commitment_salts.c.salt).where(
                            commitment_salts.c.case_id == r.case_id,
                            commitment_salts.c.case_version == r.case_version,
                            commitment_salts.c.pointer == r.pointer,
                            commitment_salts.c.commitment == r.commitment)).first()
                        if have is None:
                            conn.execute(commitment_salts.insert().values(
                                case_id=r.case_id, case_version=r.case_version, pointer=r.pointer,
                                salt=r.salt.hex(), commitment=r.commitment, created_at=now))
                        elif str(have.salt) != r.salt.hex():
                            raise _second_salt(self.where, r)
        except StoreError:
            # a publisher that kept the same commitment between the look-up and the insert: the
            # unique constraint refused the row; say which, when the salts differ
            for r in records:
                kept = [k for k in self.commitment_salts(r.case_id, r.case_version)
                        if k.pointer == r.pointer and k.commitment == r.commitment]
                if kept and kept[0].salt != r.salt:
                    raise _second_salt(self.where, r) from None
            raise


def _second_salt(where: str, r: SaltRecord) -> InputError:
    return InputError(
        f"{where} already keeps a different salt for the pointer {r.pointer} of case {r.case_id!r} "
        f"version {r.case_version!r} with the commitment {r.commitment}; a commitment keeps one salt, "
        "the one kept first: nothing of this batch was kept",
        help="a salt is drawn once per commitment: a second one comes from an edited or merged copy of "
             "the salts; compare it with your escrow copy (`casegate publish export-salts`)")


def _record(case_id: Any, version: Any, pointer: Any, salt: Any, commitment: Any, where: str,
            index: int | None = None) -> SaltRecord:
    """One kept salt, checked (`where`, and the record's `index` in a file, name it in the error;
    written only then: a store holds thousands)."""
    if not (isinstance(case_id, str) and isinstance(version, str) and isinstance(pointer, str)
            and isinstance(salt, str) and _HEX64.match(salt)
            and isinstance(commitment, str) and _COMMITMENT.match(commitment)):
        if index is not None:
            where = f"{where}: salts[{index}]"
        raise InputError(f"{where}: a kept salt is malformed ({pointer!r} of {case_id!r} {version!r})",
                         help="restore the salt store from your escrow copy")
    return SaltRecord(case_id, version, pointer, bytes.fromhex(salt), commitment)


_HEX64_RUN = kept(r"[0-9a-f]{64}(?:,[0-9a-f]{64})*")
_COMMITMENT_RUN = kept(r"sha256:[0-9a-f]{64}(?:,sha256:[0-9a-f]{64})*")


def _plain_records(case_ids: list[Any], versions: list[Any], pointers: list[Any], salts: list[Any],
                   commitments: list[Any]) -> list[SaltRecord] | None:
    """The kept salts of these rows (the five lists taken side by side) when every row is plainly
    well formed, checked for the lot at once: a store holds thousands of salts, and a check per
    row costs more than reading them. None when any row is not plainly well formed (text of
    another kind, a salt or commitment the joined patterns refuse): `_record` then checks the rows
    one by one and names the first malformed one. Accepts nothing `_record` refuses."""
    n = len(case_ids)
    if not n:
        return []
    if {*map(type, chain(case_ids, versions, pointers, salts, commitments))} != {str}:
        return None
    # joined, each salt one 64-digit run and each commitment one `sha256:` and 64 digits: the
    # patterns find runs between the commas, and the lengths say there is one run per row
    joined_salts, joined_commitments = ",".join(salts), ",".join(commitments)
    if len(joined_salts) != 65 * n - 1 or len(joined_commitments) != 72 * n - 1 \
            or not _HEX64_RUN.fullmatch(joined_salts) or not _COMMITMENT_RUN.fullmatch(joined_commitments):
        return None
    return list(map(SaltRecord, case_ids, versions, pointers, map(bytes.fromhex, salts), commitments))


def _registry_records(rows: list[Any]) -> list[SaltRecord]:
    """The kept salts of the registry's rows, checked (`_plain_records`, else row by row)."""
    columns = ([r.case_id for r in rows], [r.case_version for r in rows], [r.pointer for r in rows],
               [r.salt for r in rows], [r.commitment for r in rows])
    got = _plain_records(*columns)
    if got is not None:
        return got
    return [_record(*row, "the registry") for row in zip(*columns, strict=True)]


# --------------------------------------------------------------------------- in a file


_FIELDS = ("case", "case_version", "pointer", "salt", "commitment")
"""The fields of a kept salt in a salt-store file, in `_plain_records`' order."""


class FileSaltStore:
    """A private JSON file of salts (mode 0600), for publishing without a registry.

    `{"casegate_salts": 1, "salts": [{"case", "case_version", "pointer", "salt", "commitment"}]}`;
    writes replace the file atomically under an exclusive lock, so concurrent publications
    never lose each other's salts."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def where(self) -> str:
        return f"the salt store {self.path}"

    def _read(self) -> list[SaltRecord]:
        if not self.path.exists():
            return []
        data = strict_json(read_regular_file(self.path, str(self.path), limit="json_bytes"), str(self.path))
        if not isinstance(data, dict) or data.get("casegate_salts") != SALT_STORE_VERSION \
                or not isinstance(data.get("salts"), list):
            raise InputError(f"{self.path}: not a casegate salt store of version {SALT_STORE_VERSION}",
                             help="pass the file written by `casegate publish --salt-store`")
        where = str(self.path)
        rows = data["salts"]
        if {*map(type, rows)} <= {dict}:  # the kept salts checked all at once (`_plain_records`)
            columns = [list(map(dict.get, rows, repeat(k))) for k in _FIELDS]
            got = _plain_records(*columns)
            if got is not None and len({*zip(*columns[:3], columns[4], strict=True)}) == len(got):
                return got
        # a malformed or repeated salt: reading them one by one says which
        out = []
        first: dict[tuple[str, str, str, str], int] = {}
        for i, s in enumerate(rows):
            if not isinstance(s, dict):
                raise InputError(f"{self.path}: salts[{i}] is not an object")
            r = _record(s.get("case"), s.get("case_version"), s.get("pointer"), s.get("salt"),
                        s.get("commitment"), where, i)
            # one salt per commitment: a pointer has several only when its content changed within
            # a version, each then with its own commitment
            j = first.setdefault((r.case_id, r.case_version, r.pointer, r.commitment), i)
            if j != i:
                raise InputError(
                    f"{self.path}: salts[{j}] and salts[{i}] both keep a salt for the pointer {r.pointer} of "
                    f"case {r.case_id!r} version {r.case_version!r} with one commitment ({r.commitment}); "
                    "a store keeps each commitment's salt once",
                    help="restore the salt store from your escrow copy (a copy of it was edited or merged)")
            out.append(r)
        return out

    def commitment_salts(self, case_id: str, case_version: str) -> list[SaltRecord]:
        return [r for r in self._read() if r.case_id == case_id and r.case_version == case_version]

    def all_salts(self) -> list[SaltRecord]:
        """Every salt in the file."""
        return self._read()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def keep_commitment_salts(self, records: Sequence[SaltRecord]) -> None:
        if not records:
            return
        with self._locked():
            kept = self._read()
            seen = {(r.case_id, r.case_version, r.pointer, r.commitment) for r in kept}
            for r in records:
                k = (r.case_id, r.case_version, r.pointer, r.commitment)
                if k not in seen:
                    kept.append(r)
                    seen.add(k)
            doc = {"casegate_salts": SALT_STORE_VERSION, "salts": [
                {"case": r.case_id, "case_version": r.case_version, "pointer": r.pointer,
                 "salt": r.salt.hex(), "commitment": r.commitment} for r in kept]}
            tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(doc, fh, indent=1)
                    fh.write("\n")
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(tmp, 0o600)
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                raise


class MemorySaltStore:
    """Salts kept in memory only (tests, previews that publish nothing)."""

    where = "memory"

    def __init__(self) -> None:
        self.records: list[SaltRecord] = []

    def commitment_salts(self, case_id: str, case_version: str) -> list[SaltRecord]:
        return [r for r in self.records if r.case_id == case_id and r.case_version == case_version]

    def all_salts(self) -> list[SaltRecord]:
        return list(self.records)

    def keep_commitment_salts(self, records: Sequence[SaltRecord]) -> None:
        seen = {(r.case_id, r.case_version, r.pointer, r.commitment) for r in self.records}
        self.records.extend(r for r in records if (r.case_id, r.case_version, r.pointer, r.commitment) not in seen)
