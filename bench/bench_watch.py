"""`casegate check --watch`: how long after an edit the new findings are out, atlas-api.

A copy of examples/atlas-api is checked with `--watch`; then, N times, one line of its argument
is edited (flipping a claim between citing real and missing evidence, so that the findings
change each time) and the time until the new summary line appears is measured. Reported, medians:

- re-check: what the watching process itself reports (loading and checking the case again, and
  printing the findings), goal < 50 ms;
- end to end: from the edit to the summary line read from the pipe (adds the 20 ms poll);
- yardsticks in the same run, interleaved with the edits: a cold `casegate check` of the same
  case (what an editor would run without --watch), and `python -c "import pydantic, ryml"`.

    python bench/bench_watch.py [EDITS]
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _harness import PY, ROOT, _once, casegate

RECHECK = re.compile(r"re-checked in (\d+) ms \((\d+) ms of CPU\)")


def main() -> None:
    edits = int(sys.argv[1]) if sys.argv[1:] else 15
    cg = casegate()
    with tempfile.TemporaryDirectory() as tmp:
        case_dir = Path(tmp) / "atlas"
        shutil.copytree(ROOT / "examples" / "atlas-api", case_dir, ignore=shutil.ignore_patterns("keys"))
        case = case_dir / "case.yaml"
        arg = case_dir / "argument.yaml"
        proc = subprocess.Popen([cg, "check", "--watch", str(case)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=tmp,
                                env={**os.environ, "PYTHONUNBUFFERED": "1"})
        out: queue.Queue[tuple[float, str]] = queue.Queue()
        err: queue.Queue[str] = queue.Queue()

        def pump(stream: object, q: queue.Queue, stamp: bool) -> None:  # type: ignore[type-arg]
            for line in iter(stream.readline, ""):  # type: ignore[attr-defined]
                q.put((time.perf_counter(), line) if stamp else line)

        threading.Thread(target=pump, args=(proc.stdout, out, True), daemon=True).start()
        threading.Thread(target=pump, args=(proc.stderr, err, False), daemon=True).start()

        def summary(timeout: float = 120) -> float:
            end = time.monotonic() + timeout
            while time.monotonic() < end:
                t, line = out.get(timeout=timeout)
                if "blocking," in line:
                    return t
            raise SystemExit("no summary line from the watching process")

        def recheck_ms(timeout: float = 120) -> tuple[float, float]:
            end = time.monotonic() + timeout
            while time.monotonic() < end:
                m = RECHECK.search(err.get(timeout=timeout))
                if m:
                    return float(m.group(1)), float(m.group(2))
            raise SystemExit("the watching process did not report a re-check")

        summary()
        text = arg.read_text()
        variants = [text, text.replace("evidence: [E-cyber-ctf]", "evidence: [E-nowhere]", 1)]
        e2e: list[float] = []
        inner: list[float] = []
        cold: list[float] = []
        yard: list[float] = []
        inner_cpu: list[float] = []
        cold_cpu: list[float] = []
        yard_cpu: list[float] = []
        try:
            for k in range(edits):
                time.sleep(0.3)  # let the watcher settle into polling
                t0 = time.perf_counter()
                tmp_arg = arg.with_suffix(".tmp")
                tmp_arg.write_text(variants[(k + 1) % 2])
                os.replace(tmp_arg, arg)  # as editors save: the watcher never sees half a file
                e2e.append(summary() - t0)
                wall, cpu = recheck_ms()
                inner.append(wall / 1000)
                inner_cpu.append(cpu / 1000)
                w, c, _ = _once([cg, "check", str(case)], (0, 1))
                cold.append(w)
                cold_cpu.append(c)
                w, c, _ = _once([PY, "-c", "import pydantic, ryml"], (0,))
                yard.append(w)
                yard_cpu.append(c)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    med = statistics.median
    print(f"bench_watch: casegate check --watch on atlas-api, {edits} edits (medians, same run)")
    print(f"  re-check (reported by the watcher) {med(inner) * 1000:6.1f} ms wall, {med(inner_cpu) * 1000:6.1f} ms cpu"
          f"  (goal < 50 ms: wall{' MET' if med(inner) < 0.05 else ' MISSED'}, cpu{' MET' if med(inner_cpu) < 0.05 else ' MISSED'})")
    print(f"  end to end, edit -> summary line   {med(e2e) * 1000:6.1f} ms wall (includes the 20 ms poll)")
    print(f"  cold `casegate check` of the case  {med(cold) * 1000:6.1f} ms wall, {med(cold_cpu) * 1000:6.1f} ms cpu"
          f"  -> the re-check is {med(cold) / med(inner):.1f}x (wall), {med(cold_cpu) / med(inner_cpu):.1f}x (cpu) faster")
    print(f"  python -c 'import pydantic, ryml'  {med(yard) * 1000:6.1f} ms wall, {med(yard_cpu) * 1000:6.1f} ms cpu"
          f"  -> re-check / yardstick {med(inner) / med(yard):.2f}x (wall), {med(inner_cpu) / med(yard_cpu):.2f}x (cpu)")


if __name__ == "__main__":
    main()
