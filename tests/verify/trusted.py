"""A trust root and a signed log for tests: one root key (1 of 1), a log key, and helpers that
sign a checkpoint and make a state proof, through the library (the CLI is tested on its own)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.sign.helpers import World, make_world

ORIGIN = "test.casegate.example/log"
CASE = "atlas-2-api"
SIGNED = {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}
"""Who signs the example off, in which role, before Sam (rso) decides."""
STORY_LOGGED = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
"""When the tests' stories record their decisions in the log (before the `--at 2026-12-01` they
verify at: a signature's time is when the log recorded it, and one logged after `--at` never
counts)."""
STORY_EPOCH = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
"""No test story logs anything before this. A test trust root accepts a checkpoint as fresh for 24
hours past the story's last entry, counted from here on the real clock (`make_trust`)."""


@contextlib.contextmanager
def log_clock(when: dt.datetime = STORY_LOGGED) -> Iterator[None]:
    """Entries the registry appends inside the block are recorded at `when` (the log's own clock
    is the real time; a test story sets it to the story's dates)."""
    import casegate.store._clock as log  # the log's clock (its appends and `log_time` read it)

    real = log._now
    log._now = lambda: when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")  # type: ignore[assignment]
    try:
        yield
    finally:
        log._now = real  # type: ignore[assignment]


@dataclass
class Trust:
    dir: Path
    """The root chain directory (pass it as --trust-root)."""
    log_key: Path
    """The log's private checkpoint key (PEM)."""
    root_key: Path
    """The single root key (1 of 1)."""

    def checkpoint(self, db: str, *, at: dt.datetime | None = None) -> str:
        """Sign a checkpoint of the whole log, at `at` (default: a second after the newest entry,
        or now if that is later than now, so a story logged on its own dates is proven as of then:
        `verify` judges no earlier than the checkpoint that proves the state)."""
        from casegate.store import open_registry

        with open_registry(db) as reg:
            if at is None:
                last = reg.events()
                after = (dt.datetime.fromisoformat(max(e.recorded_at for e in last).replace("Z", "+00:00"))
                         + dt.timedelta(seconds=1)) if last else None
                at = min(after, dt.datetime.now(dt.UTC)) if after is not None else None
            return reg.checkpoint(self.log_key, ORIGIN, at=at)

    def proof(self, db: str, case_id: str, dest: Path, *, at: dt.datetime | None = None) -> Path:
        """Sign a checkpoint and write the case's state proof (asserting the registry vouches)."""
        from casegate.store import open_registry

        self.checkpoint(db, at=at)
        with open_registry(db, readonly=True) as reg:
            doc, problems = reg.state_proof(case_id)
        assert not problems, problems
        dest.write_text(json.dumps(doc))
        return dest


def make_trust(where: Path, *, policy: Path, keyring: Path, max_age: dt.timedelta | None = None,
               extra_keyrings: list[str] | None = None, witnesses: list[tuple[str, Path]] | None = None,
               witness_threshold: int = 0) -> Trust:
    """Version 1 of a trust root pinning `policy` and `keyring`, and a new log key (and, when
    given, witnesses by (name, public key file) with the cosignatures it requires). `max_age`
    (default: 24 hours past `STORY_EPOCH` on the real clock, so a checkpoint signed on a story's
    dates stays fresh) is how old a checkpoint it accepts."""
    from casegate.cli._trust import _policy_pin, _raw_hex
    from casegate.sign import generate_key, load_keyring, load_signer
    from casegate.store import generate_key as log_keygen
    from casegate.trust import (
        LogPin,
        PinnedKeyring,
        Pins,
        WitnessPin,
        new_root,
        sign_root,
        write_root,
    )

    if max_age is None:
        max_age = dt.datetime.now(dt.UTC) - STORY_EPOCH + dt.timedelta(hours=24)
    where.mkdir(parents=True, exist_ok=True)
    root_key = where / "root.key"
    generate_key(root_key)
    log_key = where / "log.pem"
    log_keygen(log_key)
    signer = load_signer(str(root_key))
    pins = Pins(policies=[_policy_pin(str(policy))],
                keyrings=[PinnedKeyring(digest=load_keyring(keyring).fingerprint())],
                log=LogPin(origin=ORIGIN, key=_raw_hex(Path(str(log_key) + ".pub")),
                           witnesses=[WitnessPin(name=n, key=_raw_hex(k)) for n, k in witnesses or []],
                           witness_threshold=witness_threshold),
                max_checkpoint_age_seconds=int(max_age.total_seconds()))
    md = new_root([signer.public_key], 1, pins, dt.datetime.now(dt.UTC) + dt.timedelta(days=30))
    sign_root(md, [signer])
    write_root(md, where / "trust" / "1.root.json")
    return Trust(where / "trust", log_key, root_key)


