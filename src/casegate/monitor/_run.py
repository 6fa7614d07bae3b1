"""Incidents and samples into the registry, and `triggers run`: evaluate every trigger of every
deployed case, log what fired (once per cause), notify, and apply the action."""

from __future__ import annotations

import datetime as dt
import json
from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from ..errors import InputError
from ..model import BoundaryKind, Severity
from ..store import LogEntry, Registry
from ._compare import ModelIndex, artifact_dates, cases_of_stored_model, model_index
from ._evaluate import (
    Facts,
    Firing,
    LaterVersion,
    RecordedIncident,
    domain_claims,
    evaluate,
    strongest,
)
from ._incidents import Incident
from ._lifecycle import condition_statuses
from ._rated import (
    ATTACK_NAMED,
    DOMAIN_ADDED,
    RATED,
    added_domains,
    incident_attack_names,
    incident_attacks,
    incident_domains,
    incident_severity,
    judged_severity,
    rated_severities,
)
from ._reports import ReportClock, refuse_no_reason, report_clocks, reports_for
from ._series import Sample, Withheld, iso, parse_timestamp
from ._states import WATCHED, CaseState, CauseType, transition
from ._versions import VersionCache, current_approval, parse_recorded, require_case

if TYPE_CHECKING:
    from ..model import Policy
    from ..sign import Decider, Keyring


def standing_version(reg: Registry, case_id: str) -> int:
    """The version the case stands on: the approved one, else its latest."""
    appr = current_approval(reg, case_id)
    return appr.version if appr is not None else reg.case_version(case_id, contents=False).number


def report_incident(reg: Registry, incident: Incident) -> LogEntry:
    """Log an incident against its linked case, with the claims it defeats: the claims of the
    incident's domain in the version the case currently stands on (else its latest version)."""
    from ..store import log_time

    if require_case(reg, incident.case) is CaseState.superseded:
        # a superseded case runs no triggers: an incident recorded here would change nothing, while
        # the case that replaced it (the same weights, often) goes on deploying
        change = next((e for e in reversed(reg.events(incident.case, "state-change"))
                       if e.payload.get("to") == CaseState.superseded.value), None)
        by = str(((change.payload.get("cause") or {}) if change is not None else {}).get("by") or "")
        raise InputError(f"case {incident.case} is superseded{f' by {by}' if by else ''}: it is deployed no more and "
                         "runs no triggers, so an incident recorded against it would change nothing",
                         help=f"report it against the case deployed in its place (--case {by or 'ID'})")
    # an incident cannot have happened after it is reported; triggers count one from its date, so
    # a date ahead would leave it inert until then (a day's grace for time zones ahead of UTC)
    today = log_time().date()
    if incident.date > today + dt.timedelta(days=1):
        raise InputError(f"the incident is dated {incident.date.isoformat()}, after it was reported (the registry's "
                         f"date is {today.isoformat()}): an incident is dated when it happened",
                         help="give the date the incident happened (--date YYYY-MM-DD), today or earlier")
    if not incident.classes:
        # "N/A" is no reason why no class applies: the incident would owe no provisional report
        refuse_no_reason(incident.not_reportable)
    # nor become known after: the regimes' reporting deadlines count from it
    now = log_time()
    if incident.known_at() > now + dt.timedelta(days=1):
        raise InputError(f"the incident is said to have become known at {incident.known_at().isoformat()}, after it was "
                         f"reported (the registry's clock says {now.isoformat(timespec='seconds')}): the regimes' "
                         "reporting deadlines count from when it became known",
                         help="give when the developer became aware of it (--known), no later than now")
    number = standing_version(reg, incident.case)
    v = VersionCache(reg).get(incident.case, number)
    known = set(v.case.threat_model) | (set(v.policy.domains) if v.policy is not None else set())
    if incident.domain not in known:
        # an unknown domain would match no trigger: refuse rather than record a silent incident
        raise InputError(f"--domain {incident.domain!r} is not a risk domain of case {incident.case}",
                         help="one of: " + ", ".join(sorted(known)))
    # the clocks start no later than the log records the incident, whatever `known` says
    reports = reports_for(incident.case, incident.classes, incident.not_reportable, min(incident.known_at(), now),
                          v.regimes)
    payload = json.loads(incident.model_dump_json(exclude_none=True))
    payload["defeats"] = {"version": number, "claims": domain_claims(v.case, incident.domain)}
    if reports:
        payload["regime_reports"] = reports
    return reg.record("incident", incident.case, payload)


def raise_severity(reg: Registry, case_id: str, incident: int, severity: Severity, *, by: str,
                   reason: str) -> LogEntry:
    """Log a higher severity for a recorded incident. Anyone may raise an incident's severity (a
    severity the reporter, often the developer, set too low would otherwise keep the case's
    incident triggers quiet); nobody lowers it here: a rating at or below the severity the
    incident already has is refused. InputError for an unknown incident."""
    entry = next((e for e in reg.events(case_id, "incident") if e.index == incident), None)
    if entry is None:
        raise InputError(f"the registry has no incident #{incident} of case {case_id}",
                         help="`casegate incident clocks --case CASE` lists the case's incidents")
    if not by.strip() or not reason.strip():
        raise InputError("say who raises the severity (--by) and why (--reason)")
    # an entry without a readable severity (and no rating) is read at the lowest
    current = judged_severity(entry.payload.get("severity"), rated_severities(reg, case_id).get(incident)) \
        or Severity.low
    if severity.rank <= current.rank:
        raise InputError(f"incident #{incident} is of {current.value} severity already: a rating only raises it",
                         help="an incident's severity is never lowered after it is recorded; answer an incident "
                              "recorded too high in the case's next version")
    return reg.record(RATED, case_id, {"incident": incident, "severity": severity.value, "from": current.value,
                                       "by": by, "reason": reason})


