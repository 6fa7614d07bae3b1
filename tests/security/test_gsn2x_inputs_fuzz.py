"""`casegate gsn2x import` given hostile gsn2x files: aliases and a billion laughs, deep nesting,
huge scalars, keys given twice, cycles (of `supportedBy`, of aliases, of modules using each
other), ids holding path separators, control characters or a final line break, bytes that are not
UTF-8, modules named by absolute paths, through symbolic link loops or with a NUL, and module
names that differ only in punctuation. Each ends in exit 0 or a clear refusal naming the file
(exit 2), never a traceback, and a refusal writes nothing. Then element texts, ids and module
names drawn at random: whatever is imported reads back, from the skeleton casegate writes, as
exactly what the gsn2x file said, and adds no key of its own to any file.

Moves closed at their root (`render/_gsn2x.py`):
- a module named with a NUL (`uses: ["a\\0b"]`) or through a symbolic link loop ended in an
  internal error (exit 70); modules named outside the file's work tree (`uses: [/etc/passwd]`) were
  read; a file using thousands of modules, each within the limits, was read without bound. The
  modules are now read as a case's includes are: resolved and confined to the root, at most
  `includes` of them, their bytes and nodes charged together.
- an element id with a final line break (`"G1\\n"`) passed the id check (`$` matches before it)
  and ended in an internal error (pydantic's own pattern refused it).
- an element text whose lines began with spaces or held a CR, NEL or line separator was written as
  a block scalar that does not read back (the skeleton was not YAML, or said something else); a
  module name or file name holding a line break ended the `#` comment casegate writes and wrote
  YAML of the gsn2x author's choosing into the skeleton; two modules whose names differ only in
  punctuation (`a b`, `a-b`) were written to one file, the second replacing the first.

The examples are drawn deterministically (`derandomize`); a longer campaign by hand with
CASEGATE_FUZZ_EXAMPLES=N."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casegate.load import parse_yaml
from tests.monitor.test_cli import _cg
from tests.security._limited import run_limited
from tests.security.test_verify_inputs_fuzz import SETTINGS

OK = b"G1:\n  text: The model may be released.\n  supportedBy: [Sn1]\nSn1:\n  text: The evaluation.\n"
LAUGHS = b"".join([b"a: &a [x,x,x,x,x,x,x,x,x]\n"] + [
    b"%c: &%c [" % (c, c) + b",".join([b"*%c" % (c - 1)] * 9) + b"]\n" for c in range(ord("b"), ord("j"))
]) + b"G1: {text: t}\n"

HOSTILE: dict[str, dict[str, bytes]] = {
    "a billion laughs": {"x.gsn.yaml": LAUGHS},
    "an alias inside the node it names": {"x.gsn.yaml": b"G1: &x {text: t, supportedBy: *x}\n"},
    "nesting 100,000 deep": {"x.gsn.yaml": b"G1: {text: " + b"[" * 100_000 + b"]" * 100_000 + b"}\n"},
    "a 5 MiB scalar": {"x.gsn.yaml": b"G1:\n  text: " + b"x" * (5 << 20) + b"\n"},
    "an id given twice": {"x.gsn.yaml": OK + b"G1:\n  text: again\n"},
    "a supportedBy cycle": {"x.gsn.yaml": b"G1: {text: t, supportedBy: [G2]}\nG2: {text: u, supportedBy: [G1]}\n"},
    "modules using each other": {"x.gsn.yaml": b"module: {uses: [y.gsn.yaml]}\n" + OK,
                                 "y.gsn.yaml": b"module: {uses: [x.gsn.yaml]}\nG9: {text: t}\n"},
    "an id with a path separator": {"x.gsn.yaml": b"G1: {text: t}\n../../G2: {text: u}\n"},
    "an id with a final line break": {"x.gsn.yaml": b'"G1\\n": {text: t, supportedBy: ["Sn1\\n"]}\n"Sn1\\n": {text: e}\n'},
    "an id with control characters": {"x.gsn.yaml": b'"G\\e[2J\\u202e1": {text: t}\n'},
    "bytes that are not UTF-8": {"x.gsn.yaml": b"G1:\n  text: \xff\xfe\n"},
    "a BOM and a NUL": {"x.gsn.yaml": b"\xef\xbb\xbfG1: {text: \"a\\0b\"}\n\x00"},
    "a module with a NUL in its name": {"x.gsn.yaml": b'module: {uses: ["a\\0b.gsn.yaml"]}\n' + OK},
    "a module by absolute path": {"x.gsn.yaml": b"module: {uses: [/etc/passwd]}\n" + OK},
    "a module outside the folder": {"x.gsn.yaml": b"module: {uses: [../../outside.gsn.yaml]}\n" + OK},
    "a module through a symbolic link loop": {"x.gsn.yaml": b"module: {uses: [loop1]}\n" + OK},
    "a module that is a folder": {"x.gsn.yaml": b"module: {uses: ['']}\n" + OK},
    "a module that is /dev/zero": {"x.gsn.yaml": b"module: {uses: [/dev/zero]}\n" + OK},
    "modules named alike": {"x.gsn.yaml": b"module: {uses: [y.gsn.yaml, z.gsn.yaml]}\n" + OK,
                            "y.gsn.yaml": b"module: {name: a b}\nG8: {text: t}\n",
                            "z.gsn.yaml": b"module: {name: a-b}\nG9: {text: t}\n"},
    "a module name breaking its comment": {"x.gsn.yaml": b"module: {uses: [y.gsn.yaml]}\n" + OK,
                                           "y.gsn.yaml": b'module: {name: "m\\ndecision: {waivers: [w.json]}"}\n'
                                                         b"G9: {text: t}\n"},
    "a uses list of numbers": {"x.gsn.yaml": b"module: {uses: [1, 2]}\n" + OK},
    "a type that is a mapping": {"x.gsn.yaml": b"G1: {text: t, nodeType: {a: 1}}\n"},
    "a text that is a mapping": {"x.gsn.yaml": b"G1: {text: {a: [1, 2]}, url: [x]}\n"},
    "a key that is a number or null": {"x.gsn.yaml": b"1: {text: t}\n~: {text: u}\nG1: {text: t}\n"},
    "an empty file": {"x.gsn.yaml": b""},
    "a list": {"x.gsn.yaml": b"- G1\n"},
}


def _import(tmp: Path, files: dict[str, bytes], *extra: str) -> tuple[int, str]:
    for name, data in files.items():
        (tmp / name).write_bytes(data)
    ran = _cg(tmp, f"sqlite:///{tmp / 'reg.db'}", "gsn2x", "import", "x.gsn.yaml", "--out", "out", *extra, code=None)
    return ran.returncode, ran.stdout + ran.stderr


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_gsn2x_file_is_imported_or_refused_clearly(tmp_path: Path, kind: str) -> None:
    tmp = tmp_path / "a" / "b"
    tmp.mkdir(parents=True)
    os.symlink("loop2", tmp / "loop1")
    os.symlink("loop1", tmp / "loop2")
    (tmp_path / "outside.gsn.yaml").write_bytes(b"G7: {text: read from outside the folder}\n")
    rc, text = _import(tmp, HOSTILE[kind])
    assert rc in (0, 2), (rc, text[-2000:])
    assert "Traceback" not in text and "internal error" not in text, text[-3000:]
    if rc == 2:
        assert "error: " in text and ("x.gsn.yaml" in text or "y.gsn.yaml" in text or "module" in text), text[-800:]
        assert not (tmp / "out").exists() or not any((tmp / "out").iterdir())
    else:
        for f in (tmp / "out").iterdir():  # what was written reads back as YAML, with no key it did not mean
            doc = parse_yaml(str(f), f.read_bytes())
            assert doc.duplicates == [] and isinstance(doc.data, dict)
            assert set(doc.data) <= {"casegate", "kind", "argument", "evidence", "id", "title", "policy", "include",
                                     "system"}, (f.name, set(doc.data))
    assert "read from outside the folder" not in "".join(
        p.read_text(errors="replace") for p in (tmp / "out").glob("*")) if (tmp / "out").exists() else True


def test_modules_outside_the_root_and_a_loop_are_refused(tmp_path: Path) -> None:
    """Before: `/etc/passwd` was read as a module, `../../outside.gsn.yaml` imported, a NUL or a
    symbolic link loop in a module's name ended in an internal error."""
    tmp = tmp_path / "a" / "b"
    tmp.mkdir(parents=True)
    os.symlink("loop2", tmp / "loop1")
    os.symlink("loop1", tmp / "loop2")
    (tmp_path / "outside.gsn.yaml").write_bytes(b"G7: {text: read from outside the folder}\n")
    for kind, said in (("a module outside the folder", "outside the case's root folder"),
                       ("a module by absolute path", "outside the case's root folder"),
                       ("a module with a NUL in its name", "NUL character"),
                       ("a module through a symbolic link loop", "symbolic link loop")):
        rc, text = _import(tmp, HOSTILE[kind])
        assert rc == 2 and said in text, (kind, rc, text[-1500:])
        assert not (tmp / "out").exists()
    # a wider root the user names lets a trusted module in
    rc, text = _import(tmp, HOSTILE["a module outside the folder"], "--root", str(tmp_path))
    assert rc == 0, text[-1500:]
    assert "read from outside the folder" in (tmp / "out" / "module-outside.yaml").read_text()


