"""Small cases built in memory for the render tests."""

from __future__ import annotations

from typing import Any

from casegate.model import Case

DIGEST = "sha256:" + "0" * 64
CANARY = "CANARY-7f3a9-DO-NOT-PUBLISH"


def case_from(elements: dict[str, Any], evidence: dict[str, Any] | None = None, top: str = "G1",
              title: str = "Small argument") -> Case:
    return Case.model_validate({
        "casegate": 1, "id": "small", "title": title, "policy": "policy.yaml",
        "system": {"name": "M", "version": "1", "digests": [DIGEST]},
        "evidence": evidence or {}, "argument": {"top": top, "elements": elements},
    })


def _ev(title: str, conf: str = "public") -> dict[str, Any]:
    return {"kind": "eval", "title": title, "producer": "evals", "date": "2026-10-01",
            "confidentiality": conf}


def small_case() -> Case:
    """Every node kind and mark: context, assumption, justification, strategy, solutions (one
    shared), an undeveloped goal, an open and an answered defeater, a restricted goal."""
    return case_from(
        {
            "G1": {"claim": "The model may be released to the pilot without unacceptable risk.",
                   "supported_by": ["S1"], "in_context_of": ["C1", "A1"]},
            "C1": {"context": "Pilot of 200 vetted analysts, web interface only."},
            "A1": {"assumption": "Pilot users keep to the acceptable-use agreement."},
            "S1": {"strategy": "Argue over each misuse risk in the hazard log.",
                   "supported_by": ["G2", "G3", "G4"], "in_context_of": ["J1"]},
            "J1": {"justification": "The hazard log was reviewed by the safety board."},
            "G2": {"claim": "Cyber uplift is below the threshold under full elicitation.",
                   "evidence": ["E1", "E2"], "defeaters": ["D1"]},
            "D1": {"defeater": "The model may sandbag the CTF suite.", "kind": "sandbagging",
                   "against": ["G2"], "status": "open"},
            "G3": {"claim": "Misuse is detected and stopped within a day.", "undeveloped": True},
            "G4": {"claim": f"Bio uplift is below threshold: {CANARY} protocol detail.",
                   "evidence": ["E2", "E3"], "confidentiality": "restricted"},
            "D2": {"defeater": "The bio set may be too easy.", "kind": "objection",
                   "against": ["G4"], "status": "answered", "answered_by": ["E3"]},
        },
        {
            "E1": _ev("CTF suite, agentic"),
            "E2": _ev("External red team"),
            "E3": _ev(f"Bio uplift trial {CANARY}", conf="secret"),
        },
    )


FINDINGS = {"G2": [("CG301", "blocking")], "G3": [("CG702", "condition")],
            "E1": [("CG305", "advisory")]}
COMMITMENTS = {"G4": "sha256:" + "ab12" * 16, "E3": "sha256:" + "ef34" * 16}
