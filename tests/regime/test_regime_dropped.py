"""CG1005 regime-dropped: the next version of a case under a regime leaves the regime out, so its
documents' gaps and the reporting clocks of incidents recorded against it go too."""

from __future__ import annotations

import shutil
from pathlib import Path

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.sign import load_keyring, parse_instant, with_attestations

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")
AT = parse_instant("2026-11-27", end_of_day=True)


def _version(tmp: Path, name: str, regimes: str) -> Path:
    d = tmp / name
    shutil.copytree(ATLAS, d)
    case = d / "case.yaml"
    text = case.read_text()
    old = "regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]\n"
    assert old in text
    case.write_text(text.replace(old, regimes, 1))
    return case


def _gate(case: Path, previous: Path) -> tuple[str, list[str]]:
    r = run_gate(with_attestations(load_case(case), KEYRING, AT),
                 previous=with_attestations(load_case(previous), KEYRING, AT))
    return r.outcome, [f"{f.code} {f.message}" for f in r.findings if f.blocking]


def test_a_version_that_drops_a_regime_is_stopped(tmp_path: Path) -> None:
    """The lab leaves SB 53 out of version 1.1 (its four framework gaps and its incident reports go
    with it). Was GO WITH CONDITIONS, as the example."""
    before = _version(tmp_path, "v1", "regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]\n")
    after = _version(tmp_path, "v2", "regimes: [builtin:eu-gpai-cop-2025]\n")
    outcome, blocking = _gate(after, before)
    assert outcome == "NO-GO"
    assert blocking == ["CG1005 the previous version was under the regime `builtin:ca-sb53`, which this version no "
                        "longer names: its documents' gaps and its incident reports would go with it"]
    none = _version(tmp_path, "v3", "")
    outcome, blocking = _gate(none, before)
    assert outcome == "NO-GO" and len(blocking) == 2


def test_the_same_regimes_named_again_pass(tmp_path: Path) -> None:
    before = _version(tmp_path, "v1", "regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]\n")
    again = _version(tmp_path, "v2", "regimes: [builtin:ca-sb53, builtin:eu-gpai-cop-2025]\n")
    assert _gate(again, before) == ("GO WITH CONDITIONS", [])


def test_a_file_of_the_regimes_name_holding_another_regime_is_not_it(tmp_path: Path) -> None:
    """`regimes/ca-sb53.yaml` with an id of its own (so CG1004 does not see a shadowed id) does not
    stand for SB 53."""
    before = _version(tmp_path, "v1", "regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]\n")
    after = _version(tmp_path, "v2", "regimes: [builtin:eu-gpai-cop-2025, regimes/ca-sb53.yaml]\n")
    src = Path(__file__).resolve().parents[2] / "src" / "casegate" / "load" / "builtin" / "regimes" / "ca-sb53.yaml"
    (after.parent / "regimes").mkdir()
    text = src.read_text()
    assert "\nid: ca-sb53\n" in text
    (after.parent / "regimes" / "ca-sb53.yaml").write_text(text.replace("\nid: ca-sb53\n", "\nid: acme-sb53-lite\n", 1))
    outcome, blocking = _gate(after, before)
    assert outcome == "NO-GO" and [b.split(" ", 1)[0] for b in blocking] == ["CG1005"]
