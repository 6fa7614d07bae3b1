"""The registry moves: gaming mutations played against a registry rather than on one case.

Some moves are only visible across versions a registry remembers: a new version that leaves out a
run the last one cited, the same weights filed again under a new case id after a NO-GO, a regime
or a threshold quietly dropped or relaxed since the last version, the same argument asked again
after an incident defeated it. Each mutation here is a short story told to a temporary SQLite
registry made for it in a temporary folder (never the user's registry): a copy of the case's
folder is submitted as the version before the move (gated and its NO-GO logged, or an incident
logged against it, where the move needs one), the copy is edited (the move) and submitted again,
and the edited version is gated with what that registry remembers of it, through the same
comparison `casegate gate --db` and the registry's own judgement use (`casegate.monitor.comparison_for`).
The rules are not re-implemented here: what catches a move is what the gate finds.

The edited files are written back as JSON (a YAML subset), so the copy's comments are lost; the
case's own files are never touched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from ..errors import InputError
from ..load import Loaded, load_case
from ..model import Case, Condition, DecisionRecord, Policy
from ..model._case import TEST_KINDS
from ..sign import Keyring
from ._artifacts import Subject
from ._mutations import hand_edited_counts_log, raised_threshold

__all__ = ["REGISTRY_MUTATIONS", "Copied", "RegistryMutation", "RegistryRun", "copy_case"]

REFILED_SUFFIX = "-refiled"
"""What `new-case-id-after-no-go` appends to the case id it files the same weights under."""


class Copy:
    """A copy of a case's folder in a temporary workspace, whose files a move edits as data."""

    def __init__(self, root: Path, case_file: Path, policy: Path | None, policy_path: Path | None,
                 keyring: Keyring | None, at: dt.datetime) -> None:
        self.root = root
        self.case_file = case_file
        self.policy = policy
        """The policy to load the copy with (a copy of one given outside the case's folder), else None."""
        self.policy_path = policy_path
        """The copy's policy file."""
        self.keyring = keyring
        self.at = at
        self._saved: dict[Path, bytes] = {}
        self._files: list[Path] | None = None
        self.blocked: frozenset[str] = frozenset()
        """The ids of the elements a blocking finding of the unedited case is about."""
        self.standing: tuple[Condition, ...] = ()
        """The conditions of the decision applied to the recorded version (`story="conditions"`)."""
        self.incident: tuple[str, str, dt.date] | None = None
        """The incident logged against the recorded version (`story="incident"`): its id, domain and date."""

    def files(self) -> list[Path]:
        """The copy's case, include and policy files (read from a load of the copy before any edit:
        no move adds or drops a file)."""
        if self._files is None:
            loaded = load_case(self.case_file, policy=self.policy, root=self.root, keep_data=False)
            self._files = [Path(f.abspath) for f in loaded.files]
            if loaded.policy_file is not None:
                self._files.append(Path(loaded.policy_file.abspath))
        return list(self._files)

    def holding(self, key: str) -> tuple[Path, dict[str, Any]] | None:
        """The first of the copy's files whose top level holds `key`, with its data."""
        for p in self.files():
            data = _data(p)
            if isinstance(data, dict) and key in data:
                return p, data
        return None

    def inside(self, path: Path) -> Path:
        """`path`, resolved, when it lies in the copy (a link in the copied folder may lead out of
        it, to the case's own files: nothing is written through one)."""
        real = path.resolve()
        if not real.is_relative_to(self.root.resolve()):
            raise InputError(f"the red team's copy of the case leads out of its workspace at {path}: "
                             "nothing is written there", location=str(path),
                             help="a link in the case's folder points out of it; this is a casegate bug if it "
                                  "was not refused when the copy was read")
        return real

    def write(self, path: Path, data: dict[str, Any]) -> None:
        """Write `data` as the file `path` (JSON, which is YAML), keeping its old bytes for `restore`."""
        path = self.inside(path)
        self._saved.setdefault(path, path.read_bytes())
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    def restore(self) -> None:
        """Put back every file `write` changed."""
        for p, raw in self._saved.items():
            p.write_bytes(raw)
        self._saved.clear()

    def load(self) -> Loaded:
        """The copy as the red team gates it: its attestations and sign-offs checked against the
        keyring (every sign-off line kept)."""
        from ..sign import with_attestations
        from ..verify import with_authority

        loaded = load_case(self.case_file, policy=self.policy, root=self.root)
        if self.keyring is not None:
            loaded = with_attestations(loaded, self.keyring, self.at)
        return with_authority(loaded, self.keyring, self.at)

    def load_signed(self) -> Loaded:
        """The copy as `casegate gate --preview` judges it: what the decision is once every
        declared sign-off line a keyring identity could sign is signed (the red team holds no
        private key to sign them). The decisions a lab applies are signed."""
        from ..verify import gate_inputs

        return gate_inputs(load_case(self.case_file, policy=self.policy, root=self.root), self.keyring,
                           self.at.date(), preview=True).loaded


Move = Callable[[Copy, Subject], str | None]
"""An edit of the copy's files (given the unedited case as the in-memory mutations see it: its
records, its evidence as the gate reads it, its policy): None when made, else why it does not
apply."""


