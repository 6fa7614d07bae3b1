"""Instructions the recording path spends on the summary's canonical JSON, and what the ways of
getting it would spend instead (valgrind Ir, one way at a time).

`casegate publish` recording in a registry logs the public summary as RFC 8785 bytes with its
plain JSON value (`CanonicalJSON`). Today those come from the JSON text just written
(`CanonicalJSON.of_text`: parse, then write canonically). This counts, for the summary of the
synthetic case, each of:

- `of_text`: what publish does now (in trees that have `encode_sorted`: the text read with each
  object's keys sorted by `json.loads`'s pairs hook, then written by pydantic-core's serializer);
- `parse`: only reading the text (`json.loads`), and `encode`: only writing a plain value
  canonically with the standard library's C encoder (`encode_exact`), which `of_text` did before;
- `from object`: the value taken from the summary model instead of the text
  (`to_python(mode="json")`), its integral floats written as integers (as RFC 8785 writes them,
  and as `of_text` reads them) in one walk, then written canonically: no text parsed.

The summary is built once per process (load, gate, summary), outside the count: each way runs
inside `functools.reduce`, where callgrind collects (`--toggle-collect`, as
bench_publish_phase_instructions.py does). Each way checks it gives `of_text`'s bytes.

    python bench/bench_publish_canonical.py [--before SRC] [SIZE]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from _harness import PY, ensure_case, named_trees, reduce_instructions

WAYS = ("of_text", "parse", "encode", "from object")

_RUN = r'''
import functools, gc, json, sys
from pathlib import Path
tree, way, case_path, salts_path = sys.argv[1:]
sys.path.insert(0, tree)
import casegate.cli as cli
cli._without_pydantic_plugins()
gc.disable()  # as `casegate publish` runs
from casegate._canonical_json import SAFE_INT, encode_exact, float_exact
from casegate.cli._common import decided_hashed
from casegate.load import load_case
from casegate.publish import Salts, readable_case
from casegate.publish._api import evidence_basis
from casegate.publish._summary import build_summary
from casegate.store import CanonicalJSON, FileSaltStore
from casegate.store._canonical import json_value

loaded, record, artifacts = decided_hashed(load_case(Path(case_path)), None, None)
summary = build_summary(readable_case(loaded, artifacts), record, salts=Salts(FileSaltStore(Path(salts_path))),
                        policy=loaded.policy, basis=evidence_basis(loaded, artifacts))
text = summary.__pydantic_serializer__.to_json(summary, indent=2)
want = CanonicalJSON.of_text(text)
value = json_value(text)  # as `of_text` reads it: integral floats as integers


def integral_floats_as_ints(v):
    """In place: every integral float within 2**53 as an int; whether the rest is written exactly."""
    exact = True
    stack = [v]
    while stack:
        x = stack.pop()
        if type(x) is dict:
            if not all(k.isascii() or max(k) <= "\uffff" for k in x):
                exact = False
            items = x.items()
        else:
            items = enumerate(x)
        for k, y in items:
            t = type(y)
            if t is dict or t is list:
                stack.append(y)
            elif t is float:
                if y.is_integer() and -SAFE_INT <= y <= SAFE_INT:
                    x[k] = int(y)
                elif not float_exact(y):
                    exact = False
            elif t is int and not -SAFE_INT <= y <= SAFE_INT:
                exact = False
    return exact


def from_object():
    v = summary.__pydantic_serializer__.to_python(summary, mode="json")
    if not integral_floats_as_ints(v):
        raise SystemExit("the synthetic summary holds a value the C encoder does not write exactly")
    return encode_exact(v)


ways = {"of_text": lambda: CanonicalJSON.of_text(text).json, "parse": lambda: json.loads(text),
        "encode": lambda: encode_exact(value), "from object": from_object}
box = []
functools.reduce(lambda x, y: box.append(ways[way]()), [0, 1])
if way in ("of_text", "encode", "from object") and box[0] != want.json:
    raise SystemExit(f"{way}: not the bytes of_text writes")
'''


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", nargs="?", type=int, default=10_000)
    ap.add_argument("--before", type=Path, help="another source tree to count in the same run")
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_publish_canonical needs valgrind (apt-get install valgrind)")
    trees = named_trees(a.before)
    case = ensure_case(a.size)
    print(f"bench_publish_canonical: {a.size // 1000}k elements, the summary's canonical JSON, instructions "
          "(valgrind Ir)")
    print(f"  {'way':<12}" + "".join(f"{name:>16}" for name in trees))
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "salts.json"
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        # the salts drawn once, as a re-run finds them (the summary is then the same every run)
        subprocess.run([PY, "-c", _RUN, next(iter(trees.values())), "parse", str(case), str(store)],
                       env=env, check=True, capture_output=True)
        for way in WAYS:
            got = [reduce_instructions([PY, "-c", _RUN, tree, way, str(case), str(store)], env) for tree in trees.values()]
            print(f"  {way:<12}" + "".join(f"{n:>16,}" for n in got), flush=True)


if __name__ == "__main__":
    main()
