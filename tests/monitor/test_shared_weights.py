"""The same weights filed under a second case id follow the first case's reopening, restriction
or withdrawal, on SQLite and PostgreSQL, through the commands a lab and a deploy pipeline run.

The lab's move: the example's weights are approved under atlas-2-api and again under
atlas-2-api-eu. An incident reopens the first (or a breach restricts it to trusted-access). The
second kept deploying: `state show` said DEPLOYABLE, `verify --model-digest --db` and
`verify --state-proof` offline verified, and after a restriction even `verify --model --db` did.
Now the registry logs the same state on every deployed case about the same weights (a
`shared-weights` cause naming the first case), so the second case's own state, its state proof
and every verify path say no; and a case about weights whose other case stands reopened is not
approved."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests._deploy import RATE_LIMITS
from tests.monitor.test_cli import DIGEST, ROLES, _cg, approved, signed  # noqa: F401 - fixtures used by name
from tests.monitor.test_weights_anchor import _trust
from tests.verify.trusted import DEMO_EXIT, DEMONSTRATION

EU = "atlas-2-api-eu"


def _second(tmp: Path, db: str, *, apply: bool = True) -> None:
    """The same case and weights under the id atlas-2-api-eu: signed off, decided against the
    registry, submitted with `--model` (the registry hashes the same weights), and approved."""
    shutil.copytree(tmp / "case", tmp / "eu", ignore=shutil.ignore_patterns("signoffs", "*.bundle.json", "authors*"))
    text = (tmp / "eu" / "case.yaml").read_text()
    assert "id: atlas-2-api\n" in text
    (tmp / "eu" / "case.yaml").write_text(text.replace("id: atlas-2-api\n", f"id: {EU}\n"))
    _sign_eu(tmp, db)
    _cg(tmp, db, "decide", "eu/case.yaml", "--key", "keys/rso.pem", "--role", "rso")
    _cg(tmp, db, "registry", "submit", "eu/case.yaml", "--model", "case/model")
    _cg(tmp, db, "state", "set", EU, "under-review", "--by", "Sam Whitfield")
    if apply:
        p = _cg(tmp, db, "state", "apply", "--unpinned", EU, "--decision", "eu/decision.bundle.json")
        assert "under-review -> approved" in p.stdout


def _sign_eu(tmp: Path, db: str, *again: str) -> None:
    """atlas-2-api-eu signed off by each role (`again`: `--force`, replacing the sign-offs) and its
    authors list signed (once)."""
    for role in ROLES:
        _cg(tmp, db, "sign", "eu/case.yaml", "--role", role, "--key", f"keys/{role}.pem", *again)
    if not again:
        _cg(tmp, db, "authors", "sign", "eu/case.yaml", "--role", "author", "--key", "keys/author.pem")


def _verify_eu(tmp: Path, db: str, *extra: str, code: int | None) -> str:
    """`verify` of atlas-2-api-eu's decision for the self-serve API; its stderr."""
    t = _trust(tmp)
    t.checkpoint(db)
    return _cg(tmp, db, "verify", "--bundle", "eu/decision.bundle.json", "--boundary", "api", "--access", "self-serve",
               "--region", "US", *RATE_LIMITS, "--trust-root", str(t.dir), *extra, code=code).stderr


def _every_path(tmp: Path, db: str, code: int) -> list[str]:
    """Each way a deploy pipeline asks about atlas-2-api-eu: online by digest and by folder, and
    offline with a state proof by digest and by folder (the proof taken after a fresh checkpoint)."""
    online = [_verify_eu(tmp, db, "--model-digest", DIGEST, "--db", db, code=code),
              _verify_eu(tmp, db, "--model", "case/model", "--db", db, code=code)]
    _cg(tmp, db, "state-proof", EU, "--out", "eu-proof.json")
    # (with --state-proof no registry is opened)
    offline = [_verify_eu(tmp, db, "--model-digest", DIGEST, "--state-proof", "eu-proof.json", code=code),
               _verify_eu(tmp, db, "--model", "case/model", "--state-proof", "eu-proof.json", code=code)]
    return online + offline


