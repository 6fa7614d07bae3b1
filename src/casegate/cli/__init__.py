"""The `casegate` command line. Commands are thin: parse input, call the library, format output.

Exit codes: 0 success (nothing blocking / GO), 1 blocking findings or failed verification
(NO-GO), 2 unreadable input or usage error, 3 the registry is unreachable.
"""

from __future__ import annotations

import os
import sys

import typer

app = typer.Typer(
    name="casegate",
    help="Make a frontier-AI safety case a release gate.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"casegate {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """Make a frontier-AI safety case a release gate."""

# Command modules register themselves on `app` (and sub-apps) when imported. The release-gate
# commands run on every CI build, so `check` and `gate` import only their own module and the
# command line starts without the registry, signing, publishing and monitoring stacks.
_COMMAND_MODULES = ("_check", "_gate", "_evidence", "_sign", "_registry", "_trust", "_publish", "_monitor", "_policy",
                    "_diff", "_serve", "_render", "_regime", "_attest", "_notify", "_redteam",
                    "_witness", "_logwatch")
_GATE_MODULES = ("_check", "_gate")  # two or more commands keep `app` a group of subcommands


def register_commands(argv: list[str] | None = None) -> typer.Typer:
    """Register the commands `argv` (the arguments after the program name) can reach on `app`,
    and return it: only `check` and `gate` for those two, every command otherwise."""
    import importlib

    first = argv[0] if argv else None
    names = _GATE_MODULES if first in ("check", "gate") else _COMMAND_MODULES
    for name in names:
        importlib.import_module(f"{__name__}.{name}")
    return app


def main() -> None:
    """Entry point: every CasegateError becomes its diagnostics and its exit code, never a traceback."""
    from ..errors import CasegateError

    argv = sys.argv[1:]
    register_commands(argv)
    if argv and argv[0] in ("check", "gate"):
        # One short run over a large, acyclic case: the cyclic garbage collector would only walk
        # the case again and again (a fifth of the run at 100k elements); reference counting
        # still frees everything, and peak memory stays the same.
        import gc

        gc.disable()
    try:
        rv = app(standalone_mode=False)
    except CasegateError as e:
        print(e.diagnostics(), file=sys.stderr)
        sys.exit(e.exit_code)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        print("aborted", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as e:
        # usage errors (unknown command, bad option) are click exceptions, whichever click
        # Typer was built with: they know how to show themselves
        show = getattr(e, "show", None)
        if callable(show) and hasattr(e, "exit_code"):
            show()
            sys.exit(2)
        if os.environ.get("CASEGATE_DEBUG"):
            raise
        print(f"internal error: {type(e).__name__}: {e}\n"
              "  help: this is a casegate bug, not a problem with your input; rerun with "
              "CASEGATE_DEBUG=1 for the traceback and report it", file=sys.stderr)
        sys.exit(70)
    sys.exit(rv if isinstance(rv, int) else 0)
