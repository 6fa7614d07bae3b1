"""Instructions (valgrind Ir) each rule executes during `check` of the K-thousand-goal argument.

One process loads the case, derives its evidence facts and builds the argument's index as `check`
does, then runs the registered rules in their pass order over one context, as `run_checks` does
(stopping where it stops, shared memos included, so a rule that reuses what an earlier one built is charged nothing for it). Each rule runs inside
its own `functools.reduce` call; callgrind collects only inside those calls and writes a profile
part after each (`--dump-after`), so each part is one rule's cost, callees included, and what a
rule builds on first use and keeps for the process (an index of evidence names, a cache of
organisation names) is counted in the rule that builds it. Unlike `bench_rule_costs.py`, the
counts do not move with the load of the machine.

    python bench/bench_rule_instructions.py [SRC]            # 10k goals, the 15 costliest rules
    BENCH_K=1 BENCH_TOP=30 python bench/bench_rule_instructions.py SRC
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, ensure_case

RUN = """
import functools, os, sys
sys.path.insert(0, sys.argv[1])
from casegate.cli import _without_pydantic_plugins, _without_aws_signer
_without_pydantic_plugins(); _without_aws_signer()
from casegate._schemacache import enable
enable()
import gc; gc.disable()
from pathlib import Path
from casegate.checks import registered
from casegate.checks._run import make_context
from casegate.evidence import rehash_artifacts
from casegate.load import load_case
rules = registered()
loaded = load_case(Path(sys.argv[2]), keep_data=False)
ctx = make_context(loaded, artifacts=rehash_artifacts(loaded))
ctx.index
from casegate.checks._registry import make_finding
from casegate.model import RuleSeverity
ran, out = [], []
for pass_no in sorted({r.pass_ for r in rules}):  # as `run_checks` runs them, stopping where it stops
    blocking = False
    ctx.memo["earlier_findings"] = tuple(out)
    for reg in (r for r in rules if r.pass_ == pass_no):
        hits = functools.reduce(lambda x, y: list(reg.check(ctx)), [0, 1])
        ran.append(reg.rule.code)
        out.extend(make_finding(reg.rule, h) for h in hits)
        blocking |= any(f.severity is RuleSeverity.blocking for f in out[len(out) - len(hits):])
    if blocking and pass_no < 3:
        break
print(" ".join(ran), flush=True)
os._exit(0)
"""


def main() -> None:
    args = sys.argv[1:]
    tree = str(Path(args[0]).resolve()) if args else str(ROOT / "src")
    k = int(os.environ.get("BENCH_K", "10"))
    top = int(os.environ.get("BENCH_TOP", "15"))
    case = str(ensure_case(2333 * k))
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONHASHSEED": "0", "CASEGATE_CACHE_DIR": str(Path(tmp) / "cache")}
        cmd = [PY, "-c", RUN, tree, case]
        subprocess.run(cmd, capture_output=True, env=env, check=True)  # (warms the schema cache)
        out = Path(tmp) / "cg.out"
        got = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                              "--toggle-collect=functools_reduce", "--dump-after=functools_reduce", *cmd],
                             capture_output=True, text=True, env=env)
        if got.returncode != 0:
            raise SystemExit(f"the check failed under valgrind:\n{got.stderr[-2000:]}")
        codes = got.stdout.split()
        parts = sorted(Path(tmp).glob("cg.out.*"), key=lambda p: int(p.name.rsplit(".", 1)[1]))
        counts = []
        for part in parts:
            totals = [ln for ln in part.read_text().splitlines() if ln.startswith("totals:")]
            counts.append(int(totals[0].split()[1]) if totals else 0)
    if len(counts) != len(codes):
        raise SystemExit(f"{len(counts)} profile parts for {len(codes)} rules")
    total = sum(counts)
    print(f"bench_rule_instructions: instructions each rule executes in `check` of the {k}k-goal argument "
          f"(valgrind Ir; {len(codes)} rules, {total:,} in all)")
    for code, n in sorted(zip(codes, counts, strict=True), key=lambda cn: -cn[1])[:top]:
        print(f"  {code:<7} {n:>15,}  {100 * n / total:5.1f}%")


if __name__ == "__main__":
    main()
