"""The sha256 of every artifact shipped inside a `casegate init` template (generated; do not edit).

An evidence item pinning one of these is the template's fictional evidence, whatever its producer
says (CG909). Kept as a constant so a check never walks the template folders; a test keeps it
equal to `casegate.load.templates.template_artifacts()`. Regenerate after changing a template's
artifacts with `python -m casegate.load.template_digests`."""

from __future__ import annotations

TEMPLATE_ARTIFACTS: dict[str, str] = {
    "18d50063fd6ba66978f5d835544f02b75695d8d296b39d5688a895f215486608": "frontier-api/reports/insider-redteam.md",
    "1958c08d1dcd7bded871a92bccf550913f43f0d77b21a381e2aa1e99d9aee513": "frontier-api/evals/cyber-ctf.json",
    "337505f4ab251e68d3c007773cc1bd64e894ac6d9aad7052a92ab9a2071ed49e": "frontier-api/reports/sandbagging-probe.md",
    "8479245b3197ba6bb063063abcdfa81409c6a04c949b6c89f91b68834eedd0b0": "frontier-api/evals/rnd-tasks.json",
    "91a40f1168e4821d3ae3e15a1e8277d2b9cc18b9a09acc367ecf655fc026fb32": "frontier-api/evals/bio-uplift.json",
    "a2a59e56636a41091c6e21fa14855c739b390b0b27ce7c26b299e6bd80dea5f6": "frontier-api/reports/kyc-test.json",
    "aa68b581cda58a6708fcc6b3562ef28e9214b0a81cd26937ba54a713930637c2": "frontier-api/reports/egress-test.md",
    "ae7efea326bd843cef4a6f73db7eedd4eaabfdec5b3a2131f18267f168f29aa1": "frontier-api/reports/redteam-classifier.md",
    "cd3d4f7210dc579713f78aa0e6da2165a4e075bb410f748223ad70b34301995b": "frontier-api/reports/refusal-test.json",
    "d7a548ff6d82d388ba83f50ab1f37f9726afb50d3d22b97f02f7479635d681c2": "frontier-api/reports/abuse-monitoring-test.json",
    "f28ad0da55c151bd68c3d94985e4eac00f9faf8a6fe5ba081f98d832371d0231": "frontier-api/reports/weights-audit.md",
}


def _write() -> None:
    from pathlib import Path

    from .templates import template_artifacts

    me = Path(__file__)
    text = me.read_text()
    head, _, rest = text.partition("TEMPLATE_ARTIFACTS: dict[str, str] = {\n")
    _, _, tail = rest.partition("}\n")
    body = "".join(f'    "{digest}": "{path}",\n' for digest, path in sorted(template_artifacts().items()))
    me.write_text(head + "TEMPLATE_ARTIFACTS: dict[str, str] = {\n" + body + "}\n" + tail)


if __name__ == "__main__":
    _write()
