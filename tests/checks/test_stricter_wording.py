"""The words `stricter_than_deployed` gives for an evaluation run configured more strictly than the
deployment, byte for byte, in each branch: what the case does not say of the deployment (no
`boundary.configuration`), what its configuration leaves unset, and what it sets otherwise."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest

from casegate.checks import Context
from casegate.checks._derived import stricter_than_deployed
from casegate.model import BoundaryKind, Case

from .test_derived import _policy

_SAID = "Refuse every request about exploits."
_DIGEST = hashlib.sha256(_SAID.encode("utf-8")).hexdigest()
_SHOWN = f"a system message (generate_config.system_message, sha256 {_DIGEST[:12]}...)"
_INSTRUCTION = "a system instruction whose text the log does not give (lm-eval `--system_instruction`); "


def _words(elicitation: dict[str, Any], configuration: dict[str, Any] | None) -> list[str]:
    boundary: dict[str, Any] = {"kind": "api", "scope": {"users": "developers"}}
    if configuration is not None:
        boundary["configuration"] = configuration
    case = Case.model_validate({
        "casegate": 1, "id": "c", "title": "t", "policy": "p.yaml",
        "system": {"name": "m", "version": "1", "digests": ["sha256:" + "1" * 64]},
        "boundary": boundary,
        "evidence": {"E": {"kind": "eval", "producer": "evals", "date": "2026-10-01",
                           "elicitation": elicitation, "result": {"successes": 1, "trials": 100}}},
        "argument": {"top": "G1", "elements": {"G1": {"claim": "ok"}}},
    })
    ctx = Context(case=case, policy=_policy(), today=dt.date(2026, 11, 27), boundary=BoundaryKind.api)
    return stricter_than_deployed(ctx, "E", case.evidence["E"])


_PROMPTED = {"generate_config": {"system_message": _SAID}, "max_tokens": 256}
_INSTRUCTED = {"solver": ["system-instruction"]}


@pytest.mark.parametrize(("elicitation", "configuration", "expected"), [
    (_PROMPTED, None, [
        f"{_SHOWN}; the case does not say the deployment puts it before every conversation "
        "(`boundary.configuration.system_message_sha256`)",
        "every generation capped at 256 tokens; the case does not say the deployment caps a generation at or "
        "below it (`boundary.configuration.max_tokens`)"]),
    (_INSTRUCTED, None, [_INSTRUCTION + "the case does not say the deployment puts it before every conversation"]),
    (_PROMPTED, {}, [
        f"{_SHOWN}; the deployment puts no system message (`boundary.configuration`)",
        "every generation capped at 256 tokens; the deployment puts no ceiling on a generation "
        "(`boundary.configuration`)"]),
    (_INSTRUCTED, {}, [_INSTRUCTION + "the deployment puts no system message"]),
    (_PROMPTED, {"system_message_sha256": "2" * 64, "max_tokens": 4096}, [
        f"{_SHOWN}; the deployment puts another (sha256 222222222222...)",
        "every generation capped at 256 tokens; the deployment lets a generation run to 4,096"]),
    (_INSTRUCTED, {"system_message_sha256": "2" * 64}, [
        _INSTRUCTION + "the deployment's (`boundary.configuration.system_message_sha256`) cannot be matched to it"]),
    (_PROMPTED, {"system_message_sha256": _DIGEST, "max_tokens": 256}, []),
])
def test_the_words_for_each_way_the_run_was_stricter(elicitation: dict[str, Any],
                                                     configuration: dict[str, Any] | None,
                                                     expected: list[str]) -> None:
    assert _words(elicitation, configuration) == expected


def test_the_words_stay_casegates_fixed_wording() -> None:
    """The redaction guard takes these words as casegate's own: only the digest and the ceiling
    the run gave are the case's."""
    from casegate.publish._fixed import variable_parts

    said = _words(_PROMPTED, None)
    assert [variable_parts(w) for w in said] == [[_DIGEST[:12]], ["256"]]
    assert variable_parts(_words(_INSTRUCTED, None)[0]) == []
