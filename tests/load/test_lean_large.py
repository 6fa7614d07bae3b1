"""A lean load of large files (`keep_data=False`: sections built as each file is read) against an
ordinary load: the same case, and duplicate keys at any depth and every invalid item reported,
located, exactly as an ordinary load reports them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.load import load_case
from casegate.load._loader import _BUILD_FROM, LET_GO_FROM

_N = _BUILD_FROM + 50
"""Items in each large file: enough for a lean load to build the file's section as it reads it
(in parts), and more than `LET_GO_FROM` bytes, so that it lets the file's bytes go."""


def _write(tmp: Path, elements: list[str], evidence: list[str], *, argument_head: str = "",
           evidence_head: str = "") -> Path:
    """A case whose argument and evidence lie in two included files of more than `LET_GO_FROM`
    bytes each; `elements`/`evidence`: the items' lines (after the `_N` plain ones)."""
    els = [f"    G{i}: {{claim: Claim {i} holds., supported_by: [G{i + 1}], evidence: [E{i}], domain: cyber}}\n"
           for i in range(_N)] + [f"    G{_N}: {{claim: Last.}}\n"] + elements
    ev = [f"  E{i}: {{kind: eval, producer: lab, date: 2026-10-01, artifact: logs/run.json, "
          f"result: {{successes: 1, trials: 40}}}}\n" for i in range(_N)] + evidence
    (tmp / "logs").mkdir(exist_ok=True)
    (tmp / "logs" / "run.json").write_text("{}")
    (tmp / "argument.yaml").write_text("casegate: 1\nkind: case\n" + argument_head + "argument:\n  elements:\n"
                                       + "".join(els))
    (tmp / "evidence.yaml").write_text("casegate: 1\nkind: case\n" + evidence_head + "evidence:\n" + "".join(ev))
    (tmp / "case.yaml").write_text(
        "casegate: 1\nkind: case\nid: big\ntitle: Big\ndate: 2026-11-20\npolicy: builtin:anthropic-rsp\n"
        "system: {name: Big, version: '1', digests: [sha256:" + "1" * 64 + "]}\n"
        "include: [argument.yaml, evidence.yaml]\nargument:\n  top: G0\n")
    assert all((tmp / f).stat().st_size >= LET_GO_FROM for f in ("argument.yaml", "evidence.yaml"))
    return tmp / "case.yaml"


def _findings(loaded: Any) -> list[tuple[str, str, str]]:
    return [(f.code, f.message, str(f.location)) for f in loaded.diagnostics]


def _three(case: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any, Any]:
    """An ordinary load, a lean load, and a second lean load (nothing carried between loads)."""
    kept = load_case(case, root=case.parent)
    lean = load_case(case, root=case.parent, keep_data=False)
    slow = load_case(case, root=case.parent, keep_data=False)
    return kept, lean, slow


def test_a_lean_load_of_large_files_builds_the_ordinary_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = _write(tmp_path, [], [])
    kept, lean, slow = _three(case, monkeypatch)
    assert lean.case is not None and lean.case == kept.case == slow.case
    assert _findings(lean) == _findings(kept) == _findings(slow) == []


