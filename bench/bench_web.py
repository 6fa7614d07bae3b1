"""Load on the review board: a bounded number of concurrent reads and writes against a local
server (uvicorn on 127.0.0.1), reporting throughput and p50/p99 latency, on SQLite and, when
CASEGATE_TEST_POSTGRES_URL is set (scripts/bench.sh starts a server), on PostgreSQL.

The baseline in the same run is the board's cheapest route (the static stylesheet), so figures can be compared across noisy machines as ratios.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CONCURRENCY = 8
REQUESTS = 400


def _prepare(url: str, work: Path) -> dict[str, str]:
    from tests.web.conftest import build_board

    board = build_board(work, url)
    return board.tokens


async def _load(base: str, paths: list[tuple[str, str, dict[str, object] | None]], token: str) -> tuple[float, list[float], int]:
    import httpx

    lat: list[float] = []
    errors = 0
    sem = asyncio.Semaphore(CONCURRENCY)
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30) as c:
        async def one(i: int) -> None:
            nonlocal errors
            method, path, body = paths[i % len(paths)]
            async with sem:
                t = time.perf_counter()
                r = await (c.get(path) if method == "GET" else c.post(path, json=body))
                lat.append(time.perf_counter() - t)
                if r.status_code >= 400:
                    errors += 1
        t0 = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(REQUESTS)))
        return time.perf_counter() - t0, lat, errors


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))] * 1000


def run(label: str, url: str) -> None:
    work = Path(tempfile.mkdtemp(prefix="casegate-bench-web-"))
    tokens = _prepare(url, work)
    port = 18750 + (os.getpid() % 1000)
    env = dict(os.environ, CASEGATE_WEB_SECRET="bench")
    srv = subprocess.Popen([str(Path(sys.executable).parent / "casegate"), "serve", "--db", url, "--port", str(port),
                            "--tokens", str(work / "tokens.json"),
                            "--keyring", str(ROOT / "examples/atlas-api/keys/keyring.yaml"),
                            "--write-rate", "100000", "--write-burst", "100000"],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(200):
            try:
                httpx.get(base + "/static/casegate.css", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        case = "atlas-2-api"
        incident = {"date": "2026-12-01", "description": "load test incident", "severity": "low", "domain": "cyber"}
        mixes = {
            "static (baseline)": [("GET", "/static/casegate.css", None)],
            "reads": [("GET", "/api/v1/cases", None), ("GET", f"/api/v1/cases/{case}", None),
                      ("GET", f"/api/v1/cases/{case}/events", None), ("GET", "/public", None)],
            "writes": [("POST", f"/api/v1/cases/{case}/incidents", incident)],
        }
        base_rate = None
        for name, paths in mixes.items():
            secs, lat, errors = asyncio.run(_load(base, paths, tokens["rso"]))
            rate = REQUESTS / secs
            base_rate = base_rate or rate
            print(f"  {label:<10} {name:<18} {rate:7.0f} req/s ({rate / base_rate:.2f}x baseline)  "
                  f"p50 {_pct(lat, 0.5):6.1f} ms  p99 {_pct(lat, 0.99):6.1f} ms  errors {errors}")
    finally:
        srv.terminate()
        srv.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    print(f"bench_web: {REQUESTS} requests per mix, {CONCURRENCY} concurrent, one uvicorn worker")
    tmp = Path(tempfile.mkdtemp())
    run("sqlite", f"sqlite:///{tmp / 'registry.db'}")
    pg = os.environ.get("CASEGATE_TEST_POSTGRES_URL")
    if pg:
        run("postgresql", pg)
    else:
        print("  postgresql: skipped (CASEGATE_TEST_POSTGRES_URL not set; scripts/bench.sh sets it)")


if __name__ == "__main__":
    main()
