"""A review board over a registry holding the example case, gated, with the demo keyring and a
token per kind of user."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests._deploy import RATE_LIMITS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"
KEYRING = EXAMPLE / "keys" / "keyring.yaml"

USERS = {
    # name: (person, token roles)
    "safety-lead": ("Dana Ortiz", ["safety-lead"]),
    "rso": ("Sam Whitfield", ["rso"]),
    "external": ("Priya Natarajan", ["external-evaluator"]),
    "author": ("Mira Chen", ["author"]),
    "impostor": ("Dana Ortiz", ["rso"]),  # the token claims a role the keyring does not give Dana
}


@dataclass
class BoardFixture:
    client: TestClient
    tokens: dict[str, str]
    case_dir: Path
    database_url: str
    case_id: str = "atlas-2-api"

    def auth(self, user: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[user]}"} if user in self.tokens else {}


def build_board(tmp_path: Path, database_url: str, prepare: Callable[[Path], None] | None = None) -> BoardFixture:
    """A board over a registry holding atlas-api's first version, judged (`prepare` edits the copied
    case folder before it is recorded)."""
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.sign import load_keyring, parse_instant, with_attestations
    from casegate.store import open_registry, record_decision
    from casegate.web import Settings, TokenStore, create_app

    case_dir = tmp_path / "atlas-api"
    shutil.copytree(EXAMPLE, case_dir)
    for k in (case_dir / "keys").glob("*.key"):  # git does not keep file modes; keys must be 0600
        k.chmod(0o600)
    if prepare is not None:
        prepare(case_dir)
    reg = open_registry(database_url)
    # the demo keyring holds the external evaluators whose signed attestations make the evidence independent
    loaded = with_attestations(load_case(case_dir / "case.yaml"), load_keyring(KEYRING),
                               parse_instant("2026-11-27", end_of_day=True))
    v = reg.submit_case(loaded)
    record_decision(reg, run_gate(loaded), version=v.number)
    reg.close()
    store = TokenStore(tmp_path / "tokens.json")
    tokens = {name: store.create(person, roles)[1] for name, (person, roles) in USERS.items()}
    app = create_app(Settings(database_url=database_url, keyring=KEYRING, tokens=tmp_path / "tokens.json",
                              secret=b"test-secret", write_rate=1.0, write_burst=30))
    return BoardFixture(TestClient(app), tokens, case_dir, database_url)


@pytest.fixture
def board(tmp_path: Path, database_url: str) -> BoardFixture:
    return build_board(tmp_path, database_url)


MODEL_DIGEST = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "casegate", *args], cwd=cwd, capture_output=True, text=True)


NOT_JUDGED: dict[str, Any] = {}
"""`approve(..., judgement=NOT_JUDGED)`: log the approval with no judgement of the registry's own."""


def approve(board: BoardFixture, judgement: dict[str, Any] | None = None) -> Path:
    """Sign the stored case in its three required roles, decide, and approve it in the registry,
    which judges the decision again (`judgement`: log this one instead, without judging);
    returns the signed decision bundle."""
    import json
    import os

    from casegate.load import load_case
    from casegate.monitor import comparison_for, decide, submit_for_review
    from casegate.sign import load_keyring, load_signer
    from casegate.store import open_registry
    from casegate.verify import decide_case

    d = board.case_dir
    for k in (d / "keys").glob("*.key"):
        os.chmod(k, 0o600)
    for role, key in (("safety-lead", "dana-ortiz"), ("rso", "sam-whitfield"), ("external-evaluator", "priya-natarajan")):
        r = cli("sign", "case.yaml", "--role", role, "--key", f"keys/{key}.key", "--keyring", "keys/keyring.yaml", cwd=d)
        assert r.returncode == 0, r.stderr
    r = cli("authors", "sign", "case.yaml", "--role", "author", "--key", "keys/mira-chen.key", "--keyring",
            "keys/keyring.yaml", cwd=d)
    assert r.returncode == 0, r.stderr
    loaded = load_case(d / "case.yaml")
    ring = load_keyring(d / "keys" / "keyring.yaml")
    path = d / "decision.bundle.json"
    from tests.verify.trusted import log_clock

    reg = open_registry(board.database_url)
    with log_clock():  # the story's date: verify runs --at 2026-12-01
        # signing added the envelopes to the case: a new version, its weights hashed by the registry
        # (past internal use it approves nothing else)
        from tests._weights import submit_hashed

        submit_hashed(reg, loaded)
        submit_for_review(reg, board.case_id, by="Sam Whitfield")
        # decided against the registry, which approves only a decision compared with its history
        record, bundle = decide_case(loaded, load_signer(str(d / "keys" / "sam-whitfield.key")), "rso", ring,
                                     comparison=comparison_for(reg, loaded, keyring=ring))
        path.write_text(json.dumps(bundle))
        if judgement is None:  # the registry judges it again, as `state apply` does
            from casegate.approve import approve as judged

            judged(reg, record, bundle, ring, unpinned=True)
        elif judgement == NOT_JUDGED:
            decide(reg, record, bundle=bundle)
        else:
            decide(reg, record, bundle=bundle, judge=lambda _n: judgement)
    reg.close()
    return path


