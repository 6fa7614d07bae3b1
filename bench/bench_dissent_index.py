"""`dissent_index` (the registry's latest objection, answer or interruption of a case; asked
twice by every `casegate publish` against a registry: when its judgement is logged and when its
summary is recorded) on long logs.

Builds, for each source tree, a SQLite registry (as that tree's casegate migrates it) whose log
holds N entries about each of two measured cases and 4 x N about 20 other cases, in the kinds a
case's log holds over years of versions: decisions (with a record of a few kilobytes), judgements,
sign-offs, state changes (draft, in review, approved), evidence and publications; one measured
case (and the others) has an objection, its answer and a reopening every tenth version, the other
none ever (the lookup reads past all its state changes). Then asks `dissent_index` for each
measured case and gives the median time of one call over `--calls` calls, and the query plans of
the log's reads (by one kind, as before; the latest objection or answer, and the latest
interruption after it, newest first). The rows are written to the log table directly (the bench measures the lookup,
not appending; their hashes are not a tree's).

    python bench/bench_dissent_index.py                          # 5,000 and 20,000 entries of the case
    python bench/bench_dissent_index.py 5000 50000 --calls 50
    python bench/bench_dissent_index.py --before OLD/src         # and an earlier casegate, same run
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, source_trees

CHILD = r'''
import json, random, statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
n, where, calls = int(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
import sqlalchemy as sa
from casegate.store import dissent_index, open_registry
from casegate.store._schema import log_entries
reg = open_registry(f"sqlite:///{where}")
rnd = random.Random(7)
record = {"findings": [{"code": f"CG{300 + i}", "message": "x" * 120} for i in range(20)]}
flow = [("draft", "in-review"), ("in-review", "approved")]

def entries(case, count, dissent=True):
    out, version = [], 0
    while len(out) < count:
        version += 1
        out.append(("case-version", {"version": version, "digest": "0" * 64}))
        out += [("evidence", {"version": version, "id": f"E-{i}"}) for i in range(3)]
        out.append(("decision", {"version": version, "outcome": "GO", "record": record}))
        out.append(("judgement", {"version": version, "outcome": "GO", "found": record}))
        out += [("signoff", {"version": version, "role": r}) for r in ("rso", "safety-lead")]
        out += [("state-change", {"from": a, "to": b}) for a, b in flow]
        if dissent and version % 10 == 0:
            out.append(("objection", {"version": version, "reason": "y" * 200}))
            out.append(("objection-answer", {"version": version}))
            out.append(("state-change", {"from": "approved", "to": "reopened"}))
            out.append(("state-change", {"from": "reopened", "to": "in-review"}))
        out.append(("publication", {"version": version, "summary": record}))
    return [(case, k, p) for k, p in out[:count]]

rows = entries("bench", n) + entries("quiet", n, dissent=False)
for c in range(20):
    rows += entries(f"other-{c}", 4 * n // 20)
rows.sort(key=lambda r: rnd.random())
with reg.engine.connect().execution_options(casegate_write=True) as c, c.begin():
    c.execute(log_entries.delete())
    c.execute(log_entries.insert(), [{"idx": i, "hashes": b"\0" * 32, "kind": k, "case_id": case,
                                      "recorded_at": "2026-12-07T00:00:00Z", "payload": json.dumps(p)}
                                     for i, (case, k, p) in enumerate(rows)])
with reg.engine.connect() as c:
    stored = c.execute(sa.select(sa.func.count()).select_from(log_entries)).scalar_one()
    indexes = sorted(ix["name"] for ix in sa.inspect(c).get_indexes("log_entries"))
    c_ = log_entries.c
    plans = []
    for what, q in (
            ("by one kind (before)", sa.select(log_entries).where(c_.case_id == "bench", c_.kind == "objection")
             .order_by(c_.idx)),
            ("latest objection", sa.select(sa.func.max(c_.idx)).where(
                c_.case_id == "bench", c_.kind.in_(("objection", "objection-answer")))),
            ("interruptions newest first", sa.select(log_entries).where(
                c_.case_id == "bench", c_.kind.in_(("state-change",)), c_.idx > 0,
                c_.payload.contains('"reopened"', autoescape=True)).order_by(c_.idx.desc()))):
        sql = str(q.compile(compile_kwargs={"literal_binds": True}))
        plans.append(what + ": " + " / ".join(r[-1] for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)))
assert stored == len(rows), (stored, len(rows))
want = max(i for i, (case, k, p) in enumerate(rows) if case == "bench" and (k in ("objection", "objection-answer") or (k == "state-change" and "reopened" in (p["from"], p["to"]))))
assert dissent_index(reg, "bench") == want and dissent_index(reg, "quiet") is None
medians = []
for case in ("bench", "quiet"):
    times = []
    for _ in range(calls):
        t = time.perf_counter()
        dissent_index(reg, case)
        times.append(time.perf_counter() - t)
    medians.append(f"{statistics.median(times) * 1000:.3f}")
print(f"{' '.join(medians)}\t{','.join(indexes) or '-'}\t{' | '.join(plans)}")
'''


def main() -> None:
    args = sys.argv[1:]
    calls = 50
    if "--calls" in args:
        i = args.index("--calls")
        calls = int(args[i + 1])
        del args[i:i + 2]
    trees = source_trees(args)
    counts = [int(a) for a in args] or [5000, 20000]
    print(f"bench_dissent_index: median ms of one `dissent_index` call over {calls} calls, SQLite registry "
          "whose log holds N entries of each measured case and 4 x N of 20 others")
    with tempfile.TemporaryDirectory(prefix="casegate-bench-dissent-") as tmp:
        for n in counts:
            for suffix, tree in trees.items():
                db = Path(tmp) / f"r-{n}{suffix.strip(' ()')}.db"
                out = subprocess.run([PY, "-c", CHILD, tree, str(n), str(db), str(calls)],
                                     capture_output=True, text=True, check=True).stdout.rstrip("\n").split("\t")
                dissent, quiet = map(float, out[0].split())
                print(f"  {n:>8,} entries{suffix:<10} {dissent:9.3f} ms (a dissent every 10 versions) "
                      f"{quiet:9.3f} ms (none ever)   indexes on log_entries: {out[1]}")
                for plan in out[2].split(" | "):
                    print(f"  {'':>8}  query plan, {plan}")


if __name__ == "__main__":
    main()