@pytest.fixture
def both(approved: tuple[Path, str]) -> tuple[Path, str]:  # noqa: F811
    tmp, db = approved
    _second(tmp, db)
    show = _cg(tmp, db, "state", "show", EU, code=None)
    # (the tests' keyrings hold published keys: everything else deployable, a demonstration)
    assert show.stdout.startswith(f"{EU}: NOT VERIFIED: {DEMONSTRATION}"), show.stdout
    assert "everything else verified (DEMONSTRATION): GO WITH CONDITIONS for api" in show.stdout, show.stdout
    return tmp, db


def test_reopening_one_case_reopens_the_same_weights_under_another_id(both: tuple[Path, str]) -> None:
    """Reason: after atlas-2-api was reopened, atlas-2-api-eu (the same weights) stayed DEPLOYABLE
    and verified by digest online and by state proof offline."""
    tmp, db = both
    p = _cg(tmp, db, "state", "set", "atlas-2-api", "reopened", "--role", "rso", "--reason", "ransomware incident")
    assert f"{EU}: approved-with-conditions -> reopened (log entry" in p.stdout, p.stdout
    show = _cg(tmp, db, "state", "show", EU, code=None)
    assert show.stdout.startswith(f"{EU}: NOT DEPLOYABLE: the registry says case {EU} is reopened"), show.stdout
    assert "shared-weights: case atlas-2-api is reopened (log entry" in show.stdout, show.stdout
    for err in _every_path(tmp, db, 1):
        assert f"the registry says case {EU} is reopened" in err, err
    # the second case is approved again only on a new version, and not while the first stands reopened
    refused = _cg(tmp, db, "state", "set", EU, "under-review", "--by", "Sam Whitfield", code=4)
    assert "only a new version can be reviewed" in refused.stderr


def test_a_restriction_caps_the_same_weights_under_another_id(both: tuple[Path, str]) -> None:
    """Reason: after atlas-2-api was restricted to trusted-access, atlas-2-api-eu verified for the
    self-serve API on every path, `--model --db` included."""
    tmp, db = both
    _cg(tmp, db, "state", "set", "atlas-2-api", "restricted", "--to", "trusted-access", "--role", "rso",
        "--reason", "bio-classifier flag rate breached")
    show = _cg(tmp, db, "state", "show", EU, code=None)
    assert "lifecycle: restricted" in show.stdout, show.stdout
    assert ("  everything else verified (DEMONSTRATION): GO WITH CONDITIONS for trusted-access only" in show.stdout
            and show.stdout.startswith(f"{EU}: NOT VERIFIED: {DEMONSTRATION}")) \
        or f"{EU}: NOT DEPLOYABLE" in show.stdout, show.stdout
    for err in _every_path(tmp, db, 1):
        assert f"the registry says case {EU} is restricted to trusted-access; api is wider" in err, err


def test_a_withdrawal_withdraws_the_same_weights_under_another_id(both: tuple[Path, str]) -> None:
    tmp, db = both
    _cg(tmp, db, "state", "set", "atlas-2-api", "withdrawn", "--role", "rso", "--reason", "weights leaked")
    show = _cg(tmp, db, "state", "show", EU, code=None)
    assert show.stdout.startswith(f"{EU}: NOT DEPLOYABLE: the registry says case {EU} is withdrawn"), show.stdout
    for err in _every_path(tmp, db, 1):
        assert f"the registry says case {EU} is withdrawn" in err, err


