"""The append-only log against pymerkle 7, measured in the same run, on SQLite and PostgreSQL.

- appends: 100,000 events recorded in batches (`Registry.record_many`: RFC 8785 encoding, leaf
  and node hashes, one transaction per batch, durable commit) vs pymerkle appending the same
  entries in memory (`InmemoryTree.append_entry`) and on its SQLite backend
  (`SqliteTree.append_entries`, one transaction per batch). pymerkle takes bytes, so it is
  timed twice: given the entries' canonical bytes (its best case) and encoding the same events
  with rfc8785 first (the same work casegate does).
- proofs: 1,000 inclusion proofs at random entries of the 100,000-entry tree, casegate from
  its stored tree vs pymerkle on SQLite and in memory. casegate is timed four ways, each on a
  registry opened for it:
  - against a given size (a verifier asks for a proof against the checkpoint size it holds)
    and against the current size (one query to learn it; on PostgreSQL the warm registry,
    having answered more than 16 such proofs, hears of appends instead: LISTEN/NOTIFY);
  - warm: the registry's proof cache already holds the tiles the proof needs; cold: the cache
    is emptied before every timed proof, so each one reads its tiles (and the root's nodes)
    from the database;
  and the first pass of a freshly opened registry over the 1,000 entries is reported too (it
  starts cold and warms as it goes).

Measurements are interleaved proof by proof (and batch by batch), so load on the machine
affects every side alike. The roots and a sample of inclusion paths are checked equal first.

    python bench/bench_ledger.py [--entries N] [--batch B] [--proofs P] [--postgres URL] [--only sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import rfc8785
from pymerkle import InmemoryTree, SqliteTree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from casegate.store import open_registry  # noqa: E402


def events(start: int, n: int) -> list[tuple[str, str | None, dict[str, object]]]:
    kinds = ("decision", "signoff", "objection", "incident", "state-change")
    return [(kinds[i % 5], f"case-{i % 37}",
             {"n": i, "outcome": "GO WITH CONDITIONS", "role": "safety-lead", "person": "dana-ortiz",
              "conditions": ["re-evaluate by 2027-04-01"], "digest": f"sha256:{i:064x}"})
            for i in range(start, start + n)]


def run_backend(name: str, url: str, entries: int, batch: int, proofs: int, tmp: Path) -> dict[str, float]:
    reg = open_registry(url)
    mem = InmemoryTree()
    sql = SqliteTree(str(tmp / f"pymerkle-{name}.db"))
    t_cg = t_enc = t_mem = t_sql = 0.0
    for start in range(0, entries, batch):
        evs = events(start, min(batch, entries - start))
        t = time.perf_counter()
        done = reg.record_many(evs)
        t_cg += time.perf_counter() - t
        dicts = [e.entry() for e in done]
        t = time.perf_counter()
        data = [rfc8785.dumps(d) for d in dicts]
        t_enc += time.perf_counter() - t
        t = time.perf_counter()
        for d in data:
            mem.append_entry(d)
        t_mem += time.perf_counter() - t
        t = time.perf_counter()
        sql.append_entries(data)
        t_sql += time.perf_counter() - t
    # the same tree: equal roots, equal paths (pymerkle: 1-based index, path[0] is the leaf)
    assert reg.root() == mem.get_root() == sql.get_root(), "roots differ"
    rng = random.Random(7)
    idx = [rng.randrange(entries) for _ in range(proofs)]
    for i in idx[:20]:
        assert list(reg.prove_inclusion(i).path) == list(mem.prove_inclusion(i + 1).path[1:]), i
    cold, warm, fresh = open_registry(url), open_registry(url), open_registry(url)
    cold.size(), warm.size()  # open their pooled connections outside the timings
    t = time.perf_counter()
    for i in idx:  # a freshly opened registry: cold at first, warm as it goes
        fresh.prove_inclusion(i, entries)
    p_first = time.perf_counter() - t
    fresh.close()
    for i in idx:  # the warm registry and pymerkle both see every proof once before the timings
        warm.prove_inclusion(i, entries)
        sql.prove_inclusion(i + 1)
        mem.prove_inclusion(i + 1)
    for i in idx[:20]:
        cold._drop_proof_cache()
        assert cold.prove_inclusion(i, entries) == warm.prove_inclusion(i, entries) == reg.prove_inclusion(i), i
    t_ = {"warm_given": 0.0, "warm_current": 0.0, "cold_given": 0.0, "cold_current": 0.0}
    p_sql = p_mem = p_rt = c_cg = 0.0
    for i in idx:
        c = time.process_time()
        t = time.perf_counter()
        warm.prove_inclusion(i, entries)
        t_["warm_given"] += time.perf_counter() - t
        c_cg += time.process_time() - c
        t = time.perf_counter()
        warm.prove_inclusion(i)
        t_["warm_current"] += time.perf_counter() - t
        if name == "postgresql":  # the floor: one round trip to the server on the same connection
            with warm._plain("timing a round trip") as conn:
                cur = conn.cursor()
                t = time.perf_counter()
                cur.execute("SELECT 1")
                cur.fetchall()
                p_rt += time.perf_counter() - t
                cur.close()
        t = time.perf_counter()
        sql.prove_inclusion(i + 1)
        p_sql += time.perf_counter() - t
        t = time.perf_counter()
        mem.prove_inclusion(i + 1)
        p_mem += time.perf_counter() - t
    # cold proofs in a loop of their own: their database reads would otherwise also slow down the
    # pymerkle baseline timed beside them (the server shares the machine's cores), flattering the
    # warm ratios; the cold ratios are against pymerkle timed in this loop
    p_sql_cold = 0.0
    for i in idx:
        cold._drop_proof_cache()
        t = time.perf_counter()
        cold.prove_inclusion(i, entries)
        t_["cold_given"] += time.perf_counter() - t
        cold._drop_proof_cache()
        t = time.perf_counter()
        cold.prove_inclusion(i)
        t_["cold_current"] += time.perf_counter() - t
        t = time.perf_counter()
        sql.prove_inclusion(i + 1)
        p_sql_cold += time.perf_counter() - t
    cache_bytes, cache_tiles = warm._proof_cache.nbytes, len(warm._proof_cache)
    cold.close()
    warm.close()
    t = time.perf_counter()
    report = reg.verify_log()
    t_verify = time.perf_counter() - t
    assert report.size == entries
    sql.close()
    reg.close()
    return {"append_casegate_s": t_cg, "append_pymerkle_mem_s": t_mem, "encode_rfc8785_s": t_enc,
            "append_pymerkle_sqlite_s": t_sql, "proofs_pymerkle_sqlite_s": p_sql,
            "proofs_pymerkle_sqlite_cold_loop_s": p_sql_cold,
            "proofs_pymerkle_mem_s": p_mem, "verify_log_s": t_verify, "round_trip_s": p_rt,
            "proofs_casegate_cpu_s": c_cg, "proofs_first_pass_s": p_first,
            "cache_bytes": float(cache_bytes), "cache_tiles": float(cache_tiles),
            **{f"proofs_{k}_s": v for k, v in t_.items()}}


def show(name: str, r: dict[str, float], entries: int, proofs: int) -> None:
    print(f"\n[{name}] {entries:,} appends, {proofs:,} inclusion proofs")
    print(f"  appends  casegate {r['append_casegate_s'] / entries * 1e6:7.1f} us/entry")
    print(f"    vs pymerkle in memory, given the bytes:        "
          f"{r['append_pymerkle_mem_s'] / r['append_casegate_s']:5.2f}x  (>1: casegate faster)")
    print(f"    vs pymerkle in memory, encoding the same events: "
          f"{(r['append_pymerkle_mem_s'] + r['encode_rfc8785_s']) / r['append_casegate_s']:5.2f}x")
    print(f"    vs pymerkle on SQLite, given the bytes:         "
          f"{r['append_pymerkle_sqlite_s'] / r['append_casegate_s']:5.2f}x")
    base = r["proofs_pymerkle_sqlite_s"]
    print(f"  proofs   pymerkle on SQLite {base / proofs * 1e6:7.1f} us/proof, in memory "
          f"{r['proofs_pymerkle_mem_s'] / proofs * 1e6:.1f} us/proof (the baseline, same run)")
    rows = (("warm, against a given size", "warm_given"), ("warm, against the current size", "warm_current"),
            ("cold, against a given size", "cold_given"), ("cold, against the current size", "cold_current"),
            ("a fresh registry's first pass (given size)", "first_pass"))
    print(f"           pymerkle on SQLite timed beside the cold proofs "
          f"{r['proofs_pymerkle_sqlite_cold_loop_s'] / proofs * 1e6:7.1f} us/proof (the cold rows' baseline)")
    for label, key in rows:
        v = r[f"proofs_{key}_s"]
        b = r["proofs_pymerkle_sqlite_cold_loop_s"] if key.startswith("cold") else base
        print(f"    casegate {label + ':':44s} {v / proofs * 1e6:8.1f} us/proof  "
              f"{b / v:6.1f}x pymerkle/SQLite  {r['proofs_pymerkle_mem_s'] / v:6.2f}x pymerkle in memory")
    warm_given, warm_current = base / r["proofs_warm_given_s"], base / r["proofs_warm_current_s"]
    print(f"    goal >= 10x pymerkle/SQLite: against a given size {warm_given:.1f}x "
          f"({'met' if warm_given >= 10 else 'NOT met'}), against the current size {warm_current:.1f}x "
          f"({'met' if warm_current >= 10 else 'NOT met'}) (warm)")
    print(f"    warm, given size: {r['proofs_casegate_cpu_s'] / proofs * 1e6:.1f} us/proof of this process's CPU; "
          f"proof cache {r['cache_bytes'] / 2**20:.1f} MiB in {int(r['cache_tiles'])} tiles")
    if r.get("round_trip_s"):
        print(f"    one round trip to the server (SELECT 1, same connection, same run): "
              f"{r['round_trip_s'] / proofs * 1e6:7.1f} us")
    print(f"  full audit (verify_log, every hash recomputed): {r['verify_log_s']:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=1_000)
    ap.add_argument("--proofs", type=int, default=1_000)
    ap.add_argument("--postgres", default=os.environ.get("CASEGATE_TEST_POSTGRES_URL"),
                    help="a PostgreSQL URL (default: $CASEGATE_TEST_POSTGRES_URL); the benchmark creates "
                         "and drops its own database there")
    ap.add_argument("--only", choices=("sqlite", "postgresql"), help="measure one backend only")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    a = ap.parse_args()
    print(f"bench_ledger: the append-only log vs pymerkle 7 (same run, interleaved; batches of {a.batch:,})")
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if a.only != "postgresql":
            results["sqlite"] = run_backend("sqlite", f"sqlite:///{tmp / 'registry.db'}", a.entries, a.batch,
                                            a.proofs, tmp)
            show("SQLite (WAL, synchronous=FULL)", results["sqlite"], a.entries, a.proofs)
        if a.only == "sqlite":
            pass
        elif a.postgres:
            import sqlalchemy as sa

            dbname = f"bench_ledger_{os.getpid()}"
            admin = sa.create_engine(a.postgres, isolation_level="AUTOCOMMIT")
            with admin.connect() as c:
                c.execute(sa.text(f'CREATE DATABASE "{dbname}"'))
            try:
                url = a.postgres.rsplit("/", 1)[0] + "/" + dbname
                results["postgresql"] = run_backend("postgresql", url, a.entries, a.batch, a.proofs, tmp)
                show("PostgreSQL", results["postgresql"], a.entries, a.proofs)
            finally:
                with admin.connect() as c:
                    c.execute(sa.text(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)'))
                admin.dispose()
        else:
            print("\n[PostgreSQL] not measured: no --postgres URL and no $CASEGATE_TEST_POSTGRES_URL")
    if a.json:
        a.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
