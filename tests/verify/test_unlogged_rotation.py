"""A trust root rotation the registry's log never records: the root holders (the lab) rotate with
no registry at hand, the checkpoint keeps saying `casegate-trust-root none`, and a pipeline that
keeps no `--seen` file can be handed the version the rotation replaced (signed, unexpired, still
pinning the policy version 2 replaced). `trust rotate` and `trust publish` now refuse a rotation
with no registry configured, unless `--unlogged`, which the new version signs into its pins; and
`verify` consulting the registry (`--db`, `--state-proof`) refuses such a version until `trust
record` records it (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.store import open_registry
from casegate.trust import TRUST_ROOT_EVENT, load_trust_root
from tests._deploy import RATE_LIMITS
from tests.verify.test_trust_attacks import MODEL, Setup, setup  # noqa: F401 - the fixture
from tests.verify.trusted import CASE, cli_in_process

__all__ = ["setup"]

NEVER_LOGGED = "trust root version 2 was never logged"


@pytest.fixture(autouse=True)
def _no_default_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEGATE_DATABASE_URL", raising=False)


def _newer_policy(s: Setup) -> Path:
    newer = s.path / "policy-3.2.yaml"
    newer.write_text((s.w.dir / "policy.yaml").read_text().replace('version: "3.1"', 'version: "3.2"', 1))
    return newer


def _rotate(s: Setup, *extra: str) -> tuple[int, str]:
    return cli_in_process(s.path, "trust", "rotate", str(s.trust.dir), "--policy", str(_newer_policy(s)),
                          "--sign-with", str(s.trust.root_key), *extra)


def _verify(s: Setup, root: str, *extra: str) -> tuple[int, str]:
    return cli_in_process(s.path, "verify", "--bundle", str(s.path / "bundle.json"), "--model-digest", MODEL,
                          "--boundary", "api", "--access", "self-serve", "--region", "US", *RATE_LIMITS,
                          "--keyring", str(s.w.ring_path), "--trust-root", root, *extra)


def _logged_roots(s: Setup) -> list[int]:
    with open_registry(s.db) as reg:
        return [e.payload["version"] for e in reg.events(kind=TRUST_ROOT_EVENT)]


def test_a_rotation_no_log_would_record_is_refused(setup: Setup) -> None:  # noqa: F811
    # the lab's move: rotate with no registry at hand
    rc, text = _rotate(setup)
    assert rc == 2, text
    assert "no registry is configured to record trust root version 2 in" in text and "--unlogged" in text, text
    assert not (setup.trust.dir / "2.root.json").exists()
    assert load_trust_root(setup.trust.dir).version == 1
    # a draft published with no registry is refused the same way (the holders signed no opt-out)
    rc, text = cli_in_process(setup.path, "trust", "rotate", str(setup.trust.dir), "--policy",
                              str(_newer_policy(setup)), "--sign-with", str(setup.trust.root_key),
                              "--draft", str(setup.path / "v2.json"))
    assert rc == 0, text
    rc, text = cli_in_process(setup.path, "trust", "publish", str(setup.trust.dir), str(setup.path / "v2.json"))
    assert rc == 2 and "no registry is configured to record trust root version 2 in" in text, text
    assert "--draft FILE --unlogged" in text, text
    assert not (setup.trust.dir / "2.root.json").exists()
    # with the registry the rotation is logged, and version 1 handed back is refused
    rc, text = cli_in_process(setup.path, "trust", "publish", str(setup.trust.dir), str(setup.path / "v2.json"),
                              "--db", setup.db)
    assert rc == 0, text
    assert _logged_roots(setup) == [2]
    v1 = setup.path / "v1.root.json"
    v1.write_bytes((setup.trust.dir / "1.root.json").read_bytes())
    setup.trust.checkpoint(setup.db)
    rc, text = _verify(setup, str(v1), "--db", setup.db)
    assert rc == 1 and "newer than version 1 held" in text, text


def test_an_unlogged_rotation_is_not_verified_where_the_registry_is_consulted(setup: Setup) -> None:  # noqa: F811
    rc, text = _rotate(setup, "--unlogged", "--db", setup.db)
    assert rc == 2 and "--unlogged and --db together" in text, text
    # the lab's move: rotate with the loud opt-out, so no log records version 2
    rc, text = _rotate(setup, "--unlogged")
    assert rc == 0 and "is recorded in no log (--unlogged)" in text, text
    root = load_trust_root(setup.trust.dir)
    assert root.version == 2 and root.pins.unlogged is True
    assert _logged_roots(setup) == []
    # a state proof (the checkpoint says `none`) and --db: never logged, not verified
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(setup.path / "p.json"), "--db", setup.db)
    assert rc == 0, text
    rc, text = _verify(setup, str(setup.trust.dir), "--state-proof", str(setup.path / "p.json"))
    assert rc == 1 and NEVER_LOGGED in text, text
    rc, text = _verify(setup, str(setup.trust.dir), "--db", setup.db)
    assert rc == 1 and NEVER_LOGGED in text, text
    # recorded afterwards (and a fresh checkpoint): verified again; recording twice is refused
    rc, text = cli_in_process(setup.path, "trust", "record", str(setup.trust.dir), "--db", setup.db)
    assert rc == 0 and "recorded trust root version 2" in text, text
    rc, text = cli_in_process(setup.path, "trust", "record", str(setup.trust.dir), "--db", setup.db)
    assert rc == 2 and "records trust root version 2 already" in text, text
    setup.trust.checkpoint(setup.db)
    rc, text = _verify(setup, str(setup.trust.dir), "--db", setup.db)
    assert NEVER_LOGGED not in text, text
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(setup.path / "p2.json"), "--db", setup.db)
    assert rc == 0, text
    rc, text = _verify(setup, str(setup.trust.dir), "--state-proof", str(setup.path / "p2.json"))
    assert NEVER_LOGGED not in text, text
    # and version 1 handed back is now refused by the log's record
    v1 = setup.path / "v1.root.json"
    v1.write_bytes((setup.trust.dir / "1.root.json").read_bytes())
    rc, text = _verify(setup, str(v1), "--state-proof", str(setup.path / "p2.json"))
    assert rc == 1 and "newer than version 1 held" in text, text


def test_the_mark_is_the_unlogged_versions_own(setup: Setup) -> None:  # noqa: F811
    """Version 3, rotated with the registry, does not carry version 2's mark."""
    assert _rotate(setup, "--unlogged")[0] == 0
    rc, text = cli_in_process(setup.path, "trust", "rotate", str(setup.trust.dir), "--max-checkpoint-age", "12h",
                              "--sign-with", str(setup.trust.root_key), "--db", setup.db)
    assert rc == 0, text
    root = load_trust_root(setup.trust.dir)
    assert root.version == 3 and root.pins.unlogged is None and _logged_roots(setup) == [3]
    assert dt.timedelta(seconds=root.pins.max_checkpoint_age_seconds) == dt.timedelta(hours=12)


