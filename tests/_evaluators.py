"""The examples' external evaluators, for test keyrings made of fresh keys: the example evidence
they signed (evidence-attestations/ beside its artifacts) is independent only when the keyring
the gate checks holds them. The people who hold the example's residual-risk roles
(head-of-safeguards, ciso) come with them: a risk authority must be a role a keyring identity
holds (CG417)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from casegate.load import Loaded
from casegate.sign import Keyring, load_keyring, save_keyring

EXAMPLE_KEYRING = Path(__file__).resolve().parents[1] / "examples" / "atlas-api" / "keys" / "keyring.yaml"
EVALUATORS = ("jonas-berg", "lena-kovac")
RISK_HOLDERS = ("ravi-menon", "hana-sato")


def with_example_evaluators(ring: Keyring) -> Keyring:
    """The keyring with the examples' evaluators and risk-role holders (their public keys and
    organisations) added."""
    have = {i.id for i in ring.identities}
    extra = [i for i in load_keyring(EXAMPLE_KEYRING).identities
             if i.id in (*EVALUATORS, *RISK_HOLDERS) and i.id not in have]
    return ring.model_copy(update={"identities": [*ring.identities, *extra]})


def add_example_evaluators(path: Path) -> None:
    """Add the examples' evaluators and risk-role holders to the keyring file at `path`."""
    save_keyring(with_example_evaluators(load_keyring(path)), path)


def attest_again(loaded: Loaded, ring: Keyring) -> None:
    """Have the examples' evaluators sign every evidence attestation of the case again, for the
    case as it now stands (new weights the evaluations were run on again): each envelope in place,
    by the same evaluator (their demo key), in the same role, saying the same, at the same time.
    `ring` must hold the evaluators (`with_example_evaluators`)."""
    from casegate.sign import (
        attest_evidence,
        attestation_files,
        decode_payload,
        load_signer,
        parse_instant,
    )

    with tempfile.TemporaryDirectory() as tmp:
        for path in attestation_files(loaded):
            pred = decode_payload(json.loads(path.read_text()))["predicate"]  # type: ignore[index]
            key = Path(tmp) / f"{pred['identity']}.key"
            if not key.exists():
                shutil.copyfile(EXAMPLE_KEYRING.parent / key.name, key)
                os.chmod(key, 0o600)
            attest_evidence(loaded, pred["evidence"], load_signer(str(key)), ring, pred["role"],
                            activity=pred["activity"], says=pred["statement"],
                            at=parse_instant(pred["signed_at"]), out=path)
