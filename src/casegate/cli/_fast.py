"""`check`, `gate` and `publish CASE` without Typer, for the argument lists they are usually given.

Why Typer is bypassed here: `check` and `gate` run in every CI job, pre-commit hook and editor
save, mostly on small cases, where start-up is most of the run (and `publish` runs beside `gate`
in release jobs). Importing Typer and building its Click command costs about 35 ms of CPU, a
third of what reading the case's libraries costs (`python -c "import pydantic, ryml"`), and buys
nothing once the arguments are known to be right.

So this module reads an argument list only when it is plainly valid: known options, each with a
value that converts, given once, and exactly one case file. Anything else (`--help`, an unknown
or misspelt option, a missing or unconvertible value, a value that starts with `-`, an empty
value, a repeated option, `--`, a short option with its value attached) returns None, and Typer
parses the list as before: help and every usage error remain Typer's own text. `OPTIONS` mirrors
the Typer declarations in `_check`, `_gate` and `_publish`; tests/test_cli_fast.py checks that it
lists exactly their options and that both paths pass the commands the same values.
"""


import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._record import FrozenRecord


class Opt(FrozenRecord):
    """One option of a command as Typer declares it (a hand-written record: cheaper to define at
    start-up than a dataclass or a named tuple)."""

    _fields = ("dest", "names", "type", "multiple", "envvar")
    dest: str
    """The command function's parameter."""
    names: tuple[str, ...]
    """Its spellings (`--format`, `-f`)."""
    type: str
    """The parameter's type: str, Path, bool (a flag, which takes no value), or the name of the
    enum whose values are its choices (Format, ReportFormat, BoundaryKind)."""
    multiple: bool
    """Repeatable: the values are collected into a list."""
    envvar: str | None
    """Environment variable read when the option is not given (an empty value counts as unset)."""

    def __init__(self, dest: str, names: tuple[str, ...], type: str = "str", multiple: bool = False,
                 envvar: str | None = None) -> None:
        object.__setattr__(self, "dest", dest)
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "multiple", multiple)
        object.__setattr__(self, "envvar", envvar)

    def convert(self, value: str) -> Any:
        """`value` as the parameter's type; ValueError when it is not one of the choices."""
        if self.type == "str":
            return value
        if self.type == "Path":
            return Path(value)
        if self.type == "BoundaryKind":
            from ..model import BoundaryKind

            return BoundaryKind(value)
        from . import _common

        return getattr(_common, self.type)(value)


_ROOT = Opt("root", ("--root",), "Path")
_AT = Opt("at", ("--at",))

OPTIONS: dict[str, tuple[Opt, ...]] = {
    "check": (
        Opt("format", ("--format", "-f"), "Format"),
        _AT,
        Opt("policy", ("--policy",), "Path"),
        _ROOT,
        Opt("keyring", ("--keyring",), "Path", envvar="CASEGATE_KEYRING"),
        Opt("watch", ("--watch",), "bool"),
    ),
    "gate": (
        Opt("boundary", ("--boundary",), "BoundaryKind"),
        Opt("previous", ("--previous",), "Path"),
        Opt("db", ("--db",)),
        _AT,
        Opt("related", ("--related",), "Path", multiple=True),
        Opt("format", ("--format", "-f"), "ReportFormat"),
        Opt("record", ("--record",), "Path"),
        Opt("keyring", ("--keyring",), "Path", envvar="CASEGATE_KEYRING"),
        Opt("preview", ("--preview",), "bool"),
        Opt("fail_on_conditions", ("--fail-on-conditions",), "bool"),
        _ROOT,
    ),
    "publish": (  # `publish CASE`, that is `publish case CASE` (the group's default command)
        Opt("out_dir", ("--out",), "Path"),
        _AT,
        Opt("format", ("--format", "-f")),
        Opt("level", ("--level",)),
        Opt("salt_store", ("--salt-store",), "Path", envvar="CASEGATE_SALT_STORE"),
        Opt("db", ("--db",)),
        Opt("keyring", ("--keyring",), "Path", envvar="CASEGATE_KEYRING"),
        Opt("trust_root", ("--trust-root",), "Path", envvar="CASEGATE_TRUST_ROOT"),
        Opt("unpinned", ("--unpinned",), "bool"),
        Opt("no_record", ("--no-record",), "bool"),
    ),
}
"""Every option of `check`, `gate` and `publish CASE` (their one argument is the case file)."""

_PUBLISH_SUBCOMMANDS = ("verify-disclosure", "export-salts")
"""`publish`'s other subcommands: Typer runs them."""


def parse(argv: list[str]) -> dict[str, Any] | None:
    """The parameters `check`, `gate` or `publish CASE` (argv[0]) receives for `argv`, options left
    out when not given; None when the list is not one this module reads (Typer must parse it)."""
    if not argv or argv[0] not in OPTIONS:
        return None
    opts = OPTIONS[argv[0]]
    by_name = {n: o for o in opts for n in o.names}
    params: dict[str, Any] = {}
    cases: list[str] = []
    rest = argv[1:]
    if argv[0] == "publish" and rest:
        # the group's rule: a first argument that names a subcommand runs it, anything else is
        # the default command's (`case`)
        if rest[0] in _PUBLISH_SUBCOMMANDS:
            return None
        if rest[0] == "case":
            rest = rest[1:]
    i = 0
    while i < len(rest):
        tok = rest[i]
        i += 1
        if not tok.startswith("-"):
            if not tok:
                return None
            cases.append(tok)
            continue
        name, eq, value = tok.partition("=") if tok.startswith("--") else (tok, "", "")
        opt = by_name.get(name)
        if opt is None:
            return None
        if opt.type == "bool":  # a flag: takes no value
            if eq or opt.dest in params:
                return None
            params[opt.dest] = True
            continue
        if not eq:
            if i >= len(rest):
                return None
            value = rest[i]
            i += 1
        if not value or value.startswith("-"):
            return None
        try:
            got = opt.convert(value)
        except ValueError:
            return None
        if opt.multiple:
            params.setdefault(opt.dest, []).append(got)
        elif opt.dest in params:
            return None
        else:
            params[opt.dest] = got
    if len(cases) != 1:
        return None
    for opt in opts:
        if opt.envvar and opt.dest not in params:
            env = os.environ.get(opt.envvar)
            if env:
                try:
                    params[opt.dest] = opt.convert(env)
                except ValueError:
                    return None
    params["case"] = Path(cases[0])
    return params


def fast_command(argv: list[str]) -> Callable[[], int] | None:
    """The command `argv` asks for, ready to run (it returns the exit code); None when Typer must
    parse `argv`."""
    params = parse(argv)
    if params is None:
        return None
    if argv[0] == "publish":
        from ._publishing import run_publish

        return lambda: run_publish(**params)
    from . import _run

    run = _run.run_check if argv[0] == "check" else _run.run_gate
    return lambda: run(**params)