def approved_world(where: Path, reg: Any) -> tuple[World, dict[str, Any], Any]:
    """A signed world (`make_world`) whose case Dana, Sam and Priya signed off and Sam decided:
    submitted to `reg`, sent for review and approved by the signed decision (the registry judging it
    again). Returns the world,
    the decision's bundle and what `decide` recorded."""
    from casegate.approve import approve
    from casegate.monitor import submit_for_review
    from casegate.sign import sign_case
    from casegate.verify import decide_case
    from tests._weights import submit_hashed

    w = make_world(where)
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring)
    submit_hashed(reg, w.load())
    submit_for_review(reg, CASE, by="Sam Whitfield")
    applied = approve(reg, record, bundle, w.ring, unpinned=True)
    return w, bundle, applied


def _in_process(cwd: Path, args: tuple[str, ...], out: Any, err: Any, when: dt.datetime | None = None) -> int:
    """Run `casegate ARGS` in this process from `cwd`, its stdout to `out` and stderr to `err`, with
    the command's clock (`now_utc`) at `when` if given; returns the exit code."""
    import os
    import sys
    from contextlib import redirect_stderr, redirect_stdout

    import casegate.sign as sign
    from casegate.cli import main

    saved = (os.getcwd(), sys.argv, sign.now_utc)
    os.chdir(cwd)
    sys.argv = ["casegate", *args]
    if when is not None:
        sign.now_utc = lambda: when.replace(microsecond=0)  # type: ignore[assignment]
    rc = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as e:
        rc = int(e.code or 0)
    finally:
        os.chdir(saved[0])
        sys.argv = saved[1]
        sign.now_utc = saved[2]  # type: ignore[assignment]
    return rc


def cli_in_process(cwd: Path, *args: str) -> tuple[int, str]:
    """`casegate ARGS` run in this process from `cwd`: its exit code and its stdout and stderr together."""
    import io

    buf = io.StringIO()
    return _in_process(cwd, args, buf, buf), buf.getvalue()


def cli_split(cwd: Path, *args: str) -> tuple[int, str, str]:
    """`casegate ARGS` run in this process from `cwd`: its exit code, stdout and stderr (where
    notes go) apart."""
    import io

    out, err = io.StringIO(), io.StringIO()
    return _in_process(cwd, args, out, err), out.getvalue(), err.getvalue()


STORY_VERIFIED = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
"""When the tests' stories verify their deploys: twelve hours after the approval, before the
case's monitors (which have no readings in these stories) are silent past their 24 hours."""


def cli_at(when: dt.datetime, cwd: Path, *args: str) -> Any:
    """`casegate ARGS` run in this process from `cwd` with the command's clock (`now_utc`) at
    `when`, the story's time: `verify` judges a deploy as of now as well as of any earlier `--at`,
    so a story told on its own dates is verified with the clock at them. Returns a
    `subprocess.CompletedProcess` (exit code, stdout, stderr)."""
    import io
    import subprocess

    stdout, stderr = io.StringIO(), io.StringIO()
    rc = _in_process(cwd, args, stdout, stderr, when)
    return subprocess.CompletedProcess(["casegate", *args], rc, stdout.getvalue(), stderr.getvalue())