def add_domain(reg: Registry, case_id: str, incident: int, domain: str, *, by: str, reason: str) -> LogEntry:
    """Log a risk domain added to a recorded incident. Anyone may add one (a domain the reporter,
    often the developer, filed a weight theft or a cyberattack under, with no regime class hinting
    at it and no trigger naming it, would otherwise owe no report and fire no domain trigger);
    nobody takes one away: an incident is judged in its recorded domain and every domain added.
    The domain must be one the case or its regimes name: a risk domain of any version the
    registry holds of the case (threat model or policy), or one an incident class of its regimes
    hints at. InputError for an unknown incident, an unknown domain, or one the incident has."""
    from ..model._base import name_key

    entry = next((e for e in reg.events(case_id, "incident") if e.index == incident), None)
    if entry is None:
        raise InputError(f"the registry has no incident #{incident} of case {case_id}",
                         help="`casegate incident clocks --case CASE` lists the case's incidents")
    if not by.strip() or not reason.strip():
        raise InputError("say who adds the domain (--by) and why (--reason)")
    versions = VersionCache(reg)
    known: dict[str, str] = {}
    for n in versions.numbers(case_id):
        v = versions.get(case_id, n)
        for d in [*v.case.threat_model, *(v.policy.domains if v.policy is not None else ()),
                  *(h for r in v.regimes for c in r.incident_classes.values() for h in c.domains)]:
            known.setdefault(name_key(d), d)
    named = known.get(name_key(domain))
    if named is None:
        raise InputError(f"--domain {domain!r} is not a risk domain of case {case_id} or of its regimes' incident "
                         "classes", help="one of: " + ", ".join(sorted(known.values())))
    current = incident_domains(entry.payload.get("domain"), added_domains(reg, case_id).get(incident, ()))
    if name_key(named) in {name_key(d) for d in current}:
        raise InputError(f"incident #{incident} is in domain {named} already",
                         help="its domains: " + ", ".join(current))
    return reg.record(DOMAIN_ADDED, case_id, {"incident": incident, "domain": named, "from": list(current),
                                              "by": by, "reason": reason})


def name_attack(reg: Registry, case_id: str, incident: int, attack: str | None, *, by: str, reason: str) -> LogEntry:
    """Log the attack a recorded incident came through (`attack`, as red teams name their samples
    of it), or, with `attack` None, that it came through none (a weights leak, a bug: no attack on
    the safeguards). Anyone may name one; nobody takes one away: the version answering the incident
    must test every attack it is judged to have come through (CG432), and one recorded with none
    must say so before a red team of its domain can answer it (CG440). InputError for an unknown
    incident, an attack it names already, a name red teams cannot give a sample, or none recorded
    for an incident that names an attack."""
    from pydantic import TypeAdapter, ValidationError

    from ..model._base import Id

    entry = next((e for e in reg.events(case_id, "incident") if e.index == incident), None)
    if entry is None:
        raise InputError(f"the registry has no incident #{incident} of case {case_id}",
                         help="`casegate incident clocks --case CASE` lists the case's incidents")
    if not by.strip() or not reason.strip():
        raise InputError("say who names the attack (--by) and why (--reason)")
    added, _none = incident_attacks(reg, case_id).get(incident, ([], None))
    current = incident_attack_names(entry.payload.get("attack"), added)
    if attack is None:
        if current:
            raise InputError(f"incident #{incident} came through the attack {', '.join(current)}: a named attack "
                             "is never taken away", help="answer it in the case's next version (CG432)")
        return reg.record(ATTACK_NAMED, case_id, {"incident": incident, "attack": None, "none": True,
                                                  "by": by, "reason": reason})
    try:
        name = TypeAdapter(Id).validate_python(attack.strip())
    except ValidationError:
        raise InputError(f"--attack {attack!r} is not a name red teams can give their samples (letters, digits, "
                         "'_', '.', '-', starting with a letter or digit)") from None
    if name in current:
        raise InputError(f"incident #{incident} names the attack {name} already",
                         help="its attacks: " + ", ".join(current))
    return reg.record(ATTACK_NAMED, case_id, {"incident": incident, "attack": name, "from": list(current),
                                              "by": by, "reason": reason})


def ingest_samples(reg: Registry, samples: list[Sample], *, source: str, sha256: str,
                   envelope: dict[str, Any] | None = None) -> list[LogEntry]:
    """Log the samples of one file, one 'monitor-samples' event per case, in one transaction.
    Each case must be in the registry. A signed batch (`envelope`, whose readings `samples` are)
    is logged whole with each case's entry, with who it says signed it (`signed_by`: key id,
    person and role as the envelope claims them); every trigger run verifies it again against
    the registry's keyring, so the claim is never what counts."""
    by_case: dict[str, list[Sample]] = defaultdict(list)
    for s in samples:
        by_case[s.case].append(s)
    for case_id in by_case:
        require_case(reg, case_id)
    signed: dict[str, Any] = {}
    if envelope is not None:
        from ..sign import claimed_readings

        got = claimed_readings(envelope)
        pred = got[1] if got is not None else {}
        sigs = envelope.get("signatures")
        keyid = sigs[0].get("keyid") if isinstance(sigs, list) and sigs and isinstance(sigs[0], dict) else None
        signed = {"envelope": envelope, "signed_by": {"keyid": keyid, "person": pred.get("person"),
                                                      "role": pred.get("role")}}
    return reg.record_many([
        ("monitor-samples", case_id, {
            "source": source, "sha256": sha256,
            "signals": sorted({s.signal for s in ss}),
            "from": iso(ss[0].timestamp), "to": iso(ss[-1].timestamp),
            "samples": [[s.signal, iso(s.timestamp), s.value] for s in ss],
            **signed,
        })
        for case_id, ss in sorted(by_case.items())
    ])


def unwatched_signals(reg: Registry, case_id: str, signals: list[str]) -> list[str]:
    """The signals no monitor of the case watches (in the version it stands on, else its latest):
    a misspelt signal would otherwise never breach anything."""
    pd = VersionCache(reg).get(case_id, standing_version(reg, case_id)).case.post_deployment
    watched = {m.signal for m in pd.monitors.values()} if pd is not None else set()
    return sorted(set(signals) - watched)


def first_format_warning(reg: Registry, case_id: str, envelope: dict[str, Any], file: str) -> str | None:
    """What the policy of the version the case stands on does with `envelope`, a signed batch
    just ingested from `file`, when it is of the first format (which names no key before it);
    None for a batch of the current format."""
    from ..sign import MONITOR_READINGS, decode_payload

    try:
        stmt = decode_payload(envelope)
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(stmt, dict) or stmt.get("predicateType") != MONITOR_READINGS:
        return None
    policy = VersionCache(reg).get(case_id, standing_version(reg, case_id)).policy
    how = policy.post_deployment.telemetry_v1 if policy is not None else "same-key"
    fix = "sign batches with a casegate that writes version 2 (`casegate monitor sign`)"
    if how == "refuse":
        return (f"{file} is a batch of the first format (`monitor-readings/v1`), which the policy of {case_id} "
                "refuses (`post_deployment.telemetry_v1: refuse`) where signed telemetry is required: its "
                f"readings do not count and it fires as a batch that cannot be read; {fix}")
    if how == "same-key":
        return (f"{file} is a batch of the first format (`monitor-readings/v1`), which names no key before it: "
                f"where signed telemetry is required for {case_id}, one signed at a key change fires as a "
                f"handover that cannot be followed (`post_deployment.telemetry_v1: same-key`); {fix}")
    return None


