"""Hostile YAML: aliases that loop or multiply, nesting past any sane depth, files too large or
with too many nodes, special files. Each is refused before the work it would cause, with exit 2
and the limit named; nothing crashes the process, runs unbounded or fills memory."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import ryml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.errors import InputError
from casegate.limits import LimitError
from casegate.load import load_case, parse_yaml
from casegate.load._yaml import (
    _RESERVE_FROM,
    node_bound_over,
    node_counts,
    node_estimate,
    quick_node_bound,
    yaml_node_bound,
)

from .conftest import run_cli

CHILD = Path(__file__).resolve().parent / "_parse_child.py"
SRC = Path(__file__).resolve().parents[2] / "src"
ROOT = SRC.parent


def _laughs(width: int, levels: int) -> str:
    """The "billion laughs": each level an anchored list of `width` aliases to the level below."""
    lines = ["casegate: 1", "l0: &l0 [" + ",".join(["lol"] * width) + "]"]
    for k in range(1, levels):
        lines.append(f"l{k}: &l{k} [" + ",".join([f"*l{k - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


# (name, YAML text, exception, substring of the message)
HOSTILE = [
    ("self-referencing alias in a list", "casegate: 1\nsystem: &a [*a]\n", InputError, "cycle"),
    ("self-referencing alias in a mapping", "casegate: 1\nsystem: &a {name: *a}\n", InputError, "cycle"),
    ("alias to its grandparent", "casegate: 1\na: &a\n  b:\n    - c: *a\n", InputError, "cycle"),
    ("alias before its anchor", "casegate: 1\na: *later\nb: &later 1\n", InputError, "names no anchor"),
    ("billion laughs (379 bytes)", _laughs(9, 9), LimitError, "alias-nodes"),
    ("merge of a billion laughs", _laughs(9, 8) + "m:\n  <<: *l7\n", LimitError, "alias-nodes"),
    ("flow nesting 100,000 deep", "casegate: 1\na: " + "[" * 100_000 + "]" * 100_000 + "\n", LimitError, "depth"),
    ("mapping nesting 200 deep", "casegate: 1\n" + "".join("  " * i + f"k{i}:\n" for i in range(200)), LimitError, "depth"),
    ("flow nesting 65 deep", "casegate: 1\na: " + "{x: " * 65 + "1" + "}" * 65 + "\n", LimitError, "depth"),
    ("alias nesting past the depth", "casegate: 1\na: &a " + "[" * 40 + "]" * 40 + "\nb: " + "[" * 30 + "*a" + "]" * 30 + "\n", LimitError, "depth"),
    ("merge of a non-mapping", "casegate: 1\na: &a 3\nb:\n  <<: *a\n", None, ""),
]


@pytest.mark.parametrize("name,text,exc,message", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_yaml_is_refused_by_the_parser(name: str, text: str, exc: type | None, message: str) -> None:
    if exc is None:
        parse_yaml("hostile.yaml", text.encode())  # a merge of a scalar is kept as a plain value
        return
    with pytest.raises(exc) as info:
        parse_yaml("hostile.yaml", text.encode())
    assert message in str(info.value.diagnostics()), info.value.diagnostics()
    assert info.value.help


def test_a_billion_laughs_of_a_few_hundred_bytes_is_refused_at_once() -> None:
    text = _laughs(9, 9)  # 9**9 = 387 million nodes once expanded
    assert len(text) < 500
    with pytest.raises(LimitError) as info:
        parse_yaml("laughs.yaml", text.encode())
    assert info.value.limit == "alias_nodes"


def test_aliases_keep_their_meaning() -> None:
    doc = parse_yaml("ok.yaml", (
        b"a: &s foo\nb: *s\nl:\n  - &i 3\n  - *i\nm: &m\n  x: 1\n  y: 1\n"
        b"n:\n  <<: *m\n  y: 2\no:\n  <<: [*m, {z: 3}]\nr: &s bar\nt: *s\n")).data
    assert doc == {"a": "foo", "b": "foo", "l": [3, 3], "m": {"x": 1, "y": 1}, "n": {"y": 2, "x": 1},
                   "o": {"x": 1, "y": 1, "z": 3}, "r": "bar", "t": "bar"}
    # each alias is its own copy: changing one never changes another
    doc["m"]["x"] = 9
    assert doc["n"]["x"] == 1


@pytest.mark.parametrize("name,text,limit,env", [
    ("too many nodes", "casegate: 1\nx: [" + ", ".join(["1"] * 5000) + "]\n", "yaml-nodes", {"CASEGATE_LIMIT_YAML_NODES": "1000"}),
    ("file too large", "casegate: 1\nx: " + "a" * 5000 + "\n", "file-bytes", {"CASEGATE_LIMIT_FILE_BYTES": "4096"}),
    ("nesting past a lowered depth", "casegate: 1\nx: [[[[[[1]]]]]]\n", "depth", {"CASEGATE_LIMIT_DEPTH": "4"}),
    ("a self-referencing alias", "casegate: 1\nsystem: &a [*a]\n", "", {}),
    ("a billion laughs", _laughs(9, 9), "alias-nodes", {}),
])
def test_cli_exits_2_naming_the_limit(tmp_path: Path, name: str, text: str, limit: str, env: dict[str, str]) -> None:
    p = tmp_path / "case.yaml"
    p.write_text(text)
    for command in (["check", str(p)], ["gate", str(p)]) if not limit else (["check", str(p)],):
        r = run_cli(*command, env=env)
        assert r.returncode == 2, (r.returncode, r.stderr)
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr
        assert limit in r.stderr, r.stderr
        if limit:
            assert f"CASEGATE_LIMIT_{limit.replace('-', '_').upper()}" in r.stderr


def test_a_limit_can_be_raised(tmp_path: Path) -> None:
    p = tmp_path / "case.yaml"
    p.write_text("casegate: 1\nx: [[[[[[1]]]]]]\n")
    assert run_cli("check", str(p), env={"CASEGATE_LIMIT_DEPTH": "4"}).returncode == 2
    r = run_cli("check", str(p), env={"CASEGATE_LIMIT_DEPTH": "100"})
    assert "depth" not in r.stderr
    bad = run_cli("check", str(p), env={"CASEGATE_LIMIT_DEPTH": "lots"})
    assert bad.returncode == 2 and "CASEGATE_LIMIT_DEPTH" in bad.stderr


# -- the node count, before parsing ------------------------------------------------------------


def test_the_node_limit_is_checked_before_the_parser_runs() -> None:
    """A file over the node bound whose YAML is broken at its end: the limit, not the syntax error,
    is what is reported, so the parser never ran on it."""
    text = b"casegate: 1\nx: [" + b"1, " * 3000 + b"\n  - ]: ]\n"
    with pytest.raises(InputError) as syntax:
        parse_yaml("broken.yaml", text)
    assert "syntax" in syntax.value.message
    os.environ["CASEGATE_LIMIT_YAML_NODES"] = "1000"
    try:
        with pytest.raises(LimitError) as info:
            parse_yaml("broken.yaml", text)
    finally:
        del os.environ["CASEGATE_LIMIT_YAML_NODES"]
    assert info.value.limit == "yaml_nodes" and "may hold up to 3,00" in info.value.message


def test_the_node_bound_holds_for_every_shape_the_parser_knows() -> None:
    """The bound against rapidyaml's own count, on shapes where nodes are densest per byte."""
    shapes = [b"", b"a", b"[:]", b"[:,:,:]", b"{a,b}", b"a\n...\nb\n...\nc", b"- - - x", b"[a: 1]", b"? a\n? b",
              b"---\n---\n---", b"[[[[]]]]", b"-\n-\n-", b"-\t1\n-\t2", b"-\r\n-\r\n", b"[a,b,]", b"{? a}",
              b"[? a : b]", b"--- a\n--- b", b"*a", b"a: *b", b"{a: [b, {c: d}], e: [[], {}]}", b"-", b"---"]
    for raw in shapes:
        assert ryml.parse_in_arena(raw).size() <= yaml_node_bound(raw), raw


