"""`casegate diagram` and `casegate gsn2x export|import`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app
from ._app import AttestKeyring
from ._common import attested, err, out

if TYPE_CHECKING:
    from ..load import Loaded
    from ..model import Case

gsn2x_app = typer.Typer(help="Export to and import from gsn2x's YAML format (v4).",
                        no_args_is_help=True)
app.add_typer(gsn2x_app, name="gsn2x")


LARGE = 150
"""Above this many elements a single diagram no longer fits a screen: suggest the split view."""


class DiagramFormat(str, Enum):
    svg = "svg"
    mermaid = "mermaid"
    dot = "dot"


class Engine(str, Enum):
    casegate = "casegate"
    dot = "dot"


def _case(loaded: Loaded) -> Case:
    from ..errors import InputError

    if loaded.case is None:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        where = f"{first.location.file}:{first.location.line}: " if first and first.location else ""
        raise InputError(
            f"{loaded.case_path} is not a valid case ({len(loaded.diagnostics)} problem(s); first: "
            f"{where}{first.message if first else 'unknown'})",
            help=f"run `casegate check {loaded.case_path}` and fix what it reports")
    return loaded.case


def _redactions(loaded: Loaded, case: Case, public: bool, salt_store: Path | None,
                db: str | None) -> dict[str, str]:
    """Commitments for the redacted argument elements and evidence, when the salts they were
    published with are kept (the same commitments the public summary carries)."""
    if not public:
        return {}
    from ..publish import NoSaltKept, readable_case, redact
    from ._publish import salt_source

    with salt_source(salt_store, db, fresh=False) as salts:
        try:
            # the summary committed to the case as its evidence artifacts show it
            red = redact(readable_case(loaded), salts)
        except NoSaltKept as e:
            err(f"note: redacted elements are drawn without commitments: {e.message}")
            return {}
    outm: dict[str, str] = {}
    for ptr, stub in red.stubs.items():
        if ptr.startswith("/argument/elements/") or ptr.startswith("/evidence/"):
            outm[stub.id] = stub.commitment
    return outm


def _write(text: str, dest: Path | None) -> None:
    if dest is None:
        out(text)
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    err(f"wrote {dest}")


@app.command()
def diagram(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    format: Annotated[DiagramFormat, typer.Option("--format", "-f", help="svg, mermaid or dot.")] = DiagramFormat.svg,
    module: Annotated[str | None, typer.Option(help="Draw only this module (module id M-G3, or an element id in it).")] = None,
    collapsed: Annotated[bool, typer.Option("--collapsed", help="Draw only the overview of the modules.")] = False,
    split: Annotated[bool, typer.Option("--split", help="Write index.svg and one SVG per module into --out DIR.")] = False,
    out_path: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (directory with --split); default stdout.")] = None,
    engine: Annotated[Engine, typer.Option(help="Layout engine: casegate's own, or Graphviz dot (small arguments only).")] = Engine.casegate,
    public: Annotated[bool, typer.Option("--public", help="Redact every element above public confidentiality.")] = False,
    salt_store: Annotated[Path | None, typer.Option(
        "--salt-store", envvar="CASEGATE_SALT_STORE",
        help="Salt store the summary was published with, to show the published commitments of redacted elements.")] = None,
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry the summary was published with (its salts; default $CASEGATE_DATABASE_URL).")] = None,
    findings: Annotated[bool, typer.Option("--findings/--no-findings", help="Mark the findings of every rule.")] = True,
    max_elements: Annotated[int, typer.Option(help="Module size bound for --split, --module and --collapsed.", min=2)] = 30,
    keyring: AttestKeyring = None,
) -> None:
    """Draw the argument as a GSN diagram (SVG), or export it as Mermaid or DOT.

    Findings are outlined (red blocking, amber condition), open defeaters are red and dashed,
    redacted elements show only their id, kind and commitment. Large arguments: --split writes
    an overview and one linked page per module; --collapsed draws the overview; --module one page.
    """
    from ..errors import InputError
    from ..load import load_case
    from ..render import (
        INDEX,
        argument_graph,
        dot_svg,
        find_module,
        findings_by_element,
        module_graph,
        module_page,
        overview_graph,
        partition,
        render_mermaid,
        render_split,
        render_svg,
        to_dot,
    )

    if sum([module is not None, collapsed, split]) > 1:
        raise InputError("choose one of --module, --collapsed and --split")
    if split and out_path is None:
        raise InputError("--split writes several files", help="give the directory with --out DIR")
    loaded = attested(load_case(case), keyring, None)
    c = _case(loaded)
    marks = {}
    if findings:
        from ..checks import check_case
        from ..evidence import rehash_artifacts

        marks = findings_by_element(check_case(loaded, artifacts=rehash_artifacts(loaded)).findings)
    from ..publish import evidence_basis

    graph = argument_graph(c, findings=marks, redactions=_redactions(loaded, c, public, salt_store, db),
                           public=public, basis=evidence_basis(loaded))
    if split:
        if format is not DiagramFormat.svg or engine is not Engine.casegate:
            raise InputError("--split draws SVG with casegate's engine")
        assert out_path is not None
        pages = render_split(graph, max_elements)
        out_path.mkdir(parents=True, exist_ok=True)
        for name, svg in pages.items():
            (out_path / name).write_text(svg, encoding="utf-8")
        err(f"wrote {out_path / INDEX} and {len(pages) - 1} module page(s) in {out_path}")
        return
    if collapsed or module is not None:
        mods = partition(graph, max_elements)
        if collapsed:
            graph = overview_graph(graph, mods)
        else:
            assert module is not None
            m = find_module(mods, module)
            if m is None:
                raise InputError(f"no module or element {module!r} in the argument",
                                 help="module ids are M-<root id>; `--collapsed` lists them")
            if format is DiagramFormat.svg and engine is Engine.casegate:
                _write(module_page(graph, mods, m.id), out_path)
                return
            graph = module_graph(graph, mods, m.id)
    if format is DiagramFormat.mermaid:
        _write(render_mermaid(graph), out_path)
    elif format is DiagramFormat.dot:
        _write(to_dot(graph), out_path)
    elif engine is Engine.dot:
        _write(dot_svg(graph), out_path)
    else:
        _write(render_svg(graph), out_path)
        if not collapsed and module is None and len(graph.nodes) > LARGE:
            err(f"note: the argument has {len(graph.nodes)} elements, too many to read on one page: "
                "`--split --out DIR` draws an overview and one linked page per module")


@gsn2x_app.command("export")
def gsn2x_export(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    out_path: Annotated[Path | None, typer.Option("--out", "-o", help="Output file; default stdout.")] = None,
    public: Annotated[bool, typer.Option("--public", help="Redact every element above public confidentiality.")] = False,
    salt_store: Annotated[Path | None, typer.Option(
        "--salt-store", envvar="CASEGATE_SALT_STORE",
        help="Salt store the summary was published with, for the commitments of redacted elements.")] = None,
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry the summary was published with (its salts; default $CASEGATE_DATABASE_URL).")] = None,
) -> None:
    """Export the case's argument as a gsn2x YAML file (solutions from the cited evidence).

    A case whose argument is split into `module-<name>.yaml` files is written as gsn2x modules:
    --out names a directory, which gets `<case id>.gsn.yaml` (the index, with `module: uses:`)
    and `<name>.gsn.yaml` per module.
    """
    from ..errors import InputError
    from ..load import load_case
    from ..render import export_gsn2x, export_gsn2x_modules, modules_of

    loaded = load_case(case)
    c = _case(loaded)
    red = _redactions(loaded, c, public, salt_store, db)
    mods = modules_of(loaded)
    if not mods:
        _write(export_gsn2x(c, redactions=red, public=public), out_path)
        return
    if out_path is None or out_path.suffix in (".yaml", ".yml"):
        raise InputError("the argument is split into modules: --out must name a directory",
                         help="e.g. --out gsn2x/ (one <module>.gsn.yaml per module)")
    out_path.mkdir(parents=True, exist_ok=True)
    for name, text in export_gsn2x_modules(c, mods, redactions=red, public=public).items():
        _write(text, out_path / f"{name}.gsn.yaml")


@gsn2x_app.command("import")
def gsn2x_import(
    source: Annotated[Path, typer.Argument(help="A gsn2x YAML file.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Directory for case.yaml, argument.yaml, evidence.yaml.")],
    policy: Annotated[str | None, typer.Option(help="Policy the new case uses (path relative to --out, or builtin:NAME).")] = None,
    case_id: Annotated[str | None, typer.Option("--id", help="Case id (default: the module name or the file name).")] = None,
    root: Annotated[Path | None, typer.Option(
        help="The folder every module the file uses must lie inside (default: the enclosing git work "
             "tree, else the file's folder; or CASEGATE_ROOT).")] = None,
) -> None:
    """Import a gsn2x argument as a casegate case skeleton: goals become claims, solutions become
    evidence items (kind `other`, to complete), counter-goals and counter-solutions become defeaters."""
    from ..render import import_gsn2x, write_case_skeleton

    imp = import_gsn2x(source, root=root)
    written = write_case_skeleton(imp, out_dir, source=source.name, policy=policy, case_id=case_id)
    for p in written:
        err(f"wrote {p}")
    for msg in imp.ignored:
        err(f"note: {msg}")
    out(f"imported {len(imp.argument.elements)} argument elements and {len(imp.evidence)} solutions "
        f"from {source}; next: complete {out_dir / 'case.yaml'} and {out_dir / 'evidence.yaml'}, "
        f"then run `casegate check {out_dir / 'case.yaml'}`")
