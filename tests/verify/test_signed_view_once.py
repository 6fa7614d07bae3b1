"""The board's reading of a stored case file's objections (`web._views.case_file_standings`) judges
the signed statements once: the case as the gate reads it and the objections whose envelope does
not verify come from the same `resolve`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegate import sign
from casegate.load import load_case
from casegate.sign import load_keyring
from casegate.verify._signed import signed_view, signed_view_and_unverified, unverified_objections
from casegate.web._views import _NOT_VERIFIED, case_file_standings
from tests.security._approved import World


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return World(tmp_path_factory.mktemp("signed-view"))


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = sign.resolve

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(sign, "resolve", counting)
    return calls


@pytest.mark.parametrize("damaged", [False, True], ids=["verifies", "does-not-verify"])
def test_one_resolution_serves_the_view_and_the_unverified(world: World, tmp_path: Path, damaged: bool,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    where = world.copy(tmp_path / "w", case=True)
    if damaged:  # O-2's statement replaced by bytes that verify as nothing
        (where / "case" / "objections" / "O-2.dsse.json").write_text('{"payload": "e30=", "payloadType": "x"}')
    loaded = load_case(where / "case" / "case.yaml")
    keyring = load_keyring(where / "keyring.yaml")
    calls = _counted(monkeypatch)
    _, standings = case_file_standings(loaded, keyring)
    assert len(calls) == 1
    assert (standings.get("O-2") == _NOT_VERIFIED) is damaged
    assert "O-2" in standings

    # the pair is what the two separate readings give
    import datetime as dt

    dissent = sign.gather(loaded, keyring, dt.datetime.now(dt.UTC))
    view, unverified = signed_view_and_unverified(loaded, dissent)
    alone = signed_view(loaded, dissent)
    assert view.case == alone.case
    signed_ids = {st.id for st in sign.resolve(dissent.objections, dissent.answers, loaded.policy.signoff,
                                               loaded.case.boundary.kind if loaded.case.boundary else None)}
    assert unverified == unverified_objections(loaded, signed_ids)
    assert ("O-2" in unverified) is damaged