def test_the_quick_node_bound_is_never_below_the_exact_one() -> None:
    """`quick_node_bound` only decides whether the exact bound must be counted: it may not fall
    below it, on the dense shapes, on every arrangement of the counted characters, or on the
    shipped files."""
    shapes = [b"", b"-", b"--", b"---", b"----", b"- -", b"-- ", b"...", b"....", b"......", b".. .",
              b"a\n...\nb", b"- - - x", b"-\n-\n-", b"-\t1\n-\r\n", b"[:,:,:]", b"{? a}", b"x-y.z"]
    shapes += [bytes(p) for p in itertools.product(b"-. \n\t\r:x", repeat=4)]
    shapes += [f.read_bytes() for f in [*ROOT.glob("examples/**/*.yaml"), *(SRC / "casegate").glob("**/*.yaml")]]
    for raw in shapes:
        assert quick_node_bound(raw) >= yaml_node_bound(raw), raw
    assert node_bound_over(b"[1, 2, 3]", 100) is None
    assert node_bound_over(b"[1, 2, 3]", 3) == yaml_node_bound(b"[1, 2, 3]")
    assert node_bound_over(b"a.b.c.d.e.f.g.h.i", 4) is None  # quick bound over, exact one not


def test_the_reserved_nodes_stay_within_the_quick_bound_and_change_no_parse() -> None:
    """A large text's tree is reserved `node_estimate` nodes before it is parsed (at most the
    `yaml-nodes` limit): never more than `quick_node_bound`, and the parse is the same whether the
    tree was reserved, reserved too few, or grown from nothing."""
    shapes = [b"", b"-", b"- - - x", b"-\n-\n-", b"[:,:,:]", b"{? a}", b"a: [b, {c: d}]", b"x-y.z", b"- a: 1\n  b: 2"]
    shapes += [bytes(p) for p in itertools.product(b"-:,[{?. \n", repeat=4)]
    shapes += [f.read_bytes() for f in [*ROOT.glob("examples/**/*.yaml"), *(SRC / "casegate").glob("**/*.yaml")]]
    for raw in shapes:
        assert node_estimate(raw) <= quick_node_bound(raw), raw
        assert node_counts(raw) == (quick_node_bound(raw), node_estimate(raw)), raw  # the one pass a case's files get
    items = "".join(f"  E{i}:\n    kind: eval\n    tasks: [a, b]\n    steps:\n      - {{id: s{i}, at: 2026-10-01}}\n"
                    "      -\n        id: t\n" for i in range(3000))
    raw = f"casegate: 1\nevidence:\n{items}".encode()
    assert len(raw) >= _RESERVE_FROM
    want = parse_yaml("big.yaml", raw).data
    assert want["evidence"]["E2999"]["steps"][1] == {"id": "t"}
    for reserved in (0, 10, node_estimate(raw)):
        tree = ryml.Tree()
        if reserved:
            tree.reserve(reserved)
        buf = bytearray(raw)  # the tree points into it
        ryml.parse_in_place(buf, tree)
        assert json.loads(ryml.emit_json_malloc(tree, tree.root_id())) == want
    # dashes in a scalar are no nodes: none is reserved for them where they are most of the text
    dashes = b"casegate: 1\nnote: '" + b"-a" * 60_000 + b"'\n"
    assert node_estimate(dashes) < 10 and yaml_node_bound(dashes) < 10
    # nor more than the limit where the estimate counts them (and the colons beside them)
    colons = b"casegate: 1\nnote: '" + b":a" * 8_000 + b"-a" * 1_000 + b"x" * 50_000 + b"'\n"
    assert node_estimate(colons) > 9_000 > 8_100 > yaml_node_bound(colons)
    os.environ["CASEGATE_LIMIT_YAML_NODES"] = "8100"
    try:
        assert len(colons) >= _RESERVE_FROM
        assert parse_yaml("colons.yaml", colons)._t().capacity() <= 8100
    finally:
        del os.environ["CASEGATE_LIMIT_YAML_NODES"]