@dataclass(frozen=True)
class Telemetry:
    """Whose readings count toward a monitor's health, for one case: where signed telemetry is
    `required`, only readings signed by a telemetry key of `keyring` (not the developer's, as far
    as `developer` establishes it)."""

    required: bool
    keyring: Keyring | None = None
    """The keyring readings are judged against, every revocation the log records applied."""
    developer: Decider | None = None
    why: str = ""
    """Why signed telemetry is required, or why it is not."""
    first_format: Literal["accept", "same-key", "refuse"] = "same-key"
    """How a batch of the first format is read (the policy's `post_deployment.telemetry_v1`)."""


def telemetry_rule(reg: Registry, policy: Policy | None, keyring: Keyring | None,
                   decision: int | None) -> Telemetry:
    """Whether the case's readings must be signed: when the policy asks for it
    (`post_deployment.signed_telemetry`) or the registry's keyring gives any key the telemetry
    role. Either suffices (fail closed: a keyring with a telemetry key is never ignored). The
    developer is whoever signed the decision the case stands on, and its organisations (the
    policy's `evidence.organisations` and the decider's own). Readings are judged against the
    keyring with every revocation the log records applied, as `verify` judges a decision: a
    telemetry key revoked with `casegate keys revoke` stops counting even where the keyring file
    given here predates the revocation."""
    from ..sign import TELEMETRY_ROLE, Decider, decider_of, telemetry_keys, with_logged_revocations

    asked = policy is not None and policy.post_deployment.signed_telemetry
    keys = telemetry_keys(keyring)
    if not asked and not keys:
        why = ("no key of the keyring holds the `telemetry` role" if keyring is not None
               else "no keyring was given") + " and the policy does not set `post_deployment.signed_telemetry`"
        return Telemetry(False, keyring, why=why)
    why = ("the policy sets `post_deployment.signed_telemetry`" if asked
           else f"the keyring gives {len(keys)} key(s) the `{TELEMETRY_ROLE}` role")
    orgs = tuple(policy.evidence.organisations) if policy is not None else ()
    v1 = policy.post_deployment.telemetry_v1 if policy is not None else "same-key"
    judging = with_logged_revocations(keyring, reg.events(kind="keyring-change"))[0] if keyring is not None else None
    if keyring is None or decision is None:
        return Telemetry(True, judging, Decider(developer=orgs), why, v1)
    de = reg.entry(decision)
    # who the developer is: the decision's signer as the keyring names them (a key of theirs
    # revoked since still says who decided)
    d = decider_of(de.payload.get("bundle"), keyring, logged_at=de.recorded_at, label=f"decision #{decision}")
    return Telemetry(True, judging, replace(d, developer=tuple(d.developer) + orgs), why, v1)


def _not_signed(signal: str, ts: dt.datetime, detail: str = "") -> str:
    return (f"reading of {signal} at {iso(ts)} is not signed by a telemetry key the registry trusts"
            + (f" ({detail})" if detail else "") + "; it does not end the monitor's silence")


def _not_news(signal: str, ts: dt.datetime, index: int, first: int, heard: dt.datetime) -> str:
    return (f"reading of {signal} at {iso(ts)} in log entry {index} is a copy of the signed batch log entry "
            f"{first} recorded at {iso(heard)}: it was heard then, not again; it does not end the monitor's silence")


def _repeated(signal: str, ts: dt.datetime, index: int, first: int, heard: dt.datetime) -> str:
    return (f"reading of {signal} at {iso(ts)} in log entry {index} repeats the reading of that time log entry "
            f"{first} recorded at {iso(heard)}: it was heard then, not again; it does not end the monitor's silence")


def stored_samples(reg: Registry, case_id: str, telemetry: Telemetry | None = None) -> dict[str, list[Sample]]:
    """Every sample ingested for the case, per signal (`samples_and_gaps`)."""
    return samples_and_gaps(reg, case_id, telemetry)[0]


