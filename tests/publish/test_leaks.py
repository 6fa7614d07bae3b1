"""No leaks: canaries in every confidential field never reach any public output."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from casegate.cli._publish import _diagram
from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import Salts, publish, write_report
from casegate.store import MemorySaltStore

from .canary import CanaryCase, canary_cases, leaks, write_case

KEY = bytes(range(32))
SALTS = Salts(MemorySaltStore())


def _outputs(cc: CanaryCase, work: Path) -> dict[str, str]:
    loaded = load_case(write_case(cc.case, work / "case"))
    assert loaded.case is not None, [d.message for d in loaded.diagnostics]
    pub = publish(loaded, work / "out", salts=SALTS, level=cc.level, diagram=_diagram)
    rep = write_report(loaded, work / "report", salts=SALTS, level=cc.level, record=pub.record,
                       diagram=_diagram)
    files = {**{f"summary.{k}": p for k, p in pub.files.items()}, "report.html": rep.files["html"]}
    return {name: p.read_text(encoding="utf-8") for name, p in files.items()}


@settings(max_examples=int(os.environ.get("CASEGATE_LEAK_EXAMPLES", "30")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cc=canary_cases())
def test_no_canary_in_any_public_output(cc: CanaryCase) -> None:
    with tempfile.TemporaryDirectory() as d:
        outputs = _outputs(cc, Path(d))
    assert set(outputs) >= {"summary.md", "summary.html", "summary.json", "summary.svg", "report.html"}
    found = {name: leaks(text, cc.tokens) for name, text in outputs.items()}
    assert not any(found.values()), f"published at {cc.level.value}, leaked: {found}"
    # the redacted elements are still there, each with its commitment
    for text in (outputs["summary.json"], outputs["summary.md"], outputs["summary.html"]):
        for pointer in cc.redacted:
            assert pointer in text


def test_canaries_are_found_when_nothing_is_redacted(tmp_path: Path) -> None:
    """The detector works: the same case shown to a secret-cleared audience shows the canaries."""
    import random

    from .canary import build_canary_case, example_case

    cc = build_canary_case(example_case(), random.Random(7), Confidentiality.public, {}, 1)
    assert cc.redacted
    loaded = load_case(write_case(cc.case, tmp_path / "case"))
    rep = write_report(loaded, tmp_path / "report", salts=SALTS, level=Confidentiality.secret)
    assert leaks(rep.files["html"].read_text(), cc.tokens)
