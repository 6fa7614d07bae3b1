"""A rule's declaration is validated when it is declared: its severity is read from its text into
the enum, and a declaration with a bad code, name or severity is refused before it registers."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from casegate.checks import all_rules, registered, rule
from casegate.checks._registry import _RULES
from casegate.model import RuleSeverity

_DECLARATION = {"serves": "test-1-boundary", "summary": "s", "rationale": "r", "bad": "\nb\n", "good": "g\n",
                "fix": "f"}


def test_every_declared_severity_is_the_enum_member() -> None:
    assert all(type(r.severity) is RuleSeverity for r in all_rules())
    assert all(type(reg.rule.severity) is RuleSeverity for reg in registered())
    assert all(r.bad == r.bad.strip("\n") and r.good == r.good.strip("\n") for r in all_rules())


@pytest.mark.parametrize("code,name,severity", [
    ("CG0999", "a-rule", "blocking"),   # not a rule code
    ("CG1999", "A Rule", "blocking"),   # not a kebab-case name
    ("CG1999", "a-rule", "fatal"),      # no such severity
])
def test_a_bad_declaration_is_refused_and_not_registered(code: str, name: str, severity: str) -> None:
    with pytest.raises(ValidationError):
        rule(code, name, severity=severity, **_DECLARATION)(lambda ctx: iter(()))  # type: ignore[arg-type]
    assert code not in _RULES
