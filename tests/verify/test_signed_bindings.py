"""What a decision signs so that `verify` need not take the bundle's word for it (SQLite and
PostgreSQL): the keyring it was made with, the evidence it counted independent with the
attestations that made it so (each checked again against the keyring the deployer trusts), and
the case's re-evaluation date. A decision that does not sign them (made by an older casegate)
does not verify."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from casegate.model import BoundaryKind
from casegate.sign import (
    add_key,
    attest_evidence,
    decode_payload,
    generate_key,
    load_signer,
    parse_instant,
    sign_case,
    sign_statement,
)
from casegate.store import open_registry
from casegate.trust import load_trust_root
from casegate.verify import check_bundle, decide_case, verify_deploy
from tests.sign.helpers import MODEL, World
from tests.verify.trusted import SIGNED, Trust, approved_world, make_trust

HALDEN = ("E-weights-audit", "E-insider", "E-egress-test")


class Setup:
    def __init__(self, w: World, db: str, trust: Trust, bundle: dict[str, Any]):
        self.w, self.db, self.trust, self.bundle = w, db, trust, bundle

    def deploy(self, bundle: dict[str, Any], *, at: dt.datetime | None = None) -> Any:
        with open_registry(self.db, readonly=True) as reg:
            return verify_deploy(bundle, self.w.ring, trust=load_trust_root(self.trust.dir), proof=reg.state_proof,
                                 model_digest=MODEL, boundary=BoundaryKind.api, at=at or dt.datetime.now(dt.UTC))

    def library(self, bundle: dict[str, Any], *, at: dt.datetime | None = None) -> Any:
        return check_bundle(bundle, self.w.ring, model_digest=MODEL, boundary=BoundaryKind.api,
                            at=at or dt.datetime.now(dt.UTC))


@pytest.fixture
def setup(tmp_path: Path, database_url: str) -> Setup:
    with open_registry(database_url) as reg:
        w, bundle, _ = approved_world(tmp_path / "w", reg)
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    trust.checkpoint(database_url)
    return Setup(w, database_url, trust, bundle)


def _resigned(bundle: dict[str, Any], signer: Any, change: Any) -> dict[str, Any]:
    """The bundle with its decision statement changed by `change(predicate)` and signed again by
    `signer` (the decider: a lab holds its own decider's key)."""
    st = decode_payload(bundle["decision"])
    assert isinstance(st, dict)
    change(st["predicate"])
    out = copy.deepcopy(bundle)
    out["decision"] = sign_statement(st, signer)
    return out


def _edit(p: Path, old: str, new: str) -> None:
    text = p.read_text()
    assert old in text, old
    p.write_text(text.replace(old, new))


def test_the_honest_decision_signs_its_keyring_attestations_and_reevaluation_date(setup: Setup) -> None:
    pred = decode_payload(setup.bundle["decision"])["predicate"]  # type: ignore[index]
    assert pred["keyring"]["fingerprint"] == setup.w.ring.fingerprint()
    assert pred["reevaluate_by"] == "2027-04-01"
    assert {x["id"] for x in pred["independent"]} >= {"E-redteam-classifier", *HALDEN}
    assert len(setup.bundle["attestations"]) == len({s for x in pred["independent"] for s in x["attestations"]})
    v = setup.deploy(setup.bundle)
    assert v.ok, v.reasons


def test_a_sock_puppet_evaluator_in_the_labs_own_keyring_is_not_verified(setup: Setup, tmp_path: Path) -> None:
    """Reason: `decide` accepted any keyring and the bundle's keyring fingerprint was not signed.
    The lab's own security team did the weight audit and the insider and egress tests; it adds a
    "Vale Assurance" evaluator whose key it holds to a copy of the keyring, attests its own work
    with it, decides, and rewrites the bundle's unsigned keyring fingerprint to the pinned one."""
    w = setup.w
    generate_key(tmp_path / "puppet.key")
    puppet = load_signer(str(tmp_path / "puppet.key"))
    evil = add_key(w.ring, puppet.public_key, person="Quinn Vale", organisation="Vale Assurance", roles=["evaluator"],
                   valid_from="2026-01-01", valid_until="2028-12-31")
    for p in (w.dir / "reports" / "evidence-attestations").glob("*lena-kovac*"):
        p.unlink()
    _edit(w.dir / "evidence.yaml", "producer: halden-assurance", "producer: vale-assurance")
    _edit(w.case, "verified_by: halden-assurance", "verified_by: vale-assurance")
    for eid in HALDEN:
        attest_evidence(w.load(), eid, puppet, evil, "evaluator", activity="ran", says="audited",
                        at=parse_instant("2026-11-20"))
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], evil)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", evil)
    assert record.outcome in ("GO", "GO WITH CONDITIONS")
    bundle["keyring"] = {"name": w.ring.name, "fingerprint": w.ring.fingerprint()}  # not signed: rewritten
    v = setup.deploy(bundle)
    assert not v.ok
    assert any(r.startswith(f"the decision is signed as made with keyring {evil.fingerprint()}, not the keyring "
                            f"{w.ring.fingerprint()} the trust root pins") for r in v.reasons), v.reasons
    for eid in HALDEN:
        assert any(r.startswith(f"evidence {eid} was counted independent of the developer, but no attestation of "
                                "it holds against this keyring") and "which is not in the keyring" in r
                   for r in v.reasons), v.reasons
    # the same without the trust root: the attestations do not hold against the keyring checked with
    lib = setup.library(bundle)
    assert any(r.startswith("evidence E-weights-audit was counted independent") for r in lib.reasons), lib.reasons