def test_the_reserved_nodes_fit_the_synthetic_case() -> None:
    """The estimate reserves no fewer nodes than a large case's files parse into (a tree reserved
    too few grows to twice its size), and not many more: block sequences, flow sequences, flow
    mappings as items and values, and dates and hyphenated words in the scalars."""
    item = ("  E{i}:\n    kind: eval\n    title: Synthetic evaluation E{i}, an up-to-date run\n"
            "    date: 2026-10-01\n    producer: synthetic-evals\n    result: {{successes: 3, trials: 400}}\n"
            "    tests: [SG-a, SG-b]\n    steps:\n      - {{id: s{i}, at: 2026-10-01}}\n      -\n        id: t\n"
            "      - [a, b]\n")
    raw = ("casegate: 1\nevidence:\n" + "".join(item.format(i=i) for i in range(2000))).encode()
    tree = ryml.Tree()
    ryml.parse_in_place(bytearray(raw), tree)
    assert tree.size() <= node_estimate(raw) <= 1.3 * tree.size()


def test_the_node_bound_errs_little_on_honest_cases() -> None:
    """The bound refuses no honest case the real count would take: on every shipped YAML file
    (examples, templates, built-in policies and regimes) it is within 1.7 times the parsed nodes."""
    files = [*ROOT.glob("examples/**/*.yaml"), *(SRC / "casegate").glob("**/*.yaml")]
    assert len(files) > 20
    bound = nodes = 0
    for f in files:
        raw = f.read_bytes()
        n = parse_yaml(str(f), raw)._t().size()
        if n > 20:
            assert yaml_node_bound(raw) <= 1.7 * n, f
        bound += yaml_node_bound(raw)
        nodes += n
    assert bound <= 1.4 * nodes, (bound, nodes)


