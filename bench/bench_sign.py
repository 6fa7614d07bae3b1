"""Signing and deploy verification on the example, against baselines measured in the same run.

- `casegate decide` (verify sign-offs, gate at the case's boundary and each narrower one, sign)
  vs `casegate gate` on the same case, whole processes.
- `casegate verify` vs `casegate check` on the same case, whole processes: a deploy-time check
  should cost no more than linting the case.
- in process: `verify_bundle` vs bare Ed25519 verification of the bundle's four signatures over
  their DSSE PAE bytes (the cryptographic floor), per call.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from _harness import ROOT, casegate, run

MODEL = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
SIGNERS = [("safety-lead", "dana-ortiz"), ("rso", "sam-whitfield"), ("external-evaluator", "priya-natarajan")]


def _best(fn, n: int) -> float:
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, (time.perf_counter() - t) / n)
    return best


def main() -> None:
    print("bench_sign: decide / verify on the example (best of runs; ratios against same-run baselines)")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "atlas-api"
        shutil.copytree(ROOT / "examples" / "atlas-api", d)
        for k in (d / "keys").glob("*.key"):
            k.chmod(0o600)
        os.environ["CASEGATE_KEYRING"] = str(d / "keys" / "keyring.yaml")
        case, bundle = str(d / "case.yaml"), str(d / "decision.bundle.json")
        for role, who in SIGNERS:
            subprocess.run([casegate(), "sign", case, "--role", role, "--key", str(d / "keys" / f"{who}.key")],
                           check=True, stdout=subprocess.DEVNULL)
        decide = [casegate(), "decide", case, "--key", str(d / "keys" / "sam-whitfield.key"), "--role", "rso",
                  "--out", bundle]
        subprocess.run(decide, check=True, stdout=subprocess.DEVNULL)
        t_decide, _ = run(decide, repeat=3)
        t_gate, _ = run([casegate(), "gate", case], repeat=3)
        print(f"  decide {t_decide:.3f}s  gate {t_gate:.3f}s  ratio {t_decide / t_gate:.2f}x "
              "(decide also gates each narrower boundary)")
        from bench_trust import trusted

        extra, _db = trusted(d, case, bundle)  # a trust root and a state proof: verify fails closed without
        verify = [casegate(), "verify", "--bundle", bundle, "--model-digest", MODEL, "--boundary", "api",
                  "--at", "2026-12-01", *extra]
        # 5: on the example's published keys never verified, everything else verified (a demonstration)
        t_verify, m_verify = run(verify, repeat=5, ok=(5,))
        t_check, m_check = run([casegate(), "check", case], repeat=5)
        print(f"  verify {t_verify:.3f}s  check {t_check:.3f}s  ratio {t_verify / t_check:.2f}x (goal <= 1.00)  "
              f"peak RSS verify {m_verify / 1024:.0f} MiB, check {m_check / 1024:.0f} MiB")

        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        from casegate.model import BoundaryKind
        from casegate.sign import load_keyring, parse_instant
        from casegate.verify import read_bundle, verify_bundle

        ring = load_keyring(os.environ["CASEGATE_KEYRING"])
        data = read_bundle(Path(bundle))
        at = parse_instant("2026-12-01")
        envs = [data["decision"], *data["signoffs"]]
        raw = []
        for e in envs:
            payload = base64.b64decode(e["payload"])
            t = e["payloadType"].encode()
            pae = b"DSSEv1 %d %b %d %b" % (len(t), t, len(payload), payload)
            k = ring.get(e["signatures"][0]["keyid"])
            raw.append((Ed25519PublicKey.from_public_bytes(bytes.fromhex(k.public)),
                        base64.b64decode(e["signatures"][0]["sig"]), pae))

        def floor() -> None:
            for pub, sig, pae in raw:
                pub.verify(sig, pae)

        def ours() -> None:
            verify_bundle(data, ring, model_digest=MODEL, boundary=BoundaryKind.api, at=at)

        t_ours, t_floor = _best(ours, 20), _best(floor, 200)
        print(f"  verify_bundle {t_ours * 1e3:.2f} ms/call  bare Ed25519 x{len(raw)} {t_floor * 1e3:.3f} ms/call  "
              f"ratio {t_ours / t_floor:.1f}x (policy parse, canonical JSON, authority matching on top)")
        print(json.dumps({"decide_over_gate": round(t_decide / t_gate, 2),
                          "verify_over_check": round(t_verify / t_check, 2),
                          "verify_bundle_over_bare_ed25519": round(t_ours / t_floor, 1)}))


if __name__ == "__main__":
    main()
