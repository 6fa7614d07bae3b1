"""A lab that copies casegate's published example keys into what a release rests on: the outside
evaluator's key in its real keyring, an example key as a root key, the log key or a witness's.
Anyone can sign as those keys (their private halves ship in examples/), so the lab forges the
independent evaluator's sign-off. Outside a demonstration (`CASEGATE_DEMO_KEYS` unset) every
command a release rests on refuses them, exit 2, naming the key and the file its private half
ships in; in a demonstration they count and every such command says it is not a release."""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.sign import add_key, load_keyring, load_signer, save_keyring
from casegate.store import open_registry
from tests._deploy import RATE_LIMITS
from tests.sign.helpers import EXAMPLE, MODEL, make_world
from tests.verify.trusted import (
    CASE,
    DEMO_EXIT,
    DEMONSTRATION,
    SIGNED,
    STORY_VERIFIED,
    cli_at,
    cli_in_process,
    cli_split,
    log_clock,
    make_trust,
    story_clock_at,
)

KEYS = EXAMPLE / "keys"
PRIYA = KEYS / "priya-natarajan.key"
NOT_A_RELEASE = "signed with casegate's published example keys: not a release"


def _lab_approved(where: Path, reg: Any) -> tuple[Any, dict[str, Any]]:
    """The lab's world: its own fresh keys, but the outside evaluator's sign-off made with the
    example's published key of Priya Natarajan (copied into the lab's keyring), approved in the
    registry. Built as a demonstration (the published key counts), as a lab would fake one."""
    from casegate.approve import approve
    from casegate.monitor import submit_for_review
    from casegate.sign import sign_case
    from casegate.verify import decide_case
    from tests._weights import submit_hashed

    w = make_world(where, people={"dana": ("Dana Ortiz", ["safety-lead"], "2026-01-01", "2028-12-31"),
                                  "sam": ("Sam Whitfield", ["rso"], "2026-01-01", "2028-12-31"),
                                  "mira": ("Mira Chen", ["safety-lead"], "2026-01-01", "2028-12-31")})
    stolen = where / "priya.key"
    shutil.copy(PRIYA, stolen)
    stolen.chmod(0o600)
    w.signers["priya"] = load_signer(str(stolen))
    w.ring = add_key(w.ring, w.signers["priya"].public_key, person="Priya Natarajan", roles=["external-evaluator"],
                     valid_from="2026-01-01", valid_until="2028-12-31", organisation="Northbridge Security")
    save_keyring(w.ring, w.ring_path)
    with log_clock():
        for name, role in SIGNED.items():
            sign_case(w.load(), role, w.signers[name], w.ring)
        record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring)
        submit_hashed(reg, w.load())
        submit_for_review(reg, CASE, by="Sam Whitfield")
        approve(reg, record, bundle, w.ring, unpinned=True)
    return w, bundle