@dataclass(frozen=True)
class RegistryMutation:
    """One move against the registry, declared like a `Mutation` (`casegate.redteam._mutations`)."""

    name: str
    attacks: tuple[str, ...]
    edits: str
    caught_by: tuple[str, ...]
    move: Move
    """The edit of the version submitted after the one recorded."""
    story: str = "previous"
    """What the registry holds before the move: `previous` the unedited case submitted; `no-go`
    the version `before` makes submitted, gated, and its NO-GO logged; `incident` the unedited case
    submitted and an incident logged against it; `incident-owed` as `incident`, the incident left
    unclassified and not marked unreportable (it owes each regime's report by its shortest deadline);
    `conditions` the unedited case submitted, gated
    GO WITH CONDITIONS and that decision applied (its conditions logged, none met); `breach-reopened`
    as `conditions`, then readings that breach a monitor of its plan ingested, no trigger run, and
    the case reopened by hand with a reason of its own."""
    before: Move | None = None
    """The edit of the version recorded before the move (undone before the move is made)."""
    decoy: Move | None = None
    """An edit made on top of the move for a version submitted between the story and the move (a
    decoy the edited version is then compared with first); None: no version in between."""
    after_due: int | None = None
    """Days after the latest due date of the recorded decision's conditions on which the edited
    version is gated (None: the run's day)."""
    after_reports: int | None = None
    """Days after the latest due date of the regime reports the recorded incident owes on which the
    edited version is gated (`story="incident-owed"`; None: the run's day)."""
    incident_days_ago: int | None = None
    """Days before the run's day the incident the story logs is dated (`story="incident"`; None: the
    release's date, or the run's day where that is earlier)."""
    on_registry_clock: bool = False
    """The incident the story logs dated the case's own `date:` (`story="incident-owed"`: before any
    report it owes falls due), and the edited version, keeping that date, gated with no `--at` (on
    the registry's clock, whatever day the run was given); not applicable where that clock is not
    yet past a report's deadline."""
    sheds_conditions: bool = False
    """A move to shed a condition of the recorded decision (`story="conditions"`): held to it when
    the edited version's decision keeps every one of them, by its rule, due no later."""
    registry: ClassVar[bool] = True
    # read as a `Mutation`'s are by the report
    needs_previous: ClassVar[bool] = True
    first_version: ClassVar[bool] = False
    may_neutralise: ClassVar[bool] = False
    by_condition: ClassVar[bool] = False
    not_caught_by: ClassVar[tuple[str, ...]] = ()
    keyring: ClassVar[None] = None


# --------------------------------------------------------------------------- the moves


def _data(path: Path) -> Any:
    """A file of the copy, parsed as the loader parses it."""
    from ..load import parse_yaml

    return parse_yaml(str(path), path.read_bytes()).data


def _swap_refs(node: Any, old: str, new: str) -> Any:
    """`node` with every list entry `old` replaced by `new`, at any depth."""
    if isinstance(node, dict):
        return {k: _swap_refs(v, old, new) for k, v in node.items()}
    if isinstance(node, list):
        return [new if v == old else _swap_refs(v, old, new) for v in node]
    return node


def dropped_run(c: Copy, s: Subject) -> str | None:
    """The capability evaluation closest to its threshold run again until fewer samples succeed (the
    `hand-edited-counts` rewrite of its log, written as a new run under a new id, of the same day as
    its log says) and the first run left out: every reference to it now names the new one."""
    got = hand_edited_counts_log(s)
    if isinstance(got, str):
        return got
    if got.companions or len(got.files) != 1:
        return "the run's counts are read from further files beside its log, which this move does not rewrite"
    ((eid, raw),) = got.files.items()
    held = c.holding("evidence")
    if held is None or eid not in (held[1].get("evidence") or {}):
        return f"no file of the copy lists evidence item `{eid}`"
    path, data = held
    item = dict(data["evidence"][eid])
    if not isinstance(item.get("artifact"), str) or "source" in item or "result" in item:
        return f"`{eid}` is not a run whose counts are read from its one log"
    art = Path(item["artifact"])
    rerun = art.with_name(f"{art.stem}-rerun{art.suffix}")
    target = (path.parent / rerun).resolve()
    if not target.is_relative_to(c.root.resolve()) or target.exists():
        return f"no new file can be written beside `{eid}`'s log in the copy"
    target.write_bytes(raw)
    new = f"{eid}-rerun"
    item["artifact"] = rerun.as_posix()
    item["sha256"] = hashlib.sha256(raw).hexdigest()
    data["evidence"] = {**{k: v for k, v in data["evidence"].items() if k != eid}, new: item}
    c.write(path, _swap_refs(data, eid, new))
    for p in c.files():
        if p == path or p == c.policy_path:
            continue
        doc = _data(p)
        edited = _swap_refs(doc, eid, new)
        if edited != doc:
            c.write(p, edited)
    return None


def dropped_regime(c: Copy, s: Subject) -> str | None:
    """The next version names none of the regimes the recorded one was under (the policy's stay)."""
    if not s.case.regimes:
        return "the case names no regime"
    held = c.holding("regimes")
    if held is None:
        return "no file of the copy lists the case's regimes"
    path, data = held
    data.pop("regimes")
    c.write(path, data)
    return None


def relaxed_threshold(c: Copy, s: Subject) -> str | None:
    """The policy file the next version is gated under doubles the threshold and alert level the
    case's evidence comes closest to (the `raised-threshold` move, made in the policy's file)."""
    got = raised_threshold(s.effective, s.policy)
    if isinstance(got, str):
        return got
    new = got[1]
    changed = [tid for tid, th in new.thresholds.items() if th != s.policy.thresholds.get(tid)]
    path = c.policy_path
    if path is None or not changed:
        return "the policy's file is not in the copy"
    data = _data(path)
    for tid in changed:
        th = data.get("thresholds", {}).get(tid)
        if not isinstance(th, dict):
            return f"the policy's file does not list threshold `{tid}`"
        th["value"], th["alert"] = new.thresholds[tid].value, new.thresholds[tid].alert
    c.write(path, data)
    return None


