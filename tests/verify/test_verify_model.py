"""`casegate verify --model PATH` computes the model digest itself: the model the decision was
made for verifies; a changed weights file does not. The digest (model-signing's root digest)
does not cover file names, so the deployed files are also held, path for path, to those the
registry logged for the decided version (`registry submit --model`), with a state proof as with
the registry itself; without such a list `verify --model` refuses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from casegate.evidence import model_digest
from casegate.sign import parse_instant, sign_case
from casegate.verify import decide_case, write_bundle
from tests._deploy import RATE_LIMITS
from tests._evaluators import attest_again
from tests._weights import safetensors
from tests.sign.helpers import MODEL, make_world
from tests.verify.trusted import DEMO_EXIT

ROOT = Path(__file__).resolve().parents[2]
AT = parse_instant("2026-11-25")
CASE = "atlas-2-api"
FILTER = b"enabled: true\nclassifier: exploit-filter\n"


AT_DEPLOY = "2026-12-01T00:00:00Z"
"""When the deploy is verified: twelve hours after the approval, before the case's monitors, which
have no readings here, are silent past their 24 hours (a trigger of its own `verify --db` applies)."""


@dataclass
class Deployed:
    model: Path
    """The approved model folder."""
    digest: str
    db: str
    keyring: Path
    proof: Path
    verify: Callable[..., subprocess.CompletedProcess[str]]
    """verify(*extra): `casegate verify` of the decision at `AT_DEPLOY` (add --model, --state-proof or --db)."""
    case: Path
    """The approved case's main file."""
    checkpoint: Callable[[], str]
    """Sign a checkpoint of the registry's log as it stands."""