@pytest.fixture
def lab(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")
    db = f"sqlite:///{tmp_path / 'registry.db'}"
    with open_registry(db) as reg:
        w, bundle = _lab_approved(tmp_path / "w", reg)
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    proof = trust.proof(db, CASE, tmp_path / "proof.json")
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    monkeypatch.delenv("CASEGATE_DEMO_KEYS")
    args = ["verify", "--bundle", str(tmp_path / "bundle.json"), "--model-digest", MODEL, "--boundary", "api",
            "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--keyring", str(w.ring_path),
            "--trust-root", str(trust.dir), "--state-proof", str(proof),
            # the story's deploy, 12 hours after the approval: the case's monitors (no reading in
            # this story) are not yet silent past their 24 hours
            "--at", STORY_VERIFIED.strftime("%Y-%m-%dT%H:%M:%SZ")]
    return {"w": w, "db": db, "trust": trust, "verify": args, "dir": tmp_path}


def test_verify_refuses_a_sign_off_by_a_published_key_outside_a_demonstration(lab: dict[str, Any],
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    r = cli_at(STORY_VERIFIED, lab["dir"], *lab["verify"])
    said = r.stdout + r.stderr
    assert r.returncode == 2, said
    assert "published example keys" in said and "examples/atlas-api/keys/priya-natarajan.key" in said
    assert "Priya Natarajan (external-evaluator)" in said
    assert "casegate keys generate" in said and "CASEGATE_DEMO_KEYS=1" in said
    assert "Traceback" not in said
    # as a demonstration the same bundle is shown to verify in everything else, and never verified
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")
    r = cli_at(STORY_VERIFIED, lab["dir"], *lab["verify"])
    assert r.returncode == DEMO_EXIT, r.stdout + r.stderr
    assert NOT_A_RELEASE in r.stdout + r.stderr
    assert "NOT verified: 1 reason" in r.stderr and DEMONSTRATION in r.stderr, r.stderr
    assert "everything else verified (DEMONSTRATION): atlas-2-api GO" in r.stderr and not r.stdout, r.stderr


def test_a_pipeline_that_trusts_the_demo_keys_never_deploys(lab: dict[str, Any]) -> None:
    """Move: the deploy pipeline has CASEGATE_DEMO_KEYS=1 in its environment (copied from the
    README's first hour) and reads only verify's exit code: `casegate verify ... && deploy`. Before,
    verify exited 0 on a GO whose outside evaluator's sign-off was made with a key anyone holds, and
    the model shipped; now the answer is not verified (exit 5) and nothing is deployed."""
    import os
    import shlex
    import subprocess
    import sys

    env = {**os.environ, "CASEGATE_DEMO_KEYS": "1",
           # the pipeline runs on the story's day (the approval holds then)
           "TESTS_STORY_CLOCK": story_clock_at(STORY_VERIFIED)}
    cmd = " ".join(shlex.quote(a) for a in (sys.executable, "-m", "casegate", *lab["verify"]))
    r = subprocess.run(["bash", "-c", f"{cmd} && echo DEPLOYED; echo rc=${{PIPESTATUS[0]}}"], cwd=lab["dir"],
                       env=env, capture_output=True, text=True, timeout=300)
    assert "DEPLOYED" not in r.stdout, r.stdout + r.stderr
    assert f"rc={DEMO_EXIT}" in r.stdout, r.stdout + r.stderr
    assert DEMONSTRATION in r.stderr and "everything else verified (DEMONSTRATION)" in r.stderr, r.stderr
    assert "examples/atlas-api/keys/" in r.stderr and "Traceback" not in r.stderr, r.stderr
    # its JSON says so too: not verified, the published keys the only reason, everything else verified
    r = subprocess.run([sys.executable, "-m", "casegate", *lab["verify"], "--format", "json"], cwd=lab["dir"],
                       env=env, capture_output=True, text=True, timeout=300)
    doc = json.loads(r.stdout)
    assert r.returncode == DEMO_EXIT and doc["verified"] is False and doc["demonstration"] is True, r.stdout
    assert doc["everything_else_verified"] is True and len(doc["reasons"]) == 1, doc["reasons"]
    assert doc["reasons"][0].startswith(DEMONSTRATION) and "examples/atlas-api/keys/" in doc["reasons"][0]
    # the reason names the forged evaluator's key by id and role, whatever else the keyring holds
    priya = lab["w"].signers["priya"].public_key.keyid[:16]
    assert f"keyring key {priya} of Priya Natarajan, role external-evaluator" in doc["reasons"][0], doc["reasons"]


def test_the_demonstration_reason_names_every_published_key_by_id_and_role(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Move: the lab's keyring holds every key whose private half casegate publishes, each in
    roles of its own, beside its genuine keys; the reason an answer is a demonstration names each
    published key (key id and the roles it holds), not the first few, and none of the genuine
    ones; and a keyring far larger than any real one yields a reason of bounded length that
    counts what it does not name."""
    from casegate._published_keys_data import PUBLISHED
    from casegate.verify._demo import REASON_CHARS, demonstration_reason, published_keys_used

    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")
    w = make_world(tmp_path / "w")
    ring = w.ring
    examples = sorted(p for p in KEYS.glob("*.key"))
    assert len(examples) >= 5
    for i, path in enumerate(examples):
        copy = tmp_path / path.name
        shutil.copy(path, copy)
        copy.chmod(0o600)
        signer = load_signer(str(copy))
        if ring.get(signer.public_key.keyid) is None:
            ring = add_key(ring, signer.public_key, person=f"Holder {i}", roles=[f"role-{i}", "reviewer"],
                           valid_from="2026-01-01", valid_until="2028-12-31")
    found = published_keys_used(ring)
    reason = demonstration_reason(found)
    published = [k for k in ring.keys if k.public and PUBLISHED.get(_raw_hex(k.public))]
    assert len(published) == len(examples) and len(found) == len(published), (found, published)
    for k in published:
        assert f"keyring key {k.keyid[:16]} of {k.person}, role" in reason, reason
        for role in k.roles:
            assert role in reason, (role, reason)
    genuine = [k for k in ring.keys if k not in published]
    assert genuine and not any(k.keyid[:16] in reason for k in genuine), reason
    assert "more published key" not in reason and f": {len(published)} published keys (" in reason, reason
    # bounded: thousands of entries name what fits and count the rest
    many = [f"keyring key {i:016x} of Person {i}, role rso (examples/atlas-api/keys/x.key)" for i in range(5000)]
    long = demonstration_reason(many)
    assert len(long) < REASON_CHARS + 200 and long.endswith("more published keys)"), long[-200:]
    assert ": 5000 published keys (" in long, long[:200]


def _raw_hex(key: Any) -> str:
    from casegate._published_keys import raw_ed25519

    raw = raw_ed25519(key)
    return raw.hex() if raw is not None else ""


def test_a_demonstration_with_another_reason_is_plainly_not_verified(lab: dict[str, Any],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A deploy wider than the decision in a demonstration: exit 1 (its own reason), the published
    keys listed after it; exit 5 is kept for "nothing else stands against it"."""
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")
    args = [a if a != "api" else "consumer" for a in lab["verify"]]
    r = cli_at(STORY_VERIFIED, lab["dir"], *args, "--format", "json")
    doc = json.loads(r.stdout)
    assert r.returncode == 1 and doc["verified"] is False and doc["everything_else_verified"] is False, r.stdout
    assert doc["reasons"][-1].startswith(DEMONSTRATION) and len(doc["reasons"]) > 1, doc["reasons"]


def test_verify_db_state_show_and_the_board_never_say_deployable_on_demo_keys(
        lab: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    """The same pipeline reading the registry: `verify --db` exits 5; `state show` (its JSON's
    `deployable`, its headline) and the board's page say NOT VERIFIED, a demonstration, never
    DEPLOYABLE, with everything else verified in a note."""
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")
    w, d = lab["w"], lab["dir"]
    lab["trust"].checkpoint(lab["db"])
    args = [a for a in lab["verify"]]
    i = args.index("--state-proof")
    args[i:i + 2] = ["--db", lab["db"]]
    args[args.index("--at") + 1] = "2026-12-01T00:00:00Z"  # within the monitors' 24 hours of the approval
    r = cli_at(STORY_VERIFIED, d, *args)
    assert r.returncode == DEMO_EXIT and DEMONSTRATION in r.stderr, r.stdout + r.stderr
    rc, out, _ = cli_split(d, "state", "show", CASE, "--db", lab["db"], "--keyring", str(w.ring_path),
                           "--at", "2026-12-01T00:00:00Z", "--json")
    now = json.loads(out)["now"]
    assert rc == 0 and json.loads(out)["deployable"] is False and now["status"] == "not-verified", out
    assert now["demonstration"] == "GO WITH CONDITIONS for api" and now["reasons"][0].startswith(DEMONSTRATION), now
    assert now["headline"].startswith(f"NOT VERIFIED: {DEMONSTRATION}"), now["headline"]
    assert "everything else verified (DEMONSTRATION): GO WITH CONDITIONS for api" in now["notes"], now["notes"]
    # now, on the story's day: within the monitors' 24 hours of the approval (past them, their
    # silence is owed a trigger, as `verify --db` says)
    import time_machine

    with time_machine.travel(STORY_VERIFIED, tick=False):
        rc, out, _ = cli_split(d, "state", "show", CASE, "--db", lab["db"], "--keyring", str(w.ring_path))
    assert rc == 0 and out.startswith(f"{CASE}: NOT VERIFIED: {DEMONSTRATION}"), out
    assert "DEPLOYABLE" not in out and "  everything else verified (DEMONSTRATION): GO WITH CONDITIONS for api" in out, out
    # the board's answer on every page that shows one (`deploy_now`, under the board's keyring)
    from casegate.web._views import deploy_now

    with open_registry(lab["db"], readonly=True) as reg, time_machine.travel(STORY_VERIFIED, tick=False):
        board = deploy_now(reg, CASE, load_keyring(w.ring_path))
    assert not board.deployable and board.label == "NOT VERIFIED (DEMONSTRATION: GO WITH CONDITIONS · api)" and board.causes == [DEMONSTRATION], board


def test_state_apply_and_the_board_refuse_the_lab_keyring(lab: dict[str, Any]) -> None:
    """The registry's approval (`state apply`) and the board (`serve`) judge with the keyring too."""
    w, d = lab["w"], lab["dir"]
    rc, text = cli_in_process(d, "state", "apply", CASE, "--decision", str(d / "bundle.json"), "--keyring",
                              str(w.ring_path), "--db", lab["db"], "--unpinned")
    assert rc == 2 and "priya-natarajan.key" in text and "Traceback" not in text, text
    from casegate.errors import InputError
    from casegate.web._app import Settings, create_app

    with pytest.raises(InputError) as e:
        create_app(Settings(database_url=lab["db"], keyring=w.ring_path))
    assert "priya-natarajan.key" in e.value.message


def test_keys_add_refuses_a_published_public_key_in_any_encoding(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEGATE_DEMO_KEYS")
    from cryptography.hazmat.primitives import serialization

    from casegate.sign import load_private_key

    shutil.copy(PRIYA, tmp_path / "p.key")
    (tmp_path / "p.key").chmod(0o600)
    pub = load_private_key(tmp_path / "p.key").public_key()
    # the .pub as shipped, and the same key re-wrapped: DER read back as PEM is what `keys add` reads
    (tmp_path / "p.pub").write_bytes((KEYS / "priya-natarajan.key.pub").read_bytes())
    (tmp_path / "p2.pub").write_bytes(pub.public_bytes(serialization.Encoding.PEM,
                                                       serialization.PublicFormat.SubjectPublicKeyInfo).replace(b"\n", b"\r\n"))
    for pubfile in ("p.pub", "p2.pub"):
        rc, text = cli_in_process(tmp_path, "keys", "add", "ring.yaml", "--public", pubfile, "--person",
                                  "Priya Natarajan", "--role", "external-evaluator", "--from", "2026-01-01",
                                  "--until", "2028-12-31")
        assert rc == 2 and "priya-natarajan.key" in text, text
        assert not (tmp_path / "ring.yaml").exists()


def _ring_with(tmp_path: Path, keytype: str, public: str) -> Path:
    """A keyring file, written by hand, trusting `public` (as `keytype`) for the outside evaluator."""
    from casegate.sign._dsse import public_key_id

    p = tmp_path / f"ring-{keytype}-{len(public)}-{public[:2]}.yaml"
    p.write_text(f"""casegate: 2
kind: keyring
name: "the lab's real keyring"
identities:
  - id: "priya"
    name: "Priya Natarajan"
    organisation: "Northbridge Security"
    keys:
      - keyid: "{public_key_id(keytype, public)}"
        roles: ["external-evaluator"]
        keytype: "{keytype}"
        scheme: "ed25519"
        public: {json.dumps(public)}
        valid_from: "2026-01-01"
        valid_until: "2028-12-31"
""")
    return p


def test_a_keyring_naming_a_published_key_in_another_encoding_is_refused(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Hex in upper case, or the key as PEM under another declared key type (its id, derived from
    the DER public key, is the same): each is the same key, and refused."""
    from casegate.errors import InputError

    monkeypatch.delenv("CASEGATE_DEMO_KEYS")
    hexed = "994a6b524d7147e661b715199ba2e4bd68c8ce07e7ed21f9adc391cc302c5326"
    pem = (KEYS / "priya-natarajan.key.pub").read_text()
    for keytype, public in (("ed25519", hexed), ("ed25519", hexed.upper()), ("ecdsa", pem), ("rsa", pem)):
        path = _ring_with(tmp_path, keytype, public)
        with pytest.raises(InputError) as e:
            load_keyring(path)
        assert "priya-natarajan.key" in e.value.message, (keytype, public)
    with pytest.raises(InputError, match="published example keys"):
        load_keyring(KEYS / "keyring.yaml")
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")
    assert load_keyring(KEYS / "keyring.yaml").get(
        "2a51b4ef53656bbdbd8f08166146eb4d7a467ca3d359f7809adbc24262796cfb") is not None


def test_signing_with_a_published_key_rewrapped_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example's private key re-wrapped (OpenSSH format, PKCS#8 encrypted with a passphrase)
    is still the published key."""
    from cryptography.hazmat.primitives import serialization

    from casegate.errors import InputError
    from casegate.sign import load_private_key

    monkeypatch.delenv("CASEGATE_DEMO_KEYS")
    shutil.copy(PRIYA, tmp_path / "orig.key")
    (tmp_path / "orig.key").chmod(0o600)
    priv = load_private_key(tmp_path / "orig.key")
    forms = {"ssh.key": priv.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
                                           serialization.NoEncryption()),
             "enc.key": priv.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.BestAvailableEncryption(b"hunter22")),
             "orig.key": (tmp_path / "orig.key").read_bytes()}
    monkeypatch.setenv("CASEGATE_KEY_PASSPHRASE", "hunter22")
    for name, data in forms.items():
        p = tmp_path / name
        p.write_bytes(data)
        p.chmod(0o600)
        try:
            signer_ok = load_private_key(p) is not None
        except InputError:
            signer_ok = False  # a format casegate does not read at all is no way in either
        if not signer_ok:
            continue
        with pytest.raises(InputError) as e:
            load_signer(str(p))
        assert "priya-natarajan.key" in e.value.message, name


def _keys(d: Path) -> None:
    for k in ("a", "b", "log"):
        assert cli_in_process(d, "keys", "generate", f"{k}.key")[0] == 0
    for name in ("sam-whitfield", "lena-kovac"):
        shutil.copy(KEYS / f"{name}.key", d / f"{name}.key")
        (d / f"{name}.key").chmod(0o600)
        shutil.copy(KEYS / f"{name}.key.pub", d / f"{name}.key.pub")


def _init(d: Path, keyring: Path, *, roots: tuple[str, ...] = ("a", "b"), log: str = "log",
          witness: str | None = None) -> tuple[int, str]:
    return cli_in_process(
        d, "trust", "init", "trust", *[x for k in roots for x in ("--root-key", f"{k}.key.pub", "--sign-with", f"{k}.key")],
        "--threshold", "2", "--policy", str(EXAMPLE / "policy.yaml"), "--keyring", str(keyring),
        "--log-key", f"{log}.key.pub", "--origin", "t.example/log", "--max-checkpoint-age", "2h", "--expires", "30d",
        *(["--witness", f"w={witness}.key.pub"] if witness else []))


def test_trust_init_refuses_published_root_log_and_witness_keys(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")
    _keys(tmp_path)
    ring = tmp_path / "ring.yaml"
    rc, text = cli_in_process(tmp_path, "keys", "add", str(ring), "--public", "a.key.pub", "--person", "Ann Lee",
                              "--role", "rso", "--from", "2026-01-01", "--until", "2028-12-31")
    assert rc == 0, text
    monkeypatch.delenv("CASEGATE_DEMO_KEYS")
    for kwargs, named in (({"roots": ("a", "sam-whitfield")}, "sam-whitfield.key"),
                          ({"log": "lena-kovac"}, "lena-kovac.key"),
                          ({"witness": "sam-whitfield"}, "sam-whitfield.key")):
        rc, text = _init(tmp_path, ring, **kwargs)  # type: ignore[arg-type]
        assert rc == 2 and named in text and "published example keys" in text, (kwargs, text)
        assert not (tmp_path / "trust" / "1.root.json").exists()
    # the example keyring pinned by a root of the lab's own keys
    rc, text = _init(tmp_path, KEYS / "keyring.yaml")
    assert rc == 2 and "published example keys" in text and not (tmp_path / "trust" / "1.root.json").exists()
    rc, text = _init(tmp_path, ring)
    assert rc == 0, text


def test_a_root_made_in_a_demonstration_is_refused_outside_one(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A root whose keys are published (made while they counted) does not load for verify,
    `trust show`, `trust rotate` or `trust publish` outside a demonstration."""
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")
    _keys(tmp_path)
    ring = tmp_path / "ring.yaml"
    assert cli_in_process(tmp_path, "keys", "add", str(ring), "--public", "a.key.pub", "--person", "Ann Lee",
                          "--role", "rso", "--from", "2026-01-01", "--until", "2028-12-31")[0] == 0
    rc, text = _init(tmp_path, ring, roots=("a", "sam-whitfield"))
    assert rc == 0 and NOT_A_RELEASE in text, text
    monkeypatch.delenv("CASEGATE_DEMO_KEYS")
    from casegate.errors import InputError
    from casegate.trust import load_draft, load_trust_root

    for load in (load_trust_root, load_draft):
        with pytest.raises(InputError) as e:
            load(tmp_path / "trust" / "1.root.json" if load is load_draft else tmp_path / "trust",
                 **({"now": dt.datetime.now(dt.UTC)} if load is load_trust_root else {}))
        assert "sam-whitfield.key" in e.value.message
    rc, text = cli_in_process(tmp_path, "trust", "show", "trust")
    assert rc == 2 and "sam-whitfield.key" in text, text
    rc, text = cli_in_process(tmp_path, "trust", "publish", "trust", str(tmp_path / "trust" / "1.root.json"))
    assert rc == 2 and "sam-whitfield.key" in text, text


def test_the_boards_pages_say_a_demonstration_is_not_a_release(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """With the example keyring (a demonstration) every page says so, the public ones too; with a
    keyring of the lab's own keys, none does."""
    from fastapi.testclient import TestClient

    from casegate.web import Settings, create_app

    db = f"sqlite:///{tmp_path / 'r.db'}"
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")
    app = create_app(Settings(database_url=db, keyring=KEYS / "keyring.yaml", tokens=tmp_path / "tokens.json"))
    c = TestClient(app)
    for page in ("/public", "/public/log", "/login"):
        r = c.get(page)
        assert r.status_code == 200 and NOT_A_RELEASE in html.unescape(r.text), (page, r.text[:2000])
    assert cli_in_process(tmp_path, "keys", "generate", "own.key")[0] == 0
    assert cli_in_process(tmp_path, "keys", "add", "own.yaml", "--public", "own.key.pub", "--person", "Ann Lee",
                          "--role", "rso", "--from", "2026-01-01", "--until", "2028-12-31")[0] == 0
    app = create_app(Settings(database_url=db, keyring=tmp_path / "own.yaml", tokens=tmp_path / "tokens.json"))
    r = TestClient(app).get("/public")
    assert r.status_code == 200 and NOT_A_RELEASE not in html.unescape(r.text)


def test_a_published_key_as_the_logs_or_a_witnesss_signing_key_is_refused(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The log's checkpoints and a witness's cosignatures signed with an example key would be
    anyone's: the key is refused where it is loaded to sign (`log checkpoint`, `witness serve`,
    the board's `--log-key`)."""
    from casegate.errors import InputError
    from casegate.store import load_private_key

    monkeypatch.delenv("CASEGATE_DEMO_KEYS")
    shutil.copy(KEYS / "lena-kovac.key", tmp_path / "log.key")
    (tmp_path / "log.key").chmod(0o600)
    with pytest.raises(InputError) as e:
        load_private_key(tmp_path / "log.key")
    assert "lena-kovac.key" in e.value.message
    db = f"sqlite:///{tmp_path / 'r.db'}"
    with open_registry(db):
        pass
    rc, text = cli_in_process(tmp_path, "log", "checkpoint", "--key", "log.key", "--origin", "t.example/log",
                              "--db", db)
    assert rc == 2 and "lena-kovac.key" in text, text
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")
    assert load_private_key(tmp_path / "log.key") is not None
