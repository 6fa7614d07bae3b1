"""After launch: `casegate incident report`, `casegate monitor ingest`, `casegate triggers run`,
`casegate state` (show, set, transitions), `casegate condition` (list, met), `casegate history`.

Exit codes: 0 done; 1 `condition list` found an overdue condition, or a decision bundle does not
verify; 2 bad input (for `triggers run`: a case's plan could not be evaluated; the other cases
were); 3 the registry is unreachable; 4 an illegal state transition was refused (nothing was
recorded).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ..model import BoundaryKind
from . import app
from ._common import err, fail, out, parse_date

ApprovalRootOption = Annotated[Path | None, typer.Option(
    "--trust-root", envvar="CASEGATE_TRUST_ROOT",
    help="The trust root whose pinned keyring and policy the registry judges an approval with "
         "(required for an approval, unless --unpinned).")]
UnpinnedOption = Annotated[bool, typer.Option(
    "--unpinned", help="Tests and demos only: let the registry judge an approval with the given keyring "
                       "although no trust root pins it (`verify` still holds it to the trust root).")]
DbOption = Annotated[str | None, typer.Option(
    "--db", help="Registry URL or SQLite path (default: $CASEGATE_DATABASE_URL or ./.casegate/registry.db).")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]
KeyringOption = Annotated[Path | None, typer.Option(
    "--keyring", envvar="CASEGATE_KEYRING",
    help="Keyring to check signed confirmations of conditions against (default $CASEGATE_KEYRING); "
         "without one no confirmation can be checked, so no condition counts as met.")]
FilingKeyringOption = Annotated[Path | None, typer.Option(
    "--keyring", envvar="CASEGATE_KEYRING",
    help="Keyring to check logged filings of regime reports against (default $CASEGATE_KEYRING); a filing "
         "stops a report's clock only when it verifies and its signer is outside the developer, so without "
         "one no report counts as filed.")]


def _keyring_or_none(path: Path | None):  # type: ignore[no-untyped-def]
    """The keyring at `path` (None when no keyring is given)."""
    if path is None:
        return None
    from ..sign import load_keyring

    return load_keyring(path)


def _open(db: str | None, *, existing: bool = False):  # type: ignore[no-untyped-def]
    """The registry (`existing`: one that is there already; a command that only reads never
    creates one at a mistyped path)."""
    from ..store import open_registry

    return open_registry(db, existing=existing)


def _instant(value: str | None) -> dt.datetime | None:
    """--at as an instant: a date means the end of that day (UTC), so the whole day counts."""
    if value is None:
        return None
    if len(value.strip()) > 10:
        from ..monitor import parse_timestamp

        return parse_timestamp(value, "--at")
    day = parse_date(value)
    assert day is not None
    return dt.datetime.combine(day, dt.time.max, dt.UTC)


# --------------------------------------------------------------------------- incidents

incident_app = typer.Typer(help="Incidents after launch, linked to the case they bear on.",
                           no_args_is_help=True)
app.add_typer(incident_app, name="incident")


@incident_app.command("report")
def incident_report(
    case: Annotated[str, typer.Option("--case", help="Id of the linked case.")],
    date: Annotated[str, typer.Option("--date", help="When it happened (YYYY-MM-DD).")],
    deployer: Annotated[str, typer.Option("--deployer", help="Alleged deployer of the system involved.")],
    developer: Annotated[str, typer.Option("--developer", help="Alleged developer of the system.")],
    harmed: Annotated[list[str], typer.Option("--harmed", help="Harmed or nearly harmed party (repeatable).")],
    description: Annotated[str, typer.Option("--description", help="What happened.")],
    severity: Annotated[str, typer.Option("--severity", help="low, moderate, high, severe, catastrophic.")],
    domain: Annotated[str, typer.Option("--domain", help="Risk domain, as the case's policy names it.")],
    title: Annotated[str | None, typer.Option(help="A short title.")] = None,
    report: Annotated[list[str] | None, typer.Option("--report", help="Where it was reported (repeatable).")] = None,
    reported_by: Annotated[str | None, typer.Option(help="Who is reporting it.")] = None,
    known: Annotated[str | None, typer.Option(
        "--known", help="When it became known (ISO date-time; default the start of --date): regime "
                        "reporting deadlines count from here.")] = None,
    classes: Annotated[list[str] | None, typer.Option(
        "--class", help="Regime incident class it falls in, REGIME:CLASS (repeatable); each starts a "
                        "reporting clock. See `casegate regime show NAME`.")] = None,
    not_reportable: Annotated[str | None, typer.Option(
        "--not-reportable", help="Why no incident class of the case's regimes applies.")] = None,
    attack: Annotated[str | None, typer.Option(
        "--attack", help="The attack it came through, as red teams name their samples of it (a jailbreak "
                         "family, a technique id): the version answering it must test it (CG432).")] = None,
    triggers: Annotated[bool, typer.Option(
        "--triggers/--no-triggers", help="Run the linked case's triggers at once (default) or only record.")] = True,
    keyring: KeyringOption = None,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Record an incident (fields after the AI Incident Database) and, by default, run the linked
    case's triggers at once, so a matching trigger reopens, restricts or withdraws it now."""
    from ..monitor import incident_from_fields, report_incident, run_triggers

    inc = incident_from_fields(case=case, date=date, deployer=deployer, developer=developer,
                               harmed=harmed, description=description, severity=severity,
                               domain=domain, title=title, reports=report, reported_by=reported_by,
                               known=known, classes=classes, not_reportable=not_reportable, attack=attack)
    with _open(db) as reg:
        since = reg.size()
        entry = report_incident(reg, inc)
        runs = run_triggers(reg, case_id=case, keyring=_keyring_or_none(keyring)) if triggers else []
        followed = _followed(reg, since)
        hints = _suggestions(reg, case, entry.index)
    if as_json:
        out(json.dumps({"incident": entry.to_json(), "triggers": [r.to_json() for r in runs],
                        "suggestions": hints}, indent=2))
        return
    defeats = entry.payload.get("defeats", {})
    out(f"recorded incident #{entry.index} against {case} ({domain}, {severity})"
        + (f"; it defeats claims {', '.join(defeats['claims'])} of version {defeats['version']}"
           if defeats.get("claims") else ""))
    for r in entry.payload.get("regime_reports") or []:
        out(f"  report due: {r['title']} ({r['class']}) to {r['report_to']} by {r['due']} "
            f"({r['deadline']} after it became known; {r['cite']})")
    for line in hints:
        out(f"  {line}")
    for r in runs:
        _print_run(r)
    _print_followed(followed)


