"""The `casegate` command line. Commands are thin: parse input, call the library, format output.

Exit codes: 0 success (nothing blocking / GO), 1 blocking findings or failed verification
(NO-GO), 2 unreadable input or usage error, 3 the registry is unreachable.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    import typer

    from ..errors import CasegateError
    from ._app import app as app


def __getattr__(name: str) -> Any:
    # `app` is built on first use: `casegate --help` is printed without importing Typer
    if name == "app":
        from ._app import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Command modules register themselves on `app` (and sub-apps) when imported. The release-gate
# commands run on every CI build, so `check` and `gate` import only their own module and the
# command line starts without the registry, signing, publishing and monitoring stacks.
_COMMAND_MODULES = ("_check", "_gate", "_evidence", "_sign", "_registry", "_trust", "_publish", "_monitor", "_policy",
                    "_protocol", "_diff", "_serve", "_render", "_regime", "_attest", "_notify", "_redteam",
                    "_witness", "_logwatch", "_tiles")
_GATE_MODULES = ("_check", "_gate")  # two or more commands keep `app` a group of subcommands
_PUBLISH_MODULES = ("_check", "_publish")
"""`publish` and its subcommands: Typer builds the Click command of every registered command
before it parses anything (about 70 ms for all of them, a seventh of a gate run on a large case)."""


def register_commands(argv: list[str] | None = None) -> typer.Typer:
    """Register the commands `argv` (the arguments after the program name) can reach on `app`,
    and return it: only `check` and `gate` for those two, the publishing commands for `publish`,
    every command otherwise."""
    import importlib

    first = argv[0] if argv else None
    names = (_GATE_MODULES if first in ("check", "gate") else _PUBLISH_MODULES if first == "publish"
             else _COMMAND_MODULES)
    for name in names:
        importlib.import_module(f"{__name__}.{name}")
    from ._app import app

    return app


def main() -> None:
    """Entry point: every CasegateError becomes its diagnostics and its exit code, never a traceback.

    Run as the program itself (the `casegate` script, `python -m casegate`), `check` and `gate`
    (and `publish`, once its files are written) end the process as soon as their output is
    flushed, without freeing the loaded case object by object (a twentieth of a run at 100k
    elements). Called from other Python code (the tests run the command line in-process) it ends
    as any function does, by raising SystemExit.
    """
    fast_exit = sys._getframe(1).f_globals.get("__name__") == "__main__"
    published = sys.modules.get("casegate._published_keys")
    if published is not None:  # a command run before in this process: each says it for itself
        published.new_command()  # when published example keys counted
    if fast_exit:
        _without_pydantic_plugins()
        if sys.argv[1:2] and sys.argv[1] in _FAST_EXIT:
            _without_aws_signer()
            from .. import _codecache
            from .._schemacache import enable

            enable()  # the models' core schemas are kept between runs of these commands
            _codecache.enable()  # and the code dataclasses and string annotations compile to
    try:
        _main()
    except SystemExit as e:
        if not fast_exit or not sys.argv[1:] or sys.argv[1] not in _FAST_EXIT:
            raise
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        if e.code is not None and not isinstance(e.code, int):
            print(e.code, file=sys.stderr)
        _save_code()
        _exit_now(code)
    else:
        _save_code()


def _save_code() -> None:
    """Keep what this run compiled for the next (when the program enabled `casegate._codecache`)."""
    codecache = sys.modules.get("casegate._codecache")
    if codecache is not None:
        codecache.save()


def _without_pydantic_plugins() -> None:
    """The casegate program runs no pydantic plugins.

    When pydantic builds its first validator it looks for plugins: it imports `importlib.metadata`,
    reads the entry points of every installed distribution and imports whatever registers under
    `pydantic`. A release gate must not run code because some package is installed beside it, and
    the search alone costs about a third of importing pydantic and rapidyaml. pydantic's own switch
    (`PYDANTIC_DISABLE_PLUGINS`) skips the loading but not the search, so the program answers
    pydantic's plugin lookup itself, with no plugins, before anything is validated. Code that
    imports casegate as a library keeps pydantic's behaviour; if pydantic no longer looks plugins
    up in this module, the answer is simply unused.
    """
    name = "pydantic.plugin._loader"
    if name in sys.modules:  # already loaded (and perhaps plugins with it): leave it as it is
        return
    import types

    loader = types.ModuleType(name, "No pydantic plugins in the casegate program.")
    loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[name] = loader


def _no_plugins() -> tuple[()]:
    return ()


def _without_aws_signer() -> None:
    """`check`, `gate` and `publish` verify signatures and never sign: securesystemslib's AWS KMS
    signer is of no use to them.

    Importing securesystemslib's signer package (which every signature check needs) imports the
    AWS SDK whenever boto3 is installed, for that signer alone: more than half of what a `gate`
    with a keyring costs. For these commands the program answers that one import, made while
    securesystemslib's AWS signer module loads, as if boto3 were not installed; the signer then
    reports itself unavailable, as it does wherever boto3 is absent. Every other import of boto3
    (the S3 tile store, anything else) is left alone.
    """
    sys.meta_path.insert(0, _NoBoto3ForAwsSigner())


class _NoBoto3ForAwsSigner:
    """A module finder that refuses boto3 to securesystemslib's AWS signer while it loads."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "boto3":
            importer = sys.modules.get("securesystemslib.signer._aws_signer")
            if getattr(getattr(importer, "__spec__", None), "_initializing", False):
                sys.meta_path.remove(self)  # asked once: nothing else is refused
                raise ModuleNotFoundError("boto3 is not used by this command", name=name)
        return None


