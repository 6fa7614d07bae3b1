"""Instructions executed (valgrind Ir) by Python steps run one after another, each row a process.

Each row is a separate process that starts as the `casegate` program does (no pydantic plugins,
no AWS signer, the models' core schemas kept between runs, the collector off), runs SETUP and the
steps up to and including its own, and ends (`os._exit`); the difference between two rows is
what that step costs on top of the ones before it. A step repeated `N` times in a loop (`N` is
10 in every process) gives its warm cost per call as the difference over ten.

    python bench/bench_steps.py SETUP STEP...                 # this tree's src
    python bench/bench_steps.py --before OLD/src SETUP STEP...   # and an earlier tree's, row beside row

For example, finding atlas-api's evidence attestations, ten times:

    python bench/bench_steps.py \\
        'from casegate.load import load_case; loaded = load_case("examples/atlas-api/case.yaml")
    from casegate.sign._evidence import attestation_files; attestation_files(loaded)' \\
        'for i in range(N): attestation_files(loaded)'
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _harness import PY, source_trees
from bench_instructions import instructions

START = ("import os, sys\n"
         "sys.path.insert(0, sys.argv[1])\n"
         "from casegate.cli import _without_pydantic_plugins, _without_aws_signer\n"
         "_without_pydantic_plugins(); _without_aws_signer()\n"
         "from casegate._schemacache import enable\n"
         "enable()\n"
         "import gc; gc.disable()\n"
         "N = 10\n")


def main() -> None:
    args = sys.argv[1:]
    trees = source_trees(args)
    if len(args) < 2:
        raise SystemExit(__doc__)
    setup, steps = args[0], args[1:]
    print("bench_steps: instructions executed (valgrind Ir), each row a process running the rows above it too")
    with tempfile.TemporaryDirectory() as tmp:
        for i, (suffix, tree) in enumerate(trees.items()):
            cache = str(Path(tmp) / f"cache-{i}")
            last = 0
            for k, label in enumerate(["(setup)", *steps]):
                code = START + "\n".join([setup, *steps[:k]]) + "\nos._exit(0)\n"
                n = instructions([PY, "-c", code, tree], cache)
                shown = label.replace("\n", "; ")[:56] + suffix
                print(f"  {shown:<66} {n:>15,}  +{n - last:>13,}", flush=True)
                last = n


if __name__ == "__main__":
    main()
