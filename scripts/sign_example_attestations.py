"""Sign the examples' evidence attestations with the demo evaluators' keys (DEMO ONLY).

The external evaluators of the examples (Jonas Berg of Northbridge Security, Lena Kovac of Halden
Assurance; keys in examples/atlas-api/keys/) each sign that they ran the tests and probes their
organisation produced. The envelopes go to `evidence-attestations/` beside each artifact, where every case
citing the artifact finds them. Ed25519 signatures are deterministic and the signing times are
fixed, so re-running writes the same bytes unless an artifact changed.

    PYTHONPATH=src .venv/bin/python scripts/sign_example_attestations.py
"""

from __future__ import annotations

import os
from pathlib import Path

from casegate.load import load_case
from casegate.sign import attest_evidence, load_keyring, load_signer, parse_instant

ROOT = Path(__file__).resolve().parents[1]
KEYS = ROOT / "examples" / "atlas-api" / "keys"

# (case, evidence id, key, what the evaluator says they ran, when they signed)
ATTESTATIONS = [
    ("atlas-api", "E-redteam-classifier", "jonas-berg",
     "Red team of the Atlas-2 cyber and bio classifiers: 1,200 jailbreak attempts by 14 Northbridge red-teamers; "
     "3 bypasses.", "2026-10-29T12:00:00Z"),
    ("atlas-api", "E-sandbag", "jonas-berg",
     "Sandbagging probe of Atlas-2: capability-matched comparison against a password-locked control and "
     "fine-tuning elicitation on 300 held-out CTF and bio-uplift items; scores rose by at most 1.4 points, "
     "within noise.", "2026-10-21T12:00:00Z"),
    ("atlas-api", "E-weights-audit", "lena-kovac",
     "SL3 weight-security audit of Atlas-2's weight storage: two-party authorisation, egress controls and "
     "access logs; controls found in place.", "2026-10-01T12:00:00Z"),
    ("atlas-api", "E-insider", "lena-kovac",
     "Insider exfiltration exercise against the Atlas-2 weight hosts: 60 attempts, none succeeded.",
     "2026-10-06T12:00:00Z"),
    ("atlas-api", "E-egress-test", "lena-kovac",
     "Automated egress-limit test on the hosts holding Atlas-2 weights: 5,000 transfer attempts of "
     "weight-sized payloads, none got through.", "2026-10-08T12:00:00Z"),
    ("open-weights", "E-sandbag", "jonas-berg",
     "Sandbagging probe of the open-weights model: fine-tuning elicitation recovered planted sandbagging, "
     "and the released model's scores did not rise beyond noise.", None),
    ("open-weights", "E-relearn-test", "jonas-berg",
     "Relearning attack on the unlearned open-weights model: fine-tuning to recover removed hazardous "
     "knowledge.", None),
    ("open-weights", "E-tamper-test", "jonas-berg",
     "Tamper-resistance test of the open-weights model's safeguards under fine-tuning.", None),
]


def main() -> None:
    ring = load_keyring(KEYS / "keyring.yaml")
    for example, eid, key, says, when in ATTESTATIONS:
        loaded = load_case(ROOT / "examples" / example / "case.yaml")
        assert loaded.case is not None, example
        p = KEYS / f"{key}.key"
        os.chmod(p, 0o600)  # git does not keep file modes; casegate refuses a readable private key
        at = parse_instant(when) if when else parse_instant(loaded.case.evidence[eid].date.isoformat()) \
            .replace(hour=12)
        path, k, digest = attest_evidence(loaded, eid, load_signer(str(p)), ring, "evaluator",
                                          activity="ran", says=says, at=at)
        print(f"{example} {eid}: {k.person} ({k.organisation}) over sha256 {digest[:16]}... -> "
              f"{path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
