"""The registry's salt table keeps one salt per commitment, as a salt-store file does: a second,
different salt for a commitment it keeps is refused, and the first stays."""

from __future__ import annotations

import hashlib
import secrets

import pytest
import sqlalchemy as sa

from casegate.errors import InputError, StoreError
from casegate.store import Registry, RegistrySalts, SaltRecord


def _record(salt: bytes, pointer: str = "/evidence/E-bio") -> SaltRecord:
    return SaltRecord("atlas-2-api", "2.1.0", pointer, salt,
                      "sha256:" + hashlib.sha256(b"the element's content").hexdigest())


def test_a_second_salt_for_a_kept_commitment_is_refused_and_the_first_kept(registry: Registry) -> None:
    store = RegistrySalts(registry)
    first, second = secrets.token_bytes(32), secrets.token_bytes(32)
    store.keep_commitment_salts([_record(first)])
    store.keep_commitment_salts([_record(first)])  # the same salt again: kept once, no error
    other = _record(secrets.token_bytes(32), pointer="/evidence/E-cyber")
    with pytest.raises(InputError) as e:
        store.keep_commitment_salts([other, _record(second)])
    assert "already keeps a different salt for the pointer /evidence/E-bio" in e.value.message
    assert "the one kept first" in e.value.message
    kept = store.commitment_salts("atlas-2-api", "2.1.0")
    assert [(r.pointer, r.salt) for r in kept] == [("/evidence/E-bio", first)]  # nothing of the batch


def test_the_table_itself_refuses_a_second_row_for_a_commitment(registry: Registry) -> None:
    """A publisher that raced past the look-up (or wrote the row by hand) meets the table's
    unique constraint, on SQLite and on PostgreSQL alike."""
    from casegate.store._schema import commitment_salts

    store = RegistrySalts(registry)
    first = secrets.token_bytes(32)
    store.keep_commitment_salts([_record(first)])
    r = _record(secrets.token_bytes(32))
    with pytest.raises(sa.exc.IntegrityError):
        with registry.engine.connect() as conn, conn.begin():
            conn.execute(commitment_salts.insert().values(
                case_id=r.case_id, case_version=r.case_version, pointer=r.pointer, salt=r.salt.hex(),
                commitment=r.commitment, created_at="2026-12-03T00:00:00Z"))
    assert [k.salt for k in store.commitment_salts("atlas-2-api", "2.1.0")] == [first]


def test_a_concurrent_second_salt_is_named_after_the_constraint_refused_it(registry: Registry,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the look-up and the insert another publisher kept the commitment: the constraint
    refuses the row, and the error says so in the same words, not as a database failure."""
    store = RegistrySalts(registry)
    first = secrets.token_bytes(32)
    real = store.commitment_salts
    calls = {"n": 0}

    def kept_meanwhile(case_id: str, version: str) -> list[SaltRecord]:
        calls["n"] += 1
        return real(case_id, version)

    store.keep_commitment_salts([_record(first)])
    monkeypatch.setattr(store, "commitment_salts", kept_meanwhile)
    original_select = sa.select

    # the look-up finds no row (as in the race); the insert then meets the first
    def blind_select(*cols: object) -> object:
        q = original_select(*cols)
        if cols and getattr(cols[0], "name", None) == "salt":
            return q.where(sa.false())
        return q

    monkeypatch.setattr(sa, "select", blind_select)
    with pytest.raises(InputError) as e:
        store.keep_commitment_salts([_record(secrets.token_bytes(32))])
    monkeypatch.setattr(sa, "select", original_select)
    assert "already keeps a different salt" in e.value.message
    assert calls["n"] == 1
    assert [k.salt for k in real("atlas-2-api", "2.1.0")] == [first]
    assert not issubclass(InputError, StoreError)
