"""Instructions (valgrind Ir) pydantic-core spends building the argument's elements of the
K-thousand-goal argument into `Element` models, and what two ways around parts of that work
would save.

Each row is a fresh process that imports what `check` imports, builds the case's validators,
parses the argument files (rapidyaml, as a load does) and then validates each file's elements
with one validator; valgrind counts only that validation (`--toggle-collect` on the C function
the process runs it through, `functools.reduce`, which nothing before it calls), so the rows are
the validation's own cost, without start-up, imports or parsing:

- `load's validator`: `_unchecked_elements`, what a lean load uses (the model's validator
  without `Element._one_text`, which `_one_text_each` answers for a whole part);
- `no Id patterns`: the same schema with every `pattern` taken out (the ids and the link lists
  are `Id`s, each matched against its regular expression by pydantic-core): what checking the
  ids some cheaper way could save at most;
- `typed dict + construct`: the same fields validated as a `typed-dict` (no defaults filled in,
  so the output holds only the keys given), then each model made without pydantic-core
  (`object.__new__`, its `__dict__` a copy of the model's defaults updated with the given
  values, its set of given names and its two other slots set, all through `map`, in C): what
  filling each model's 22 fields (most left at their defaults) one by one costs pydantic-core
  beyond a dict copy. Checked first (in a separate process) to build models equal to the load's, with the
  same `__dict__` order and the same sets of given names.

Measured at 10k goals (the 8 argument files; 2026-12, on 79e3e00f): load's validator 330.1M;
no Id patterns 309.4M (20.7M less: the patterns are 6% of the elements' validation); typed dict +
construct 287.0M (43.1M less: 13%). The elements' validation is mostly the model-fields loop
itself (22 fields looked up in each item's mapping, most of them missing: some 48M in
pydantic-core and 40M in CPython's dict lookups, in the model's schema and the typed dict's
alike), which any pydantic-core schema with those 22 fields pays.

The construct row taken into a lean load (the typed dict validated a part at a time, each model
made as above, its set of given names shared as it is made instead of by `_share_field_sets`
afterwards, falling back to pydantic-core's model whenever the model, its defaults or
pydantic's slots are not the shape expected), `check` of the 10k-goal argument in one run of
`bench_instructions.py 10 --large-only --before`: 3,550.0M against 3,612.4M (62.4M less, 1.7%
of the check and 3.5% of its load's 1.77G; 3.85x the rapidyaml floor of 923.1M against 3.91x).
Not taken: under the 5% of the load a change that makes models outside pydantic-core had to
save. Ids checked another way would save less than the patterns' 20.7M.

    python bench/bench_element_build.py                   # 10k goals, this tree
    python bench/bench_element_build.py 10 --before OLD/src
"""

from __future__ import annotations

import os
import subprocess
import sys

from _harness import PY, ensure_case, source_trees

MODES = ("load's validator", "no Id patterns", "typed dict + construct")

RUN = """
import os, sys
sys.path.insert(0, sys.argv[1])
mode, folder, check = sys.argv[2], sys.argv[3], sys.argv[4] == "check"
from pathlib import Path
from casegate.cli import _without_pydantic_plugins
_without_pydantic_plugins()
import functools, gc, itertools
gc.disable()
from pydantic import BaseModel
from pydantic_core import SchemaValidator
from casegate.load import _loader as L
from casegate.load._yaml import parse_yaml
from casegate.model import Element, build_case_validator
build_case_validator()
parts = []
for f in sorted(Path(folder).glob("argument-[0-9]*.yaml")):
    parts.append(parse_yaml(f.name, f.read_bytes()).data["argument"]["elements"])
adapter = L._adapter(L._ELEMENTS)
loads = L._unchecked_elements(adapter)
schema = adapter.core_schema
model = schema["values_schema"]
fields = model["schema"]["schema"]["fields"]  # (function-before `_one_text` -> model-fields)


def no_pattern(s):
    if isinstance(s, dict):
        return {k: no_pattern(v) for k, v in s.items() if k != "pattern"}
    if isinstance(s, list):
        return [no_pattern(x) for x in s]
    return s


typed = SchemaValidator({"type": "dict", "keys_schema": schema["keys_schema"], "values_schema": {
    "type": "typed-dict", "extra_behavior": "forbid", "config": model["config"],
    "fields": {k: {"type": "typed-dict-field", "schema": f["schema"]["schema"], "required": False}
               for k, f in fields.items()}}})
defaults = dict(Element.model_construct().__dict__)
slots = vars(BaseModel)
set_dict, set_given = slots["__dict__"].__set__, slots["__pydantic_fields_set__"].__set__
set_extra, set_private = slots["__pydantic_extra__"].__set__, slots["__pydantic_private__"].__set__


def construct(items):
    got = typed.validate_python(items)
    given = list(got.values())
    n = len(given)
    models = list(map(object.__new__, itertools.repeat(Element, n)))
    list(map(set_dict, models, map(defaults.__or__, given)))
    list(map(set_given, models, map(set, given)))
    list(map(set_extra, models, itertools.repeat(None, n)))
    list(map(set_private, models, itertools.repeat(None, n)))
    return dict(zip(got, models))


build = {"load's validator": loads.validate_python,
         "no Id patterns": SchemaValidator(no_pattern({**schema, "values_schema": {
             **model, "schema": model["schema"]["schema"]}})).validate_python,
         "typed dict + construct": construct}[mode]
if check:
    for items in parts:
        a, b = loads.validate_python(items), build(items)
        assert list(a) == list(b), mode
        for x, y in zip(a.values(), b.values(), strict=True):
            assert type(x) is type(y) and x == y and list(vars(x)) == list(vars(y)), (mode, x, y)
            assert x.model_fields_set == y.model_fields_set and y.__pydantic_extra__ is None, mode
    print("same models")
    sys.exit(0)
out = []
functools.reduce(lambda _, items: out.append(build(items)), parts, None)
os._exit(0)
"""


def counted(cmd: list[str]) -> int:
    """Instructions `cmd` executes inside `functools.reduce` (valgrind callgrind's `Ir`)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONPATH", None)
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          "--toggle-collect=functools_reduce", *cmd], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise SystemExit(f"benchmark command failed ({out.returncode}): {' '.join(cmd)}\n{out.stderr[-2000:]}")
    for line in out.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise SystemExit(f"valgrind gave no count for {' '.join(cmd)}:\n{out.stderr[-2000:]}")


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] in ("-h", "--help"):
        print(__doc__)
        return
    trees = source_trees(args)
    k = int(args[0]) if args else 10
    folder = str(ensure_case(2333 * k).parent)
    print(f"bench_element_build: instructions of validating the {k}k-goal argument's elements (valgrind Ir)")
    for suffix, tree in trees.items():
        for mode in MODES[1:]:
            subprocess.run([PY, "-c", RUN, tree, mode, folder, "check"], check=True, stdout=subprocess.DEVNULL)
        first = 0
        for mode in MODES:
            n = counted([PY, "-c", RUN, tree, mode, folder, "-"])
            first = first or n
            print(f"  {mode + suffix:<44} {n:>15,}  ({(n - first) / first:+6.1%})")


if __name__ == "__main__":
    main()