def test_a_lean_load_shares_equal_results_and_keeps_every_other_one_as_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The items of a large file that state equal results hold one result model; a result that
    differs only in the sign of a zero, in a value's type or in the fields it names keeps a model
    of its own, with the value as written."""
    evidence = [f"  {eid}: {{kind: eval, producer: lab, date: 2026-10-01, result: {result}}}\n" for eid, result in [
        ("ZP", "{metric: m, value: 0.0}"), ("ZN", "{metric: m, value: -0.0}"),
        ("ZP2", "{metric: m, value: 0.0}"), ("ONE", "{successes: 1, trials: 40, passed: true}"),
        ("FLOAT", "{successes: 1, trials: 40, value: 1.0}"), ("INT", "{successes: 1, trials: 40, value: 1}"),
        ("SAMPLES", "{samples: [{id: a, score: 1}]}"), ("SAMPLES2", "{samples: [{id: a, score: 1}]}"),
        ("LAST", "{successes: 1, trials: 40}")]]
    case = _write(tmp_path, [], evidence)
    kept, lean, slow = _three(case, monkeypatch)
    assert lean.case is not None and lean.case == kept.case == slow.case
    ev = lean.case.evidence
    assert len({id(ev[f"E{i}"].result) for i in range(_N)}) == 1 and ev["LAST"].result is ev["E0"].result
    assert ev["ZN"].result is not ev["ZP"].result and str(ev["ZN"].result.value) == "-0.0"
    assert str(ev["ZP"].result.value) == str(ev["ZP2"].result.value) == "0.0"
    assert ev["ONE"].result is not ev["E0"].result and ev["ONE"].result.passed is True
    assert ev["SAMPLES"].result is not ev["SAMPLES2"].result  # (a list is never compared)
    for eid in ("ONE", "FLOAT", "INT", "LAST"):
        assert ev[eid].result.model_fields_set == kept.case.evidence[eid].result.model_fields_set
    assert ev["FLOAT"].result == ev["INT"].result and ev["FLOAT"].result.value == 1.0


@pytest.mark.parametrize(("where", "file", "line"), [
    ("top", "evidence.yaml", 3),
    ("section", "argument.yaml", None),
    ("id", "evidence.yaml", 4 + _N),
    ("field", "argument.yaml", 5 + _N + 3),
    ("nested", "evidence.yaml", 4 + _N),
    ("deep", "evidence.yaml", 4 + _N),
    ("list item", "evidence.yaml", 4 + _N),
])
def test_a_duplicate_key_at_any_depth_of_a_large_file_is_refused_at_its_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, file: str, line: int | None) -> None:
    """The lab repeats a key in a large file, hoping a lean load keeps the second value unseen: it
    reports CG901 at the repeated key's line, as an ordinary load does."""
    elements: list[str] = []
    evidence: list[str] = []
    argument_head = evidence_head = ""
    if where == "top":
        evidence_head = "kind: case\n"
    elif where == "section":
        elements = ["  elements:\n    G9999: {claim: Added.}\n"]
    elif where == "id":
        evidence = ["  E5: {kind: security-audit, producer: other, date: 2026-10-02}\n"]
    elif where == "field":
        elements = ["    GX:\n", "      claim: First.\n", "      claim: Second.\n"]
    elif where == "nested":
        evidence = ["  EX: {kind: eval, producer: lab, date: 2026-10-01, result: {successes: 1, trials: 9, trials: 90}}\n"]
    elif where == "deep":
        evidence = ["  EX: {kind: eval, producer: lab, date: 2026-10-01, "
                    "elicitation: {generate_config: {temperature: 0, temperature: 1}}}\n"]
    else:
        evidence = ["  EX: {kind: eval, producer: lab, date: 2026-10-01, "
                    "result: {samples: [{id: a, score: 1}, {id: b, score: 0, score: 1}]}}\n"]
    case = _write(tmp_path, elements, evidence, argument_head=argument_head, evidence_head=evidence_head)
    kept, lean, slow = _three(case, monkeypatch)
    assert _findings(lean) == _findings(kept) == _findings(slow)
    dups = [f for f in lean.diagnostics if f.code == "CG901"]
    assert len(dups) == 1 and dups[0].location is not None and dups[0].location.file.endswith(file)
    if line is not None:
        assert dups[0].location.line == line
    assert lean.case == kept.case