def test_a_decision_signed_with_another_keyring_fingerprint_is_not_verified(setup: Setup) -> None:
    def other(pred: dict[str, Any]) -> None:
        pred["keyring"] = {"name": "lab copy", "fingerprint": "sha256:" + "0" * 64}

    v = setup.deploy(_resigned(setup.bundle, setup.w.signers["sam"], other))
    assert any(r.startswith("the decision is signed as made with keyring sha256:0000") for r in v.reasons), v.reasons


def test_an_attestation_of_the_developers_own_staff_is_refused_at_verify(setup: Setup) -> None:
    """The developer's organisations are the ones the verifier's keyring records for the case's
    signed authors: when it puts an author (Mira Chen) in Halden Assurance, Lena Kovac's
    attestations are the developer's own."""
    w = setup.w
    idents = [i.model_copy(update={"organisation": "Halden Assurance"}) if i.name == "Mira Chen" else i
              for i in w.ring.identities]
    ring = w.ring.model_copy(update={"identities": idents})
    v = check_bundle(setup.bundle, ring, model_digest=MODEL, boundary=BoundaryKind.api, at=dt.datetime.now(dt.UTC))
    assert any(r.startswith("evidence E-insider was counted independent") and "the developer's own organisation" in r
               for r in v.reasons), v.reasons


def test_a_decision_that_does_not_sign_the_bindings_does_not_verify(setup: Setup) -> None:
    """Reason: made by an older casegate, nothing in it says which keyring it was made with, which
    attestations it counted or until when it holds; it fails closed and says to decide again."""
    def older(pred: dict[str, Any]) -> None:
        for k in ("keyring", "independent", "reevaluate_by"):
            del pred[k]

    old = _resigned(setup.bundle, setup.w.signers["sam"], older)
    for v in (setup.library(old), setup.deploy(old)):
        assert not v.ok
        assert any(r.startswith("decision: it does not sign the keyring it was made with; nor the evidence it "
                                "counted independent") and "decide again with `casegate decide`" in r
                   for r in v.reasons), v.reasons


def test_a_go_past_its_reevaluation_date_does_not_verify(setup: Setup) -> None:
    """Reason: a plain GO has no conditions, so nothing checked the case's `reevaluate_by` after the
    decision; after it (when CG705 would block a new gate run) the old GO kept verifying."""
    on_the_day = setup.library(setup.bundle, at=parse_instant("2027-04-01", end_of_day=True))
    assert not any("re-evaluated" in r for r in on_the_day.reasons), on_the_day.reasons
    for v in (setup.library(setup.bundle, at=parse_instant("2027-04-02")),
              setup.deploy(setup.bundle, at=parse_instant("2027-04-02"))):
        assert not v.ok
        assert any(r.startswith("the decision expired on 2027-04-01: the case was to be re-evaluated by then")
                   for r in v.reasons), v.reasons


def test_a_decision_without_a_reevaluation_date_holds_for_the_policys_longest_interval(setup: Setup) -> None:
    def none(pred: dict[str, Any]) -> None:
        pred["reevaluate_by"] = None
        pred["signed_at"] = "2026-11-01T00:00:00Z"

    b = _resigned(setup.bundle, setup.w.signers["sam"], none)
    policy_days = 365
    text = b["policy"]["text"]
    if "max_reevaluation_days" in text:
        policy_days = int(text.split("max_reevaluation_days:")[1].split()[0])
    due = dt.date(2026, 11, 1) + dt.timedelta(days=policy_days)
    later = dt.datetime.combine(due + dt.timedelta(days=1), dt.time(), dt.UTC)
    v = check_bundle(b, setup.w.ring, model_digest=MODEL, boundary=BoundaryKind.api, at=later)
    assert any(r.startswith(f"the decision expired on {due.isoformat()}: the case set no re-evaluation date")
               for r in v.reasons), v.reasons


