"""The loader's fast path: what it skips must not change what it reports."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path
from typing import Any

import pytest

from casegate.load._yaml import count_values, needs_walk, parse_yaml

# The scan the loader used before: it tried every position of the file. The new one starts at
# the indicator characters and must say the same for every text.
_OLD_NEEDS_WALK = re.compile(rb"(?:^|[\s\[{,])(?:[&*!]\S|~(?:[\s\]},:]|$))", re.M)


def test_property_scan_agrees_with_the_exhaustive_one() -> None:
    rng = random.Random(21)
    alphabet = b"&*!~ \n\t[]{},:ab-#\"'"
    for _ in range(50_000):
        text = bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert needs_walk(text) == bool(_OLD_NEEDS_WALK.search(text)), text


@pytest.mark.parametrize("text", [b"a: &x 1\nb: *x\n", b"a: !!str 1\n", b"a: ~\n", b"a: [~]\n",
                                  b"- &a {x: 1}\n"])
def test_property_scan_finds_anchors_aliases_tags_and_tilde(text: bytes) -> None:
    assert needs_walk(text)


@pytest.mark.parametrize("text", [b"a: R&D costs\n", b"a: x*y\n", b"a: hello!\n", b"a: ~b\n", b"a: plain\n"])
def test_property_scan_leaves_prose_on_the_fast_path(text: bytes) -> None:
    assert not needs_walk(text)


def test_value_count_matches_the_tree_without_duplicates() -> None:
    data = {"a": 1, "b": [1, {"c": [], "d": {}}], "e": None, "f": [[1, 2], []]}
    # 1 root + 5 entries (a, b, e, f) ... counted by hand: a, b, b[0], b[1], c, d, e, f, f[0],
    # f[0][0], f[0][1], f[1]
    assert count_values(data) == 1 + 12
    assert count_values([]) == 1
    assert count_values("x") == 1
    assert count_values({"a": 1.5, "b": True, "c": "s", "d": None, "e": {"f": -1}}) == 1 + 6


@pytest.mark.parametrize("text,path,key,line", [
    (b"a: 1\nb:\n  c: 2\n  c: 3\n", ("b",), "c", 4),
    (b"items:\n  - x: 1\n    y: 2\n    x: 3\n", ("items", 0), "x", 4),
    (b"top: {k: 1, k: 2}\n", ("top",), "k", 1),
    (b"a: 1\na: 2\n", (), "a", 2),
])
def test_duplicate_keys_found_on_the_fast_path(text: bytes, path: tuple[str | int, ...], key: str, line: int) -> None:
    assert not needs_walk(text)
    doc = parse_yaml("f.yaml", text)
    assert [(d.path, d.key) for d in doc.duplicates] == [(path, key)]
    assert doc.locate_duplicate(path, key)[0] == line


def test_first_value_of_a_duplicate_key_is_kept_on_the_fast_path() -> None:
    doc = parse_yaml("f.yaml", b"a: 1\nb: [1, 2]\na: 2\n")
    assert doc.data == {"a": 1, "b": [1, 2]}


def test_tree_is_let_go_after_parsing_and_locations_still_resolve() -> None:
    text = b"casegate: 1\nargument:\n  elements:\n" + b"".join(
        f"    G{i}:\n      claim: Claim {i}.\n      supported_by: [G{i + 1}]\n".encode() for i in range(200))
    doc = parse_yaml("big.yaml", text)
    assert doc._tree is None and doc._buf is None
    assert doc.locate(("argument", "elements", "G150", "supported_by", 0)) == (2 + 1 + 150 * 3 + 3, 22)
    assert doc.locate(("argument", "elements", "G7")) == (2 + 1 + 7 * 3 + 1, 5)
    assert doc.source_line(4) == "    G0:"


def test_released_data_comes_back_as_it_was_read(tmp_path: Path) -> None:
    """A case loaded with keep_data=False holds no parsed data once its models are built, and
    gives back, when asked, the same merged document (so the same case digest) as one that kept it."""
    import shutil

    from casegate.load import load_case
    from casegate.sign._statement import case_digest

    src = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
    case = tmp_path / "atlas-api"
    shutil.copytree(src, case)
    kept = load_case(case / "case.yaml")
    lean = load_case(case / "case.yaml", keep_data=False)
    assert len(lean.files) > 1  # the example has includes: the merge is redone
    assert lean._data is None and all(f.doc.data is None for f in lean.files)
    assert lean.case == kept.case
    assert lean.data == kept.data
    assert case_digest(lean) == case_digest(kept)
    # an edit to a file after the load does not change what was read: the bytes read are parsed again
    again = load_case(case / "case.yaml", keep_data=False)
    (case / "case.yaml").write_text((case / "case.yaml").read_text() + "\n# edited after the load\n")
    assert again.data == kept.data


def test_a_case_that_cannot_be_built_keeps_its_data(tmp_path: Path) -> None:
    from casegate.load import load_case

    (tmp_path / "case.yaml").write_text("casegate: 1\nkind: case\nid: x\ntitle: 3\n")
    loaded = load_case(tmp_path / "case.yaml", keep_data=False)
    assert loaded.case is None and loaded._data is not None and loaded.data["id"] == "x"


def test_loaded_evidence_items_share_equal_field_name_sets() -> None:
    """The loader lets evidence items with the same given fields hold one set of their names;
    every item still reports exactly the fields its file gave."""
    from casegate.load import load_case

    loaded = load_case(Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None
    ids: dict[frozenset[str], set[int]] = {}
    for eid, ev in loaded.case.evidence.items():
        given = {k for k in loaded.data["evidence"][eid] if k in type(ev).model_fields}
        assert ev.model_fields_set == given, eid
        ids.setdefault(frozenset(ev.model_fields_set), set()).add(id(ev.model_fields_set))
    assert all(len(one) == 1 for one in ids.values())
    assert len(ids) < len(loaded.case.evidence)


def test_evidence_field_name_sets_are_shared_across_chunks() -> None:
    """Sharing works a few thousand models at a time; models in different chunks with the same
    given fields still end up holding one set."""
    from casegate.model import Evidence, share_field_sets

    items = [Evidence.model_validate({"kind": "eval", "producer": "p", "date": "2026-10-01",
                                      **({"title": "t"} if i % 2 else {})}) for i in range(9000)]
    share_field_sets(items)
    assert len({id(e.model_fields_set) for e in items}) == 2
    assert items[8999].model_fields_set == {"kind", "producer", "date", "title"}
    assert items[8998].model_fields_set == {"kind", "producer", "date"}


def test_unset_list_fields_share_one_list_that_refuses_changes() -> None:
    """Elements and evidence items hold one shared empty list for each list field their file
    leaves out: it reads, compares, copies and serialises as `[]`, and no model can change it
    under another."""
    import copy
    import json
    import pickle

    from casegate.load import load_case
    from casegate.model import Element

    loaded = load_case(Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None
    unset = [e.defeaters for e in loaded.case.argument.elements.values() if "defeaters" not in e.model_fields_set]
    assert len(unset) > 1 and all(x is unset[0] for x in unset)
    shared = unset[0]
    assert shared == [] and not shared and isinstance(shared, list)
    for change in (lambda: shared.append("x"), lambda: shared.extend(["x"]), lambda: shared.insert(0, "x"),
                   lambda: shared.__setitem__(slice(0, 0), ["x"]), lambda: shared.__iadd__(["x"])):
        with pytest.raises(TypeError, match="shared"):
            change()
    assert shared == []
    e = Element(claim="c")
    assert e.model_dump()["supported_by"] == [] and json.loads(e.model_dump_json())["supported_by"] == []
    assert copy.deepcopy(e) == e and pickle.loads(pickle.dumps(e)).supported_by == []
    assert shared + ["x"] == ["x"]  # building a new list from it works
    given = Element.model_validate({"claim": "c", "supported_by": []})
    given.supported_by.append("G")  # a list the file gave is the model's own
    assert Element(claim="d").supported_by == []


def test_origins_act_as_a_map_from_paths_to_files(tmp_path: Path) -> None:
    from casegate.load import load_case
    from casegate.load._loader import Origins

    (tmp_path / "case.yaml").write_text("casegate: 1\nkind: case\nid: x\ninclude: [more.yaml]\n"
                                        "evidence:\n  E1: {kind: eval, producer: a, date: 2026-10-01}\n")
    (tmp_path / "more.yaml").write_text("casegate: 1\nkind: case\nevidence:\n"
                                        "  E2: {kind: eval, producer: a, date: 2026-10-01}\n")
    loaded = load_case(tmp_path / "case.yaml")
    main, more = loaded.files
    assert loaded.origin(("evidence", "E1", "producer")).path == main.path
    assert loaded.origin(("evidence", "E2", "producer")).path == more.path
    assert loaded.locate(("evidence", "E2")).file == more.path and loaded.locate(("evidence", "E2")).line == 4
    o = Origins()
    o.add(("a", "b"), ["x", "y"], main)
    o[("c",)] = more
    assert o.get(("a", "b", "x")) is main and ("a", "b", "y") in o and ("a", "b", "z") not in o
    assert o.get(()) is None and o.setdefault(("c",), main) is more and o.setdefault(("d",), main) is main
    with pytest.raises(KeyError):
        o[("a",)]
    assert sorted(k for k, _ in o.items()) == [("a", "b", "x"), ("a", "b", "y"), ("c",), ("d",)]


def _large_case(tmp: Path, *, bad_element: int | None = None, bad_top: bool = False,
                outside: bool = False, duplicate: bool = False) -> Path:
    """A case whose argument and evidence each hold more items than one part of a lean load,
    spread over an include."""
    n = 4096 + 900
    els = "".join(f"    G{i}: {{claim: Claim {i}., supported_by: [G{i + 1}], evidence: [E{i}]}}\n"
                  for i in range(n - 1))
    els += f"    G{n - 1}: {{claim: Last., evidence: [E{n - 1}]}}\n"
    if bad_element is not None:
        els = els.replace(f"    G{bad_element}: {{claim:", f"    G{bad_element}: {{strategy: x, claim:")
    ev = "".join(f"  E{i}: {{kind: eval, producer: lab, date: 2026-10-01, artifact: logs/run.json}}\n"
                 for i in range(n))
    if outside:
        ev = ev.replace("  E77: {kind: eval, producer: lab, date: 2026-10-01, artifact: logs/run.json}",
                        "  E77: {kind: eval, producer: lab, date: 2026-10-01, artifact: ../../outside.json}")
    (tmp / "logs").mkdir(exist_ok=True)
    (tmp / "logs" / "run.json").write_text("{}")
    (tmp / "evidence.yaml").write_text("casegate: 1\nkind: case\nevidence:\n" + ev)
    (tmp / "case.yaml").write_text(
        "casegate: 1\nkind: case\nid: big\n" + ("title: [not, a, title]\n" if bad_top else "title: Big\n")
        + "date: 2026-11-20\npolicy: builtin:anthropic-rsp\n"
        + "system: {name: Big, version: '1', digests: [sha256:" + "1" * 64 + "]}\n"
        + "include: [evidence.yaml]\nargument:\n  top: G0\n  elements:\n" + els
        + ("evidence:\n  E5: {kind: security-audit, producer: other, date: 2026-10-02}\n" if duplicate else ""))
    return tmp / "case.yaml"


def _findings(loaded: Any) -> list[tuple[str, str, str]]:
    return [(f.code, f.message, str(f.location)) for f in loaded.diagnostics]


@pytest.mark.parametrize("bad", ["none", "element", "top", "both", "duplicate"])
def test_a_lean_load_of_a_large_case_builds_it_in_parts_and_matches_an_ordinary_load(
        tmp_path: Path, bad: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lean load builds each file's large sections as it reads the file, a part at a time,
    letting each part's parsed data go; the case, its findings (in order, located) and its data
    as read are those of an ordinary load, valid or not."""
    from casegate.load import _loader, load_case

    case = _large_case(tmp_path, bad_element=4500 if bad in ("element", "both") else None,
                       bad_top=bad in ("top", "both"), duplicate=bad == "duplicate")
    kept = load_case(case, root=tmp_path)
    build = _loader._build_sections
    calls: list[bool] = []

    def counted(data: dict[str, Any], *shared: Any) -> bool:
        calls.append(False)
        calls[-1] = build(data, *shared)
        return calls[-1]

    monkeypatch.setattr(_loader, "_build_sections", counted)
    lean = load_case(case, root=tmp_path, keep_data=False)
    # the argument's file, then the evidence file (not built once the argument's failed)
    assert calls == ([False] if bad in ("element", "both") else [True, True])
    built = bad in ("none", "duplicate")
    assert (lean._data is None) == built  # let go once built; kept, for the reasons, if not
    assert _findings(lean) == _findings(kept)
    assert lean.case == kept.case
    assert lean.data == kept.data
    if built:
        assert lean.case is not None and len(lean.case.argument.elements) == 4996
        assert [code for code, *_ in _findings(lean)] == (["CG902"] if bad == "duplicate" else [])
        assert all(f.doc.data is None for f in lean.files)
    else:
        assert lean.case is None
        assert all(isinstance(f.doc.data, dict) for f in lean.files)
        assert any("4500" in msg or "title" in loc or "title" in msg for _, msg, loc in _findings(lean))