def samples_and_gaps(reg: Registry, case_id: str,
                     telemetry: Telemetry | None = None) -> tuple[dict[str, list[Sample]], list[Withheld]]:
    """Every sample ingested for the case, per signal, in time order, each with when the log
    recorded it and the entry that did. Where `telemetry` requires signed readings, a reading
    counts toward the monitor's health only when a signed batch logged with it verifies
    (`check_readings`) and lists it; a signed reading is heard when the log first recorded its
    batch (a later copy of the batch counts once, as the first, and its own readings are named
    as copies: a copy is a batch whose payload, what was signed, is the same, whatever else
    differs in its envelope), and readings its batch signs but the entry leaves out are read from the batch.
    A reading is one signal at one time: heard when the log first recorded a counted reading of
    that signal at that time, so another batch that repeats it (signed again, with another
    source or signing time) is no news either, whatever value it gives (a breach is a breach
    either way).

    With signed batches, also each number of the case's batches (`sequence`, numbered per case
    whichever telemetry key signs them) that the log never recorded, though a later one was, and
    each key that gave a number another key's batch had already (`Withheld`)."""
    from ..sign import batch_readings, check_readings, payload_sha256

    out: dict[str, list[Sample]] = defaultdict(list)
    first: dict[str, tuple[dt.datetime, Any, int]] = {}
    heard_once: dict[tuple[str, dt.datetime], tuple[dt.datetime, int]] = {}
    # number -> the batch logged first with it (keyid, signer, when, entry, the case's readings in
    # it), whichever key signed it
    numbered: dict[int, tuple[str, str, dt.datetime, int, frozenset[Any]]] = {}
    reused: dict[str, Withheld] = {}
    # number -> key id -> (signer, entry) of every batch logged under it (one batch may be signed by
    # two keys), and each batch that names the key of the number below it (number, key id, signer,
    # the key it names, when logged, entry)
    signed_under: dict[int, dict[str, tuple[str, int]]] = defaultdict(dict)
    chained: list[tuple[int, str, str, str, dt.datetime, int, str | None]] = []
    # each key that signed a batch of the first format the policy refuses, at its first such batch
    refused_v1: dict[str, Withheld] = {}

    def counted(signal: str, ts: dt.datetime, value: float, heard: dt.datetime, index: int) -> Sample:
        # a reading counts once, in the entry that first recorded it
        was = heard_once.setdefault((signal, ts), (heard, index))
        if was[1] == index:
            return Sample(ts, signal, value, case_id, heard, entry=index)
        return Sample(ts, signal, value, case_id, heard, counted=False,
                      why_not=_repeated(signal, ts, index, was[1], was[0]), entry=index)

    def left_out(index: int, logged: dt.datetime, env: object, have: set[tuple[str, dt.datetime, float]]) -> None:
        # a reading the entry's batch holds and its rows leave out: the batch is what was measured,
        # so a breach among them is a breach (whoever left it out), though it shows no monitor heard
        if not isinstance(env, dict):
            return
        for signal, ts, value in batch_readings(env, case_id):
            if (signal, ts, value) not in have:
                have.add((signal, ts, value))
                out[signal].append(Sample(ts, signal, value, case_id, logged, counted=False, entry=index, why_not=(
                    f"reading of {signal} at {iso(ts)} is in the batch log entry {index} holds but not among the "
                    "entry's readings: a breach it shows counts, it does not show the monitor heard")))

    for e in reg.events(case_id, "monitor-samples"):
        logged = parse_timestamp(e.recorded_at, f"log entry {e.index}")
        rows = [(str(signal), parse_timestamp(ts, f"log entry {e.index}"), float(value))
                for signal, ts, value in e.payload["samples"]]
        if telemetry is None or not telemetry.required:
            for signal, ts, value in rows:
                out[signal].append(counted(signal, ts, value, logged, e.index))
            left_out(e.index, logged, e.payload.get("envelope"), set(rows))
            continue
        env = e.payload.get("envelope")
        judged = None
        heard = logged
        copy_of: int | None = None
        if isinstance(env, dict):
            # a copy is the same signed statement, however it is wrapped or signed again
            sha = payload_sha256(env)
            if sha is not None and sha in first:
                heard, judged, copy_of = first[sha]
            else:
                judged = check_readings(env, telemetry.keyring, logged_at=e.recorded_at, label=f"log entry {e.index}",
                                        developer=telemetry.developer)
                source = f"ingested from {e.payload.get('source')}"
                v1 = judged.keyid is not None and judged.version == 1
                if judged.keyid is not None and case_id in judged.sequence:
                    n = judged.sequence[case_id]
                    readings = frozenset(r for r in (*judged.counted, *judged.refused) if r[0] == case_id)
                    had = numbered.setdefault(n, (judged.keyid, str(judged.signer), logged, e.index, readings))
                    signed_under[n].setdefault(judged.keyid, (str(judged.signer), e.index))
                    if case_id in judged.follows:
                        chained.append((n, judged.keyid, str(judged.signer), judged.follows[case_id], logged, e.index,
                                        None))
                    elif v1 and telemetry.first_format == "same-key":
                        # a batch that names no key before it is read as naming its own: one at a key
                        # change cannot show that it follows on, so it is not taken to
                        chained.append((n, judged.keyid, str(judged.signer), judged.keyid, logged, e.index, source))
                    # the same readings signed by two keys under one number are one batch, signed twice
                    if had[0] != judged.keyid and had[4] != readings and judged.keyid not in reused:
                        reused[judged.keyid] = Withheld(judged.keyid, str(judged.signer), n, n, logged, e.index,
                                                        reused=(had[1], had[3]))
                if v1 and telemetry.first_format == "refuse":
                    assert judged.keyid is not None
                    n = judged.sequence.get(case_id, 0)
                    refused_v1.setdefault(judged.keyid, Withheld(judged.keyid, str(judged.signer), n, n, logged,
                                                                 e.index, first_format=source))
                    judged = replace(judged, counted=frozenset(), refused={}, problems=(
                        f"log entry {e.index} ({source}) is a batch of the first format (`monitor-readings/v1`), "
                        "which names no key before it and which the policy refuses "
                        "(`post_deployment.telemetry_v1: refuse`); sign the batches with a casegate that writes "
                        "version 2 (`casegate monitor sign`)",))
                if sha is not None:
                    first[sha] = (logged, judged, e.index)
        mine = {(sig, ts, v) for c, sig, ts, v in judged.counted if c == case_id} if judged is not None else set()
        left_out(e.index, logged, env, {*rows, *(mine if copy_of is None else ())})
        for signal, ts, value in rows:
            if (signal, ts, value) in mine:
                mine.discard((signal, ts, value))
                if copy_of is None:
                    out[signal].append(counted(signal, ts, value, heard, e.index))
                else:  # counted once, as the first copy: this one is no news
                    out[signal].append(Sample(ts, signal, value, case_id, logged, counted=False,
                                              why_not=_not_news(signal, ts, e.index, copy_of, heard), entry=e.index))
                continue
            if judged is None:
                why = _not_signed(signal, ts)
            elif judged.problems and judged.keyid is not None:  # a batch that verified, of a format refused
                why = f"reading of {signal} at {iso(ts)} does not count: {judged.problems[0]}"
            elif judged.problems:
                why = _not_signed(signal, ts, judged.problems[0])
            else:
                refused = judged.refused.get((case_id, signal, ts, value))
                why = _not_signed(signal, ts, f"log entry {e.index}: signed by {judged.signer}, but {refused}"
                                  if refused else f"log entry {e.index}: its signed batch does not list it")
            out[signal].append(Sample(ts, signal, value, case_id, logged, counted=False, why_not=why, entry=e.index))
        if copy_of is None:
            for signal, ts, value in sorted(mine):  # signed, but left out of the entry: the batch is what counts
                out[signal].append(counted(signal, ts, value, heard, e.index))
    gaps = []
    keys = {keyid: signer for keyid, signer, _, _, _ in numbered.values()}
    signers = tuple(sorted(set(keys.values()))) if len(keys) > 1 else ()
    prev = 0
    for nxt in sorted(k for k in numbered if k > 0):  # each run of missing numbers, named up to _GAP_NAMED numbers each
        keyid, signer, at, index, _ = numbered[nxt]
        for n in range(prev + 1, min(nxt, prev + 1 + _GAP_NAMED)):
            gaps.append(Withheld(keyid, signer, n, nxt, at, index, signers=signers))
        prev = nxt
    return {k: sorted(v) for k, v in out.items()}, [*gaps, *reused.values(), *refused_v1.values(),
                                                   *_broken_handovers(chained, signed_under, telemetry)]


