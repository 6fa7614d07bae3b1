"""The attestation bundles are checked by code casegate did not write: the in-toto-attestation
bindings' validators, sigstore-models' Bundle parser, `cryptography`'s Ed25519 and a DSSE
pre-authentication encoding written here from the DSSE v1 specification."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from google.protobuf import json_format
from in_toto_attestation.v1.statement import Statement
from in_toto_attestation.v1.statement_pb2 import Statement as StatementPb
from sigstore_models.bundle.v1 import Bundle

from casegate.errors import InputError
from casegate.sign import parse_instant, sign_case, write_attestations
from casegate.verify import decide_case, write_bundle
from tests.sign.helpers import MODEL, World, make_world

ROOT = Path(__file__).resolve().parents[2]
AT = parse_instant("2026-11-25")
SIGNED = {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}
PREDICATE_SCHEMAS = {
    f"https://casegate.dev/{n}/v1": json.loads((ROOT / "schemas" / "predicates" / f"{n}-v1.schema.json").read_text())
    for n in ("signoff", "objection", "waiver", "decision")
}


def pae(payload_type: str, payload: bytes) -> bytes:
    """DSSE v1 PAE: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII decimal."""
    t = payload_type.encode()
    return b"DSSEv1 " + str(len(t)).encode() + b" " + t + b" " + str(len(payload)).encode() + b" " + payload


def public_keys(world: World) -> dict[str, Ed25519PublicKey]:
    """Key id -> public key, from the keyring's published hex (what a verifier is handed)."""
    return {k.keyid: Ed25519PublicKey.from_public_bytes(bytes.fromhex(k.public)) for k in world.ring.keys}


def verify_dsse(payload_type: str, payload: bytes, keyid: str, sig: bytes, keys: dict[str, Ed25519PublicKey]) -> None:
    keys[keyid].verify(sig, pae(payload_type, payload))  # raises InvalidSignature


def validate_statement(payload: bytes) -> dict:
    stmt = json.loads(payload)
    Statement.copy_from_pb(json_format.ParseDict(stmt, StatementPb())).validate()
    assert stmt["_type"] == "https://in-toto.io/Statement/v1"
    return stmt


@pytest.fixture(scope="module")
def attested(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("attest")
    w = make_world(tmp)
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)
    _, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    write_bundle(bundle, w.dir / "decision.bundle.json")
    paths = write_attestations(bundle, tmp / "out")
    return w, bundle, tmp / "out", paths


def test_intoto_jsonl_lines_verify_independently(attested) -> None:
    w, bundle, out, paths = attested
    keys = public_keys(w)
    lines = (out / "decision.intoto.jsonl").read_bytes().splitlines()
    assert len(lines) == 1 + len(bundle["signoffs"]) + len(bundle["objections"]) + len(bundle["waivers"]) == 4
    kinds = []
    for line in lines:
        env = json.loads(line)
        assert env["payloadType"] == "application/vnd.in-toto+json"
        payload = base64.b64decode(env["payload"])
        (sig,) = env["signatures"]
        verify_dsse(env["payloadType"], payload, sig["keyid"], base64.b64decode(sig["sig"]), keys)
        stmt = validate_statement(payload)
        jsonschema.validate(stmt["predicate"], PREDICATE_SCHEMAS[stmt["predicateType"]],
                            format_checker=jsonschema.FormatChecker())
        assert {"name": "model:Atlas-2@2.1.0", "digest": {"sha256": MODEL.removeprefix("sha256:")}} in stmt["subject"]
        kinds.append(stmt["predicateType"])
    assert kinds[0] == "https://casegate.dev/decision/v1"
    assert kinds[1:] == ["https://casegate.dev/signoff/v1"] * 3


def test_sigstore_bundles_parse_and_verify_independently(attested) -> None:
    w, bundle, out, paths = attested
    keys = public_keys(w)
    sig_files = sorted(out.glob("*.sigstore.json"))
    assert [p.name for p in sig_files] == sorted([
        "decision.sigstore.json", "signoff-safety-lead-dana-ortiz.sigstore.json",
        "signoff-rso-sam-whitfield.sigstore.json", "signoff-external-evaluator-priya-natarajan.sigstore.json"])
    for p in sig_files:
        b = Bundle.from_json(p.read_text())
        assert b.media_type == "application/vnd.dev.sigstore.bundle.v0.3+json"
        hint = b.verification_material.public_key.hint  # type: ignore[union-attr]
        env = b.dsse_envelope
        assert env is not None and len(env.signatures) == 1
        assert env.signatures[0].keyid == hint and hint in keys
        verify_dsse(env.payload_type, env.payload, hint, env.signatures[0].sig, keys)
        validate_statement(env.payload)
        raw = json.loads(p.read_text())
        assert raw["verificationMaterial"] == {"publicKey": {"hint": hint}, "tlogEntries": []}
    dec = Bundle.from_json((out / "decision.sigstore.json").read_text())
    assert dec.dsse_envelope is not None
    assert base64.b64encode(dec.dsse_envelope.payload).decode() == bundle["decision"]["payload"]