def summary_of(record: Any) -> dict[str, Any]:
    """A public summary of `record` (a decision record, or its JSON) as far as the registry holds
    a recorded summary to its judgement: the outcome, each condition by id, rule and due date in the
    gate's words, and what the requested boundary lacks (a case approved here has no blocking
    finding), the decision's date, and each finding in the gate's words (at no place in the source:
    a summary that shows none claims none). The rest of what `casegate publish` writes does not
    matter to these tests, and a judgement made from the record alone backs none of it (the case's
    head included)."""
    rec = json.loads(record.model_dump_json()) if hasattr(record, "model_dump_json") else record
    findings = [{"code": f["code"], "name": f["name"], "severity": f["severity"], "message": f["message"],
                 "element": "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in f["path"])
                 if f.get("path") else None, "waived": f.get("waived") is not None}
                for f in rec.get("findings") or []]
    return {"decision": {
        "outcome": rec["outcome"], "decided_at": rec["decided_at"], "findings": findings,
        "narrower": rec.get("narrower"), "lacks": list(rec.get("lacks") or []),
        "conditions": [{"id": c["id"], "cause": c["cause"], "due": c.get("due"), "text": c["text"],
                        "finding": c.get("finding") or None, "fix": c.get("fix") or None} for c in rec["conditions"]]}}


DEMONSTRATION = "signed with casegate's published example keys: a demonstration, not a release"
"""Why an answer resting on casegate's published example keys is never verified nor deployable.
The tests' keyrings hold the examples' evaluators (their published keys: `tests._evaluators`),
so every deploy answer the tests get is a demonstration at best."""
DEMO_EXIT = 5
"""`verify`'s exit code when the published example keys are all that stands against the deploy
(everything else verified)."""


def demo_deployable(state: Any) -> bool:
    """Whether `deploy_state`'s answer (a `DeployState`, or its JSON) is the one a deployable case
    gets on the tests' keyrings: not verified for the published example keys alone, everything
    else verified (`demonstration` says what: "GO for api")."""
    s = state if isinstance(state, dict) else state.to_json()
    return (s["status"] == "not-verified" and not s["deployable"] and bool(s.get("demonstration"))
            and len(s["reasons"]) == 1 and s["reasons"][0].startswith(DEMONSTRATION))


def publish_summary(reg: Any, record: Any, version: int) -> Any:
    """Log the public summary of `record` (a decision record, or its JSON) of stored `version` as
    `casegate publish` does (`casegate.approve.record_published`): the registry's judgement of
    that record logged first where it differs from the latest (as publication's fresh decision
    does), the summary (`summary_of`) held to it."""
    from casegate.approve import record_published
    from casegate.model import DecisionRecord
    from casegate.sign import iso
    from casegate.store import log_time

    rec = record if isinstance(record, DecisionRecord) else DecisionRecord.model_validate(
        json.loads(record.model_dump_json()) if hasattr(record, "model_dump_json") else record)
    return record_published(reg, rec, summary_of(rec), version=version,
                            judged={"keyring": "sha256:" + "0" * 64, "trust_root": None, "at": iso(log_time())})


MONITORED = ("cyber-classifier-flag-rate", "bio-classifier-flag-rate")
"""The example case's monitored signals (M-cyber-flags, M-bio-flags: silent after 24 h with no reading)."""


def keep_heard(db: str, case_id: str, since: dt.datetime, until: dt.datetime, *,
               every: dt.timedelta = dt.timedelta(hours=12)) -> dt.datetime:
    """Readings of the example's monitored signals, below their thresholds, taken and logged (as
    `monitor ingest` records them) every `every` after `since` up to `until`, so a state proof
    made after them shows the monitors heard; returns the last reading's time (`since` if none)."""
    from casegate.monitor import Sample, ingest_samples
    from casegate.store import open_registry

    last = since
    with open_registry(db) as reg:
        while last + every <= until:
            last += every
            with log_clock(last):
                ingest_samples(reg, [Sample(last, s, 0.0, case_id) for s in MONITORED], source="test",
                               sha256=f"{int(last.timestamp()):064x}")
    return last


def story_clock_at(when: dt.datetime) -> str:
    """TESTS_STORY_CLOCK for a subprocess whose clock shows `when` now: the real time paired with
    it is read from the suite's own setting (this process's `time.time()` is the story's)."""
    import os
    import time

    story, real = os.environ["TESTS_STORY_CLOCK"].rsplit("@", 1)
    started = dt.datetime.fromisoformat(story.replace("Z", "+00:00")).timestamp()
    return f"{when.strftime('%Y-%m-%dT%H:%M:%SZ')}@{float(real) + time.time() - started}"
