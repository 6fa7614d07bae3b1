"""Inspect logs fuzzed structure-aware: one field of one member of a real `.eval` archive (the
header, a sample, the summaries, the reductions) or of a real `.json` log given a hostile value
(a wrong type, a huge or non-finite number, deep nesting, a removed key), an archive cut short or
with a byte flipped. Reading it ends in the log read or in a typed refusal naming the file, never
another exception (what the command line reports as an internal error, exit 70).

The examples are drawn deterministically (`derandomize`), so a run in CI is reproducible."""

from __future__ import annotations

import copy
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.errors import CasegateError
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

LOGS = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "logs" / "inspect"
EVAL = LOGS / "arith-epochs.eval"
AGENT = LOGS / "rnd-agent.eval"
JSON_LOG = LOGS / "arith-json.json"
EXAMPLES = int(os.environ.get("CASEGATE_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
HOSTILE: list[Any] = [
    None, True, 0, -1, 2**63, 10**300, 1.5, -0.0, float("nan"), float("inf"), float("-inf"), "", "x" * 5000,
    "\u202e\x00", [], {}, [[[[[[[[[[]]]]]]]]]], {"a": {"b": {}}}, [None] * 200, "2026-13-45T99:99:99Z",
]
FIELD = st.tuples(st.integers(min_value=0, max_value=100_000), st.sampled_from(HOSTILE), st.booleans())


def _paths(doc: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for k, v in items:
        out.append((*at, k))
        out.extend(_paths(v, (*at, k)))
    return out


def _mutated(doc: Any, pick: tuple[int, Any, bool]) -> Any:
    i, value, delete = pick
    paths = _paths(doc)
    if not paths:
        return value
    path = paths[i % len(paths)]
    doc = copy.deepcopy(doc)
    parent = doc
    for k in path[:-1]:
        parent = parent[k]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


def _read(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        try:
            InspectImporter().read(p, ReadOptions())
        except CasegateError as e:
            assert e.exit_code in (1, 2, 3, 4, 5), e.diagnostics()
            assert name in e.diagnostics(), e.diagnostics()


def _archive(source: Path, member: int, change: Any) -> bytes:
    import inspect_ai._util.zipfile  # noqa: F401  (the zstd codec the fixtures' members use)

    out = io.BytesIO()
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        infos = [i for i in z.infolist() if i.filename.endswith(".json")]
        target = infos[member % len(infos)].filename
        for info in z.infolist():
            data = z.read(info)
            if info.filename == target:
                data = change(data)
            w.writestr(info.filename, data)
    return out.getvalue()


@SETTINGS
@given(st.booleans(), st.integers(min_value=0, max_value=1000), FIELD)
def test_an_eval_archive_member_with_a_hostile_field(agent: bool, member: int, pick: tuple[int, Any, bool]) -> None:
    data = _archive(AGENT if agent else EVAL, member, lambda b: json.dumps(_mutated(json.loads(b), pick)).encode())
    _read("log.eval", data)


@SETTINGS
@given(st.integers(min_value=0, max_value=1000), st.sampled_from(["bom", "utf8", "cut", "nan", "dup"]),
       st.integers(min_value=0, max_value=100_000))
def test_an_eval_archive_member_with_hostile_bytes(member: int, how: str, cut: int) -> None:
    def change(b: bytes) -> bytes:
        at = cut % max(len(b), 1)
        return {"bom": b"\xef\xbb\xbf" + b, "utf8": b[:at] + b"\xff\x80" + b[at:], "cut": b[:at],
                "nan": b.replace(b":", b": NaN, \"_x\":", 1), "dup": b[:1] + b[1:].split(b",", 1)[0] + b"," + b[1:]}[how]
    _read("log.eval", _archive(EVAL, member, change))


@SETTINGS
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=255))
def test_an_eval_archive_cut_short_or_with_a_byte_changed(at: int, byte: int) -> None:
    data = EVAL.read_bytes()
    at %= len(data)
    _read("log.eval", data[:at])
    _read("log.eval", data[:at] + bytes([byte]) + data[at + 1:])


@SETTINGS
@given(FIELD)
def test_a_json_log_with_a_hostile_field(pick: tuple[int, Any, bool]) -> None:
    _read("log.json", json.dumps(_mutated(json.loads(JSON_LOG.read_bytes()), pick)).encode())


@pytest.mark.parametrize(("member", "said"), [("header.json", "inspect-ai cannot read this log"),
                                              ("samples/q00003_epoch_2.json", "cannot read the log's sample transcripts")])
def test_an_eval_archive_whose_member_is_no_zstd_frame_is_refused_naming_it(tmp_path: Path, member: str,
                                                                            said: str) -> None:
    """Found by the fuzzing above: a byte changed in a zstd-compressed member (here the frame's
    magic number) escaped as zstandard's ZstdError, an internal error (exit 70)."""
    import struct

    data = bytearray(EVAL.read_bytes())
    with zipfile.ZipFile(EVAL) as z:
        info = z.getinfo(member)
    assert info.compress_type == 93  # zstd
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26: info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    data[start: start + 4] = b"\x00\x00\x00\x00"
    p = tmp_path / "log.eval"
    p.write_bytes(bytes(data))
    try:
        InspectImporter().read(p, ReadOptions())
    except CasegateError as e:
        assert e.exit_code == 2 and f"{p}: {said}: zstd decompressor error" in e.diagnostics(), e.diagnostics()
    else:
        raise AssertionError("a log with a member that cannot be inflated was read")