def test_the_registry_judges_under_no_replaced_root(setup: Setup) -> None:  # noqa: F811
    """The lab's move at the registry: version 2 of the root is rotated and logged (it pins a newer
    policy); the lab then asks the registry to approve, or to record a public summary, under the
    version 1 file it kept (still signed, unexpired, pinning what version 2 replaced). The registry
    reads its own log's root record as `verify` does: refused, nothing logged."""
    import json

    from casegate.approve import publication_keyring, registry_judge
    from casegate.errors import VerificationError
    from casegate.monitor import read_decision

    rc, text = _rotate(setup, "--db", setup.db)
    assert rc == 0, text
    assert _logged_roots(setup) == [2]
    v1 = setup.path / "v1.root.json"
    v1.write_bytes((setup.trust.dir / "1.root.json").read_bytes())
    record, bundle = read_decision(json.dumps(setup.bundle), "bundle.json")
    before = setup.size()
    with open_registry(setup.db) as reg:
        with pytest.raises(VerificationError) as e:
            registry_judge(reg, record, setup.w.ring_path, v1, bundle)
        assert "newer than version 1 held" in str(e.value), e.value
        with pytest.raises(VerificationError) as e:
            publication_keyring(reg, CASE, 1, setup.w.ring_path, v1, outcome="NO-GO")
        assert "newer than version 1 held" in str(e.value), e.value
        # the current chain is judged (a NO-GO summary claims no policy pin)
        ring, stamp = publication_keyring(reg, CASE, 1, setup.w.ring_path, setup.trust.dir, outcome="NO-GO")
        assert stamp["trust_root"] == 2
    assert setup.size() == before


def test_the_registry_judges_under_no_unlogged_root(setup: Setup) -> None:  # noqa: F811
    """A version written `--unlogged` is not judged under until `trust record` logs it."""
    from casegate.approve import publication_keyring
    from casegate.errors import VerificationError

    assert _rotate(setup, "--unlogged")[0] == 0
    with open_registry(setup.db) as reg:
        with pytest.raises(VerificationError) as e:
            publication_keyring(reg, CASE, 1, setup.w.ring_path, setup.trust.dir, outcome="NO-GO")
        assert NEVER_LOGGED in str(e.value), e.value
    rc, text = cli_in_process(setup.path, "trust", "record", str(setup.trust.dir), "--db", setup.db)
    assert rc == 0, text
    with open_registry(setup.db) as reg:
        assert publication_keyring(reg, CASE, 1, setup.w.ring_path, setup.trust.dir, outcome="NO-GO")[1]["trust_root"] == 2