def test_a_case_split_over_includes_counts_its_nodes_together(tmp_path: Path) -> None:
    """Each include under the node limit, the case over it: refused when the include that passes
    the limit is read, before it is parsed (its YAML is broken)."""
    items = "".join(f"  - x{i}\n" for i in range(300))
    (tmp_path / "case.yaml").write_text("casegate: 1\nkind: case\nid: c\ninclude: [a.yaml, b.yaml, c.yaml]\n")
    (tmp_path / "a.yaml").write_text("casegate: 1\nkind: case\nxa:\n" + items)
    (tmp_path / "b.yaml").write_text("casegate: 1\nkind: case\nxb:\n" + items)
    (tmp_path / "c.yaml").write_text("casegate: 1\nkind: case\nxc:\n" + items + "  - ]: ]\n")
    r = run_cli("check", str(tmp_path / "case.yaml"), env={"CASEGATE_LIMIT_YAML_NODES": "700"})
    assert r.returncode == 2 and "yaml-nodes (700)" in r.stderr and "case's files may hold" in r.stderr, r.stderr
    assert "c.yaml" in r.stderr and "syntax" not in r.stderr
    assert "CASEGATE_LIMIT_YAML_NODES" in r.stderr
    # each file alone is under it
    for name in ("a", "b"):
        assert yaml_node_bound((tmp_path / f"{name}.yaml").read_bytes()) < 700


def test_the_case_bytes_limit_is_checked_before_the_include_is_parsed(tmp_path: Path) -> None:
    filler = "".join(f"  n{i}: {'x' * 40}\n" for i in range(60))
    (tmp_path / "case.yaml").write_text("casegate: 1\nkind: case\nid: c\ninclude: [a.yaml, b.yaml]\n")
    (tmp_path / "a.yaml").write_text("casegate: 1\nkind: case\nxa:\n" + filler)
    (tmp_path / "b.yaml").write_text("casegate: 1\nkind: case\nxb:\n" + filler + "  - ]: ]\n")
    r = run_cli("check", str(tmp_path / "case.yaml"), env={"CASEGATE_LIMIT_CASE_BYTES": "5000"})
    assert r.returncode == 2 and "case-bytes (5,000)" in r.stderr and "b.yaml" in r.stderr, r.stderr
    assert "syntax" not in r.stderr and "CASEGATE_LIMIT_CASE_BYTES" in r.stderr


def test_many_duplicate_keys_cost_one_finding_past_the_first_hundred(tmp_path: Path) -> None:
    p = tmp_path / "case.yaml"
    p.write_text("casegate: 1\nkind: case\nid: c\nx:\n" + "  k: v\n" * 251)
    loaded = load_case(p, root=tmp_path)
    dups = [f for f in loaded.diagnostics if f.code == "CG901"]
    assert len(dups) == 101, len(dups)
    assert "150 more duplicate keys in this file" in dups[-1].message
    assert dups[-1].location is not None and dups[-1].location.line == 6  # where `k` repeats first


