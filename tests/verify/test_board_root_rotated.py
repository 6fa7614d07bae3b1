"""The review board started with `serve --trust-root` takes up a root rotation the log records
without a restart: from the chain directory (or file) it was started with, only a version that
verifies, chains from the one it holds and is the one the log records. A version it cannot have
(not there, forged, another chain, a file skipping versions) leaves it saying its root is
replaced, with what to do (fail closed)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from casegate.store import open_registry
from casegate.trust import TRUST_ROOT_EVENT, load_trust_root, root_entry
from tests.verify.test_root_reported import NEWER, _no_default_root, _rotate  # noqa: F401 - the fixture
from tests.verify.test_trust_attacks import Setup, setup  # noqa: F401 - the fixture
from tests.verify.trusted import CASE, DEMONSTRATION, cli_in_process, make_trust

TAKE_UP = "could not take up version 2, which the log records"
RESTART = "or restart the board with <code>casegate serve --trust-root DIR</code>"


def _board(s: Setup, root: Path) -> tuple[TestClient, dict[str, str]]:
    from casegate.web import Settings, TokenStore, create_app

    store = TokenStore(s.path / "tokens.json")
    token = store.create("Sam Whitfield", ["rso"])[1]
    app = create_app(Settings(database_url=s.db, keyring=s.w.ring_path, tokens=s.path / "tokens.json",
                              secret=b"s", trust_root=root))
    return TestClient(app), {"Authorization": f"Bearer {token}"}


def _page(client: TestClient, auth: dict[str, str]) -> str:
    r = client.get(f"/cases/{CASE}", headers=auth)
    assert r.status_code == 200, r.text[:500]
    return r.text


def _demo_only(page: str) -> bool:
    """The board's answer is "not verified" for the published example keys alone (the tests'
    keyrings hold them): everything else deployable."""
    import html

    why = page.split('id="state-why"', 1)[1].split("</ul>", 1)[0] if 'id="state-why"' in page else ""
    return 'data-status="not-verified"' in page and why.count("<li>") == 1 and DEMONSTRATION in html.unescape(why)


def _copy_v1(s: Setup, name: str = "held") -> Path:
    """The board's own chain directory, holding version 1 as the deployers' did at start-up."""
    d = s.path / name
    d.mkdir()
    shutil.copyfile(s.trust.dir / "1.root.json", d / "1.root.json")
    return d


def test_the_board_takes_up_a_rotation_from_its_chain_directory(setup: Setup) -> None:  # noqa: F811
    client, auth = _board(setup, setup.trust.dir)
    page = _page(client, auth)
    assert _demo_only(page), page[:2000]
    _rotate(setup, "--db", setup.db)  # writes 2.root.json into the chain directory and logs it
    page = _page(client, auth)
    assert _demo_only(page) and NEWER not in page, page[:3000]
    assert client.app.state.board.trust_root.version == 2  # type: ignore[attr-defined]
    # and a second rotation the same way
    _rotate(setup, "--db", setup.db)
    assert _demo_only(_page(client, auth))
    assert client.app.state.board.trust_root.version == 3  # type: ignore[attr-defined]


def test_a_rotation_the_board_cannot_obtain_leaves_it_replaced_naming_the_action(setup: Setup) -> None:  # noqa: F811
    held = _copy_v1(setup)
    client, auth = _board(setup, held)
    assert _demo_only(_page(client, auth))
    _rotate(setup, "--db", setup.db)  # the deployers' chain moves on; the board's directory does not
    page = _page(client, auth)
    assert "NOT VERIFIED" in page and TAKE_UP in page and RESTART in page, page[:3000]
    assert NEWER in page  # verify's own reason stays
    assert str(held) not in page  # a server path is never shown
    # once the operator puts the new version in its directory, it is taken up
    shutil.copyfile(setup.trust.dir / "2.root.json", held / "2.root.json")
    page = _page(client, auth)
    assert _demo_only(page) and TAKE_UP not in page, page[:3000]


def test_a_forged_next_version_in_the_board_directory_is_not_taken_up(setup: Setup) -> None:  # noqa: F811
    """Someone who can write the board's trust directory, with no root key, drops in a version 2
    pinning what they like (the genuine one's body edited: its signatures no longer verify)."""
    held = _copy_v1(setup)
    client, auth = _board(setup, held)
    _rotate(setup, "--db", setup.db)
    doc = json.loads((setup.trust.dir / "2.root.json").read_text())
    doc["signed"]["expires"] = "2099-01-01T00:00:00Z"
    (held / "2.root.json").write_text(json.dumps(doc))
    page = _page(client, auth)
    assert "NOT VERIFIED" in page and TAKE_UP in page and "does not verify" in page, page[:3000]
    assert client.app.state.board.trust_root.version == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("as_file", [False, True])
def test_another_chain_in_the_board_directory_is_not_taken_up(setup: Setup, as_file: bool) -> None:  # noqa: F811
    """The board's directory (or file) is swapped for another organisation's chain (its own root
    keys, versions 1 and 2), whose version 2 someone with write access to the registry recorded in
    the log as its first version 2: it verifies on its own and is the version the log records, but
    does not chain from the version 1 the board holds."""
    if as_file:
        held = setup.path / "held.root.json"
        shutil.copyfile(setup.trust.dir / "1.root.json", held)
    else:
        held = _copy_v1(setup)
    client, auth = _board(setup, held)
    other = make_trust(setup.path / "other", policy=setup.w.dir / "policy.yaml", keyring=setup.w.ring_path)
    rc, text = cli_in_process(setup.path, "trust", "rotate", str(other.dir), "--max-checkpoint-age", "12h",
                              "--sign-with", str(other.root_key), "--unlogged")
    assert rc == 0, text
    with open_registry(setup.db) as reg:
        reg.record(TRUST_ROOT_EVENT, None, root_entry(load_trust_root(other.dir), other.dir / "2.root.json"))
    if as_file:
        shutil.copyfile(other.dir / "2.root.json", held)
    else:
        for f in ("1.root.json", "2.root.json"):
            shutil.copyfile(other.dir / f, held / f)
    page = _page(client, auth)
    assert "NOT VERIFIED" in page and TAKE_UP in page, page[:3000]
    assert ("does not verify" if as_file else "does not chain from the root held") in page, page[:3000]
    assert client.app.state.board.trust_root.version == 1  # type: ignore[attr-defined]


def test_a_version_the_log_does_not_record_is_not_taken_up(setup: Setup) -> None:  # noqa: F811
    """The chain directory's version 2 verifies and chains, but the log records another version 2
    (a fork of the root: two versions 2 signed by the same holders)."""
    held = _copy_v1(setup)
    client, auth = _board(setup, held)
    _rotate(setup, "--db", setup.db)
    fork = setup.path / "fork"
    fork.mkdir()
    shutil.copyfile(held / "1.root.json", fork / "1.root.json")
    rc, text = cli_in_process(setup.path, "trust", "rotate", str(fork), "--max-checkpoint-age", "6h",
                              "--sign-with", str(setup.trust.root_key), "--unlogged")
    assert rc == 0, text
    shutil.copyfile(fork / "2.root.json", held / "2.root.json")
    with open_registry(setup.db, readonly=True) as reg:
        assert [e.payload["version"] for e in reg.events(kind=TRUST_ROOT_EVENT)] == [2]
    page = _page(client, auth)
    assert "NOT VERIFIED" in page and "is not a version the log records" in page, page[:3000]
    assert client.app.state.board.trust_root.version == 1  # type: ignore[attr-defined]
    # recorded after the genuine version 2 (by someone who can write the registry): the log's
    # version 2 is still its first entry of that number, and the fork is not taken up
    with open_registry(setup.db) as reg:
        reg.record(TRUST_ROOT_EVENT, None, root_entry(load_trust_root(fork), fork / "2.root.json"))
    page = _page(client, auth)
    assert "NOT VERIFIED" in page and "is not a version the log records" in page, page[:3000]
    assert client.app.state.board.trust_root.version == 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("skip", [False, True])
def test_a_board_started_with_a_root_file(setup: Setup, skip: bool) -> None:  # noqa: F811
    """Started with one root file: the operator overwrites it with the next version, checked
    against the one held; a file two versions on cannot show the chain and is not taken up."""
    held = setup.path / "held.root.json"
    shutil.copyfile(setup.trust.dir / "1.root.json", held)
    client, auth = _board(setup, held)
    _rotate(setup, "--db", setup.db)
    if skip:
        _rotate(setup, "--db", setup.db)
        shutil.copyfile(setup.trust.dir / "3.root.json", held)
        page = _page(client, auth)
        assert "NOT VERIFIED" in page and "could not take up version 3" in page, page[:3000]
        assert "one file cannot show that it chains" in page
        return
    assert not _demo_only(_page(client, auth))
    shutil.copyfile(setup.trust.dir / "2.root.json", held)
    page = _page(client, auth)
    assert _demo_only(page), page[:3000]
    assert client.app.state.board.trust_root.version == 2  # type: ignore[attr-defined]
