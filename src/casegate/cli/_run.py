"""The bodies of `casegate check` and `casegate gate`, without Typer.

The Typer commands (`_check`, `_gate`) and the fast path (`_fast`) both call these functions,
which return the exit code instead of raising Typer's `Exit`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ._common import Format, ReportFormat, command_line, err, out, parse_date

if TYPE_CHECKING:
    from ..load import Loaded
    from ..model import BoundaryKind


def run_check(case: Path, format: Format = Format.text, at: str | None = None, policy: Path | None = None,
              root: Path | None = None, keyring: Path | None = None, watch: bool = False) -> int:
    """`casegate check`: check the case (once, or again after every change with `watch`); the exit code."""
    if watch:
        return _watch(case, format, at, policy, root, keyring)
    code, _ = _check_once(case, format, at, policy, root, keyring)
    return code


def _check_once(case: Path, format: Format, at: str | None, policy: Path | None,
                root: Path | None, keyring: Path | None = None) -> tuple[int, Loaded]:
    """Load and check the case, print the report; (exit code, the loaded case)."""
    from ..checks import all_rules, check_case
    from ..evidence import rehash_artifacts
    from ..load import load_case
    from ..report import (
        format_github,
        format_json,
        format_junit,
        format_sarif,
        format_text,
        summary_line,
    )
    from ._common import attested

    # nothing `check` does reads the parsed data once the models are built
    loaded = attested(load_case(case, policy=policy, root=root, keep_data=False), keyring, at)
    _start_up_over()
    report = check_case(loaded, today=parse_date(at), artifacts=rehash_artifacts(loaded))
    if format is Format.json:
        out(format_json(report.findings, files=report.files))
    elif format is Format.sarif:
        out(format_sarif(report.findings, all_rules(), exit_code=report.exit_code,
                         command_line=command_line()))
    elif format is Format.github:
        text = format_github(report.findings)
        if text:
            out(text)
        out(f"{case}: {summary_line(report.findings)}")
    elif format is Format.junit:
        out(format_junit(report.findings, name=str(case)))
    else:
        text = format_text(report.findings, loaded.source_line)
        if text:
            out(text)
        out(f"{case}: {summary_line(report.findings)}")
    return report.exit_code, loaded


def _watch(case: Path, format: Format, at: str | None, policy: Path | None, root: Path | None,
           keyring: Path | None = None) -> int:
    """Check, then check again after every change to a file the check read, until interrupted."""
    import gc
    import sys
    import time

    gc.enable()  # a one-shot check runs without the cyclic collector; a watch runs for hours

    from ..checks import file_states, wait_for_change, watched_files
    from ..errors import CasegateError
    from ..load import display_path

    loaded: Loaded | None = None
    code = 2
    changed: list[Path] = []
    try:
        while True:
            # the files as they are before this check reads them: an edit made while it runs is
            # seen as a change afterwards
            before = file_states(watched_files(loaded, case))
            started, cpu = time.perf_counter(), time.process_time()
            try:
                code, loaded = _check_once(case, format, at, policy, root, keyring)
            except CasegateError as e:
                err(e.diagnostics())
                code = e.exit_code
            took = (time.perf_counter() - started) * 1000
            took_cpu = (time.process_time() - cpu) * 1000
            # files first read by this check (an include just added) are watched from now on
            states = {**file_states(watched_files(loaded, case)), **before}
            if changed:
                err(f"re-checked in {took:.0f} ms ({took_cpu:.0f} ms of CPU) after a change to "
                    + ", ".join(display_path(p) for p in changed))
            err("watching for changes (Ctrl-C to stop)")
            sys.stdout.flush()
            changed = wait_for_change(states)
    except KeyboardInterrupt:
        return code


def run_gate(case: Path, boundary: BoundaryKind | None = None, previous: Path | None = None, db: str | None = None,
             at: str | None = None, related: list[Path] | None = None, format: ReportFormat = ReportFormat.text,
             record: Path | None = None, keyring: Path | None = None, preview: bool = False,
             fail_on_conditions: bool = False, root: Path | None = None) -> int:
    """`casegate gate`: decide for the case, print (and record) the decision; the exit code."""
    from ..checks import all_rules
    from ..errors import InputError
    from ..gate import exit_code, record_bytes, run_gate
    from ..load import load_case
    from ..report import (
        format_decision_github,
        format_decision_json,
        format_decision_junit,
        format_decision_markdown,
        format_decision_text,
        format_sarif,
    )
    from ._common import fetch_comparison

    if preview and format in (ReportFormat.sarif, ReportFormat.github, ReportFormat.junit):
        raise InputError(f"--preview is not for CI formats ({format.value}): a pipeline must see the decision",
                         help="use --preview with text, markdown or json")
    if preview and record is not None:
        raise InputError("--record writes a decision; a preview is not one",
                         help="drop --preview to record what the signed sign-offs decide")
    # the parsed data is read again only to check sign-offs against a keyring (their digest covers
    # the case as written); without one nothing reads it once the models are built
    loaded = load_case(case, root=root, keep_data=keyring is not None)
    prev = load_case(previous, root=root, keep_data=False) if previous is not None else None
    rel = [load_case(p, root=root, keep_data=False) for p in related or []]
    _start_up_over()
    day = parse_date(at) or dt.date.today()
    ring = None
    if keyring is not None:
        from ..sign import load_keyring

        ring = load_keyring(keyring)
    if prev is not None and ring is not None:
        from ..sign import with_attestations

        # the version compared with is read as the registry reads a stored one: its evidence is
        # independent only where its own attestations hold against the keyring
        prev = with_attestations(prev, ring, dt.datetime.combine(day, dt.time.max, dt.UTC))
    from ..verify import gate_inputs

    # the same inputs the review board's gate run takes (`gate_inputs`)
    inputs = gate_inputs(loaded, ring, day, preview=preview)
    loaded, declared = inputs.loaded, inputs.declared
    waivers, problems = inputs.waivers, inputs.waiver_problems
    comparison = fetch_comparison(loaded, db, ring)
    decision = run_gate(loaded, boundary=boundary, previous=prev, today=day, waivers=waivers,
                        related=rel, waiver_problems=problems, comparison=comparison)
    if record is not None:
        try:
            record.write_bytes(record_bytes(decision))
        except OSError as e:
            raise InputError(f"cannot write the record: {e.strerror}", location=str(record)) from None
    banner = ("PREVIEW: as if every declared sign-off were signed; this is not a decision "
              "(drop --preview for the decision the signed sign-offs make)")
    if format is ReportFormat.json:
        import json

        doc = json.loads(format_decision_json(decision))
        doc["signoffs_declared_not_signed"] = declared
        if preview:
            doc["preview"] = True
        out(json.dumps(doc, indent=2))
    elif format is ReportFormat.sarif:
        out(format_sarif(decision.findings, all_rules(), exit_code=exit_code(decision, fail_on_conditions),
                         command_line=command_line()))
    elif format is ReportFormat.github:
        out(format_decision_github(decision))
    elif format is ReportFormat.junit:
        out(format_decision_junit(decision))
    elif format is ReportFormat.markdown:
        text = format_decision_markdown(decision)
        if preview:
            text = f"> **{banner}**\n\n{text}"
        if declared:
            text += "\n\n## Declared, not signed (not counted)\n\n" + "\n".join(f"- {d}" for d in declared)
        out(text)
    else:
        lines = format_decision_text(decision, loaded.source_line).rstrip("\n").split("\n")
        if declared:
            lines[-1:-1] = ["Declared, not signed (not counted; the roles they stand for are missing):",
                            *(f"  - {d}" for d in declared), ""]
        if preview:
            lines = [banner, *lines[:-1], "PREVIEW " + lines[-1]]
        out("\n".join(lines))
    return exit_code(decision, fail_on_conditions)


def _start_up_over() -> None:
    """The case is loaded (its models built): the program's kept compiled code, when it keeps any
    (`casegate._codecache`), is let go for the rest of the run."""
    codecache = sys.modules.get("casegate._codecache")
    if codecache is not None:
        codecache.release()
