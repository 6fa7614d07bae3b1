"""Root signatures collected one holder at a time (`trust init|rotate --draft`, `trust sign`,
`trust publish`), through the real commands: a draft short of the threshold never verifies and
is never published; a stranger's key, or the same holder twice, is refused; a rotation needs the
previous version's holders too. And keyring changes are logged whenever a registry is in use
(SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casegate.store import open_registry
from casegate.trust import TrustRootError, load_trust_root

from .test_root import KEYRING, POLICY, cg


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    for k in ("a", "b", "c", "d", "log", "stranger"):
        assert cg(tmp_path, "keys", "generate", f"{k}.key")[0] == 0
    return tmp_path


def _draft(d: Path) -> tuple[int, str]:
    return cg(d, "trust", "init", "trust", "--root-key", "a.key.pub", "--root-key", "b.key.pub",
              "--root-key", "c.key.pub", "--threshold", "2", "--policy", str(POLICY), "--keyring", str(KEYRING),
              "--log-key", "log.key.pub", "--origin", "t.example/log", "--expires", "30d", "--draft", "draft.json")


def test_holders_sign_one_at_a_time_and_the_threshold_publishes(keys: Path) -> None:
    rc, text = _draft(keys)
    assert rc == 0, text
    assert "0 signature(s); still short" in text and not (keys / "trust" / "1.root.json").exists()
    rc, text = cg(keys, "trust", "sign", "draft.json", "--key", "a.key")
    assert rc == 0 and "1 signature(s); still short" in text, text
    # one holder's signature is not a root: it neither verifies nor publishes
    with pytest.raises(TrustRootError):
        load_trust_root(keys / "draft.json")
    rc, text = cg(keys, "trust", "publish", "trust", "draft.json")
    assert rc == 1 and "threshold is 2" in text and not (keys / "trust" / "1.root.json").exists()
    rc, text = cg(keys, "trust", "sign", "draft.json", "--key", "a.key")
    assert rc == 2 and "already signed" in text
    rc, text = cg(keys, "trust", "sign", "draft.json", "--key", "stranger.key")
    assert rc == 2 and "is not a root key" in text
    rc, text = cg(keys, "trust", "sign", "draft.json", "--key", "c.key")
    assert rc == 0 and "the threshold is met" in text, text
    assert load_trust_root(keys / "draft.json").version == 1
    rc, text = cg(keys, "trust", "publish", "trust", "draft.json")
    assert rc == 0, text
    assert load_trust_root(keys / "trust").version == 1


def test_a_rotation_draft_needs_the_previous_holders(keys: Path) -> None:
    assert _draft(keys)[0] == 0
    for k in ("a", "b"):
        assert cg(keys, "trust", "sign", "draft.json", "--key", f"{k}.key")[0] == 0
    assert cg(keys, "trust", "publish", "trust", "draft.json")[0] == 0
    # version 2 moves to keys c and d (1 of 2); the holders of version 1 (2 of 3) must sign too
    rc, text = cg(keys, "trust", "rotate", "trust", "--unlogged", "--root-key", "c.key.pub", "--root-key", "d.key.pub",
                  "--threshold", "1", "--draft", "v2.json")
    assert rc == 0, text
    rc, text = cg(keys, "trust", "sign", "v2.json", "--key", "a.key")
    assert rc == 2 and "--chain" in text
    for k in ("d", "a"):
        rc, text = cg(keys, "trust", "sign", "v2.json", "--key", f"{k}.key", "--chain", "trust")
        assert rc == 0, text
    rc, text = cg(keys, "trust", "publish", "trust", "v2.json")
    assert rc == 1 and "the previous version's root keys; the threshold is 2" in text
    assert load_trust_root(keys / "trust").version == 1
    assert cg(keys, "trust", "sign", "v2.json", "--key", "b.key", "--chain", "trust")[0] == 0
    rc, text = cg(keys, "trust", "publish", "trust", "v2.json")
    assert rc == 0, text
    root = load_trust_root(keys / "trust")
    assert root.version == 2 and root.chain == 2


def test_keyring_changes_are_logged_whenever_a_registry_is_in_use(keys: Path, database_url: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """`keys add`, `keys revoke` and `trust init` record in the log of the registry named by
    $CASEGATE_DATABASE_URL with no --db; a compromise with no date refuses every signature."""
    monkeypatch.setenv("CASEGATE_DATABASE_URL", database_url)
    rc, text = cg(keys, "keys", "add", "ring.yaml", "--public", "a.key.pub", "--person", "Ann Example",
                  "--role", "rso", "--from", "2026-01-01", "--until", "2027-12-31")
    assert rc == 0 and "recorded the keyring change in the log" in text, text
    keyid = json.loads(cg(keys, "keys", "show", "ring.yaml", "--format", "json")[1])["keys"][0]["keyid"]
    rc, text = cg(keys, "keys", "revoke", "ring.yaml", keyid[:12], "--reason", "laptop stolen")
    assert rc == 0 and "every signature this key ever made is refused" in text, text
    shown = json.loads(cg(keys, "keys", "show", "ring.yaml", "--format", "json")[1])["keys"][0]
    assert shown["revoked"] == {"at": "2026-01-01", "reason": "laptop stolen", "kind": "compromised"}
    rc, text = cg(keys, "trust", "init", "trust", "--root-key", "a.key.pub", "--sign-with", "a.key",
                  "--policy", str(POLICY), "--keyring", "ring.yaml", "--log-key", "log.key.pub",
                  "--origin", "t.example/log")
    assert rc == 0 and "recorded trust root version 1 in the log" in text, text
    with open_registry(database_url) as reg:
        changes = reg.events(kind="keyring-change")
        roots = reg.events(kind="trust-root")
    assert [c.payload["change"] for c in changes] == ["add-key", "revoke-key"]
    assert changes[1].payload["kind"] == "compromised" and changes[1].payload["keyid"] == keyid
    assert changes[1].payload["fingerprint_before"] == changes[0].payload["fingerprint"]
    assert roots and roots[0].payload["keyring"] == changes[1].payload["fingerprint"]
