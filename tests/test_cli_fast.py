"""`check`, `gate` and `publish CASE` parsed without Typer (`casegate.cli._fast`): the same options as the Typer
commands, the same values passed on, and Typer's own handling of everything else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from casegate.cli import _fast, _publishing, _run
from casegate.cli import _publish as _publish_cli

ROOT = Path(__file__).resolve().parents[1]
ATLAS = ROOT / "examples" / "atlas-api" / "case.yaml"


def _typer_params(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> dict[str, Any] | None:
    """What the Typer command passes to its body for `argv` (None: Typer refused the arguments)."""
    from typer.testing import CliRunner

    from casegate.cli import register_commands

    seen: dict[str, Any] = {}

    def record(*args: Any, **kwargs: Any) -> int:
        names = ("case", "format", "at", "policy", "root", "keyring", "watch")  # run_check's order
        seen.update(zip(names, args, strict=False))
        seen.update(kwargs)
        return 0

    def record_publish(*args: Any, **kwargs: Any) -> int:
        names = ("case", "out_dir", "at", "format", "level", "salt_store", "db", "keyring",  # run_publish's order
                 "trust_root", "unpinned", "no_record")
        seen.update(zip(names, args, strict=False))
        seen.update(kwargs)
        return 0

    monkeypatch.setattr(_run, "run_check", record)
    monkeypatch.setattr(_run, "run_gate", record)
    monkeypatch.setattr(_publish_cli, "run_publish", record_publish)
    app = register_commands(argv)
    result = CliRunner().invoke(app, argv)
    return seen if result.exit_code == 0 and seen else None


def _defaults(command: str) -> dict[str, Any]:
    import inspect

    fn = {"check": _run.run_check, "gate": _run.run_gate, "publish": _publishing.run_publish}[command]
    return {n: p.default for n, p in inspect.signature(fn).parameters.items() if p.default is not p.empty}


def _normal(params: dict[str, Any]) -> dict[str, Any]:
    # an unrepeated list option Typer passes as an empty list or None; the body treats both alike
    return {k: v for k, v in params.items() if v not in (None, [], ())}


@pytest.mark.parametrize("argv", [
    ["check", "case.yaml"],
    ["check", "case.yaml", "--format", "json"],
    ["check", "--format=sarif", "case.yaml"],
    ["check", "-f", "junit", "case.yaml", "--at", "2026-05-01"],
    ["check", "case.yaml", "--policy", "p.yaml", "--root", "sub/dir", "--keyring", "k.yaml", "--watch"],
    ["check", "case.yaml", "--at=2026-01-02T10:00"],
    ["gate", "case.yaml"],
    ["gate", "case.yaml", "--boundary", "internal-deployment", "--previous", "old.yaml", "--db", "sqlite:///r.db"],
    ["gate", "case.yaml", "--related", "a.yaml", "--related=b.yaml", "-f", "markdown", "--record", "out.json"],
    ["gate", "--preview", "--fail-on-conditions", "case.yaml", "--keyring", "k.yaml", "--root", "."],
    ["publish", "case.yaml"],
    ["publish", "case", "case.yaml"],
    ["publish", "case.yaml", "--out", "out/x", "--salt-store", "salts.json", "-f", "md,json"],
    ["publish", "--level=internal", "case.yaml", "--at", "2026-05-01", "--db", "sqlite:///r.db",
     "--keyring", "k.yaml", "--format", "html"],
    ["publish", "case.yaml", "--trust-root", "trust", "--no-record"],
    ["publish", "--unpinned", "case.yaml", "--db", "sqlite:///r.db"],
])
@pytest.mark.parametrize("env_keyring", [None, "", "env-keyring.yaml"])
def test_the_fast_path_passes_the_values_typer_passes(monkeypatch: pytest.MonkeyPatch, argv: list[str],
                                                      env_keyring: str | None) -> None:
    monkeypatch.delenv("CASEGATE_SALT_STORE", raising=False)
    monkeypatch.delenv("CASEGATE_TRUST_ROOT", raising=False)
    if env_keyring is None:
        monkeypatch.delenv("CASEGATE_KEYRING", raising=False)
    else:
        monkeypatch.setenv("CASEGATE_KEYRING", env_keyring)
    fast = _fast.parse(argv)
    assert fast is not None, argv
    defaults = _defaults(argv[0])
    typer_gave = _typer_params(monkeypatch, argv)
    assert typer_gave is not None
    assert _normal({**defaults, **fast}) == _normal(typer_gave)


@pytest.mark.parametrize("argv", [
    ["check"],                                   # no case: Typer says what is missing
    ["check", "a.yaml", "b.yaml"],               # two cases
    ["check", "case.yaml", "--help"],
    ["check", "-h"],
    ["check", "case.yaml", "--format", "JSON"],  # not a choice (choices are case-sensitive)
    ["check", "case.yaml", "--format"],          # no value
    ["check", "case.yaml", "--fromat", "json"],  # misspelt
    ["check", "case.yaml", "--forma", "json"],   # Click takes no abbreviations
    ["check", "case.yaml", "--watch=yes"],       # a flag takes no value
    ["check", "case.yaml", "-fjson"],            # attached short value: left to Typer
    ["check", "case.yaml", "--at", "-1"],        # a value that looks like an option
    ["check", "case.yaml", "--at", ""],
    ["check", "case.yaml", "--at", "2026-01-01", "--at", "2026-02-01"],
    ["check", "--", "case.yaml"],
    ["check", "-"],
    ["gate", "case.yaml", "--boundary", "moon"],
    ["gate", "case.yaml", "--watch"],            # a check option
    ["gate", "case.yaml", "--format", "markdown", "--format", "json"],
    ["publish"],
    ["publish", "case"],                         # the default command named, no case
    ["publish", "--help"],
    ["publish", "case.yaml", "--level"],
    ["publish", "case.yaml", "--boundary", "x"],  # a gate option
    ["publish", "verify-disclosure", "summary.json", "opening.json"],
    ["publish", "export-salts", "--out", "salts.json"],
])
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert _fast.parse(argv) is None


def test_an_unconvertible_keyring_variable_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_KEYRING", "")
    assert _fast.parse(["check", "c.yaml"]) == {"case": Path("c.yaml")}  # empty: unset, as Click reads it
    monkeypatch.setenv("CASEGATE_KEYRING", "ring.yaml")
    assert _fast.parse(["check", "c.yaml"]) == {"case": Path("c.yaml"), "keyring": Path("ring.yaml")}
    assert _fast.parse(["check", "c.yaml", "--keyring", "mine.yaml"])["keyring"] == Path("mine.yaml")  # type: ignore[index]


@pytest.mark.parametrize("command", ["check", "gate", "publish"])
def test_the_fast_options_are_exactly_the_typer_commands_options(command: str) -> None:
    import typer.main

    from casegate.cli import register_commands

    group = typer.main.get_command(register_commands([command]))
    cmd = group.commands[command]  # type: ignore[attr-defined]
    if command == "publish":  # a group: `publish CASE` is its default command
        cmd = cmd.commands["case"]
        assert set(cmd.params[0].opts) == {"case"} and set(_fast._PUBLISH_SUBCOMMANDS) == set(
            group.commands["publish"].commands) - {"case"}  # type: ignore[attr-defined]
    declared = {}
    for p in cmd.params:
        kind = p.type_descriptor.annotation
        if p.name == "case":
            assert p.param_type_name == "argument" and p.required and p.nargs == 1 and kind is Path
            continue
        if p.multiple:
            (kind,) = kind.__args__  # list[X]
        declared[p.name] = (sorted(p.opts + p.secondary_opts), kind.__name__, p.multiple, p.envvar)
    fast = {o.dest: (sorted(o.names), o.type, o.multiple, o.envvar) for o in _fast.OPTIONS[command]}
    assert fast == declared
    assert all(p.is_flag == (p.type_descriptor.annotation is bool) for p in cmd.params if p.name != "case")


def test_usage_errors_and_help_are_typers_text() -> None:
    def cg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True, cwd=ROOT)

    r = cg("check", str(ATLAS), "--fromat", "json")
    assert r.returncode == 2 and "No such option: --fromat" in r.stderr
    r = cg("gate", str(ATLAS), "--boundary", "moon")
    assert r.returncode == 2 and "'moon' is not one of" in r.stderr
    r = cg("check", "--help")
    assert r.returncode == 0 and r.stdout.startswith("Usage:") and "--keyring" in r.stdout


def test_check_and_gate_on_the_fast_path_import_no_typer() -> None:
    code = ("import sys\n"
            "from casegate.cli import _main\n"
            "sys.argv = ['casegate', *sys.argv[1:]]\n"
            "try:\n    _main()\nexcept SystemExit as e:\n    rc = e.code\n"
            "print('RC', rc, 'typer' in sys.modules)\n")
    for cmd, want in (("check", 1), ("gate", 1)):
        r = subprocess.run([sys.executable, "-c", code, cmd, str(ATLAS), "--format", "json"],
                           capture_output=True, text=True, cwd=ROOT)
        assert r.stdout.strip().splitlines()[-1] == f"RC {want} False", (r.stdout[-300:], r.stderr[-1000:])


def test_publish_on_the_fast_path_imports_no_typer_and_writes_what_typer_does(tmp_path: Path) -> None:
    code = ("import sys\n"
            "from casegate.cli import _main\n"
            "sys.argv = ['casegate', *sys.argv[1:]]\n"
            "try:\n    _main()\nexcept SystemExit as e:\n    rc = e.code\n"
            "print('RC', rc, 'typer' in sys.modules)\n")
    salts = tmp_path / "salts.json"
    runs = {"fast": ["publish", str(ATLAS)], "typer": ["publish", str(ATLAS), "--level", "public", "--"]}
    for how, args in runs.items():  # `--` is read by Typer only
        r = subprocess.run([sys.executable, "-c", code, *args[:2], "--out", str(tmp_path / how),
                            "--salt-store", str(salts), *args[2:]], capture_output=True, text=True, cwd=ROOT)
        assert r.stdout.strip().splitlines()[-1] == f"RC 0 {how == 'typer'}", (r.stdout[-300:], r.stderr[-1000:])
    files = sorted(p.name for p in (tmp_path / "fast").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "typer").iterdir()) and "summary.json" in files
    for name in files:  # the second run reused the salts the first kept: the same bytes
        assert (tmp_path / "fast" / name).read_bytes() == (tmp_path / "typer" / name).read_bytes(), name


def test_the_program_runs_no_pydantic_plugin_while_pydantic_itself_would(tmp_path: Path) -> None:
    # an installed distribution registering a pydantic plugin; importing it leaves a mark
    site = tmp_path / "site"
    dist = site / "markplugin-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: markplugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[pydantic]\nmark = markplugin_mod:plugin\n")
    mark = tmp_path / "imported"
    (site / "markplugin_mod.py").write_text(
        f"open({str(mark)!r}, 'a').write('x')\n"
        "class _Plugin:\n    def new_schema_validator(self, *a, **k):\n        return None, None, None\n"
        "plugin = _Plugin()\n")
    import os

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([*sys.path, str(site)])}
    r = subprocess.run([sys.executable, "-m", "casegate", "check", str(ATLAS)], capture_output=True, text=True,
                       cwd=ROOT, env=env)
    assert r.returncode == 1 and "blocking" in r.stdout and not mark.exists(), r.stderr[-1000:]
    # the same environment, pydantic alone: the plugin is found and imported
    r = subprocess.run([sys.executable, "-c", "from pydantic import BaseModel\n"
                        "class M(BaseModel):\n    x: int\nM(x=1)\n"], capture_output=True, text=True, env=env)
    assert r.returncode == 0 and mark.exists(), r.stderr[-1000:]


def test_every_public_model_name_resolves_from_its_submodule() -> None:
    import casegate.model as model

    assert set(model._WHERE) == set(model.__all__)
    for name in model.__all__:
        assert getattr(model, name) is getattr(__import__(f"casegate.model.{model._WHERE[name]}",
                                                          fromlist=[name]), name)
    with pytest.raises(AttributeError):
        model.NoSuchModel  # noqa: B018


def test_check_builds_no_registry_protocol_or_attestation_models() -> None:
    code = ("import sys\n"
            "from casegate.cli import _main\n"
            "sys.argv = ['casegate', 'check', sys.argv[1]]\n"
            "try:\n    _main()\nexcept SystemExit:\n    pass\n"
            "print('LOADED', *sorted(m for m in sys.modules if m.startswith('casegate.model._')))\n")
    r = subprocess.run([sys.executable, "-c", code, str(ATLAS)], capture_output=True, text=True, cwd=ROOT)
    loaded = set(r.stdout.strip().splitlines()[-1].split()[1:])
    assert "casegate.model._case" in loaded and "casegate.model._policy" in loaded, r.stderr[-1000:]
    assert not loaded & {"casegate.model._history", "casegate.model._protocol", "casegate.model._attestation",
                         "casegate.model._authority"}, loaded


def test_check_asks_which_importer_reads_an_artifact_without_importing_the_importers() -> None:
    code = ("import sys\n"
            "from casegate.cli import _main\n"
            "sys.argv = ['casegate', 'check', sys.argv[1]]\n"
            "try:\n    _main()\nexcept SystemExit:\n    pass\n"
            "print('LOADED', *sorted(m for m in sys.modules if m.startswith('casegate.evidence.importers.')))\n")
    # the first run reads the artifacts (with their importer) and caches what it derived; the
    # second finds the facts in the cache and only asks whether each artifact's format is read
    for _ in range(2):
        r = subprocess.run([sys.executable, "-c", code, str(ATLAS)], capture_output=True, text=True, cwd=ROOT)
    loaded = set(r.stdout.strip().splitlines()[-1].split()[1:])
    assert "casegate.evidence.importers._claims" in loaded, r.stderr[-1000:]
    assert not loaded & {"casegate.evidence.importers.generic", "casegate.evidence.importers.lm_eval",
                         "casegate.evidence.importers.inspect_log"}, loaded


def test_the_claim_test_and_the_importer_agree_on_every_fixture_log() -> None:
    from casegate.evidence.importers import IMPORTERS, importer_for
    from casegate.evidence.importers._claims import claimant

    files = [p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.is_file()]
    claimed = 0
    for p in files:
        imp = importer_for(p)
        first = next((i for i in IMPORTERS if i.claims(p)), None)
        assert imp is first and (claimant(p) is None) == (imp is None), p
        assert importer_for(p) is imp  # one instance per importer
        claimed += imp is not None
    assert claimed >= 5