def _approved(tmp_path: Path, *, log_files: bool = True, weights_at: str = "shards/00001.safetensors",
              decoy: bool = False, extra: dict[str, bytes] | None = None) -> Deployed:
    """A model folder (weights at `weights_at`, the safety filter's configuration, with `decoy` a
    64-byte `adapter.safetensors`, and the files `extra`, path to bytes, written over any of those)
    whose digest the example case names, signed off, decided,
    submitted (its files logged when `log_files`, as `registry submit --model` does), approved,
    and a state proof of the case."""
    from casegate.approve import approve
    from casegate.monitor import record_model_files, submit_for_review
    from casegate.store import open_registry
    from tests.verify.trusted import log_clock, make_trust

    model = tmp_path / "atlas-2"
    (model / "shards").mkdir(parents=True)
    (model / "config.json").write_text('{"layers": 48}')
    (model / weights_at).write_bytes(safetensors(4096))
    if decoy:
        (model / "adapter.safetensors").write_bytes(os.urandom(64))
    (model / "safety_filter.yaml").write_bytes(FILTER)
    for rel, data in (extra or {}).items():
        (model / rel).parent.mkdir(parents=True, exist_ok=True)
        (model / rel).write_bytes(data)
    md = model_digest(model)
    w = make_world(tmp_path)
    text = w.case.read_text()
    assert f"digests: [{MODEL}]" in text
    w.case.write_text(text.replace(f"digests: [{MODEL}]", f"digests: [{md.digest}]"))
    attest_again(w.load(), w.ring)  # the outside evaluators ran their tests on these weights
    for name, role in {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    write_bundle(bundle, w.dir / "decision.bundle.json")
    # verify fails closed: a trust root pinning the policy and keyring, and the case's state proof
    db = f"sqlite:///{tmp_path / 'registry.db'}"
    with open_registry(db) as reg, log_clock():
        v = reg.submit_case(w.load())
        if log_files:
            assert record_model_files(reg, CASE, v.number, md.digest, md.resources, weights=md.weights) is not None
        submit_for_review(reg, CASE, by="Sam Whitfield")
        if log_files:
            approve(reg, record, bundle, w.ring, unpinned=True)
        else:  # an approval logged by a registry that did not require the weights hashed
            import casegate.monitor._lifecycle as lifecycle

            real = getattr(lifecycle, "check_weights_hashed", None)
            lifecycle.check_weights_hashed = lambda *a, **k: None  # type: ignore[attr-defined]
            try:
                approve(reg, record, bundle, w.ring, unpinned=True)
            finally:
                if real is not None:
                    lifecycle.check_weights_hashed = real  # type: ignore[attr-defined]
    t = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    proof = t.proof(db, CASE, tmp_path / "state-proof.json")

    def verify(*extra: str) -> subprocess.CompletedProcess[str]:
        # the command's clock at the story's time: a deploy is judged as of now as well as of --at
        from tests.verify.trusted import cli_at

        return cli_at(parse_instant(AT_DEPLOY), tmp_path, "verify", "--bundle", str(w.dir / "decision.bundle.json"),
                      "--boundary", "api", "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--at", AT_DEPLOY,
                      "--keyring", str(w.ring_path), "--trust-root", str(t.dir), *extra)

    return Deployed(model, md.digest, db, w.ring_path, proof, verify, w.case, lambda: t.checkpoint(db))


def test_verify_model_path(tmp_path: Path) -> None:
    d = _approved(tmp_path)
    model, digest = d.model, d.digest
    ok = d.verify("--model", str(model), "--state-proof", str(d.proof))
    assert ok.returncode == DEMO_EXIT, ok.stderr
    assert f"note: model digest {digest} computed from {model}" in ok.stderr
    assert f"note: the model's 3 files are those the registry logged for version 1 of {CASE}" in ok.stderr
    assert "git repository" not in ok.stderr and "hard links" not in ok.stderr
    with_db = d.verify("--model", str(model), "--db", d.db)
    assert with_db.returncode == DEMO_EXIT, with_db.stderr
    # this test registry approved without a trust root: verify says so (and judged it under its own)
    assert "approved the decision (log entry" in with_db.stderr and "unpinned, with no trust root" in with_db.stderr
    (model / "shards" / "00001.safetensors").write_bytes(safetensors(4096))
    bad = d.verify("--model", str(model), "--state-proof", str(d.proof))
    assert bad.returncode == 1
    assert f"the bundle is for model digest {digest}, not {model_digest(model).digest}" in bad.stderr
    both = d.verify("--model", str(model), "--model-digest", digest, "--state-proof", str(d.proof))
    assert both.returncode == 2 and "one of them" in both.stderr
    neither = d.verify("--state-proof", str(d.proof))
    assert neither.returncode == 2 and "one of them" in neither.stderr


def _moved_filter(d: Deployed, where: Path) -> Path:
    """The approved folder with its safety filter's configuration moved out of the loader's way,
    a move that keeps model-signing's root digest (the names order the digests; they are not hashed)."""
    shutil.copytree(d.model, where)
    (where / "disabled").mkdir()
    (where / "safety_filter.yaml").rename(where / "disabled" / "safety_filter.yaml.off")
    assert model_digest(where).digest == d.digest
    return where


def test_a_model_folder_with_its_safety_config_moved_away_does_not_verify(tmp_path: Path) -> None:
    """Attack: the lab deploys the approved folder with `safety_filter.yaml` moved to
    `disabled/safety_filter.yaml.off`: every byte is the same and so is the digest, but the filter
    is no longer loaded. Against the state proof and against the registry it is not verified."""
    d = _approved(tmp_path)
    moved = _moved_filter(d, tmp_path / "deployed")
    for source in (("--state-proof", str(d.proof)), ("--db", d.db)):
        r = d.verify("--model", str(moved), *source)
        assert r.returncode == 1, (source, r.stderr)
        assert f"the model files deployed are not those the registry logged for version 1 of {CASE}" in r.stderr
        assert "safety_filter.yaml moved to disabled/safety_filter.yaml.off" in r.stderr
        assert "Traceback" not in r.stderr
    # a file renamed in place (the same order, so the same digest) is caught the same way
    renamed = tmp_path / "renamed"
    shutil.copytree(d.model, renamed)
    (renamed / "safety_filter.yaml").rename(renamed / "safety_filter.yml.off")
    assert model_digest(renamed).digest == d.digest
    r = d.verify("--model", str(renamed), "--state-proof", str(d.proof))
    assert r.returncode == 1 and "safety_filter.yaml moved to safety_filter.yml.off" in r.stderr


def test_a_state_proof_without_the_models_files_does_not_verify_a_model_folder(tmp_path: Path) -> None:
    """Attack: the lab strips the `model-files` entry from the state proof (or rewrites the names
    it lists), so that nothing the proof carries says what the files were called. Fail closed:
    without the list the folder is not verified, and an altered list is not in the log."""
    d = _approved(tmp_path)
    doc = json.loads(d.proof.read_text())
    assert [e["kind"] for e in doc["entries"]].count("model-files") == 1
    stripped = tmp_path / "stripped.json"
    stripped.write_text(json.dumps({**doc, "entries": [e for e in doc["entries"] if e["kind"] != "model-files"]}))
    moved = _moved_filter(d, tmp_path / "deployed")
    for folder in (d.model, moved):
        r = d.verify("--model", str(folder), "--state-proof", str(stripped))
        assert r.returncode == 1, r.stderr
        assert "the state proof must hold every log entry from" in r.stderr, r.stderr  # an entry was left out
    for e in doc["entries"]:
        if e["kind"] == "model-files":
            e["payload"]["files"] = [["disabled/safety_filter.yaml.off" if p == "safety_filter.yaml" else p, h]
                                     for p, h in e["payload"]["files"]]
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(doc))
    r = d.verify("--model", str(moved), "--state-proof", str(forged))
    assert r.returncode == 1 and "NOT verified" in r.stderr, r.stderr


