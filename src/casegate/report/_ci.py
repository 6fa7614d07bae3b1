"""Findings and decisions for CI systems: GitHub Actions workflow commands (annotations on the
changed files) and JUnit XML (test reports every CI server reads)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import __version__
from ..model import Finding, RuleSeverity
from ._findings import summary_line

if TYPE_CHECKING:  # the XML library is imported only for JUnit output; the record's models only for `gate`
    from xml.etree import ElementTree as ET

    from ..model import DecisionRecord

_GITHUB_LEVEL = {RuleSeverity.blocking: "error", RuleSeverity.condition: "warning",
                 RuleSeverity.advisory: "notice"}


# --------------------------------------------------------------------------- GitHub Actions


def _gh_data(text: str) -> str:
    """Escape a workflow command's message (the runner's own escaping rules)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    """Escape a workflow command property value (also ':' and ',', which delimit properties)."""
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _gh_command(level: str, message: str, *, title: str, file: str | None = None,
                line: int | None = None, col: int | None = None) -> str:
    props = []
    if file is not None:
        props.append(f"file={_gh_prop(file)}")
        if line is not None:
            props.append(f"line={line}")
        if col is not None:
            props.append(f"col={col}")
    props.append(f"title={_gh_prop(title)}")
    return f"::{level} {','.join(props)}::{_gh_data(message)}"


def finding_annotation(f: Finding) -> str:
    """One finding as a workflow command: blocking -> error, condition -> warning, advisory and
    waived -> notice; at the finding's file, line and column when it has one."""
    level = _GITHUB_LEVEL[f.severity] if f.waived is None else "notice"
    msg = f.message
    if f.waived is not None:
        w = f.waived
        msg += f"\nwaived by {w.person} ({w.role}) until {w.until}: {w.reason}"
    if f.help:
        msg += f"\nhelp: {f.help}"
    loc = f.location
    return _gh_command(level, msg, title=f"{f.code} {f.name}", file=loc.file if loc else None,
                       line=loc.line if loc else None, col=loc.column if loc else None)


def format_github(findings: Iterable[Finding]) -> str:
    """Every finding as a GitHub Actions workflow command, one per line."""
    return "\n".join(finding_annotation(f) for f in findings)


def format_decision_github(record: DecisionRecord) -> str:
    """The findings as annotations, then the outcome: an error for NO-GO, a warning per condition
    for GO WITH CONDITIONS, a notice for GO."""
    lines = [finding_annotation(f) for f in record.findings]
    where = record.boundary.value if record.boundary else "(no boundary)"
    head = f"casegate: {record.outcome} for {record.system} across {where}"
    if record.outcome == "NO-GO":
        why = "; ".join(record.lacks) or "blocking findings stand"
        nar = (f"\nthe same evidence supports {record.narrower.value}" if record.narrower is not None
               else "\nno narrower boundary passes with the same evidence")
        lines.append(_gh_command("error", f"{why}{nar}", title=head))
    elif record.outcome == "GO WITH CONDITIONS":
        for c in record.conditions:
            due = f" (due {c.due})" if c.due else ""
            lines.append(_gh_command("warning", f"{c.id}: {c.text}{due} [{c.cause}]", title=head))
    else:
        lines.append(_gh_command("notice", "nothing stands against it", title=head))
    return "\n".join(lines)


# --------------------------------------------------------------------------- JUnit XML


def _location(f: Finding) -> str:
    return f"{f.location.file}:{f.location.line}:{f.location.column}" if f.location else "(case)"


def _finding_text(f: Finding) -> str:
    text = f"{_location(f)}: {f.code} {f.name} [{f.severity.value}]: {f.message}"
    if f.help:
        text += f"\nhelp: {f.help}"
    return text


