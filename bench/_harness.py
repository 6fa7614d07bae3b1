"""Small benchmark harness: time whole processes (best of N) and read their peak memory."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
# The benchmarks gate, sign and serve with the example's keys, whose private halves ship with
# casegate: a demonstration, as `make demo` is (outside one casegate refuses those keys).
os.environ.setdefault("CASEGATE_DEMO_KEYS", "1")
DATA = ROOT / "bench" / "data"


@dataclass
class Timing:
    """One command measured over several runs."""

    wall: float
    """Best wall-clock time (s)."""
    cpu: float
    """Best CPU time, user + system (s): on a shared, busy machine this moves far less than the
    wall clock, since waiting for a core is not counted."""
    peak_kib: int
    """Peak resident set size over the runs (KiB)."""


def run(cmd: list[str], repeat: int = 5, ok: tuple[int, ...] = (0, 1)) -> tuple[float, int]:
    """Best wall time over `repeat` runs and the peak RSS (KiB) of one run of `cmd`."""
    t = measure(cmd, repeat, ok)
    return t.wall, t.peak_kib


def measure(cmd: list[str], repeat: int = 5, ok: tuple[int, ...] = (0, 1)) -> Timing:
    """Best wall and CPU times over `repeat` runs of `cmd`, and its peak RSS."""
    best = float("inf")
    best_cpu = float("inf")
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
        best_cpu = min(best_cpu, usage.ru_utime + usage.ru_stime)
        peak = max(peak, usage.ru_maxrss)
    return Timing(best, best_cpu, peak)


def ensure_case(elements: int) -> Path:
    out = DATA / (f"case-{elements // 1000}k" if elements % 1000 == 0 else f"case-{elements}")
    main = out / "case.yaml"
    if not main.exists():
        subprocess.run([PY, str(ROOT / "bench" / "gen_case.py"), "--elements", str(elements), "--out", str(out)],
                       check=True, stdout=subprocess.DEVNULL)
    return main


def source_trees(args: list[str]) -> dict[str, str]:
    """The source trees a benchmark measures, by label suffix: this tree's `src` ("") and, with
    `--before OLD/src` in `args` (taken out of them), an earlier casegate's (" (before)"), each
    byte-compiled so neither pays for compiling in the run."""
    import compileall

    trees = {"": str(ROOT / "src")}
    if "--before" in args:
        i = args.index("--before")
        trees[" (before)"] = str(Path(args[i + 1]).resolve())
        del args[i:i + 2]
    for tree in trees.values():
        compileall.compile_dir(tree, quiet=1)
    return trees



def named_trees(before: Path | None) -> dict[str, str]:
    """As `source_trees`, for a benchmark that takes `--before` with argparse: this tree's `src`
    ("this tree") and, when given, `before` ("before"), each byte-compiled."""
    import compileall

    trees = {"this tree": str(ROOT / "src")}
    if before is not None:
        trees["before"] = str(before.resolve())
    for tree in trees.values():
        compileall.compile_dir(tree, quiet=1)
    return trees

def reduce_instructions(cmd: list[str], env: dict[str, str]) -> int:
    """Instructions `cmd` executes inside `functools.reduce` calls (valgrind callgrind's `Ir` with
    collection toggled on that function): a script wraps the part it counts in one reduce call, so
    start-up and set-up are left out. A failing command stops the benchmark."""
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          "--toggle-collect=functools_reduce", *cmd], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} failed:\n{out.stderr[-2000:]}")
    for line in out.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise SystemExit(f"valgrind gave no count for {' '.join(cmd)}:\n{out.stderr[-2000:]}")


def casegate() -> str:
    """The installed `casegate` command, its modules byte-compiled as an installed package's are.

    The dependencies (PyYAML, pydantic, ...) were byte-compiled when installed; casegate itself
    runs from the source tree, and with PYTHONDONTWRITEBYTECODE set (as on some CI machines) every
    run would compile its modules again. Compiling them once here keeps the comparison fair.
    """
    global _compiled
    if not _compiled:
        import compileall

        compileall.compile_dir(str(ROOT / "src" / "casegate"), quiet=1)
        _compiled = True
    return str(Path(PY).parent / "casegate")


_compiled = False


_ = resource  # peak memory comes from wait4's rusage


@dataclass
class Paired:
    """One command's runs, interleaved with the other commands of the same comparison."""

    walls: list[float]
    cpus: list[float]
    peak_kib: int

    @property
    def wall(self) -> float:
        """Median wall-clock time (s)."""
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        """Median CPU time, user + system (s)."""
        return statistics.median(self.cpus)


def _once(cmd: list[str], ok: tuple[int, ...]) -> tuple[float, float, int]:
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
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
    return dt, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def paired(cmds: dict[str, list[str]], repeat: int = 9, ok: tuple[int, ...] = (0, 1, 2)) -> dict[str, Paired]:
    """Run every command `repeat` times, interleaved (round k runs them in a rotated order, so
    that a burst of load on the shared machine falls on all of them alike); medians per command.

    A ratio of two medians from the same call is the figure to quote: absolute times on a busy
    machine move with the load, ratios much less.
    """
    names = list(cmds)
    got = {n: Paired([], [], 0) for n in names}
    _once(cmds[names[0]], ok)  # warm the page cache and the byte-code caches
    for k in range(repeat):
        order = names[k % len(names):] + names[:k % len(names)]
        for n in order:
            wall, cpu, peak = _once(cmds[n], ok)
            p = got[n]
            p.walls.append(wall)
            p.cpus.append(cpu)
            p.peak_kib = max(p.peak_kib, peak)
    return got
