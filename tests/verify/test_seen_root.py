"""`verify --seen FILE` keeps the newest trust root this verifier has used beside the newest
checkpoint, as a TUF client keeps its trusted root: a root version the registry's log does not
record (the root holders rotated it without a registry at hand, so the checkpoint says
`casegate-trust-root none`) was otherwise taken back offline. Version 2 replaced the policy the
decision was made under; the pipeline verified with it and was refused; the lab then hands it
version 1's file, which still pins that policy as current (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json

from casegate.trust import load_trust_root
from tests._deploy import RATE_LIMITS
from tests.verify.test_trust_attacks import MODEL, Setup, _replace_policy, setup  # noqa: F401 - the fixture
from tests.verify.trusted import CASE, DEMO_EXIT, cli_in_process

__all__ = ["setup"]


def _verify(s: Setup, root: str, *extra: str) -> tuple[int, str]:
    return cli_in_process(s.path, "verify", "--bundle", str(s.path / "bundle.json"), "--model-digest", MODEL,
                          "--boundary", "api", "--access", "self-serve", "--region", "US", *RATE_LIMITS,
                          "--keyring", str(s.w.ring_path), "--trust-root", root,
                          "--state-proof", str(s.path / "p.json"), *extra)


def test_a_root_older_than_the_one_used_before_is_refused(setup: Setup) -> None:  # noqa: F811
    v1 = setup.path / "v1.root.json"
    v1.write_bytes((setup.trust.dir / "1.root.json").read_bytes())
    _replace_policy(setup.trust, setup.w.dir / "policy.yaml", setup.path, dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(setup.path / "p.json"), "--db", setup.db)
    assert rc == 0, text
    seen = setup.path / "seen.json"
    rc, text = _verify(setup, str(setup.trust.dir), "--seen", str(seen))
    assert rc == 1 and "was replaced on" in text, text
    assert json.loads(seen.read_text())["trust_root"] == {"version": 2,
                                                          "digest": load_trust_root(setup.trust.dir).digest()}
    # the lab's move: the pipeline is given version 1's file, signed and unexpired
    rc, text = _verify(setup, str(v1), "--seen", str(seen))
    assert rc == 1, text
    assert "the trust root held (version 1) is older than the newest this verifier has used (version 2" in text, text
    # what remains: a verifier that keeps no file cannot tell, where the log records no root version
    rc, text = _verify(setup, str(v1))
    assert rc == DEMO_EXIT, text


def test_another_root_under_the_version_used_is_refused_and_a_newer_one_kept(setup: Setup) -> None:  # noqa: F811
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(setup.path / "p.json"), "--db", setup.db)
    assert rc == 0, text
    seen = setup.path / "seen.json"
    rc, text = _verify(setup, str(setup.trust.dir), "--seen", str(seen))
    assert rc == DEMO_EXIT, text
    assert json.loads(seen.read_text())["trust_root"]["version"] == 1
    # a second version 1 under the same root key (another body): not the one used before
    from casegate.sign import load_signer
    from casegate.trust import new_root, sign_root, write_root

    held = load_trust_root(setup.trust.dir)
    other = new_root([load_signer(str(setup.trust.root_key)).public_key], 1,
                     held.pins.model_copy(update={"note": "another"}), dt.datetime.now(dt.UTC) + dt.timedelta(days=9))
    sign_root(other, [load_signer(str(setup.trust.root_key))])
    write_root(other, setup.path / "other" / "1.root.json")
    rc, text = _verify(setup, str(setup.path / "other"), "--seen", str(seen))
    assert rc == 1 and "is not the version 1 this verifier has used" in text, text
    # the keeper's file is left as it was; a damaged root record is an input error naming the file
    doc = json.loads(seen.read_text())
    assert doc["trust_root"]["digest"] == held.digest()
    seen.write_text(json.dumps({**doc, "trust_root": {"version": "2"}}))
    rc, text = _verify(setup, str(setup.trust.dir), "--seen", str(seen))
    assert rc == 2 and "the --seen file's trust root cannot be read" in text, text
