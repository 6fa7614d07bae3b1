"""Instructions executed by `casegate publish` and `casegate gate` on the same synthetic case.

The steadier view of bench_publish.py's ratio (see bench_instructions.py for why): valgrind's
count of the instructions each whole process executes, for this tree and, with `--before SRC`,
for another source tree. Both publish with a salt store that already keeps the case's salts (a
first run fills it), as the later runs of bench_publish.py do. Each count takes about fifty times
as long as the process itself.

`--path local` (the default) counts `publish --no-record` without a registry against `gate`;
`--path record` counts a publication recorded in a SQLite registry that holds the case (a fresh
copy of it for every run; the example keyring, `--unpinned`) against `gate --db --keyring` on a
copy of the same registry, as bench_publish.py's recording path does. Instruction counts leave
out what a process waits for (page faults, reading files), which imports cost more of than
they execute: quote them beside bench_publish.py's CPU times, not instead of them.

    python bench/bench_publish_instructions.py [--path local|record] [--before SRC] [SIZE]

Figures for issue #21 after b6c22646 (page_text's search), local path, the salts kept, each pair
from one run with `--before` b6c22646's tree: b6c22646 publish 5,323.0M, gate 2,049.4M (2.60x);
with each evidence row written by one f-string and a block of the page's own markup that
`page_text` would not change kept as it is (the rows of the 10k case were copied twice per block
and per macro level, some 3M characters each time), publish 5,271.1M, gate 2,048.8M (2.57x).
bench_publish.py in the same session (CPU, medians of 7): 0.720 s against gate 0.310 s (2.32x),
b6c22646 0.727 s against 0.303 s (2.40x), the published files identical. Where the rest goes
(bench_publish_parts.py, warm, ms): redaction 91 (the sealing walk's sorted copies and leaves,
pydantic-core's `to_python` of each sealed item, the salt store read), argument view 21, text
guard 6, evidence view 7, the rest of the summary 16, diagram 30 (the module partition 14), HTML
59, Markdown 30, JSON 33; cold, publishing's own imports are 202M (jinja2 96M, casegate.publish
106M, about half of it building its ~20 view model classes by cProfile) and casegate's fixed-wording match of
the 35 composed texts some 16 ms. No one part is a third of the extra: 1.5x needs most of them
halved.

Searching the page's own blocks (some 9M characters at 10k) for a character `page_text` changes
took `re` a test of each character against every range of its class; they are now searched as
their UTF-8 bytes with the ASCII characters kept deleted in C, the class run only over what is
left (the few characters beyond ASCII), and an integer inside sealed content is taken without a
call of its own. One run with `--before` 0a0729bb's tree: publish 4,797.5M, gate 1,955.2M (2.45x);
0a0729bb publish 5,131.8M, gate 1,953.8M (2.63x); the published files byte for byte the same, the
peak (ru_maxrss) 105 MiB either way. Against b6c22646 in an earlier run (the search alone):
publish 4,804.4M, gate 1,954.4M (2.46x); b6c22646 publish 5,323.2M, gate 2,047.3M (2.60x).

The recording path, one run with `--path record --before` 81e7abe7's tree: publish 18,567.1M, gate
5,026.5M (3.69x); 81e7abe7 publish 26,682.0M, gate 5,020.6M (5.31x). The registry's judgement of
the version (what a summary withholds and shows at each of the four audience levels) had redacted
each level twice, once for each, and hashed each level's case document through the `rfc8785`
package for the two integral floats it held (`200.0`); each level is now redacted and viewed once
for both, an integral float written by the C encoder as its integer, and a section blanked,
sorted and written in one walk. The local path in the same session: 4,810.5M against gate
1,964.8M (2.45x); 81e7abe7 4,808.2M against 1,959.8M (2.45x): those changes are not on it.

The pages' long blocks searched once, and less imported (local path, the salts kept, each tree
with its own warmed cache, all four counts from one run beside 4635c625's tree): publish
4,770.7M, gate 1,980.3M (2.41x); 4635c625 publish 4,837.5M, gate 1,979.8M (2.44x); the published
files of the 10k case, and of every example, byte for byte the same. A page interpolates each of
its long blocks (the outline, the evidence and redaction tables) again inside the template or
macro output that holds it, and `page_value` searched each whole for a character `page_text`
changes: 7.6M characters at 10k, 2.9M of them a second time. A block found unchanged is now
remembered while its page renders and only the text around it searched (4.7M characters),
placed by its first 64 characters and one comparison of memory (a first version placed it with
`str.find` of the whole block, which compares a needle of a megabyte character by character:
84M, as much as the search it spared). Besides: the preview note is escaped without importing
`html` (its entity table, 7.6M), the 17 patterns publishing's own modules compile at import come
from kept programs (`casegate._patterns`; gate +0.5M for the larger table), and
`_wording_data.WORDS` is one text, a word a line (some 5,400 strings, most of them interned,
were half of that module's 22.5M import). What is left is spread as before: jinja2's import
95M, the redaction 873M (bench_publish_phase_instructions.py at 4635c625), the JSON, the Markdown,
the HTML and the overview diagram 170M to 290M each (its figures at c49ce642); 1.5x needs most of them
halved.

Schemas built again on every run (local path, the salts kept, one run with `--before` 67232653's
tree): the summary's view models leave a field out of the JSON through `operator.is_` and
`operator.not_` (`exclude_if`), and the kept-schema store (`casegate._schemacache`) resolved
neither when reading an entry back, so it kept none of the schemas of `PublicSummary`,
`ArgumentView`, `DecisionView`, `DissentView`, `SafeguardItem` and `ConditionItem`: pydantic
built all of them in every `publish` (47.7M instructions, 1.0% of publishing). Both functions are now
names an entry may refer to, and tests/test_schema_cache.py checks that every `KeptSchema`
model of the package can be kept. publish 4,727.7M, gate 1,982.8M (2.38x); 67232653 publish
4,775.4M, gate 1,982.3M (2.41x); the published files of the 10k case, and of every
example, byte for byte the same. `check` and `gate` build no schema a run (their models were
kept before): `bench_instructions.py 10 --large-only` in the same session, check 3,609.1M
(rapidyaml floor 924.4M: 3.90x; before 3,608.5M), gate 3,721.8M (4.03x; before 3,721.4M).

Publishing repeats none of the gate's work (cProfile of one 10k run: one load, one rule run, the
artifacts hashed once, the evidence facts derived once and kept by `facts_for`). What it adds is
its own and spread thin (bench_publish_parts.py, warm, ms): redaction 96 (the salt store read 14,
the walk 33, sealing 45), argument view 22, text guard 7, evidence view 7, diagram 32, HTML 41,
Markdown 27, JSON 28, imports about 39. Writing the HTML page's three large tables out in the page
instead of through `_macros.html.j2` (a macro's output is joined, wrapped as Markup and copied once
more where it is used) took the HTML from 41.0 to 32.9 ms and publish from 2.25x to 2.14x of gate
in CPU time, but not in instructions (2.37x to 2.36x), at the price of a second copy of each
table's markup; it is not kept. Walking only an element's set fields in the redaction (3 ms, and
it relies on pydantic recording which fields were set), sealing with the C encoder's key sort
(slower, 13.1 against 9.1 ms) and `to_python` in place of `content_of`'s walk (90 against 33 ms)
were tried and dropped. 1.5x needs fewer outputs or each part halved. With PYTHONDONTWRITEBYTECODE
set, a module restored from a copy is compiled again in every counted process: unset it and
compile both trees afresh before counting.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from _harness import PY, ensure_case, named_trees
from bench_instructions import RUN, instructions
from bench_publish import KEYRING, _registry


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", nargs="?", type=int, default=10_000)
    ap.add_argument("--path", choices=("local", "record"), default="local")
    ap.add_argument("--before", type=Path, help="another source tree to count in the same run")
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_publish_instructions needs valgrind (apt-get install valgrind)")
    trees = named_trees(a.before)
    case = ensure_case(a.size)
    print(f"bench_publish_instructions: {a.size // 1000}k elements, {a.path} path, instructions executed "
          "(valgrind Ir)")
    with tempfile.TemporaryDirectory() as tmp:
        template = _registry(case, Path(tmp), a.size) if a.path == "record" else None
        db = Path(tmp) / "registry.db"
        for i, (name, tree) in enumerate(trees.items()):
            # each tree keeps its own casegate cache (kept schemas, compiled templates), warmed by
            # its own runs: trees sharing one (or sharing the user's with other casegate runs on
            # the machine) would count each other's cache misses
            os.environ["CASEGATE_CACHE_DIR"] = str(Path(tmp) / f"cache-{i}")
            publish = [PY, "-c", RUN, tree, "publish", str(case), "--out", str(Path(tmp) / name),
                       "--salt-store", str(Path(tmp) / "salts.json")]
            gate = [PY, "-c", RUN, tree, "gate", str(case)]
            if template is None:
                publish.append("--no-record")
            else:
                judged = ["--db", f"sqlite:///{db}", "--keyring", str(KEYRING)]
                publish += [*judged, "--unpinned"]
                gate += judged
                shutil.copyfile(template, db)
            subprocess.run(publish, check=True, capture_output=True)  # the salts kept, as on a re-run
            if template is not None:
                shutil.copyfile(template, db)
            subprocess.run(gate, capture_output=True)  # the cache warmed for the gate as well
            if template is not None:
                shutil.copyfile(template, db)
            g = instructions(gate)
            if template is not None:
                shutil.copyfile(template, db)
            p = instructions(publish)
            print(f"  {name}: publish {p:,}  gate {g:,}  ratio {p / g:.2f}x (goal <= 1.50)")


if __name__ == "__main__":
    main()
