"""Every example gives the outcome examples/README.md documents; each failure-mode example is
caught by its intended rule and by no unrelated blocking rule."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from casegate.checks import get_rule
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import BoundaryKind
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
KEYRING = load_keyring(EXAMPLES / "atlas-api" / "keys" / "keyring.yaml")
"""The examples' keyring: their signers, and the external evaluators whose signed attestations
make evidence independent."""
_ROW = re.compile(r"^\|\s*`(?P<ex>[^`]+)`\s*\|(?P<args>[^|]*)\|\s*(?P<outcome>GO|GO WITH CONDITIONS|NO-GO)\s*\|"
                  r"(?P<codes>[^|]*)\|(?P<narrower>[^|]*)\|$")


def _rows() -> list[tuple[str, str, str, set[str], str]]:
    rows = []
    for line in (EXAMPLES / "README.md").read_text().splitlines():
        m = _ROW.match(line)
        if m:
            codes = {c.strip() for c in m["codes"].split(",") if c.strip()}
            rows.append((m["ex"], m["args"].strip().strip("`"), m["outcome"].strip(), codes, m["narrower"].strip()))
    return rows


ROWS = _rows()


def test_readme_documents_every_example() -> None:
    documented = {r[0] for r in ROWS}
    on_disk = {str(p.parent.relative_to(EXAMPLES)) for p in EXAMPLES.rglob("case.yaml")
               if "previous" not in p.parts}
    assert on_disk <= documented, f"undocumented examples: {sorted(on_disk - documented)}"
    assert {"atlas-api", "narrower-boundary"} <= documented
    modes = {d.split("/", 1)[1] for d in documented if d.startswith("failure-modes/")}
    assert modes == {"argument-theater", "threshold-gaming", "residual-risk-laundering",
                     "internal-deployment-blindness", "security-opacity", "no-public-memory"}


@pytest.mark.parametrize(("example", "args", "outcome", "codes", "narrower"), ROWS,
                         ids=[f"{r[0]} {r[1]}".strip() for r in ROWS])
def test_example_outcome(example: str, args: str, outcome: str, codes: set[str], narrower: str) -> None:
    argv = shlex.split(args)
    previous = None
    if argv:
        assert argv[0] == "--previous" and len(argv) == 2, f"unsupported arguments: {args}"
        previous = load_case(ROOT / argv[1])
    loaded = with_attestations(load_case(EXAMPLES / example / "case.yaml"), KEYRING, parse_instant("2026-11-27"))
    r = run_gate(loaded, previous=previous)
    blocking = {f.code for f in r.findings if f.blocking}
    assert (r.outcome, blocking) == (outcome, codes), [f.message for f in r.findings if f.blocking]
    assert r.narrower == (BoundaryKind(narrower) if narrower else None)
    assert all(a.answerable for a in r.answers)


@pytest.mark.parametrize("mode", ["argument-theater", "threshold-gaming", "residual-risk-laundering",
                                  "internal-deployment-blindness", "security-opacity", "no-public-memory"])
def test_failure_mode_caught_by_rules_that_serve_it(mode: str) -> None:
    row = next(r for r in ROWS if r[0] == f"failure-modes/{mode}" and r[2] == "NO-GO")
    assert row[3], f"{mode}: no blocking rule documented"
    for code in row[3]:
        rule = get_rule(code)
        assert rule is not None and rule.serves == f"fm-{mode}", (code, rule.serves if rule else None)
