"""Instructions executed (valgrind Ir) importing what `check` and `gate` import, module by module.

Each row is a separate process that starts as the `casegate` program does (no pydantic plugins,
no AWS signer, the collector off), imports the modules of the rows above it and its own, and
ends (`os._exit`); the difference between two rows is what that row's modules cost on top of the
rows before it. A module that an earlier one already imported costs nothing in its own row.
Beside them, the yardstick of bench_instructions.py.

    python bench/bench_import_stages.py [SRC]       # SRC: a casegate source tree (default: ./src)
    python bench/bench_import_stages.py SRC mod...   # these modules (cumulatively) instead
"""

from __future__ import annotations

import sys
from pathlib import Path

from _harness import PY, ROOT
from bench_instructions import instructions

STAGES = (
    "casegate.cli._run",
    "pydantic.main",
    "casegate.model._base",
    "casegate.model._case",
    "casegate.model._findings",
    "casegate.model._policy",
    "casegate.model._regime",
    "casegate.load",
    "casegate.evidence",
    "casegate.checks",
    "casegate.checks.families",
    "casegate.report",
    "casegate.gate",
)
RUN = """
import importlib, os, sys
sys.path.insert(0, sys.argv[1])
from casegate.cli import _without_pydantic_plugins, _without_aws_signer
_without_pydantic_plugins(); _without_aws_signer()
try:  # the program keeps its models' core schemas between runs (an earlier tree may not)
    from casegate._schemacache import enable
    enable()
except ImportError:
    pass
import gc; gc.disable()
for name in sys.argv[2:]:
    importlib.import_module(name)
os._exit(0)
"""


def main() -> None:
    args = sys.argv[1:]
    tree = str(Path(args[0]).resolve()) if args else str(ROOT / "src")
    stages = tuple(args[1:]) or STAGES
    yard = instructions([PY, "-c", "import pydantic, ryml"])
    print(f"  {'import pydantic,ryml':<28} {yard:>15,}")
    last = instructions([PY, "-c", RUN, tree])
    print(f"  {'(casegate.cli)':<28} {last:>15,}  ratio {last / yard:5.2f}x")
    for k, stage in enumerate(stages):
        n = instructions([PY, "-c", RUN, tree, *stages[:k + 1]])
        print(f"  {stage:<28} {n:>15,}  +{n - last:>13,}  ratio {n / yard:5.2f}x")
        last = n


if __name__ == "__main__":
    main()
