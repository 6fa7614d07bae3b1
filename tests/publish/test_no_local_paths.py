"""A public summary names the case's files relative to the case's folder: it reveals no folder of
the machine it was written on, and reads the same from whichever folder `publish` was run."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from pathlib import Path

from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import KeyedSalts, decide, publish

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 11, 23)


def _publish(case_file: Path, cwd: Path, out: Path) -> dict[str, bytes]:
    with contextlib.chdir(cwd):
        loaded = load_case(case_file)
        files = publish(loaded, out, salts=KeyedSalts(bytes(range(32))), level=Confidentiality.public,
                        today=DAY, record=decide(loaded, DAY)).files
    return {p.name: p.read_bytes() for p in files.values()}


def test_summary_names_no_local_folder_and_reads_the_same_from_anywhere(tmp_path: Path) -> None:
    secret_place = tmp_path / "home-of-alice" / "project-nightjar"
    shutil.copytree(ROOT / "examples" / "atlas-api", secret_place / "atlas")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # run from another folder with the case named by its absolute path, and from the case's folder
    far = _publish(secret_place / "atlas" / "case.yaml", elsewhere, tmp_path / "far")
    near = _publish(Path("case.yaml"), secret_place / "atlas", tmp_path / "near")
    for name, data in far.items():
        assert b"home-of-alice" not in data and b"project-nightjar" not in data, name
        assert str(tmp_path).encode() not in data, name
    assert far["summary.json"] == near["summary.json"]
    assert b'"location": "case.yaml:' in far["summary.json"]