_FAST_EXIT = ("check", "gate", "publish")
"""Commands with nothing left to close when their output is out: `check` and `gate` only read
files and print; `publish` has written its files (closed), kept its salts (synced to disk) and
closed the registry before it returns. Freeing the case, its redacted document and the summary
object by object at exit, and the collection the interpreter runs at shutdown, would cost about
a third of what publishing a large case costs."""


def _exit_now(code: int) -> None:
    try:
        sys.stdout.flush()
    except (OSError, ValueError):  # a closed pipe: the interpreter's own exit status for it
        code = 120
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)


def _main() -> None:
    argv = sys.argv[1:]
    if argv in ([], ["--help"], ["-h"]):
        from ._help import print_top_help

        if print_top_help(to_stderr=not argv):
            sys.exit(2 if not argv else 0)
    from ..errors import CasegateError

    undecodable = _undecodable(argv)
    if undecodable is not None:
        print(undecodable.diagnostics(), file=sys.stderr)
        sys.exit(undecodable.exit_code)
    if argv and argv[0] in ("check", "gate", "publish"):
        # One short run over a large, acyclic case: the cyclic garbage collector would only walk
        # the case (and, publishing, the redacted document and summary built beside it) again and
        # again (a fifth of a check at 100k elements, a third of a publish); reference counting
        # still frees everything, and peak memory stays the same.
        import gc

        gc.disable()
        from ._fast import fast_command

        run = fast_command(argv)  # None: Typer parses the arguments (help, usage errors, ...)
        if run is not None:
            try:
                code = run()
            except CasegateError as e:
                print(e.diagnostics(), file=sys.stderr)
                sys.exit(e.exit_code)
            except KeyboardInterrupt:
                print("interrupted", file=sys.stderr)
                sys.exit(130)
            except Exception as e:
                _internal_error(e)
            sys.exit(code)
    import typer

    app = register_commands(argv)
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
        _internal_error(e)
    sys.exit(rv if isinstance(rv, int) else 0)


def _undecodable(argv: list[str]) -> CasegateError | None:
    """The error for the first argument that is no text: bytes the shell passed that are not UTF-8
    (Python keeps them as lone surrogates), which no JSON, log entry or signed statement can hold,
    so a value taken from one would fail wherever it is written (or name a file no message can
    show). None when every argument is text."""
    for i, arg in enumerate(argv):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            from ..errors import InputError

            try:  # the bytes as the shell passed them
                shown = repr(arg.encode("utf-8", "surrogateescape"))
            except UnicodeEncodeError:
                shown = repr(arg.encode("utf-8", "backslashreplace"))
            what = f"the value of {argv[i - 1]}" if i > 0 and argv[i - 1].startswith("-") else f"argument {i + 1}"
            return InputError(f"{what} ({shown}) is not UTF-8 text: it holds bytes casegate cannot read as text",
                              help="give it as UTF-8 (check the terminal's or the script's encoding; rename a "
                                   "file whose name is not UTF-8)")
    return None


def _internal_error(e: Exception) -> NoReturn:
    """Report an unexpected exception as a casegate bug (exit 70); re-raise it with CASEGATE_DEBUG."""
    if os.environ.get("CASEGATE_DEBUG"):
        raise e
    if isinstance(e, OSError) and e.filename is not None:
        # the system refused an operation on a named file (a symlink loop, a folder where a file
        # is written, a full disk): a problem with that path, not a bug
        from ..terminal import escape_controls

        names = " -> ".join(str(f) for f in (e.filename, e.filename2) if f is not None)
        print(f"error: {escape_controls(names)}: {e.strerror or type(e).__name__}\n"
              "  help: check the path: it must name a file casegate can read or write "
              "(not a folder, a broken or looping symbolic link, or a place without room or permission)",
              file=sys.stderr)
        sys.exit(2)
    print(f"internal error: {type(e).__name__}: {e}\n"
          "  help: this is a casegate bug, not a problem with your input; rerun with "
          "CASEGATE_DEBUG=1 for the traceback and report it", file=sys.stderr)
    sys.exit(70)
