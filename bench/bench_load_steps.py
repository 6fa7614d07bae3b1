"""Instructions (valgrind Ir) a lean load of the K-thousand-goal argument spends in each of its
sharing steps, found by taking the step out.

Each row is a fresh process that imports what `check` imports and loads the case as `check` does
(`keep_data=False`), with one of the load's steps made to do nothing; the difference from the
whole load is what that step costs together with what its absence changes after it (the copies
it would free stay alive to the end of the process, and the allocator is left in another state):
a first view of where a load's instructions go, to be confirmed by counting the load of the
changed tree (`bench_check_stages.py SRC 10 --stages load`). `_share_field_sets` is also what
`_share_nested_field_sets` calls, so its row counts both; and `_one_text_each` reads the sets it
shares (without them it finds no text field set, and every part of the argument is built a second
time with each element checked), so its row takes `_one_text_each` out too, answered true (the
bench's case is valid): taken out alone it showed the load 355M (14%) dearer, not cheaper.

At 10k goals (2026-12, on 79e3e00f; the rows count imports and the load together, 2,468.7M):
`_share_values` 135.4M, `_share_field_sets` with `_one_text_each` 100.2M,
`_share_nested_field_sets` 39.3M.

With `--own`, each step's own instructions instead: the load runs whole, and valgrind counts only
what runs inside the step (called through `functools.reduce`, which nothing else in the load
calls, and `--toggle-collect` on it), without what its work changes after it. At 10k goals
(2026-12, on 79e3e00f): `_share_values` 146.6M, `_share_field_sets` 91.8M (with the calls
`_share_nested_field_sets` makes), `_share_nested_field_sets` 44.1M (those calls included).

    python bench/bench_load_steps.py                    # 10k goals
    python bench/bench_load_steps.py 10 --before OLD/src  # and an earlier casegate's source tree
    python bench/bench_load_steps.py 10 --own           # each step's own instructions
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from _harness import PY, ensure_case, source_trees
from bench_instructions import instructions

STEPS = ("_share_values", "_share_field_sets,_one_text_each", "_share_nested_field_sets")
"""The steps of `casegate.load._loader` taken out, one row at a time (a row's steps together)."""

ANSWERS = {"_one_text_each": True}
"""What a step taken out answers, where its caller reads the answer (None otherwise)."""

RUN = """
import os, sys
sys.path.insert(0, sys.argv[1])
import ast
steps, case, answers = sys.argv[2], sys.argv[3], ast.literal_eval(sys.argv[4])
from casegate.cli import _without_pydantic_plugins
_without_pydantic_plugins()
import gc; gc.disable()
from pathlib import Path
from casegate.load import _loader, load_case
for step in filter(None, steps.split(",")):
    setattr(_loader, step, lambda *a, _got=answers.get(step), **k: _got)
load_case(Path(case), keep_data=False)
os._exit(0)
"""

OWN = """
import functools, os, sys
sys.path.insert(0, sys.argv[1])
step, case = sys.argv[2], sys.argv[3]
from casegate.cli import _without_pydantic_plugins
_without_pydantic_plugins()
import gc; gc.disable()
from pathlib import Path
from casegate.load import _loader, load_case
counted = getattr(_loader, step)
def through_reduce(*a, **k):
    out = []
    functools.reduce(lambda _, __: out.append(counted(*a, **k)), [None], None)
    return out[0]
setattr(_loader, step, through_reduce)
load_case(Path(case), keep_data=False)
os._exit(0)
"""


def own(tree: str, step: str, case: str) -> int:
    """Instructions the load runs inside `step` (valgrind callgrind's `Ir`, collected only inside
    `functools.reduce`)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONPATH", None)
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          "--toggle-collect=functools_reduce", PY, "-c", OWN, tree, step, case],
                         capture_output=True, text=True, env=env)
    for line in out.stderr.splitlines():
        if "Collected :" in line and out.returncode == 0:
            return int(line.rsplit(":", 1)[1])
    raise SystemExit(f"valgrind gave no count for {step}:\n{out.stderr[-2000:]}")


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] in ("-h", "--help"):
        print(__doc__)
        return
    mine = "--own" in args
    if mine:
        args.remove("--own")
    trees = source_trees(args)
    k = int(args[0]) if args else 10
    case = str(ensure_case(2333 * k))
    if mine:
        print(f"bench_load_steps: instructions a lean load of the {k}k-goal argument runs inside each step (valgrind Ir)")
        for suffix, tree in trees.items():
            for step in ("_share_values", "_share_field_sets", "_share_nested_field_sets"):
                print(f"  {step + suffix:<44} {own(tree, step, case):>15,}")
        return
    print(f"bench_load_steps: instructions of imports and a lean load of the {k}k-goal argument (valgrind Ir)")
    for suffix, tree in trees.items():
        with tempfile.TemporaryDirectory() as cache:
            whole = instructions([PY, "-c", RUN, tree, "", case, repr(ANSWERS)], cache)
            print(f"  {'whole load' + suffix:<44} {whole:>15,}")
            for step in STEPS:
                n = instructions([PY, "-c", RUN, tree, step, case, repr(ANSWERS)], cache)
                print(f"  {'  ' + step.replace(',', ' + ') + suffix:<44} {whole - n:>15,}  ({(whole - n) / whole:5.1%} of the load)")


if __name__ == "__main__":
    main()