def _broken_handovers(chained: list[tuple[int, str, str, str, dt.datetime, int, str | None]],
                      signed_under: dict[int, dict[str, tuple[str, int]]],
                      telemetry: Telemetry | None) -> list[Withheld]:
    """Each key with a batch that names, as the signer of the case's number below it, a key other
    than every key whose batch the log holds under that number (once per key, at its first such
    batch in log order): its numbers do not follow on from that batch, as a key numbering on its own
    would not, so batches withheld where the keys changed could go unseen. A batch of the first
    format is chained to its own key (with the file it was ingested from), so one at a key change
    is such a batch too. A number below that the log never recorded is a gap, named as one."""
    def who(keyid: str) -> str:
        key = telemetry.keyring.get(keyid) if telemetry is not None and telemetry.keyring is not None else None
        return f"{key.person} (telemetry)" if key is not None else f"key {keyid[:16]}..."

    out: dict[str, Withheld] = {}
    for n, keyid, signer, said, at, index, first_format in sorted(chained, key=lambda c: c[5]):
        below = signed_under.get(n - 1)
        if not below or said in below or keyid in out:
            continue
        holder, entry = min(below.values(), key=lambda v: v[1])
        out[keyid] = Withheld(keyid, signer, n - 1, n, at, index, follows=(who(said), holder, entry),
                              first_format=first_format)
    return list(out.values())


_GAP_NAMED = 16
"""How many missing batch numbers of one run of them are named (each fires); a signed number far
ahead of the last (a key may sign any) would otherwise name every number in between."""


def telemetry_notes(facts: Facts) -> list[str]:
    """Per monitored signal, the readings since the approval that do not count toward the
    monitor's health (the first named with its reason, the rest counted)."""
    pd = facts.case.post_deployment
    signals = sorted({m.signal for m in pd.monitors.values()}) if pd is not None else []
    notes = []
    if not facts.telemetry_required:
        if any(s.timestamp >= facts.approved_at for sig in signals for s in facts.samples.get(sig, [])):
            notes.append(f"the monitors' readings are taken on the word of whoever ingested them: {facts.telemetry} "
                         "(see `casegate policy gaps`)")
        return notes
    for signal in signals:
        ignored = [s for s in facts.samples.get(signal, []) if not s.counted and s.timestamp >= facts.approved_at]
        if ignored:
            more = len(ignored) - 1
            notes.append(str(ignored[0].why_not) + (f" ({more} more reading(s) of {signal} since the approval "
                                                     "do not count either)" if more else ""))
    return notes


@dataclass(frozen=True)
class NotCounted:
    """What `readings_not_counted` found for a case."""

    telemetry: Telemetry
    """The rule the readings were judged by."""
    readings: list[Sample]
    """The readings since the approval that do not count, in time order, each with why."""
    monitors: dict[str, list[str]]
    """Signal -> the monitors of the approved version that watch it."""


def readings_not_counted(reg: Registry, case_id: str, keyring: Keyring | None,
                         versions: VersionCache | None = None) -> NotCounted | None:
    """The readings recorded for the case since the approval it stands on that do not count
    toward its monitors' health, in time order, each with why (the words `triggers run` gives),
    and the rule they were judged by; None when no decision approved the case (its readings are
    judged against nothing yet)."""
    appr = current_approval(reg, case_id)
    if appr is None:
        return None
    approved = (versions or VersionCache(reg)).get(case_id, appr.version)
    telemetry = telemetry_rule(reg, approved.policy, keyring, appr.decision)
    since = parse_recorded(appr.entry.recorded_at)
    samples = stored_samples(reg, case_id, telemetry)
    out = [s for ss in samples.values() for s in ss if not s.counted and s.timestamp >= since]
    pd = approved.case.post_deployment
    watching: dict[str, list[str]] = defaultdict(list)
    for mid, m in sorted(pd.monitors.items()) if pd is not None else ():
        watching[m.signal].append(mid)
    return NotCounted(telemetry, sorted(out, key=lambda s: (s.timestamp, s.signal, s.entry or 0)), dict(watching))


@dataclass
class CaseRun:
    """What `triggers run` did for one case."""

    case_id: str
    state_before: str
    version: int | None = None
    fired: list[tuple[Firing, int]] = field(default_factory=list)
    """New firings and the log index of their 'trigger-fired' entries."""
    already: int = 0
    """Firings whose cause had fired before (not repeated)."""
    applied: str | None = None
    """The action applied ('reopen', 'restrict to trusted-access', 'withdraw'), or None."""
    state_after: str | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    """Why the case's triggers could not be evaluated (a malformed plan), if so."""

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case_id, "state_before": self.state_before, "version": self.version,
                "fired": [{**f.to_json(), "entry": i} for f, i in self.fired],
                "already_fired": self.already, "applied": self.applied,
                "state_after": self.state_after or self.state_before, "notes": self.notes,
                "error": self.error}


def fired_causes(reg: Registry, case_id: str) -> set[tuple[str, str]]:
    return {(str(e.payload["trigger"]), str(e.payload["cause"])) for e in reg.events(case_id, "trigger-fired")}


def gather_facts(reg: Registry, case_id: str, at: dt.datetime, versions: VersionCache,
                 keyring: Keyring | None = None, models: ModelIndex | None = None) -> tuple[Facts, int] | None:
    """What the triggers of a deployed case are evaluated against, or None when the case was
    never approved by a decision. A condition is met only by a signed confirmation that counts
    against `keyring` (see `condition_statuses`). The incidents are those logged since the
    approval against the case or against any other case about the same model as the approved
    version (`cases_of_stored_model`; `models`: the registry's model index, read once by the
    caller): an incident follows the weights, whatever case id it was filed under."""
    base = _standing_facts(reg, case_id, versions, keyring, models)
    return None if base is None else _facts_at(reg, case_id, base, at)


@dataclass(frozen=True)
class _StandingFacts:
    """What `gather_facts` reads that does not depend on the time it is asked at: everything but
    the incidents counted by then."""

    facts: Facts
    version: int
    after: int
    """The log index of the approval: incidents logged after it count."""
    cases: tuple[str, ...]
    """The case and every other case about the same model, whose incidents count."""