def _first_answered_defeater(case: Case, blocked: frozenset[str]) -> str | None:
    """The first defeater the unedited case marks answered and no blocking finding of it is about
    (its answer counts there)."""
    for eid, el in case.argument.elements.items():
        if el.defeater is not None and el.status == "answered" and el.answered_by and eid not in blocked:
            return eid
    return None


def defeater_open(c: Copy, s: Subject) -> str | None:
    """The version recorded before: the case's first answered defeater left open (the version a
    NO-GO was logged for)."""
    did = _first_answered_defeater(s.case, c.blocked)
    if did is None:
        return ("the argument has no defeater answered in a way the gate accepts (a blocking finding is about each "
                "one marked answered) to leave open in the version recorded")
    held = c.holding("argument")
    if held is None:
        return "no file of the copy holds the argument"
    path, data = held
    arg = data["argument"]
    elements = arg.get("elements") if isinstance(arg, dict) else None
    el = elements.get(did) if isinstance(elements, dict) else None
    if not isinstance(el, dict):
        return f"the argument's file does not list defeater `{did}`"
    el["status"] = "open"
    el.pop("answered_by", None)
    c.write(path, data)
    return None


def refiled(c: Copy, s: Subject) -> str | None:
    """The unedited case (its defeater answered by the evidence the NO-GO'd version held) filed under
    a new case id."""
    held = c.holding("id")
    if held is None:
        return "no file of the copy names the case's id"
    path, data = held
    data["id"] = f"{s.case.id}{REFILED_SUFFIX}"
    c.write(path, data)
    return None


def retitled_draft(c: Copy, s: Subject) -> str | None:
    """A draft: the case's title with " (draft)" added."""
    held = c.holding("title")
    if held is None:
        return "no file of the copy gives the case's title"
    path, data = held
    data["title"] = f"{data['title']} (draft)"
    c.write(path, data)
    return None


def asked_again(c: Copy, s: Subject) -> str | None:
    """The next version is the unedited case, its version number raised: nothing answers the
    incident."""
    held = c.holding("version")
    if held is None:
        return "no file of the copy gives the case's version"
    path, data = held
    data["version"] = f"{data['version']}.1"
    c.write(path, data)
    return None


PUSHED_DAYS = 60
"""How many days later `condition-due-pushed` dates the next version and its re-evaluation (on
atlas-api, a version decided before its condition falls due)."""


def _shifted(value: Any, days: int) -> str | None:
    """A date of the copy's files `days` later, as ISO text (None when it is not a date)."""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return (day + dt.timedelta(days=days)).isoformat()


def _conditioned_item(c: Copy) -> str | None:
    """The evidence item the first condition of the recorded decision raised on one is about."""
    return next((str(x.path[1]) for x in c.standing if len(x.path) >= 2 and x.path[0] == "evidence"), None)


def due_pushed(c: Copy, s: Subject) -> str | None:
    """The next version dated `PUSHED_DAYS` later, and its re-evaluation date too, so that the
    dates a condition's due date is counted from are later (the run a condition was raised on is
    not re-dated: its log states its date, CG340)."""
    eid = _conditioned_item(c)
    if eid is None:
        return "no condition of the recorded decision is raised on an evidence item"
    why = asked_again(c, s)
    if why is not None:
        return why
    for key in ("date", "post_deployment"):
        held = c.holding(key)
        if held is None:
            continue
        path, data = held
        if key == "date" and _shifted(data["date"], PUSHED_DAYS):
            data["date"] = _shifted(data["date"], PUSHED_DAYS)
        pd = data.get("post_deployment")
        if isinstance(pd, dict) and pd.get("reevaluate_by") and _shifted(pd["reevaluate_by"], PUSHED_DAYS):
            pd["reevaluate_by"] = _shifted(pd["reevaluate_by"], PUSHED_DAYS)
        c.write(path, data)
    return None


def conditioned_item_renamed(c: Copy, s: Subject) -> str | None:
    """`due_pushed`, with the run the condition was raised on under a new evidence id (every
    reference to it renamed), so that the condition the next version raises is about another id."""
    eid = _conditioned_item(c)
    why = due_pushed(c, s)
    if why is not None or eid is None:
        return why
    new = f"{eid}-renamed"
    for p in c.files():
        doc = _data(p)
        edited = _swap_refs(doc, eid, new)
        if isinstance(edited, dict) and isinstance(edited.get("evidence"), dict) and eid in edited["evidence"]:
            edited["evidence"] = {(new if k == eid else k): v for k, v in edited["evidence"].items()}
        if edited != doc:
            c.write(p, edited)
    return None


def alert_dropped(c: Copy, s: Subject) -> str | None:
    """The next version's policy file takes the alert level off the threshold a condition of the
    recorded decision was raised against (the condition is then not raised)."""
    eid = _conditioned_item(c)
    ev = s.effective.evidence.get(eid) if eid is not None else None
    tid = ev.threshold if ev is not None else None
    if tid is None or s.policy.thresholds.get(tid) is None or s.policy.thresholds[tid].alert is None:
        return "no condition of the recorded decision is raised on a run of a threshold with an alert level"
    if c.policy_path is None:
        return "the policy's file is not in the copy"
    data = _data(c.policy_path)
    th = (data.get("thresholds") or {}).get(tid) if isinstance(data, dict) else None
    if not isinstance(th, dict) or "alert" not in th:
        return f"the policy's file gives threshold `{tid}` no alert level"
    why = asked_again(c, s)
    if why is not None:
        return why
    th.pop("alert")
    c.write(c.policy_path, data)
    return None


