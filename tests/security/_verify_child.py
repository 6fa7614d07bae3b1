"""Run in a child process under resource limits (see `_limited.py`): verify each decision bundle
named on stdin (a JSON object: bundle paths, keyring, trust root, state proof, model digest,
boundary, time) as `casegate verify` does, and print one JSON line per bundle with its outcome,
the CPU seconds it took and the process's peak memory after it. A crash or a run past a limit
shows in the parent as a missing line or a non-zero exit."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from _limited import peak_kib  # noqa: E402  (this folder is the script's own)

from casegate.errors import CasegateError
from casegate.model import BoundaryKind
from casegate.sign import load_keyring, parse_instant
from casegate.trust import load_trust_root
from casegate.verify import read_bundle, verify_deploy

job = json.load(sys.stdin)
ring = load_keyring(job["keyring"])
root = load_trust_root(job["trust_root"])
proof = json.loads(Path(job["state_proof"]).read_text())
at = parse_instant(job["at"])
for i, path in enumerate(job["bundles"]):
    t0 = time.process_time()
    try:
        v = verify_deploy(read_bundle(Path(path)), ring, trust=root, proof=lambda _c: (proof, []),
                          model_digest=job["model_digest"], boundary=BoundaryKind(job["boundary"]), at=at, now=at)
        outcome = "verified" if v.ok else "not verified"
    except CasegateError as e:
        outcome = "refused: " + e.message[:120]
    except MemoryError:
        outcome = "MemoryError"
    except BaseException as e:  # anything else is what the command line reports as exit 70
        outcome = f"crash: {type(e).__name__}: {e}"[:300]
    cpu = time.process_time() - t0
    peak = peak_kib()
    print(json.dumps({"i": i, "outcome": outcome, "cpu": cpu, "peak_kib": peak}), flush=True)
