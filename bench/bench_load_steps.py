"""Instructions (valgrind Ir) a lean load of the K-thousand-goal argument spends in each of its
sharing steps, found by taking the step out.

Each row is a fresh process that imports what `check` imports and loads the case as `check` does
(`keep_data=False`), with one of the load's steps made to do nothing; the difference from the
whole load is what that step costs together with what its absence changes after it (the copies
it would free stay alive to the end of the process, and the allocator is left in another state):
a first view of where a load's instructions go, to be confirmed by counting the load of the
changed tree (`bench_check_stages.py SRC 10 --stages load`). `_share_field_sets` is also what
`_share_nested_field_sets` calls, so its row counts both.

    python bench/bench_load_steps.py                    # 10k goals
    python bench/bench_load_steps.py 10 --before OLD/src  # and an earlier casegate's source tree
"""

from __future__ import annotations

import sys
import tempfile

from _harness import PY, ensure_case, source_trees
from bench_instructions import instructions

STEPS = ("_share_values", "_share_field_sets", "_share_nested_field_sets")
"""The steps of `casegate.load._loader` taken out, one at a time."""

RUN = """
import os, sys
sys.path.insert(0, sys.argv[1])
step, case = sys.argv[2], sys.argv[3]
from casegate.cli import _without_pydantic_plugins
_without_pydantic_plugins()
import gc; gc.disable()
from pathlib import Path
from casegate.load import _loader, load_case
if step != "-":
    setattr(_loader, step, lambda *a, **k: None)
load_case(Path(case), keep_data=False)
os._exit(0)
"""


def main() -> None:
    args = sys.argv[1:]
    trees = source_trees(args)
    k = int(args[0]) if args else 10
    case = str(ensure_case(2333 * k))
    print(f"bench_load_steps: instructions of imports and a lean load of the {k}k-goal argument (valgrind Ir)")
    for suffix, tree in trees.items():
        with tempfile.TemporaryDirectory() as cache:
            whole = instructions([PY, "-c", RUN, tree, "-", case], cache)
            print(f"  {'whole load' + suffix:<44} {whole:>15,}")
            for step in STEPS:
                n = instructions([PY, "-c", RUN, tree, step, case], cache)
                print(f"  {'  ' + step + suffix:<44} {whole - n:>15,}  ({(whole - n) / whole:5.1%} of the load)")


if __name__ == "__main__":
    main()
