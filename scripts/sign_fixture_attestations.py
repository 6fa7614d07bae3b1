"""Sign the rule fixtures' evidence attestations again, with fresh keys (TEST FIXTURES ONLY).

Each fixture folder under tests/fixtures/rules/ that holds a `keyring.yaml` and signed evidence
attestations (`reports/evidence-attestations/*.dsse.json`) gets, for every identity that signed
one, a new Ed25519 key: its public half replaces the identity's key in the fixture keyring
(same roles, validity and organisation), its private half signs the attestation again with
`attest_evidence` (so the statement records the item's id, kind, the safeguards it tests and
the result and date the case declares)
and is then discarded. The signer, role, activity, statement and signing time are those of the
attestation being replaced.

    PYTHONPATH=src .venv/bin/python scripts/sign_fixture_attestations.py
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization

from casegate.load import load_case
from casegate.sign import (
    attest_evidence,
    decode_payload,
    generate_key,
    key_id,
    load_keyring,
    load_private_key,
    load_signer,
    parse_instant,
    save_keyring,
)

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "tests" / "fixtures" / "rules"


def _rekeyed(ring: Any, identity: str, tmp: Path) -> tuple[Any, Any]:
    """The keyring with `identity`'s keys replaced by one fresh key, and that key's signer."""
    path = tmp / f"{identity}.key"
    generate_key(path)
    pub = load_private_key(path).public_key()
    raw = pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()
    idents = []
    for ident in ring.identities:
        if ident.id == identity:
            keys = [k.model_copy(update={"keyid": key_id(pub), "public": raw}) for k in ident.keys[:1]]
            ident = ident.model_copy(update={"keys": keys})
        idents.append(ident)
    return ring.model_copy(update={"identities": idents}), load_signer(str(path))


def main() -> None:
    for ring_path in sorted(RULES.glob("*/*/keyring.yaml")):
        folder = ring_path.parent
        envelopes = sorted(folder.glob("reports/evidence-attestations/*.dsse.json"))
        if not envelopes:
            continue
        preds = [decode_payload(json.loads(p.read_text()))["predicate"] for p in envelopes]  # type: ignore[index]
        ring = load_keyring(ring_path)
        signers = {}
        with tempfile.TemporaryDirectory() as tmp:
            for pred in preds:
                if pred["identity"] not in signers:
                    ring, signers[pred["identity"]] = _rekeyed(ring, pred["identity"], Path(tmp))
            save_keyring(ring, ring_path)
            for path, pred in zip(envelopes, preds, strict=True):
                loaded = load_case(folder / "case.yaml")
                attest_evidence(loaded, pred["evidence"], signers[pred["identity"]], ring, pred["role"],
                                activity=pred["activity"], says=pred["statement"],
                                at=parse_instant(pred["signed_at"]), out=path)
                print(f"{path.relative_to(ROOT)}: {pred['identity']} for {pred['evidence']}")


if __name__ == "__main__":
    main()