def _standing_facts(reg: Registry, case_id: str, versions: VersionCache, keyring: Keyring | None,
                    models: ModelIndex | None) -> _StandingFacts | None:
    appr = current_approval(reg, case_id)
    if appr is None:
        return None
    approved = versions.get(case_id, appr.version)
    others = cases_of_stored_model(reg, case_id, appr.version, models)
    clocks = counted_report_clocks(reg, case_id, keyring, approval=appr, others=others)
    later = [versions.get(case_id, n) for n in versions.numbers(case_id) if n > appr.version]
    conds = condition_statuses(reg, case_id, appr.decision, keyring=keyring) if appr.decision is not None else []
    telemetry = telemetry_rule(reg, approved.policy, keyring, appr.decision)
    samples, withheld = samples_and_gaps(reg, case_id, telemetry)
    facts = Facts(
        case=approved.case, policy=approved.policy, approved_at=parse_recorded(appr.entry.recorded_at),
        incidents=[], samples=samples, withheld=withheld, telemetry=telemetry.why,
        telemetry_required=telemetry.required,
        later_versions=[LaterVersion(v.index, v.label, v.case, v.policy) for v in later],
        conditions=conds, report_clocks=clocks,
        artifact_dates=artifact_dates(reg, approved.case),
    )
    return _StandingFacts(facts, appr.version, appr.entry.index, (case_id, *others))


def _facts_at(reg: Registry, case_id: str, base: _StandingFacts, at: dt.datetime) -> tuple[Facts, int]:
    """`base` with the incidents that count by `at`."""
    incidents = []
    for cid in base.cases:
        incidents += _incidents_since(reg, cid, case_id, base.after, at)
    incidents.sort(key=lambda inc: inc.index)
    return replace(base.facts, incidents=incidents), base.version


def counted_report_clocks(reg: Registry, case_id: str, keyring: Keyring | None = None, *,
                          approval: Any = None, others: Sequence[str] | None = None) -> list[ReportClock]:
    """Every regime report clock that counts for `case_id`: those of its own incidents
    (`report_clocks`), and, once it is approved by a decision, those of the incidents logged since
    the approval against any other case about the same model as the approved version
    (`cases_of_stored_model`), each marked with the case it was filed under (`filed_under`): the
    reports an incident owes follow the weights as the incident does, so one filed under another
    case of the model, never deployed, is read by nobody else. What the triggers of the case read
    (`gather_facts`) and what `incident clocks --case` lists. `approval` and `others`: the
    case's current approval and those cases, when the caller has them."""
    clocks = report_clocks(reg, case_id, keyring)
    appr = approval if approval is not None else current_approval(reg, case_id)
    if appr is None:
        return clocks
    if others is None:
        others = cases_of_stored_model(reg, case_id, appr.version)
    for cid in others:
        clocks += [replace(c, filed_under=cid) for c in report_clocks(reg, cid, keyring)
                   if c.incident > appr.entry.index]
    return clocks


def _incidents_since(reg: Registry, case_id: str, of: str, after: int, at: dt.datetime) -> list[RecordedIncident]:
    """The incidents logged against `case_id` after log index `after` that count by `at` for the
    triggers of case `of`, each at the severity it is judged at by then."""
    out = []
    rated = rated_severities(reg, case_id, at)
    added = added_domains(reg, case_id, at)
    for e in reg.events(case_id, "incident"):
        if e.index <= after:
            continue
        try:
            inc = RecordedIncident.from_payload(e.index, e.payload, added.get(e.index, ()))
        except ValueError as err:
            raise InputError(f"{err} (case {case_id})", help="an incident needs date, domain and severity") from None
        inc = replace(inc, severity=incident_severity(inc.severity, rated.get(e.index)),
                      filed_under=case_id if case_id != of else None)
        # from its date, or from when the log recorded it if that is earlier: a date after the
        # report (written by another writer) would otherwise keep it from counting until then
        if inc.date <= at.date() or parse_recorded(e.recorded_at) <= at:
            out.append(inc)
    return out


def run_triggers(reg: Registry, *, at: dt.datetime | None = None, case_id: str | None = None,
                 keyring: Keyring | None = None) -> list[CaseRun]:
    """Evaluate every trigger of every deployed case (approved, approved with conditions,
    restricted) as of `at` (default now). Each trigger fires at most once per cause: a new firing
    is logged ('trigger-fired'), its roles are notified ('notification'), and the strongest action
    of the run is applied through the lifecycle (withdraw over reopen over restrict; a restriction
    with no narrower boundary to go to reopens instead). A condition counts as met only by a
    signed confirmation that verifies against `keyring` (without one, none does); each recorded
    confirmation that does not count is named in the run's notes."""
    now = at or dt.datetime.now(dt.UTC)
    ids = [case_id] if case_id is not None else reg.case_ids()
    versions = VersionCache(reg)
    models: ModelIndex | None = None  # read once, at the first deployed case
    runs = []
    for cid in ids:
        state = require_case(reg, cid)
        run = CaseRun(cid, state.value)
        runs.append(run)
        if state not in WATCHED:
            run.notes.append(f"not deployed ({state.value}): triggers are not evaluated")
            continue
        try:
            models = models if models is not None else model_index(reg)
            got = gather_facts(reg, cid, now, versions, keyring, models)
            if got is None:
                run.notes.append("no decision in the registry approved it: nothing to evaluate against")
                continue
            facts, run.version = got
            run.notes += [f"condition {c.id} is not met: {why}" for c in facts.conditions if not c.met
                          for why in c.not_counted]
            run.notes += telemetry_notes(facts)
            found = evaluate(facts, now)
        except InputError as e:
            run.error = e.diagnostics()
            run.notes.append(f"cannot evaluate its triggers: {e.diagnostics()}")
            continue
        done = fired_causes(reg, cid)
        new = []
        for f in found:
            if (f.trigger, f.cause) in done:
                run.already += 1
            else:
                done.add((f.trigger, f.cause))
                new.append(f)
        if not new:
            continue
        run.fired = _log_fired(reg, cid, new, run.version, now)
        boundary = facts.case.boundary.kind if facts.case.boundary else None
        restriction = reg.case_restriction(cid)
        decided = strongest(new, boundary, BoundaryKind(restriction) if restriction else None)
        if decided is None:
            run.notes.append("already restricted at or below every boundary the firings name")
            continue
        action, to = decided
        target = {"withdraw": CaseState.withdrawn, "reopen": CaseState.reopened,
                  "restrict": CaseState.restricted}[action]
        leading = [f for f in new if f.action == action] or new
        cause = {"type": CauseType.trigger.value, "trigger": leading[0].trigger,
                 "event": leading[0].event, "reason": leading[0].reason,
                 "fired": [i for _f, i in run.fired], "triggers": sorted({f.trigger for f in new})}
        if action == "reopen" and not any(f.action == "reopen" for f in new):
            cause["reason"] = leading[0].reason + " (restriction had no narrower boundary: reopened)"
        transition(reg, cid, target, cause, restricted_to=to, boundary=boundary)
        run.applied = action if to is None else f"restrict to {to.value}"
        run.state_after = target.value
    return runs


