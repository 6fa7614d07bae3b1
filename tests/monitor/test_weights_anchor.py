"""The weights the registry hashed itself are what ties a case to its history, on SQLite and
PostgreSQL, through the commands a lab and a deploy pipeline run.

The lab's attack: version 1 of atlas-2-api (its cyber evaluation solved 33 of 200) is approved.
The lab files the next case under a new id (atlas-2-api-ga), a new system version and a new model
digest (the same weights file with one more file beside it), with the evaluation log rewritten to
a better score. Everything that linked it to atlas-2-api (case id, system name and version,
declared digests) is the lab's to change, so the gate compared it with nothing and said GO. (The
runs it cites unchanged are now found in atlas-2-api's approved version, CG351; the lab here decides
against a registry of its own, which holds nothing.)
Now the registry approves a decision past internal use only on weights it hashed itself
(`registry submit --model`), and once it has hashed them the renamed case is compared with
atlas-2-api's history. A deploy of a version the registry approved without hashing its weights
(an approval logged before this rule) is not verified."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests._deploy import RATE_LIMITS
from tests._evaluators import attest_again
from tests.monitor.test_cli import DIGEST, ROLES, Ran, _cg, approved, signed  # noqa: F401 - fixtures used by name
from tests.verify.trusted import DEMO_EXIT

GA = "atlas-2-api-ga"


def _fewer_solved(log: Path, n: int) -> None:
    """Rewrite a casegate-results log so that only `n` samples are ever solved."""
    d = json.loads(log.read_text())
    ids = sorted({s["id"] for s in d["samples"]})
    solved = [i for i in ids if any(s["score"] == 1 for s in d["samples"] if s["id"] == i)]
    keep = set(solved[:n])
    for s in d["samples"]:
        if s["id"] not in keep:
            s["score"] = 0
    log.write_text(json.dumps(d))


def _renamed(tmp: Path, db: str) -> str:
    """The lab's next case: another id, system version and digest (one more file beside the same
    weights), the CTF log rewritten to 12 solved and pinned again, signed off and decided against
    the registry. Returns the new model digest."""
    ga = tmp / "ga"
    shutil.copytree(tmp / "case", ga, ignore=shutil.ignore_patterns("signoffs", "*.bundle.json", "authors*"))
    (ga / "model" / "generation_config.json").write_text('{"temperature": 0.7}\n')
    digest = _cg(tmp, db, "digest", "ga/model").stdout.strip()
    assert digest != DIGEST
    text = (ga / "case.yaml").read_text()
    for old, new in (("id: atlas-2-api\n", f"id: {GA}\n"), ("  version: 2.1.0\n", "  version: 2.1.1\n"),
                     (DIGEST, digest)):
        assert old in text, old
        text = text.replace(old, new)
    (ga / "case.yaml").write_text(text)
    # the outside evaluators' attestations sign the weights' digests: the lab has them sign again
    # for the new manifest (the weights are the same), or its own gate would already say NO-GO
    from casegate.load import load_case
    from casegate.sign import load_keyring

    attest_again(load_case(ga / "case.yaml"), load_keyring(tmp / "keyring.yaml"))
    _fewer_solved(ga / "evals" / "cyber-ctf.json", 12)
    _cg(tmp, db, "evidence", "pin", "ga/evals/cyber-ctf.json", "--case", "ga/case.yaml", "--id", "E-cyber-ctf")
    for role in ROLES:
        _cg(tmp, db, "sign", "ga/case.yaml", "--role", role, "--key", f"keys/{role}.pem", "--force")
    _cg(tmp, db, "authors", "sign", "ga/case.yaml", "--role", "author", "--key", "keys/author.pem")
    return digest


def _decision(tmp: Path, db: str) -> Ran:
    """The lab's decision on the renamed case, made against a registry of its own that holds nothing
    (against the shared one, the runs atlas-2-api's approved version cited block it: CG351)."""
    lab = f"sqlite:///{tmp / 'lab-own.db'}"
    p = _cg(tmp, lab, "decide", "ga/case.yaml", "--key", "keys/rso.pem", "--role", "rso", code=None)
    return p


def test_a_renamed_case_about_the_same_weights_is_not_approved_until_the_registry_hashed_them(
        approved: tuple[Path, str]) -> None:  # noqa: F811
    """Reason: the lab's renamed case (new id, system version and digest, the same weights file, a
    rewritten CTF log) was compared with nothing and approved GO; its deploy verified."""
    tmp, db = approved
    _renamed(tmp, db)
    first = _decision(tmp, db)
    # what the lab declares links it to nothing: decided against a registry that holds nothing, GO
    assert first.returncode == 0, first.stderr
    assert f"{GA} 1.0 -> api: GO\n" in first.stdout
    # against the shared registry the case has no history, but the runs it cites are atlas-2-api's
    gate = _cg(tmp, db, "gate", "ga/case.yaml", code=1)
    assert f"nothing: first version (the registry has no case '{GA}')" in gate.stdout
    assert "CG351" in gate.stdout and "case atlas-2-api version 1.0" in gate.stdout
    shutil.copy2(tmp / "ga" / "decision.bundle.json", tmp / "ga-first.bundle.json")
    # submitted without its weights, the registry cannot tell which model it is about: no approval
    _cg(tmp, db, "registry", "submit", "ga/case.yaml")
    _cg(tmp, db, "state", "set", GA, "under-review", "--by", "Sam Whitfield")
    refused = _cg(tmp, db, "state", "apply", "--unpinned", GA, "--decision", "ga-first.bundle.json", code=4)
    assert f"the registry does not approve version 1 of {GA} for api: it never hashed the weights" in refused.stderr
    assert "casegate registry submit CASE --model PATH" in refused.stderr
    # the registry hashes them: the weights file is atlas-2-api's, whatever the digest, id or version
    _cg(tmp, db, "registry", "submit", "ga/case.yaml", "--model", "ga/model")
    stale = _cg(tmp, db, "state", "apply", "--unpinned", GA, "--decision", "ga-first.bundle.json", code=4)
    assert f"the decision on version 1 of {GA} was not compared with what this registry remembers" in stale.stderr
    assert "case atlas-2-api version" in stale.stderr
    # decided against the registry now, the gate compares it with atlas-2-api's history and blocks
    gate = _cg(tmp, db, "gate", "ga/case.yaml", "--format", "json", code=1)
    record = json.loads(gate.stdout)
    assert record["outcome"] == "NO-GO"
    assert any(c["case"] == "atlas-2-api" for c in record["compared"]), record["compared"]
    blocking = {f["code"] for f in record["findings"] if f["severity"] == "blocking"}
    assert "CG327" in blocking, sorted(blocking)
    ctf = next(f for f in record["findings"] if f["code"] == "CG327")
    assert "atlas-2-api" in ctf["message"], ctf["message"]


def _trust(tmp: Path):  # type: ignore[no-untyped-def]
    from tests.verify.trusted import Trust, make_trust

    t = Trust(tmp / "root" / "trust", tmp / "root" / "log.pem", tmp / "root" / "root.key")
    if not t.dir.exists():
        t = make_trust(tmp / "root", policy=tmp / "case" / "policy.yaml", keyring=tmp / "keyring.yaml")
    return t


def _verify(tmp: Path, db: str, *extra: str, code: int | None, boundary: str = "api") -> Ran:
    t = _trust(tmp)
    t.checkpoint(db)
    return _cg(tmp, db, "verify", "--bundle", "case/decision.bundle.json", "--boundary", boundary,
               "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--trust-root", str(t.dir), *extra, code=code)


@pytest.fixture
def approved_unhashed(signed: Path, tmp_path: Path, database_url: str,  # noqa: F811
                      monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """The example approved by a registry that did not require its weights hashed (an approval
    logged before the rule; here the registry's check is switched off to log one)."""
    import casegate.monitor._lifecycle as lifecycle

    for name in ("case", "keys"):
        shutil.copytree(signed / name, tmp_path / name)
    shutil.copy2(signed / "keyring.yaml", tmp_path / "keyring.yaml")
    _cg(tmp_path, database_url, "registry", "submit", "case/case.yaml")
    _cg(tmp_path, database_url, "state", "set", "atlas-2-api", "under-review", "--by", "acme-safety-team")
    with monkeypatch.context() as m:
        m.setattr(lifecycle, "check_weights_hashed", lambda *a, **k: None, raising=False)
        _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision",
            "case/decision.bundle.json")
    return tmp_path, database_url


def test_a_version_approved_without_hashed_weights_does_not_deploy(approved_unhashed: tuple[Path, str]) -> None:
    """Reason: a decision whose weights the registry never hashed verified for an api deploy given
    its digest, so a renamed case about the same weights deployed without its history."""
    tmp, db = approved_unhashed
    p = _verify(tmp, db, "--model-digest", DIGEST, code=1)
    assert (f"the registry never logged the files of model {DIGEST} for version 1 of atlas-2-api: it did not hash "
            "the weights itself") in p.stderr
    assert "casegate registry submit CASE --model PATH" in p.stderr
    # the same with a state proof, offline
    t = _trust(tmp)
    proof = t.proof(db, "atlas-2-api", tmp / "state-proof.json")
    p = _verify(tmp, db, "--model-digest", DIGEST, "--state-proof", str(proof), code=1)
    assert "the registry never logged the files of model" in p.stderr
    # and `state show` (what a deploy pipeline gets now) says so too
    shown = _cg(tmp, db, "state", "show", "atlas-2-api", code=None)
    assert "NOT DEPLOYABLE" in shown.stdout and "never logged the files of model" in shown.stdout, shown.stdout
    # hashing them after the approval does not make it deployable: the approval was judged without them
    _cg(tmp, db, "registry", "submit", "case/case.yaml", "--model", "case/model")
    p = _verify(tmp, db, "--model", "case/model", code=1)
    assert f"the registry logged the files of model {DIGEST} for version 1 of atlas-2-api at log entry" in p.stderr
    assert "after it approved the decision" in p.stderr
    assert p.stderr.count("never logged the files") == 0


def test_an_internal_deploy_needs_no_hashed_weights(approved_unhashed: tuple[Path, str]) -> None:
    """Internal use is as before: a deploy across an internal boundary under the same decision is
    not held to hashed weights (the lifecycle and signatures are checked as ever)."""
    tmp, db = approved_unhashed
    p = _verify(tmp, db, "--model-digest", DIGEST, code=None, boundary="internal-deployment")
    assert "never logged the files of model" not in p.stderr, p.stderr


def test_the_approved_demo_path_verifies(approved: tuple[Path, str]) -> None:  # noqa: F811
    """The example approved with its weights hashed at submission verifies, by digest and by folder."""
    tmp, db = approved
    # (on the tests' keyrings, which hold published keys: a demonstration, everything else verified)
    _verify(tmp, db, "--model-digest", DIGEST, code=DEMO_EXIT)
    p = _verify(tmp, db, "--model", "case/model", code=DEMO_EXIT)
    assert "files are those the registry logged for version 1 of atlas-2-api" in p.stderr


def test_the_stand_in_model_hashes_to_the_examples_digest() -> None:
    from casegate.evidence import model_digest

    root = Path(__file__).resolve().parents[2]
    assert model_digest(root / "examples" / "atlas-api" / "model").digest == DIGEST


def test_every_model_a_decision_is_for_must_have_been_hashed() -> None:
    """A case listing a second digest beside the evaluated weights, with only the first model's
    files logged, is not approved past internal use: the refusal names the digest never hashed.
    Once every listed model's files are logged, this check lets the approval through (the gate
    and the attestations judge whether anything measured the second)."""
    from types import SimpleNamespace

    from casegate.model import BoundaryKind
    from casegate.monitor import IllegalTransitionError
    from casegate.monitor._lifecycle import check_weights_hashed
    from casegate.store import MODEL_FILES_EVENT

    second = "sha256:" + "d" * 64
    listed = {"weights": [["w.safetensors", "a" * 64]], "files": [["w.safetensors", "a" * 64], ["config.json", "b" * 64]],
              "content": "sha256:" + "c" * 64}
    logged: list[SimpleNamespace] = [SimpleNamespace(payload={"version": 1, "digest": DIGEST, **listed})]

    class Reg:
        def events(self, case_id: str, kind: str) -> list[SimpleNamespace]:
            assert (case_id, kind) == ("atlas-2-api", MODEL_FILES_EVENT)
            return logged

    record = SimpleNamespace(outcome="GO WITH CONDITIONS", boundary=BoundaryKind.api, case_id="atlas-2-api",
                             digests=SimpleNamespace(model=[DIGEST, second]))
    with pytest.raises(IllegalTransitionError) as refused:
        check_weights_hashed(Reg(), record, 1)  # type: ignore[arg-type]
    assert f"no file list logged for {second})" in str(refused.value)
    assert DIGEST not in str(refused.value)
    logged.append(SimpleNamespace(payload={"version": 2, "digest": second, **listed}))  # another version's
    with pytest.raises(IllegalTransitionError):
        check_weights_hashed(Reg(), record, 1)  # type: ignore[arg-type]
    # a file list naming no weights file among the files is not the weights hashed (nor is one
    # whose weights are not among its files)
    for unlisted in ({**listed, "weights": []}, {"files": listed["files"]},
                     {**listed, "weights": [["w.safetensors", "c" * 64]]}):
        logged.append(SimpleNamespace(payload={"version": 1, "digest": second, **unlisted}))
        with pytest.raises(IllegalTransitionError, match=f"no file list logged for {second}"):
            check_weights_hashed(Reg(), record, 1)  # type: ignore[arg-type]
    logged.append(SimpleNamespace(payload={"version": 1, "digest": second, **listed}))
    check_weights_hashed(Reg(), record, 1)  # type: ignore[arg-type]