def test_the_same_weights_are_not_approved_under_another_id_while_the_first_stands_reopened(
        approved: tuple[Path, str]) -> None:  # noqa: F811
    """Reason: a decision on atlas-2-api-eu made while atlas-2-api stood approved was applied after
    atlas-2-api was reopened, and deployed. It is refused until the first case is answered, or
    superseded by the second."""
    tmp, db = approved
    _second(tmp, db, apply=False)
    _cg(tmp, db, "state", "set", "atlas-2-api", "reopened", "--role", "rso", "--reason", "ransomware incident")
    refused = _cg(tmp, db, "state", "apply", "--unpinned", EU, "--decision", "eu/decision.bundle.json", code=4)
    assert f"a decision on version 1 of {EU} cannot approve it: case atlas-2-api is reopened" in refused.stderr
    assert f"casegate state set atlas-2-api superseded --superseded-by {EU}" in refused.stderr
    show = _cg(tmp, db, "state", "show", EU, code=None)
    assert "NOT DEPLOYABLE" in show.stdout
    # the lab names the second case as the first one's replacement: the decision and sign-offs made
    # before the reopening do not approve the same weights (tests/monitor/test_same_weights_taken_back.py)
    _cg(tmp, db, "state", "set", "atlas-2-api", "superseded", "--superseded-by", EU, "--reason", "EU filing replaces it")
    refused = _cg(tmp, db, "state", "apply", "--unpinned", EU, "--decision", "eu/decision.bundle.json", code=4)
    assert "before case atlas-2-api, about the same weights, was reopened (log entry" in refused.stderr, refused.stderr
    # signed off and decided anew, after the reopening: its own approval stands
    time.sleep(1.1)  # a signer writes whole seconds: one in the second of the reopening counts as before it
    _sign_eu(tmp, db, "--force")
    _cg(tmp, db, "registry", "submit", "eu/case.yaml", "--model", "case/model")
    _cg(tmp, db, "decide", "eu/case.yaml", "--key", "keys/rso.pem", "--role", "rso")
    p = _cg(tmp, db, "state", "apply", "--unpinned", EU, "--decision", "eu/decision.bundle.json")
    assert "under-review -> approved" in p.stdout
    _verify_eu(tmp, db, "--model-digest", DIGEST, "--db", db, code=DEMO_EXIT)


def test_weights_hashed_later_for_a_withdrawn_case_withdraw_the_deployed_one(
        approved: tuple[Path, str]) -> None:  # noqa: F811
    """Reason: the link between two cases is known only once the registry hashed both cases'
    weights; a case withdrawn before its weights were hashed must still take the deployed case of
    the same weights with it when they are."""
    tmp, db = approved
    shutil.copytree(tmp / "case", tmp / "eu", ignore=shutil.ignore_patterns("signoffs", "*.bundle.json", "authors*"))
    # the same weights file beside one more file: another digest
    (tmp / "eu" / "model" / "generation_config.json").write_text('{"temperature": 0.7}\n')
    digest = _cg(tmp, db, "digest", "eu/model").stdout.strip()
    assert digest != DIGEST
    text = (tmp / "eu" / "case.yaml").read_text()
    # another id, name, version and digest: nothing the lab declares ties it to atlas-2-api
    for old, new in (("id: atlas-2-api\n", f"id: {EU}\n"), ("  version: 2.1.0\n", "  version: 9.9.9\n"),
                     ("name: Atlas-2", "name: Orion"), (DIGEST, digest)):
        assert old in text, old
        text = text.replace(old, new)
    (tmp / "eu" / "case.yaml").write_text(text)
    _cg(tmp, db, "registry", "submit", "eu/case.yaml")
    _cg(tmp, db, "state", "set", EU, "withdrawn", "--role", "rso", "--reason", "its evaluations showed uplift")
    assert _cg(tmp, db, "state", "show", "atlas-2-api", code=None).stdout.startswith(
        f"atlas-2-api: NOT VERIFIED: {DEMONSTRATION}")  # everything else deployable (published keys)
    p = _cg(tmp, db, "registry", "submit", "eu/case.yaml", "--model", "eu/model")
    assert "atlas-2-api: approved" in p.stdout and "-> withdrawn" in p.stdout, p.stdout
    show = _cg(tmp, db, "state", "show", "atlas-2-api", code=None)
    assert show.stdout.startswith("atlas-2-api: NOT DEPLOYABLE: the registry says case atlas-2-api is withdrawn"), \
        show.stdout


