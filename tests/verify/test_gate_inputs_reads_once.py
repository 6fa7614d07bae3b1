"""`gate` with a keyring reads and verifies the case's objections, answers and authors lists once,
with or without `--preview`: the evidence attestations (their authors) and the sign-offs (judged
beside the objections) are checked against that one reading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, get_type_hints

import pytest
from pydantic import ConfigDict, TypeAdapter

import casegate.sign
import casegate.sign._dissent
import casegate.verify._collect
from casegate.load import load_case
from casegate.sign import load_keyring
from casegate.verify import gate_inputs

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"


@pytest.mark.parametrize("preview", [False, True])
def test_a_keyed_gate_gathers_the_dissent_once(monkeypatch: pytest.MonkeyPatch, preview: bool) -> None:
    real = casegate.sign._dissent.gather
    calls: list[Any] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    # every name the gather is reached by
    monkeypatch.setattr(casegate.sign._dissent, "gather", counted)
    monkeypatch.setattr(casegate.sign, "gather", counted, raising=False)
    monkeypatch.setattr(casegate.verify._collect, "gather", counted)
    loaded = load_case(ATLAS / "case.yaml", keep_data=True)
    ring = load_keyring(ATLAS / "keys" / "keyring.yaml")
    inputs = gate_inputs(loaded, ring, dt.date(2026, 12, 1), preview=preview)
    assert len(calls) == 1
    assert inputs.loaded.attestations is not None and inputs.loaded.attestations.attestations
    assert inputs.loaded.authority is not None or preview


@pytest.mark.parametrize("preview", [False, True])
@pytest.mark.parametrize("keyed", [False, True])
def test_the_authority_check_holds_values_of_its_declared_types(preview: bool, keyed: bool) -> None:
    # it is a record built from values casegate holds, never validated: strict validation of each
    # field against its declared type must give the value back unchanged
    from casegate.model import AuthorityCheck, UnsignedSignoff

    loaded = load_case(ATLAS / "case.yaml", keep_data=True)
    ring = load_keyring(ATLAS / "keys" / "keyring.yaml") if keyed else None
    auth = gate_inputs(loaded, ring, dt.date(2026, 12, 1), preview=preview).loaded.authority
    if preview and not keyed:
        assert auth is None
        return
    assert auth is not None and (auth.unsigned or auth.holders)
    assert (auth.keyring is not None) == keyed
    records = ConfigDict(arbitrary_types_allowed=True)
    for record in (auth, *auth.unsigned):
        assert type(record) in (AuthorityCheck, UnsignedSignoff)
        declared = get_type_hints(type(record))
        for name in record._fields:
            value = getattr(record, name)
            assert TypeAdapter(declared[name], config=records).validate_python(value, strict=True) == value, name