def _suite(name: str, findings: list[Finding], timestamp: str) -> ET.Element:
    """One testsuite: a testcase per rule that produced findings (rules that found nothing are
    not listed: whether a rule ran is not something a finding list can show, and a test that did
    not run must not be reported as passed). A rule with a blocking finding fails (one <failure>
    listing every blocking finding); a rule whose only findings are waived is skipped with the
    waiver as the message; conditions and advisories pass and are listed in <system-out>."""
    from xml.etree import ElementTree as ET

    by_code: dict[str, list[Finding]] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    suite = ET.Element("testsuite", name=name, timestamp=timestamp)
    failures = skipped = 0
    for code in sorted(by_code):
        fs = by_code[code]
        case = ET.SubElement(suite, "testcase", name=f"{code} {fs[0].name}",
                             classname=f"casegate.{code[:3]}xx", time="0")
        blocking = [f for f in fs if f.blocking]
        waived = [f for f in fs if f.waived is not None]
        other = [f for f in fs if not f.blocking and f.waived is None]
        if blocking:
            failures += 1
            first = blocking[0]
            msg = f"{_location(first)}: {first.message}"
            if len(blocking) > 1:
                msg += f" (and {len(blocking) - 1} more)"
            fail = ET.SubElement(case, "failure", message=msg, type="blocking")
            fail.text = "\n\n".join(_finding_text(f) for f in blocking)
        elif waived and not other:
            skipped += 1
            w = waived[0].waived
            assert w is not None
            ET.SubElement(case, "skipped",
                          message=f"waived by {w.person} ({w.role}) until {w.until}: {w.reason}")
        if other or (waived and blocking):
            out = ET.SubElement(case, "system-out")
            out.text = "\n\n".join(_finding_text(f) + (
                f"\nwaived by {f.waived.person} ({f.waived.role}) until {f.waived.until}: {f.waived.reason}"
                if f.waived is not None else "") for f in [*other, *waived])
    suite.set("tests", str(len(by_code)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    suite.set("time", "0")
    return suite


def _add_first(suite: ET.Element, case: ET.Element, failed: bool) -> None:
    """Put the overall testcase first (after the properties) and count it."""
    suite.insert(1, case)
    suite.set("tests", str(int(suite.get("tests", "0")) + 1))
    if failed:
        suite.set("failures", str(int(suite.get("failures", "0")) + 1))


def _document(suite: ET.Element, name: str) -> str:
    from xml.etree import ElementTree as ET

    root = ET.Element("testsuites", name=name)
    for k in ("tests", "failures", "errors", "skipped", "time"):
        root.set(k, suite.get(k, "0"))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat()


def format_junit(findings: list[Finding], *, name: str, timestamp: str | None = None) -> str:
    """JUnit XML for `check`: one testsuite named after the case; a first testcase `check` that
    fails when anything is blocking, then one testcase per rule with findings (see `_suite`)."""
    from xml.etree import ElementTree as ET

    suite = _suite(name, findings, timestamp or _now())
    props = ET.Element("properties")
    ET.SubElement(props, "property", name="casegate.version", value=__version__)
    suite.insert(0, props)
    blocking = [f for f in findings if f.blocking]
    case = ET.Element("testcase", name=f"check {name}", classname="casegate.check", time="0")
    if blocking:
        fail = ET.SubElement(case, "failure", type="blocking",
                             message=f"{len(blocking)} blocking finding{'s' if len(blocking) != 1 else ''}")
        fail.text = summary_line(findings)
    else:
        ET.SubElement(case, "system-out").text = summary_line(findings)
    _add_first(suite, case, bool(blocking))
    return _document(suite, "casegate check")


def format_decision_junit(record: DecisionRecord, *, timestamp: str | None = None) -> str:
    """The gate's decision as JUnit XML: a `decision` testcase that fails on NO-GO, then one
    testcase per rule with findings as for `check`; outcome, boundary and conditions as suite
    properties."""
    from xml.etree import ElementTree as ET

    suite = _suite(f"{record.case_id} {record.case_version}", list(record.findings),
                   timestamp or (record.decided_at + "T00:00:00" if len(record.decided_at) == 10 else record.decided_at))
    props = ET.Element("properties")
    for k, v in (("casegate.version", record.casegate_version), ("outcome", record.outcome),
                 ("boundary", record.boundary.value if record.boundary else ""),
                 ("system", record.system), ("decided_at", record.decided_at)):
        ET.SubElement(props, "property", name=k, value=v)
    for c in record.conditions:
        ET.SubElement(props, "property", name=f"condition.{c.id}",
                      value=c.text + (f" (due {c.due})" if c.due else ""))
    suite.insert(0, props)
    where = record.boundary.value if record.boundary else "(no boundary)"
    case = ET.Element("testcase", name=f"decision across {where}", classname="casegate.gate", time="0")
    no_go = record.outcome == "NO-GO"
    if no_go:
        fail = ET.SubElement(case, "failure", type="NO-GO",
                             message="NO-GO: " + ("; ".join(record.lacks) or "blocking findings stand"))
        nar = (f"the same evidence supports {record.narrower.value}" if record.narrower is not None
               else "no narrower boundary passes with the same evidence")
        fail.text = "\n".join([*record.lacks, nar])
    else:
        ET.SubElement(case, "system-out").text = record.outcome + "".join(
            f"\n{c.id}: {c.text}" + (f" (due {c.due})" if c.due else "") for c in record.conditions)
    _add_first(suite, case, no_go)
    return _document(suite, "casegate gate")
