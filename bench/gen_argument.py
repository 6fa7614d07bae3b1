"""Generate a synthetic tree-shaped argument for the render benchmark.

    python bench/gen_argument.py --goals 2000 --out bench/data/argument-2k.yaml

Each developed goal is supported by one strategy (read in a context) over three sub-goals; each
leaf goal cites one evidence item (a solution); every 50th goal carries an assumption. That is
about 2.35 elements per goal. Every 40th goal has a finding and every 97th claim an open
defeater, so the marks are drawn too.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casegate.model import Case

_DIGEST = "sha256:" + "0" * 64


def argument_dict(goals: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The argument section and the evidence section of a case with `goals` goals."""
    elements: dict[str, Any] = {}
    evidence: dict[str, Any] = {}
    queue = ["G0"]
    made = 1
    head = 0
    while head < len(queue):
        gid = queue[head]
        head += 1
        n = int(gid[1:])
        el: dict[str, Any] = {
            "claim": f"Claim {gid}: the risk considered at this step stays within the framework's "
                     f"tolerance for the boundary under the stated assumptions."}
        if n % 50 == 0:
            aid = f"A{n}"
            elements[aid] = {"assumption": f"Assumption for {gid}: the threat model is complete."}
            el["in_context_of"] = [aid]
        if made + 3 <= goals:
            sid, cid = f"S{n}", f"C{n}"
            kids = [f"G{made + i}" for i in range(3)]
            made += 3
            queue.extend(kids)
            el["supported_by"] = [sid]
            elements[sid] = {"strategy": f"Argue over the three sub-risks of {gid}, one per pathway step.",
                             "supported_by": kids, "in_context_of": [cid]}
            elements[cid] = {"context": f"Definitions and scope used by {sid}."}
        else:
            eid = f"E{n}"
            evidence[eid] = {"kind": "eval", "title": f"Evaluation for {gid}", "producer": "evals",
                             "date": "2026-10-01"}
            el["evidence"] = [eid]
        if n % 97 == 5:
            did = f"D{n}"
            elements[did] = {"defeater": f"The evaluation behind {gid} may understate the capability.",
                             "kind": "objection", "against": [gid], "status": "open"}
        elements[gid] = el
    return {"top": "G0", "elements": elements}, evidence


def make_case(goals: int) -> Case:
    """A minimal valid case holding the synthetic argument."""
    argument, evidence = argument_dict(goals)
    return Case.model_validate({
        "casegate": 1, "id": f"synthetic-{goals}", "title": f"Synthetic argument, {goals} goals",
        "policy": "policy.yaml", "system": {"name": "Synthetic", "version": "1", "digests": [_DIGEST]},
        "evidence": evidence, "argument": argument,
    })


def findings_for(case: Case) -> dict[str, list[tuple[str, str]]]:
    """Synthetic findings on every 40th goal."""
    out: dict[str, list[tuple[str, str]]] = {}
    for k in case.argument.elements:
        if k.startswith("G") and int(k[1:]) % 40 == 7:
            out[k] = [("CG301", "blocking" if int(k[1:]) % 80 == 7 else "condition")]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--goals", type=int, default=2000)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    import json

    argument, evidence = argument_dict(a.goals)
    doc = {"casegate": 1, "kind": "case", "id": f"synthetic-{a.goals}",
           "title": f"Synthetic argument, {a.goals} goals", "policy": "policy.yaml",
           "system": {"name": "Synthetic", "version": "1", "digests": [_DIGEST]},
           "evidence": evidence, "argument": argument}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(doc, indent=1))  # JSON is YAML
    print(f"wrote {a.out}: {len(argument['elements']) + len(evidence)} elements")


if __name__ == "__main__":
    main()
