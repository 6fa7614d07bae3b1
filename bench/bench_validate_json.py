"""Instructions (valgrind Ir) of building the large sections of the K-thousand-goal argument into
models two ways: as a lean load does now, and straight from rapidyaml's JSON with pydantic-core's
`validate_json` (issue #21's untried step).

Each row is a fresh process that imports what `check` imports, builds the case's validators and
parses each file holding a large section (the argument's elements, the evidence items) with
rapidyaml; the rows differ only in what comes after the parse:

- `parse only`: nothing (the baseline the other rows are counted from);
- `from_json + validate_python`: the file's JSON emitted, read by pydantic-core's JSON reader
  (`_json_data`) into Python data, and the section validated from that data whole, with the
  validator a lean load uses (`_unchecked_elements` for elements): the load's path without its
  parts, its sharing steps and its duplicate-key count;
- `validate_json`: the JSON of the section's own node emitted (`emit_json_to_substr` of that node)
  and validated by `validate_json` with the same validator: no Python data of the section is
  ever built.

Both build equal models with equal sets of given field names (checked first, in a separate
process, on the first and the last of the files: an argument file and the evidence file).

Measured at 10k goals (8 argument files and the evidence file; 2026-12, on 87ad3179): parse only
956.7M; from_json + validate_python 875.2M more, validate_json 741.7M more: 133M less, 3.6% of
the whole `check` (3,711M). That is the most the step can save, and less in a load: the load's
sharing steps (`_share_field_sets`, `_reuse_models`, `_share_nested_field_sets`) read the parsed
items' keys and mappings, which `validate_json` never builds (they would have to work from the
models alone), the rest of each file (its other keys) still needs its Python data, and duplicate
keys are found by counting the parsed values (`count_values`), which would need another way
(the section's JSON keeps the last of two equal keys without a word). Not taken for those
reasons; see bench_check_stages.py for where the rest of the check goes.

    python bench/bench_validate_json.py                 # 10k goals, this tree
    python bench/bench_validate_json.py 10 --before OLD/src
"""

from __future__ import annotations

import subprocess
import sys
import tempfile

from _harness import PY, ensure_case, source_trees
from bench_instructions import instructions

RUN = """
import os, sys
sys.path.insert(0, sys.argv[1])
mode, files = sys.argv[2], sys.argv[3:]
from casegate.cli import _without_pydantic_plugins, _without_aws_signer
_without_pydantic_plugins(); _without_aws_signer()
from casegate._schemacache import enable
enable()
import gc; gc.disable()
import ryml
from casegate.checks import registered
from casegate.load import _loader as L
from casegate.load._yaml import _emit_json, _json_data
from casegate.model import build_case_validator
registered()
build_case_validator()

def section_node(tree, at):
    node = tree.root_id()
    if tree.is_stream(node):
        node = tree.first_child(node)
    for key in at:
        child = tree.first_child(node)
        while child != ryml.NONE and bytes(tree.key(child)).decode() != key:
            child = tree.next_sibling(child)
        node = child
    return node

out = []
def build(f):
    raw = Path(f).read_bytes()
    buf = bytearray(raw)
    tree = ryml.Tree()
    ryml.parse_in_place(buf, tree)
    at = ("argument", "elements") if b"\\nargument:" in b"\\n" + raw else ("evidence",)
    adapter = L._adapter(at)
    validator = (L._unchecked_elements(adapter) if at == L._ELEMENTS else None) or adapter
    if mode == "python":
        data = _json_data(_emit_json(tree, tree.root_id(), len(raw)))
        out.append(validator.validate_python(L._section(data, at)))
    elif mode == "json":
        text = _emit_json(tree, section_node(tree, at), len(raw))  # (`"elements": {...}`: the key too)
        out.append(validator.validate_json(bytes(text[text.index(b":") + 1:])))

for f in files:
    try:
        build(f)
    except Exception as e:  # (exit 1 is counted as a run that found something: not this)
        print(f"{f}: {type(e).__name__}: {e}"[:2000], file=sys.stderr)
        os._exit(3)
os._exit(0)
"""

CHECK = """
import json, sys
sys.path.insert(0, sys.argv[1])
from casegate.cli import _without_pydantic_plugins
_without_pydantic_plugins()
import ryml
from casegate.load import _loader as L
from casegate.load._yaml import _emit_json, _json_data
from casegate.model import build_case_validator
build_case_validator()
for f in sys.argv[2:]:
    raw = Path(f).read_bytes()
    buf = bytearray(raw)
    tree = ryml.Tree()
    ryml.parse_in_place(buf, tree)
    data = _json_data(_emit_json(tree, tree.root_id(), len(raw)))
    at = ("argument", "elements") if "argument" in data else ("evidence",)
    adapter = L._adapter(at)
    validator = (L._unchecked_elements(adapter) if at == L._ELEMENTS else None) or adapter
    section = L._section(data, at)
    a = validator.validate_python(section)
    b = validator.validate_json(json.dumps(section).encode())
    same = a == b and all(x.model_fields_set == y.model_fields_set for x, y in zip(a.values(), b.values(), strict=True))
    if not same:
        raise SystemExit(f"{f}: the two ways build different models")
"""


def main() -> None:
    args = sys.argv[1:]
    trees = source_trees(args)
    k = int(args[0]) if args else 10
    case = ensure_case(2333 * k)
    files = [str(p) for p in sorted(case.parent.glob("*.yaml")) if p.stat().st_size >= 1 << 16]
    print(f"bench_validate_json: instructions building the large sections of the {k}k-goal argument "
          f"({len(files)} files; valgrind Ir)")
    for suffix, tree in trees.items():
        subprocess.run([PY, "-c", CHECK, tree, files[0], files[-1]], check=True)
        with tempfile.TemporaryDirectory() as cache:
            base = instructions([PY, "-c", RUN, tree, "parse", *files], cache)
            print(f"  {'parse only' + suffix:<40} {base:>15,}")
            for mode, label in (("python", "from_json + validate_python"), ("json", "validate_json")):
                n = instructions([PY, "-c", RUN, tree, mode, *files], cache)
                print(f"  {label + suffix:<40} {n - base:>15,}  (+ on parse only)")


if __name__ == "__main__":
    main()
