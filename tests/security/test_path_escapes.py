"""Every file a case names (includes, its policy, evidence artifacts and the further files pinned
with them) stays inside the case's root, symlinks followed; escapes are refused with a located
error, and naming a wider root lets a trusted layout through."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.evidence import rehash_artifacts
from casegate.load import case_root, load_case

from .conftest import run_cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Path]:
    """`tmp/case/` (the case) beside `tmp/secret/` (a folder it must not read)."""
    case = tmp_path / "case"
    secret = tmp_path / "secret"
    case.mkdir()
    secret.mkdir()
    (secret / "inc.yaml").write_text("casegate: 1\nkind: case\n")
    (secret / "policy.yaml").write_text("casegate: 1\n")
    (secret / "key.txt").write_text("private")
    return case, secret


def _write(case: Path, body: str) -> Path:
    p = case / "case.yaml"
    p.write_text("casegate: 1\nkind: case\n" + body)
    return p


ESCAPES = [
    ("parent include", "include: [../secret/inc.yaml]\n", "the included file"),
    ("absolute include", "include: [{secret}/inc.yaml]\n", "the included file"),
    ("symlinked include", "include: [link.yaml]\n", "the included file"),
    ("symlinked folder include", "include: [dir/inc.yaml]\n", "the included file"),
    ("parent policy", "policy: ../secret/policy.yaml\n", "the policy"),
    ("absolute policy", "policy: {secret}/policy.yaml\n", "the policy"),
]


@pytest.mark.parametrize("name,body,what", ESCAPES, ids=[e[0] for e in ESCAPES])
def test_escaping_file_is_refused(tree: tuple[Path, Path], name: str, body: str, what: str) -> None:
    case, secret = tree
    (case / "link.yaml").symlink_to(secret / "inc.yaml")
    (case / "dir").symlink_to(secret, target_is_directory=True)
    p = _write(case, body.format(secret=secret))
    with pytest.raises(InputError) as info:
        load_case(p)
    assert what in info.value.message and "outside the case's root" in info.value.message
    assert info.value.location and info.value.location.startswith(str(p)) and ":3:" in info.value.location
    assert "--root" in (info.value.help or "")
    # naming a root that holds both folders lets the same case load
    if "policy" not in name:
        load_case(p, root=case.parent)


def test_escaping_artifact_is_refused(tree: tuple[Path, Path]) -> None:
    case, secret = tree
    body = (
        "evidence:\n  E1:\n    kind: report\n    producer: me\n    date: 2026-01-01\n"
        "    artifact: {art}\n")
    for art in ("../secret/key.txt", f"{secret}/key.txt", "key-link.txt"):
        (case / "key-link.txt").unlink(missing_ok=True)
        (case / "key-link.txt").symlink_to(secret / "key.txt")
        p = _write(case, body.format(art=art))
        with pytest.raises(InputError) as info:
            load_case(p)
        assert "artifact" in info.value.message and "outside the case's root" in info.value.message
        assert info.value.location and ":8:" in info.value.location, info.value.location


def test_pinned_companion_outside_the_root_is_never_read(tmp_path: Path) -> None:
    case = tmp_path / "atlas-api"
    shutil.copytree(EXAMPLE, case)
    (tmp_path / "key.txt").write_text("private")
    ev = case / "evidence.yaml"
    text = ev.read_text()
    marker = "    artifact: evals/cyber-ctf.json\n"
    assert marker in text
    ev.write_text(text.replace(marker, marker + "    source:\n      tool: lm-eval\n"
                               "      files: {../../key.txt: " + "0" * 64 + "}\n", 1))
    loaded = load_case(case / "case.yaml")
    assert loaded.case is not None, loaded.diagnostics
    state = rehash_artifacts(loaded)["E-cyber-ctf"]
    assert state.companions and not state.companions[0].exists and state.companions[0].actual_sha256 is None
    assert not state.matches


def test_cli_refuses_and_root_option_accepts(tree: tuple[Path, Path]) -> None:
    case, _secret = tree
    p = _write(case, "include: [../secret/inc.yaml]\n")
    r = run_cli("check", str(p))
    assert r.returncode == 2 and "outside the case's root" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("check", str(p), "--root", str(case.parent))
    assert "outside the case's root" not in r.stderr
    r = run_cli("check", str(p), env={"CASEGATE_ROOT": str(case.parent)})
    assert "outside the case's root" not in r.stderr


def test_default_root_is_the_git_work_tree_else_the_case_folder(tmp_path: Path) -> None:
    (tmp_path / "repo" / "cases" / "a").mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()
    (tmp_path / "loose").mkdir()
    assert case_root(tmp_path / "repo" / "cases" / "a" / "case.yaml") == (tmp_path / "repo").resolve()
    assert case_root(tmp_path / "loose" / "case.yaml") == (tmp_path / "loose").resolve()
    with pytest.raises(InputError):
        case_root(tmp_path / "loose" / "case.yaml", tmp_path / "nowhere")


def test_a_symlink_loop_is_refused(tree: tuple[Path, Path]) -> None:
    case, _ = tree
    os.symlink(case / "loop-b.yaml", case / "loop-a.yaml")
    os.symlink(case / "loop-a.yaml", case / "loop-b.yaml")
    p = _write(case, "include: [loop-a.yaml]\n")
    with pytest.raises(InputError):
        load_case(p)


def test_evidence_add_refuses_a_log_outside_the_root_as_check_would(tmp_path: Path) -> None:
    logs = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "logs" / "inspect"
    case = tmp_path / "atlas-api"
    shutil.copytree(EXAMPLE, case)
    shutil.copy(logs / "arith-clean.eval", tmp_path / "run.eval")
    before = {p: p.read_bytes() for p in case.rglob("*") if p.is_file()}
    reason = "evidence artifact '../run.eval' is outside the case's root folder"
    r = run_cli("evidence", "add", "case.yaml", "../run.eval", "--producer", "evals", cwd=case)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.startswith(f"error: ../run.eval: {reason} '{case.resolve()}'; refused"), r.stderr
    assert "--root" in r.stderr
    # nothing written: every later `check` still reads the case
    assert {p: p.read_bytes() for p in case.rglob("*") if p.is_file()} == before
    # an evidence file outside the root would be an include `check` refuses
    shutil.copy(logs / "arith-clean.eval", case / "run.eval")
    r = run_cli("evidence", "add", "case.yaml", "run.eval", "--producer", "evals", "--into", "../ev.yaml", cwd=case)
    assert r.returncode == 2, r.stderr
    assert r.stderr.startswith(f"error: the included file '../ev.yaml' is outside the case's root folder '{case.resolve()}'")
    assert not (tmp_path / "ev.yaml").exists()
    (case / "run.eval").unlink()
    assert {p: p.read_bytes() for p in case.rglob("*") if p.is_file()} == before
    # a wider root holds both: the item is added, and `check` under the same root reads it
    r = run_cli("evidence", "add", "case.yaml", "../run.eval", "--producer", "evals", "--root", str(tmp_path),
                "--into", "../ev.yaml", cwd=case)
    assert r.returncode == 0, r.stderr
    r = run_cli("check", "case.yaml", "--root", str(tmp_path), cwd=case)
    assert "outside the case's root" not in r.stderr and r.returncode in (0, 1), r.stderr