def test_the_unsigned_keyring_and_attestation_fields_are_not_read(setup: Setup) -> None:
    b = copy.deepcopy(setup.bundle)
    b["keyring"] = {"name": "anything", "fingerprint": "sha256:" + "1" * 64}
    assert setup.deploy(b).ok
    assert json.dumps(setup.bundle["keyring"])  # still written, for people reading the bundle


def test_an_independent_item_counted_as_other_than_attested_is_not_verified(setup: Setup) -> None:
    """Reason: verify checked that an attestation named the item's id and artifact, not that it
    attested the kind, safeguards tested, result and date the decision counted. The lab's decider
    re-signs the decision saying an outside red team tested a further safeguard, with a later
    date and another result; each differs from what the evaluator signed, and the decision fails."""
    base = decode_payload(setup.bundle["decision"])["predicate"]  # type: ignore[index]
    item = next(x for x in base["independent"] if x["id"] == "E-redteam-classifier")
    assert {"kind", "tests", "result", "date"} <= set(item)
    changes = {
        "tests": (lambda x: x["tests"].append("S-unattested"), "as a test of"),
        "kind": (lambda x: x.update(kind="audit" if x["kind"] != "audit" else "red-team"), "but the decision counted "
                 "it as a"),
        "date": (lambda x: x.update(date="2026-11-30"), "but the decision counted it as dated 2026-11-30"),
        "result": (lambda x: x.update(result={"passed": True}), "with another result than the decision counted"),
        "older": (lambda x: [x.pop(k) for k in ("kind", "tests", "result", "date")], "decide again"),
    }
    for name, (change, says) in changes.items():
        def edit(pred: dict[str, Any], change: Any = change) -> None:
            change(next(x for x in pred["independent"] if x["id"] == "E-redteam-classifier"))

        v = setup.library(_resigned(setup.bundle, setup.w.signers["sam"], edit))
        assert not v.ok, name
        assert any(r.startswith("evidence E-redteam-classifier was counted independent") and says in r
                   for r in v.reasons), (name, v.reasons)


def test_an_independent_item_attested_for_other_weights_is_not_verified(setup: Setup) -> None:
    """The outside red team signed the weights it ran against; a decision re-signed for other
    weights (another system digest) does not carry it as independent evidence."""
    def other_weights(pred: dict[str, Any]) -> None:
        pred["system"]["digests"] = ["sha256:" + "3" * 64]

    v = setup.library(_resigned(setup.bundle, setup.w.signers["sam"], other_weights))
    assert not v.ok
    assert any(r.startswith("evidence E-redteam-classifier was counted independent")
               and "for the weights with digest sha256:" in r and "none of which the decision is for" in r
               for r in v.reasons), v.reasons


def _classifier(pred: dict[str, Any]) -> dict[str, Any]:
    return next(x for x in pred["independent"] if x["id"] == "E-redteam-classifier")


def test_an_independent_item_whose_safeguard_the_case_redefined_is_not_verified(setup: Setup) -> None:
    """Reason: the attestation signs what each safeguard it tests was (layer, title, steps blocked,
    security), the gate refuses it once the case defines one otherwise, but the bundle did not say
    what the case defines, so verify could not check it. The lab retitles `SG-classifier` (or
    moves it, stretches it over more steps, makes it a security control) and its decider signs a
    decision for that case still counting Northbridge's red team of the classifiers independent."""
    base = _classifier(decode_payload(setup.bundle["decision"])["predicate"])  # type: ignore[index]
    title = "Input and output classifiers for exploit and protocol content"
    assert base["safeguards"]["SG-classifier"]["title"] == title
    assert setup.library(setup.bundle).ok

    def defined(change: Any) -> Any:
        def edit(pred: dict[str, Any]) -> None:
            change(_classifier(pred)["safeguards"]["SG-classifier"])
        return edit

    changes = {
        "title": (lambda d: d.update(title="Keyword blocklist"),
                  f'its title was "{title}", now "Keyword blocklist"'),
        "layer": (lambda d: d.update(layer="monitoring" if d["layer"] != "monitoring" else "training"),
                  "its layer was"),
        "blocks": (lambda d: d.update(blocks=sorted([*d["blocks"], "exfiltrate-weights"])),
                   "it now also blocks `exfiltrate-weights`"),
        "security": (lambda d: d.update(security=not d["security"]), "security control"),
    }
    for name, (change, says) in changes.items():
        b = _resigned(setup.bundle, setup.w.signers["sam"], defined(change))
        for v in (setup.library(b), setup.deploy(b)):
            assert not v.ok, name
            assert any(r.startswith("evidence E-redteam-classifier was counted independent of the developer, but no "
                                    "attestation of it holds against this keyring")
                       and "as a test of `SG-classifier` as the case defined it then, but the case the decision is "
                       "for defines `SG-classifier` otherwise" in r and says in r
                       and "sign `E-redteam-classifier` again" in r for r in v.reasons), (name, v.reasons)
    # the same title written another way (case, spacing, punctuation) is the same safeguard
    same = _resigned(setup.bundle, setup.w.signers["sam"],
                     defined(lambda d: d.update(title=title.upper().replace(" for ", ",  for ") + ".")))
    assert setup.library(same).ok, setup.library(same).reasons


