"""`casegate verify --model PATH` computes the model digest itself: the model the decision was
made for verifies; a changed weights file does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from casegate.evidence import model_digest
from casegate.sign import parse_instant, sign_case
from casegate.verify import decide_case, write_bundle
from tests.sign.helpers import MODEL, make_world

ROOT = Path(__file__).resolve().parents[2]
AT = parse_instant("2026-11-25")


def test_verify_model_path(tmp_path: Path) -> None:
    model = tmp_path / "atlas-2"
    (model / "shards").mkdir(parents=True)
    (model / "config.json").write_text('{"layers": 48}')
    (model / "shards" / "00001.safetensors").write_bytes(os.urandom(4096))
    digest = model_digest(model).digest
    w = make_world(tmp_path)
    text = w.case.read_text()
    assert f"digests: [{MODEL}]" in text
    w.case.write_text(text.replace(f"digests: [{MODEL}]", f"digests: [{digest}]"))
    for name, role in {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    write_bundle(bundle, w.dir / "decision.bundle.json")
    # verify fails closed: a trust root pinning the policy and keyring, and the case's state proof
    from casegate.approve import approve
    from casegate.monitor import submit_for_review
    from casegate.store import open_registry
    from tests.verify.trusted import log_clock, make_trust

    db = f"sqlite:///{tmp_path / 'registry.db'}"
    with open_registry(db) as reg, log_clock():
        reg.submit_case(w.load())
        submit_for_review(reg, "atlas-2-api", by="Sam Whitfield")
        approve(reg, record, bundle, w.ring, unpinned=True)
    t = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    proof = t.proof(db, "atlas-2-api", tmp_path / "state-proof.json")

    def verify(*extra: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        env.pop("CASEGATE_DATABASE_URL", None)
        return subprocess.run([sys.executable, "-m", "casegate", "verify", "--bundle", str(w.dir / "decision.bundle.json"),
                               "--boundary", "api", "--at", "2026-12-01", "--keyring", str(w.ring_path),
                               "--trust-root", str(t.dir), "--state-proof", str(proof), *extra],
                              capture_output=True, text=True, env=env, cwd=tmp_path)

    ok = verify("--model", str(model))
    assert ok.returncode == 0, ok.stderr
    assert f"note: model digest {digest} computed from {model}" in ok.stderr
    (model / "shards" / "00001.safetensors").write_bytes(os.urandom(4096))
    bad = verify("--model", str(model))
    assert bad.returncode == 1
    assert f"the bundle is for model digest {digest}, not {model_digest(model).digest}" in bad.stderr
    both = verify("--model", str(model), "--model-digest", digest)
    assert both.returncode == 2 and "one of them" in both.stderr
    neither = verify()
    assert neither.returncode == 2 and "one of them" in neither.stderr
