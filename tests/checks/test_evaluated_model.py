"""CG351 evaluation-of-another-model: a log's recorded model must name the case's system (or one
of the names the case lists under `system.evaluated_as`)."""

from __future__ import annotations

from typing import Any

from ._cases import base_doc, context, hits


def _with_model(model: str, evaluated_as: list[str] | None = None) -> dict[str, Any]:
    doc = base_doc()
    doc["system"]["name"] = "Atlas-2"
    if evaluated_as is not None:
        doc["system"]["evaluated_as"] = evaluated_as
    src = doc["evidence"]["E-ctf"].setdefault("source", {"tool": "inspect-ai"})
    src["model"] = model
    return doc


def test_a_run_of_an_earlier_model_pinned_as_this_ones_is_caught() -> None:
    """Reason: a lab pinned a log of Atlas-1 (33/200 solved) as Atlas-2's CTF evaluation (80/200
    on its own run): the counts of another model were believed."""
    (h,) = hits("CG351", context(_with_model("acme/atlas-1-helpful-only")))
    assert "records model `acme/atlas-1-helpful-only`, which does not name this case's system `Atlas-2`" in h.message
    assert h.path == ("evidence", "E-ctf", "source", "model")
    assert hits("CG351", context(_with_model("acme/atlas-20-base")))


def test_a_run_that_names_the_system_or_a_listed_name_passes() -> None:
    for model in ("acme/atlas-2-helpful-only", "ACME/Atlas_2", "atlas-2"):
        assert hits("CG351", context(_with_model(model))) == [], model
    assert hits("CG351", context(_with_model("mockllm/model", ["mockllm/model"]))) == []
    assert hits("CG351", context(_with_model("mockllm/model", ["mockllm/other"])))
