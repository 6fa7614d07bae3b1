"""A severe pathway needs every step blocked (CG401), and its steps are the lab's own list. Atlas-api
1.0 listing a step of its ransomware pathway that no safeguard blocks (`evade-detection`) is NO-GO;
version 1.1 left the step out, with nothing else changed, and was GO WITH CONDITIONS compared with
1.0. A step left out of a pathway since the version compared with now blocks, as a lowered severity
or attempt rate does (CG329)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from casegate.gate import run_gate
from casegate.load import Loaded, load_case
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
TODAY = dt.date(2026, 11, 27)
STEPS = "steps: [obtain-access, find-vulnerability, build-exploit, deploy]"


def _keyed(path: Path) -> Loaded:
    at = parse_instant(TODAY.isoformat(), end_of_day=True)
    return with_attestations(load_case(path), load_keyring(ATLAS / "keys" / "keyring.yaml"), at)


def _versions(tmp: Path) -> tuple[Path, Path]:
    v1, v2 = tmp / "v1", tmp / "v2"
    shutil.copytree(ATLAS, v1)
    shutil.copytree(ATLAS, v2)
    case = v1 / "case.yaml"
    text = case.read_text()
    assert STEPS in text
    case.write_text(text.replace(STEPS, STEPS.replace("deploy]", "deploy, evade-detection]")))
    return case, v2 / "case.yaml"


def test_the_unblocked_step_blocks(tmp_path: Path) -> None:
    v1, _ = _versions(tmp_path)
    record = run_gate(_keyed(v1), today=TODAY, try_narrower=False)
    assert record.outcome == "NO-GO"
    assert [f.code for f in record.findings if f.blocking] == ["CG401"]


def test_the_step_left_out_in_the_next_version_blocks(tmp_path: Path) -> None:
    v1, v2 = _versions(tmp_path)
    record = run_gate(_keyed(v2), previous=_keyed(v1), today=TODAY, try_narrower=False)
    assert record.outcome == "NO-GO"
    (f,) = [f for f in record.findings if f.blocking]
    assert f.code == "CG329" and f.path == ("threat_model", "cyber", "pathways", "cyber-ransomware", "steps")
    assert "step `evade-detection` left out" in f.message


def test_the_same_steps_again_pass(tmp_path: Path) -> None:
    _, v2 = _versions(tmp_path)
    record = run_gate(_keyed(v2), previous=_keyed(ATLAS / "case.yaml"), today=TODAY, try_narrower=False)
    assert [f.code for f in record.findings if f.code == "CG329"] == []
