"""What the recording path's canonical read of a public summary costs for leaner layouts of it.

A recorded publication reads the summary's JSON back as RFC 8785 bytes (`CanonicalJSON.of_text`),
which at 10k elements is the recording path's largest single part. This publishes the synthetic
case once (`--no-record`, this tree), then derives layouts that carry the same argument fewer
times, and counts the instructions `of_text` executes on each (valgrind Ir, collected only inside
`functools.reduce`):

- `as written`: summary.json as publish writes it;
- `no case_document argument/evidence`: without the case document's copy of the argument
  elements and the evidence (the argument view and the evidence list carry them);
- `lean items`: argument nodes, outline rows and evidence items without their fields at an empty
  value (null, false, an empty list), which a reader's model fills back in;
- `both`: the two together.

The layouts were measuring sticks for a leaner summary format. Publish now writes format 2,
which is close to `both` (its case document keeps the few fields the nodes and items do not
carry), so `as written` counts format 2 and the derived layouts change little of it; the
format-1 summaries pinned in tests/publish/pinned_v1 are the layout they were measured against.

    python bench/bench_publish_summary_forms.py [SIZE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from _harness import PY, ROOT, ensure_case, reduce_instructions

_RUN = r'''
import functools, sys
sys.path.insert(0, sys.argv[1])
from casegate.store import CanonicalJSON
data = open(sys.argv[2], "rb").read()
CanonicalJSON.of_text(b"{}")  # the reader's imports and set-up, outside the count
functools.reduce(lambda x, y: CanonicalJSON.of_text(data), [0, 1])
'''


def _lean(value: Any) -> Any:
    """`value` without the object fields at an empty value (null, false, an empty list)."""
    if isinstance(value, dict):
        return {k: _lean(v) for k, v in value.items() if v is not None and v is not False and v != []}
    if isinstance(value, list):
        return [_lean(v) for v in value]
    return value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", nargs="?", type=int, default=10_000)
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_publish_summary_forms needs valgrind (apt-get install valgrind)")
    case = ensure_case(a.size)
    src = str(ROOT / "src")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        subprocess.run([PY, "-m", "casegate", "publish", str(case), "--out", str(out), "--format", "json",
                        "--salt-store", str(Path(tmp) / "salts.json"), "--no-record"],
                       check=True, capture_output=True, env={**os.environ, "PYTHONPATH": src})
        written = json.loads((out / "summary.json").read_bytes())
        apart = dict(written["case_document"])
        apart.pop("argument", None)
        apart.pop("evidence", None)
        lean = {**written, "argument": _lean(written["argument"]), "evidence": _lean(written["evidence"])}
        forms = {
            "as written": written,
            "no case_document argument/evidence": {**written, "case_document": apart},
            "lean items": lean,
            "both": {**lean, "case_document": apart},
        }
        print(f"bench_publish_summary_forms: {a.size // 1000}k elements, `CanonicalJSON.of_text` of each layout "
              "(valgrind Ir)")
        for name, value in forms.items():
            path = Path(tmp) / "form.json"
            path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            n = reduce_instructions([PY, "-c", _RUN, src, str(path)], {**os.environ, "PYTHONHASHSEED": "0"})
            print(f"  {name:<36} {path.stat().st_size:>11,} bytes {n:>16,}", flush=True)


if __name__ == "__main__":
    main()
