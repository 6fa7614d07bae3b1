"""Instructions (valgrind Ir) `verify_deploy` spends on one bundle with a past `--at`, which is
judged as of `--at` and as of now (two bundle checks), beside the same call with `--at` now (one).

The bundle is the approved fixture world of tests/verify (three sign-offs, a signed authors list,
evidence counted independent with its attestations), made once with this tree outside valgrind;
each source tree then reads it and its keyring and is counted inside the `verify_deploy` call
alone (`_harness.reduce_instructions`), with no trust root and no state proof, so only the bundle
checks differ between trees.

    python bench/bench_verify_past_at.py                       # this tree
    python bench/bench_verify_past_at.py --before OLD/src      # and an earlier tree, in the same run
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, reduce_instructions, source_trees

MAKE = """
import json, sys
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from casegate.store import open_registry
from tests.verify.trusted import approved_world
d = Path(sys.argv[3])
with open_registry(f"sqlite:///{d}/registry.db") as reg:
    w, bundle, _ = approved_world(d / "w", reg)
(d / "bundle.json").write_text(json.dumps(bundle))
print(w.ring_path)
"""

RUN = """
import datetime as dt, functools, json, os, sys
sys.path.insert(0, sys.argv[1])
from casegate.model import BoundaryKind
from casegate.sign import load_keyring
from casegate.verify import verify_deploy
bundle = json.loads(open(sys.argv[2]).read())
ring = load_keyring(sys.argv[3])
now = dt.datetime.now(dt.UTC)
at = now - dt.timedelta(hours=int(sys.argv[4]))
model = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
v = functools.reduce(lambda x, y: verify_deploy(bundle, ring, trust=None, proof=None, model_digest=model,
                                                boundary=BoundaryKind.api, at=at, now=now), [0, 1])
assert v.reasons, "with no trust root and no proof the bundle never verifies"
os._exit(0)
"""


def main() -> None:
    args = sys.argv[1:]
    trees = source_trees(args)
    print("bench_verify_past_at: instructions inside verify_deploy of one bundle (valgrind Ir)")
    with tempfile.TemporaryDirectory() as tmp:
        ring = subprocess.run([PY, "-c", MAKE, str(ROOT / "src"), str(ROOT), tmp], capture_output=True, text=True,
                              check=True).stdout.strip().splitlines()[-1]
        bundle = str(Path(tmp) / "bundle.json")
        json.loads(Path(bundle).read_text())
        results: dict[str, int] = {}
        for label, hours in (("--at now", "0"), ("--at 1 hour ago", "1")):
            for suffix, tree in trees.items():
                env = {**os.environ, "PYTHONHASHSEED": "0"}
                n = reduce_instructions([PY, "-c", RUN, tree, bundle, ring, hours], env)
                results[label + suffix] = n
                print(f"  {label + suffix:<32} {n:>15,}")
        print(json.dumps(results))


if __name__ == "__main__":
    main()
