"""Run a command in a child process under hard resource limits (address space, CPU seconds, no
core file) and report what it cost: its exit, output, CPU seconds and peak resident memory, read
from the kernel's own accounting of that child (`wait4`).

The child is started by a small launcher process, not forked from the test process: Linux carries
a process's resident high-water mark across fork and exec, so a child forked from a test worker
that has grown to hundreds of MiB would report the worker's size as its own peak."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
ADDRESS_SPACE = 3 << 30
"""The address-space limit: a hostile input that made casegate build what it asks for (GiBs of an
inflated log, hundreds of millions of alias copies) would hit it as a MemoryError or a kill."""
CPU_SECONDS = 60


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str
    cpu: float
    """User plus system CPU seconds of the child."""
    peak_mib: float
    """Peak resident memory of the child, MiB."""

    def problems(self, *, allowed: tuple[int, ...], cpu: float, peak_mib: float) -> list[str]:
        """Why this run is not a clean, bounded refusal (or success)."""
        out = []
        if self.returncode < 0:
            out.append(f"killed by signal {-self.returncode} (a crash, or a resource limit reached)")
        elif self.returncode == 70:
            out.append("exit 70: an internal error")
        elif self.returncode not in allowed:
            out.append(f"exit {self.returncode}, expected one of {allowed}")
        if "Traceback" in self.stderr or "internal error" in self.stderr:
            out.append("a traceback or internal error on stderr")
        if self.cpu > cpu:
            out.append(f"{self.cpu:.1f} CPU seconds, over {cpu}")
        if self.peak_mib > peak_mib:
            out.append(f"peak memory {self.peak_mib:.0f} MiB, over {peak_mib}")
        return out


_LAUNCHER = """
import os, resource, sys
report, space, cpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (space, space))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.execv(sys.executable, [sys.executable, *sys.argv[4:]])
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as f:
    f.write(f"{status} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}")
"""
"""Forks the child under the limits, waits for it and writes its wait status, CPU seconds and
peak resident KiB to a report file. Started with an interpreter of a few MiB, so the child's
peak starts from that, not from the test process's size."""


def peak_kib() -> int:
    """This process's peak resident memory since it last exec'd, KiB (VmHWM; `getrusage` would
    also count the size of the process it was forked from)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run_limited(argv: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
                stdin: str | None = None, wall: float = 300, cpu_seconds: int = CPU_SECONDS) -> Ran:
    """Run `python ARGV` (e.g. ["-m", "casegate", "check", path]) under the limits (a child past
    `cpu_seconds` of CPU is killed by SIGXCPU)."""
    import signal
    import threading

    e = {k: v for k, v in os.environ.items() if k != "CASEGATE_ROOT"}
    e["PYTHONPATH"] = str(SRC)
    e.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "usage"
        p = subprocess.Popen([sys.executable, "-S", "-c", _LAUNCHER, str(report), str(ADDRESS_SPACE),
                              str(cpu_seconds), *argv],
                             cwd=cwd, env=e, stdout=out, stderr=err, start_new_session=True,
                             stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL)
        if stdin is not None:
            assert p.stdin is not None
            p.stdin.write(stdin.encode())
            p.stdin.close()
        timer = threading.Timer(wall, lambda: os.killpg(p.pid, signal.SIGKILL))
        timer.start()
        try:
            p.wait()
        finally:
            timer.cancel()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
        try:
            status, cpu, peak = report.read_text().split()
        except (OSError, ValueError):  # the launcher was killed (past the wall-clock limit)
            return Ran(-signal.SIGKILL, stdout, stderr + f"\n(killed after {wall} s wall)", float(wall), 0.0)
        return Ran(os.waitstatus_to_exitcode(int(status)), stdout, stderr, float(cpu), int(peak) / 1024)
