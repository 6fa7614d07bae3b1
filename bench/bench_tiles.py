"""The log as static tiles (C2SP tlog-tiles) against the database path, in the same run.

- tiles: a generated log of N entries in the registry's entry format (RFC 8785 JSON of
  {case_id, index, kind, payload, recorded_at}, payloads like bench_ledger's) written to a
  local directory by `write_tiles` (every entry hashed, every tile level built, the root
  checked against a signed checkpoint): entries per second, bytes and files per entry on disk.
- client: `open_tiles(dir)` with a cold cache per proof (a new reader each time, as a client
  that has never seen the log): objects fetched and latency of an inclusion proof, a
  consistency proof and an entry rebuilt from its bundle, each verified against the checkpoint.
- database path (baseline): the registry on SQLite (and PostgreSQL when
  $CASEGATE_TEST_POSTGRES_URL is set): appends per second (`record_many`, batches of 1,000)
  and inclusion proofs per second (`prove_inclusion`), and `write_tiles` reading that registry.

    python bench/bench_tiles.py [--entries N] [--db-entries M] [--proofs P] [--json FILE]

Default N = 50,000 (seconds). The 10-million-entry figure is `--entries 10000000` (tens of
minutes and ~4 GB of disk on one core: not run by `make bench`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from casegate.ledger import open_store, open_tiles, write_tiles  # noqa: E402
from casegate.store import entry_bytes, open_registry, sign_checkpoint  # noqa: E402
from casegate.store import merkle as mk  # noqa: E402

KINDS = ("decision", "signoff", "objection", "incident", "state-change")
AT = "2026-12-01T00:00:00.000000Z"


def payload(i: int) -> dict[str, object]:
    return {"n": i, "outcome": "GO WITH CONDITIONS", "role": "safety-lead", "person": "dana-ortiz",
            "conditions": ["re-evaluate by 2027-04-01"], "digest": f"sha256:{i:064x}"}


class Generated:
    """N generated entries, in the registry's leaf format, produced as they are read."""

    def __init__(self, n: int):
        self.n = n

    def entry_range(self, start: int, end: int) -> Iterator[tuple[int, bytes, bytes | None]]:
        for i in range(start, end):
            body = json.dumps(payload(i), sort_keys=True, separators=(",", ":")).encode()
            yield i, entry_bytes(i, KINDS[i % 5], f"case-{i % 37}", body, AT), None

    def node_range(self, level: int, start: int, end: int) -> list[bytes]:
        raise AssertionError("a fresh write needs no stored nodes")

    def root(self) -> bytes:
        frontier: list[bytes] = []
        for i, e, _ in self.entry_range(0, self.n):
            mk.append_leaf(frontier, i, mk.leaf_hash(e))
        return mk.fold(frontier)


def disk(root: Path) -> tuple[int, int, int]:
    """(bytes of file contents, bytes allocated on disk, files)."""
    size = alloc = files = 0
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            st = os.stat(os.path.join(dirpath, name))
            size += st.st_size
            alloc += st.st_blocks * 512
            files += 1
    return size, alloc, files


