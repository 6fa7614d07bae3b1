"""Sandbagging is asked of the inability the decision rests on, not of the claims the lab chose to
tag: removing the `capability:` tags (and the sandbagging defeaters with them) from the argument
leaves the residual-risk argument resting on measured inability, and CG804 still names the
threshold and the evaluation."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")
TODAY = dt.date(2026, 11, 27)


def _untagged(tmp_path: Path, *, keep_defeaters: bool) -> Path:
    dst = tmp_path / "atlas-api"
    shutil.copytree(ATLAS, dst)
    arg = dst / "argument.yaml"
    text = arg.read_text()
    text, n = re.subn(r"\n      capability: \{[^}]*\}", "", text)
    assert n == 2
    if not keep_defeaters:
        text = re.sub(r"\n      defeaters: \[D[12]\]", "", text)
        text = re.sub(r"\n    D[12]:\n(      .*\n)+?(?=    G)", "\n", text)
        assert "sandbagging" not in text
    arg.write_text(text)
    return dst / "case.yaml"


def _gate(case: Path) -> DecisionRecord:
    loaded = with_attestations(load_case(case), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    return run_gate(loaded, today=TODAY)


def test_untagged_inability_without_sandbagging_is_no_go(tmp_path: Path) -> None:
    r = _gate(_untagged(tmp_path, keep_defeaters=False))
    assert r.outcome == "NO-GO"
    cg804 = [f for f in r.findings if f.code == "CG804" and f.blocking]
    # bio-known-agent is argued by inability on E-bio-uplift; cyber is measured above its alert
    # level and argued by safeguards, and AI R&D is scoped out for the internal case
    assert [tuple(f.path) for f in cg804] == [("evidence", "E-bio-uplift")]
    assert "`bio-high` is argued by inability on `E-bio-uplift`" in cg804[0].message


def test_an_untagged_claim_a_sandbagging_defeater_faces_answers_it(tmp_path: Path) -> None:
    r = _gate(_untagged(tmp_path, keep_defeaters=True))
    assert not [f for f in r.findings if f.code == "CG804"]
    assert r.outcome == "GO WITH CONDITIONS", [f.message for f in r.findings if f.blocking]