WIDER_REGIONS = ("BR", "IN")
"""The regions `boundary-widened-under-condition` opens the deployment to."""


def boundary_widened(c: Copy, s: Subject) -> str | None:
    """The next version opens the boundary to more regions (its kind and everything else kept),
    while the conditions of the recorded decision are unmet."""
    b = s.case.boundary
    if b is None or b.scope is None or not b.scope.regions:
        return "the case's boundary names no regions to add to"
    why = asked_again(c, s)
    if why is not None:
        return why
    held = c.holding("boundary")
    scope = held[1]["boundary"].get("scope") if held is not None and isinstance(held[1]["boundary"], dict) else None
    if held is None or not isinstance(scope, dict) or not isinstance(scope.get("regions"), list):
        return "no file of the copy gives the boundary's regions"
    scope["regions"] = [*scope["regions"], *(r for r in WIDER_REGIONS if r not in scope["regions"])]
    c.write(*held)
    return None


def _regimes_in_policy(c: Copy, s: Subject, keep: int | None) -> str | None:
    """The case's regimes named by the policy's file instead (the first `keep` of them; None: all),
    the case naming none."""
    if not s.case.regimes:
        return "the case names no regime"
    held = c.holding("regimes")
    if held is None:
        return "no file of the copy lists the case's regimes"
    if c.policy_path is None or held[0] == c.policy_path:
        return "the policy's file is not in the copy apart from the case's"
    path, data = held
    regimes = list(data.pop("regimes"))
    policy = _data(c.policy_path)
    if not isinstance(policy, dict) or policy.get("regimes"):
        return "the policy's file names regimes of its own"
    c.write(path, data)
    policy["regimes"] = regimes if keep is None else regimes[:keep]
    c.write(c.policy_path, policy)
    return None


def regimes_moved_to_policy(c: Copy, s: Subject) -> str | None:
    """The version recorded before: the case's regimes named by the policy's file, the case naming
    none."""
    return _regimes_in_policy(c, s, None)


def regime_cut_from_policy(c: Copy, s: Subject) -> str | None:
    """The next version: the policy's file names the first of the regimes only, the case none."""
    if len(s.case.regimes) < 2:
        return "the case names fewer than two regimes, one to keep and one to cut"
    return _regimes_in_policy(c, s, 1)


DENIAL = "{name} has had no serious incidents since launch."
"""What `incidents-denied-after-incident` adds to the boundary's description (`{name}` the system's)."""


def reports_left_unfiled(c: Copy, s: Subject) -> str | None:
    """The next version (its version number raised) submitted while the regime reports the incident
    owes are past their deadlines and none was filed, where the case names a regime."""
    if not s.case.regimes and not s.policy.regimes:
        return "neither the case nor its policy names a regime whose reports an incident would owe"
    return asked_again(c, s)


def incidents_denied(c: Copy, s: Subject) -> str | None:
    """The next version (its version number raised) says in the boundary's description that the
    model has had no serious incidents since launch."""
    held = c.holding("boundary")
    b = held[1]["boundary"] if held is not None else None
    if held is None or not isinstance(b, dict):
        return "no file of the copy gives the boundary"
    why = asked_again(c, s)
    if why is not None:
        return why
    held = c.holding("boundary")
    assert held is not None
    b = held[1]["boundary"]
    b["description"] = f"{str(b.get('description') or '').rstrip()} {DENIAL.format(name=s.case.system.name or 'The model')}".lstrip()
    c.write(*held)
    return None


RELAUNCH_SUFFIX = "-relaunch"
"""What `incident-attack-left-out` appends to the id of the test it runs again after the incident."""