def test_verify_model_refuses_when_the_registry_never_logged_the_models_files(tmp_path: Path) -> None:
    """Fail closed: a case approved without `--model` (by a registry that did not require it) gives
    `verify --model` nothing to compare the folder's names with, so it is not verified (the reason,
    given once, says how to log them); with the registry too. Past internal use `--model-digest`
    (the pipeline vouches for the digest itself) is refused as well: the registry never hashed the
    weights that would tie the case to the other cases about them."""
    d = _approved(tmp_path, log_files=False)
    for source in (("--state-proof", str(d.proof)), ("--db", d.db)):
        r = d.verify("--model", str(d.model), *source)
        assert r.returncode == 1, r.stderr
        assert r.stderr.count(f"the registry never logged the files of model {d.digest} for version 1 of {CASE}") == 1
        assert "casegate registry submit CASE --model PATH" in r.stderr
    by_digest = d.verify("--model-digest", d.digest, "--state-proof", str(d.proof))
    assert by_digest.returncode == 1, by_digest.stderr
    assert f"the registry never logged the files of model {d.digest} for version 1 of {CASE}" in by_digest.stderr


def test_the_review_boards_state_proof_carries_the_models_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`verify --model --registry-url`: the proof the board serves carries the `model-files`
    entry, so the honest folder verifies and the moved safety configuration does not."""
    from casegate.web import Settings, TokenStore, create_app
    from tests.loopback import serve

    d = _approved(tmp_path)
    moved = _moved_filter(d, tmp_path / "deployed")
    _, token = TokenStore(tmp_path / "tokens.json").create("Sam Whitfield", ["rso"])
    app = create_app(Settings(database_url=d.db, keyring=d.keyring, tokens=tmp_path / "tokens.json",
                              secret=b"test-secret", log_key=tmp_path / "root" / "log.pem"))
    monkeypatch.setenv("CASEGATE_BOARD_TOKEN", token)
    with serve(app) as base:
        ok = d.verify("--model", str(d.model), "--registry-url", base)
        bad = d.verify("--model", str(moved), "--registry-url", base)
    assert ok.returncode == DEMO_EXIT, ok.stderr
    assert bad.returncode == 1, bad.stderr
    assert "safety_filter.yaml moved to disabled/safety_filter.yaml.off" in bad.stderr


def test_weights_renamed_beside_a_decoy_do_not_deploy_while_another_case_of_them_is_withdrawn(tmp_path: Path) -> None:
    """Attack: the weights of a case the registry holds withdrawn are deployed under another
    case with their file renamed out of the weights names (`00001.safetensors.part0`) and a
    64-byte `adapter.safetensors` beside them, so that the only file named as weights is the decoy.
    The registry knows them by their bytes: the renamed file is a safetensors file holding a
    tensor, the decoy holds none, and any deployed file with the bytes of a weights file hashed for
    the withdrawn case is refused with `--db`."""
    from casegate.load import load_case
    from casegate.monitor import CaseState, act, record_model_files
    from casegate.store import open_registry

    d = _approved(tmp_path, weights_at="shards/00001.safetensors.part0", decoy=True)
    md = model_digest(d.model)
    assert md.weights == ("shards/00001.safetensors.part0",)  # the decoy is not the weights
    other = tmp_path / "other-model"
    other.mkdir()
    (other / "model.safetensors").write_bytes((d.model / "shards" / "00001.safetensors.part0").read_bytes())
    (other / "config.json").write_text('{"layers": 48}')
    omd = model_digest(other)
    other_case = d.case.with_name("other-case.yaml")
    other_case.write_text(d.case.read_text().replace("id: atlas-2-api\n", "id: atlas-2-api-r0\n")
                          .replace(d.digest, omd.digest))
    with open_registry(d.db) as reg:
        v = reg.submit_case(load_case(other_case))
        assert record_model_files(reg, "atlas-2-api-r0", v.number, omd.digest, omd.resources,
                                  weights=omd.weights) is not None
        act(reg, "atlas-2-api-r0", CaseState.withdrawn, role="rso", reason="the weights leaked")
    d.checkpoint()
    r = d.verify("--model", str(d.model), "--db", d.db)
    assert r.returncode == 1, r.stderr
    assert ("the weights deployed include a file the registry hashed for version 1 of case atlas-2-api-r0, which is "
            "withdrawn") in r.stderr, r.stderr
    assert "shards/00001.safetensors.part0 has the bytes of its model.safetensors" in r.stderr
    # its own approval alone verifies (the state proof covers one case and compares no other)
    ok = d.verify("--model", str(d.model), "--state-proof", str(d.proof))
    assert ok.returncode == DEMO_EXIT, ok.stderr


def test_weights_under_dot_git_do_not_deploy_beside_the_approved_ones(tmp_path: Path) -> None:
    """Attack: the lab deploys the approved folder with more weights under `.git` (a Hugging Face
    clone keeps its LFS weights in `.git/lfs/objects`; an adapter could sit at `.git/adapter.safetensors`):
    model-signing leaves `.git` out, so the digest and the file list are the approved ones and it
    verified. Now refused, naming the path; git's own metadata alone is not."""
    d = _approved(tmp_path)
    plain = tmp_path / "clone"
    shutil.copytree(d.model, plain)
    (plain / ".git").mkdir()
    (plain / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (plain / ".git" / "config").write_text("[core]\n\tbare = false\n")
    assert model_digest(plain).digest == d.digest
    ok = d.verify("--model", str(plain), "--state-proof", str(d.proof))
    assert ok.returncode == DEMO_EXIT, ok.stderr
    # what a deploy pushing or cloning the repository carries is its commits, which verify does not read
    assert "note: the model folder is a git repository (.git): the files checked are those of its work tree" \
        in ok.stderr, ok.stderr
    for extra in (".git/lfs/objects/ab/cd/abcd" + "0" * 60, ".git/adapter.safetensors"):
        where = tmp_path / extra.replace("/", "_")
        shutil.copytree(plain, where)
        (where / extra).parent.mkdir(parents=True, exist_ok=True)
        (where / extra).write_bytes(safetensors(8192))
        assert model_digest(where).digest == d.digest
        r = d.verify("--model", str(where), "--state-proof", str(d.proof))
        assert r.returncode == 1, r.stderr
        assert f"the model folder holds {extra}, which the model digest leaves out" in r.stderr
        assert "Traceback" not in r.stderr


def test_what_a_lab_changes_in_the_approved_folder_does_not_verify(tmp_path: Path) -> None:
    """The lab's moves on the approved folder, each through `verify --model`: a hidden file added
    (a `.chat_template.jinja` beside the rest: only `.git`, `.gitattributes`, `.github` and
    `.gitignore` at the top are left out), a generation config added, a `Config.json` beside
    `config.json` (names are compared by their exact bytes), an adapter under `shards/.git` (only
    the top-level git paths are left out) and the weights file given alone are other digests and
    are not verified; a symbolic link
    to a file outside the folder and a named pipe (bytes that change at each read) are refused
    (exit 2). An empty directory adds nothing a loader reads and verifies. A file hard-linked to a
    name outside the folder verifies (its bytes are the approved ones as verify reads them), with a
    note that a write through the other name changes what deploys after the check."""
    d = _approved(tmp_path)

    def deployed(name: str, move: Callable[[Path], object]) -> subprocess.CompletedProcess[str]:
        where = tmp_path / name
        shutil.copytree(d.model, where)
        move(where)
        return d.verify("--model", str(where), "--state-proof", str(d.proof))

    other = {
        "hidden": lambda w: (w / ".chat_template.jinja").write_text("{{ messages | last }}"),
        "generation": lambda w: (w / "generation_config.json").write_text('{"temperature": 2.0}'),
        "upper": lambda w: (w / "Config.json").write_text('{"layers": 2}'),
        "nested-git": lambda w: ((w / "shards" / ".git").mkdir(),
                                 (w / "shards" / ".git" / "adapter.safetensors").write_bytes(safetensors(8192))),
    }
    for name, move in other.items():
        r = deployed(name, move)
        assert r.returncode == 1, (name, r.stderr)
        assert f"the bundle is for model digest {d.digest}, not sha256:" in r.stderr, (name, r.stderr)
    outside = tmp_path / "outside.yaml"
    outside.write_bytes(FILTER)

    def linked(w: Path) -> None:
        (w / "safety_filter.yaml").unlink()
        (w / "safety_filter.yaml").symlink_to(outside)

    refused = {"symlink": (linked, "it is a symbolic link"),
               "fifo": (lambda w: os.mkfifo(w / "shards" / "stream"), "neither a file nor a directory")}
    for name, (move, why) in refused.items():
        r = deployed(name, move)
        assert r.returncode == 2 and why in r.stderr and "Traceback" not in r.stderr, (name, r.stderr)
    # the weights file alone, for a folder approved whole: its digest is another
    r = d.verify("--model", str(d.model / "shards" / "00001.safetensors"), "--state-proof", str(d.proof))
    assert r.returncode == 1 and f"the bundle is for model digest {d.digest}, not sha256:" in r.stderr, r.stderr
    r = deployed("empty-dir", lambda w: (w / "adapters").mkdir())
    assert r.returncode == DEMO_EXIT, r.stderr
    assert "hard links" not in r.stderr

    def hard(w: Path) -> None:
        (w / "safety_filter.yaml").unlink()
        os.link(outside, w / "safety_filter.yaml")

    r = deployed("hard-link", hard)
    assert r.returncode == DEMO_EXIT, r.stderr
    assert "note: safety_filter.yaml has other names (hard links, perhaps outside the model folder)" in r.stderr
    outside.write_bytes(b"enabled: false\n")  # the write through the other name, after the check
    r = d.verify("--model", str(tmp_path / "hard-link"), "--state-proof", str(d.proof))
    assert r.returncode == 1, r.stderr


def test_a_single_model_file_with_another_name_is_noted(tmp_path: Path) -> None:
    """A weights file given directly (`verify --model model.gguf`) hard-linked to a name outside
    is noted as a folder's file is: a write through the other name changes what deploys after the
    check. Before, a single file was never looked at."""
    from casegate.verify import hard_link_notes

    weights = tmp_path / "atlas.gguf"
    weights.write_bytes(safetensors(4096))
    files = model_digest(weights).resources
    assert files[0][0] == "." and hard_link_notes(weights, files) == []
    os.link(weights, tmp_path / "lab-workspace.gguf")
    notes = hard_link_notes(weights, files)
    assert len(notes) == 1 and notes[0].startswith("atlas.gguf has other names (hard links")
