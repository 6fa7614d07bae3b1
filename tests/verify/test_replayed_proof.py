"""`verify --seen FILE` keeps the newest checkpoint the deploy verifier has accepted: a genuine
state proof taken before the case was reopened, handed to it again while its checkpoint is still
within the trust root's age, is refused (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

from casegate.monitor import act
from casegate.monitor._states import CaseState
from casegate.store import load_private_key, open_registry, parse_checkpoint, sign_checkpoint
from casegate.verify._seen import seen_checkpoint
from tests._deploy import RATE_LIMITS
from tests.sign.helpers import MODEL
from tests.verify.test_trust_attacks import Setup, setup  # noqa: F401
from tests.verify.trusted import CASE, DEMO_EXIT, cli_in_process


def _base(setup: Setup) -> list[str]:  # noqa: F811
    return ["verify", "--bundle", str(setup.path / "bundle.json"), "--model-digest", MODEL, "--boundary", "api",
            "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--keyring", str(setup.w.ring_path),
            "--trust-root", str(setup.trust.dir)]


def test_a_proof_from_before_the_reopening_is_refused_once_a_newer_one_was_seen(setup: Setup) -> None:  # noqa: F811
    old, new, seen = setup.path / "old.json", setup.path / "new.json", setup.path / "state" / "seen.json"
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(old), "--db", setup.db)
    assert rc == 0, text
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(old), "--seen", str(seen))
    assert rc == DEMO_EXIT, text
    assert json.loads(seen.read_text())["tree_size"] == parse_checkpoint(json.loads(old.read_text())["checkpoint"]).tree_size
    with open_registry(setup.db) as reg:
        act(reg, CASE, CaseState.reopened, role="rso", reason="bio incident")
    setup.trust.checkpoint(setup.db)
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(new), "--db", setup.db)
    assert rc == 0, text
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(new), "--seen", str(seen))
    assert rc == 1 and "is reopened" in text, text
    # the lab hands the pipeline yesterday's proof again: genuine, and within the checkpoint's age
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(old), "--seen", str(seen))
    assert rc == 1 and "is older than the newest this verifier has seen" in text, text
    # what remains: a verifier that keeps no file (or sees the proof first) cannot tell
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(old))
    assert rc == DEMO_EXIT, text


def test_another_root_at_a_seen_size_and_a_damaged_file(setup: Setup) -> None:  # noqa: F811
    with open_registry(setup.db) as reg:
        cp = parse_checkpoint(reg.latest_checkpoint() or "")
    seen = setup.path / "seen.json"
    assert seen_checkpoint(seen, cp, cp.origin) == [] and seen.exists()
    forked = sign_checkpoint(cp.origin, cp.tree_size, bytes(32), load_private_key(setup.trust.log_key),
                             extensions=cp.extensions)
    (why,) = seen_checkpoint(seen, forked, cp.origin)
    assert "the log shows two histories" in why
    (why,) = seen_checkpoint(seen, cp, "elsewhere.example/log")
    assert "keep one file per log" in why
    seen.write_text('{"casegate": 1, "kind": "seen-checkpoint", "checkpoint": "nonsense"}')
    proof = setup.path / "p.json"
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(proof), "--db", setup.db)
    assert rc == 0, text
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == 2 and "seen.json" in text and "the --seen file's checkpoint cannot be read" in text, text
    assert "Traceback" not in text
