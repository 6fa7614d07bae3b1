"""Run a command in a child process under hard resource limits (address space, CPU seconds, no
core file) and report what it cost: its exit, output, CPU seconds and peak resident memory, read
from the kernel's own accounting of that child (`wait4`)."""

from __future__ import annotations

import os
import resource
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


def _limit() -> None:  # runs in the child between fork and exec
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_limited(argv: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
                stdin: str | None = None, wall: float = 300) -> Ran:
    """Run `python ARGV` (e.g. ["-m", "casegate", "check", path]) under the limits."""
    e = {k: v for k, v in os.environ.items() if k != "CASEGATE_ROOT"}
    e["PYTHONPATH"] = str(SRC)
    e.update(env or {})
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen([sys.executable, *argv], cwd=cwd, env=e, stdout=out, stderr=err,
                             stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                             preexec_fn=_limit)
        if stdin is not None:
            assert p.stdin is not None
            p.stdin.write(stdin.encode())
            p.stdin.close()
        # wait4 gives this child's own usage (not the sum over every child the test ever ran)
        import signal
        import threading

        timer = threading.Timer(wall, lambda: os.kill(p.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Ran(p.returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace"),
                   usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
