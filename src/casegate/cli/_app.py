"""The Typer application every command module registers itself on."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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


AttestKeyring = Annotated[Path | None, typer.Option(
    "--keyring", envvar="CASEGATE_KEYRING",
    help="Keyring to check evidence attestations against (default $CASEGATE_KEYRING); without one no "
         "evidence is independent.")]
"""The --keyring option of commands that judge independence from evidence attestations."""

DecideKeyring = Annotated[Path | None, typer.Option(
    "--keyring", envvar="CASEGATE_KEYRING",
    help="Keyring to verify the case's sign-off envelopes and evidence attestations against (default "
         "$CASEGATE_KEYRING); without one no sign-off counts and no evidence is independent, as in `gate`.")]
"""The --keyring option of commands that publish a decision (`publish`, `report`)."""
