"""Hostile evaluation logs: zip bombs, archives of a million entries, JSON nested 100,000 deep,
NaN metrics, truncated files. Each is refused with a typed error (exit 2 at the command line),
before the memory or time it asks for is spent."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import inspect_ai._util.zipfile  # noqa: F401  (the zstd codec Inspect writes .eval entries with)
import pytest

from casegate.errors import InputError
from casegate.evidence.importers import InspectImporter, LmEvalImporter, LogReadError, ReadOptions
from casegate.limits import LimitError

from .conftest import run_cli

LOGS = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "logs"
RESULTS = next((LOGS / "lm-eval").glob("results_*.json"))


def _copy_eval(tmp_path: Path, extra: dict[str, bytes] | None = None, header: bytes | None = None) -> Path:
    """The clean Inspect log, rewritten with its header replaced or entries added."""
    src = LOGS / "inspect" / "arith-clean.eval"
    out = tmp_path / "arith-clean.eval"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = header if header is not None and info.filename == "header.json" else zin.read(info)
            zout.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return out


def test_the_clean_log_still_imports(tmp_path: Path) -> None:
    runs = InspectImporter().read(_copy_eval(tmp_path), ReadOptions())
    assert runs and runs[0].result is not None


def test_a_header_that_inflates_past_the_limit_is_refused_before_inflating(tmp_path: Path) -> None:
    # 64 MiB of spaces compress to ~64 KiB; the limit is lowered so the test stays small
    bomb = _copy_eval(tmp_path, header=b"{" + b" " * (64 << 20) + b"}")
    assert bomb.stat().st_size < 1 << 20
    os.environ["CASEGATE_LIMIT_LOG_BYTES"] = str(16 << 20)
    try:
        with pytest.raises(LimitError) as info:
            InspectImporter().read(bomb, ReadOptions())
    finally:
        del os.environ["CASEGATE_LIMIT_LOG_BYTES"]
    assert info.value.limit == "log_bytes" and "declare" in info.value.message


def test_a_member_lying_about_its_size_is_refused(tmp_path: Path) -> None:
    log = _copy_eval(tmp_path, extra={"summaries/9.json": b"[" + b" " * (4 << 20) + b"]"})
    # rewrite the central directory's size of the added member to 10 bytes: a lie
    data = bytearray(log.read_bytes())
    with zipfile.ZipFile(log) as zf:
        info = zf.getinfo("summaries/9.json")
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(b"summaries/9.json") + 1)
    data[cd + 24:cd + 28] = (10).to_bytes(4, "little")  # uncompressed size in the central directory
    log.write_bytes(bytes(data))
    assert info.file_size > 10
    with pytest.raises(InputError):
        InspectImporter().read(log, ReadOptions())


def test_too_many_entries_is_refused_from_the_directory(tmp_path: Path) -> None:
    log = _copy_eval(tmp_path, extra={f"samples/{i}.json": b"{}" for i in range(300)})
    os.environ["CASEGATE_LIMIT_LOG_ENTRIES"] = "100"
    try:
        with pytest.raises(LimitError) as info:
            InspectImporter().read(log, ReadOptions())
    finally:
        del os.environ["CASEGATE_LIMIT_LOG_ENTRIES"]
    assert info.value.limit == "log_entries"


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.999])
def test_a_truncated_archive_is_a_read_error(tmp_path: Path, cut: float) -> None:
    src = (LOGS / "inspect" / "arith-clean.eval").read_bytes()
    log = tmp_path / "arith-clean.eval"
    log.write_bytes(src[: int(len(src) * cut)])
    with pytest.raises(InputError):
        InspectImporter().read(log, ReadOptions())


def _lm_copy(tmp_path: Path, doc: object | None = None, text: bytes | None = None) -> Path:
    d = tmp_path / "lm"
    shutil.copytree(LOGS / "lm-eval", d)
    p = d / RESULTS.name
    if text is not None:
        p.write_bytes(text)
    elif doc is not None:
        p.write_text(json.dumps(doc))
    return p


def test_lm_eval_json_nested_100000_deep_is_refused(tmp_path: Path) -> None:
    deep = b'{"results": {}, "configs": {}, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(LimitError) as info:
        LmEvalImporter().read(_lm_copy(tmp_path, text=deep), ReadOptions())
    assert info.value.limit == "depth"


def test_lm_eval_nan_metric_is_refused(tmp_path: Path) -> None:
    doc = json.loads(RESULTS.read_text())
    task = next(iter(doc["results"]))
    key = next(k for k, v in doc["results"][task].items() if "," in k and "stderr" not in k and isinstance(v, float))
    doc["results"][task][key] = float("nan")
    with pytest.raises(LogReadError) as info:
        LmEvalImporter().read(_lm_copy(tmp_path, doc), ReadOptions())
    assert "NaN" in info.value.message or "nan" in info.value.message
    doc["results"][task][key] = float("inf")
    with pytest.raises(LogReadError):
        LmEvalImporter().read(_lm_copy(tmp_path / "2", doc), ReadOptions())


def test_lm_eval_truncated_results_is_a_read_error(tmp_path: Path) -> None:
    text = RESULTS.read_bytes()
    with pytest.raises(LogReadError):
        LmEvalImporter().read(_lm_copy(tmp_path, text=text[: len(text) // 2]), ReadOptions())


def test_cli_exits_2_on_a_deep_log(tmp_path: Path) -> None:
    shutil.copytree(Path(__file__).resolve().parents[2] / "examples" / "atlas-api", tmp_path / "case")
    deep = b'{"results": {}, "configs": {}, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    log = _lm_copy(tmp_path / "case", text=deep)
    r = run_cli("evidence", "add", str(tmp_path / "case" / "case.yaml"), str(log), "--producer", "x")
    assert r.returncode == 2, r.stderr
    assert "depth" in r.stderr and "Traceback" not in r.stderr and "internal error" not in r.stderr
