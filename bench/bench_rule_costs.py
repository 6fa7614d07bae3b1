"""The rules that cost `check` the most on the synthetic K-thousand-goal argument, one by one.

The case is loaded and its evidence facts derived as `check` does; then every registered rule runs
over the context in its pass order (as `run_checks` runs them, shared memos included: the first
rule to ask for the argument's index pays for building it). Each rule's time is its best over a
few rounds, each round on a fresh context (and a fresh index). A rule that grows faster than the argument, or one
that costs a large share of all of them, shows at the top.

    python bench/bench_rule_costs.py                  # 10k goals, the 15 costliest rules
    BENCH_TOP=25 python bench/bench_rule_costs.py 1 10  # 1k and 10k goals, the 25 costliest
"""

from __future__ import annotations

import os
import sys
import time

from _harness import ensure_case

from casegate._gc import gc_paused
from casegate.checks import _index, registered
from casegate.checks._run import make_context
from casegate.evidence import rehash_artifacts
from casegate.load import load_case


def rule_times(k: int, rounds: int = 3) -> dict[str, float]:
    """Best seconds of each rule over `rounds` fresh contexts of the k-thousand-goal case."""
    loaded = load_case(ensure_case(2333 * k), keep_data=False)
    artifacts = rehash_artifacts(loaded)
    best: dict[str, float] = {}
    rules = registered()
    for _ in range(rounds):
        _index._last = None  # the argument's index is built again, as in a fresh process
        ctx = make_context(loaded, artifacts=artifacts)
        assert ctx is not None, "the synthetic case loads"
        with gc_paused():
            for reg in rules:
                t = time.perf_counter()
                for _hit in reg.check(ctx):
                    pass
                spent = time.perf_counter() - t
                best[reg.rule.code] = min(best.get(reg.rule.code, spent), spent)
    return best


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10]
    top = int(os.environ.get("BENCH_TOP", "15"))
    print("bench_rule_costs: the costliest rules of `check` (in process, best of 3 fresh contexts)")
    for k in sizes:
        times = rule_times(k)
        total = sum(times.values())
        names = {r.rule.code: r.rule.name for r in registered()}
        print(f"  {k}k goals: {len(times)} rules, {total:.3f} s in all")
        for code, spent in sorted(times.items(), key=lambda kv: -kv[1])[:top]:
            print(f"    {code:<7} {names[code]:<40} {spent * 1000:8.1f} ms  {100 * spent / total:5.1f}%")


if __name__ == "__main__":
    main()
