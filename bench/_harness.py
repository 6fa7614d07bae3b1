"""Small benchmark harness: time whole processes (best of N) and read their peak memory."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
DATA = ROOT / "bench" / "data"


def run(cmd: list[str], repeat: int = 5, ok: tuple[int, ...] = (0, 1)) -> tuple[float, int]:
    """Best wall time over `repeat` runs and the peak RSS (KiB) of one run of `cmd`."""
    best = float("inf")
    peak = 0
    for _ in range(repeat):
        t = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # child: exec the command with stdout discarded
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.execvp(cmd[0], cmd)
        _, status, usage = os.wait4(pid, 0)
        dt = time.perf_counter() - t
        code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            out = subprocess.run(cmd, capture_output=True, text=True)
            raise SystemExit(f"benchmark command failed ({code}): {' '.join(cmd)}\n{out.stderr[-2000:]}")
        best = min(best, dt)
        peak = max(peak, usage.ru_maxrss)
    return best, peak


def ensure_case(elements: int) -> Path:
    out = DATA / f"case-{elements // 1000}k"
    main = out / "case.yaml"
    if not main.exists():
        subprocess.run([PY, str(ROOT / "bench" / "gen_case.py"), "--elements", str(elements), "--out", str(out)],
                       check=True, stdout=subprocess.DEVNULL)
    return main


def casegate() -> str:
    return str(Path(PY).parent / "casegate")


_ = resource  # peak memory comes from wait4's rusage
