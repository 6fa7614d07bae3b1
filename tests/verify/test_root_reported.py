"""`state show` and the review board give their deployable answer under the trust root a pipeline
holds (`--trust-root`, default $CASEGATE_TRUST_ROOT), held to the root versions the registry's
log records as `verify --db` holds it: a root the log records a newer version of, or one written
`trust rotate --unlogged` that no log records, is "not verified" there as in `verify`, where it
said DEPLOYABLE (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from casegate.store import open_registry
from casegate.trust import TRUST_ROOT_EVENT
from casegate.verify import deploy_state
from tests.verify.test_trust_attacks import Setup, setup  # noqa: F401 - the fixture
from tests.verify.trusted import (
    CASE,
    cli_in_process,
    cli_split,
    demo_deployable,
)

NEWER = "newer than version 1 held"
NEVER_LOGGED = "trust root version 2 was never logged"


@pytest.fixture(autouse=True)
def _no_default_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEGATE_TRUST_ROOT", raising=False)
    monkeypatch.delenv("CASEGATE_DATABASE_URL", raising=False)


def _rotate(s: Setup, *extra: str) -> None:
    """A rotation that replaces nothing the decision rests on (the checkpoint age only)."""
    rc, text = cli_in_process(s.path, "trust", "rotate", str(s.trust.dir), "--max-checkpoint-age", "12h",
                              "--sign-with", str(s.trust.root_key), *extra)
    assert rc == 0, text


def _show(s: Setup, *extra: str) -> dict:  # type: ignore[type-arg]
    rc, text, err = cli_split(s.path, "state", "show", CASE, "--db", s.db, "--keyring", str(s.w.ring_path),
                              "--json", *extra)
    assert rc == 0, text + err
    return json.loads(text)["now"]  # type: ignore[no-any-return]


def _v1(s: Setup) -> str:
    v1 = s.path / "v1" / "1.root.json"
    v1.parent.mkdir(exist_ok=True)
    v1.write_bytes((s.trust.dir / "1.root.json").read_bytes())
    return str(v1.parent)


def test_state_show_under_a_replaced_root_is_not_verified(setup: Setup) -> None:  # noqa: F811
    held = _v1(setup)
    _rotate(setup, "--db", setup.db)
    with open_registry(setup.db) as reg:
        assert [e.payload["version"] for e in reg.events(kind=TRUST_ROOT_EVENT)] == [2]
    assert demo_deployable(_show(setup, "--trust-root", str(setup.trust.dir)))
    # the pipeline still holds version 1 (signed, unexpired): verify --db refuses it, and so does state show
    now = _show(setup, "--trust-root", held)
    assert now["status"] == "not-verified" and NEWER in now["reasons"][0], now
    assert "trust root replaced" in now["causes"]
    rc, text = cli_in_process(setup.path, "state", "show", CASE, "--db", setup.db, "--keyring", str(setup.w.ring_path),
                              "--trust-root", held)
    assert rc == 0 and f"{CASE}: NOT VERIFIED: the log records trust root version 2" in text, text


def test_state_show_and_the_board_under_a_root_never_logged(setup: Setup) -> None:  # noqa: F811
    _rotate(setup, "--unlogged")
    now = _show(setup, "--trust-root", str(setup.trust.dir))
    assert now["status"] == "not-verified" and NEVER_LOGGED in now["reasons"][0], now
    assert "trust root never logged" in now["causes"]
    # the board started with the same root says so on its pages
    from casegate.web import Settings, TokenStore, create_app

    store = TokenStore(setup.path / "tokens.json")
    token = store.create("Sam Whitfield", ["rso"])[1]
    app = create_app(Settings(database_url=setup.db, keyring=setup.w.ring_path, tokens=setup.path / "tokens.json",
                              secret=b"s", trust_root=setup.trust.dir))
    page = TestClient(app).get(f"/cases/{CASE}", headers={"Authorization": f"Bearer {token}"}).text
    assert "NOT VERIFIED" in page and NEVER_LOGGED in page, page[:2000]
    # once `trust record` logs it, the answer is given again
    rc, text = cli_in_process(setup.path, "trust", "record", str(setup.trust.dir), "--db", setup.db)
    assert rc == 0, text
    assert demo_deployable(_show(setup, "--trust-root", str(setup.trust.dir)))
    with open_registry(setup.db, readonly=True) as reg:
        assert demo_deployable(deploy_state(reg, CASE, setup.w.ring))  # no root given: judged as before


def test_a_root_that_does_not_verify(setup: Setup) -> None:  # noqa: F811
    bad = setup.path / "bad.root.json"
    bad.write_text((setup.trust.dir / "1.root.json").read_text().replace('"version": 1', '"version": 7', 1))
    now = _show(setup, "--trust-root", str(bad))
    assert now["status"] == "not-verified" and "trust root does not verify" in now["causes"], now
    from casegate.errors import InputError
    from casegate.web import Settings, create_app

    with pytest.raises(InputError):
        create_app(Settings(database_url=setup.db, keyring=setup.w.ring_path, trust_root=bad))