def test_a_decision_that_does_not_say_what_the_tested_safeguards_are_is_not_verified(setup: Setup) -> None:
    """Reason: a decision made before it signed the tested safeguards' definitions passed on the
    kind, tests, result and date alone. It is not verified for each item that tests a safeguard,
    and the reason says to decide again; an item that tests none needs no definitions."""
    def older(pred: dict[str, Any]) -> None:
        for x in pred["independent"]:
            del x["safeguards"]

    pred = decode_payload(setup.bundle["decision"])["predicate"]  # type: ignore[index]
    testing = {x["id"] for x in pred["independent"] if x["tests"]}
    assert "E-redteam-classifier" in testing
    for v in (setup.library(_resigned(setup.bundle, setup.w.signers["sam"], older)),
              setup.deploy(_resigned(setup.bundle, setup.w.signers["sam"], older))):
        assert not v.ok
        for eid in testing:
            assert any(r.startswith(f"evidence {eid} was counted independent") and "the decision does not say what "
                       "the case defines" in r and "decide again with `casegate decide`" in r
                       for r in v.reasons), (eid, v.reasons)
        assert not any(r.startswith(f"evidence {x['id']} was counted independent") for x in pred["independent"]
                       if not x["tests"] for r in v.reasons), v.reasons


def test_an_attestation_that_does_not_sign_the_tested_safeguards_is_not_verified(setup: Setup) -> None:
    """An attestation that records no definitions (signed before casegate bound them), carried by a
    decision that counts it, holds for whatever the case defines under the ids: not verified."""
    from casegate.sign import attest_artifact, envelope_sha256, load_keyring
    from tests._evaluators import EXAMPLE_KEYRING

    w = setup.w
    art = w.dir / "reports" / "redteam-classifier.md"
    old = next(e for e in setup.bundle["attestations"]
               if decode_payload(e)["predicate"]["evidence"] == "E-redteam-classifier")  # type: ignore[index]
    p = decode_payload(old)["predicate"]  # type: ignore[index]
    key = w.dir.parent / "evaluator.key"
    key.write_bytes((EXAMPLE_KEYRING.parent / f"{p['identity']}.key").read_bytes())
    key.chmod(0o600)
    env, _, _ = attest_artifact(art, load_signer(str(key)), load_keyring(w.ring_path), p["role"], activity=p["activity"],
                                says=p["statement"], evidence_id="E-redteam-classifier", kind=p["kind"],
                                tests=p["tests"], declared={"result": p["result"], "date": p["date"]},
                                system_digests=p.get("system_digests"), at=parse_instant(p["signed_at"]))
    assert "safeguards" not in decode_payload(env)["predicate"]  # type: ignore[index]

    def unbound(pred: dict[str, Any]) -> None:
        _classifier(pred)["attestations"] = [envelope_sha256(env)]

    b = _resigned(setup.bundle, w.signers["sam"], unbound)
    b["attestations"] = [*b["attestations"], env]
    v = setup.library(b)
    assert not v.ok
    assert any(r.startswith("evidence E-redteam-classifier was counted independent")
               and "without recording what `SG-classifier` was when it was signed" in r
               and "casegate evidence attest E-redteam-classifier" in r for r in v.reasons), v.reasons


def test_an_independent_item_attested_for_fewer_weights_than_the_decision_is_not_verified(setup: Setup) -> None:
    """A decision re-signed for the measured weights and a second model beside them: the outside
    red team measured one of the two, so the decision does not carry it as independent evidence
    for both."""
    other = "sha256:" + "3" * 64

    def also_other_weights(pred: dict[str, Any]) -> None:
        pred["system"]["digests"] = [*pred["system"]["digests"], other]

    v = setup.library(_resigned(setup.bundle, setup.w.signers["sam"], also_other_weights))
    assert not v.ok
    assert any(r.startswith("evidence E-redteam-classifier was counted independent")
               and f"but the decision is also for {other[:19]}..., which it never measured" in r
               for r in v.reasons), v.reasons
