"""Deploy verification that fails closed vs the bundle-only check, whole processes, same run.

- `casegate verify --trust-root DIR --state-proof FILE` (the pinned policy and keyring, the
  chain of root versions, the checkpoint signature, every inclusion proof, the replay; exit 0)
- vs `casegate verify` with neither (the bundle's signatures, sign-offs, authority, digests,
  boundary, expiry: what `verify` checked before a trust root existed; it now exits 1, and the
  work is the same). Goal: within 1.5x.
- `casegate verify --db URL` (the proof built from the registry, opened read-only) for reference.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from _harness import ROOT, casegate, measure

MODEL = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
SIGNERS = [("safety-lead", "dana-ortiz"), ("rso", "sam-whitfield"), ("external-evaluator", "priya-natarajan")]


def trusted(d: Path, case: str, bundle: str) -> tuple[list[str], str]:
    """Register and approve the decided case, make a trust root pinning its policy and keyring
    (one demo root key), checkpoint the log and write the state proof. Returns the extra verify
    arguments for the offline check and the registry URL."""
    db = f"sqlite:///{d.parent / 'registry.db'}"

    def cg(*args: str) -> None:
        subprocess.run([casegate(), *args], check=True, stdout=subprocess.DEVNULL, cwd=d.parent)

    cg("keys", "generate", "root.key")
    cg("keys", "generate", "log.key")
    cg("trust", "init", "trust", "--root-key", "root.key.pub", "--sign-with", "root.key",
       "--policy", str(d / "policy.yaml"), "--keyring", str(d / "keys" / "keyring.yaml"),
       "--log-key", "log.key.pub", "--origin", "bench.casegate.example/log")
    cg("registry", "submit", case, "--db", db)
    cg("state", "set", "atlas-2-api", "under-review", "--by", "bench", "--db", db)
    cg("state", "apply", "atlas-2-api", "--decision", bundle, "--db", db)
    cg("log", "checkpoint", "--key", "log.key", "--origin", "bench.casegate.example/log", "--db", db)
    cg("state-proof", "atlas-2-api", "--out", "state-proof.json", "--db", db)
    return ["--trust-root", str(d.parent / "trust"), "--state-proof", str(d.parent / "state-proof.json")], db


def prepare(tmp: str) -> tuple[Path, str, str]:
    d = Path(tmp) / "atlas-api"
    shutil.copytree(ROOT / "examples" / "atlas-api", d)
    for k in (d / "keys").glob("*.key"):
        k.chmod(0o600)
    os.environ["CASEGATE_KEYRING"] = str(d / "keys" / "keyring.yaml")
    os.environ.pop("CASEGATE_DATABASE_URL", None)
    os.environ.pop("CASEGATE_TRUST_ROOT", None)
    case, bundle = str(d / "case.yaml"), str(d / "decision.bundle.json")
    subprocess.run([casegate(), "authors", "sign", case, "--role", "author", "--key", str(d / "keys" / "mira-chen.key")],
                   check=True, stdout=subprocess.DEVNULL)
    for role, who in SIGNERS:
        subprocess.run([casegate(), "sign", case, "--role", role, "--key", str(d / "keys" / f"{who}.key")],
                       check=True, stdout=subprocess.DEVNULL)
    subprocess.run([casegate(), "decide", case, "--key", str(d / "keys" / "sam-whitfield.key"), "--role", "rso",
                    "--out", bundle], check=True, stdout=subprocess.DEVNULL)
    return d, case, bundle


def main() -> None:
    print("bench_trust: verify with trust root + state proof vs the bundle-only check (best of runs, same run)")
    with tempfile.TemporaryDirectory() as tmp:
        d, case, bundle = prepare(tmp)
        extra, db = trusted(d, case, bundle)
        # a signature's time is when the log recorded it (just now): verify as of the example's date,
        # or now when the log was written after it
        at = max(dt.datetime(2026, 12, 1, 23, 59, 59, tzinfo=dt.UTC), dt.datetime.now(dt.UTC))
        base = [casegate(), "verify", "--bundle", bundle, "--model-digest", MODEL, "--boundary", "api",
                "--at", at.strftime("%Y-%m-%dT%H:%M:%SZ")]
        bare = measure(base, repeat=7, ok=(1,))
        # 5: the example's keys are published, so verify never says verified on them (a demonstration,
        # everything else verified): the same checks are timed
        proof = measure([*base, *extra], repeat=7, ok=(5,))
        online = measure([*base, "--trust-root", extra[1], "--db", db], repeat=7, ok=(5,))
        print(f"  bundle only {bare.wall:.3f}s (cpu {bare.cpu:.3f}s)  with root + state proof {proof.wall:.3f}s "
              f"(cpu {proof.cpu:.3f}s)  ratio {proof.wall / bare.wall:.2f}x wall, {proof.cpu / bare.cpu:.2f}x cpu "
              "(goal <= 1.50)")
        print(f"  online from the registry (read-only) {online.wall:.3f}s  ratio {online.wall / bare.wall:.2f}x")
        print(json.dumps({"verify_proof_over_bundle_only_wall": round(proof.wall / bare.wall, 2),
                          "verify_proof_over_bundle_only_cpu": round(proof.cpu / bare.cpu, 2),
                          "verify_online_over_bundle_only_wall": round(online.wall / bare.wall, 2)}))


if __name__ == "__main__":
    main()