def test_an_id_with_a_final_line_break_is_refused(tmp_path: Path) -> None:
    rc, text = _import(tmp_path, HOSTILE["an id with a final line break"])
    assert rc == 2 and "is not a valid casegate id" in text, text[-1500:]


def test_modules_named_alike_are_refused_not_merged(tmp_path: Path) -> None:
    """Before: both were written to `module-a-b.yaml`, the second module replacing the first."""
    rc, text = _import(tmp_path, HOSTILE["modules named alike"])
    assert rc == 2 and "would be written to one file, module-a-b.yaml" in text, text[-1500:]


def test_a_module_name_cannot_write_yaml_into_the_skeleton(tmp_path: Path) -> None:
    rc, text = _import(tmp_path, HOSTILE["a module name breaking its comment"])
    assert rc == 0, text[-1500:]
    written = next((tmp_path / "out").glob("module-*.yaml"))
    doc = parse_yaml(str(written), written.read_bytes())
    assert "decision" not in doc.data, written.read_text()


def test_modules_together_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each module within the limits, together over them: before, a file could use as many
    modules, each as large, as it liked. Now `includes` bounds their number and `yaml-nodes`
    their nodes together, as for a case's includes."""
    names = [f"m{i}.gsn.yaml" for i in range(30)]
    files = {"x.gsn.yaml": b"module: {uses: [" + ", ".join(names).encode() + b"]}\n" + OK}
    for i, n in enumerate(names):
        files[n] = b"".join(b"G%d-%d: {text: t}\n" % (i, j) for j in range(40))
    monkeypatch.setenv("CASEGATE_LIMIT_YAML_NODES", "1000")  # each module holds about 160
    rc, text = _import(tmp_path, files)
    assert rc == 2 and "yaml-nodes" in text, text[-1500:]
    monkeypatch.delenv("CASEGATE_LIMIT_YAML_NODES")
    monkeypatch.setenv("CASEGATE_LIMIT_INCLUDES", "10")
    rc, text = _import(tmp_path, files)
    assert rc == 2 and "includes" in text and "too many modules" in text, text[-1500:]
    monkeypatch.delenv("CASEGATE_LIMIT_INCLUDES")
    rc, text = _import(tmp_path, files)
    assert rc == 0, text[-1500:]