def relaunch_without_attack(c: Copy, s: Subject) -> str | None:
    """The next version (its version number raised, dated with the new run) answers the incident,
    logged naming no attack, with a new run of the developer's own red team or safeguard test of a
    safeguard on the incident's domain (a classifier or refusal first): its casegate-results log
    written again dated after the incident and no earlier than the registry logged it, its samples
    new requests (each recording what it asked and got) scored as before, none named for the attack
    that came through, cited under a new id beside the old one and under `incident_answers`."""
    if c.incident is None:
        return "no incident was logged against the recorded version"
    iid, domain, day = c.incident
    threats = s.case.threat_model.get(domain)
    paths = set(threats.pathways) if threats is not None else set()
    held = c.holding("evidence")
    if held is None:
        return "no file of the copy lists the evidence"
    path, data = held
    found = None
    jailbroken = ("classifier", "model-behaviour")  # the layers a jailbreak gets past, first
    for sid, sg in sorted(s.case.safeguards.items(), key=lambda t: t[1].layer not in jailbroken):
        if not any(b.split(".", 1)[0] in paths for b in sg.blocks):
            continue
        for eid in sg.evidence:
            ev = s.case.evidence.get(eid)
            item = (data.get("evidence") or {}).get(eid)
            if ev is None or ev.kind not in TEST_KINDS or ev.independent or not isinstance(item, dict) \
                    or not isinstance(item.get("artifact"), str) or not item["artifact"].endswith(".json"):
                continue
            found = sid, eid, item
            break
        if found is not None:
            break
    if found is None:
        return f"no safeguard on the `{domain}` domain cites a test of the developer's own with a casegate-results log"
    sid, eid, item = found
    art = Path(item["artifact"])
    source = c.inside(path.parent / art)
    try:
        doc = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"`{eid}`'s log is not a casegate-results document"
    if not isinstance(doc, dict) or not str(doc.get("format", "")).startswith("casegate-results"):
        return f"`{eid}`'s log is not a casegate-results document"
    from ..store import log_time

    try:  # after the incident, and no earlier than the registry logged it
        later = max(day + dt.timedelta(days=1), log_time().date())
    except OverflowError:
        return "the incident is dated on the calendar's last day: no later day to run the test again on"
    doc["created"] = f"{later.isoformat()}T09:00:00Z"
    # new requests (what each asked and got recorded, so the run is told from the first), scored as the
    # first run's were; placeholders in no language, as a harness's templated prompts read
    doc["samples"] = [{**smp, "id": f"relaunch-{smp['id']}", "input": f"[relaunch request {n:04d}]",
                       "output": f"[response {n:04d}]"} if isinstance(smp, dict) and "id" in smp else smp
                      for n, smp in enumerate(doc.get("samples") or [])]
    raw = (json.dumps(doc) + "\n").encode()
    rerun = art.with_name(f"{art.stem}{RELAUNCH_SUFFIX}{art.suffix}")
    target = (path.parent / rerun).resolve()
    if not target.is_relative_to(c.root.resolve()) or target.exists():
        return f"no new file can be written beside `{eid}`'s log in the copy"
    why = asked_again(c, s)
    if why is not None:
        return why
    path, data = c.holding("evidence") or held
    target.write_bytes(raw)
    new = f"{eid}{RELAUNCH_SUFFIX}"
    data["evidence"] = {**data["evidence"], new: {**item, "artifact": rerun.as_posix(),
                                                  "sha256": hashlib.sha256(raw).hexdigest(), "date": later.isoformat()}}
    c.write(path, data)
    got = c.holding("date")
    if got is None:
        return "no file of the copy dates the case"
    got[1]["date"] = later.isoformat()  # the relaunch decided once its evidence is in
    c.write(*got)
    got = c.holding("safeguards")
    sg_doc = (got[1].get("safeguards") or {}).get(sid) if got is not None else None
    if got is None or not isinstance(sg_doc, dict) or not isinstance(sg_doc.get("evidence"), list):
        return f"no file of the copy lists safeguard `{sid}`'s evidence"
    sg_doc["evidence"] = [*sg_doc["evidence"], new]
    c.write(*got)
    got = c.holding("incident_answers") or c.holding("id")
    if got is None:
        return "no file of the copy names the case's id"
    answers = dict(got[1].get("incident_answers") or {})
    answers[iid] = {"evidence": [new], "note": "the safeguard tested again since the incident"}
    got[1]["incident_answers"] = answers
    c.write(*got)
    return None


REGISTRY_MUTATIONS: tuple[RegistryMutation, ...] = (
    RegistryMutation("dropped-run-resubmitted", ("fm-threshold-gaming", "test-3-elicitation"),
                     "submits a version in which the capability evaluation closest to its threshold, cited by "
                     "the recorded version, is replaced by another run of the same weights with a quarter of its "
                     "successes", ("CG350",), dropped_run),
    RegistryMutation("new-case-id-after-no-go", ("fm-argument-theater", "q-uncertainty"),
                     "after a NO-GO was logged on a version with a defeater open, files the same weights under a "
                     "new case id with the defeater marked answered by the evidence it already had",
                     ("CG806",), refiled, story="no-go", before=defeater_open),
    RegistryMutation("decoy-before-refiling", ("fm-argument-theater", "q-uncertainty"),
                     "as `new-case-id-after-no-go`, having first submitted a draft under the new case id, so that "
                     "the new id has a previous version of its own to be compared with",
                     ("CG806",), refiled, story="no-go", before=defeater_open, decoy=retitled_draft),
    RegistryMutation("dropped-regime-resubmitted", ("fm-no-public-memory",),
                     "submits a version that names none of the regimes the recorded version was under",
                     ("CG1005",), dropped_regime),
    RegistryMutation("regime-cut-from-policy", ("fm-no-public-memory",),
                     "with the recorded version's regimes named by its policy's file (the case naming none), "
                     "submits a version whose policy's file names the first of them only",
                     ("CG1005",), regime_cut_from_policy, before=regimes_moved_to_policy),
    RegistryMutation("reports-overdue-resubmitted", ("fm-no-public-memory",),
                     "after an incident owing each regime's report was logged against the recorded version, "
                     "submits the same argument again under a new version number, gated the day after the last "
                     "report fell due with none filed", ("CG1003",), reports_left_unfiled, story="incident-owed",
                     after_reports=1),
    RegistryMutation("reports-owed-case-dated-before", ("fm-no-public-memory",),
                     "after an incident owing each regime's report, dated the case's own date, was logged against "
                     "the recorded version, submits the same argument again under a new version number keeping that "
                     "date (before every report fell due), gated with no `--at` once the registry's clock is past "
                     "the deadlines, none filed", ("CG1003",), reports_left_unfiled, story="incident-owed",
                     on_registry_clock=True),
    RegistryMutation("incidents-denied-after-incident", ("fm-no-public-memory",),
                     "after an incident was logged against the recorded version, submits the same argument again "
                     "under a new version number, its boundary's description saying the model (by its name) has "
                     "had no serious incidents since launch", ("CG438",), incidents_denied, story="incident"),
    RegistryMutation("incident-attack-left-out", ("test-7-post-deployment", "q-retreat"),
                     "after a high-severity incident naming no attack was logged against the recorded version, "
                     "submits a new version answering it with the developer's own test of a safeguard on its domain "
                     "run again since (its log dated after the incident, its samples new requests scored as "
                     "before, none named for the attack), the version dated with it", ("CG440",), relaunch_without_attack, story="incident", incident_days_ago=1),
    RegistryMutation("relaxed-threshold-resubmitted", ("fm-threshold-gaming",),
                     "submits a version whose policy file doubles the threshold and alert level its closest "
                     "evaluation is measured against", ("CG320",), relaxed_threshold),
    RegistryMutation("incident-ignored", ("test-7-post-deployment", "q-retreat"),
                     "after an incident was logged against the recorded version, submits the same argument "
                     "again under a new version number", ("CG708",), asked_again, story="incident"),
    RegistryMutation("condition-due-pushed", ("test-7-post-deployment", "q-retreat"),
                     "after a GO WITH CONDITIONS was applied, submits a version dated later, with a later "
                     "re-evaluation date, so that a condition raised on a run falls due later", ("CG305",), due_pushed, story="conditions", sheds_conditions=True),
    RegistryMutation("conditioned-item-renamed", ("test-7-post-deployment", "q-retreat"),
                     "as `condition-due-pushed`, with the run the condition was raised on under a new evidence id, "
                     "so that the condition is about another id", ("CG305",), conditioned_item_renamed,
                     story="conditions", sheds_conditions=True),
    RegistryMutation("boundary-widened-under-condition", ("test-1-boundary", "fm-threshold-gaming"),
                     "after a GO WITH CONDITIONS was applied, submits a version whose boundary reaches two more "
                     "regions, its safeguards' tests those of the approved scope, while its conditions are unmet",
                     ("CG211",), boundary_widened, story="conditions"),
    RegistryMutation("alert-dropped-under-condition", ("fm-threshold-gaming", "q-retreat"),
                     "after a GO WITH CONDITIONS was applied, submits a version whose policy file gives the "
                     "threshold a condition was raised against no alert level, so the condition is not raised",
                     ("CG320",), alert_dropped, story="conditions", sheds_conditions=True),
    RegistryMutation("breach-unapplied-reopened", ("test-7-post-deployment", "q-retreat"),
                     "after a GO WITH CONDITIONS was applied and readings breaching a monitor of its plan were "
                     "ingested, with no trigger run, reopens the case by hand with a reason of its own (`a routine "
                     "refresh`) and submits the same case again under a new version number", ("CG718",),
                     asked_again, story="breach-reopened"),
    RegistryMutation("condition-overdue-resubmitted", ("test-7-post-deployment", "q-retreat"),
                     "after a GO WITH CONDITIONS was applied, submits the same case again under a new version "
                     "number the day after its conditions fell due, none shown met", ("CG750",), asked_again,
                     story="conditions", after_due=1),
)