def test_a_lean_load_of_a_large_case_still_refuses_an_artifact_outside_the_root(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from casegate.errors import InputError
    from casegate.load import load_case

    case = _large_case(tmp_path, outside=True)
    for keep in (True, False):
        with pytest.raises(InputError, match="E77") as got:
            load_case(case, root=tmp_path, keep_data=keep)
        assert got.value.location is not None and got.value.location.endswith("evidence.yaml:81:54")


def test_a_lean_load_lets_the_files_bytes_go_and_reads_them_again_for_what_it_reports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lean load keeps no large file's bytes once parsed (here every file counts as large); the
    gate still finds the template's marked values and locates every finding as an ordinary load
    does, and each file's sha256 is that of its bytes."""
    import hashlib

    from casegate.gate import run_gate
    from casegate.load import _loader, load_case
    from casegate.load.templates import copy_template

    monkeypatch.setattr(_loader, "LET_GO_FROM", 0)
    copy_template("skeleton", tmp_path / "c")
    case = tmp_path / "c" / "case.yaml"
    day = dt.date(2026, 11, 20)
    kept = run_gate(load_case(case, root=tmp_path), today=day)
    loaded = load_case(case, root=tmp_path, keep_data=False)
    assert all(f.doc._raw is None for f in loaded.files)
    assert [f.sha256 for f in loaded.files] == [hashlib.sha256(Path(f.abspath).read_bytes()).hexdigest()
                                                for f in loaded.files]
    lean = run_gate(loaded, today=day)
    assert any(f.code == "CG909" for f in lean.findings)
    assert [(f.code, f.location, f.message) for f in lean.findings] == [
        (f.code, f.location, f.message) for f in kept.findings]


def test_a_file_rewritten_after_a_lean_load_is_refused_not_judged_on_its_new_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lab rewrites the case's file once casegate has read it, taking the template's markers
    out: the marker check still goes by the text that was read (the markers it held were noted
    before its bytes were let go), and the new text, read again to locate the findings, is not
    the text they came from: the gate refuses to go on instead of placing them in it."""
    from casegate.errors import InputError
    from casegate.gate import run_gate
    from casegate.load import _loader, load_case
    from casegate.load.templates import copy_template

    monkeypatch.setattr(_loader, "LET_GO_FROM", 0)
    copy_template("skeleton", tmp_path / "c")
    case = tmp_path / "c" / "case.yaml"
    loaded = load_case(case, root=tmp_path, keep_data=False)
    case.write_text(case.read_text().replace("PLACEHOLDER", "Filled in"))
    assert loaded.texts().holds(b"PLACEHOLDER")
    with pytest.raises(InputError, match="changed while casegate read"):
        run_gate(loaded, today=dt.date(2026, 11, 20))


def test_a_lean_load_keeps_a_small_files_bytes_and_judges_the_text_it_read(tmp_path: Path) -> None:
    """A file under `LET_GO_FROM` bytes keeps its bytes through a lean load: nothing is hashed
    for it nor read again. The lab rewrites the case's file once casegate has read it, taking
    the template's markers out: the gate still judges and locates by the text it read, exactly
    as an ordinary load does."""
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.load._loader import LET_GO_FROM
    from casegate.load.templates import copy_template

    copy_template("skeleton", tmp_path / "c")
    case = tmp_path / "c" / "case.yaml"
    day = dt.date(2026, 11, 20)
    kept = run_gate(load_case(case, root=tmp_path), today=day)
    loaded = load_case(case, root=tmp_path, keep_data=False)
    assert all(f.doc._raw is not None and len(f.doc._raw) < LET_GO_FROM and f.doc._sha256 is None
               for f in loaded.files)
    case.write_text(case.read_text().replace("PLACEHOLDER", "Filled in"))
    lean = run_gate(loaded, today=day)
    assert any(f.code == "CG909" for f in lean.findings)
    assert [(f.code, f.location, f.message) for f in lean.findings] == [
        (f.code, f.location, f.message) for f in kept.findings]


def test_a_lean_load_lets_the_models_inside_items_share_their_field_name_sets(tmp_path: Path) -> None:
    """The models an item holds (an evidence item's result and elicitation, an element's capability
    assertion) built by a lean load share one set of given field names per set of keys, and each
    still reports exactly the fields its file gave, as an ordinary load's do."""
    from casegate.load import load_case

    n = 4096 + 900
    els = "".join(f"    G{i}: {{claim: Claim {i}., supported_by: [G{i + 1}], evidence: [E{i}]"
                  + (", capability: {threshold: t1}" if i % 3 == 0 else ", capability: {threshold: t1, position: above}"
                     if i % 3 == 1 else "") + "}\n" for i in range(n - 1))
    els += f"    G{n - 1}: {{claim: Last., evidence: [E{n - 1}]}}\n"
    ev = "".join(f"  E{i}: {{kind: eval, producer: lab, date: 2026-10-01, "
                 + ("result: {successes: 1, trials: 10}" if i % 2 else "result: {passed: true}, "
                    "elicitation: {attempts: 2}") + "}\n" for i in range(n))
    (tmp_path / "evidence.yaml").write_text("casegate: 1\nkind: case\nevidence:\n" + ev)
    (tmp_path / "case.yaml").write_text(
        "casegate: 1\nkind: case\nid: big\ntitle: Big\ndate: 2026-11-20\npolicy: builtin:anthropic-rsp\n"
        "system: {name: Big, version: '1', digests: [sha256:" + "1" * 64 + "]}\n"
        "include: [evidence.yaml]\nargument:\n  top: G0\n  elements:\n" + els)
    kept = load_case(tmp_path / "case.yaml", root=tmp_path)
    lean = load_case(tmp_path / "case.yaml", root=tmp_path, keep_data=False)
    assert lean.case is not None and kept.case is not None and lean.case == kept.case
    subs = [(ev.result, kept.case.evidence[eid].result) for eid, ev in lean.case.evidence.items()]
    subs += [(ev.elicitation, kept.case.evidence[eid].elicitation) for eid, ev in lean.case.evidence.items()]
    subs += [(el.capability, kept.case.argument.elements[eid].capability)
             for eid, el in lean.case.argument.elements.items()]
    sets: dict[frozenset[str], set[int]] = {}
    for got, want in subs:
        assert (got is None) == (want is None)
        if got is not None and want is not None:
            assert got.model_fields_set == want.model_fields_set
            sets.setdefault(frozenset(got.model_fields_set), set()).add(id(got.model_fields_set))
    assert set(sets) == {frozenset({"successes", "trials"}), frozenset({"passed"}), frozenset({"attempts"}),
                         frozenset({"threshold"}), frozenset({"threshold", "position"})}
    assert all(len(one) == 1 for one in sets.values())


def test_a_lean_load_holds_one_object_for_each_id_and_repeated_value(tmp_path: Path) -> None:
    """A lean load's large sections hold one string for each id, whether an item's own or named
    by a link, and one object for a value many items repeat (an artifact, a producer, a date);
    the case is still the one an ordinary load builds."""
    from casegate.load import load_case

    case = _large_case(tmp_path)
    kept = load_case(case, root=tmp_path)
    lean = load_case(case, root=tmp_path, keep_data=False)
    assert lean.case is not None and lean.case == kept.case
    els, evidence = lean.case.argument.elements, lean.case.evidence
    own = {id(k) for k in els} | {id(k) for k in evidence}
    linked = [x for el in els.values() for x in (*el.supported_by, *el.evidence)]
    assert len(linked) > 9000 and all(id(x) in own for x in linked)
    for field in ("artifact", "producer", "date"):
        assert len({id(getattr(ev, field)) for ev in evidence.values()}) == 1, field
    # the ordinary load holds a string per place: the lean one's sharing is its own
    assert len({id(x) for el in kept.case.argument.elements.values() for x in el.supported_by}) > 4000


def test_a_parse_reads_the_limits_once_and_still_holds_the_file_to_them(monkeypatch: pytest.MonkeyPatch) -> None:
    import casegate.load._yaml as yaml_mod
    from casegate.limits import LimitError

    calls: list[None] = []
    real = yaml_mod.current_limits

    def counted() -> Any:
        calls.append(None)
        return real()

    monkeypatch.setattr(yaml_mod, "current_limits", counted)
    assert parse_yaml("small.yaml", b"a: 1\nb: [2, 3]\n").data == {"a": 1, "b": [2, 3]}
    assert len(calls) == 1  # each reading looks up every CASEGATE_LIMIT_* variable
    monkeypatch.setenv("CASEGATE_LIMIT_FILE_BYTES", "8")
    with pytest.raises(LimitError, match="file-bytes"):
        parse_yaml("small.yaml", b"a: 1\nb: [2, 3]\n")


def test_a_lean_load_sets_a_frozen_models_field_name_set_through_its_slot() -> None:
    """The loader's setter gives a frozen model the set named, as `object.__setattr__` would, and
    pydantic still keeps that set in a slot of `BaseModel` (the setter's fast path)."""
    from types import MemberDescriptorType

    from pydantic import BaseModel

    from casegate.load._loader import _set_fields_set
    from casegate.model import Element

    assert isinstance(vars(BaseModel)["__pydantic_fields_set__"], MemberDescriptorType)
    a = Element.model_validate({"claim": "c", "domain": "cyber"})
    b = Element.model_validate({"claim": "d", "domain": "bio"})
    _set_fields_set(b, a.model_fields_set)
    assert b.model_fields_set is a.model_fields_set and b.claim == "d"
    with pytest.raises(Exception, match="frozen"):
        b.claim = "e"  # type: ignore[misc]
