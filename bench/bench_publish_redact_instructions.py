"""Instructions one call of the summary's redaction (`casegate.publish.redact`) executes, per tree.

bench_publish_redact.py times the redaction's pieces in CPU seconds, which move with the load on
a shared machine; this counts the instructions of `redact` alone (valgrind Ir, collected only
inside `functools.reduce`, which wraps the one call), on the synthetic case, after a first call
has warmed what the redaction builds on first use. The salts come from a fixed key (`KeyedSalts`),
the same for every tree, so every tree seals the same elements with the same salts.
With `--before SRC`, another source tree is counted the same way in the same run.

    python bench/bench_publish_redact_instructions.py [--level LEVEL] [--before SRC] [SIZE]
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from _harness import PY, ensure_case, named_trees, reduce_instructions

_RUN = r'''
import functools, sys
tree, case_path, level = sys.argv[1:]
sys.path.insert(0, tree)
from pathlib import Path
from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import KeyedSalts, redact

case = load_case(Path(case_path)).case
salts = KeyedSalts(bytes(range(32)))
redact(case, salts, Confidentiality(level))  # what the redaction builds on first use, built
functools.reduce(lambda x, y: redact(case, salts, Confidentiality(level)), [0, 1])
'''


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", nargs="?", type=int, default=10_000)
    ap.add_argument("--level", default="public", help="the audience's level (default public)")
    ap.add_argument("--before", type=Path, help="another source tree to count in the same run")
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_publish_redact_instructions needs valgrind (apt-get install valgrind)")
    trees = named_trees(a.before)
    case = ensure_case(a.size)
    print(f"bench_publish_redact_instructions: {a.size // 1000}k elements, level {a.level}, "
          "instructions of one `redact` (valgrind Ir)")
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    for name, tree in trees.items():
        n = reduce_instructions([PY, "-c", _RUN, tree, str(case), a.level], env)
        print(f"  {name}: {n:,}", flush=True)


if __name__ == "__main__":
    main()