# --------------------------------------------------------------------------- the runs


COPY_MAX_BYTES = 256 * 1024 * 1024
"""Most bytes the folder a registry move copies may hold (weights kept beside a case would make
every move copy them): a larger one is not copied, and the registry moves do not apply."""
_NOT_COPIED = (".git", ".casegate", ".venv", "node_modules", "__pycache__")


@dataclass(frozen=True)
class Copied:
    """Where `copy_case` put the case."""

    root: Path
    """The copy of the folder holding every file the case reads (the root it is loaded under)."""
    case_file: Path
    policy: Path | None
    """A copy of a policy that lies outside that folder, to load the copy with (else None)."""
    policy_path: Path | None
    """The copy's policy file."""


def copy_case(loaded: Loaded, into: Path) -> Copied | str:
    """Copy the folder holding the case's files (its case and include files and its evidence
    artifacts, wherever under one folder they lie) into `into`, keeping their layout; else why it
    cannot be copied."""
    import os

    case_path = Path(loaded.case_path).resolve()
    read = [Path(f.abspath).resolve() for f in loaded.files]
    read += [p.resolve() for p in loaded.artifact_paths().values() if p is not None]
    folder = Path(os.path.commonpath([str(p.parent) for p in [case_path, *read]]))
    size = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d not in _NOT_COPIED]
        for name in filenames:
            try:
                size += os.lstat(os.path.join(dirpath, name)).st_size
            except OSError:
                continue
        if size > COPY_MAX_BYTES:
            return (f"the folder holding the case's files ({folder}) holds more than {COPY_MAX_BYTES // 2**20} MiB, "
                    "which is not copied for a registry move")
    dest = into / "case"
    try:
        shutil.copytree(folder, dest, symlinks=True, ignore=shutil.ignore_patterns(*_NOT_COPIED))
    except (OSError, shutil.Error) as e:
        return f"the folder holding the case's files ({folder}) cannot be copied: {e}"
    policy: Path | None = None
    policy_path: Path | None = None
    if loaded.policy_file is not None:
        pol = Path(loaded.policy_file.abspath).resolve()
        if pol.is_relative_to(folder):
            policy_path = dest / pol.relative_to(folder)
        else:
            policy = policy_path = into / ("policy-" + pol.name)
            shutil.copyfile(pol, policy)
    return Copied(dest, dest / case_path.relative_to(folder), policy, policy_path)


@dataclass
class RegistryRun:
    """The gate's record on one registry mutation's edited version (or why it does not apply)."""

    record: DecisionRecord | None
    note: str = ""
    standing: tuple[Condition, ...] = ()
    """The conditions of the decision applied before the move (`story="conditions"`)."""


