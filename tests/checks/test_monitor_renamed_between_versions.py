"""The lab renames a monitor, or the signal it watches, in the next version so that the readings
filed under the old name (its breaches among them) no longer reach it (CG719).

Readings are filed under the signal's name: a monitor whose id stays and whose signal becomes
`bio-classifier-flag-rate-v2` hears none of the readings of `bio-classifier-flag-rate`, and a
breach within one window before the new version's approval is not read. It passed CG719, which
compared the threshold, window, silence and action of the monitor matched by id."""

from __future__ import annotations

from typing import Any

from casegate.model import Case

from ._cases import base_doc, case, context, hits

SIGNAL = "bio-classifier-flag-rate"


def _doc(mid: str = "M-bio-flags", signal: str = SIGNAL) -> dict[str, Any]:
    doc = base_doc()
    doc["post_deployment"] = {
        "monitors": {mid: {"signal": signal, "op": ">", "threshold": 0.001, "window": "24h"}},
        "triggers": {"T1": {"on": "monitor", "monitor": mid, "action": "reopen"}},
        "reevaluate_by": "2027-04-01",
    }
    return doc


def _previous() -> Case:
    return case(_doc())


def test_the_same_plan_again_loosens_nothing() -> None:
    assert hits("CG719", context(_doc(), previous=_previous())) == []


def test_the_signal_renamed_under_the_same_monitor() -> None:
    (h,) = hits("CG719", context(_doc(signal=SIGNAL + "-v2"), previous=_previous()))
    assert h.message == (
        "monitor `M-bio-flags` fires less readily than in the previous version: it watches "
        "bio-classifier-flag-rate-v2 where it watched bio-classifier-flag-rate: the readings of "
        "bio-classifier-flag-rate, its breaches among them, no longer reach it")


def test_the_signal_respelt_in_look_alike_letters() -> None:
    # `bio-classifier-flag-rаte` (a Cyrillic `а`) is another name to the readings filed under the Latin one
    (h,) = hits("CG719", context(_doc(signal="bio-classifier-flag-rаte"), previous=_previous()))
    assert "where it watched bio-classifier-flag-rate:" in h.message


def test_the_monitor_renamed_keeping_its_signal_is_matched_by_its_signal() -> None:
    # the monitor is the same one (matched by its signal); the trigger that named it now names another
    (h,) = hits("CG719", context(_doc(mid="M-bio-flags-2"), previous=_previous()))
    assert h.message == ("trigger `T1` fires less readily than in the previous version: it fires on monitor "
                         "`M-bio-flags-2` where it fired on `M-bio-flags`")


def test_both_renamed_is_a_monitor_gone() -> None:
    found = hits("CG719", context(_doc(mid="M-bio-flags-2", signal=SIGNAL + "-v2"), previous=_previous()))
    assert any("monitor `M-bio-flags` (bio-classifier-flag-rate) of the previous version is gone" in h.message
               for h in found), [h.message for h in found]
