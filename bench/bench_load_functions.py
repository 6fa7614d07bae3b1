"""Instructions (valgrind Ir) a lean load of the K-thousand-goal argument spends inside up to five
named functions, counted in one valgrind run.

Each function named is called through a C function of its own (functools.reduce and four of
itertools' iterators, which a load does not use) and callgrind's inclusive count of that C function is the named function's
cost, callees included, every call added up (the trampolines add a few hundred instructions a
call). Only the load runs (`load_case(..., keep_data=False)`, as `check` loads), after the
imports `check` makes, with the schema cache warmed by one run first. A function looked up by
name at call time must be named where it is looked up (`casegate.load._loader:parse_yaml`).

    python bench/bench_load_functions.py casegate.load._loader:_build_sections,casegate.load._loader:parse_yaml
    python bench/bench_load_functions.py F1,F2 --before OLD/src   # and an earlier tree, same run
    BENCH_K=1 python bench/bench_load_functions.py ...            # the 1k-goal argument
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from _harness import PY, ensure_case, source_trees

TRAMPOLINES = (
    ("functools_reduce", "lambda f: lambda *a, **k: functools.reduce(lambda x, y: f(*a, **k), [0, 1])"),
    ("starmap_next", "lambda f: lambda *a, **k: (next(itertools.starmap(lambda: _set(f(*a, **k)), [()])), _last[0])[1]"),
    ("dropwhile_next", "lambda f: lambda *a, **k: (list(itertools.dropwhile(lambda _: _set(f(*a, **k)), [0])), _last[0])[1]"),
    ("takewhile_next", "lambda f: lambda *a, **k: (list(itertools.takewhile(lambda _: _set(f(*a, **k)), [0])), _last[0])[1]"),
    ("filterfalse_next", "lambda f: lambda *a, **k: (list(itertools.filterfalse(lambda _: _set(f(*a, **k)), [0])), _last[0])[1]"),
)
"""(callgrind's name of the C function, a Python wrapper calling the function through it)."""

RUN = """
import functools, importlib, itertools, os, sys
sys.path.insert(0, sys.argv[1])
targets, case = sys.argv[2].split(","), sys.argv[3]
from casegate.cli import _without_pydantic_plugins, _without_aws_signer
_without_pydantic_plugins(); _without_aws_signer()
from casegate._schemacache import enable
enable()
import gc; gc.disable()
from pathlib import Path
from casegate.checks import registered
from casegate.load import load_case
registered()
_last = [None]
def _set(value):
    _last[0] = value
    return 0
WRAPS = [@WRAPS@]
for target, wrap in zip(targets, WRAPS):
    module, name = target.rsplit(":", 1)
    owner = importlib.import_module(module)
    setattr(owner, name, wrap(getattr(owner, name)))
load_case(Path(case), keep_data=False)
os._exit(0)
""".replace("@WRAPS@", ", ".join(w for _, w in TRAMPOLINES))


def counts(cmd: list[str], env: dict[str, str], names: list[str]) -> list[int]:
    """The inclusive Ir of each C function in `names` in one callgrind run of `cmd`."""
    with tempfile.NamedTemporaryFile(suffix=".cg") as out:
        run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out.name}", *cmd],
                             capture_output=True, text=True, env=env)
        if run.returncode != 0:
            raise SystemExit(f"{' '.join(cmd[:4])} failed:\n{run.stderr[-2000:]}")
        ann = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out.name],
                             capture_output=True, text=True, check=True).stdout
    got = []
    for name in names:
        best = 0
        for line in ann.splitlines():
            parts = line.split()
            if len(parts) > 2 and parts[-2].endswith(f":{name}") and "'" not in parts[-2]:
                best = max(best, int(parts[0].replace(",", "")))
        got.append(best)
    return got


def main() -> None:
    args = sys.argv[1:]
    trees = source_trees(args)
    if len(args) != 1 or len(args[0].split(",")) > len(TRAMPOLINES):
        raise SystemExit(f"name up to {len(TRAMPOLINES)} functions: module:function[,...] (and --before OLD/src)")
    targets = args[0].split(",")
    names = [n for n, _ in TRAMPOLINES[:len(targets)]]
    k = int(os.environ.get("BENCH_K", "10"))
    case = str(ensure_case(2333 * k))
    print(f"bench_load_functions: instructions inside each function during a lean load of the {k}k-goal "
          "argument (valgrind Ir, inclusive)")
    for suffix, tree in trees.items():
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "PYTHONHASHSEED": "0", "CASEGATE_CACHE_DIR": cache}
            cmd = [PY, "-c", RUN, tree, args[0], case]
            subprocess.run(cmd, capture_output=True, env=env, check=True)  # (warms the schema cache)
            for target, n in zip(targets, counts(cmd, env, names), strict=True):
                print(f"  {target + suffix:<60} {n:>15,}")


if __name__ == "__main__":
    main()