class Stories:
    """Runs registry mutations for one case: each in a fresh copy of its folder and a fresh SQLite
    registry in a temporary workspace."""

    def __init__(self, subject: Subject, keyring: Keyring | None, today: dt.date | None, at: dt.datetime,
                 blocked: frozenset[str] = frozenset()) -> None:
        self.subject = subject
        self.blocked = blocked
        """The ids of the elements a blocking finding of the unedited case is about."""
        self.loaded = subject.loaded
        self.keyring = keyring
        self.today = today
        self.at = at
        self.policy = subject.policy
        self.case = subject.case
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._empty: Path | None = None
        self._decided: DecisionRecord | None = None
        """The decision on the unedited case submitted first (`story="conditions"`)."""

    def __enter__(self) -> Stories:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def _registry_file(self, into: Path) -> str:
        """The URL of a new, empty registry in `into`: a copy of one made (and migrated) once for
        the run, so each story does not create the schema again."""
        from ..store import open_registry

        if self._empty is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="casegate-redteam-registry-", dir=_scratch())
            empty = Path(self._scratch.name) / "empty.db"
            with open_registry(f"sqlite:///{empty}"):
                pass
            self._empty = empty
        db = into / "registry.db"
        for suffix in ("", "-wal", "-shm"):
            src = self._empty.with_name(self._empty.name + suffix)
            if src.exists():
                shutil.copyfile(src, db.with_name(db.name + suffix))
        return f"sqlite:///{db}"

    def control(self) -> RegistryRun:
        """The unedited case submitted again after itself (its case file's bytes changed by a
        comment only): what the registry's comparison finds without any move."""
        return self._play(None)

    def play(self, m: RegistryMutation) -> RegistryRun:
        return self._play(m)

    def _play(self, m: RegistryMutation | None) -> RegistryRun:
        from ..gate import run_gate
        from ..monitor import comparison_for
        from ..store import open_registry

        standing: tuple[Condition, ...] = ()
        with tempfile.TemporaryDirectory(prefix="casegate-redteam-registry-", dir=_scratch()) as ws:
            got = copy_case(self.loaded, Path(ws))
            if isinstance(got, str):
                return RegistryRun(None, got)
            case_file = got.case_file
            c = Copy(got.root, case_file, got.policy, got.policy_path, self.keyring, self.at)
            c.blocked = self.blocked
            with open_registry(self._registry_file(Path(ws))) as reg:
                story = "previous" if m is None else m.story
                try:  # the copy as copied: a file it reads through a link out of the folder is refused
                    c.files()
                    if m is not None and m.before is not None:
                        why = m.before(c, self.subject)
                        if why is not None:
                            return RegistryRun(None, why)
                    load = c.load_signed if story in ("conditions", "breach-reopened") else c.load
                    first = load()
                except InputError as e:
                    return RegistryRun(None, f"the copy of the case's folder cannot be read: {e}")
                if first.case is None:
                    return RegistryRun(None, "the copy of the case's folder cannot be read: "
                                             + "; ".join(f"{f.code}: {f.message}" for f in first.diagnostics[:3]))
                v1 = reg.submit_case(first)
                if story == "no-go":
                    record = run_gate(first, today=self.today, comparison=comparison_for(reg, first, keyring=self.keyring),
                                      try_narrower=False)
                    if record.outcome != "NO-GO":
                        return RegistryRun(None, f"the version recorded before the move came out {record.outcome}, "
                                                 "not NO-GO")
                    from ..store import record_decision

                    record_decision(reg, record, version=v1.number)
                elif story in ("incident", "incident-owed"):
                    if m is not None and m.on_registry_clock and self.case.date is None:
                        return RegistryRun(None, "the case states no `date:` to date the incident")
                    logged = _log_incident(reg, self.case, self.policy, owed=story == "incident-owed",
                                           days_ago=m.incident_days_ago if m is not None else None,
                                           on=self.case.date if m is not None and m.on_registry_clock else None)
                    if isinstance(logged, str):
                        return RegistryRun(None, logged)
                    c.incident = logged
                elif story in ("conditions", "breach-reopened"):
                    got_standing = self._approve_with_conditions(
                        reg, first, "there is no condition of a decision to shed" if story == "conditions" else
                        "there is no deployed version for readings to breach")
                    if isinstance(got_standing, str):
                        return RegistryRun(None, got_standing)
                    standing = c.standing = got_standing
                    if story == "breach-reopened":
                        why = _breach_reopened_by_hand(reg, self.case)
                        if why is not None:
                            return RegistryRun(None, why)
                c.restore()
                if m is not None and m.decoy is not None:
                    why = m.move(c, self.subject) or m.decoy(c, self.subject)
                    if why is not None:
                        return RegistryRun(None, why)
                    reg.submit_case(c.load())
                    c.restore()
                if m is None:
                    real = c.inside(case_file)
                    real.write_bytes(real.read_bytes() + b"\n# submitted again\n")
                else:
                    why = m.move(c, self.subject)
                    if why is not None:
                        return RegistryRun(None, why)
                edited = load()
                if edited.case is None:
                    problems = "; ".join(f"{f.code}: {f.message}" for f in edited.diagnostics[:3])
                    raise InputError(f"the red team's registry move {m.name if m else 'control'} made a copy of "
                                     f"{self.loaded.case_path} that cannot be read: {problems}",
                                     location=self.loaded.case_path,
                                     help="report this as a casegate bug, with the case")
                reg.submit_case(edited)
                comparison = comparison_for(reg, edited, keyring=self.keyring)
                day = self.today
                if m is not None and m.after_reports is not None:
                    from ..monitor._reports import report_clocks

                    clocks = report_clocks(reg, self.case.id, self.keyring)
                    if not clocks:
                        return RegistryRun(None, "the incident logged owes no regime report (the case names no regime)")
                    day = max(x.due for x in clocks).date() + dt.timedelta(days=m.after_reports)
                if m is not None and m.on_registry_clock:
                    from ..monitor._reports import report_clocks
                    from ..store import log_time

                    now = log_time()
                    if not any(x.due <= now for x in report_clocks(reg, self.case.id, self.keyring)):
                        return RegistryRun(None, f"no report the incident logged on {self.case.date} owes is past "
                                                 f"its deadline by the registry's clock ({now.date()})")
                    day = None  # no `--at`: the case's own date, before every deadline, is the lab's
                if m is not None and m.after_due is not None:
                    if not standing:
                        return RegistryRun(None, "the recorded decision set no condition with a due date")
                    day = max(dt.date.fromisoformat(x.due[:10]) for x in standing if x.due) + dt.timedelta(days=m.after_due)
                return RegistryRun(run_gate(edited, today=day, comparison=comparison, try_narrower=False),
                                   standing=standing)

    def _approve_with_conditions(self, reg: Any, first: Loaded, lacking: str) -> tuple[Condition, ...] | str:
        """Gate the recorded version against the registry, as `casegate decide --db` does, and apply
        its GO WITH CONDITIONS (each condition logged with its due date, none confirmed met):
        the conditions that decision set, or why the story cannot be told (`lacking`: what is then
        missing for it)."""
        from ..gate import run_gate
        from ..monitor import apply_decision, comparison_for, submit_for_review
        from ..store import record_decision

        assert first.case is not None
        # the recorded version is the unedited case, first in an empty registry, in every such story:
        # gated once for the run
        record = self._decided
        if record is None:
            record = self._decided = run_gate(first, today=self.today, try_narrower=False,
                                              comparison=comparison_for(reg, first, keyring=self.keyring))
        conditions = tuple(x for x in record.conditions if x.due)
        if record.outcome != "GO WITH CONDITIONS" or not conditions:
            return (f"the unedited case came out {record.outcome}"
                    + (" with no condition with a due date" if record.outcome == "GO WITH CONDITIONS" else "")
                    + f": {lacking}")
        submit_for_review(reg, first.case.id, by="the red team")
        apply_decision(reg, record_decision(reg, record, version=reg.case_version(first.case.id,
                                                                                  contents=False).number))
        return conditions


