"""`Registry.pinned_by` (which stored versions pin the artifacts a case cites; asked by every gate
against a registry) on registries holding many evidence items.

Builds, for each source tree, a SQLite registry (as that tree's casegate migrates it) holding N
evidence items: N / 20 stored versions of 20 items each, every item pinning its own declared and
artifact digests. Then asks, in that process, which versions pin 12 digests (what a case cites:
atlas-api cites 11), 10 of them stored and 2 not, and gives the median time of one call over
`--calls` calls, after one call not counted. The rows are written to the tables directly (the
bench measures the lookup, not submission).

    python bench/bench_pinned_by.py                          # 2,000 and 20,000 evidence items
    python bench/bench_pinned_by.py 2000 200000 --calls 50
    python bench/bench_pinned_by.py --before OLD/src         # and an earlier casegate, same run
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, source_trees

CHILD = r'''
import hashlib, statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
n, where, calls = int(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
import sqlalchemy as sa
from casegate.store import open_registry
from casegate.store._schema import case_versions, cases, evidence_items
reg = open_registry(f"sqlite:///{where}")
sha = lambda s: hashlib.sha256(s.encode()).hexdigest()
per = 20
with reg.engine.connect().execution_options(casegate_write=True) as c, c.begin():
    c.execute(cases.insert(), [{"case_id": "bench", "state": "draft", "restricted_to": None,
                                "created_at": "2026-12-07T00:00:00Z", "updated_at": "2026-12-07T00:00:00Z"}])
    for v in range(n // per):
        vid = c.execute(case_versions.insert().values(
            case_id="bench", number=v + 1, digest=sha(f"v{v}"), title="bench", declared_version=f"1.{v}",
            main_path="case.yaml", policy_ref="policy.yaml", submitted_at="2026-12-07T00:00:00Z",
            log_index=v).returning(case_versions.c.id)).scalar_one()
        c.execute(evidence_items.insert(), [{
            "version_id": vid, "evidence_id": f"E-{i}", "kind": "eval", "producer": "bench", "date": "2026-12-01",
            "expires": None, "confidentiality": "public", "artifact": f"evals/{i}.json",
            "declared_sha256": sha(f"d{v}-{i}"), "artifact_sha256": sha(f"a{v}-{i}")} for i in range(per)])
with reg.engine.connect() as c:
    stored = c.execute(sa.select(sa.func.count()).select_from(evidence_items)).scalar_one()
    indexes = sorted(ix["name"] for ix in sa.inspect(c).get_indexes("evidence_items"))
assert stored == n, (stored, n)
last = n // per - 1
asked = {sha(f"d{v}-{i}") for v, i in ((0, 0), (last, 1), (last // 2, 2), (last // 3, 3), (last // 4, 4))}
asked |= {sha(f"a{v}-{i}") for v, i in ((0, 5), (last, 6), (last // 2, 7), (last // 5, 8), (last // 7, 9))}
asked |= {sha("absent-1"), sha("absent-2")}
assert len(reg.pinned_by(asked)) == 10
times = []
for _ in range(calls):
    t = time.perf_counter()
    reg.pinned_by(asked)
    times.append(time.perf_counter() - t)
print(f"{statistics.median(times) * 1000:.3f} {','.join(indexes) or '-'}")
'''


def main() -> None:
    args = sys.argv[1:]
    calls = 200
    if "--calls" in args:
        i = args.index("--calls")
        calls = int(args[i + 1])
        del args[i:i + 2]
    trees = source_trees(args)
    counts = [int(a) for a in args] or [2000, 20000]
    print(f"bench_pinned_by: median ms of one `pinned_by` call (12 digests asked) over {calls} calls, "
          "SQLite registry with N evidence items")
    with tempfile.TemporaryDirectory(prefix="casegate-bench-pinned-") as tmp:
        for n in counts:
            for suffix, tree in trees.items():
                db = Path(tmp) / f"r-{n}{suffix.strip(' ()')}.db"
                out = subprocess.run([PY, "-c", CHILD, tree, str(n), str(db), str(calls)],
                                     capture_output=True, text=True, check=True).stdout.split()
                print(f"  {n:>8,} items{suffix:<10} {float(out[0]):9.3f} ms   indexes on evidence_items: {out[1]}")


if __name__ == "__main__":
    main()