def test_a_policy_of_30000_malformed_entries_is_reported_in_bounded_time(tmp_path: Path) -> None:
    import shutil

    from tests.security._limited import run_limited

    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case")
    head = (ROOT / "examples" / "atlas-api" / "policy.yaml").read_text().replace("based_on:\n", "based_on_:\n", 1)
    entries = "".join(f"  - {{document: {i}, bogus: 1}}\n" for i in range(30_000))  # two problems each
    (tmp_path / "case" / "big.yaml").write_text(head + "based_on:\n" + entries)
    # 30,000 such entries took 39 CPU seconds when each problem was located by walking the list
    r = run_limited(["-m", "casegate", "check", "case.yaml", "--policy", "big.yaml"], cwd=tmp_path / "case",
                    wall=60, cpu_seconds=8)
    assert r.returncode == 1 and "Traceback" not in r.stderr, (r.returncode, r.cpu, r.stderr[-800:])
    shown = [ln for ln in r.stdout.splitlines() if ln.startswith("big.yaml:") and "CG900" in ln]
    assert len(shown) == 101, len(shown)
    assert shown[-1].endswith("59,901 more format problems in this document, from here on (only the "
                              "first 100 are listed)"), shown[-1]
    # each one located at its own entry, the count's at the first entry not listed
    first = next(n for n, ln in enumerate(head.splitlines() + ["based_on:"], 1) if ln == "based_on:") + 1
    assert shown[0].startswith(f"big.yaml:{first}:") and shown[-2].startswith(f"big.yaml:{first + 49}:")
    assert shown[-1].startswith(f"big.yaml:{first + 50}:")


def test_an_item_deep_in_a_long_sequence_is_located(tmp_path: Path) -> None:
    doc = parse_yaml("s.yaml", b"a:\n" + b"".join(b"  - {x: %d}\n" % i for i in range(5_000)))
    for _ in range(3):  # past the first lookups, from the list of the sequence's items
        assert doc.locate(("a", 4_999, "x")) == (5_001, 6)
        assert doc.locate(("a", 5_000, "x")) == (1, 1)  # no such item: the deepest node that exists
        assert doc.locate(("a", -1)) == (1, 1)


# -- special files ----------------------------------------------------------------------------


def _case(tmp_path: Path, include: str) -> Path:
    p = tmp_path / "case.yaml"
    p.write_text(f"casegate: 1\nkind: case\ninclude: [{include}]\n")
    return p


def test_device_include_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load_case(_case(tmp_path, "/dev/zero"), root="/")
    assert "not a regular file" in info.value.message
    assert info.value.location and info.value.location.endswith(":3:11")


def test_fifo_include_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    r = run_cli("check", str(_case(tmp_path, "pipe.yaml")), timeout=30)
    assert r.returncode == 2 and "not a regular file" in r.stderr, r.stderr


def test_fifo_case_file_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "case.yaml")
    r = run_cli("check", str(tmp_path / "case.yaml"), timeout=30)
    assert r.returncode == 2 and "not a regular file" in r.stderr, r.stderr


# -- includes ---------------------------------------------------------------------------------


def test_include_count_and_depth_are_limited(tmp_path: Path) -> None:
    for i in range(30):  # a chain: each file includes the next
        (tmp_path / f"f{i}.yaml").write_text(f"casegate: 1\nkind: case\ninclude: [f{i + 1}.yaml]\n")
    (tmp_path / "f30.yaml").write_text("casegate: 1\nkind: case\n")
    with pytest.raises(LimitError) as info:
        load_case(tmp_path / "f0.yaml")
    assert info.value.limit == "include_depth"
    wide = tmp_path / "wide.yaml"
    wide.write_text("casegate: 1\nkind: case\ninclude: [" + ", ".join(f"f{i}.yaml" for i in range(25, 31)) + "]\n")
    os.environ["CASEGATE_LIMIT_INCLUDES"] = "3"
    try:
        with pytest.raises(LimitError) as info:
            load_case(wide)
        assert info.value.limit == "includes"
    finally:
        del os.environ["CASEGATE_LIMIT_INCLUDES"]


# -- fuzzing in a child process under resource limits ------------------------------------------


@st.composite
def alias_graphs(draw: st.DrawFn) -> str:
    """A document of anchored nodes whose aliases point anywhere: back, forward, at themselves,
    at their parents, through merges and nested containers, many times over."""
    n = draw(st.integers(1, 9))
    lines = ["casegate: 1"]
    for i in range(n):
        refs = draw(st.lists(st.integers(0, n), min_size=0, max_size=9))
        items = [f"*a{j}" if draw(st.booleans()) or j != n else "x" for j in refs]
        shape = draw(st.sampled_from(["seq", "map", "merge", "nested", "block", "scalar"]))
        if shape == "seq":
            lines.append(f"k{i}: &a{i} [{', '.join(items)}]")
        elif shape == "map":
            lines.append(f"k{i}: &a{i} {{{', '.join(f'm{p}: {v}' for p, v in enumerate(items))}}}")
        elif shape == "merge":
            lines.append(f"k{i}: &a{i}\n  <<: [{', '.join(items)}]\n  own: 1")
        elif shape == "nested":
            d = draw(st.integers(1, 70))
            lines.append(f"k{i}: &a{i} " + "[" * d + ", ".join(items) + "]" * d)
        elif shape == "block":
            lines.append(f"k{i}: &a{i}")
            lines.extend(f"  - {it}" for it in items or ["x"])
        else:
            lines.append(f"k{i}: &a{i} {draw(st.sampled_from(['1', 'x', '~', '*a0', '.nan', '!!str 3']))}")
    return "\n".join(lines) + "\n"


