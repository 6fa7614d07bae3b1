"""Witnesses for tests: real `casegate witness serve` processes on 127.0.0.1 (random free ports),
each with its own key and state file, stopped and restarted like a real service."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from casegate.store import COSIGNATURE_V1, generate_key, verifier_key
from casegate.witness import WitnessState

from ..loopback import free_port, wait_until_up


@dataclass
class WitnessProcess:
    name: str
    key: Path
    state: Path
    logs: list[str]
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    log_file: Path | None = None
    starts: int = field(default=0)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def vkey(self) -> str:
        from casegate.store import load_public_key

        return verifier_key(self.name, load_public_key(self.key), COSIGNATURE_V1)

    @property
    def spec(self) -> str:
        """What `casegate log witness --witness` takes."""
        return f"{self.vkey}={self.url}"

    def start(self) -> None:
        self.port = self.port or free_port()
        self.starts += 1
        self.log_file = self.state.with_suffix(f".serve{self.starts}.log")
        cmd = [sys.executable, "-m", "casegate", "witness", "serve", "--name", self.name, "--key", str(self.key),
               "--state", str(self.state), "--port", str(self.port)]
        for v in self.logs:
            cmd += ["--log", v]
        with open(self.log_file, "wb") as f:
            self.proc = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, env=dict(os.environ))
        log = self.log_file
        wait_until_up(self.url + "/", proc=self.proc, what=f"witness {self.name}", log=log.read_text)
        self._check_it_is_this_witness()

    def _check_it_is_this_witness(self) -> None:
        """The port was free when chosen, not reserved: another process (a test on another worker)
        may have taken it first. What answers must be this witness, alive."""
        import json
        import urllib.request

        with urllib.request.urlopen(self.url + "/", timeout=10) as r:  # noqa: S310 - loopback
            doc = json.loads(r.read())
        assert self.proc is not None
        if doc.get("vkey") != self.vkey or self.proc.poll() is not None:
            raise RuntimeError(f"port {self.port} answers as {doc.get('witness')!r}, not as witness {self.name}"
                               f" (exit {self.proc.poll()}): {self.log_file.read_text() if self.log_file else ''}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def make_witnesses(where: Path, n: int, logs: list[str]) -> list[WitnessProcess]:
    """`n` new witnesses (keys and empty state files), not yet started."""
    out = []
    for i in range(1, n + 1):
        key = where / f"w{i}.pem"
        generate_key(key)
        state = where / f"w{i}.json"
        WitnessState(state).init()
        out.append(WitnessProcess(f"witness{i}.test.example", key, state, logs))
    return out
