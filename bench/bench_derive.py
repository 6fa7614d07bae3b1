"""The gate on the atlas-api example with its evidence derived from the artifacts: cold cache
and warm cache, against the gate without derivation (the record's values believed, as before).

Measured twice: whole `casegate gate` processes (what a user waits for), and in one process
(the gate's own work, without interpreter start-up). Goals: cold <= 2x, warm <= 1.1x the gate
without derivation. The gate without derivation is the same code with the derivation step
replaced by the record's own values.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "atlas-api" / "case.yaml"


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    out = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out = min(out, time.perf_counter() - t)
    return out


_NO_DERIVE = ("import casegate.gate._engine as e; e.facts_for = lambda loaded, artifacts, **kw: (loaded.case, None); "
              "from casegate.cli import main; main()")
_DERIVE = "from casegate.cli import main; main()"


def processes(repeat: int) -> None:
    import subprocess

    def timed(code: str, env: dict[str, str]) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, "gate", str(CASE)], env=env, capture_output=True, check=False)
        return time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        base = min(timed(_NO_DERIVE, env) for _ in range(repeat))
        colds = []
        for i in range(repeat):
            colds.append(timed(_DERIVE, {**env, "CASEGATE_CACHE_DIR": str(Path(tmp) / f"c{i}")}))
        warm_env = {**env, "CASEGATE_CACHE_DIR": str(Path(tmp) / "warm")}
        timed(_DERIVE, warm_env)
        warm = min(timed(_DERIVE, warm_env) for _ in range(repeat))
    cold = min(colds)
    print(f"  whole process: without derivation {base:.3f}s; cold cache {cold:.3f}s ratio {cold / base:.2f}x "
          f"(goal <= 2.00); warm cache {warm:.3f}s ratio {warm / base:.2f}x (goal <= 1.10)")


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    from casegate.evidence import _derive
    from casegate.gate import _engine, run_gate
    from casegate.load import load_case

    real = _engine.facts_for

    def gate() -> None:
        run_gate(load_case(CASE))

    gate()  # imports and first-use costs out of the way
    _engine.facts_for = lambda loaded, artifacts, **kw: (loaded.case, None)  # type: ignore[assignment]
    base = best(gate, repeat)
    _engine.facts_for = real
    with tempfile.TemporaryDirectory() as tmp:
        n = [0]

        def cold() -> None:
            n[0] += 1
            os.environ["CASEGATE_CACHE_DIR"] = str(Path(tmp) / f"c{n[0]}")
            gate()

        cold_t = best(cold, repeat)
        os.environ["CASEGATE_CACHE_DIR"] = str(Path(tmp) / "warm")
        gate()
        warm_t = best(gate, repeat)
        entries = len(list((Path(tmp) / "warm" / "derived").glob("*.json")))
    print("bench_derive: gate on examples/atlas-api, evidence derived from the artifacts (in process, best of "
          f"{repeat})")
    print(f"  in process: without derivation {base * 1000:.1f} ms")
    print(f"  in process: cold cache         {cold_t * 1000:.1f} ms  ratio {cold_t / base:.2f}x (goal <= 2.00)")
    print(f"  in process: warm cache         {warm_t * 1000:.1f} ms  ratio {warm_t / base:.2f}x (goal <= 1.10); "
          f"{entries} cached artifact(s), cache bound {_derive.CACHE_ENTRIES}")
    processes(max(3, repeat // 3))


if __name__ == "__main__":
    main()
