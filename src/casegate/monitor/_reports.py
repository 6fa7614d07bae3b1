"""Regime incident reports: which reports an incident owes, by when, and whether they were filed.

When an incident is recorded against a case under a regime, the reporter says which of the
regime's incident classes it falls in (or why none does). Each class sets a deadline counted from
when the incident became known; the deadlines are computed then and written into the incident's
log entry, so a later edit of a regime file cannot move them. A filing is a signed statement by a
keyring member outside the developer that owes the report, verified before it is logged. A report
not filed by its deadline is a blocking finding (CG1003) and fires the case's `report-overdue`
triggers (or reopens the case where the plan names none).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import Finding, Regime, RuleSeverity, Severity
from ..model._names import organisation_among
from ..store import LogEntry, Registry, log_time
from ._incidents import Incident
from ._series import iso, parse_timestamp

if TYPE_CHECKING:
    from ..sign import Keyring

INCIDENT_REPORT_OVERDUE = "CG1003"
"""The finding a report past its deadline gives (documented with the regime rules)."""
FILED = "incident-report-filed"
"""Log event: a regime report of an incident was filed."""
CLASSIFIED = "incident-classified"
"""Log event: an incident's regime classes were set. A classification adds to the reports the
incident owes and never takes one away: a report owed by the incident as recorded, or by an
earlier classification, stays owed (a provisional report goes only when the incident is
classified before its deadline)."""
DISMISSED = "incident-class-dismissed"
"""Log event: someone outside the developer signed that a class an incident's own fields point at
(see `held_classes`) does not apply to it, and why."""


def _domain_words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", name.casefold()))


def domain_matches(domain: str, hints: Sequence[str]) -> bool:
    """Whether an incident's risk domain is one a class hints at, compared by their words: a
    policy's `exfiltration` is the regime's `model-exfiltration`, and `cyber-offence` is `cyber`
    (one name's words are all among the other's). A hint only suggests, so a near name counts."""
    mine = _domain_words(domain)
    return bool(mine) and any((theirs := _domain_words(h)) and (mine <= theirs or theirs <= mine) for h in hints)


def suggested_classes(incident: Incident, regimes: Sequence[Regime]) -> list[str]:
    """Classes whose hints (domain, minimum severity) match the incident: a suggestion only.
    Domains are matched by their words (see `domain_matches`)."""
    return suggested_for(incident.domain, incident.severity, regimes)


def suggested_for(domain: str | Sequence[str], severity: str | Severity, regimes: Sequence[Regime]) -> list[str]:
    """Classes whose hints match an incident of this domain (or of any of these domains) and
    severity (see `suggested_classes`); a class with no hints is suggested for every incident."""
    names = (domain,) if isinstance(domain, str) else tuple(domain)
    out = []
    for r in regimes:
        for cid, c in r.incident_classes.items():
            if c.domains and not any(domain_matches(d, c.domains) for d in names):
                continue
            if c.min_severity is not None and Severity(severity).rank < c.min_severity.rank:
                continue
            out.append(f"{r.id}:{cid}")
    return out


def suggestion_lines(domain: str | Sequence[str], severity: str | Severity, regimes: Sequence[Regime],
                     owed: Sequence[str]) -> list[str]:
    """What a person classifying an incident should see: the classes the regimes' hints suggest
    for its domains and severity, and those of them the incident does not yet owe a report under."""
    hinted = suggested_for(domain, severity, regimes)
    domain = domain if isinstance(domain, str) else ", ".join(domain)
    if not regimes or not any(r.incident_classes for r in regimes):
        return []
    if not hinted:
        return [f"no incident class's hints match a {Severity(severity).value} {domain} incident "
                "(the hints only suggest: `casegate regime show NAME` lists every class)"]
    out = [f"classes the regimes' hints suggest for a {Severity(severity).value} {domain} incident: {', '.join(hinted)}"]
    missing = [c for c in hinted if c not in owed]
    if missing:
        out.append(f"not yet owed: {', '.join(missing)} (add one with `casegate incident classify INDEX --class "
                   "REGIME:CLASS`; a classification adds reports and takes none away)")
    return out


def classify(incident: Incident, regimes: Sequence[Regime]) -> list[dict[str, Any]]:
    """The regime reports an incident owes, with their deadlines, as logged. InputError when a
    class is unknown. An incident of a case under a regime that names no class and gives no
    reason why none applies is unclassified: it owes a provisional report under each regime,
    due by the regime's shortest deadline, until `casegate incident classify` says otherwise
    (fail closed: no incident under a regime starts no clock)."""
    return reports_for(incident.case, incident.classes, incident.not_reportable, incident.known_at(), regimes)


UNCLASSIFIED = "unclassified"
"""The class of a provisional report (an incident not yet classified)."""


def no_reason(text: str | None) -> str | None:
    """Why a `not_reportable` text gives no reason why no incident class applies (None when it
    gives one): it is missing or empty, boilerplate ("N/A", "-", "none", "TBD": casegate's built-in
    `text.hollow` list), or has no word that carries content. An incident whose reason gives none is
    unclassified: it owes the provisional reports."""
    from ..checks import content_words
    from ..model import DEFAULT_HOLLOW

    if text is None or not text.strip():
        return "it is empty"
    words = " ".join(re.findall(r"[a-z0-9][a-z0-9'\-]*", text.casefold()))
    if not words or words in {" ".join(re.findall(r"[a-z0-9][a-z0-9'\-]*", h)) for h in DEFAULT_HOLLOW}:
        return f"\"{text.strip()}\" is boilerplate"
    if not content_words(text):
        return f"\"{text.strip()}\" has no word that carries content"
    return None


def reports_for(case_id: str, classes: Sequence[str], not_reportable: str | None, known: dt.datetime,
                regimes: Sequence[Regime]) -> list[dict[str, Any]]:
    """The reports owed for these classes (see `classify`)."""
    by_id = {r.id: r for r in regimes}
    out = []
    if not classes:
        if no_reason(not_reportable) is None:
            return []
        for r in regimes:
            if not r.incident_classes:
                continue
            cid, c = min(r.incident_classes.items(), key=lambda kv: kv[1].deadline.delta())
            out.append({"class": f"{r.id}:{UNCLASSIFIED}", "provisional": True,
                        "title": f"Unclassified incident (until classified, the shortest deadline applies: {c.title})",
                        "report_to": c.report_to, "deadline": c.deadline.describe(),
                        "cite": f"{c.cite.document}, {c.cite.section}",
                        "known": iso(known), "due": iso(known + c.deadline.delta())})
        return out
    for ref in classes:
        rid, sep, cid = ref.partition(":")
        regime = by_id.get(rid)
        if not sep or regime is None or cid not in regime.incident_classes:
            known_classes = ", ".join(f"{r.id}:{c}" for r in regimes for c in r.incident_classes)
            raise InputError(f"--class {ref!r} is not an incident class of the regimes case {case_id} is under",
                             help=f"one of: {known_classes}" if known_classes else
                                  "the case is under no regime (add `regimes:` to the case or its policy)")
        c = regime.incident_classes[cid]
        out.append({"class": ref, "title": c.title, "report_to": c.report_to,
                    "deadline": c.deadline.describe(), "cite": f"{c.cite.document}, {c.cite.section}",
                    "known": iso(known), "due": iso(known + c.deadline.delta())})
    return out


@dataclass(frozen=True)
class ReportClock:
    """One report an incident owes under a regime."""

    incident: int
    """Log index of the incident."""
    cls: str
    """REGIME:CLASS."""
    title: str
    report_to: str
    deadline: str
    cite: str
    known: dt.datetime
    due: dt.datetime
    description: str = ""
    filed_at: dt.datetime | None = None
    filed_by: str | None = None
    reference: str | None = None
    filed_entry: int | None = None
    provisional: bool = False
    """Owed by an incident not yet classified (the regime's shortest deadline applies)."""
    filed_logged: dt.datetime | None = None
    """When the log recorded the filing: the time the clock stops at, whatever time the filing
    states (`filed_at`)."""
    not_counted: tuple[str, ...] = ()
    """Each logged filing of this report (or dismissal of its class) that does not count, with
    why (see `report_clocks`)."""
    hinted: bool = False
    """Owed because the incident's own fields point at the class (see `held_classes`), not
    because anyone named it: someone outside the developer may dismiss it."""
    filed_under: str | None = None
    """The case the incident was logged against, when it is another case about the same model
    than the one listed (`counted_report_clocks`): its reports count for that one too."""

    def _filed_by(self, at: dt.datetime) -> bool:
        stopped = self.filed_logged or self.filed_at
        return stopped is not None and stopped <= at

    def overdue(self, at: dt.datetime) -> bool:
        """Past its deadline as of `at` with no filing the log recorded by then."""
        return at > self.due and not self._filed_by(at)

    def missed(self, at: dt.datetime) -> bool:
        """As of `at`, the deadline passed with no filing the log recorded by it: a filing
        recorded later (whatever time it states) does not undo the miss."""
        return at > self.due and not self._filed_by(self.due)

    @property
    def late(self) -> bool:
        stopped = self.filed_logged or self.filed_at
        return stopped is not None and stopped > self.due

    def status(self, at: dt.datetime) -> str:
        if self.filed_at is not None:
            return "filed late" if self.late else "filed"
        return "overdue" if self.overdue(at) else "open"

    def remaining(self, at: dt.datetime) -> str:
        """Time left (or past) in words, e.g. '2 days 3 hours left' or '5 hours overdue'."""
        delta = self.due - at
        secs = abs(int(delta.total_seconds()))
        days, hours = secs // 86400, (secs % 86400) // 3600
        words = (f"{days} day{'s' if days != 1 else ''} " if days else "") + f"{hours} hour{'s' if hours != 1 else ''}"
        return f"{words} left" if delta.total_seconds() >= 0 else f"{words} overdue"

    def to_json(self, at: dt.datetime | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "incident": self.incident, "class": self.cls, "title": self.title, "report_to": self.report_to,
            "deadline": self.deadline, "cite": self.cite, "known": iso(self.known), "due": iso(self.due),
            "filed_at": iso(self.filed_at) if self.filed_at else None, "filed_by": self.filed_by,
            "reference": self.reference, "filed_entry": self.filed_entry,
            "filed_recorded": iso(self.filed_logged) if self.filed_logged else None,
            "not_counted": list(self.not_counted), "hinted": self.hinted, "filed_under": self.filed_under,
        }
        if at is not None:
            out["status"] = self.status(at)
            out["remaining"] = self.remaining(at)
        return out


NO_KEYRING = ("no keyring was given, so no filing's signature or signer can be checked and none stops the "
              "clock (pass --keyring or set CASEGATE_KEYRING)")
"""Why a logged filing does not count where no keyring is given."""


def check_filing(entry: LogEntry, keyring: Keyring, *, case_id: str, developer: Sequence[str],
                 expect: str | None = None) -> tuple[Any, list[str]]:
    """Whether a logged filing counts: its envelope verifies against `keyring` as of when the log
    recorded it, names this case, incident and class, and its signer's organisation (as the
    keyring records it) is not the developer that owes the report (see `check_filer`). A
    filing written straight into the log, or logged before filings were checked, counts only
    where it passes the same checks. With `expect` INCIDENT_CLASS_DISMISSED, the same for a
    logged dismissal of a class. Returns the verified envelope (None when it cannot be trusted)
    and every reason it does not count. Never raises on bad input."""
    from ..sign import INCIDENT_CLASS_DISMISSED, INCIDENT_REPORT, check_envelope
    from ..sign._statement import logged_instant

    expect = expect or INCIDENT_REPORT
    what = "dismissal" if expect == INCIDENT_CLASS_DISMISSED else "filing"
    label = f"log entry {entry.index}"
    env = entry.payload.get("envelope")
    if not isinstance(env, dict):
        return None, [f"{label}: the {what} is not signed (an unsigned record of a {what} does not count)"]
    try:
        signed, reasons = check_envelope(env, keyring, logged_instant(entry.recorded_at), label, expect=expect)
    except (InputError, ValueError, TypeError, KeyError) as e:
        return None, [f"{label}: the {what}'s envelope cannot be read ({e})"]
    if signed is None:
        return None, reasons
    p = signed.predicate
    if p.get("case") != case_id or p.get("incident") != entry.payload.get("incident") \
            or p.get("class") != entry.payload.get("class"):
        reasons.append(f"{label}: the signed {what} is of case {p.get('case')!r}, incident #{p.get('incident')}, "
                       f"class {p.get('class')!r}, not the report this entry records")
    org = signed.key.organisation
    if not developer:
        reasons.append(f"{label}: the developer that owes the report is unknown, so a {what} from outside it "
                       "cannot be established")
    elif not org:
        reasons.append(f"{label}: the keyring records no organisation for {signed.person}, so the {what} cannot "
                       "be shown to come from outside the developer")
    elif organisation_among(org, developer) is not None:
        reasons.append(f"{label}: is signed by {signed.person} of {org}, the developer that owes the report: "
                       + ("the lab does not mark its own report filed" if what == "filing"
                          else "the lab does not dismiss a report its own incident points at"))
    if what == "dismissal":
        if not str(p.get("reason") or "").strip():
            reasons.append(f"{label}: the signed dismissal gives no reason")
        return signed, reasons
    try:
        stated = parse_timestamp(str(p.get("filed_at")), label)
    except InputError:
        reasons.append(f"{label}: the signed filing states no filing time")
    else:
        if stated > parse_timestamp(entry.recorded_at, label):
            reasons.append(f"{label}: the signed filing is dated {iso(stated)}, after the log recorded it")
    return signed, reasons


def report_clocks(reg: Registry, case_id: str, keyring: Keyring | None = None) -> list[ReportClock]:
    """Every regime report the case's incidents owe, with their filings, in log order. A filing
    stops a clock only where it counts against `keyring` (see `check_filing`), with every key
    revocation the log records applied; without a keyring none can be checked, so no report is
    filed and each logged filing is named, with why, in the clock's `not_counted` (fail closed).

    Each deadline is counted again from the regime of the case version the incident was recorded
    against (see `owed_reports`): a `due`, `known` or `provisional` value written into the log is
    never what a clock reads."""
    from ..sign import INCIDENT_CLASS_DISMISSED, with_logged_revocations
    from ._rated import DOMAIN_ADDED, RATED, domain_added
    from ._versions import VersionCache, current_approval

    incidents = reg.events(case_id, "incident")
    if not incidents:
        return []
    judging = with_logged_revocations(keyring, reg.events(kind="keyring-change"))[0] if keyring is not None else None
    filings: dict[tuple[int, str], list[LogEntry]] = {}
    for e in reg.events(case_id, FILED):
        try:
            filings.setdefault((int(e.payload["incident"]), str(e.payload["class"])), []).append(e)
        except (KeyError, TypeError, ValueError):
            continue  # names no report: it files nothing
    dismissals: dict[tuple[int, str], list[LogEntry]] = {}
    for e in reg.events(case_id, DISMISSED):
        try:
            dismissals.setdefault((int(e.payload["incident"]), str(e.payload["class"])), []).append(e)
        except (KeyError, TypeError, ValueError):
            continue  # names no class of an incident: it dismisses nothing
    developers: dict[int, list[str]] = {}
    classified: dict[int, list[LogEntry]] = {}
    for e in reg.events(case_id, CLASSIFIED):
        try:
            classified.setdefault(int(e.payload["incident"]), []).append(e)
        except (KeyError, TypeError, ValueError):
            continue  # names no incident: it classifies nothing
    ratings: dict[int, list[LogEntry]] = {}
    for e in reg.events(case_id, RATED):
        try:
            ratings.setdefault(int(e.payload["incident"]), []).append(e)
        except (KeyError, TypeError, ValueError):
            continue
    domains: dict[int, list[LogEntry]] = {}
    for e in reg.events(case_id, DOMAIN_ADDED):
        if (got := domain_added(e)) is not None:
            domains.setdefault(got[0], []).append(e)
    versions = VersionCache(reg)
    stored = set(versions.numbers(case_id))
    appr = current_approval(reg, case_id)
    # besides the version an incident names, every version the registry holds (the approved one
    # first, then newest first): an entry written by another writer may name none, one the
    # registry does not hold, or one under no regime, and a version that leaves a regime out
    # (CG1005) does not end the reports an incident owes under it
    always = ([appr.version] if appr is not None else []) + sorted(stored, reverse=True)
    out = []
    for e in incidents:
        number = (e.payload.get("defeats") or {}).get("version")
        regimes: list[Regime] = []
        for n in ([number] if isinstance(number, int) and number in stored else []) + always:
            regimes += [r for r in versions.get(case_id, n).regimes if r.id not in {x.id for x in regimes}]

        def developer(index: int = e.index) -> list[str]:
            if index not in developers:
                developers[index] = developer_organisations(reg, case_id, index)
            return developers[index]

        def dismissed(cls: str, index: int = e.index) -> tuple[dt.datetime | None, list[str]]:
            """When a dismissal of `cls` that counts was logged (None: none counts), and why
            each other one does not."""
            why: list[str] = []
            for cand in dismissals.get((index, cls), []):
                if judging is None:
                    why.append(f"log entry {cand.index}: {NO_KEYRING.replace('filing', 'dismissal')}")
                    continue
                signed, problems = check_filing(cand, judging, case_id=case_id, developer=developer(),
                                                expect=INCIDENT_CLASS_DISMISSED)
                if signed is not None and not problems:
                    return parse_timestamp(cand.recorded_at, f"log entry {cand.index}"), why
                why += problems
            return None, why

        for r in owed_reports(e, classified.get(e.index, []), regimes, ratings=ratings.get(e.index, []),
                              domains_added=domains.get(e.index, []), dismissed=dismissed):
            f: LogEntry | None = None
            stated: dt.datetime | None = None
            person: str | None = None
            refused: list[str] = list(r.get("not_counted") or [])
            for cand in filings.get((e.index, str(r["class"])), []):
                if judging is None:
                    refused.append(f"log entry {cand.index}: {NO_KEYRING}")
                    continue
                signed, problems = check_filing(cand, judging, case_id=case_id, developer=developer())
                if signed is not None and not problems and f is None:
                    f, person = cand, signed.person
                    stated = parse_timestamp(str(signed.predicate["filed_at"]), f"log entry {cand.index}")
                elif problems:
                    refused += problems
            out.append(ReportClock(
                incident=e.index, cls=str(r["class"]), title=str(r["title"]), report_to=str(r["report_to"]),
                deadline=str(r["deadline"]), cite=str(r["cite"]), known=r["known"], due=r["due"],
                description=str(e.payload.get("description") or ""),
                filed_at=stated, filed_by=person,
                reference=f.payload.get("reference") if f else None,
                filed_entry=f.index if f else None, provisional=bool(r.get("provisional")),
                filed_logged=parse_timestamp(f.recorded_at, f"log entry {f.index}") if f else None,
                not_counted=tuple(refused), hinted=bool(r.get("hinted")),
            ))
    return out


def incident_known(incident: LogEntry) -> dt.datetime:
    """When a logged incident became known, as its clocks count it: the awareness time it states
    (else the start of its date), and no later than the log recorded it, whatever time of
    awareness the reporter gave. An entry that states neither readably is counted from when the
    log recorded it."""
    recorded = parse_timestamp(incident.recorded_at, f"log entry {incident.index}")
    p = incident.payload
    try:
        if p.get("known"):
            known = parse_timestamp(str(p["known"]), f"incident #{incident.index}")
        else:
            known = dt.datetime.combine(dt.date.fromisoformat(str(p["date"])), dt.time.min, dt.UTC)
    except (KeyError, ValueError, InputError):
        known = recorded
    return min(known, recorded)


def _report_of(ref: str, regimes: Sequence[Regime], known: dt.datetime) -> dict[str, Any]:
    """The report `ref` (REGIME:CLASS, or REGIME:unclassified) owes, its deadline read from the
    regime. A class no regime of the case holds (written into the log, or of a regime the case
    has left) has no deadline to read: it is due by the shortest deadline any of the case's
    regimes sets, else when the incident became known (fail closed)."""
    by_id = {r.id: r for r in regimes}
    rid, _, cid = ref.partition(":")
    regime = by_id.get(rid)
    base: dict[str, Any] = {"class": ref, "known": known}
    if regime is not None and cid == UNCLASSIFIED and regime.incident_classes:
        c = min(regime.incident_classes.values(), key=lambda x: x.deadline.delta())
        return {**base, "provisional": True,
                "title": f"Unclassified incident (until classified, the shortest deadline applies: {c.title})",
                "report_to": c.report_to, "deadline": c.deadline.describe(),
                "cite": f"{c.cite.document}, {c.cite.section}", "due": known + c.deadline.delta()}
    if regime is not None and cid in regime.incident_classes:
        c = regime.incident_classes[cid]
        return {**base, "title": c.title, "report_to": c.report_to, "deadline": c.deadline.describe(),
                "cite": f"{c.cite.document}, {c.cite.section}", "due": known + c.deadline.delta()}
    deltas = [c.deadline.delta() for r in regimes for c in r.incident_classes.values()]
    shortest = min(deltas) if deltas else dt.timedelta(0)
    return {**base, "title": f"{ref} (a class no regime of the case holds: the shortest deadline of its regimes applies)",
            "report_to": "unknown", "deadline": f"{int(shortest.total_seconds() // 3600)} hours", "cite": "unknown",
            "due": known + shortest}


def held_classes(domain: str, severity: str | Severity, regimes: Sequence[Regime]) -> list[str]:
    """The classes an incident of this domain and severity owes a report under whoever classifies
    it: those whose hints (a domain, a minimum severity) it matches. A class that gives no hint is
    only suggested (see `suggested_for`): nothing about the incident's fields points at it."""
    by_ref = {f"{r.id}:{cid}": c for r in regimes for cid, c in r.incident_classes.items()}
    return [ref for ref in suggested_for(domain, severity, regimes)
            if by_ref[ref].domains or by_ref[ref].min_severity is not None]


def owed_reports(incident: LogEntry, classifications: Sequence[LogEntry], regimes: Sequence[Regime], *,
                 ratings: Sequence[LogEntry] = (), domains_added: Sequence[LogEntry] = (),
                 dismissed: Callable[[str], tuple[dt.datetime | None, list[str]]] | None = None,
                 ) -> list[dict[str, Any]]:
    """The reports an incident owes, each with its deadline counted from when the incident became
    known (`incident_known`) by the regime's rule; no `due` the log holds is read.

    They are the classes it was recorded with and those each classification adds, and the classes
    its own fields point at (`held_classes`: its domain and recorded severity from when it became
    known; a severity a rating raised it to, or a domain someone added, from when the log
    recorded the rating or the addition). Whoever
    classifies an incident (the developer, often) may add a class, never take one away: a class
    dropped, replaced by one with a longer deadline, or an incident declared not reportable (when
    recorded or after) leaves the report owed. A class the incident's fields point at goes only
    when someone outside the developer dismisses it by a signed statement the log records by its
    deadline (`dismissed` says when one that counts was logged). A provisional report (an
    unclassified incident, `REGIME:unclassified`) goes once a classification is recorded by its
    deadline; one classified later has missed it, and it stays owed. Where one class is owed
    twice, the earlier deadline stands."""
    from ._rated import domain_added, incident_domains

    known = incident_known(incident)
    p = incident.payload
    named: list[str] = []

    def refs(payload: dict[str, Any]) -> list[str]:
        classes, reports = payload.get("classes"), payload.get("regime_reports")
        got = [str(c) for c in classes] if isinstance(classes, list) else []
        if isinstance(reports, list):
            got += [str(r["class"]) for r in reports if isinstance(r, dict) and "class" in r]
        return got

    named += refs(p)
    if not p.get("classes") and no_reason(str(p.get("not_reportable") or "")) is not None:
        named += [f"{r.id}:{UNCLASSIFIED}" for r in regimes if r.incident_classes]
    classified_at = [parse_timestamp(c.recorded_at, f"log entry {c.index}") for c in classifications]
    for c in classifications:
        named += refs(c.payload)
    out: dict[str, dict[str, Any]] = {}

    def owe(ref: str, since: dt.datetime, **extra: Any) -> None:
        r = {**_report_of(ref, regimes, since), **extra}
        if r.get("provisional") and any(t <= r["due"] for t in classified_at):
            return
        if ref not in out or r["due"] < out[ref]["due"]:
            out[ref] = r

    for ref in named:
        owe(ref, known)
    # each domain the incident is judged in (`incident_domains`) and each severity it was recorded
    # or rated at, from when both were in the log; an entry with no readable domain or severity
    # points at no class until an addition or a rating gives it one
    in_domains: list[tuple[str, dt.datetime]] = [(d, known) for d in incident_domains(p.get("domain"))]
    for added in domains_added:
        try:
            since = max(known, parse_timestamp(added.recorded_at, f"log entry {added.index}"))
        except InputError:
            continue
        if (got := domain_added(added)) is not None:
            in_domains.append((got[1], since))
    levels: list[tuple[Severity, dt.datetime]] = []
    try:
        levels.append((Severity(str(p["severity"])), known))
    except (KeyError, ValueError):
        pass
    for rating in ratings:
        try:
            levels.append((Severity(str(rating.payload["severity"])),
                           max(known, parse_timestamp(rating.recorded_at, f"log entry {rating.index}"))))
        except (KeyError, ValueError, InputError):
            continue
    held: dict[str, dt.datetime] = {}
    for domain, d_since in in_domains:
        for level, s_since in levels:
            for ref in held_classes(domain, level, regimes):
                held[ref] = min(held.get(ref, max(d_since, s_since)), max(d_since, s_since))
    for ref, since in held.items():
        if ref in named:
            continue
        r = _report_of(ref, regimes, since)
        when, why = dismissed(ref) if dismissed is not None else (None, [])
        if when is not None and when <= r["due"]:
            continue
        if ref not in out or r["due"] < out[ref]["due"]:
            out[ref] = {**r, "hinted": True, "not_counted": why}
    return list(out.values())


def overdue_report_findings(clocks: Sequence[ReportClock], at: dt.datetime) -> list[Finding]:
    """A blocking CG1003 finding for each report past its deadline and not filed."""
    return [
        Finding(code=INCIDENT_REPORT_OVERDUE, name="incident-report-overdue", severity=RuleSeverity.blocking,
                message=f"the {c.title} report of incident #{c.incident} ({c.cls})"
                        + (f", filed under case {c.filed_under} about the same model," if c.filed_under else "")
                        + f" was due to {c.report_to} by {iso(c.due)} ({c.deadline} after it became known, "
                        f"{c.cite}) and is not filed",
                path=("incidents", c.incident, c.cls),
                help=f"file it (casegate incident draft {c.incident} --class {c.cls}"
                     + (f" --case {c.filed_under}" if c.filed_under else "")
                     + f" writes a draft), then record it: casegate incident filed {c.incident} --class {c.cls}"
                     + (f" --case {c.filed_under}" if c.filed_under else "") + " --key KEY")
        for c in clocks if c.overdue(at)
    ]


def refuse_no_reason(not_reportable: str | None) -> None:
    """InputError when `--not-reportable` is given and gives no reason (`no_reason`)."""
    if not_reportable is None:
        return
    why = no_reason(not_reportable)
    if why is not None:
        raise InputError(f"--not-reportable: {why}: say why no incident class of the case's regimes applies",
                         help="or name the classes that apply (--class REGIME:CLASS); an incident with no "
                              "class and no reason owes each regime's provisional report")


def record_classification(reg: Registry, case_id: str, incident: int, *, classes: Sequence[str],
                          not_reportable: str | None, by: str | None, regimes: Sequence[Regime]) -> LogEntry:
    """Log the regime classes of a recorded incident (or why none applies); the reports it owes
    are recomputed from when it became known. InputError for an unknown incident or class."""
    entry = next((e for e in reg.events(case_id, "incident") if e.index == incident), None)
    if entry is None:
        raise InputError(f"the registry has no incident #{incident} of case {case_id}",
                         help="`casegate incident clocks --case CASE` lists the case's incidents")
    if not classes and not (not_reportable and not_reportable.strip()):
        raise InputError("name the classes that apply (--class REGIME:CLASS) or why none does (--not-reportable)")
    if not classes:
        refuse_no_reason(not_reportable)
    first = (entry.payload.get("regime_reports") or [{}])[0]
    known = parse_timestamp(str(entry.payload.get("known") or first.get("known")
                                or f"{entry.payload['date']}T00:00:00Z"), f"incident #{incident}")
    reports = reports_for(case_id, classes, not_reportable, known, regimes)
    return reg.record(CLASSIFIED, case_id, {"incident": incident, "classes": list(classes),
                                            "not_reportable": not_reportable, "by": by,
                                            "regime_reports": reports})


def developer_organisations(reg: Registry, case_id: str, incident: int) -> list[str]:
    """The organisations of the developer that owes an incident's reports: the developer the
    incident names and the organisations the policy of the case version it was recorded against
    names under `evidence.organisations`."""
    from ._versions import VersionCache

    entry = next((e for e in reg.events(case_id, "incident") if e.index == incident), None)
    if entry is None:
        return []
    out = [str(entry.payload["developer"])] if str(entry.payload.get("developer") or "").strip() else []
    number = (entry.payload.get("defeats") or {}).get("version")
    if not isinstance(number, int):
        number = reg.case_version(case_id, contents=False).number
    policy = VersionCache(reg).get(case_id, number).policy
    if policy is not None:
        out += list(policy.evidence.organisations)
    return out


def _outside(keyring: Keyring, developer: Sequence[str]) -> list[str]:
    """Keyring members outside the developer, with their organisation and roles."""
    return [f"{i.name} ({i.organisation}: {', '.join(sorted({r for k in i.keys for r in k.roles}))})"
            for i in keyring.identities
            if i.organisation and organisation_among(i.organisation, developer) is None]


def check_filer(*, person: str, organisation: str | None, developer: Sequence[str], keyring: Keyring,
                what: str = "filing") -> None:
    """Refuse (InputError) a filing recorded by the developer that owes the report: as a condition
    is confirmed, a filing is recorded by a keyring member whose organisation the keyring records
    and is not the developer's, whatever role their key holds. The same holds for a dismissal of a
    class (`what`)."""
    if not developer:
        reason = f"the developer that owes the report is unknown, so a {what} from outside it cannot be established"
    elif not organisation:
        reason = f"the keyring records no organisation for {person}, so the {what} cannot be shown to come from outside the developer"
    elif organisation_among(organisation, developer) is not None:
        reason = (f"{person} is of {organisation}, the developer that owes the report: "
                  + ("the lab does not mark its own report filed" if what == "filing"
                     else "the lab does not dismiss a report its own incident points at"))
    else:
        return
    may = _outside(keyring, developer)
    raise InputError(f"{reason}; a {what} is recorded by someone outside the developer ({', '.join(developer) or 'unknown'})"
                     + (f"; keyring members who may: {'; '.join(may)}" if may else "; the keyring holds nobody outside it"),
                     help=(f"record the {what} with the key of someone outside the developer "
                           + ("who has seen the authority's acknowledgement " if what == "filing" else "")
                           + "(`casegate keys add --organisation` records their organisation)"))


def record_dismissal(reg: Registry, case_id: str, clocks: Sequence[ReportClock], *, incident: int, cls: str,
                     person: str, role: str, keyid: str, reason: str, envelope: dict[str, Any],
                     organisation: str | None, keyring: Keyring) -> LogEntry:
    """Log a verified dismissal of a class an incident's own fields point at. InputError when the
    incident owes no such report, the class was named (by its reporter or a classification: owed on
    their word), or the signer is of the developer that owes it (see `check_filer`)."""
    owed = [c for c in clocks if c.incident == incident and c.cls == cls]
    if not owed:
        owes = ", ".join(f"#{c.incident} {c.cls}" for c in clocks) or "none"
        raise InputError(f"incident #{incident} of {case_id} owes no {cls} report",
                         help=f"reports the case's incidents owe: {owes}")
    if not owed[0].hinted:
        raise InputError(f"the {cls} report of incident #{incident} is owed because its reporter or a "
                         "classification named the class: a dismissal removes only a class the incident's "
                         "own fields point at",
                         help=f"file it (casegate incident filed {incident} --class {cls} ...)")
    if not reason.strip():
        raise InputError("say why the class does not apply (--reason)")
    check_filer(person=person, organisation=organisation, developer=developer_organisations(reg, case_id, incident),
                keyring=keyring, what="dismissal")
    if log_time() > owed[0].due:
        # the report was missed: a class dismissed after its deadline leaves the miss standing
        raise InputError(f"the {cls} report of incident #{incident} was due by {iso(owed[0].due)}: a class is "
                         "dismissed by its deadline, and a report missed stays missed",
                         help=f"file it late (casegate incident filed {incident} --class {cls} ...)")
    return reg.record(DISMISSED, case_id, {
        "incident": incident, "class": cls, "person": person, "role": role, "keyid": keyid, "reason": reason,
        "envelope": envelope})


def record_filing(reg: Registry, case_id: str, clocks: Sequence[ReportClock], *, incident: int, cls: str,
                  person: str, role: str, keyid: str, filed_at: dt.datetime, reference: str | None,
                  envelope: dict[str, Any], organisation: str | None, keyring: Keyring) -> LogEntry:
    """Log a verified filing of one report. InputError when the incident owes no such report, it
    was filed already, or its signer is of the developer that owes it (see `check_filer`)."""
    owed = [c for c in clocks if c.incident == incident and c.cls == cls]
    if not owed:
        owes = ", ".join(f"#{c.incident} {c.cls}" for c in clocks) or "none"
        raise InputError(f"incident #{incident} of {case_id} owes no {cls} report",
                         help=f"reports the case's incidents owe: {owes}")
    if owed[0].provisional and not any(int(e.payload["incident"]) == incident
                                       for e in reg.events(case_id, CLASSIFIED)):
        # a provisional report is filed once the incident is classified (after its deadline, the
        # classification leaves it owed: see `owed_reports`)
        raise InputError(f"incident #{incident} is not classified yet: classify it first",
                         help="casegate incident classify INDEX --case CASE --class REGIME:CLASS")
    if owed[0].filed_at is not None:
        raise InputError(f"the {cls} report of incident #{incident} was filed already "
                         f"(log entry {owed[0].filed_entry}, {iso(owed[0].filed_at)})")
    check_filer(person=person, organisation=organisation, developer=developer_organisations(reg, case_id, incident),
                keyring=keyring)
    logged = log_time()
    if filed_at > logged:
        raise InputError(f"the filing is dated {iso(filed_at)}, after the registry's clock ({iso(logged)}): "
                         "a report is recorded as filed once it has been",
                         help="record the filing after it is made; --at is when it was filed, today or earlier")
    return reg.record(FILED, case_id, {
        "incident": incident, "class": cls, "person": person, "role": role, "keyid": keyid,
        "filed_at": iso(filed_at), "reference": reference, "envelope": envelope,
        # the clock stops when the log records the filing, not at the time the filing states
        "late": logged > owed[0].due,
    })
