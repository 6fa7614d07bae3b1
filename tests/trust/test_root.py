"""The trust root through the real `casegate trust` commands: k-of-n signing, the rotation chain
(N+1 signed by the threshold of N and of N+1), expiry, and keyring rotation that keeps old
decisions readable and refuses new ones under the replaced keyring."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.trust import TrustRootError, load_trust_root
from tests.verify.trusted import cli_in_process

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "examples" / "atlas-api" / "policy.yaml"
KEYRING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"


cg = cli_in_process


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    for k in ("a", "b", "c", "d", "log"):
        assert cg(tmp_path, "keys", "generate", f"{k}.key")[0] == 0
    return tmp_path


def _init(d: Path, *sign: str) -> tuple[int, str]:
    return cg(d, "trust", "init", "trust", "--root-key", "a.key.pub", "--root-key", "b.key.pub",
              "--root-key", "c.key.pub", "--threshold", "2", *[x for k in sign for x in ("--sign-with", f"{k}.key")],
              "--policy", str(POLICY), "--keyring", str(KEYRING), "--log-key", "log.key.pub",
              "--origin", "t.example/log", "--max-checkpoint-age", "2h", "--expires", "30d")


def test_init_needs_the_threshold_and_show_prints_the_pins(keys: Path) -> None:
    rc, text = _init(keys, "a")
    assert rc == 1 and "carries 1 valid signature(s) of its own root keys; the threshold is 2" in text
    assert not (keys / "trust").exists() or not (keys / "trust" / "1.root.json").exists()
    rc, text = _init(keys, "a", "d")  # d is not a root key: its signature does not count
    assert rc == 1
    rc, text = _init(keys, "a", "b")
    assert rc == 0, text
    rc, text = cg(keys, "trust", "show", "trust", "--json")
    d = json.loads(text)
    assert d["version"] == 1 and d["threshold"] == 2 and len(d["root_keys"]) == 3
    assert d["pins"]["policies"][0]["id"] == "acme-frontier"
    assert d["pins"]["max_checkpoint_age_seconds"] == 7200
    assert d["pins"]["keyrings"] == [{"digest": load_keyring_fp()}]


def load_keyring_fp() -> str:
    from casegate.sign import load_keyring

    return load_keyring(KEYRING).fingerprint()


def test_rotation_is_a_chain(keys: Path, tmp_path: Path) -> None:
    assert _init(keys, "a", "b")[0] == 0
    # new root keys c, d: signed only by the new keys is not enough, the old threshold must sign too
    rc, text = cg(keys, "trust", "rotate", "trust", "--unlogged", "--root-key", "c.key.pub", "--root-key", "d.key.pub",
                  "--sign-with", "c.key", "--sign-with", "d.key")
    assert rc == 1 and "of the previous version's root keys; the threshold is 2" in text
    assert not (keys / "trust" / "2.root.json").exists()
    rc, text = cg(keys, "trust", "rotate", "trust", "--unlogged", "--root-key", "c.key.pub", "--root-key", "d.key.pub",
                  "--sign-with", "a.key", "--sign-with", "b.key", "--sign-with", "c.key", "--sign-with", "d.key")
    assert rc == 0, text
    root = load_trust_root(keys / "trust")
    assert root.version == 2 and root.chain == 2
    # a forged version 3 signed by a and b, which no longer hold root keys, breaks the chain
    from casegate.sign import load_signer
    from casegate.trust import rotated_root, sign_root, write_root

    md = rotated_root(root.metadata, pins=root.pins, expires=dt.datetime.now(dt.UTC) + dt.timedelta(days=1),
                      keys=[load_signer(str(keys / "a.key")).public_key, load_signer(str(keys / "b.key")).public_key])
    sign_root(md, [load_signer(str(keys / "a.key")), load_signer(str(keys / "b.key"))])
    write_root(md, keys / "trust" / "3.root.json")
    with pytest.raises(TrustRootError, match="of the previous version's root keys"):
        load_trust_root(keys / "trust")


def test_keyring_rotation_keeps_old_decisions_only(keys: Path) -> None:
    assert _init(keys, "a", "b")[0] == 0
    import shutil

    shutil.copy(KEYRING, keys / "new-ring.yaml")
    (keys / "new-ring.yaml").write_text((keys / "new-ring.yaml").read_text().replace(
        'name: "', 'name: "rotated ', 1))
    rc, text = cg(keys, "trust", "rotate", "trust", "--unlogged", "--keyring", "new-ring.yaml", "--sign-with", "a.key",
                  "--sign-with", "c.key")
    assert rc == 0, text
    root = load_trust_root(keys / "trust")
    old = load_keyring_fp()
    before = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    after = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    assert root.keyring_problems(old, before) == []
    (problem,) = root.keyring_problems(old, after)
    assert "was replaced on" in problem and "counts only for decisions signed before then" in problem
    from casegate.sign import load_keyring

    assert root.keyring_problems(load_keyring(keys / "new-ring.yaml").fingerprint(), after) == []
    assert "not pinned" in root.keyring_problems("sha256:" + "0" * 64, after)[0]


def test_an_expired_root_does_not_load(keys: Path) -> None:
    assert _init(keys, "a", "b")[0] == 0
    with pytest.raises(TrustRootError, match="expired"):
        load_trust_root(keys / "trust", now=dt.datetime.now(dt.UTC) + dt.timedelta(days=31))
    rc, text = cg(keys, "trust", "show", "trust/1.root.json")
    assert rc == 0 and "trust root version 1" in text
    (keys / "junk.json").write_text("{}")
    rc, text = cg(keys, "trust", "show", "junk.json")
    assert rc == 2 and "not a trust root" in text


@pytest.mark.parametrize("value,shown", [("NaN", "NaN"), ("[1, -Infinity]", "-Infinity"), ("1.5", "1.5")])
def test_a_root_whose_signed_part_has_no_canonical_form_is_refused_naming_it(keys: Path, value: str,
                                                                             shown: str) -> None:
    assert _init(keys, "a", "b")[0] == 0
    text = (keys / "trust" / "1.root.json").read_text()
    bad = keys / "bad.root.json"
    bad.write_text(text.replace('"consistent_snapshot": false,', f'"consistent_snapshot": false, "x": {value},', 1))
    for args in (["trust", "show", "bad.root.json"], ["trust", "sign", "bad.root.json", "--key", "a.key"]):
        rc, out = cg(keys, *args)
        assert rc == 2 and "internal error" not in out, out
        assert f"bad.root.json: not a trust root: its signed part holds {shown}, which canonical JSON" in out


def _init_pinning(keys: Path, name: str, policy: Path) -> None:
    """`trust init NAME`: a root of one key (a) pinning `policy`, the keyring and a log key."""
    rc, text = cg(keys, "trust", "init", name, "--root-key", "a.key.pub", "--sign-with", "a.key",
                  "--policy", str(policy), "--keyring", str(KEYRING), "--log-key", "log.key.pub",
                  "--origin", "t.example/log")
    assert rc == 0, text


def _older_looser(keys: Path) -> Path:
    """Version 3.0 of the pinned policy (id acme-frontier), one that asked less."""
    older = keys / "policy-3.0.yaml"
    older.write_text(POLICY.read_text().replace('version: "3.1"', 'version: "3.0"', 1))
    return older


def test_a_policy_version_replaced_by_rotate_counts_only_for_earlier_decisions(keys: Path) -> None:
    """The root holders pinned 3.0, then 3.1 of the same policy id: a decision under 3.0 made after
    3.1 was pinned is not verified (before, both counted, and a new case could name the older,
    looser file)."""
    import hashlib

    older = _older_looser(keys)
    _init_pinning(keys, "trust", older)
    rc, text = cg(keys, "trust", "rotate", "trust", "--unlogged", "--policy", str(POLICY), "--sign-with", "a.key")
    assert rc == 0, text
    root = load_trust_root(keys / "trust")
    old_sha = hashlib.sha256(older.read_bytes()).hexdigest()
    new_sha = hashlib.sha256(POLICY.read_bytes()).hexdigest()
    assert [(p.version, p.until is not None) for p in root.pins.policies] == [("3.0", True), ("3.1", False)]
    before = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    after = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    assert root.policy_problems(old_sha, before) == []
    (problem,) = root.policy_problems(old_sha, after)
    assert "the policy acme-frontier version 3.0" in problem and "was replaced on" in problem
    assert "by version 3.1" in problem and "decide again under the current policy" in problem
    assert root.policy_problems(old_sha, None) == [problem]  # no time known: never counted
    assert root.policy_problems(new_sha, after) == []
    rc, text = cg(keys, "trust", "show", "trust")
    assert rc == 0 and "version 3.0" in text and "(replaced " in text, text
    # rotating again keeps the date 3.0 was replaced on
    rc, text = cg(keys, "trust", "rotate", "trust", "--unlogged", "--policy", str(POLICY), "--sign-with", "a.key")
    assert rc == 0, text
    again = load_trust_root(keys / "trust")
    assert again.pins.policies == root.pins.policies


def test_rotate_grace_bounds_how_long_approvals_under_the_replaced_policy_verify(keys: Path) -> None:
    """`trust rotate --policy FILE` without `--grace`: approvals made under the replaced version
    stop counting at the rotation; with `--grace 2d`, two days after it. The grace is signed in
    the root; one on a current version, or ending before the replacement, does not load."""
    import hashlib

    from casegate.cli._trust import _policy_pin
    from casegate.trust._root import _pins

    older = _older_looser(keys)
    _init_pinning(keys, "trust", older)
    rc, text = cg(keys, "trust", "rotate", "trust", "--unlogged", "--grace", "2d", "--sign-with", "a.key")
    assert rc == 2 and "give it with --policy" in text, text
    rc, text = cg(keys, "trust", "rotate", "trust", "--unlogged", "--policy", str(POLICY), "--grace", "2d", "--sign-with", "a.key")
    assert rc == 0, text
    root = load_trust_root(keys / "trust")
    old_sha = hashlib.sha256(older.read_bytes()).hexdigest()
    (old,) = [p for p in root.pins.policies if p.sha256 == old_sha]
    assert old.until is not None and old.approvals_until is not None
    until = dt.datetime.fromisoformat(old.until)
    assert dt.datetime.fromisoformat(old.approvals_until) - until == dt.timedelta(days=2)
    made = until - dt.timedelta(days=1)
    assert root.policy_problems(old_sha, made, until + dt.timedelta(days=1)) == []
    (problem,) = root.policy_problems(old_sha, made, until + dt.timedelta(days=3))
    assert "the grace the trust root gives decisions made under it ended on" in problem
    rc, text = cg(keys, "trust", "show", "trust")
    assert rc == 0 and f"approvals under it verify until {old.approvals_until}" in text, text

    bare = _older_looser(keys)
    _init_pinning(keys, "bare", bare)
    rc, text = cg(keys, "trust", "rotate", "bare", "--unlogged", "--policy", str(POLICY), "--sign-with", "a.key")
    assert rc == 0, text
    root = load_trust_root(keys / "bare")
    (old,) = [p for p in root.pins.policies if p.sha256 == old_sha]
    assert old.approvals_until is None
    until = dt.datetime.fromisoformat(str(old.until))
    (problem,) = root.policy_problems(old_sha, until - dt.timedelta(days=1), until + dt.timedelta(seconds=1))
    assert "gives no grace" in problem and "decide again under the current policy" in problem

    md = root.metadata
    raw = dict(md.signed.unrecognized_fields["x-casegate-pins"])
    current = _policy_pin(str(POLICY)).model_dump(exclude_none=True)
    for bad, says in (({**current, "approvals_until": "2030-01-01T00:00:00+00:00"}, "on the current version"),
                      ({**old.model_dump(exclude_none=True), "approvals_until": "2000-01-01T00:00:00+00:00"},
                       "earlier than the version was replaced")):
        md.signed.unrecognized_fields["x-casegate-pins"] = {**raw, "policies": [bad]
                                                           if "current" in says else [bad, current]}
        with pytest.raises(InputError) as e:
            _pins(md, "root.json")
        assert says in e.value.message, e.value.message


def test_a_root_pinning_two_current_versions_of_one_policy_is_refused(keys: Path) -> None:
    """Signed by the root keys but pinning 3.0 and 3.1 of one id, neither replaced: which one a
    new decision may use is not said, so the root is refused rather than either version chosen."""
    from casegate.cli._trust import _policy_pin
    from casegate.errors import InputError
    from casegate.sign import load_signer
    from casegate.trust import rotated_root, sign_root, write_root

    assert cg(keys, "trust", "init", "trust", "--root-key", "a.key.pub", "--sign-with", "a.key",
              "--policy", str(POLICY), "--keyring", str(KEYRING), "--log-key", "log.key.pub",
              "--origin", "t.example/log")[0] == 0
    root = load_trust_root(keys / "trust")
    pins = root.pins.model_copy(update={"policies": [_policy_pin(str(_older_looser(keys))), *root.pins.policies]})
    md = rotated_root(root.metadata, pins=pins, expires=dt.datetime.now(dt.UTC) + dt.timedelta(days=1))
    sign_root(md, [load_signer(str(keys / "a.key"))])
    write_root(md, keys / "trust" / "2.root.json")
    with pytest.raises(InputError, match="two current versions of policy acme-frontier") as e:
        load_trust_root(keys / "trust")
    assert "3.0 and 3.1" in e.value.message and "trust rotate" in (e.value.help or "")
    rc, text = cg(keys, "trust", "show", "trust")
    assert rc == 2 and "Traceback" not in text and "two current versions" in text, text