@incident_app.command("clocks")
def incident_clocks(
    case: Annotated[str, typer.Option("--case", help="Id of the case.")],
    at: Annotated[str | None, typer.Option(help="As of this instant or date (default now).")] = None,
    keyring: FilingKeyringOption = None,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """The regime reports that count for the case: its incidents', and, once it is approved, those
    of incidents logged since against another case about the same model (marked with the case they
    were filed under). Deadline, time left, filed or overdue. Exit 1 when a report is overdue
    (finding CG1003). A report is filed only by a logged filing that verifies against the keyring
    and was signed outside the developer; each one that does not count is named with why."""
    from ..monitor import counted_report_clocks, iso, overdue_report_findings

    now = _instant(at) or dt.datetime.now(dt.UTC)
    with _open(db) as reg:
        from ..monitor._versions import require_case

        require_case(reg, case)
        clocks = counted_report_clocks(reg, case, _keyring_or_none(keyring))
    overdue = overdue_report_findings(clocks, now)
    if as_json:
        out(json.dumps({"case": case, "at": now.isoformat(), "reports": [c.to_json(now) for c in clocks],
                        "findings": [json.loads(f.model_dump_json()) for f in overdue]}, indent=2))
    else:
        if not clocks:
            out(f"{case}: no incident owes a regime report")
        for c in clocks:
            filed = (f"filed {iso(c.filed_at)} by {c.filed_by}" + (" (late)" if c.late else "")
                     if c.filed_at else c.remaining(now))
            under = (f" (filed under case {c.filed_under}, about the same model: file its reports with "
                     f"--case {c.filed_under})" if c.filed_under else "")
            out(f"incident #{c.incident}{under} {c.cls}: {c.title} to {c.report_to}, due {iso(c.due)} "
                f"({c.deadline}; {c.cite}): {c.status(now)}, {filed}"
                + (" (owed as the incident's domain and severity point at the class; someone outside the "
                   "developer may dismiss it: `casegate incident dismiss`)" if c.hinted else ""))
            for n in c.not_counted:
                err(f"  filing not counted: {n}")
        for f in overdue:
            err(f"{f.code} {f.name}: {f.message}")
    if overdue:
        raise typer.Exit(1)


@incident_app.command("classify")
def incident_classify(
    incident: Annotated[int, typer.Argument(help="Log index of the incident.")],
    case: Annotated[str, typer.Option("--case", help="Id of the case.")],
    classes: Annotated[list[str] | None, typer.Option(
        "--class", help="Regime incident class it falls in, REGIME:CLASS (repeatable).")] = None,
    not_reportable: Annotated[str | None, typer.Option(
        "--not-reportable", help="Why no incident class of the case's regimes applies.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who classifies it.")] = None,
    db: DbOption = None,
) -> None:
    """Set the regime classes of a recorded incident (an unclassified one owes a provisional
    report by each regime's shortest deadline); the deadlines count from when it became known. A
    classification adds reports and takes none away: a report already owed stays owed. The
    classes the regimes' hints suggest for the incident's domain and severity are printed after
    it (and by `casegate incident show INDEX --case CASE` before)."""
    from ..monitor import VersionCache, record_classification
    from ..monitor._versions import require_case

    with _open(db) as reg:
        require_case(reg, case)
        latest = reg.case_version(case, contents=False).number
        regimes = list(VersionCache(reg).get(case, latest).regimes)
        entry = record_classification(reg, case, incident, classes=classes or [], not_reportable=not_reportable,
                                      by=by, regimes=regimes)
        hints = _suggestions(reg, case, incident)
    reports = entry.payload["regime_reports"]
    out(f"classified incident #{incident}: " + (", ".join(classes or []) or f"not reportable ({not_reportable})"))
    for r in reports:
        out(f"  report due: {r['title']} ({r['class']}) to {r['report_to']} by {r['due']} ({r['deadline']}; {r['cite']})")
    for line in hints:
        out(f"  {line}")


def _suggestions(reg: Any, case: str, incident: int) -> list[str]:
    """The class suggestions for a recorded incident (see `casegate.monitor.suggestion_lines`),
    under the regimes of the case version it was recorded against."""
    from ..monitor import VersionCache, report_clocks, suggestion_lines

    entry = next((e for e in reg.events(case, "incident") if e.index == incident), None)
    if entry is None:
        return []
    number = (entry.payload.get("defeats") or {}).get("version")
    if not isinstance(number, int):
        number = reg.case_version(case, contents=False).number
    regimes = list(VersionCache(reg).get(case, number).regimes)
    try:
        from ..monitor import added_domains, incident_domains, judged_severity, rated_severities

        domains = incident_domains(entry.payload.get("domain"), added_domains(reg, case).get(incident, ()))
        severity = judged_severity(entry.payload.get("severity"), rated_severities(reg, case).get(incident))
        if severity is None or not domains:
            raise ValueError("no severity or domain")
        owed = [c.cls for c in report_clocks(reg, case) if c.incident == incident]
        return suggestion_lines(domains, severity, regimes, owed)
    except (KeyError, ValueError):
        return [f"incident #{incident} records no readable domain and severity, so no class can be suggested"]


@incident_app.command("show")
def incident_show(
    incident: Annotated[int, typer.Argument(help="Log index of the incident.")],
    case: Annotated[str, typer.Option("--case", help="Id of the case.")],
    at: Annotated[str | None, typer.Option(help="Report status as of this instant or date (default now).")] = None,
    keyring: FilingKeyringOption = None,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """One recorded incident: what it says, the regime reports it owes with their status, and the
    incident classes the regimes' hints suggest for its domain and severity (what to look at
    before `casegate incident classify`)."""
    from ..errors import InputError
    from ..monitor import (
        ATTACK_NAMED,
        DOMAIN_ADDED,
        added_domains,
        domains_shown,
        incident_domains,
        iso,
        judged_severity,
        rated_severities,
        report_clocks,
        severity_shown,
    )
    from ..monitor._versions import require_case

    now = _instant(at) or dt.datetime.now(dt.UTC)
    with _open(db, existing=True) as reg:
        require_case(reg, case)
        entry = next((e for e in reg.events(case, "incident") if e.index == incident), None)
        if entry is None:
            raise InputError(f"the registry has no incident #{incident} of case {case}",
                             help="`casegate incident clocks --case CASE` lists the case's incidents")
        clocks = [c for c in report_clocks(reg, case, _keyring_or_none(keyring)) if c.incident == incident]
        hints = _suggestions(reg, case, incident)
        classified = [e.payload for e in reg.events(case, "incident-classified")
                      if e.payload.get("incident") == incident]
        ratings = [e.payload for e in reg.events(case, "incident-severity") if e.payload.get("incident") == incident]
        rated = rated_severities(reg, case).get(incident)
        additions = [e.payload for e in reg.events(case, DOMAIN_ADDED) if e.payload.get("incident") == incident]
        added = added_domains(reg, case).get(incident, ())
        named = [e.payload for e in reg.events(case, ATTACK_NAMED) if e.payload.get("incident") == incident]
    p = entry.payload
    judged = judged_severity(p.get("severity"), rated)
    if as_json:
        out(json.dumps({"incident": entry.to_json(), "severity": judged.value if judged is not None else None,
                        "domains": list(incident_domains(p.get("domain"), added)), "domains_added": additions,
                        "classifications": classified, "severity_raised": ratings, "attacks_named": named,
                        "reports": [c.to_json(now) for c in clocks], "suggestions": hints}, indent=2))
        return
    out(f"incident #{incident} of {case}, recorded {entry.recorded_at}: {p.get('title') or p.get('description')}")
    out(f"  {severity_shown(p.get('severity'), rated)} severity, domain {domains_shown(p.get('domain'), added)}, dated {p.get('date')}"
        + (f", known {p['known']}" if p.get("known") else "")
        + (f", reported by {p['reported_by']}" if p.get("reported_by") else ""))
    out(f"  classes: {', '.join(p.get('classes') or []) or ('not reportable: ' + str(p['not_reportable']) if p.get('not_reportable') else 'none (unclassified)')}")
    for r in ratings:
        out(f"  severity raised to {r.get('severity')} by {r.get('by')}: {r.get('reason')}")
    for r in additions:
        out(f"  domain {r.get('domain')} added by {r.get('by')}: {r.get('reason')}")
    if p.get("attack"):
        out(f"  came through the attack {p['attack']}")
    for r in named:
        out(f"  attack {r.get('attack')} named by {r.get('by')}: {r.get('reason')}" if r.get("attack") else
            f"  recorded as through no attack by {r.get('by')}: {r.get('reason')}")
    for c in classified:
        out(f"  classified{' by ' + str(c['by']) if c.get('by') else ''}: "
            + (", ".join(c.get("classes") or []) or f"not reportable ({c.get('not_reportable')})"))
    for c in clocks:
        out(f"  report {c.cls}: {c.title} to {c.report_to}, due {iso(c.due)}: {c.status(now)}"
            + (" (its domains and severity point at the class)" if c.hinted else ""))
        for n in c.not_counted:
            out(f"    filing not counted: {n}")
    for line in hints:
        out(f"  {line}")


@incident_app.command("rate")
def incident_rate(
    incident: Annotated[int, typer.Argument(help="Log index of the incident.")],
    case: Annotated[str, typer.Option("--case", help="Id of the case.")],
    severity: Annotated[str, typer.Option("--severity", help="The higher severity: moderate, high, severe, catastrophic.")],
    by: Annotated[str, typer.Option("--by", help="Who raises it.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the incident is graver than recorded.")],
    triggers: Annotated[bool, typer.Option(
        "--triggers/--no-triggers", help="Run the case's triggers at once (default) or only record.")] = True,
    keyring: KeyringOption = None,
    db: DbOption = None,
) -> None:
    """Raise the severity of a recorded incident (a reporter's own low rating would keep the case's
    incident triggers quiet). Anyone may raise it; nobody lowers it: a severity at or below the
    incident's current one is refused (exit 2). Triggers read an incident at the highest severity
    it was recorded or rated at, and by default run at once."""
    from ..errors import InputError
    from ..model import Severity
    from ..monitor import raise_severity, run_triggers
    from ..monitor._versions import require_case

    try:
        level = Severity(severity)
    except ValueError:
        raise InputError(f"--severity {severity!r} is not a severity",
                         help="one of: " + ", ".join(s.value for s in Severity)) from None
    with _open(db, existing=True) as reg:
        require_case(reg, case)
        since = reg.size()
        entry = raise_severity(reg, case, incident, level, by=by, reason=reason)
        runs = run_triggers(reg, case_id=case, keyring=_keyring_or_none(keyring)) if triggers else []
        followed = _followed(reg, since)
    out(f"raised incident #{incident} from {entry.payload['from']} to {level.value} severity (log entry {entry.index})")
    for r in runs:
        _print_run(r)
    _print_followed(followed)


@incident_app.command("add-domain")
def incident_add_domain(
    incident: Annotated[int, typer.Argument(help="Log index of the incident.")],
    case: Annotated[str, typer.Option("--case", help="Id of the case.")],
    domain: Annotated[str, typer.Option("--domain", help=(
        "A risk domain the incident falls in too: one of the case's (threat model or policy) or one its "
        "regimes' incident classes hint at."))],
    by: Annotated[str, typer.Option("--by", help="Who adds it.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the incident falls in that domain.")],
    triggers: Annotated[bool, typer.Option(
        "--triggers/--no-triggers", help="Run the case's triggers at once (default) or only record.")] = True,
    keyring: KeyringOption = None,
    db: DbOption = None,
) -> None:
    """Add a risk domain to a recorded incident (a reporter's own choice of domain would keep the
    case's domain triggers quiet and the reports its regimes' classes hint at unowed). Anyone may
    add one; nobody removes one: a domain the incident is in already is refused (exit 2).
    Triggers and report clocks read an incident in its recorded domain and every domain added, and
    by default triggers run at once."""
    from ..monitor import add_domain, run_triggers
    from ..monitor._versions import require_case

    with _open(db, existing=True) as reg:
        require_case(reg, case)
        since = reg.size()
        entry = add_domain(reg, case, incident, domain, by=by, reason=reason)
        runs = run_triggers(reg, case_id=case, keyring=_keyring_or_none(keyring)) if triggers else []
        followed = _followed(reg, since)
    out(f"added domain {entry.payload['domain']} to incident #{incident}, recorded in "
        f"{', '.join(entry.payload['from']) or 'no domain'} (log entry {entry.index})")
    for r in runs:
        _print_run(r)
    _print_followed(followed)


@incident_app.command("attack")
def incident_attack(
    incident: Annotated[int, typer.Argument(help="Log index of the incident.")],
    case: Annotated[str, typer.Option("--case", help="Id of the case.")],
    by: Annotated[str, typer.Option("--by", help="Who names it.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the incident came through that attack (or none).")],
    attack: Annotated[str | None, typer.Option(
        "--attack", help="The attack it came through, as red teams name their samples of it (a jailbreak family, a "
                         "technique id): the version answering it must test it (CG432).")] = None,
    none: Annotated[bool, typer.Option(
        "--none", help="It came through no attack on the safeguards (a weights leak, a bug); refused once an "
                       "attack is named.")] = False,
    db: DbOption = None,
) -> None:
    """Name the attack a recorded incident came through (one reported without `--attack` names
    nothing a relaunch's red team must hold, CG432), or record that it came through none. Anyone may
    name one; nobody takes one away: an attack the incident names already, or `--none` for one that
    names an attack, is refused (exit 2). A relaunch answering an incident of high severity or
    graver with a red team of its domain needs one or the other (CG440)."""
    from ..errors import InputError
    from ..monitor import name_attack
    from ..monitor._versions import require_case

    if (attack is None) == (not none):
        raise InputError("give the attack (--attack NAME) or --none: one of the two")
    with _open(db, existing=True) as reg:
        require_case(reg, case)
        entry = name_attack(reg, case, incident, attack, by=by, reason=reason)
    if attack is None:
        out(f"recorded that incident #{incident} came through no attack (log entry {entry.index})")
    else:
        out(f"named the attack {entry.payload['attack']} for incident #{incident}"
            + (f", which came through {', '.join(entry.payload['from'])}" if entry.payload["from"] else "")
            + f" (log entry {entry.index})")


@incident_app.command("draft")
def incident_draft(
    incident: Annotated[int, typer.Argument(help="Log index of the incident.")],
    cls: Annotated[str, typer.Option("--class", help="The report to draft: REGIME:CLASS.")],
    case: Annotated[str, typer.Option("--case", help="Id of the case.")],
    out_file: Annotated[Path | None, typer.Option("--out", help="Write the draft here (default: print it).")] = None,
    at: Annotated[str | None, typer.Option(help="Status as of this instant or date (default now).")] = None,
    keyring: FilingKeyringOption = None,
    db: DbOption = None,
) -> None:
    """Draft one regime report of an incident (Markdown): the incident, the model and its case,
    the triggers it fired, and the deadline. casegate does not give legal advice: the draft says so."""
    from ..monitor import iso
    from ..regime import draft_incident_report, regime_notice

    now = _instant(at) or dt.datetime.now(dt.UTC)
    with _open(db) as reg:
        from ..monitor import VersionCache
        from ..monitor._versions import require_case

        require_case(reg, case)
        latest = reg.case_version(case, contents=False).number
        regimes = list(VersionCache(reg).get(case, latest).regimes)
        text, clock = draft_incident_report(reg, case, incident, cls, at=now, notice=regime_notice(regimes, cls),
                                            keyring=_keyring_or_none(keyring))
    if out_file is None:
        out(text)
    else:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_text(text, encoding="utf-8")
        out(f"wrote {out_file}: {clock.title} report of incident #{incident}, due {iso(clock.due)} "
            f"({clock.status(now)}, {clock.remaining(now)})")


def _outside_signer(keyring: Path | None, key: str, who: str) -> tuple[Any, Any, Any]:
    """The keyring (from --keyring or $CASEGATE_KEYRING), the signer's key and the log's time, for a
    statement by someone outside the developer."""
    from ..errors import InputError
    from ..sign import load_keyring, load_signer
    from ..store import log_time

    ring_path = keyring or (Path(os.environ["CASEGATE_KEYRING"]) if os.environ.get("CASEGATE_KEYRING") else None)
    if ring_path is None:
        raise InputError(f"a keyring is needed to verify {who}", help="give --keyring or set CASEGATE_KEYRING")
    return load_keyring(ring_path), load_signer(key), log_time()


def _signed_checked(stmt: dict[str, Any], signer: Any, ring: Any, now: Any, what: str,
                    act: str) -> tuple[Any, Any]:
    """The statement signed, and verified against the keyring before anything is logged."""
    from ..errors import InputError
    from ..sign import check_envelope, sign_statement

    env = sign_statement(stmt, signer)
    signed, problems = check_envelope(env, ring, now, what, expect=stmt["predicateType"])
    if signed is None or problems:
        raise InputError(f"{what} does not verify: " + "; ".join(problems),
                         help=f"{act} with a key in the keyring, in a role the key holds")
    return env, signed


@incident_app.command("filed")
def incident_filed(
    incident: Annotated[int, typer.Argument(help="Log index of the incident (as `incident report` printed it).")],
    cls: Annotated[str, typer.Option("--class", help="The report filed: REGIME:CLASS.")],
    key: Annotated[str, typer.Option("--key", help="Private key of the person recording the filing: someone "
                                                   "outside the developer that owes the report.")],
    role: Annotated[str, typer.Option("--role", help="Role in which they record it (one their key holds).")],
    case: Annotated[str, typer.Option("--case", help="Id of the case.")],
    reference: Annotated[str | None, typer.Option(help="The authority's reference for the filing.")] = None,
    at: Annotated[str | None, typer.Option(help="When it was filed (ISO date-time or date; default now; not after the log's "
                                       "clock). The clock stops when the log records the filing.")] = None,
    keyring: Annotated[Path | None, typer.Option(
        "--keyring", help="Keyring (default $CASEGATE_KEYRING).")] = None,
    db: DbOption = None,
) -> None:
    """Record, as a signed statement, that a regime report of an incident was filed. The statement
    is verified against the keyring before anything is logged, and its signer must be outside the
    developer that owes the report (an organisation the keyring records, not the developer's)."""
    from ..monitor import parse_timestamp, record_filing, report_clocks
    from ..monitor._versions import require_case

    ring, signer, now = _outside_signer(keyring, key, "who records the filing")
    filed_at = parse_timestamp(at, "--at") if at else now
    stmt = filing_statement(case=case, incident=incident, cls=cls, reference=reference, filed_at=filed_at,
                            role=role, keyid=signer.public_key.keyid, ring=ring, signed_at=now)
    env, signed = _signed_checked(stmt, signer, ring, now, "the filing statement", "record the filing")
    with _open(db) as reg:
        require_case(reg, case)
        entry = record_filing(reg, case, report_clocks(reg, case, ring), incident=incident, cls=cls,
                              person=signed.person, role=role, keyid=signed.key.keyid, filed_at=filed_at,
                              reference=reference, envelope=env, organisation=signed.key.organisation, keyring=ring)
    late = " (late)" if entry.payload.get("late") else ""
    out(f"recorded the {cls} report of incident #{incident} as filed{late} by {signed.person} ({role}), "
        f"log entry {entry.index}")


@incident_app.command("dismiss")
def incident_dismiss(
    incident: Annotated[int, typer.Argument(help="Log index of the incident.")],
    cls: Annotated[str, typer.Option("--class", help="The class that does not apply: REGIME:CLASS.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the class does not apply to the incident.")],
    key: Annotated[str, typer.Option("--key", help="Private key of the person dismissing it: someone outside the "
                                                   "developer that owes the report.")],
    role: Annotated[str, typer.Option("--role", help="Role in which they dismiss it (one their key holds).")],
    case: Annotated[str, typer.Option("--case", help="Id of the case.")],
    keyring: Annotated[Path | None, typer.Option(
        "--keyring", help="Keyring (default $CASEGATE_KEYRING).")] = None,
    db: DbOption = None,
) -> None:
    """Record, as a signed statement, that a regime class the incident's own domain and severity
    point at does not apply to it. Such a class is owed whoever classifies the incident, until
    someone outside the developer that owes the report (an organisation the keyring records, not
    the developer's) dismisses it by its deadline. A class the reporter or a classification named
    is not dismissed: file it."""
    from ..monitor import record_dismissal, report_clocks
    from ..monitor._versions import require_case

    ring, signer, now = _outside_signer(keyring, key, "who dismisses the class")
    stmt = dismissal_statement(case=case, incident=incident, cls=cls, reason=reason, role=role,
                               keyid=signer.public_key.keyid, ring=ring, signed_at=now)
    env, signed = _signed_checked(stmt, signer, ring, now, "the dismissal statement", "dismiss the class")
    with _open(db) as reg:
        require_case(reg, case)
        entry = record_dismissal(reg, case, report_clocks(reg, case, ring), incident=incident, cls=cls,
                                 person=signed.person, role=role, keyid=signed.key.keyid, reason=reason,
                                 envelope=env, organisation=signed.key.organisation, keyring=ring)
    out(f"recorded that {cls} does not apply to incident #{incident}, signed by {signed.person} ({role}), "
        f"log entry {entry.index}")


def dismissal_statement(*, case: str, incident: int, cls: str, reason: str, role: str, keyid: str, ring: Any,
                        signed_at: dt.datetime) -> dict[str, Any]:
    """The in-toto statement of a dismissal (its subject names the incident and the class)."""
    import hashlib

    from ..errors import InputError
    from ..sign import INCIDENT_CLASS_DISMISSED, iso, statement

    trusted = ring.get(keyid)
    if trusted is None:
        raise InputError(f"the signing key {keyid[:16]}... is not in the keyring",
                         help="add it with `casegate keyring add`")
    subject = [{"name": f"incident:{case}#{incident}:{cls}",
                "digest": {"sha256": hashlib.sha256(f"{case}#{incident}:{cls}".encode()).hexdigest()}}]
    return statement(subject, INCIDENT_CLASS_DISMISSED, {
        "case": case, "incident": incident, "class": cls, "reason": reason, "person": trusted.person,
        "role": role, "keyid": keyid, "signed_at": iso(signed_at)})


def filing_statement(*, case: str, incident: int, cls: str, reference: str | None, filed_at: dt.datetime,
                     role: str, keyid: str, ring: Any, signed_at: dt.datetime) -> dict[str, Any]:
    """The in-toto statement of a filing (its subject names the incident and the class)."""
    import hashlib

    from ..errors import InputError
    from ..sign import INCIDENT_REPORT, iso, statement

    trusted = ring.get(keyid)
    if trusted is None:
        raise InputError(f"the signing key {keyid[:16]}... is not in the keyring",
                         help="add it with `casegate keyring add`")
    subject = [{"name": f"incident:{case}#{incident}:{cls}",
                "digest": {"sha256": hashlib.sha256(f"{case}#{incident}:{cls}".encode()).hexdigest()}}]
    return statement(subject, INCIDENT_REPORT, {
        "case": case, "incident": incident, "class": cls, "reference": reference,
        "filed_at": iso(filed_at), "person": trusted.person, "role": role, "keyid": keyid,
        "signed_at": iso(signed_at)})


# --------------------------------------------------------------------------- samples

monitor_app = typer.Typer(help="Monitoring signals after launch.", no_args_is_help=True)
app.add_typer(monitor_app, name="monitor")


@monitor_app.command("ingest")
def monitor_ingest(
    file: Annotated[Path, typer.Argument(help="Samples as JSON or CSV (signal, timestamp, value, case), or a "
                                              "signed batch of readings (`casegate monitor sign`).")],
    case: Annotated[str | None, typer.Option("--case", help="Case id for samples that name none (not for a "
                                                            "signed batch: its readings name their case).")] = None,
    keyring: Annotated[Path | None, typer.Option(
        "--keyring", envvar="CASEGATE_KEYRING",
        help="Keyring to check a signed batch against now and say whether it counts (default "
             "$CASEGATE_KEYRING); the batch is recorded either way and judged again at every trigger run.")] = None,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Record a file of monitoring samples, or a signed batch of readings with who signed it (see
    docs/post-deployment.md for the formats); `casegate triggers run` judges each reading, and a
    monitor's silence, against its plan. Where the registry's keyring gives a key the `telemetry`
    role (or the policy sets `post_deployment.signed_telemetry`), only readings signed by such a
    key count toward a monitor's health; any reading that breaches counts as a breach."""
    from ..evidence import sha256_file
    from ..monitor import ingest_samples, read_batch
    from ..monitor._run import first_format_warning, unwatched_signals

    samples, envelope = read_batch(file, case=case)
    with _open(db) as reg:
        entries = ingest_samples(reg, samples, source=file.name, sha256=sha256_file(file), envelope=envelope)
        unwatched = {e.case_id: unwatched_signals(reg, str(e.case_id), e.payload["signals"]) for e in entries}
        changes = reg.events(kind="keyring-change") if envelope is not None and keyring is not None else []
        old_format = [w for e in entries if envelope is not None
                      and (w := first_format_warning(reg, str(e.case_id), envelope, str(file))) is not None]
    for cid, names in unwatched.items():
        if names:
            err(f"warning: no monitor of {cid} watches {', '.join(names)}; those samples cannot breach anything")
    for w in old_format:
        err(f"warning: {w}")
    signed = _batch_check(envelope, keyring, entries, changes) if envelope is not None else None
    if as_json:
        out(json.dumps([{"entry": e.index, "case": e.case_id, "samples": len(e.payload["samples"]),
                         "signals": e.payload["signals"], "unwatched": unwatched[e.case_id],
                         "signed_by": e.payload.get("signed_by"), "signature": signed}
                        for e in entries], indent=2))
        return
    for e in entries:
        by = e.payload.get("signed_by")
        out(f"recorded {len(e.payload['samples'])} samples of {', '.join(e.payload['signals'])} "
            f"for {e.case_id} ({e.payload['from']} to {e.payload['to']}), log entry {e.index}"
            + (f", signed by {by.get('person')} ({by.get('role')}, key {str(by.get('keyid'))[:16]}...)" if by else ""))
    if signed is not None:
        (out if signed.startswith("verifies") else err)(f"the signed batch {signed}")


def _batch_check(envelope: dict[str, Any], keyring: Path | None, entries: list[Any], changes: list[Any]) -> str:
    """Whether a just-recorded signed batch verifies against `keyring` now (with the revocations
    the log records, `changes`, applied as every trigger run applies them), in words."""
    from ..sign import check_readings

    if keyring is None:
        return "was not checked (no keyring given): it is judged at every trigger run"
    from ..sign import load_keyring, with_logged_revocations

    e = entries[0]
    ring = with_logged_revocations(load_keyring(keyring), changes)[0]
    got = check_readings(envelope, ring, logged_at=e.recorded_at, label=f"log entry {e.index}",
                         developer=None)
    if got.problems:
        return (f"does not verify against {keyring}: {got.problems[0]}; its readings count only as breaches "
                "where signed telemetry is required")
    return f"verifies against {keyring}: signed by {got.signer}" + (
        f"; {len(got.refused)} of its readings do not count ({next(iter(got.refused.values()))})" if got.refused else "")


@monitor_app.command("sign")
def monitor_sign(
    file: Annotated[Path, typer.Argument(help="Samples as JSON or CSV: signal, timestamp, value, case.")],
    key: Annotated[str, typer.Option("--key", help="Private key file of the telemetry key, or a securesystemslib "
                                                   "signer URI (with --keyid).")],
    case: Annotated[str | None, typer.Option("--case", help="Case id for samples that name none.")] = None,
    out_file: Annotated[Path | None, typer.Option(
        "--out", help="Where to write the signed batch (default FILE with .dsse.json).")] = None,
    keyring: Annotated[Path | None, typer.Option("--keyring", help="Keyring file (default $CASEGATE_KEYRING).")] = None,
    keyid: Annotated[str | None, typer.Option("--keyid", help="Key id in the keyring, for a signer URI.")] = None,
    passphrase_env: Annotated[str | None, typer.Option(
        "--passphrase-env", help="Environment variable holding the key's passphrase "
                                 "(default $CASEGATE_KEY_PASSPHRASE, else a prompt).")] = None,
    sequence: Annotated[list[str] | None, typer.Option(
        "--sequence", help="The batch's number among those signed for its case, whichever telemetry key signs "
                           "them (a new key goes on from the case's last number): N (every case of the "
                           "file), or CASE=N once per case. Number each case's batches 1, 2, 3, ...")] = None,
    follows: Annotated[list[str] | None, typer.Option(
        "--follows", help="The telemetry key that signed the case's batch numbered one below this one, when "
                          "another key signed it (at a key change, the key being replaced): its key id (or its "
                          "first 16 or more hex digits), or CASE=KEYID once per case. Default: the signing key.")] = None,
) -> None:
    """Sign a file of monitoring readings with a telemetry key: a DSSE envelope around an in-toto
    statement listing each reading, for `casegate monitor ingest`. The key must be in the keyring,
    valid now and at each reading's time, and hold the `telemetry` role, which the keyring's owner
    gives to whoever runs the monitoring system, not to the developer. Each batch is numbered for
    its case (`--sequence`), across keys, so a batch withheld on its way to the registry is seen missing;
    each number after the first names the key that signed the number before it (`--follows`), so a
    batch withheld where one key hands over to another is seen missing too."""
    from ..monitor import iso, read_batch
    from ..sign import envelope_bytes, now_utc, sign_readings
    from ._sign import keyring_signer

    samples, envelope = read_batch(file, case=case)
    if envelope is not None:
        from ..errors import InputError

        raise InputError("the file is a signed batch already", location=str(file),
                         help="sign the samples file it was made from")
    ring, signer = keyring_signer(keyring, key, keyid, passphrase_env)
    readings = [{"case": s.case, "signal": s.signal, "timestamp": iso(s.timestamp), "value": s.value}
                for s in samples]
    env = sign_readings(readings, source=file.name, signer=signer, keyring=ring, at=now_utc(),
                        sequence=_sequence(sequence or []), follows=_follows(follows or []))
    dest = out_file or file.with_name(file.stem + ".dsse.json")
    dest.write_bytes(envelope_bytes(env))
    out(f"signed {len(readings)} readings of {', '.join(sorted({s.signal for s in samples}))} as "
        f"{ring.get(signer.public_key.keyid).person} (telemetry); wrote {dest}")


def _sequence(given: list[str]) -> int | dict[str, int]:
    """`--sequence` as `sign_readings` takes it: one number, or case -> number."""
    from ..errors import InputError

    def number(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise InputError(f"--sequence {text!r} is not a whole number",
                             help="--sequence N, or --sequence CASE=N") from None

    if len(given) == 1 and "=" not in given[0]:
        return number(given[0])
    out: dict[str, int] = {}
    for g in given:
        case, eq, n = g.partition("=")
        if not eq:
            raise InputError(f"--sequence {g!r}: give CASE=N for each case when a file holds several",
                             help="--sequence N, or --sequence CASE=N once per case")
        out[case] = number(n)
    return out


def _follows(given: list[str]) -> str | dict[str, str] | None:
    """`--follows` as `sign_readings` takes it: none, one key id, or case -> key id."""
    from ..errors import InputError

    if not given:
        return None
    if len(given) == 1 and "=" not in given[0]:
        return given[0]
    out: dict[str, str] = {}
    for g in given:
        case, eq, keyid = g.partition("=")
        if not eq or not case or not keyid:
            raise InputError(f"--follows {g!r}: give CASE=KEYID for each case when a file holds several",
                             help="--follows KEYID, or --follows CASE=KEYID once per case")
        out[case] = keyid
    return out


# --------------------------------------------------------------------------- triggers

triggers_app = typer.Typer(help="Post-deployment triggers.", no_args_is_help=True)
app.add_typer(triggers_app, name="triggers")


@triggers_app.command("run")
def triggers_run(
    case: Annotated[str | None, typer.Option("--case", help="Only this case (default: every case).")] = None,
    at: Annotated[str | None, typer.Option(
        "--at", help="Evaluate as of this date (end of day, UTC) or instant; default now.")] = None,
    keyring: KeyringOption = None,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Evaluate every trigger of every deployed case against the registry and the date; fire
    each at most once per cause, notify its roles, and apply the action (reopen, restrict,
    withdraw) through the lifecycle. A condition counts as met only by a signed confirmation that
    verifies against the keyring. First, it logs any state change a deployed case owes because a
    case about the same weights stands reopened, restricted or withdrawn."""
    from ..monitor import follow_shared_weights, run_triggers

    ring = _keyring_or_none(keyring)
    with _open(db) as reg:
        since = reg.size()
        # first what the registry owes deployed cases of the same weights (a registry written
        # before the follow-ups joined their cause's transaction may hold a gap)
        follow_shared_weights(reg)
        runs = run_triggers(reg, at=_instant(at), case_id=case, keyring=ring)
        followed = _followed(reg, since)
    if as_json:
        out(json.dumps([r.to_json() for r in runs], indent=2))
    else:
        if not runs:
            out("the registry has no cases")
        for r in runs:
            _print_run(r)
        _print_followed(followed)
    if any(r.error for r in runs):
        fail(2)


def _followed(reg: Any, since: int) -> list[Any]:
    """The state changes logged from entry `since` on that follow another case about the same
    weights (`casegate.monitor.follow_shared_weights`)."""
    return [e for e in reg.events(kind="state-change") if e.index >= since
            and (e.payload.get("cause") or {}).get("type") == "shared-weights"]


def _print_followed(entries: list[Any]) -> None:
    for e in entries:
        p = e.payload
        out(f"{e.case_id}: {p['from']} -> {p['to']}" + (f" ({p['restricted_to']})" if p.get("restricted_to") else "")
            + f" (log entry {e.index}): {p['cause'].get('reason')}")


def _print_run(r: Any) -> None:
    head = f"{r.case_id}: {r.state_before}"
    if r.applied:
        head += f" -> {r.state_after} ({r.applied})"
    out(head + (f", version {r.version}" if r.version else ""))
    for f, idx in r.fired:
        out(f"  fired {f.trigger} ({f.event}) #{idx}: {f.reason}")
        if f.defeats:
            out(f"    defeats claims {', '.join(f.defeats)}")
        out(f"    action {f.action}" + (f" to {f.to.value}" if f.to else "")
            + f"; notified {', '.join(f.notify) or 'nobody'}")
    if not r.fired and r.version is not None:
        out("  nothing new fired" + (f" ({r.already} cause(s) had fired before)" if r.already else ""))
    for n in r.notes:
        out(f"  {n}")


# --------------------------------------------------------------------------- state

_DEFAULT = "show"


class _StateGroup(TyperGroup):
    """`casegate state CASE_ID` shows the state; `casegate state set ...` changes it."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [_DEFAULT, *args]
        return super().parse_args(ctx, args)


state_app = typer.Typer(
    cls=_StateGroup, no_args_is_help=True, add_completion=False, rich_markup_mode=None,
    help="A case's lifecycle state: `casegate state CASE_ID` shows it, `casegate state set` moves "
         "it through a legal transition, `casegate state transitions` prints the table.",
)
app.add_typer(state_app, name="state")


def _state_trust_root(path: Path | None) -> tuple[Any, list[str]]:
    """The trust root `state show` answers under (None when none is given), or the reason it does
    not verify (signatures, chain, expiry), which makes the answer "not verified" as in `verify`."""
    if path is None:
        return None, []
    from ._common import trust_root_given

    root, problem = trust_root_given(path)
    return root, [problem] if problem else []


@state_app.command("show")
def state_show(case_id: Annotated[str, typer.Argument(help="The case id.")],
               db: DbOption = None, as_json: JsonFlag = False,
               keyring: Annotated[Path | None, typer.Option(
                   "--keyring", envvar="CASEGATE_KEYRING",
                   help="Keyring to check the recorded decision's signatures (default $CASEGATE_KEYRING).")] = None,
               at: Annotated[str | None, typer.Option("--at", help="As of this date or date-time (default now).")] = None,
               trust_root: Annotated[Path | None, typer.Option(
                   "--trust-root", envvar="CASEGATE_TRUST_ROOT",
                   help="The trust root a deploy pipeline holds (chain directory or root file; default "
                        "$CASEGATE_TRUST_ROOT): held to the root versions the registry's log records, as "
                        "`verify --db` holds it (replaced, or written --unlogged and never logged: not "
                        "verified).")] = None,
               ) -> None:
    """Lead with what a deploy pipeline would get now (the same check as `casegate verify`),
    then the lifecycle state, its restriction, and the last change with its cause."""
    from ..errors import InputError
    from ..monitor import (
        OWED_CAUSE,
        TRIGGERS_OWED_CAUSE,
        deploy_triggers_owed,
        next_states,
        owed_reasons,
    )
    from ..monitor._states import CaseState
    from ..monitor._versions import require_case
    from ..sign import load_keyring
    from ..store import registry_as_of
    from ..verify import deploy_state

    when = _instant(at)
    past: str | None = None
    root, root_problem = _state_trust_root(trust_root)
    with _open(db, existing=True) as live:
        # a past --at is answered from the log as it stood then, never from today's state
        reg = registry_as_of(live, when)
        asked = when.isoformat() if when is not None else "now"
        if reg is not live and reg.case_state(case_id) is None and live.case_state(case_id) is not None:
            raise InputError(f"the registry's log held no version of case {case_id!r} at {asked}",
                             help="give a later --at, or leave it out to show the state now")
        state = require_case(reg, case_id)
        ring = load_keyring(keyring) if keyring is not None else None
        restricted = reg.case_restriction(case_id)
        changes = reg.events(case_id, "state-change")
        now = deploy_state(reg, case_id, ring, at=when, trust=root)
        now.hold(owed_reasons(reg, case_id), OWED_CAUSE)
        if reg is live and (now.deployable or now.demonstration):
            # what `verify --db` holds the deploy to: the case's own triggers, owed but not applied
            now.hold(deploy_triggers_owed(live, case_id, ring, now.boundary, when), TRIGGERS_OWED_CAUSE)
        now.hold(root_problem, "trust root does not verify")
        if reg is not live:
            past = f"as the log stood at {asked} (its first {reg.size()} entries)"
            now.notes.append(past)
        # a past --at answers an audit question (what a deploy pipeline got then); what it gets
        # today is shown beside it, so the past answer is never read as today's
        today = None
        if when is not None and when < dt.datetime.now(dt.UTC):
            today = deploy_state(live, case_id, ring, trust=root)
            today.hold(owed_reasons(live, case_id), OWED_CAUSE)
            if today.deployable or today.demonstration:
                today.hold(deploy_triggers_owed(live, case_id, ring, today.boundary), TRIGGERS_OWED_CAUSE)
            today.hold(root_problem, "trust root does not verify")
    last = changes[-1] if changes else None
    if as_json:
        out(json.dumps({"case": case_id, "now": now.to_json(), "state": state.value, "restricted_to": restricted,
                        "deployable": now.deployable,
                        "today": today.to_json() if today is not None else None,
                        "next": [s.value for s in next_states(state)],
                        "last_change": last.to_json() if last else None}, indent=2))
        return
    out(f"{case_id}: {now.headline}" + (f" (at {asked})" if today is not None else ""))
    for r in now.reasons[1:]:
        out(f"  - {r}")
    if now.demonstration:
        out(f"  everything else verified (DEMONSTRATION): {now.demonstration}")
    if past is not None:
        out(f"  {past}")
    if today is not None:
        out(f"  today: {today.headline}")
        for r in today.reasons[1:]:
            out(f"    - {r}")
        if today.demonstration:
            out(f"    everything else verified (DEMONSTRATION): {today.demonstration}")
    if now.last_decision:
        d = now.last_decision
        out(f"  decision made: {d['outcome']} for {d['boundary']} on {d['date']} (log entry {d['log_entry']})")
    out(f"  lifecycle: {state.value}" + (f" (restricted to {restricted})" if restricted else ""))
    if last is not None:
        from ..monitor._history import _why

        out(f"  since {last.recorded_at} (log entry {last.index}): {_why(last.payload.get('cause') or {})}")
    legal = next_states(CaseState(state))
    out("  may become: " + (", ".join(s.value for s in legal) if legal else "nothing (final)"))


@state_app.command("set")
def state_set(
    case_id: Annotated[str, typer.Argument(help="The case id.")],
    to: Annotated[str, typer.Argument(help="The new state (see `casegate state transitions`).")],
    role: Annotated[str | None, typer.Option(help="Acting role, for an explicit act (reopen, restrict, withdraw, return to draft).")] = None,
    reason: Annotated[str | None, typer.Option(help="Why, for an explicit act.")] = None,
    restrict_to: Annotated[BoundaryKind | None, typer.Option("--to", help="The narrower boundary, when restricting.")] = None,
    by: Annotated[str | None, typer.Option(help="Who submits the case for review (to under-review).")] = None,
    decision: Annotated[Path | None, typer.Option(
        help="A decision record (`casegate gate --record`) or signed decision bundle: approves, "
             "approves with conditions, or returns to draft according to its outcome.")] = None,
    version: Annotated[int | None, typer.Option(help="Registry version the decision was made on (default: found by its files).")] = None,
    superseded_by: Annotated[str | None, typer.Option(help="The case that replaces this one (to superseded).")] = None,
    keyring: Annotated[Path | None, typer.Option(
        help="Keyring to verify a decision bundle's signatures against (default $CASEGATE_KEYRING).")] = None,
    trust_root: ApprovalRootOption = None,
    unpinned: UnpinnedOption = False,
    db: DbOption = None,
) -> None:
    """Move a case through a legal transition, recording the cause. Illegal moves are refused
    with exit code 4 and nothing is recorded. Approval takes a signed decision bundle
    (`casegate decide`) whose signatures and sign-offs verify against the keyring."""
    _set_state(case_id, to, role=role, reason=reason, restrict_to=restrict_to, by=by, decision=decision,
               version=version, superseded_by=superseded_by, keyring=keyring, db=db, trust_root=trust_root,
               unpinned=unpinned)


def _set_state(case_id: str, to: str, *, role: str | None = None, reason: str | None = None,
               restrict_to: BoundaryKind | None = None, by: str | None = None, decision: Path | None = None,
               version: int | None = None, superseded_by: str | None = None, keyring: Path | None = None,
               db: str | None = None, signed_only: bool = False, trust_root: Path | None = None,
               unpinned: bool = False) -> None:
    from ..errors import InputError
    from ..monitor import act, decide, read_decision, submit_for_review, supersede
    from ..monitor._states import CaseState, IllegalTransitionError

    try:
        target = CaseState(to)
    except ValueError:
        raise InputError(f"unknown state {to!r}",
                         help="one of: " + ", ".join(s.value for s in CaseState)) from None
    with _open(db) as reg:
        since = reg.size()
        if decision is not None:
            text = _decision_text(decision)
            record, bundle = read_decision(text, str(decision))
            if bundle is not None or record.outcome != "NO-GO" or signed_only:
                # what is applied is the record inside the exact envelope that verified
                record, bundle = _check_signed(text, case_id, keyring, str(decision))
            if record.case_id != case_id:
                raise InputError(f"the decision is for case {record.case_id!r}, not {case_id!r}",
                                 location=str(decision))
            expected = {"GO": CaseState.approved, "GO WITH CONDITIONS": CaseState.approved_with_conditions,
                        "NO-GO": CaseState.draft}[record.outcome]
            if expected is not target:
                raise IllegalTransitionError(
                    f"a {record.outcome} decision moves a case to {expected.value}, not {target.value}",
                    help=f"casegate state set {case_id} {expected.value} --decision {decision}")
            from ..approve import registry_judge

            judge = (registry_judge(reg, record, _keyring_file(keyring), trust_root, bundle, unpinned=unpinned)
                     if bundle is not None else None)
            applied = decide(reg, record, version=version, bundle=bundle, judge=judge)
            out(f"recorded decision #{applied.decision.index} ({record.outcome}) on version {applied.version}"
                + (f" with {len(applied.conditions)} condition(s)" if applied.conditions else ""))
            judged = applied.decision.payload.get("judgement")
            if isinstance(judged, dict) and judged.get("demonstration"):
                out(f"DEMONSTRATION, not a release: the log records it beside decision #{applied.decision.index}: "
                    f"{judged['demonstration']}")
            change = applied.state_change
        elif superseded_by is not None:
            change = supersede(reg, case_id, by_case=superseded_by, reason=reason)
        elif target is CaseState.under_review:
            if not by:
                raise InputError("say who submits the case for review", help="--by NAME_OR_TEAM")
            change = submit_for_review(reg, case_id, by=by)
        else:
            change = act(reg, case_id, target, role=role or "", reason=reason or "",
                         restricted_to=restrict_to)
        followed = _followed(reg, since)
    if change is None:
        out(f"{case_id}: state unchanged")
    else:
        p = change.payload
        out(f"{case_id}: {p['from']} -> {p['to']}"
            + (f" ({p['restricted_to']})" if p.get("restricted_to") else "")
            + f" (log entry {change.index})")
    _print_followed(followed)


def _keyring_file(keyring: Path | None) -> Path | None:
    import os

    return keyring or (Path(os.environ["CASEGATE_KEYRING"]) if os.environ.get("CASEGATE_KEYRING") else None)


def _decision_text(path: Path) -> str:
    """The text of a decision file: a regular file within the JSON limits, as UTF-8."""
    from ..errors import InputError
    from ..limits import read_json_bytes

    raw = read_json_bytes(path, str(path))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 JSON", location=str(path),
                         help="give the decision bundle `casegate decide` wrote (or the record `casegate gate --record` wrote)") from None


def _check_signed(text: str, case_id: str, keyring: Path | None, where: str) -> tuple[Any, dict[str, Any]]:
    """The decision record and bundle to apply: the record is read from the bundle's own signed
    decision envelope, which must verify against the keyring (an approval's sign-offs too) and be
    for this case. The registry's lifecycle is not consulted here: the case is under review."""
    import json
    import os

    from ..errors import InputError, VerificationError
    from ..limits import long_number
    from ..sign import load_keyring
    from ..verify import BundleVerificationError, signed_record

    try:
        bundle = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"not valid JSON: {e.msg}", location=f"{where}:{e.lineno}:{e.colno}") from None
    except ValueError as e:  # a number too long to read
        raise InputError(f"not valid JSON: {long_number(e, text) or e}", location=where) from None
    if not isinstance(bundle, dict) or bundle.get("kind") != "decision-bundle":
        raise InputError("an approval needs the signed decision bundle, not a bare decision record",
                         location=where, help="run `casegate decide CASE` after the sign-offs and give its bundle")
    ring = keyring or (Path(os.environ["CASEGATE_KEYRING"]) if os.environ.get("CASEGATE_KEYRING") else None)
    if ring is None:
        raise InputError("no keyring to check the decision's signatures against",
                         help="pass --keyring FILE or set CASEGATE_KEYRING")
    try:
        record = signed_record(bundle, load_keyring(ring), case_id=case_id, at=dt.datetime.now(dt.UTC))
    except BundleVerificationError as e:
        raise VerificationError("the decision bundle does not verify: " + "; ".join(e.reasons),
                                location=where, help="collect valid sign-offs and run `casegate decide` again") from None
    return record, bundle


@state_app.command("apply")
def state_apply(
    case_id: Annotated[str, typer.Argument(help="The case id.")],
    decision: Annotated[Path, typer.Option(help="The signed decision bundle (`casegate decide`).")],
    version: Annotated[int | None, typer.Option(help="Registry version the decision was made on (default: found by its files).")] = None,
    keyring: Annotated[Path | None, typer.Option(
        help="Keyring to verify the bundle's signatures against (default $CASEGATE_KEYRING).")] = None,
    trust_root: ApprovalRootOption = None,
    unpinned: UnpinnedOption = False,
    db: DbOption = None,
) -> None:
    """Record a decision and move the case to the state its outcome names: GO approves, GO WITH
    CONDITIONS approves with conditions, NO-GO returns a case under review to draft. Only the
    record inside the bundle's signed decision envelope is applied, after that envelope verifies
    against the keyring and names this case; anything else is refused and nothing is recorded.
    An approval is judged again by the registry with the keyring and policy the trust root pins
    (refused without a trust root, unless --unpinned for a test or demo registry)."""

    text = _decision_text(decision)
    record, _bundle = _check_signed(text, case_id, keyring, str(decision))
    to = {"GO": "approved", "GO WITH CONDITIONS": "approved-with-conditions", "NO-GO": "draft"}[record.outcome]
    _set_state(case_id, to, decision=decision, version=version, keyring=keyring, db=db, signed_only=True,
               trust_root=trust_root, unpinned=unpinned)


@state_app.command("transitions")
def state_transitions(as_json: JsonFlag = False) -> None:
    """Print every legal transition and the causes that may make it."""
    from ..monitor import TRANSITIONS

    if as_json:
        out(json.dumps([{"from": f.value, "to": t.value, "causes": sorted(c.value for c in cs)}
                        for (f, t), cs in TRANSITIONS.items()], indent=2))
        return
    for (f, t), cs in TRANSITIONS.items():
        out(f"{f.value:<25} -> {t.value:<25} {', '.join(sorted(c.value for c in cs))}")


# --------------------------------------------------------------------------- conditions

condition_app = typer.Typer(help="Conditions of GO WITH CONDITIONS decisions.", no_args_is_help=True)
app.add_typer(condition_app, name="condition")


@condition_app.command("list")
def condition_list(
    case_id: Annotated[str, typer.Argument(help="The case id.")],
    at: Annotated[str | None, typer.Option("--at", help="As of this date (default today).")] = None,
    keyring: KeyringOption = None,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the current decision's conditions; exit 1 when one is overdue (finding CG750). A
    condition is met only by a signed confirmation that counts; each recorded confirmation that
    does not count is listed with the reason."""
    from ..monitor import current_conditions, overdue_findings
    from ..monitor._versions import require_case

    day = parse_date(at) or dt.date.today()
    ring = _keyring_or_none(keyring)
    with _open(db) as reg:
        require_case(reg, case_id)
        _appr, conds = current_conditions(reg, case_id, keyring=ring)
    findings = overdue_findings(conds, day)
    if as_json:
        out(json.dumps({"conditions": [{"id": c.id, "decision": c.decision, "text": c.text,
                                        "due": c.due.isoformat() if c.due else None, "met": c.met,
                                        "met_on": c.met_on, "met_by": c.met_by, "late": c.late,
                                        "evidence": list(c.evidence), "not_counted": list(c.not_counted),
                                        "overdue": c.overdue(day)} for c in conds],
                        "findings": [f.model_dump(mode="json", exclude_none=True) for f in findings]},
                       indent=2))
    else:
        if not conds:
            out(f"{case_id}: no conditions on the current decision")
        for c in conds:
            status = ("met late" if c.late else "met") if c.met else ("OVERDUE" if c.overdue(day) else "open")
            out(f"{c.id} {status:<8} due {c.due}  {c.text}")
            if c.met:
                out(f"  met {c.met_on} by {c.met_by}: {', '.join(c.evidence)}")
            for why in c.not_counted:
                out(f"  not counted: {why}")
        for f in findings:
            out(f"{f.code} {f.name}: {f.message}\n  help: {f.help}")
    if findings:
        fail(1)


@condition_app.command("met")
def condition_met_cmd(
    case_id: Annotated[str, typer.Argument(help="The case id.")],
    condition: Annotated[str, typer.Argument(help="The condition id, e.g. C1.")],
    evidence: Annotated[list[str], typer.Option(
        "--evidence", help="What shows it met (repeatable): a file (its sha256 is signed with its name) or the "
                           "id of an evidence item of a stored version of the case (with its artifact's sha256).")],
    by: Annotated[str, typer.Option(help="Role in which it is confirmed: one the key holds and the policy lets "
                                         "confirm conditions (never a role of whoever signed the decision).")],
    key: Annotated[str, typer.Option("--key", help="Private key of the person confirming it.")],
    keyring: Annotated[Path | None, typer.Option(
        "--keyring", envvar="CASEGATE_KEYRING", help="Keyring (default $CASEGATE_KEYRING).")] = None,
    note: Annotated[str | None, typer.Option(help="A note (signed with the confirmation).")] = None,
    on: Annotated[str | None, typer.Option(
        help="A stated date it was met, no later than the log's clock; when it was met, and whether late, "
             "is when the log records the confirmation.")] = None,
    db: DbOption = None,
) -> None:
    """Confirm, as a signed statement, that a condition is met, with the digests of the evidence;
    when all are met the case is approved. The party that decided cannot confirm its own conditions."""
    from ..errors import InputError
    from ..monitor import condition_met
    from ..sign import load_keyring, load_signer

    if keyring is None:
        raise InputError("a keyring is needed to check who confirms the condition",
                         help="give --keyring or set CASEGATE_KEYRING")
    ring = load_keyring(keyring)
    signer = load_signer(key)
    with _open(db) as reg:
        entry, change = condition_met(reg, case_id, condition, evidence=evidence, by=by, signer=signer,
                                      keyring=ring, note=note, on=parse_date(on, "--on"))
    late = " (late)" if entry.payload.get("late") else ""
    out(f"recorded condition {condition} met{late} on {entry.recorded_at[:10]} by {entry.payload.get('person')} "
        f"({by}), log entry {entry.index}")
    if change is not None:
        out(f"{case_id}: every condition met: {change.payload['from']} -> {change.payload['to']}")


# --------------------------------------------------------------------------- history


@app.command("history")
def history_cmd(
    case_id: Annotated[str, typer.Argument(help="The case id.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
    at: Annotated[str | None, typer.Option("--at", help="As of this date (default today).")] = None,
    keyring: KeyringOption = None,
    db: DbOption = None,
) -> None:
    """What held up: per version, which claims incidents or new evidence defeated and which held;
    conditions met (by a signed confirmation that counts) or missed; triggers fired; every state
    change with its cause."""
    from ..errors import InputError
    from ..monitor import case_history, format_history

    if format not in ("text", "json"):
        raise InputError(f"--format {format!r}: use text or json")
    with _open(db, existing=True) as reg:
        h = case_history(reg, case_id, today=parse_date(at), keyring=_keyring_or_none(keyring))
    if format == "json":
        out(json.dumps(h.to_json(), indent=2))
    else:
        out(format_history(h))


