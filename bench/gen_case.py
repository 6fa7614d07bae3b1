"""Generate a synthetic safety case of a chosen size, for benchmarks.

    python bench/gen_case.py --elements 10000 --out bench/data/case-10k

The case is a tree-shaped argument (claim -> strategy -> claims, each leaf claim citing evidence,
strategies read in a context), spread over several included files the way large real cases are,
with a policy, a threat model and safeguards. It passes the structure checks.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "atlas-api"


def generate(elements: int, out: Path, files: int = 8) -> Path:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(EXAMPLE, out, ignore=shutil.ignore_patterns("keys", "case.yaml", "argument.yaml"))
    artifact = out / "evals" / "suite.json"
    artifact.write_text('{"format": "casegate-results/1", "task": "synthetic", "model": "acme/atlas-2-helpful-only", '
                        '"status": "success", "created": "2026-10-01T09:00:00Z", "scale": "binary", "successes": 3, "trials": 400}\n')
    sha = hashlib.sha256(artifact.read_bytes()).hexdigest()

    # Build the tree breadth-first: each claim gets one strategy, each strategy 3 sub-claims and a context;
    # leaves cite one evidence item each. Elements ~= claims + strategies + contexts + evidence.
    evid: list[str] = []
    count = 0
    queue = ["G0"]
    claims = 0
    n_ev = 0
    lines_by_part: list[list[str]] = [[] for _ in range(files)]
    while queue and count < elements:
        gid = queue.pop(0)
        claims += 1
        part = lines_by_part[claims % files]
        if count + 3 + 6 + 2 * len(queue) <= elements:
            sid = "S" + gid[1:]
            cid = "C" + gid[1:]
            kids = [f"{gid}.{i}" for i in range(3)]
            part.append(f"    {gid}:\n      claim: Claim {gid} holds for the boundary under the stated assumptions.\n"
                        f"      domain: cyber\n      supported_by: [{sid}]\n")
            extra = ", G1" if gid == "G0" else ""  # the example's own argument hangs under the top
            part.append(f"    {sid}:\n      strategy: Argue over the three sub-risks of {gid}.\n"
                        f"      supported_by: [{', '.join(kids)}{extra}]\n      in_context_of: [{cid}]\n")
            part.append(f"    {cid}:\n      context: Definitions and scope used by {sid}.\n")
            count += 3
            queue.extend(kids)
        else:
            eid = f"E{n_ev}"
            n_ev += 1
            part.append(f"    {gid}:\n      claim: Leaf claim {gid} is shown by evaluation {eid}.\n"
                        f"      domain: cyber\n      evidence: [{eid}]\n")
            evid.append(
                f"  {eid}:\n    kind: eval\n    title: Synthetic evaluation {eid}\n    artifact: evals/suite.json\n"
                f"    sha256: {sha}\n    producer: synthetic-evals\n    date: 2026-10-01\n"
                f"    result: {{successes: 3, trials: 400}}\n")
            count += 2
    # leaves still queued become evidence-backed claims
    for gid in queue:
        claims += 1
        eid = f"E{n_ev}"
        n_ev += 1
        lines_by_part[claims % files].append(
            f"    {gid}:\n      claim: Leaf claim {gid} is shown by evaluation {eid}.\n      domain: cyber\n"
            f"      evidence: [{eid}]\n")
        evid.append(
            f"  {eid}:\n    kind: eval\n    artifact: evals/suite.json\n    sha256: {sha}\n"
            f"    producer: synthetic-evals\n    date: 2026-10-01\n    result: {{successes: 3, trials: 400}}\n")
    includes = []
    for i, lines in enumerate(lines_by_part):
        name = f"argument-{i}.yaml"
        includes.append(name)
        (out / name).write_text("casegate: 1\nkind: case\nargument:\n  elements:\n" + "".join(lines))
    (out / "evidence-synthetic.yaml").write_text("casegate: 1\nkind: case\nevidence:\n" + "".join(evid))
    includes += ["evidence-synthetic.yaml", "evidence.yaml", "argument-example.yaml"]
    example_arg = (EXAMPLE / "argument.yaml").read_text().replace("  top: G1\n", "")
    (out / "argument-example.yaml").write_text(example_arg)
    main = (EXAMPLE / "case.yaml").read_text()
    main = main.replace("include: [evidence.yaml, argument.yaml]", "include: [" + ", ".join(includes) + "]")
    main = main.replace("id: atlas-2-api", "id: synthetic-case")
    (out / "case.yaml").write_text(main + "\nargument:\n  top: G0\n")
    return out / "case.yaml"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--elements", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--files", type=int, default=8)
    a = ap.parse_args()
    print(generate(a.elements, a.out, a.files))


if __name__ == "__main__":
    main()