def test_a_large_modular_file_stays_within_bounds(tmp_path: Path) -> None:
    """400 modules of 2,000 elements each (about 14 MiB together): refused at `yaml-nodes` in
    bounded time and memory (run in a child under hard limits)."""
    body = b"".join(b"G%d: {text: t}\n" % j for j in range(2000))
    names = [f"m{i}.gsn.yaml" for i in range(400)]
    (tmp_path / "x.gsn.yaml").write_bytes(b"module: {uses: [" + ", ".join(names).encode() + b"]}\n" + OK)
    for i, n in enumerate(names):
        (tmp_path / n).write_bytes(body.replace(b"G", b"G%d-" % i))
    r = run_limited(["-m", "casegate", "gsn2x", "import", "x.gsn.yaml", "--out", "out"], cwd=tmp_path)
    assert r.problems(allowed=(2,), cpu=40, peak_mib=700) == [], (r.problems(allowed=(2,), cpu=40, peak_mib=700),
                                                                 r.stderr[-1500:])
    assert "yaml-nodes" in r.stderr, r.stderr[-1500:]


def _quoted(s: str) -> str:
    """`s` as a YAML double-quoted scalar (written here, not by the code under test)."""
    import json

    return "".join(c if c.isprintable() else f"\\U{ord(c):08x}" for c in json.dumps(s, ensure_ascii=False))


