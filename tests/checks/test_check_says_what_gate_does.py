"""`casegate check` shows each finding at the severity the gate decides on. Where users download the
weights, the gate makes a condition that bounds the release's risk blocking (it would be met after
every copy is out); `check` on the same open-weights case listed it as a condition, and exited 0 on
a case the gate refused. Both now read the one rule (`casegate.checks._release.before_release`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gate"))
from test_blind_wren import RING, WREN, _copy, _hosted_fine_tuning, _preview  # noqa: E402

from casegate.cli._common import Format  # noqa: E402
from casegate.cli._run import run_check  # noqa: E402


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")


def _check(case: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[tuple[str, tuple[object, ...]], str]]:
    """`casegate check --format json` on `case`: its exit code, and each finding's severity by code and path."""
    capsys.readouterr()
    code = run_check(case, Format.json, "2026-11-25", keyring=RING)
    doc = json.loads(capsys.readouterr().out)
    return code, {(f["code"], tuple(f["path"])): f["severity"] for f in doc["findings"]}


def test_check_blocks_where_the_gate_blocks_at_open_weights(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The lab's move: an open-weights release resting on a CG305 condition (monitor the domain,
    re-evaluate after release). `check` said `condition`; the gate blocks on it."""
    d = _copy(tmp_path)
    _, shown = _check(d / "case.yaml", capsys)
    record = _preview(d)
    cg305 = [k for k in shown if k[0] == "CG305"]
    assert cg305, shown
    gate = {(f.code, tuple(f.path)): f.severity.value for f in record.findings if f.waived is None}
    for k in cg305:
        assert gate[k] == "blocking"
        assert shown[k] == "blocking"
    # every finding both report, at the one severity
    for k, sev in shown.items():
        if k in gate:
            assert gate[k] == sev, (k, sev, gate[k])


def test_check_exits_1_on_an_open_weights_case_whose_only_blocker_is_a_condition(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The case made sound but for the bio bound at the threshold: the gate says NO-GO at open weights,
    and `check` must not exit 0 with `0 blocking, 1 condition`."""
    from test_open_weights_conditions import _sound

    d = _sound(tmp_path)
    record = _preview(d)
    assert record.outcome == "NO-GO"
    code, shown = _check(d / "case.yaml", capsys)
    assert code == 1
    assert [k[0] for k, s in shown.items() if s == "blocking"] == ["CG305"]
    assert "condition" not in shown.values()


def test_where_the_lab_keeps_the_weights_both_say_condition(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """At hosted fine-tuning the weights stay with the lab: the condition stays a condition in both."""
    from test_open_weights_conditions import _sound

    d = _sound(tmp_path)
    _hosted_fine_tuning(d)
    record = _preview(d)
    _, shown = _check(d / "case.yaml", capsys)
    gate = {(f.code, tuple(f.path)): f.severity.value for f in record.findings if f.waived is None}
    cg305 = [k for k in shown if k[0] == "CG305"]
    assert cg305 and all(shown[k] == "condition" == gate[k] for k in cg305)


def test_the_fixture_is_an_open_weights_case() -> None:
    assert "kind: open-weights" in (WREN / "case.yaml").read_text()