def test_exported_envelopes_read_back_through_casegates_strict_reader(attested) -> None:
    """casegate refuses envelopes with fields DSSE does not define; the envelopes it exports (each
    in-toto JSON line, and each Sigstore bundle's dsseEnvelope) have none, and verify."""
    from casegate.sign import check_envelope, dsse_shape_problems

    w, bundle, out, paths = attested
    envs = [json.loads(line) for line in (out / "decision.intoto.jsonl").read_bytes().splitlines()]
    envs += [json.loads(p.read_text())["dsseEnvelope"] for p in sorted(out.glob("*.sigstore.json"))]
    assert len(envs) == 8
    for env in envs:
        assert dsse_shape_problems(env, "e") == []
        signed, reasons = check_envelope(env, w.ring, AT, "e")
        assert signed is not None and reasons == [], reasons


def test_a_changed_payload_fails_the_independent_check(attested) -> None:
    w, _, out, _ = attested
    keys = public_keys(w)
    env = json.loads((out / "decision.intoto.jsonl").read_bytes().splitlines()[1])
    stmt = json.loads(base64.b64decode(env["payload"]))
    stmt["predicate"]["role"] = "product-lead"
    forged = json.dumps(stmt).encode()
    (sig,) = env["signatures"]
    with pytest.raises(InvalidSignature):
        verify_dsse(env["payloadType"], forged, sig["keyid"], base64.b64decode(sig["sig"]), keys)
    with pytest.raises(InvalidSignature):  # the type is signed too
        verify_dsse("application/json", base64.b64decode(env["payload"]), sig["keyid"],
                    base64.b64decode(sig["sig"]), keys)


def test_a_statement_without_subjects_is_refused(attested) -> None:
    _, bundle, out, _ = attested
    bad = json.loads(json.dumps(bundle))
    stmt = json.loads(base64.b64decode(bad["signoffs"][0]["payload"]))
    stmt["subject"] = []
    bad["signoffs"][0]["payload"] = base64.b64encode(json.dumps(stmt).encode()).decode()
    with pytest.raises(InputError, match="sign-off #1: not a valid in-toto Statement v1: At least one subject"):
        write_attestations(bad, out / "bad")


def test_cli_attest_writes_next_to_the_bundle(attested) -> None:
    w, _, _, _ = attested
    r = subprocess.run([sys.executable, "-m", "casegate", "attest", str(w.dir / "decision.bundle.json")],
                       capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin"})
    assert r.returncode == 0, r.stderr
    assert (w.dir / "attestations" / "decision.intoto.jsonl").is_file()
    assert f"wrote {w.dir / 'attestations' / 'decision.sigstore.json'}" in r.stdout
    r = subprocess.run([sys.executable, "-m", "casegate", "attest", str(w.dir / "case.yaml")],
                       capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin"})
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_a_no_go_decision_is_not_exported_unless_asked(tmp_path: Path) -> None:
    """Move: the lab exports the attestations of a NO-GO decision (no sign-offs) and hands them to
    an admission controller that checks the decider's signature and the model digest. The export
    is refused; `--allow-no-go` writes them for an archive (it used to write them as any other)."""
    from tests._evaluators import RISK_HOLDERS

    w = make_world(tmp_path)
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)
    # no keyring identity holds the residual-risk owners' roles: CG417 blocks, the outcome is NO-GO
    ring = w.ring.model_copy(update={"identities": [i for i in w.ring.identities if i.id not in RISK_HOLDERS]})
    _, bundle = decide_case(w.load(), w.signers["sam"], "rso", ring, at=AT)
    stmt = json.loads(base64.b64decode(bundle["decision"]["payload"]))
    assert stmt["predicate"]["record"]["outcome"] == "NO-GO"
    assert {"name": "model:Atlas-2@2.1.0", "digest": {"sha256": MODEL.removeprefix("sha256:")}} in stmt["subject"]
    with pytest.raises(InputError, match="the decision is NO-GO: its attestation is signed as a GO's is") as e:
        write_attestations(bundle, tmp_path / "out")
    assert "--allow-no-go" in e.value.diagnostics()
    assert not (tmp_path / "out").exists()
    write_bundle(bundle, w.dir / "decision.bundle.json")
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin"}
    r = subprocess.run([sys.executable, "-m", "casegate", "attest", str(w.dir / "decision.bundle.json")],
                       capture_output=True, text=True, env=env)
    assert r.returncode == 2 and "is NO-GO" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not (w.dir / "attestations").exists()
    r = subprocess.run([sys.executable, "-m", "casegate", "attest", str(w.dir / "decision.bundle.json"),
                        "--allow-no-go"], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    lines = (w.dir / "attestations" / "decision.intoto.jsonl").read_bytes().splitlines()
    assert len(lines) == 4
    validate_statement(base64.b64decode(json.loads(lines[0])["payload"]))