def _change(index: int, case: str, to: str, cause: dict[str, object], restricted_to: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(index=index, case_id=case, kind="state-change", payload={"to": to, "cause": cause, "restricted_to": restricted_to})


class _Log:
    def __init__(self, entries: list[SimpleNamespace]):
        self.entries = entries

    def events(self, case_id: str | None = None, kind: str | None = None) -> list[SimpleNamespace]:
        return self.entries


def test_a_case_that_only_follows_another_is_no_cause_for_it() -> None:
    """A reopening logged on the second case because the first was reopened does not stand
    against the first once it is approved again (else neither could ever be approved); a
    reopening of its own does, until an approval or a supersession of that case."""
    from casegate.monitor._compare import standing_changes

    decision = {"type": "decision", "version": 2}
    log = _Log([
        _change(1, "a", "reopened", {"type": "trigger"}),
        _change(2, "b", "reopened", {"type": "shared-weights", "case": "a", "entry": 1, "reason": "x"}),
        _change(3, "c", "restricted", {"type": "manual"}, "trusted-access"),
        _change(4, "d", "withdrawn", {"type": "manual"}),
        _change(5, "d", "superseded", {"type": "superseded-by", "by": "b"}),
    ])
    got = standing_changes(log)  # type: ignore[arg-type]
    assert sorted(got) == ["a", "c"]
    assert got["c"].restricted_to == "trusted-access"
    log.entries.append(_change(6, "a", "approved", decision))
    assert sorted(standing_changes(log)) == ["c"]  # type: ignore[arg-type]


def test_a_crash_between_a_state_change_and_its_follow_up_logs_neither(
        both: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Reason: the reopening of atlas-2-api was committed before the registry logged the same
    change on atlas-2-api-eu; a writer stopped between the two left atlas-2-api-eu deployable in
    the log (and in every state proof) until the next state change or submit. Now the change and
    its follow-up are one transaction: a crash in between leaves the log as it was."""
    from casegate.monitor import _compare

    tmp, db = both
    size = _size(db)

    def crash(reg: object) -> list[object]:
        raise RuntimeError("the writer stopped")

    monkeypatch.setattr(_compare, "follow_shared_weights", crash)
    stopped = _cg(tmp, db, "state", "set", "atlas-2-api", "reopened", "--role", "rso", "--reason",
                  "ransomware incident", code=70)
    assert "the writer stopped" in stopped.stderr
    monkeypatch.undo()
    assert _size(db) == size
    assert "lifecycle: approved-with-conditions" in _cg(tmp, db, "state", "show", "atlas-2-api", code=None).stdout
    # the retry logs both
    p = _cg(tmp, db, "state", "set", "atlas-2-api", "reopened", "--role", "rso", "--reason", "ransomware incident")
    assert f"{EU}: approved-with-conditions -> reopened (log entry" in p.stdout, p.stdout


def _size(db: str) -> int:
    from casegate.store import open_registry

    with open_registry(db) as reg:
        return reg.size()


def test_a_follow_up_the_registry_owes_makes_every_read_fail_closed(both: tuple[Path, str]) -> None:
    """Reason: a registry that holds a reopening with no follow-up logged on the other case of the
    same weights (written before follow-ups shared their cause's transaction, or by a writer that
    skipped them) answered DEPLOYABLE for that case, and `state-proof` and `verify --db` vouched
    for it. While a follow-up is owed, every read says "not verified"; the next write logs it."""
    from casegate.monitor._states import CaseState, transition
    from casegate.store import open_registry

    tmp, db = both
    with open_registry(db) as reg:
        transition(reg, "atlas-2-api", CaseState.reopened,
                   {"type": "manual", "role": "rso", "reason": "ransomware incident"}, follow=False)
        assert reg.case_state(EU) == "approved-with-conditions"
    show = _cg(tmp, db, "state", "show", EU, code=None)
    assert show.stdout.startswith(f"{EU}: NOT VERIFIED: case atlas-2-api is reopened (log entry"), show.stdout
    assert f"the registry has not logged the same change (reopened) on case {EU}" in show.stdout
    _trust(tmp).checkpoint(db)
    refused = _cg(tmp, db, "state-proof", EU, "--out", "eu-proof.json", code=1)
    assert f"has not logged the same change (reopened) on case {EU}" in refused.stderr, refused.stderr
    assert not (tmp / "eu-proof.json").exists()
    # nor from the log's tiles alone (they are the whole log: what is owed is seen from them)
    _cg(tmp, db, "log", "tiles", "--out", "tiles", "--entries-out", "full", "--db", db)
    refused = _cg(tmp, db, "state-proof", EU, "--tiles", "full", "--trust-root", str(_trust(tmp).dir),
                  "--out", "eu-proof.json", code=1)
    assert f"has not logged the same change (reopened) on case {EU}" in refused.stderr, refused.stderr
    assert not (tmp / "eu-proof.json").exists()
    for extra in (("--model-digest", DIGEST), ("--model", "case/model")):
        err = _verify_eu(tmp, db, *extra, "--db", db, code=1)
        assert f"has not logged the same change (reopened) on case {EU}" in err, err
    # the next `triggers run` logs what is owed
    _cg(tmp, db, "triggers", "run", code=None)
    show = _cg(tmp, db, "state", "show", EU, code=None)
    assert show.stdout.startswith(f"{EU}: NOT DEPLOYABLE: the registry says case {EU} is reopened"), show.stdout


def _monitor(db: str, state: object | None = None) -> tuple[object, list[object]]:
    """The log monitor's run over every entry of the registry not yet checked."""
    from casegate.monitor._logwatch import MonitorState, check_entries
    from casegate.store import open_registry

    st = state if state is not None else MonitorState()
    with open_registry(db) as reg:
        found = check_entries(st, [e for e in reg.events() if e.index >= st.size])  # type: ignore[attr-defined]
    return st, found


def test_the_log_monitor_flags_a_follow_up_the_registry_did_not_log(both: tuple[Path, str], tmp_path: Path) -> None:
    """Reason: a registry that reopened atlas-2-api and logged nothing on atlas-2-api-eu (the
    same weights) passed the independent log monitor: it did not recompute what must follow.
    Now LM106 names the case left deployable, once, from the log alone (the monitor's state file
    carries what it needs between runs); an honest reopening breaks no rule."""
    from casegate.monitor._logwatch import MonitorState
    from casegate.monitor._states import CaseState, transition
    from casegate.store import open_registry

    tmp, db = both
    st, found = _monitor(db)
    assert found == []
    with open_registry(db) as reg:
        cause = transition(reg, "atlas-2-api", CaseState.reopened,
                           {"type": "manual", "role": "rso", "reason": "ransomware incident"}, follow=False)
        reg.record("note", None, {"what": "an unrelated entry"})
    path = tmp_path / "monitor.json"
    st.save(path)  # type: ignore[attr-defined]
    st, found = _monitor(db, MonitorState.load(path))
    assert [(v.code, v.case_id, v.index) for v in found] == [("LM106", EU, cause.index)], found  # type: ignore[attr-defined]
    assert f"case atlas-2-api is reopened (log entry {cause.index})" in found[0].message  # type: ignore[attr-defined]
    assert "the registry logged no shared-weights change (reopened) on it" in found[0].message  # type: ignore[attr-defined]
    # reported once; logged late, the follow-up ends it
    _cg(tmp, db, "triggers", "run", code=None)
    st.save(path)  # type: ignore[attr-defined]
    _st, found = _monitor(db, MonitorState.load(path))
    assert found == []


def test_the_log_monitor_flags_a_follow_up_weaker_than_what_is_owed(both: tuple[Path, str]) -> None:
    """Reason: atlas-2-api restricted to internal-deployment, and atlas-2-api-eu (the same
    weights) restricted only to trusted-access by a shared-weights change: the monitor took any
    shared-weights change as the follow-up. LM106 holds it to the strictest standing change."""
    from casegate.model import BoundaryKind
    from casegate.monitor._states import CaseState, transition
    from casegate.store import open_registry

    tmp, db = both
    with open_registry(db) as reg:
        cause = transition(reg, "atlas-2-api", CaseState.restricted,
                           {"type": "manual", "role": "rso", "reason": "bio flags"},
                           restricted_to=BoundaryKind.internal_deployment, boundary=BoundaryKind.api, follow=False)
        transition(reg, EU, CaseState.restricted,
                   {"type": "shared-weights", "case": "atlas-2-api", "entry": cause.index, "reason": "same weights"},
                   restricted_to=BoundaryKind.trusted_access, boundary=BoundaryKind.api, follow=False)
    _st, found = _monitor(db)
    assert [(v.code, v.case_id) for v in found] == [("LM106", EU)], found  # type: ignore[attr-defined]
    assert "is still restricted to trusted-access" in found[0].message  # type: ignore[attr-defined]
    assert "no shared-weights change (restricted to internal-deployment)" in found[0].message  # type: ignore[attr-defined]


def test_an_honest_registry_breaks_no_monitor_rule_with_shared_weights(both: tuple[Path, str]) -> None:
    tmp, db = both
    _cg(tmp, db, "state", "set", "atlas-2-api", "restricted", "--to", "trusted-access", "--role", "rso",
        "--reason", "bio-classifier flag rate breached")
    _cg(tmp, db, "state", "set", "atlas-2-api", "reopened", "--role", "rso", "--reason", "ransomware incident")
    st, found = _monitor(db)
    assert found == [], found
    assert st.cases[EU].state == "reopened"  # type: ignore[attr-defined]


def test_verify_takes_one_source_of_the_case_state(both: tuple[Path, str]) -> None:
    """Reason: given a state proof taken before atlas-2-api was reopened and `--db`, verify read
    the proof alone (ignoring the registry that shows the reopening, and comparing no weights)
    and passed: the pipeline looked checked against the registry. Two sources are refused."""
    tmp, db = both
    _trust(tmp).checkpoint(db)
    _cg(tmp, db, "state-proof", EU, "--out", "eu-proof.json")
    _cg(tmp, db, "state", "set", "atlas-2-api", "reopened", "--role", "rso", "--reason", "ransomware incident")
    err = _verify_eu(tmp, db, "--model-digest", DIGEST, "--state-proof", "eu-proof.json", "--db", db, code=2)
    assert "--state-proof and --db are sources of the same thing, the case's state: give one" in err, err


def test_the_log_monitor_flags_a_case_s_own_change_logged_as_a_follow_up(both: tuple[Path, str]) -> None:
    """Reason: a reopening of atlas-2-api logged with a `shared-weights` cause (naming a case that
    stands nothing) is not a standing change of its own, so atlas-2-api-eu (the same weights) owes
    nothing and kept deploying, and the monitor took the change as a follow-up. LM107 names it."""
    from casegate.monitor._states import CaseState, transition
    from casegate.store import open_registry

    tmp, db = both
    with open_registry(db) as reg:
        fake = transition(reg, "atlas-2-api", CaseState.reopened,
                          {"type": "shared-weights", "case": EU, "entry": 3, "reason": "same weights"}, follow=False)
    _st, found = _monitor(db)
    assert [(v.code, v.case_id, v.index) for v in found] == [("LM107", "atlas-2-api", fake.index)], found  # type: ignore[attr-defined]
    assert f"case {EU} has no reopening, restriction or withdrawal of its own standing" in found[0].message  # type: ignore[attr-defined]


@pytest.mark.parametrize("late", [False, True], ids=["within-window", "past-window"])
def test_a_follow_up_an_older_registry_logged_after_another_writers_entry_is_no_lm106(
        both: tuple[Path, str], late: bool) -> None:
    """Reason: a registry written before state changes and their follow-ups were one transaction
    logged the follow-up right after, in a transaction of its own, and another writer could
    append in between. The monitor judged at that entry and reported a follow-up the registry did
    log. Within `FOLLOW_UP_WINDOW` an entry in between is not taken for the end of the follow-ups;
    past it (or with no follow-up at all) LM106 stands."""
    import datetime as dt

    from casegate.monitor._logwatch import FOLLOW_UP_WINDOW
    from casegate.monitor._states import CaseState, transition
    from casegate.store import open_registry
    from tests.verify.trusted import log_clock

    tmp, db = both
    st, found = _monitor(db)
    assert found == []
    t0 = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    gap = FOLLOW_UP_WINDOW + dt.timedelta(seconds=5) if late else dt.timedelta(milliseconds=20)
    with open_registry(db) as reg:
        with log_clock(t0):
            cause = transition(reg, "atlas-2-api", CaseState.reopened,
                               {"type": "manual", "role": "rso", "reason": "ransomware incident"}, follow=False)
        with log_clock(t0 + gap):
            reg.record("note", None, {"what": "another writer's entry"})
        with log_clock(t0 + gap + dt.timedelta(milliseconds=20)):
            transition(reg, EU, CaseState.reopened, {"type": "shared-weights", "case": "atlas-2-api",
                                                     "entry": cause.index, "reason": "same weights"}, follow=False)
    _st, found = _monitor(db, st)
    if late:
        assert [(v.code, v.case_id, v.index) for v in found] == [("LM106", EU, cause.index)], found  # type: ignore[attr-defined]
    else:
        assert found == [], found  # used to be LM106 on atlas-2-api-eu at the other writer's entry


def test_state_show_at_a_past_time_holds_a_follow_up_owed_then(both: tuple[Path, str]) -> None:
    """`state show --at` answers from the log as it stood then (`LogAsOf`): a follow-up owed then
    is owed in that view as in the registry's own, and none before the reopening that made it."""
    import datetime as dt

    from casegate.monitor import owed_reasons
    from casegate.monitor._states import CaseState, transition
    from casegate.store import LogAsOf, open_registry
    from tests.verify.trusted import log_clock

    tmp, db = both
    t0 = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    with open_registry(db) as reg:
        with log_clock(t0):
            transition(reg, "atlas-2-api", CaseState.reopened,
                       {"type": "manual", "role": "rso", "reason": "ransomware incident"}, follow=False)
        live = owed_reasons(reg, EU)
        assert live and owed_reasons(LogAsOf(reg, t0 + dt.timedelta(seconds=1)), EU) == live  # type: ignore[arg-type]
        assert owed_reasons(LogAsOf(reg, t0 - dt.timedelta(seconds=1)), EU) == []  # type: ignore[arg-type]
    before = _cg(tmp, db, "state", "show", EU, "--at", (t0 - dt.timedelta(seconds=1)).isoformat(), code=None)
    now = _cg(tmp, db, "state", "show", EU, code=None)
    # (the tests' keyrings hold published keys: before, the demonstration's reason alone)
    assert "as the log stood at" in before.stdout and before.stdout.startswith(
        f"{EU}: NOT VERIFIED: {DEMONSTRATION}") and "everything else verified" in before.stdout, before.stdout
    assert now.stdout.startswith(f"{EU}: NOT VERIFIED"), now.stdout
    assert not now.stdout.startswith(f"{EU}: NOT VERIFIED: {DEMONSTRATION}"), now.stdout
    assert "everything else verified" not in now.stdout.split("  today:")[0], now.stdout
