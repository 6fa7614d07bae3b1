"""Real servers on 127.0.0.1 for tests: a free port, an ASGI app under uvicorn in a thread, and
waiting for a server (thread or process) to answer. Shared by the board, ledger, monitor, witness
and security tests."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(app: Any, *, config: Callable[[Any, int], Any] | None = None, log_level: str = "warning",
          timeout: float = 20) -> Iterator[str]:
    """Run `app` under uvicorn in a thread on a free loopback port; yield its base URL; stop it
    afterwards. `config(app, port)` builds the uvicorn.Config when the default does not fit."""
    import uvicorn

    port = free_port()
    cfg = config(app, port) if config is not None else \
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level=log_level)
    server = uvicorn.Server(cfg)
    t = threading.Thread(target=server.run, daemon=True)
    t.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline or not t.is_alive():
            server.should_exit = True
            raise RuntimeError(f"the server on 127.0.0.1:{port} did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        t.join(timeout=10)


def wait_until_up(url: str, *, proc: subprocess.Popen[bytes] | None = None, timeout: float = 60,
                  what: str = "the server", log: Callable[[], str] = lambda: "") -> None:
    """Poll `url` until it answers 200. Raises RuntimeError (with `log()`) when `proc` exits first
    or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while True:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what} exited: {log()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:  # noqa: S310 - loopback test server
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start: {log()}")
        time.sleep(0.1)