def _run_batch(docs: list[str], cpu: int = 60) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    r = subprocess.run([sys.executable, str(CHILD), str(cpu), str(2 << 30)], input=json.dumps(docs),
                       capture_output=True, text=True, env=env, timeout=cpu * 3)
    rows = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    if r.returncode != 0 or len(rows) != len(docs):
        bad = docs[len(rows)] if len(rows) < len(docs) else None
        raise AssertionError(f"the parser died (exit {r.returncode}) on input {len(rows)}: {bad!r}\n{r.stderr[-2000:]}")
    return rows


def _check_rows(docs: list[str], rows: list[dict[str, object]]) -> None:
    for doc, row in zip(docs, rows, strict=True):
        outcome = str(row["outcome"])
        assert not outcome.startswith("crash") and outcome != "MemoryError", (outcome, doc)
        # bounded work per input: seconds of CPU, not minutes (the limits stop a hostile input
        # after at most tens of thousands of nodes)
        assert float(str(row["cpu"])) < 10, (row, doc)
        assert int(str(row["peak_kib"])) < 1 << 20, (row, doc)  # under 1 GiB
        # the node count refused before parsing is a true upper bound of what the parser builds
        if row["nodes"] is not None:
            assert int(str(row["nodes"])) <= int(str(row["bound"])), (row, doc)


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.lists(alias_graphs(), min_size=60, max_size=60))
def test_fuzzed_alias_graphs_never_crash_or_run_away(docs: list[str]) -> None:
    _check_rows(docs, _run_batch(docs))


_yamlish_tokens = st.sampled_from(["&a ", "*a", "&b ", "*b", "[", "]", "{", "}", ": ", ", ", "\n", "\n  ",
                                   "- ", "<<: ", "!!str ", "? ", "'", '"', "|\n  ", "~", "x", "1", "#",
                                   "---\n", "...\n", "\t", "%YAML 1.2\n", "\\", "\x00", "\u2028",
                                   ":", ",", "-", "?", "-\t", "-\r\n", "\n- ", "\n  - ", "[:", "{:", "? a : b"])


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.lists(st.lists(_yamlish_tokens, max_size=60).map("".join), min_size=100, max_size=100))
def test_fuzzed_yaml_tokens_never_crash(docs: list[str]) -> None:
    _check_rows(docs, _run_batch(docs))


def test_the_known_crashers_in_a_child() -> None:
    """The inputs that crashed or ran away before the parser resolved aliases itself."""
    docs = [text for _n, text, _e, _m in HOSTILE] + [_laughs(10, 12), _laughs(2, 60)]
    rows = _run_batch(docs)
    _check_rows(docs, rows)
    assert all(r["outcome"] != "ok" for r in rows[:4])


def test_the_exact_walk_reads_what_the_json_path_reads() -> None:
    """The walk (taken for anchors, aliases, tags and `~`) reads each node's type once and tests
    its bits; on every shipped file, and on scalars of every style, it gives the same data as the
    JSON path, which never walks."""
    from casegate.load._yaml import _walk

    styles = (b"a: 1\nb: '2'\nc: \"x\\ty\"\nd: |\n  lit\ne: >\n  fold\n  ed\nf: null\ng: ''\nh: true\n"
              b"i: [1, 1.5, -3, x, 'y', {j: k}]\nk:\nl: {}\nm: []\n'n': {? o}\n")
    files = [*ROOT.glob("examples/**/*.yaml"), *(SRC / "casegate").glob("**/*.yaml")]
    for raw in [styles, *(f.read_bytes() for f in files)]:
        fast = parse_yaml("f.yaml", raw)
        if fast.duplicates:
            continue
        t = ryml.parse_in_arena(raw)
        root = t.root_id()
        start = t.first_child(root) if t.is_stream(root) else root
        assert _walk(t, start, "f.yaml") == fast.data, raw[:200]
