"""A residual risk's rationale that states only the verdict is refused however it is spelled: in
other words for the same verdict, in another language, with look-alike letters, zero-width or
punctuation inside its words, or by repeating the risk's own estimate (the size of what is
accepted is not why accepting it is justified). Gated on the blind Kestrel-1 case (its honest fix
applied), as the lab would: each is NO-GO on CG414 alone, and a reason, however short, passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.gate.test_blind_kestrel import _blocking, _copy, _oversight_holds, _preview

HONEST = "rationale: Three tested layers block every step of the pathway."


def _with(d: Path, rationale: str) -> None:
    case = d / "case.yaml"
    text = case.read_text(encoding="utf-8")
    assert HONEST in text
    case.write_text(text.replace(HONEST, "rationale: " + rationale), encoding="utf-8")


def _cg414(record) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.message for f in record.findings if f.code == "CG414" and f.path[-1] == "rationale"]


@pytest.mark.parametrize("words", [
    # other words for the verdict
    "The remaining risk was assessed, endorsed and signed off by the risk committee.",
    "Residual risk is low, managed and within our risk appetite.",
    "Risk evaluated and found permissible; sanctioned by leadership.",
    # other languages
    "Das Restrisiko ist vertretbar und wurde akzeptiert.",
    "Le risque résiduel est acceptable et a été approuvé.",
    "El riesgo residual es aceptable y ha sido aprobado.",
    # look-alike letters, zero-width and punctuation inside the words
    "The residual risk is acc\u0435ptable and has been acc\u0435pted.",
    "The residual risk is accep\u200btable and has been accep\u200bted.",
    "The residual risk is accept-able and has been a.c.c.e.p.t.e.d.",
    "The residual risk is \uff41\uff43\uff43\uff45\uff50\uff54\uff41\uff42\uff4c\uff45.",
    # look-alike letters that bear accents (Cyrillic `ё`, `ѐ`, Greek `ά`, `ό`) beside plain accents
    "The residual risk is acc\u0451pt\u00e1ble and has been acc\u0450pt\u00e9d.",
    "The residual risk is \u03acccept\u03acble and has been appr\u03ccved.",
    # the risk's own estimate, repeated as the reason
    "Upper bound of about 5e-5 intrusions per year at 95% confidence.",
    "The residual risk of about 5e-5 intrusions per year is acceptable.",
    # the failure-modes example's words: that it was considered is no reason
    "The residual risk has been identified, acknowledged and documented in this case, which demonstrates that it "
    "has been considered responsibly.",
    # the case's own conclusion (its top claim), restated as the reason
    "Kestrel-1 may be offered as a research agent to vetted partner labs without unacceptable risk of cyber harm.",
])
def test_a_verdict_in_other_spellings_is_no_go(tmp_path: Path, words: str) -> None:
    d = _copy(tmp_path)
    _oversight_holds(d)
    assert _blocking(_preview(d)) == []  # control: the honest rationale passes
    _with(d, words)
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG414"]
    (msg,) = _cg414(record)
    assert msg.startswith("the residual-risk rationale on `range-intrusion` carries no content:")


@pytest.mark.parametrize("words", [
    "Accepted because transcript review catches 399 of 400.",
    "The 5e-5 per year bound is below the 1e-4 tolerance with three tested layers.",
    "Das Restrisiko ist vertretbar, weil drei getestete Schichten jeden Schritt blockieren.",
    "Well-understood, since the sandbox has no egress and quotas cap compute.",
])
def test_a_reason_in_any_spelling_passes(tmp_path: Path, words: str) -> None:
    d = _copy(tmp_path)
    _oversight_holds(d)
    _with(d, words)
    assert _blocking(_preview(d)) == []
