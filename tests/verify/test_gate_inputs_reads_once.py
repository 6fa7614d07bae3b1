"""`gate` with a keyring reads and verifies the case's objections, answers and authors lists once,
with or without `--preview`: the evidence attestations (their authors) and the sign-offs (judged
beside the objections) are checked against that one reading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

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
def test_the_authority_check_built_unvalidated_is_what_validation_makes(preview: bool, keyed: bool) -> None:
    # it is built without validation (nothing in it comes from input the models have not checked):
    # validating what it holds must give it back unchanged, with every value of its declared type
    from casegate.model import AuthorityCheck

    loaded = load_case(ATLAS / "case.yaml", keep_data=True)
    ring = load_keyring(ATLAS / "keys" / "keyring.yaml") if keyed else None
    auth = gate_inputs(loaded, ring, dt.date(2026, 12, 1), preview=preview).loaded.authority
    if preview and not keyed:
        assert auth is None
        return
    assert auth is not None and (auth.unsigned or auth.holders)
    again = AuthorityCheck.model_validate(auth.model_dump(), strict=True)
    assert again == auth and again.model_dump() == auth.model_dump()
    assert all(type(u).model_validate(u.model_dump(), strict=True) == u for u in auth.unsigned)
