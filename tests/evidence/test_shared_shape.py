"""Items of one shape (one log, threshold and kind, the same recorded values) are weighed once:
an item that differs from the others in what it records is still compared with its log on its
own, and every item gets the values its log gives."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from casegate.evidence import facts_for, rehash_artifacts
from casegate.load import load_case

_LOG = {"format": "casegate-results/1", "task": "synthetic", "model": "acme/atlas-2", "status": "success",
        "created": "2026-10-01T09:00:00Z", "scale": "binary", "successes": 3, "trials": 400}


def _case(tmp: Path, items: dict[str, str]) -> Path:
    (tmp / "evals").mkdir()
    raw = json.dumps(_LOG).encode()
    (tmp / "evals" / "suite.json").write_bytes(raw)
    sha = hashlib.sha256(raw).hexdigest()
    ev = "".join(f"  {eid}: {{kind: eval, producer: lab, artifact: evals/suite.json, sha256: {sha}, {extra}}}\n"
                 for eid, extra in items.items())
    (tmp / "case.yaml").write_text(
        "casegate: 1\nkind: case\nid: c\ntitle: C\ndate: 2026-11-20\npolicy: builtin:anthropic-rsp\n"
        "system: {name: S, version: '1', digests: [sha256:" + "1" * 64 + "]}\n"
        "argument:\n  top: G0\n  elements:\n    G0: {claim: It holds., evidence: [" + ", ".join(items) + "]}\n"
        "evidence:\n" + ev)
    return tmp / "case.yaml"


def test_an_item_that_records_otherwise_among_items_of_one_shape_is_compared_on_its_own(tmp_path: Path) -> None:
    same = "date: 2026-10-01"
    items = {"E1": same, "E2": same, "E3": "date: 2026-09-30", "E4": same + ", result: {successes: 9, trials: 400}",
             "E5": same, "E6": same + ", source: {tool: other, model: acme/other}", "E7": same}
    loaded = load_case(_case(tmp_path, items), root=tmp_path)
    case, facts = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    assert facts is not None and case is not None
    got = sorted((m.evidence_id, m.fact) for m in facts.mismatches)
    assert got == [("E3", "date"), ("E4", "counts"), ("E6", "model")]
    for eid in items:
        ev = case.evidence[eid]
        assert (ev.result.successes, ev.result.trials, ev.eval_set, ev.date.isoformat()) == (3, 400, ["synthetic"],
                                                                                           "2026-10-01"), eid
        assert ev.source is not None and ev.source.model == "acme/atlas-2"
    plain = {eid: case.evidence[eid].model_dump(exclude={"title"}) for eid in ("E1", "E2", "E5", "E7")}
    assert all(v == plain["E1"] for v in plain.values())
    assert facts.bases() == dict.fromkeys(items, "derived")


def test_an_item_typed_otherwise_is_not_given_the_kind_of_an_item_of_its_shape(tmp_path: Path) -> None:
    """Two items of one run, one typed `eval` for the threshold and one typed `expert-review` with
    nothing said: the second is weighed as an evaluation (its log ran the policy's task for
    `cyber-high`), and keeps that kind though the first settled the run's values."""
    import re
    import shutil

    d = tmp_path / "atlas-api"
    shutil.copytree(Path(__file__).resolve().parents[2] / "examples" / "atlas-api", d)
    ev = (d / "evidence.yaml").read_text()
    block = re.search(r"  E-cyber-ctf:\n(    .*\n)+", ev)
    assert block is not None
    sha = re.search(r"sha256: (\w+)", block.group(0))
    assert sha is not None
    common = (f"    artifact: evals/cyber-ctf.json\n    sha256: {sha.group(1)}\n    producer: acme-frontier-evals\n"
              "    date: 2026-10-02\n")
    (d / "evidence.yaml").write_text(ev + "  E-same-run:\n    kind: eval\n" + common + "    threshold: cyber-high\n"
                                     + "  E-same-run-review:\n    kind: expert-review\n" + common)
    loaded = load_case(d / "case.yaml")
    case, facts = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    assert facts is not None and case is not None
    assert [(e, case.evidence[e].kind, case.evidence[e].threshold) for e in ("E-same-run", "E-same-run-review")] == [
        ("E-same-run", "eval", "cyber-high"), ("E-same-run-review", "eval", "cyber-high")]
