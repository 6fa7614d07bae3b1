"""`casegate check`, `casegate rules`, `casegate schema`, `casegate init`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import Format, err, fail, out


@app.command()
def check(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    at: Annotated[str | None, typer.Option(help="Check as of this date (YYYY-MM-DD); default today.")] = None,
    policy: Annotated[Path | None, typer.Option(help="Use this policy file instead of the case's.")] = None,
    root: Annotated[Path | None, typer.Option(
        help="The folder every file of the case must lie inside (default: the enclosing git work "
             "tree, else the case's folder; or CASEGATE_ROOT).")] = None,
    keyring: Annotated[Path | None, typer.Option(
        "--keyring", envvar="CASEGATE_KEYRING",
        help="Keyring to check evidence attestations against (default $CASEGATE_KEYRING); without one "
             "no evidence is independent.")] = None,
    watch: Annotated[bool, typer.Option(
        "--watch", help="Keep running: check again each time one of the case's files, its policy or "
                        "an evidence artifact changes (Ctrl-C to stop; exits with the last check's code).")] = False,
) -> None:
    """Check a case against every rule and print the findings.

    Formats: text (like a linter), json, sarif, github (workflow commands that annotate the
    files in a GitHub Actions run), junit (JUnit XML).

    Exit 0 when nothing is blocking, 1 when something is, 2 when the input cannot be read.
    """
    from ._run import run_check

    fail(run_check(case, format, at, policy, root, keyring, watch))


@app.command()
def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code (CG301) or name to explain.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or markdown")] = "text",
) -> None:
    """List every rule, or explain one."""
    from ..checks import all_rules, get_rule, iter_rules_by_family
    from ..report import rule_doc

    if code:
        r = get_rule(code.upper()) or next((x for x in all_rules() if x.name == code), None)
        if r is None:
            err(f"error: no rule {code!r}\n  help: `casegate rules` lists them")
            fail(2)
        out(rule_doc(r))  # type: ignore[arg-type]
        return
    if format == "markdown":
        out("# casegate rules\n")
        for fam, rs in iter_rules_by_family():
            out(f"# {fam}xx\n")
            for r in rs:
                out(rule_doc(r))
        return
    for _family, rs in iter_rules_by_family():
        for r in rs:
            out(f"{r.code}  {r.name:<36} {r.severity.value:<9} {r.serves:<34} {r.summary}")


def _schemas() -> dict[str, dict[str, object]]:
    from ..model import case_file_schemas
    from ..sign import keyring_schema

    return {**case_file_schemas(), "keyring": keyring_schema()}


@app.command()
def schema(
    name: Annotated[str | None, typer.Argument(
        help="case (the main file), case-include (any included file), case-SECTION (an included "
             "file holding one section, e.g. case-evidence), policy or keyring; --list shows all.")] = None,
    write: Annotated[Path | None, typer.Option(
        "--write", metavar="DIR", help="Write every schema into DIR as NAME.schema.json.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the schemas and exit.")] = False,
) -> None:
    """Print the JSON Schema (draft 2020-12) of one kind of casegate file, for editors and
    validators. Point a file at its schema with a comment line such as
    `# yaml-language-server: $schema=schemas/case.schema.json`."""
    from ..errors import InputError

    schemas = _schemas()
    if list_:
        for n, s in schemas.items():
            out(f"{n:<26} {s.get('title', '')}")
        return
    if write is not None:
        write.mkdir(parents=True, exist_ok=True)
        for n, s in schemas.items():
            (write / f"{n}.schema.json").write_text(json.dumps(s, indent=2) + "\n")
        out(f"wrote {len(schemas)} schemas to {write}")
        return
    if name is None or name not in schemas:
        raise InputError(f"no schema named {name!r}" if name else "say which schema to print",
                         help="one of: " + ", ".join(schemas) + " (or --write DIR for all of them)")
    out(json.dumps(schemas[name], indent=2))


@app.command()
def init(
    directory: Annotated[Path | None, typer.Argument(help="Where to write the new case.")] = None,
    template: Annotated[str, typer.Option(help="Template name (see --list).")] = "frontier-api",
    list_: Annotated[bool, typer.Option("--list", help="List templates and exit.")] = False,
) -> None:
    """Scaffold a new case from a template."""
    from ..errors import InputError
    from ..load.templates import copy_template, templates

    if list_:
        for name, desc in templates().items():
            out(f"{name:<16} {desc}")
        return
    if directory is None:
        raise InputError("say where to write the new case", help="casegate init --template NAME DIRECTORY "
                         "(casegate init --list shows the templates)")
    written = copy_template(template, directory)
    schemas = directory / "schemas"
    for p in written:
        if p.parent != schemas:
            out(f"wrote {p}")
    n = sum(1 for p in written if p.parent == schemas)
    out(f"wrote {n} JSON Schemas to {schemas}/ (each file's `yaml-language-server` line names its schema, "
        "so editors check it as you type)")
    out(f"next: edit {directory}/case.yaml, then run `casegate check {directory}/case.yaml`")