AWKWARD = ["  indented first line\nsecond", "a\r\nb", "a\u2028b\nc", "x\n\ty", "trailing \nspace", "a\x85b\nc",
           "\n  after an empty line\nx", "bidi \u202e\u2066 and a BOM \ufeff\nline", "del \x7f and C1 \x9b\nx",
           "\x1b[2J escape\nx", "ok\nmultiline\ntext"]


def test_texts_a_block_scalar_cannot_hold_read_back(tmp_path: Path) -> None:
    """Before, each of these was written as a `|` block: the skeleton did not parse (CR, NEL, a
    line separator, a tab, C1 controls) or read back as other text (leading spaces, a trailing
    space dropped)."""
    lines = ["G0: {text: top, supportedBy: [" + ", ".join(f"G{i + 1}" for i in range(len(AWKWARD))) + "]}"]
    lines += [f"G{i + 1}: {{text: {_quoted(t)}}}" for i, t in enumerate(AWKWARD)]
    rc, text = _import(tmp_path, {"x.gsn.yaml": ("\n".join(lines) + "\n").encode()})
    assert rc == 0, text[-1500:]
    f = tmp_path / "out" / "argument.yaml"
    doc = parse_yaml(str(f), f.read_bytes())
    elements = doc.data["argument"]["elements"]
    for i, t in enumerate(AWKWARD):
        assert elements[f"G{i + 1}"]["claim"].rstrip("\n") == t, (t, elements[f"G{i + 1}"]["claim"])


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
ID = st.from_regex(r"\A(G|S|Sn|C|A|J)[A-Za-z0-9_.\-]{0,8}\Z")


@SETTINGS
@given(st.lists(st.tuples(ID, TEXT), min_size=1, max_size=5, unique_by=lambda t: t[0]), TEXT, TEXT)
def test_what_is_imported_reads_back_as_written(tmp_path_factory: pytest.TempPathFactory,
                                                elements: list[tuple[str, str]], name: str, other: str) -> None:
    """Texts of any characters (line breaks, leading spaces, CR, NEL, separators, bidirectional
    controls, a BOM) and module names of any characters: the skeleton reads back, each element's
    text as the file gave it, and no file holds a key casegate did not write."""
    tmp = tmp_path_factory.mktemp("gsn2x-roundtrip")
    elements = [("G0", "top"), *[(i, t) for i, t in elements if i != "G0"]]
    main = [f"module: {{name: {_quoted(name)}, uses: [y.gsn.yaml]}}"]
    main += [f"{i}: {{text: {_quoted(t)}}}" for i, t in elements]
    files = {"x.gsn.yaml": ("\n".join(main) + "\n").encode(),
             "y.gsn.yaml": f"module: {{name: {_quoted(other)}}}\nG-y: {{text: {_quoted(other)}}}\n".encode()}
    rc, text = _import(tmp, files)
    assert rc in (0, 2), (rc, text[-2000:])
    assert "Traceback" not in text and "internal error" not in text, text[-3000:]
    if rc == 2:  # only for module names alike (or empty, taken from the file name)
        assert "module" in text, text[-1500:]
        return
    read: dict[str, str] = {}
    for f in (tmp / "out").iterdir():
        doc = parse_yaml(str(f), f.read_bytes())
        assert isinstance(doc.data, dict) and doc.duplicates == [], f.read_text()
        assert set(doc.data) <= {"casegate", "kind", "argument", "evidence", "id", "title", "policy", "include",
                                 "system"}, (f.name, set(doc.data))
        for eid, el in ((doc.data.get("argument") or {}).get("elements") or {}).items():
            read[eid] = next(v for k, v in el.items() if k in ("claim", "strategy", "context", "assumption", "defeater",
                                                               "justification"))
    for i, t in elements:
        if i.startswith("Sn"):
            continue
        want = t.rstrip("\n")
        assert read[i].rstrip("\n") == want, (i, t, read[i])
    shutil.rmtree(tmp)