def verify(board: BoardFixture, bundle: Path) -> subprocess.CompletedProcess[str]:
    """Verify online against the board's registry under a trust root pinning the example's policy
    and keyring, after the log signs a fresh checkpoint."""
    from tests.verify.trusted import STORY_VERIFIED, Trust, cli_at, make_trust

    where = board.case_dir.parent / "root"
    t = Trust(where / "trust", where / "log.pem", where / "root.key")
    if not t.dir.exists():
        t = make_trust(where, policy=board.case_dir / "policy.yaml", keyring=board.case_dir / "keys" / "keyring.yaml")
    # signed on the story's day: `verify` judges no earlier than the checkpoint proving the state,
    # and as of it, twelve hours after the approval: before the case's monitors, which have no
    # readings in these stories, are silent past their 24 hours (a trigger of its own that `verify`
    # applies with the registry at hand)
    # (with the command's clock at that time: a deploy is judged as of now as well as of --at)
    t.checkpoint(board.database_url, at=STORY_VERIFIED)
    return cli_at(STORY_VERIFIED, board.case_dir, "verify", "--bundle", str(bundle), "--model-digest", MODEL_DIGEST,
                  "--boundary", "api", "--keyring", "keys/keyring.yaml", "--db", board.database_url,
                  "--at", "2026-12-01T00:00:00Z", "--access", "self-serve", "--region", "US", *RATE_LIMITS,
                  "--trust-root", str(t.dir))


def sign_in(client: TestClient, token: str, next: str = "/") -> Any:
    """Sign in through the form as a browser does: fetch it (its CSRF token and nonce cookie),
    then post it."""
    import re

    form = client.get(f"/login?next={next}")
    csrf = re.search(r'name="csrf" value="([^"]*)"', form.text)
    assert csrf, form.text[:500]
    return client.post("/login", data={"token": token, "next": next, "csrf": csrf.group(1)},
                       follow_redirects=False)


KEYS = {"Dana Ortiz": "dana-ortiz", "Sam Whitfield": "sam-whitfield", "Priya Natarajan": "priya-natarajan",
        "Mira Chen": "mira-chen"}


def statement_env(board: BoardFixture, person: str, role: str, predicate_type: str, **fields: Any) -> dict[str, Any]:
    """A DSSE envelope over a statement about the board's case, signed with `person`'s example key
    in `role` (whether or not the keyring gives them that role: the board must judge it)."""
    from casegate.load import load_case
    from casegate.sign import (
        load_keyring,
        load_signer,
        now_utc,
        sign_statement,
        statement,
        subjects,
    )
    from casegate.sign._signoff import _base_predicate

    loaded = load_case(board.case_dir / "case.yaml")
    signer = load_signer(str(board.case_dir / "keys" / f"{KEYS[person]}.key"))
    key = load_keyring(KEYRING).get(signer.public_key.keyid)
    assert key is not None
    pred = _base_predicate(loaded, key, role, now_utc())
    pred.update(fields)
    return sign_statement(statement(subjects(loaded, pred["case"]["digest"]), predicate_type, pred), signer)


def objection_env(board: BoardFixture, person: str, role: str, reason: str, oid: str = "O-1") -> dict[str, Any]:
    from casegate.sign import OBJECTION

    return statement_env(board, person, role, OBJECTION, objection=oid, reason=reason)


def answer_env(board: BoardFixture, person: str, role: str, objection: dict[str, Any], *, kind: str = "answer",
               text: str | None = None, accepts: dict[str, Any] | None = None) -> dict[str, Any]:
    from casegate.sign import ANSWER, decode_payload, envelope_sha256

    oid = (decode_payload(objection) or {})["predicate"]["objection"]
    fields: dict[str, Any] = {"objection": oid, "objection_envelope": envelope_sha256(objection), "kind": kind}
    if text is not None:
        fields["answer"] = text
    if accepts is not None:
        fields["accepts"] = envelope_sha256(accepts)
    return statement_env(board, person, role, ANSWER, **fields)
