"""casegate's signed envelopes in the packagings the supply-chain tools read: an in-toto
attestation bundle (JSON Lines, one DSSE envelope per line) and Sigstore bundles v0.3 (one DSSE
envelope each, with a public-key hint instead of a certificate).

Nothing is re-signed: the envelopes are the ones `sign`, `object`, `waive` and `decide` wrote,
so whatever verifies them verifies these too."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from ._statement import PAYLOAD_TYPE, decode_payload

SIGSTORE_BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json"
"""Media type of the Sigstore bundles casegate writes."""
INTOTO_BUNDLE_SUFFIX = ".intoto.jsonl"
SIGSTORE_BUNDLE_SUFFIX = ".sigstore.json"


def validate_statement(stmt: dict[str, Any], label: str) -> None:
    """Check an in-toto Statement v1 with the in-toto-attestation bindings' own validators
    (statement type, at least one subject, each with a digest, a predicate type and predicate)."""
    from google.protobuf import json_format
    from in_toto_attestation.v1.statement import Statement
    from in_toto_attestation.v1.statement_pb2 import Statement as StatementPb

    try:
        pb = json_format.ParseDict(stmt, StatementPb())
        Statement.copy_from_pb(pb).validate()
    except (json_format.ParseError, ValueError, TypeError) as e:
        raise InputError(f"{label}: not a valid in-toto Statement v1: {e}") from None


def _checked(env: Any, label: str) -> dict[str, Any]:
    if not isinstance(env, dict) or env.get("payloadType") != PAYLOAD_TYPE:
        raise InputError(f"{label}: not a DSSE envelope over an in-toto statement")
    sigs = env.get("signatures")
    if not isinstance(sigs, list) or len(sigs) != 1:
        raise InputError(f"{label}: a casegate envelope has exactly one signature")
    stmt = decode_payload(env)
    if stmt is None:
        raise InputError(f"{label}: the payload is not a JSON statement")
    validate_statement(stmt, label)
    return env


def intoto_bundle(envelopes: list[dict[str, Any]]) -> bytes:
    """An in-toto attestation bundle: each envelope as one line of compact JSON."""
    return b"".join(json.dumps(e, separators=(",", ":"), sort_keys=True).encode() + b"\n"
                    for e in envelopes)


def sigstore_bundle(envelope: dict[str, Any]) -> dict[str, Any]:
    """A Sigstore bundle v0.3 carrying the envelope, with the signing key's casegate key id as the
    public-key hint and no transparency-log entry (casegate's own log records decisions; the
    bundle does not claim a Rekor entry it does not have)."""
    from pydantic import ValidationError
    from sigstore_models.bundle.v1 import Bundle

    sig = envelope["signatures"][0]
    try:
        b = Bundle.from_dict({
            "mediaType": SIGSTORE_BUNDLE_MEDIA_TYPE,
            "verificationMaterial": {"publicKey": {"hint": sig["keyid"]}, "tlogEntries": []},
            "dsseEnvelope": {"payload": envelope["payload"], "payloadType": envelope["payloadType"],
                             "signatures": [{"sig": sig["sig"], "keyid": sig["keyid"]}]},
        })
    except (ValidationError, KeyError, TypeError) as e:
        raise InputError(f"cannot put the envelope in a Sigstore bundle: {e}") from None
    return b.to_dict()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def bundle_envelopes(bundle: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The decision bundle's envelopes with a file stem each: the decision first, then every
    sign-off, objection and waiver, in bundle order. Each is checked to be a single-signature
    DSSE envelope over a valid in-toto Statement v1."""
    out = [("decision", _checked(bundle.get("decision"), "decision"))]
    for kind, key in (("signoff", "signoffs"), ("objection", "objections"), ("waiver", "waivers")):
        for i, env in enumerate(bundle.get(key) or [], 1):
            env = _checked(env, f"{'sign-off' if kind == 'signoff' else kind} #{i}")
            pred = (decode_payload(env) or {}).get("predicate", {})
            if kind == "signoff":
                name = f"{pred.get('role')}-{pred.get('person')}"
            elif kind == "objection":
                name = str(pred.get("objection") or i)
            else:
                name = f"{pred.get('code')}-{i}"
            out.append((f"{kind}-{_slug(name)}", env))
    seen: dict[str, int] = {}
    named = []
    for stem, env in out:
        seen[stem] = seen.get(stem, 0) + 1
        named.append((stem if seen[stem] == 1 else f"{stem}-{seen[stem]}", env))
    return named


PASSING_OUTCOMES = ("GO", "GO WITH CONDITIONS")


def _refuse_no_go(named: list[tuple[str, dict[str, Any]]]) -> None:
    """InputError unless the decision's signed outcome lets the model go: a NO-GO decision is
    signed by the same key, under the same predicate type and for the same model digest as a
    GO, so an admission check that reads only the signature and the subject would admit it."""
    pred = (decode_payload(named[0][1]) or {}).get("predicate")
    record = pred.get("record") if isinstance(pred, dict) else None
    outcome = record.get("outcome") if isinstance(record, dict) else None
    if outcome in PASSING_OUTCOMES:
        return
    said = f"is {outcome}" if isinstance(outcome, str) else "signs no outcome casegate can read"
    raise InputError(
        f"the decision {said}: its attestation is signed as a GO's is, for the same model, so an admission "
        "check that reads only the signature would admit the model",
        help="export it only for an archive, with --allow-no-go; an admission check must read the "
             "predicate's record.outcome, and `casegate verify` with a state proof says whether the model "
             "may be deployed now")


def write_attestations(bundle: dict[str, Any], out_dir: Path, *, stem: str = "decision",
                       allow_no_go: bool = False) -> list[Path]:
    """Write `<stem>.intoto.jsonl` (every envelope, the decision first) and one
    `<name>.sigstore.json` per envelope into `out_dir`; return the paths written. A decision
    whose signed outcome is not GO or GO WITH CONDITIONS is refused (InputError, nothing
    written) unless `allow_no_go`."""
    named = bundle_envelopes(bundle)
    if not allow_no_go:
        _refuse_no_go(named)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        written = [out_dir / f"{stem}{INTOTO_BUNDLE_SUFFIX}"]
        written[0].write_bytes(intoto_bundle([env for _, env in named]))
        for name, env in named:
            p = out_dir / f"{name}{SIGSTORE_BUNDLE_SUFFIX}"
            p.write_text(json.dumps(sigstore_bundle(env), indent=2) + "\n")
            written.append(p)
    except OSError as e:
        raise InputError(f"cannot write the attestations: {e.strerror}", location=str(out_dir)) from None
    return written
