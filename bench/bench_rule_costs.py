"""The rules that cost `check` the most on the synthetic K-thousand-goal argument, one by one.

The case is loaded and its evidence facts derived as `check` does; then every registered rule runs
over the context in its pass order (as `run_checks` runs them, shared memos included: the first
rule to ask for the argument's index pays for building it). Each rule's time is its best over a
few rounds, each round in a fresh process: what a rule builds on first use and keeps for the
process (an index kept beside the case, a cache of names) is paid in every round, as in every
`check`. (Rounds in one process showed such rules cheaper than `check` finds them: CG805's index
of evidence names, a fifth of a 10k-goal check's rules, was built in the first round only.) A
rule that grows faster than the argument, or one that costs a large share of all of them, shows
at the top.

    python bench/bench_rule_costs.py                  # 10k goals, the 15 costliest rules
    BENCH_TOP=25 python bench/bench_rule_costs.py 1 10  # 1k and 10k goals, the 25 costliest
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from _harness import PY, ensure_case

from casegate._gc import gc_paused
from casegate.checks import registered
from casegate.checks._run import make_context
from casegate.evidence import rehash_artifacts
from casegate.load import load_case


def one_round(k: int) -> dict[str, float]:
    """Seconds of each rule over a context of the k-thousand-goal case, in this process (fresh)."""
    loaded = load_case(ensure_case(2333 * k), keep_data=False)
    artifacts = rehash_artifacts(loaded)
    spent: dict[str, float] = {}
    ctx = make_context(loaded, artifacts=artifacts)
    assert ctx is not None, "the synthetic case loads"
    with gc_paused():
        for reg in registered():
            t = time.perf_counter()
            for _hit in reg.check(ctx):
                pass
            spent[reg.rule.code] = time.perf_counter() - t
    return spent


def rule_times(k: int, rounds: int = 3) -> dict[str, float]:
    """Best seconds of each rule over `rounds` fresh processes, each checking the k-thousand-goal case."""
    best: dict[str, float] = {}
    for _ in range(rounds):
        out = subprocess.run([PY, __file__, "--round", str(k)], capture_output=True, text=True, check=True)
        for code, spent in json.loads(out.stdout).items():
            best[code] = min(best.get(code, spent), spent)
    return best


def main() -> None:
    if sys.argv[1:2] == ["--round"]:
        print(json.dumps(one_round(int(sys.argv[2]))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [10]
    top = int(os.environ.get("BENCH_TOP", "15"))
    print("bench_rule_costs: the costliest rules of `check` (best of 3 fresh processes)")
    for k in sizes:
        times = rule_times(k)
        total = sum(times.values())
        names = {r.rule.code: r.rule.name for r in registered()}
        print(f"  {k}k goals: {len(times)} rules, {total:.3f} s in all")
        for code, spent in sorted(times.items(), key=lambda kv: -kv[1])[:top]:
            print(f"    {code:<7} {names[code]:<40} {spent * 1000:8.1f} ms  {100 * spent / total:5.1f}%")


if __name__ == "__main__":
    main()