@pytest.mark.parametrize("item", [
    ("element", "    GX: {claim: A claim., strategy: And a strategy.}\n"),
    ("element", "    GX: {supported_by: [G1]}\n"),
    ("element", "    GX: {claim: null}\n"),
    ("element", "    GX: {claim: null, strategy: null}\n"),
    ("element", "    GX: {claim: A claim., strategy: null, context: Some context.}\n"),
    ("element", "    GX: {claim: A claim., colour: red}\n"),
    ("element", "    bad id!: {claim: A claim.}\n"),
    ("element", "    GX: {claim: A claim., supported_by: G1}\n"),
    ("evidence", "  EX: {kind: eval, producer: lab, date: 2026-10-01, result: {successes: 9, trials: 3}}\n"),
    ("evidence", "  EX: {kind: eval, producer: lab, date: 2026-10-01, result: {bypasses: 9, attempts: 3}}\n"),
    ("evidence", "  EX: {kind: eval, producer: lab, date: not a date}\n"),
    ("evidence", "  EX: {kind: vibes, producer: lab, date: 2026-10-01}\n"),
    ("evidence", "  EX: {kind: eval, producer: lab, date: 2026-10-01, result: {value: .nan}}\n"),
])
def test_an_invalid_item_in_a_large_file_is_reported_as_the_ordinary_load_reports_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, item: tuple[str, str]) -> None:
    """An invalid item in a large file (two texts on one element, counts that do not add up, any
    other check): a lean load reports it as an ordinary load does."""
    kind, text = item
    case = _write(tmp_path, [text] if kind == "element" else [], [text] if kind == "evidence" else [])
    kept, lean, slow = _three(case, monkeypatch)
    assert kept.case is None and lean.case is None
    assert _findings(lean) == _findings(kept) == _findings(slow)
    assert any(f.code == "CG900" for f in lean.diagnostics)