def _log_fired(reg: Registry, case_id: str, new: list[Firing], version: int | None,
               now: dt.datetime) -> list[tuple[Firing, int]]:
    """Log each of `new` as a `trigger-fired` entry of `version` at `now`, and a `notification`
    to its roles; each firing with the index of its entry."""
    entries = reg.record_many([
        ("trigger-fired", case_id, {**f.to_json(), "version": version, "at": iso(now)}) for f in new
    ])
    reg.record_many([
        ("notification", case_id, {"roles": list(f.notify), "trigger": f.trigger, "fired": e.index,
                                   "action": f.action, "reason": f.reason})
        for f, e in zip(new, entries, strict=True)
    ])
    return list(zip(new, [e.index for e in entries], strict=True))


class OwedReads:
    """What `triggers_owed` read of a registry for each case, kept between calls (the board asks it
    for every deployable case on every page that shows a state): the approved version as loaded,
    its conditions, clocks, readings and artifact dates, the trigger firings the log records and
    the case's restriction. The log is append-only and every change to a case is an entry in it, so
    what was read stands while the log's size is the size read before it, and under the same
    keyring object (`Board.keyring` gives a new one when its file or the log's revocations
    change); any new entry reads it all again. What depends on the time asked at (the incidents
    counted by then, the evaluation of the triggers) is never kept.

    At most `cases` cases are kept (about half a MiB each: 256, some 150 MiB at most); past that,
    the case used least recently is dropped, and read afresh when it is next asked about. A board
    with more deployable cases than that reads, on every page, every case afresh (each page asks
    them all in the same order), as it did before any were kept."""

    CASES = 256
    """How many cases are kept unless told otherwise."""

    def __init__(self, cases: int = CASES) -> None:
        if cases < 1:
            raise ValueError(f"OwedReads keeps at least one case (asked to keep {cases})")
        self.cases = cases
        self._kept: OrderedDict[str, tuple[int, Any, Any]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def __contains__(self, case_id: object) -> bool:
        return case_id in self._kept

    def get(self, case_id: str, size: int | None, keyring: Any) -> Any:
        got = self._kept.get(case_id)
        if got is None or got[0] != size or got[1] is not keyring:
            return None
        self._kept.move_to_end(case_id)  # used now: the last to be dropped
        return got[2]

    def put(self, case_id: str, size: int | None, keyring: Any, standing: Any) -> None:
        if size is None:
            return
        self._kept[case_id] = (size, keyring, standing)
        self._kept.move_to_end(case_id)
        while len(self._kept) > self.cases:
            self._kept.popitem(last=False)  # the case used least recently


def _evaluated(reg: Registry, case_id: str, base: _StandingFacts, at: dt.datetime) -> tuple[Facts, int, list[Firing]]:
    """The case's standing facts as of `at` (`_facts_at`), the version they are of, and what its
    plan finds then (`evaluate`); InputError where the plan cannot be evaluated."""
    facts, version = _facts_at(reg, case_id, base, at)
    return facts, version, evaluate(facts, at)


def _cannot_evaluate(case_id: str, e: InputError, what: str) -> str:
    """The reason given where a case's triggers cannot be evaluated: `what` cannot be established."""
    return f"the triggers of case {case_id} cannot be evaluated ({e.diagnostics()}), so {what} cannot be established"


def triggers_owed(reg: Registry, case_id: str, at: dt.datetime, keyring: Keyring | None,
                  boundary: BoundaryKind | None = None, kept: OwedReads | None = None) -> list[str]:
    """Why a deploy of `case_id` across `boundary` is stopped by the case's own triggers as of
    `at` although the registry's state does not show it yet: a firing no `triggers run` has
    logged (an incident recorded with `--no-triggers`, a breaching reading ingested, a monitor
    gone quiet, a condition past its due date) whose action, applied as `triggers run` would
    apply it, leaves the case nothing to deploy across `boundary` (None: any move it owes
    counts, as for a state proof, which serves every boundary). The registry is only read.
    Empty when the case is not deployed or nothing is owed; a plan that cannot be evaluated is a
    reason (fail closed). `kept`: what earlier calls read of the registry, reused while its log
    has not grown (see `OwedReads`); the incidents and the evaluation are always as of `at`."""
    size = reg.size() if kept is not None else None  # read before anything it keys
    state = require_case(reg, case_id)
    if state not in WATCHED:
        return []
    standing = kept.get(case_id, size, keyring) if kept is not None else None
    try:
        base = standing[0] if standing is not None else _standing_facts(reg, case_id, VersionCache(reg), keyring, None)
        if base is None:
            return []
        facts, version, found = _evaluated(reg, case_id, base, at)
    except InputError as e:
        return [_cannot_evaluate(case_id, e, "whether one stops the deploy")]
    if standing is None:
        standing = (base, fired_causes(reg, case_id), reg.case_restriction(case_id))
        if kept is not None:
            kept.put(case_id, size, keyring, standing)
    _, done, restriction = standing
    new = [f for f in found if (f.trigger, f.cause) not in done]
    approved_at = facts.case.boundary.kind if facts.case.boundary else None
    decided = strongest(new, approved_at, BoundaryKind(restriction) if restriction else None)
    if decided is None:
        return []
    action, to = decided
    if action == "restrict" and to is not None and boundary is not None and boundary.rank <= to.rank:
        return []
    moved = {"withdraw": "withdrawn", "reopen": "reopened"}.get(action) or f"restricted to {to.value if to else '?'}"
    leading = [f for f in new if f.action == action] or new
    return [f"trigger {f.trigger} of case {case_id} (version {version}) fires as of {at.date().isoformat()}: "
            f"{f.reason}; no `casegate triggers run` has applied it, and applied it leaves the case {moved} "
            f"(run `casegate triggers run --case {case_id}`)" for f in leading]


def _unapplied(reg: Registry, case_id: str, at: dt.datetime) -> tuple[int, list[Firing]] | str:
    """The approved version of deployed `case_id` and each breaching reading and silence of its
    plan, as of `at`, that no `trigger-fired` entry applied (`breaches_unapplied`); the reason
    where the plan cannot be evaluated; (0, []) when the case is not deployed."""
    if require_case(reg, case_id) not in WATCHED:
        return 0, []
    try:
        base = _standing_facts(reg, case_id, VersionCache(reg), None, None)
        if base is None:
            return 0, []
        _facts, version, found = _evaluated(reg, case_id, base, at)
    except InputError as e:
        return _cannot_evaluate(case_id, e, "whether a breaching reading is left unapplied")
    done = fired_causes(reg, case_id)
    return version, [f for f in found if f.event in ("monitor", "monitor-silent") and (f.trigger, f.cause) not in done]


def log_unapplied_breaches(reg: Registry, case_id: str, at: dt.datetime) -> list[tuple[Firing, int]]:
    """Log, as `triggers run` logs them, the breaching readings and silences of deployed
    `case_id`'s plan that no trigger run has applied (`breaches_unapplied`), without moving the
    case: called before a person's move takes the case out of deployment (reopened, withdrawn,
    superseded). A case not deployed runs no triggers, so a breach left unapplied by such a move
    would never be logged, and no later version of the case, or of a case about the same weights,
    would be asked to answer it (CG718). Nothing is logged where the plan cannot be evaluated
    (the move, which takes the model back, is not refused for it). Each firing logged with the
    index of its entry."""
    got = _unapplied(reg, case_id, at)
    if isinstance(got, str) or not got[1]:
        return []
    return _log_fired(reg, case_id, got[1], got[0], at)


def breaches_unapplied(reg: Registry, case_id: str, at: dt.datetime) -> list[str]:
    """Why an approval of a new version of deployed `case_id` must wait for a trigger run: each
    breaching monitor reading, and each `monitor-silent` firing (a monitor heard from no longer
    than its `max_silence`, or whose batches were withheld), of the approved version's plan (as of
    `at`) that no `trigger-fired` entry applied, whatever its action and whether the case is
    already restricted that far. A new version's silence counts from its own approval, so a
    silence owed during the deployed version would otherwise be washed away by approving one. A
    breach reaches an approval only from the longer of its monitor's window and `max_silence`, so
    one older than that, left unapplied, would never reach the new version: no trigger fires for
    it, and the next version is never asked to answer it (CG718). Applied, it is in the log, and
    the next gate run against the registry must weigh it. Every breaching reading counts whether
    or not its telemetry signature does (as `triggers run` counts it), so no keyring is needed.
    Empty when the case is not deployed (only a deployed case's triggers can be run); a plan that
    cannot be evaluated is a reason (fail closed)."""
    got = _unapplied(reg, case_id, at)
    if isinstance(got, str):
        return [got]
    version, found = got
    owed: list[str] = []
    for f in found:
        mid = f.details.get("monitor", f.trigger)
        if f.event == "monitor":
            owed.append(f"monitor {mid} breached (trigger {f.trigger} of version {version}): {f.reason}; no "
                        f"`casegate triggers run` has applied it (run `casegate triggers run --case {case_id}`, "
                        "then judge the new version against the registry again: it must answer the breach)")
            continue
        # a silence owed during the deployed version: the new version's silence counts from its
        # own approval, so an approval now would wash this one away (a cut telemetry pipeline hid
        # whatever it would have shown)
        since = f.details.get("since")
        heard = ("its readings are withheld or cannot be counted" if since is None else
                 f"no reading heard since the approval at {since}, max_silence {f.details['max_silence']}"
                 if "(the approval)" in f.reason else
                 f"last reading heard {since}, max_silence {f.details['max_silence']}")
        owed.append(f"monitor {mid} silent (trigger {f.trigger} of version {version}; {heard}): {f.reason}; no "
                    f"`casegate triggers run` has applied it (run `casegate triggers run --case {case_id}`, "
                    "then judge the new version against the registry again: it must answer the silence)")
    return owed


TRIGGERS_OWED_CAUSE = "a trigger of the case's own fires, and no trigger run has applied it"
"""The public words for `triggers_owed` (a `DeployState` cause: the board's public page, `state show`)."""


def deploy_triggers_owed(reg: Registry, case_id: str, keyring: Keyring | None, boundary: str | None,
                         at: dt.datetime | None = None, kept: OwedReads | None = None) -> list[str]:
    """`triggers_owed` for what a deploy pipeline gets now (`casegate state show`, the board's
    pages), across the boundary that answer is for (`boundary`, the decided or restricted one;
    None: any move owed counts), as of `at` (default now): the state the registry shows waits for a
    trigger run, and `verify --db` holds the deploy to the triggers owed. `kept`: see `OwedReads`."""
    kind = BoundaryKind(boundary) if boundary else None
    return triggers_owed(reg, case_id, at or dt.datetime.now(dt.UTC), keyring, kind, kept)


def proof_triggers_owed(reg: Registry, case_id: str, proof: dict[str, Any], keyring: Keyring | None) -> list[str]:
    """`triggers_owed` for a state proof about to be handed out: as of the time its checkpoint was
    signed (the state it proves is the state then, and `verify` judges no earlier), for any
    boundary. A checkpoint that does not say when it was signed is judged as of now."""
    from ..errors import VerificationError
    from ..store import checkpoint_time, parse_checkpoint

    try:
        ts = checkpoint_time(parse_checkpoint(str(proof.get("checkpoint"))))
    except VerificationError:
        ts = None
    at = dt.datetime.fromtimestamp(ts, dt.UTC) if ts is not None else dt.datetime.now(dt.UTC)
    return triggers_owed(reg, case_id, at, keyring)


def incident_from_fields(*, case: str, date: str, deployer: str, developer: str, harmed: list[str],
                         description: str, severity: str, domain: str, title: str | None = None,
                         reports: list[str] | None = None, reported_by: str | None = None,
                         known: str | None = None, classes: list[str] | None = None,
                         not_reportable: str | None = None, attack: str | None = None) -> Incident:
    """An Incident from command-line fields; InputError naming the field that is wrong."""
    from pydantic import ValidationError

    known_at = parse_timestamp(known, "--known") if known else None
    try:
        return Incident(case=case, date=dt.date.fromisoformat(date), deployer=deployer, developer=developer,
                        harmed=harmed, description=description, severity=Severity(severity), domain=domain,
                        title=title, reports=reports or [], reported_by=reported_by, known=known_at,
                        classes=classes or [], not_reportable=not_reportable, attack=attack)
    except ValueError as e:
        if isinstance(e, ValidationError):
            first = e.errors()[0]
            field_name = ".".join(str(x) for x in first["loc"]) or "incident"
            raise InputError(f"--{field_name}: {first['msg']}",
                             help="see `casegate incident report --help`") from None
        what = "--date" if "isoformat" in str(e) or "date" in str(e) else "--severity"
        raise InputError(f"{what}: {e}", help="dates are YYYY-MM-DD; severities: "
                         + ", ".join(s.value for s in Severity)) from None
