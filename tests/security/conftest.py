"""The security suite tests confinement itself, so the suite-wide trusted root is unset here."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _no_trusted_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("CASEGATE_ROOT", raising=False)
    yield


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`casegate ARGS` in a child process without the suite's trusted root."""
    e = {k: v for k, v in os.environ.items() if k != "CASEGATE_ROOT"}
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "casegate", *args], cwd=cwd, capture_output=True,
                          text=True, env=e, timeout=timeout)