def test_a_large_argument_is_built_without_a_check_per_element_and_keeps_every_text_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The elements of a large file are built with their text check made over each part at once
    (`_unchecked_elements`): an element naming a second text field set to nothing, or a first
    one set to nothing beside another, is as valid as in an ordinary load."""
    from casegate.load import _loader

    case = _write(tmp_path, ["    GX: {claim: null, strategy: A strategy., supported_by: [G1]}\n",
                             "    GY: {claim: A claim., defeater: null}\n",
                             "    GZ: {context: Some context., claim: null, strategy: null}\n"], [])
    kept, lean, slow = _three(case, monkeypatch)
    assert _loader._UNCHECKED and _loader._UNCHECKED[0] is not None  # (the schema was the shape expected)
    assert lean.case is not None and lean.case == kept.case == slow.case
    assert _findings(lean) == _findings(kept) == []
    elements = lean.case.argument.elements
    assert [elements[k].type for k in ("GX", "GY", "GZ")] == ["strategy", "claim", "context"]
    assert elements["GX"].model_fields_set == kept.case.argument.elements["GX"].model_fields_set


_word = st.text(alphabet="abcdefghij XYZ.,;-_:/", min_size=1, max_size=12).filter(lambda s: s.strip() == s)
_ident = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,5}", fullmatch=True)
_ids = st.lists(_ident, max_size=3)
_count = st.one_of(st.none(), st.integers(0, 50))


@st.composite
def _element(draw: Any) -> dict[str, Any]:
    texts = draw(st.lists(st.sampled_from(["claim", "strategy", "context", "assumption", "justification",
                                           "defeater"]), min_size=0, max_size=2, unique=True))
    out: dict[str, Any] = {t: draw(_word) for t in texts}
    for name in draw(st.lists(st.sampled_from(["supported_by", "in_context_of", "evidence", "defeaters", "against",
                                               "answered_by"]), max_size=3, unique=True)):
        out[name] = draw(_ids)
    optional = {"domain": _ident, "pathway": _ident, "undeveloped": st.booleans(),
                "asserted": st.sampled_from(["2026-01-02", "2026-13-40"]),
                "kind": st.sampled_from(["objection", "incident", "nonsense"]),
                "status": st.sampled_from(["open", "answered"]), "raised_by": _word,
                "confidentiality": st.sampled_from(["public", "secret"]),
                "capability": st.fixed_dictionaries({"threshold": _ident},
                                                    optional={"position": st.sampled_from(["below", "above"])}),
                "claim": st.none()}
    for name in draw(st.lists(st.sampled_from(sorted(optional)), max_size=3, unique=True)):
        out[name] = draw(optional[name])
    return out


@st.composite
def _evidence(draw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": draw(st.sampled_from(["eval", "red-team", "audit"])), "producer": draw(_word),
                           "date": "2026-10-01"}
    result = draw(st.fixed_dictionaries({}, optional={
        "successes": _count, "trials": _count, "bypasses": _count, "attempts": _count, "passed": st.booleans(),
        "samples": st.lists(st.fixed_dictionaries({"id": _ident, "score": st.sampled_from([0, 1, 0.5])}), max_size=2)}))
    optional = {"result": st.just(result), "title": _word, "sha256": st.just("ab" * 32), "tests": _ids,
                "eval_set": st.lists(_word, max_size=2), "independent": st.booleans(), "threshold": _ident,
                "elicitation": st.fixed_dictionaries({}, optional={
                    "attempts": st.integers(0, 3), "tools": st.lists(_word, max_size=2),
                    "generate_config": st.dictionaries(_ident, st.one_of(st.integers(0, 2), _word), max_size=2)}),
                "source": st.fixed_dictionaries({"tool": _word}, optional={
                    "metrics": st.dictionaries(_ident, st.one_of(st.none(), st.floats(0, 1)), max_size=2),
                    "files": st.dictionaries(_ident, st.just("cd" * 32), max_size=2)})}
    for name in draw(st.lists(st.sampled_from(sorted(optional)), max_size=4, unique=True)):
        out[name] = draw(optional[name])
    return out


def _line(key: str, item: dict[str, Any], indent: str, duplicate: str | None) -> str:
    body = json.dumps(item)
    if duplicate is not None and duplicate in item:  # JSON is YAML; YAML takes a repeated key
        again = json.dumps({duplicate: item[duplicate]})[1:-1]
        body = body[:-1] + ", " + again + "}"
    return f"{indent}{json.dumps(key)}: {body}\n"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(elements=st.lists(st.tuples(_ident, _element()), max_size=6),
       evidence=st.lists(st.tuples(_ident, _evidence()), max_size=6),
       duplicate=st.one_of(st.none(), st.sampled_from(["claim", "supported_by", "result", "kind", "producer"])))
def test_property_lean_and_ordinary_loads_load_the_same_case(
        tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
        elements: list[tuple[str, dict[str, Any]]], evidence: list[tuple[str, dict[str, Any]]],
        duplicate: str | None) -> None:
    """Over generated items, valid or not, with or without a repeated key or id: lean loads and an
    ordinary load build equal cases and report the same findings, in order, at the same places."""
    tmp = tmp_path_factory.mktemp("fast")
    case = _write(tmp, [_line(k, v, "    ", duplicate) for k, v in elements],
                  [_line(k, v, "  ", duplicate) for k, v in evidence])
    kept, lean, slow = _three(case, monkeypatch)
    assert _findings(lean) == _findings(kept) == _findings(slow)
    assert lean.case == kept.case == slow.case
    if lean.case is not None:
        for a, b in zip(lean.case.evidence.values(), kept.case.evidence.values(), strict=True):
            assert a.model_fields_set == b.model_fields_set
            assert (a.result is None) == (b.result is None)
            if a.result is not None and b.result is not None:
                assert a.result.model_fields_set == b.result.model_fields_set


def test_a_large_file_s_bytes_are_let_go_before_its_tree_is_built(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # a large file's bytes, its buffer, its tree and its JSON held together were the load's peak
    # of memory: nothing holds the bytes once the buffer the tree is built in is made
    import sys

    from casegate.load import _loader, _yaml

    case = _write(tmp_path, [], [])
    texts: list[bytes] = []
    real_read, real_parse = _loader.read_regular_file, _yaml._parse_buffer

    def read(path: Path, shown: str) -> bytes:
        texts.append(real_read(path, shown))
        return texts[-1]

    held: dict[int, int] = {}

    def parse(buf: bytearray, estimate: int | None) -> Any:
        text = texts[-1]
        held[len(text)] = sys.getrefcount(text) - 3  # (other than `texts`, `text` and the call's own)
        return real_parse(buf, estimate)

    monkeypatch.setattr(_loader, "read_regular_file", read)
    monkeypatch.setattr(_yaml, "_parse_buffer", parse)
    lean = load_case(case, root=case.parent, keep_data=False)
    assert lean.case is not None and _findings(lean) == []
    sizes = {f: (tmp_path / f).stat().st_size for f in ("case.yaml", "argument.yaml", "evidence.yaml")}
    assert held[sizes["argument.yaml"]] == held[sizes["evidence.yaml"]] == 0
    assert held[sizes["case.yaml"]] > 0  # a small file's bytes are kept (and seen here)
    assert lean.case == load_case(case, root=case.parent).case
