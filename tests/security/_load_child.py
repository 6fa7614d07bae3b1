"""Run in a child process by the whole-loader fuzz test: for each case read (as a JSON list of
{"files": {name: text}, "command": "check" | "gate"}) from stdin, write its files into a fresh
folder, run the command line on its `case.yaml` in this process (`casegate check` / `gate`: the
loader, the includes, model validation and the rules), and print one JSON line with the exit
code, the CPU seconds it took and the process's peak memory after it.

CASEGATE_DEBUG is set, so an exception the command line would report as an internal error (exit
70) is raised here and printed with its traceback ("crash"). A segmentation fault, a run past the
CPU limit (SIGXCPU) or over the address-space limit shows in the parent as a missing line or a
non-zero exit.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import resource
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

CPU_SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 60
ADDRESS_SPACE = int(sys.argv[2]) if len(sys.argv) > 2 else 2 << 30

resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
os.environ["CASEGATE_DEBUG"] = "1"
os.environ.pop("CASEGATE_ROOT", None)
os.environ.pop("CASEGATE_KEYRING", None)

from _limited import peak_kib  # noqa: E402  (this folder is the script's own)

from casegate.cli import _main  # noqa: E402

jobs = json.load(sys.stdin)
base = Path(tempfile.mkdtemp(prefix="casegate-fuzz-"))
# a file beside the case's folder, for includes that try to leave it
(base / "outside.yaml").write_text("casegate: 1\nkind: case\nevidence: {}\n")
try:
    for i, job in enumerate(jobs):
        folder = base / f"c{i}"
        folder.mkdir()
        for name, text in job["files"].items():
            (folder / name).write_bytes(text.encode("utf-8", "surrogatepass"))
        sys.argv = ["casegate", job["command"], str(folder / "case.yaml"), "--at", "2026-11-01"]
        out, err = io.StringIO(), io.StringIO()
        t0 = time.process_time()
        code: object = None
        crash = None
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                _main()
        except SystemExit as e:
            code = e.code
        except MemoryError:
            crash = "MemoryError"
        except BaseException as e:  # what the command line reports as exit 70
            crash = "".join(traceback.format_exception(e))[-3000:]
        cpu = time.process_time() - t0
        gc.enable()  # `check` and `gate` turn the cyclic collector off for their one run
        gc.collect()
        peak = peak_kib()
        print(json.dumps({"i": i, "code": code, "crash": crash, "cpu": cpu, "peak_kib": peak,
                          "stderr": err.getvalue()[-1500:]}), flush=True)
        shutil.rmtree(folder, ignore_errors=True)
finally:
    shutil.rmtree(base, ignore_errors=True)
