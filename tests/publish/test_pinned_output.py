"""What `publish` and `report` write for a few small cases, pinned byte for byte.

Salts come from a fixed publisher key (`KeyedSalts`), the decision from the gate as of a fixed
date, so every file is reproducible. A change that makes publishing faster must not change what
it publishes; a change meant to alter the output updates the pinned files on purpose:

    python tests/publish/test_pinned_output.py --write
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest

from casegate import __version__
from casegate.cli._publish import _charts, _diagram
from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import KeyedSalts, decide, publish, write_report

ROOT = Path(__file__).resolve().parents[2]
PINNED = Path(__file__).resolve().parent / "pinned"
KEY = bytes(range(32))
DAY = dt.date(2026, 11, 23)

sys.path.insert(0, str(ROOT / "bench"))
from gen_case import generate  # noqa: E402

CASES = {
    # the example: full diagram, every kind of redactable element, conditions and findings
    "atlas-public": ("atlas", Confidentiality.public),
    "atlas-internal": ("atlas", Confidentiality.internal),
    # a generated case past the diagram's node limit (the overview of its parts)
    "generated-130-public": ("generated", Confidentiality.public),
}
REPORTS = {
    "atlas-report-secret": ("atlas", Confidentiality.secret),
    "atlas-report-public": ("atlas", Confidentiality.public),
}


def _case_file(which: str, tmp: Path) -> Path:
    """The case, copied under `tmp` and named relative to it (findings name their file as the
    case was given: relative, they read the same wherever the files are)."""
    if not (tmp / which).exists():
        if which == "atlas":
            shutil.copytree(ROOT / "examples" / "atlas-api", tmp / which)
        else:
            generate(130, tmp / which)
    return Path(which) / "case.yaml"


def _outputs(name: str, tmp: Path) -> dict[str, bytes]:
    """File name -> bytes written, for one pinned case (the casegate version written as VERSION)."""
    report = name in REPORTS
    which, level = (REPORTS if report else CASES)[name]
    with contextlib.chdir(tmp):  # the case's files are read relative to it, during the gate too
        loaded = load_case(_case_file(which, tmp))
        record = decide(loaded, DAY)
        out = tmp / name
        salts = KeyedSalts(KEY)
        if report:
            files = write_report(loaded, out, salts=salts, level=level, today=DAY, record=record,
                                 diagram=_diagram, charts=_charts).files
        else:
            files = publish(loaded, out, salts=salts, level=level, today=DAY, record=record,
                            diagram=_diagram, charts=_charts).files
    got = {p.name: p.read_bytes() for p in files.values()}
    assert len(got) == len(files)
    return {k: v.replace(f"casegate {__version__} ".encode(), b"casegate VERSION ") for k, v in got.items()}


@pytest.mark.parametrize("name", [*CASES, *REPORTS])
def test_published_files_are_the_pinned_files(name: str, tmp_path: Path) -> None:
    got = _outputs(name, tmp_path)
    folder = PINNED / name
    pinned = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert sorted(got) == sorted(pinned), f"{name}: other files than the pinned ones"
    for file, data in got.items():
        if data != pinned[file]:
            a, b = data.decode(), pinned[file].decode()
            i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            raise AssertionError(f"{name}/{file} differs from the pinned file at character {i}:\n"
                                 f"  written: {a[max(0, i - 80):i + 80]!r}\n  pinned:  {b[max(0, i - 80):i + 80]!r}")


def test_the_pinned_summaries_redact_and_commit_with_the_fixed_key() -> None:
    # the pinned files are worth pinning: something is redacted in each public summary, and its
    # commitment is the one the key's salt gives (so a change of salts would show as a difference)
    import json

    from casegate.publish import commitment, derive_salt

    for name in ("atlas-public", "generated-130-public"):
        summary = json.loads((PINNED / name / "summary.json").read_text(encoding="utf-8"))
        assert summary["redactions"], name
    from casegate.publish import content_of, iter_redactable, pointer_of, readable_case

    atlas = readable_case(load_case(ROOT / "examples" / "atlas-api" / "case.yaml"))

    summary = json.loads((PINNED / "atlas-public" / "summary.json").read_text(encoding="utf-8"))
    committed = {r["pointer"]: r["commitment"] for r in summary["redactions"]}
    models = {pointer_of(p): m for p, m in iter_redactable(atlas)}
    for pointer, c in committed.items():
        assert c == commitment(derive_salt(KEY, atlas.id, pointer), content_of(models[pointer])), pointer


def test_the_json_written_from_bytes_is_the_json_text(tmp_path: Path) -> None:
    import json
    import os

    from casegate.publish import build_summary, summary_json
    from casegate.publish._summary import summary_json_bytes, write_summary_json

    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None
    summary = build_summary(loaded.case, decide(loaded, DAY), salts=KeyedSalts(KEY), policy=loaded.policy)
    text = summary_json(summary)
    (tmp_path / "text.json").write_text(text, encoding="utf-8")  # as files were written before
    assert summary_json_bytes(summary) == (tmp_path / "text.json").read_bytes()
    assert json.loads(summary_json_bytes(summary)) == json.loads(text) and os.linesep.encode() in summary_json_bytes(summary)
    write_summary_json(summary, tmp_path / "written.json")  # as `publish` writes it
    assert (tmp_path / "written.json").read_bytes() == summary_json_bytes(summary)


def _write() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for name in [*CASES, *REPORTS]:
            folder = PINNED / name
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            for file, data in _outputs(name, Path(tmp)).items():
                (folder / file).write_bytes(data)
            print(f"wrote {folder}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        raise SystemExit("usage: python tests/publish/test_pinned_output.py --write")
    _write()