def _scratch() -> str | None:
    """Where the temporary registries go: `TMPDIR` when set, else a RAM-backed `/dev/shm` when there
    is one (each registry commits with `synchronous=FULL`, and nothing here needs to outlive the
    run), else the system's temporary folder."""
    import os

    if os.environ.get("TMPDIR"):
        return None
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


BREACH_READINGS = 3
"""How many breaching readings `breach-unapplied-reopened` ingests."""


def _breaching(threshold: float, op: str) -> float:
    """A reading past `threshold` by `op`, inside a rate's [0, 1] where the threshold is."""
    if op in (">", ">="):
        if 0 < threshold <= 0.25:
            return threshold * 4
        return (threshold + 1) / 2 if 0 <= threshold < 1 else threshold * 2 + 1
    return threshold / 4 if threshold > 0 else threshold * 2 - 1


def _breach_reopened_by_hand(reg: Any, case: Case) -> str | None:
    """Readings that breach a monitor of the deployed case's plan (one whose breach reopens it, else
    the first) ingested, no trigger run, then the case reopened by hand by its RSO, with a reason of
    its own; else why the story cannot be told."""
    from ..monitor import CaseState, act, ingest_samples
    from ..monitor._series import Sample
    from ..store import log_time

    monitors = case.post_deployment.monitors if case.post_deployment is not None else {}
    if not monitors:
        return "the case's plan names no monitor a reading could breach"
    mid = next((k for k, m in monitors.items() if m.action == "reopen"), next(iter(monitors)))
    m = monitors[mid]
    value = _breaching(m.threshold, m.op)
    if m.range is not None and not m.range[0] <= value <= m.range[1]:
        return f"no reading of monitor `{mid}` inside its range breaches it"
    now = log_time()
    samples = [Sample(now + dt.timedelta(microseconds=i), m.signal, value, case.id) for i in range(BREACH_READINGS)]
    body = "".join(f"{s.timestamp.isoformat()},{s.signal},{s.value}\n" for s in samples).encode()
    ingest_samples(reg, samples, source="readings.csv", sha256=hashlib.sha256(body).hexdigest())
    act(reg, case.id, CaseState.reopened, role="rso", reason="a routine refresh")
    return None


def _log_incident(reg: Any, case: Case, policy: Policy, owed: bool = False,
                  days_ago: int | None = None, on: dt.date | None = None) -> tuple[str, str, dt.date] | str:
    """Log a high-severity incident against the recorded version, in the first domain of the case a
    claim of its argument is about, naming no attack, marked not reportable (`owed`: unclassified and
    not so marked, so that it owes each regime's report), dated the release's day (or the run's, where
    earlier), `days_ago` days before the run's, or on the day `on`: its id, domain and date; else why none
    can be logged."""
    from ..monitor import Incident, report_incident
    from ..monitor._evaluate import domain_claims
    from ..store import log_time

    domain = next((d for d in case.threat_model if domain_claims(case, d)), None)
    if domain is None:
        return "no claim of the argument is about a domain an incident could defeat"
    day = min(log_time().date(), case.system.release.date if case.system.release is not None
              and case.system.release.date is not None else case.date or log_time().date())
    if days_ago is not None:
        day = log_time().date() - dt.timedelta(days=days_ago)
    if on is not None:
        day = on
    org = next(iter(policy.evidence.organisations), None) if policy.evidence is not None else None
    org = org or "the developer"
    incident = Incident(case=case.id, date=day, deployer=org, developer=org, harmed=["users of the deployment"],
                        description=f"A red-team story: misuse in the {domain} domain got past the safeguards.",
                        severity="high", domain=domain,
                        not_reportable=None if owed else "a red-team exercise in a temporary registry, reported to "
                                                         "no authority")
    entry = report_incident(reg, incident)
    return f"incident-{entry.index}", domain, day