def client_figures(tiles_dir: Path, key: Ed25519PrivateKey, n: int, proofs: int) -> dict[str, float]:
    rng = random.Random(7)
    out: dict[str, list[float]] = {"incl_ms": [], "incl_fetches": [], "cons_ms": [], "cons_fetches": [],
                                   "entry_ms": [], "entry_fetches": []}
    pub = key.public_key()
    for _ in range(proofs):
        i = rng.randrange(n)
        log = open_tiles(tiles_dir)
        t = time.perf_counter()
        cp = log.checkpoint(pub)
        log.inclusion_proof(i, cp)
        out["incl_ms"].append((time.perf_counter() - t) * 1e3)
        out["incl_fetches"].append(log.fetches)
    for _ in range(max(1, proofs // 4)):
        m = rng.randrange(1, n)
        log = open_tiles(tiles_dir)
        cp = log.checkpoint(pub)
        old_root = log.root(m, cp.tree_size)  # what a client would have kept from before
        log.fetches = 0
        t = time.perf_counter()
        log.consistency_proof(m, old_root, cp)
        out["cons_ms"].append((time.perf_counter() - t) * 1e3)
        out["cons_fetches"].append(log.fetches + 1)  # + the checkpoint
        log = open_tiles(tiles_dir)
        t = time.perf_counter()
        log.entry(rng.randrange(n), log.checkpoint(pub))
        out["entry_ms"].append((time.perf_counter() - t) * 1e3)
        out["entry_fetches"].append(log.fetches)
    log = open_tiles(tiles_dir)
    t = time.perf_counter()
    log.scan(log.checkpoint(pub))  # what a monitor's first pass and a state proof from tiles do
    scan_s = time.perf_counter() - t
    res: dict[str, float] = {"scan_entries_per_s": n / scan_s}
    for k, v in out.items():
        res[k + "_median"] = statistics.median(v)
        res[k + "_max"] = max(v)
    return res


def db_figures(url: str, entries: int, proofs: int, tmp: Path, key_path: Path) -> dict[str, float]:
    reg = open_registry(url)
    t_app = 0.0
    for start in range(0, entries, 1000):
        evs = [(KINDS[i % 5], f"case-{i % 37}", payload(i)) for i in range(start, min(entries, start + 1000))]
        t = time.perf_counter()
        reg.record_many(evs)
        t_app += time.perf_counter() - t
    rng = random.Random(7)
    idx = [rng.randrange(entries) for _ in range(proofs)]
    reg.prove_inclusion(0)
    t = time.perf_counter()
    for i in idx:
        reg.prove_inclusion(i)
    t_proof = time.perf_counter() - t
    cp = reg.checkpoint(key_path)
    out = tmp / f"tiles-{reg.engine.dialect.name}"
    t = time.perf_counter()
    write_tiles(reg, open_store(out), cp)
    t_tiles = time.perf_counter() - t
    reg.close()
    return {"appends_per_s": entries / t_app, "proofs_per_s": proofs / t_proof,
            "tiles_from_registry_entries_per_s": entries / t_tiles}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=50_000, help="entries of the generated tiled log")
    ap.add_argument("--db-entries", type=int, default=20_000, help="entries appended to each database")
    ap.add_argument("--proofs", type=int, default=200)
    ap.add_argument("--postgres", default=os.environ.get("CASEGATE_TEST_POSTGRES_URL"))
    ap.add_argument("--keep", type=Path, help="write the tiles here (and keep them) instead of a temporary folder")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    a = ap.parse_args()
    key = Ed25519PrivateKey.generate()
    results: dict[str, object] = {"entries": a.entries}
    print(f"bench_tiles: a generated log of {a.entries:,} entries as tlog-tiles, and the database path "
          f"({a.db_entries:,} entries) in the same run")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        tiles_dir = a.keep or tmp / "tiles"
        gen = Generated(a.entries)
        t = time.perf_counter()
        root = gen.root()
        t_root = time.perf_counter() - t
        cp = sign_checkpoint("bench.casegate.example/log", a.entries, root, key).text()
        t = time.perf_counter()
        report = write_tiles(gen, open_store(tiles_dir), cp)
        t_write = time.perf_counter() - t
        size, alloc, files = disk(tiles_dir)
        entry_bytes_total = sum(len(e) for _, e, _ in gen.entry_range(0, min(a.entries, 10_000)))
        avg_entry = entry_bytes_total / min(a.entries, 10_000)
        w = {"write_s": t_write, "entries_per_s": a.entries / t_write, "hash_only_entries_per_s": a.entries / t_root,
             "bytes_per_entry": size / a.entries, "disk_bytes_per_entry": alloc / a.entries,
             "files": files, "avg_entry_bytes": avg_entry, "objects_written": len(report.written)}
        results["tiles"] = w
        print(f"\n[tiles: write] {a.entries:,} entries in {t_write:.1f} s = {w['entries_per_s']:,.0f} entries/s "
              f"(generating and hashing alone: {w['hash_only_entries_per_s']:,.0f} entries/s)")
        print(f"  on disk: {size / a.entries:.1f} bytes/entry of content ({avg_entry:.0f} of it the entry itself, "
              f"{size / a.entries - avg_entry - 2:.1f} tree hashes), {alloc / a.entries:.1f} bytes/entry allocated "
              f"(4 KiB blocks), {files:,} files")
        c = client_figures(tiles_dir, key, a.entries, a.proofs)
        results["client"] = c
        print(f"\n[tiles: client, cold cache, local directory] {a.proofs} random proofs")
        print(f"  inclusion proof: {c['incl_fetches_median']:.0f} objects fetched (max {c['incl_fetches_max']:.0f}), "
              f"{c['incl_ms_median']:.2f} ms median (max {c['incl_ms_max']:.2f}), checkpoint signature included")
        print(f"  consistency proof: {c['cons_fetches_median']:.0f} objects (max {c['cons_fetches_max']:.0f}), "
              f"{c['cons_ms_median']:.2f} ms median")
        print(f"  entry from its bundle, with its inclusion proof: {c['entry_fetches_median']:.0f} objects, "
              f"{c['entry_ms_median']:.2f} ms median")
        print(f"  reading and proving every entry (scan): {c['scan_entries_per_s']:,.0f} entries/s")
        key_path = tmp / "log.pem"
        from casegate.store import generate_key

        generate_key(key_path)
        db = db_figures(f"sqlite:///{tmp / 'registry.db'}", a.db_entries, a.proofs * 5, tmp, key_path)
        results["sqlite"] = db
        print(f"\n[database path: SQLite] {a.db_entries:,} entries")
        print(f"  appends {db['appends_per_s']:,.0f}/s, inclusion proofs {db['proofs_per_s']:,.0f}/s (warm, in process), "
              f"tiles written from the registry {db['tiles_from_registry_entries_per_s']:,.0f} entries/s")
        if a.postgres:
            import sqlalchemy as sa

            dbname = f"bench_tiles_{os.getpid()}"
            admin = sa.create_engine(a.postgres, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{dbname}"'))
            try:
                url = a.postgres.rsplit("/", 1)[0] + "/" + dbname
                pg = db_figures(url, a.db_entries, a.proofs * 5, tmp, key_path)
                results["postgresql"] = pg
                print(f"\n[database path: PostgreSQL] {a.db_entries:,} entries")
                print(f"  appends {pg['appends_per_s']:,.0f}/s, inclusion proofs {pg['proofs_per_s']:,.0f}/s, "
                      f"tiles written from the registry {pg['tiles_from_registry_entries_per_s']:,.0f} entries/s")
            finally:
                with admin.connect() as conn:
                    conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)'))
                admin.dispose()
        else:
            print("\n[database path: PostgreSQL] not measured: set CASEGATE_TEST_POSTGRES_URL")
    if a.json:
        a.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
