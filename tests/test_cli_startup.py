"""Start-up of the command line: `--help` without Typer, commands importing only what they use,
and the fast exit of `check` and `gate` run as the program (output complete, exit codes right)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ATLAS = ROOT / "examples" / "atlas-api" / "case.yaml"
ATLAS_KEYRING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"  # atlas's evidence is independent only with it
BAD = ROOT / "tests" / "fixtures" / "rules" / "CG903" / "bad" / "case.yaml"

# Runs the entry point as the program does and reports, after it, which heavy modules it imported
PROBE = ("import sys, atexit\n"
         "atexit.register(lambda: print('MODULES', *sorted(m for m in ('typer', 'scipy', 'pydantic', "
         "'securesystemslib', 'sqlalchemy', 'casegate.model') if m in sys.modules), file=sys.stderr))\n"
         "from casegate.cli import main\n"
         "sys.argv = ['casegate', *sys.argv[1:]]\n"
         "main()\n")


def _probe(*args: str) -> tuple[int, str, str, set[str]]:
    env = {**os.environ, "COLUMNS": "100"}
    r = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT, env=env)
    mods = next((line.split()[1:] for line in r.stderr.splitlines() if line.startswith("MODULES")), None)
    return r.returncode, r.stdout, r.stderr, set(mods) if mods is not None else {"<no report: fast exit>"}


def test_the_kept_help_is_used_only_while_it_is_what_typer_renders() -> None:
    from casegate.cli import _help

    if _help.current():  # rendered from the command modules as they are: it must be Typer's text
        # rendered in a fresh process: commands are listed in the order they were registered, and
        # a test run imports command modules in whatever order its tests ran
        fresh = subprocess.run([sys.executable, "-m", "casegate.cli._help"], capture_output=True, text=True,
                               cwd=ROOT, check=True).stdout
        assert _help.TOP_HELP == fresh, "refresh it: python -m casegate.cli._help --write"
    # a command module changed since the text was kept: Typer renders the help instead
    saved = _help.KEPT_FROM
    try:
        _help.KEPT_FROM = tuple((name, size + 1) for name, size in saved)
        assert not _help.current()
        assert _help.print_top_help() is False
    finally:
        _help.KEPT_FROM = saved


def test_help_is_printed_without_typer_or_the_model() -> None:
    from casegate.cli import _help

    # a command changed since the text was kept: Typer would render the help (correct, but the
    # start-up this test is about is lost), so what is committed must carry it current
    assert _help.current(), "the kept help is out of date: refresh it with python -m casegate.cli._help --write"
    rc, out, _, mods = _probe("--help")
    assert rc == 0 and out.startswith("Usage: casegate [OPTIONS] COMMAND") and "  check " in out
    assert mods == set(), mods
    rc, out, err, mods = _probe()
    assert rc == 2 and out == "" and err.startswith("Usage: casegate [OPTIONS] COMMAND") and mods == set()


def test_help_on_a_narrow_terminal_is_rendered_by_typer_for_its_width() -> None:
    env = {**os.environ, "COLUMNS": "60"}
    r = subprocess.run([sys.executable, "-m", "casegate", "--help"], capture_output=True, text=True,
                       cwd=ROOT, env=env)
    assert r.returncode == 0 and "check" in r.stdout
    assert max(len(line) for line in r.stdout.splitlines()) <= 60


def test_help_in_process_matches_the_program() -> None:
    from casegate.cli import main

    saved = sys.argv
    sys.argv = ["casegate", "--help"]
    buf = io.StringIO()
    try:
        with redirect_stdout(buf), redirect_stderr(io.StringIO()), pytest.raises(SystemExit) as e:
            main()
    finally:
        sys.argv = saved
    assert e.value.code == 0 and "Commands:" in buf.getvalue()


def test_check_with_evaluation_results_imports_neither_scipy_nor_the_signing_stack() -> None:
    # the probe calls main() from `__main__`, so check takes the fast exit: run it in-process
    # style instead through a module-level wrapper to read sys.modules afterwards
    code = ("import sys\n"
            "from casegate.cli import _main\n"
            "sys.argv = ['casegate', 'check', sys.argv[1]]\n"
            "try:\n    _main()\nexcept SystemExit as e:\n    rc = e.code\n"
            "print('RC', rc, *sorted(m for m in ('scipy', 'securesystemslib', 'sqlalchemy', 'rich') if m in sys.modules))\n")
    for cmd in ("check", "gate"):
        r = subprocess.run([sys.executable, "-c", code.replace("'check'", repr(cmd)), str(ATLAS)],
                           capture_output=True, text=True, cwd=ROOT)
        last = r.stdout.strip().splitlines()[-1].split()
        assert last[0] == "RC" and last[2:] == [], (cmd, r.stdout[-500:], r.stderr[-2000:])


@pytest.mark.parametrize("args,code", [
    # as of a day inside the example's evidence lifetime (its audit expires on 2027-03-29)
    (["check", str(ATLAS), "--keyring", str(ATLAS_KEYRING), "--at", "2026-11-27"], 0),
    (["check", str(BAD)], 1),
    (["check", str(ROOT / "no-such-case.yaml")], 2),
    (["gate", str(BAD)], 1),
    (["gate", str(ATLAS), "--keyring", str(ATLAS_KEYRING), "--preview", "--at", "2026-11-27"], 0),
])
def test_fast_exit_keeps_the_exit_code_and_every_line_of_output(args: list[str], code: int) -> None:
    # as the program (python -m casegate): the fast exit
    prog = subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True, cwd=ROOT)
    # in-process: SystemExit as usual
    from casegate.cli import main

    saved, cwd = sys.argv, os.getcwd()
    sys.argv = ["casegate", *args]
    out, err = io.StringIO(), io.StringIO()
    os.chdir(ROOT)
    try:
        with redirect_stdout(out), redirect_stderr(err), pytest.raises(SystemExit) as e:
            main()
    finally:
        sys.argv = saved
        os.chdir(cwd)
    assert prog.returncode == code and e.value.code == code
    assert prog.stdout == out.getvalue() and prog.stderr == err.getvalue()
    assert prog.stdout or prog.stderr


def test_the_verifying_commands_import_securesystemslib_without_the_aws_sdk() -> None:
    # what the program does for check, gate and publish: securesystemslib's AWS signer is told
    # boto3 is missing, and nothing else is (boto3 stays importable, the finder leaves)
    code = ("import sys, importlib.util\n"
            "from casegate.cli import _without_aws_signer\n"
            "_without_aws_signer()\n"
            "import securesystemslib.signer._aws_signer as aws\n"
            "print('LOADED', 'boto3' in sys.modules, aws.AWS_IMPORT_ERROR is not None)\n"
            "print('LEFT', any(type(f).__name__ == '_NoBoto3ForAwsSigner' for f in sys.meta_path))\n"
            "if importlib.util.find_spec('boto3') is not None:\n"
            "    import boto3\n"
            "    print('BOTO3', callable(boto3.client))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    lines = r.stdout.split("\n")
    assert lines[0] == "LOADED False True" and lines[1] == "LEFT False", (r.stdout, r.stderr[-2000:])
    assert lines[2] in ("BOTO3 True", ""), r.stdout


def test_fast_exit_writes_all_of_a_large_output_into_a_pipe() -> None:
    prog = subprocess.run([sys.executable, "-m", "casegate", "check", str(ATLAS), "--format", "json",
                           "--keyring", str(ATLAS_KEYRING), "--at", "2026-11-27"],
                          capture_output=True, text=True, cwd=ROOT)
    import json

    assert prog.returncode == 0 and json.loads(prog.stdout)["findings"]


def _class_probe(module: str, hook: str, marker: str) -> str:
    """Code that runs the entry point as the program does, with `hook` (which appends to `built`)
    installed first, and reports `built` on stderr after `marker` as the process ends."""
    return (f"import {module}, os, sys\n"
            "built = []\n"
            f"{hook}"
            "end = os._exit\n"
            "def report(code):\n"
            f"    print('{marker}', *built, file=sys.stderr, flush=True)\n"
            "    end(code)\n"
            "os._exit = report\n"
            "from casegate.cli import main\n"
            "sys.argv = ['casegate', *sys.argv[1:]]\n"
            "main()\n")


# Runs the entry point as the program does and reports, as it ends, the casegate classes that
# `dataclasses` processed on the way
DATACLASS_PROBE = _class_probe("dataclasses", "process = dataclasses._process_class\n"
                                              "def record(cls, *args, **kwargs):\n"
                                              "    if cls.__module__.startswith('casegate'):\n"
                                              "        built.append(f'{cls.__module__}.{cls.__qualname__}')\n"
                                              "    return process(cls, *args, **kwargs)\n"
                                              "dataclasses._process_class = record\n", "DATACLASSES")


@pytest.mark.parametrize("args", [
    ["check", str(ATLAS)],
    ["gate", str(ATLAS)],
    ["gate", str(ATLAS), "--keyring", str(ATLAS_KEYRING), "--preview"],
])
def test_check_and_gate_build_no_casegate_dataclass(args: list[str], tmp_path: Path) -> None:
    """Every dataclass compiles its methods when its module is imported (some 2-3M instructions a
    class); the records `check` and `gate` build, with a keyring or not, are written out by hand
    (`casegate._record`). Measured as a run in CI goes, its evidence facts kept by an earlier
    run (a first run reads the evaluation logs, with the importers' records)."""
    env = {**os.environ, "CASEGATE_CACHE_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, cwd=ROOT, env=env)
    r = subprocess.run([sys.executable, "-c", DATACLASS_PROBE, *args], capture_output=True, text=True, cwd=ROOT,
                       env=env)
    reported = [line.split()[1:] for line in r.stderr.splitlines() if line.startswith("DATACLASSES")]
    assert r.returncode in (0, 1) and reported == [[]], (r.returncode, r.stderr[-2000:])


# The same, for the named tuples `collections.namedtuple` (and `typing.NamedTuple`) builds
NAMEDTUPLE_PROBE = _class_probe("collections", "make = collections.namedtuple\n"
                                               "def record(typename, field_names, **kwargs):\n"
                                               "    if str(kwargs.get('module') or '').startswith('casegate'):\n"
                                               "        built.append(f\"{kwargs['module']}.{typename}\")\n"
                                               "    return make(typename, field_names, **kwargs)\n"
                                               "collections.namedtuple = record\n", "NAMEDTUPLES")


@pytest.mark.parametrize("args", [
    ["check", str(ATLAS)],
    ["gate", str(ATLAS)],
    ["gate", str(ATLAS), "--keyring", str(ATLAS_KEYRING), "--preview"],
])
def test_check_and_gate_build_no_casegate_named_tuple(args: list[str], tmp_path: Path) -> None:
    """A named tuple compiles its `__new__` from source when its module is imported (some 0.8M
    instructions a class): the records `check` and `gate` build are `casegate._record` classes."""
    env = {**os.environ, "CASEGATE_CACHE_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, cwd=ROOT, env=env)
    r = subprocess.run([sys.executable, "-c", NAMEDTUPLE_PROBE, *args], capture_output=True, text=True, cwd=ROOT,
                       env=env)
    reported = [line.split()[1:] for line in r.stderr.splitlines() if line.startswith("NAMEDTUPLES")]
    assert r.returncode in (0, 1) and reported == [[]], (r.returncode, r.stderr[-2000:])


def test_the_named_tuple_probe_sees_a_casegate_named_tuple(tmp_path: Path) -> None:
    code = NAMEDTUPLE_PROBE.replace("from casegate.cli import main\n",
                                    "collections.namedtuple('Probe', 'a', module='casegate.probe')\n"
                                    "from casegate.cli import main\n")
    env = {**os.environ, "CASEGATE_CACHE_DIR": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", code, "check", str(ATLAS)], capture_output=True, text=True, cwd=ROOT,
                       env=env)
    reported = [line.split()[1:] for line in r.stderr.splitlines() if line.startswith("NAMEDTUPLES")]
    assert len(reported) == 1 and "casegate.probe.Probe" in reported[0], r.stderr[-2000:]


def test_the_keyed_gate_verifies_without_securesystemslib_or_cryptography_s_serialization(tmp_path: Path) -> None:
    """securesystemslib's signer package imports every signer and key type it knows, and
    cryptography's serialization module every cipher: an Ed25519 keyring is read and its
    signatures verified with cryptography's compiled Ed25519 alone, without even the module of
    abstract key classes around it (`casegate.sign._dsse`)."""
    code = ("import sys, os\n"
            "from casegate.cli import _main\n"
            "sys.argv = ['casegate', *sys.argv[1:]]\n"
            "try:\n    _main()\nexcept SystemExit as e:\n    rc = e.code\n"
            "print('RC', rc, *sorted(m for m in ('securesystemslib', 'cryptography.hazmat.primitives.serialization',"
            " 'cryptography.hazmat.primitives.asymmetric.ed25519', 'cryptography.hazmat.bindings._rust') if m in sys.modules))\n")
    env = {**os.environ, "CASEGATE_CACHE_DIR": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", code, "gate", str(ATLAS), "--keyring", str(ATLAS_KEYRING), "--preview",
                        "--at", "2026-11-27"], capture_output=True, text=True, cwd=ROOT, env=env)
    last = r.stdout.strip().splitlines()[-1].split()
    # the attestations were verified (cryptography's compiled module loaded), and nothing else came with it
    assert last == ["RC", "0", "cryptography.hazmat.bindings._rust"], (r.stdout[-500:], r.stderr[-2000:])
    assert "GO WITH CONDITIONS" in r.stdout


@pytest.mark.parametrize(("args", "code", "imported"), [
    (["gate", str(ATLAS), "--at", "2026-11-27"], 1, False),  # no keyring: nothing independent, NO-GO
    (["gate", str(ATLAS), "--keyring", str(ATLAS_KEYRING), "--preview", "--at", "2026-11-27"], 0, False),
    (["gate", str(ATLAS), "--at", "2026-11-27", "--record", "{tmp}/record.json"], 1, True),
])
def test_the_gate_imports_the_rfc8785_package_only_to_write_a_record(args: list[str], code: int, imported: bool,
                                                                     tmp_path: Path) -> None:
    """The digests a decision binds to are canonical JSON of plain text, which the standard
    library's C encoder writes exactly as RFC 8785 does; the pure-Python `rfc8785` package is
    imported only where it is needed (a record's floats, a value the C encoder would write
    otherwise)."""
    probe = ("import sys\n"
             "from casegate.cli import _main\n"
             "sys.argv = ['casegate', *sys.argv[1:]]\n"
             "try:\n    _main()\nexcept SystemExit as e:\n    rc = e.code\n"
             "print('RC', rc, 'rfc8785' in sys.modules)\n")
    env = {**os.environ, "CASEGATE_CACHE_DIR": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", probe, *(a.replace("{tmp}", str(tmp_path)) for a in args)],
                       capture_output=True, text=True, cwd=ROOT, env=env)
    last = r.stdout.strip().splitlines()[-1].split()
    assert last == ["RC", str(code), str(imported)], (r.stdout[-500:], r.stderr[-2000:])


_HISTORY, _OUTSIDE = "casegate.model._history", "casegate.evidence._outside"


@pytest.mark.parametrize(("args", "absent"), [
    (["check", str(ATLAS)], (_HISTORY, _OUTSIDE)),
    (["gate", str(ATLAS), "--at", "2026-11-27"], (_HISTORY,)),  # (the decision authority's check reads organisations)
    # (a preview given a keyring holds the policy's independent role to the keyring's organisations)
    (["gate", str(ATLAS), "--keyring", str(ATLAS_KEYRING), "--preview", "--at", "2026-11-27"], (_HISTORY,)),
])
def test_a_gate_without_a_registry_builds_no_registry_history_models(args: list[str], absent: tuple[str, ...],
                                                                     tmp_path: Path) -> None:
    """The registry's history models (first-logged dates, baselines, linked cases: some nine
    classes, each costing the process the building of a model) are imported only where a
    registry is consulted, and the test of whether a signer stands outside the developer only
    where sign-offs are judged or a role is marked independent: not by every `check` and `gate`."""
    probe = ("import sys\n"
             "from casegate.cli import _main\n"
             "absent = sys.argv.pop(1).split(',')\n"
             "sys.argv = ['casegate', *sys.argv[1:]]\n"
             "try:\n    _main()\nexcept SystemExit as e:\n    rc = e.code\n"
             "print('RC', rc, *sorted(m for m in absent if m in sys.modules))\n")
    env = {**os.environ, "CASEGATE_CACHE_DIR": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", probe, ",".join(absent), *args], capture_output=True, text=True,
                       cwd=ROOT, env=env)
    last = r.stdout.strip().splitlines()[-1].split()
    assert last[0] == "RC" and last[1] in ("0", "1") and last[2:] == [], (r.stdout[-500:], r.stderr[-2000:])


@pytest.mark.parametrize(("args", "code", "verdict"), [
    (["gate", str(ATLAS), "--at", "2026-11-27"], "1", "NO-GO: 30 blocking"),  # (no keyring: no sign-off counts)
    (["gate", str(ATLAS), "--keyring", str(ATLAS_KEYRING), "--preview", "--at", "2026-11-27"], "0",
     "PREVIEW GO WITH CONDITIONS: 0 blocking, 1 condition"),
])
def test_a_gate_builds_no_authority_model_nor_record_validators_nor_loads_the_unicode_tables(
        args: list[str], code: str, verdict: str, tmp_path: Path) -> None:
    """The authority check a gate makes from the keyring is read, never validated from input: it is
    made of records, and no pydantic model class is built for it; the decision record and its
    trials, conditions, digests, answers and findings (and the built-in boundary-kind table) are
    built without their validators; and the keyring's and the case's ASCII names are compared
    without loading `unicodedata`."""
    probe = ("import sys\n"
             "before = 'unicodedata' in sys.modules\n"
             "from casegate.cli import _main\n"
             "sys.argv = ['casegate', *sys.argv[1:]]\n"
             "try:\n    _main()\nexcept SystemExit as e:\n    rc = e.code\n"
             "from pydantic import BaseModel\n"
             "models, seen = [BaseModel], set()\n"
             "while models:\n    m = models.pop()\n    seen.add(m)\n    models.extend(m.__subclasses__())\n"
             "built = 'casegate.model._authority' in sys.modules\n"
             "authority = [m.__name__ for m in seen if m.__module__ == 'casegate.model._authority']\n"
             "made = [m.__name__ for m in seen if m.__name__ in ('DecisionRecord', 'BoundaryTrial', 'Condition',\n"
             "        'Digests', 'Answer', 'Finding', 'Location', 'KindProperties') and m.__pydantic_complete__]\n"
             "print('RC', rc, built, authority or 'none', made or 'none', before, 'unicodedata' in sys.modules)\n")
    # (the story clock's start-up loads other modules: the day is given with --at)
    env = {**{k: v for k, v in os.environ.items() if k != "TESTS_STORY_CLOCK"}, "CASEGATE_CACHE_DIR": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=ROOT, env=env)
    assert verdict in r.stdout, (r.stdout[-500:], r.stderr[-2000:])
    last = r.stdout.strip().splitlines()[-1].split()
    assert last == ["RC", code, "True", "none", "none", "False", "False"], (r.stdout[-500:], r.stderr[-2000:])
