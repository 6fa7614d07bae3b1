"""`casegate diff OLD NEW`: the semantic diff of two versions of a case, from two files or from
the registry (`CASE@1 CASE@2`)."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from . import app
from ._common import configured_registry, out, parse_date

_REF = re.compile(r"^(?P<case>[A-Za-z0-9][A-Za-z0-9._-]*)@(?P<n>\d+)\Z")


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="The older version: a case file, or CASE@N from the registry.")],
    new: Annotated[str, typer.Argument(help="The newer version: a case file, or CASE@N from the registry.")],
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.text,
    public: Annotated[bool, typer.Option(
        "--public", help="Redact it for the public: changes to confidential elements show their published "
                         "commitment (registry versions) or 'content withheld', never their content.")] = False,
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry for CASE@N (default: $CASEGATE_DATABASE_URL or ./.casegate/registry.db).")] = None,
    at: Annotated[str | None, typer.Option(
        "--at", help="Judge the older version's conditions (met or missed) as of this date; default today.")] = None,
    keyring: Annotated[Path | None, typer.Option(
        "--keyring", envvar="CASEGATE_KEYRING",
        help="Keyring to check signed confirmations of the older version's conditions against "
             "(default $CASEGATE_KEYRING); without one no condition counts as met.")] = None,
) -> None:
    """Show what changed between two versions of a case: claims, boundary, thresholds and how they
    are measured, evaluations and elicitation, safeguards, residual risk, sign-offs, objections and
    (for registry versions) the earlier decision's conditions."""
    from ..diff import (
        diff_cases,
        format_diff_json,
        format_diff_markdown,
        format_diff_text,
        redacted,
    )
    from ..load import load_case

    refs = [_REF.match(x) if not Path(x).exists() else None for x in (old, new)]
    commitments: dict[str, str] = {}
    if refs[0] and refs[1]:
        if refs[0]["case"] != refs[1]["case"]:
            raise InputError(f"{old} and {new} are versions of different cases",
                             help="diff two versions of one case")
        from ..monitor import public_commitments, version_diff

        reg = configured_registry(db)
        if reg is None:
            raise InputError("no registry is configured to read CASE@N from",
                             help="pass --db or set $CASEGATE_DATABASE_URL")
        with reg:
            from ..sign import load_keyring

            ring = load_keyring(keyring) if keyring is not None else None
            d = version_diff(reg, refs[0]["case"], int(refs[0]["n"]), int(refs[1]["n"]), today=parse_date(at),
                             keyring=ring)
            if public:
                commitments = public_commitments(reg, refs[0]["case"])
    elif refs[0] or refs[1]:
        raise InputError("give two case files or two registry versions (CASE@N), not one of each")
    else:
        a, b = load_case(old), load_case(new)
        for loaded in (a, b):
            if loaded.case is None:
                first = next((f for f in loaded.diagnostics if f.blocking), None)
                raise InputError(f"{loaded.case_path} is not a valid case" + (f": {first.message}" if first else ""),
                                 help=f"run `casegate check {loaded.case_path}`")
        assert a.case is not None and b.case is not None
        d = diff_cases(a.case, b.case, old_policy=a.policy, new_policy=b.policy,
                       old_label=f"{old} (version {a.case.version})", new_label=f"{new} (version {b.case.version})")
    if public:
        d = redacted(d, commitments=commitments)
    text = {DiffFormat.json: format_diff_json, DiffFormat.markdown: format_diff_markdown}.get(format, format_diff_text)(d)
    out(text)
