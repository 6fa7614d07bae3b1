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
)

# command modules register themselves on `app` (and sub-apps) when imported
from . import _check  # noqa: E402,F401
from . import _gate  # noqa: E402,F401
from . import _evidence  # noqa: E402,F401
from . import _sign  # noqa: E402,F401
from . import _registry  # noqa: E402,F401
from . import _publish  # noqa: E402,F401
from . import _monitor  # noqa: E402,F401
from . import _serve  # noqa: E402,F401
from . import _render  # noqa: E402,F401


def main() -> None:
    """Entry point: every CasegateError becomes its diagnostics and its exit code, never a traceback."""
    from ..errors import CasegateError

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
