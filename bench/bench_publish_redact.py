"""Where the summary's redaction and argument view spend their time, piece by piece, in one process.

bench_publish_parts.py times the summary as a whole; this splits the largest parts of it: reading
the salt store, the redaction walk with and without sealing, the pieces of sealing every redacted
element (its content as JSON, its canonical bytes with the text guard's leaves, its salt and
commitment), the argument view, and reading a recorded summary's canonical bytes back
(`CanonicalJSON.of_text`, the recording path's largest part). The case is loaded and decided
once; each piece runs several times and its best CPU time is kept. With `--before SRC`, another
source tree is timed the same way in a fresh process, the two taking turns.

    python bench/bench_publish_redact.py [--before SRC] [--repeat N] [--rounds N] [SIZE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import PY, ROOT, ensure_case

_RUN = r'''
import gc, json, sys, time
gc.disable()
from pathlib import Path
from casegate.cli import _without_pydantic_plugins
_without_pydantic_plugins()
from casegate.cli._common import decided_hashed
from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import Salts, evidence_basis, readable_case
from casegate.publish import _redact, _summary
from casegate.publish._commit import content_of
from casegate.publish._views import refs_of
from casegate.store import CanonicalJSON, FileSaltStore
case_path, store_path, repeat = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
loaded, record, artifacts = decided_hashed(load_case(Path(case_path)), None, None)
case = readable_case(loaded, artifacts)
store = FileSaltStore(store_path)
_summary.build_summary(case, record, salts=Salts(store), policy=loaded.policy,
                       basis=evidence_basis(loaded, artifacts))  # the salts kept, as on a re-run
rd = _redact.redact(case, Salts(store), Confidentiality.public)
sealed = list(rd.sealed.values())
parts = {s.pointer: p for p, _ in _redact.iter_redactable(case)
         for s in [rd.sealed.get(_redact.pointer_of(p))] if s is not None}
contents = [content_of(s.model) for s in sealed]
kept = Salts(store)
kept._records(case.id, case.version)
leaves = set()
bodies = [_redact.canonical_leaves(c, leaves) for c in contents]
refs = dict(zip(rd.stubs, refs_of(rd.stubs.values()), strict=True))
s = _summary.build_summary(case, record, salts=Salts(store), policy=loaded.policy,
                           basis=evidence_basis(loaded, artifacts))
text = s.__pydantic_serializer__.to_json(s, indent=2)
real_seal = _redact.seal


def memo_seal(case, salts, parts, model, leaves=None, keys=None):
    return rd.sealed[_redact.pointer_of(parts)]


def walk_only():
    _redact.seal = memo_seal
    try:
        _redact.redact(case, kept, Confidentiality.public)
    finally:
        _redact.seal = real_seal


pieces = {
    "salt store read": lambda: Salts(FileSaltStore(store_path))._records(case.id, case.version),
    "redact (all)": lambda: _redact.redact(case, Salts(FileSaltStore(store_path)), Confidentiality.public),
    "walk, not sealing": walk_only,
    "seal (all)": lambda: [real_seal(case, kept, parts[x.pointer], x.model, set()) for x in sealed],
    "  content_of": lambda: [content_of(x.model) for x in sealed],
    "  canonical": lambda: [_redact.canonical_leaves(c, set()) for c in contents],
    "  salted": lambda: [kept.salted(case.id, case.version, x.pointer, c, b)
                         for x, c, b in zip(sealed, contents, bodies)],
    "argument view": lambda: _summary._argument(case, rd, refs),
    "of_text (record)": lambda: CanonicalJSON.of_text(text),
}
best = {}
for _ in range(repeat):
    for name, f in pieces.items():
        t = time.process_time()
        f()
        best[name] = min(best.get(name, 1e9), time.process_time() - t)
print(json.dumps(best))
'''


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", nargs="?", type=int, default=10_000)
    ap.add_argument("--before", type=Path, help="another source tree to time in the same run")
    ap.add_argument("--repeat", type=int, default=7, help="runs of each piece per process (best kept)")
    ap.add_argument("--rounds", type=int, default=3, help="processes per tree (median of their bests)")
    a = ap.parse_args()
    trees = {"this tree": ROOT / "src"}
    if a.before is not None:
        trees["before"] = a.before.resolve()
    case = ensure_case(a.size)
    got: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "salts.json"
        for _ in range(a.rounds):
            for name, src in trees.items():
                env = {**os.environ, "PYTHONPATH": str(src)}
                out = subprocess.run([PY, "-c", _RUN, str(case), str(store), str(a.repeat)], env=env,
                                     capture_output=True, text=True, check=True)
                for piece, sec in json.loads(out.stdout.splitlines()[-1]).items():
                    got[name].setdefault(piece, []).append(sec)
    pieces = list(dict.fromkeys(p for t in got.values() for p in t))
    print(f"bench_publish_redact: {a.size // 1000}k elements, best CPU ms of {a.repeat} runs, median of "
          f"{a.rounds} processes")
    print(f"  {'piece':<20}" + "".join(f"{name:>12}" for name in trees))
    for p in pieces:
        cells = [f"{statistics.median(got[n][p]) * 1000:12.1f}" if p in got[n] else f"{'':>12}" for n in trees]
        print(f"  {p:<20}" + "".join(cells))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "bench"))
    main()
