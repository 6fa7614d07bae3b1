"""Instructions (valgrind Ir) `check` of the K-thousand-goal argument spends inside named functions.

Each function named is wrapped in a `functools.reduce` call and the process is counted with
collection toggled on that function (`_harness.reduce_instructions`), so the figure is the
function's own cost, every call of it during a whole `check` (load, artifacts, facts, index,
rules) added up, callees included. A function looked up by name at call time must be named where
it is looked up: `casegate.evidence:derive_evidence` (what `facts_for` calls), not
`casegate.evidence._derive:derive_evidence`. Each tree's schema cache is warmed by one run first.

    python bench/bench_function_instructions.py casegate.evidence:apply_facts
    python bench/bench_function_instructions.py casegate.evidence:apply_facts,casegate.evidence:derive_evidence \\
        --before OLD/src        # and an earlier casegate's source tree, in the same run
    BENCH_K=1 python bench/bench_function_instructions.py casegate.checks._index:build_index  # 1k goals
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from _harness import PY, ensure_case, reduce_instructions, source_trees

RUN = """
import functools, importlib, os, sys
sys.path.insert(0, sys.argv[1])
target, case = sys.argv[2], sys.argv[3]
from casegate.cli import _without_pydantic_plugins, _without_aws_signer
_without_pydantic_plugins(); _without_aws_signer()
from casegate._schemacache import enable
enable()
import gc; gc.disable()
from pathlib import Path
from casegate.checks import registered
from casegate.checks._registry import run_checks
from casegate.checks._run import make_context
from casegate.evidence import rehash_artifacts
from casegate.load import load_case
registered()
module, name = target.rsplit(":", 1)
owner = importlib.import_module(module)
f = getattr(owner, name)
setattr(owner, name, lambda *a, **k: functools.reduce(lambda x, y: f(*a, **k), [0, 1]))
loaded = load_case(Path(case), keep_data=False)
ctx = make_context(loaded, artifacts=rehash_artifacts(loaded))
ctx.index
list(run_checks(ctx))
os._exit(0)
"""


def main() -> None:
    args = sys.argv[1:]
    trees = source_trees(args)
    if len(args) != 1:
        raise SystemExit("name the functions: module:function[,module:function...] (and --before OLD/src)")
    k = int(os.environ.get("BENCH_K", "10"))
    case = str(ensure_case(2333 * k))
    print(f"bench_function_instructions: instructions inside each function during `check` of the {k}k-goal "
          "argument (valgrind Ir)")
    for target in args[0].split(","):
        for suffix, tree in trees.items():
            with tempfile.TemporaryDirectory() as cache:
                env = {**os.environ, "PYTHONHASHSEED": "0", "CASEGATE_CACHE_DIR": cache}
                cmd = [PY, "-c", RUN, tree, target, case]
                subprocess.run(cmd, capture_output=True, env=env, check=True)  # (warms the schema cache)
                n = reduce_instructions(cmd, env)
            print(f"  {target + suffix:<60} {n:>15,}")


if __name__ == "__main__":
    main()
