"""The bundle-mutation corpus: a generated set of mutated decision bundles (bit flips in the
signed payloads, truncated and swapped fields, wrong types, duplicated and huge values, removed
keys) checked by the library's `check_bundle` and by the deploy check `verify_deploy` (a trust
root and a proof of the case's state from a real SQLite registry).

None may end in an untyped exception (what the command line reports as exit 70). A mutation may
verify only when it changed a part of the bundle that is not signed, the verdict is the honest
bundle's (same decision, same reasons, same signers), and that part is in `IGNORED`: each entry
names a test below showing that a hostile value of that part, one that would have changed the
decision had it been believed, is not what verify used."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from casegate.errors import CasegateError
from casegate.model import BoundaryKind
from casegate.sign import (
    add_key,
    answer,
    object_to_case,
    parse_instant,
    sign_authors,
    sign_case,
    waive_finding,
)
from casegate.trust import load_trust_root
from casegate.verify import Verdict, check_bundle, decide_case, read_bundle, verify_deploy
from tests._weights import submit_hashed
from tests.sign.helpers import MODEL, World, make_world
from tests.verify.trusted import STORY_LOGGED, Trust, log_clock, make_trust

AT = parse_instant("2026-11-25")
LATER = parse_instant("2026-12-01")
SIGNED = {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}
CASE = "atlas-2-api"
SEED = 16


@dataclass
class Signed:
    w: World
    bundle: dict[str, Any]
    trust: Trust
    proof_doc: dict[str, Any]
    asked: list[str]
    """The case ids the deploy check asked the proof source for."""

    def library(self, bundle: dict[str, Any], *, registry: Any = None) -> Verdict:
        return check_bundle(bundle, self.w.ring, model_digest=MODEL, boundary=BoundaryKind.api, at=LATER,
                            registry=registry)

    def deploy(self, bundle: dict[str, Any], *, ring: Any = None) -> Verdict:
        def source(case_id: str) -> tuple[Any, list[str]]:
            self.asked.append(case_id)
            return copy.deepcopy(self.proof_doc), []

        return verify_deploy(bundle, ring or self.w.ring, trust=load_trust_root(self.trust.dir), proof=source,
                             model_digest=MODEL, boundary=BoundaryKind.api, at=LATER, now=LATER)


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Signed:
    """The example case with an objection answered and accepted (so the bundle's objection and
    answer lists are not empty), signed, decided and recorded in a SQLite registry whose log a
    trust root pins."""
    from casegate.approve import approve
    from casegate.monitor import submit_for_review
    from casegate.store import open_registry

    tmp = tmp_path_factory.mktemp("mutations")
    w = make_world(tmp)
    object_to_case(w.load(), "external-evaluator", w.signers["priya"], w.ring, "Web exploitation under-sampled",
                   at=AT)
    answer(w.load(), "O-2", "safety-lead", w.signers["dana"], w.ring,
           text="Forty web exploitation tasks were added to the suite and rerun", at=AT)
    answer(w.load(), "O-2", "external-evaluator", w.signers["priya"], w.ring, kind="accept", at=AT)
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert bundle["objections"] and bundle["answers"] and bundle["authors"], "the corpus needs every list filled"
    db = f"sqlite:///{tmp / 'registry.db'}"
    with log_clock(STORY_LOGGED), open_registry(db) as reg:
        submit_hashed(reg, w.load())
        submit_for_review(reg, CASE, by="Sam Whitfield")
        approve(reg, record, bundle, w.ring, unpinned=True)
    trust = make_trust(tmp / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    doc = json.loads(trust.proof(db, CASE, tmp / "state.json").read_text())
    return Signed(w, bundle, trust, doc, [])


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, prefix + (i,))


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        doc = doc[p]
    return doc


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    _get(doc, path[:-1])[path[-1]] = value


HOSTILE_VALUES: list[Any] = [None, 0, -1, 2**70, 1.5, True, "", "x" * 200_000, [], {}, [None] * 5,
                             {"a": {"b": {"c": []}}}, "\u0000\u001b[2J", "sha256:" + "0" * 64]


def _corpus(bundle: dict[str, Any]) -> Iterator[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """(what was done, the path it was done at, the mutated bundle)."""
    rng = random.Random(SEED)
    paths = [p for p in _paths(bundle) if p]
    for p in paths:
        if len(p) > 4:
            continue  # inside an envelope's signature list: the flips below cover the signed bytes
        for v in rng.sample(HOSTILE_VALUES, 3):
            m = copy.deepcopy(bundle)
            _set(m, p, v)
            yield f"set {p} to {str(v)[:20]!r}", p, m
        parent = _get(bundle, p[:-1])
        if isinstance(parent, dict):
            m = copy.deepcopy(bundle)
            del _get(m, p[:-1])[p[-1]]
            yield f"remove {p}", p, m
    # bit flips and truncations of every signed payload (the bytes the signatures cover)
    for p in paths:
        if p[-1] == "payload" and isinstance(_get(bundle, p), str):
            raw = base64.b64decode(_get(bundle, p))
            for _ in range(6):
                b = bytearray(raw)
                i = rng.randrange(len(b))
                b[i] ^= 1 << rng.randrange(8)
                m = copy.deepcopy(bundle)
                _set(m, p, base64.b64encode(bytes(b)).decode())
                yield f"flip a bit of {p}", p, m
            for cut in (0, 1, len(raw) // 2, len(raw) - 1):
                m = copy.deepcopy(bundle)
                _set(m, p, base64.b64encode(raw[:cut]).decode())
                yield f"truncate {p} at {cut}", p, m
            m = copy.deepcopy(bundle)
            _set(m, p, _get(bundle, p)[:-3] + "!!!")
            yield f"break the base64 of {p}", p, m
    # swapped sibling fields
    for p in paths:
        parent = _get(bundle, p)
        if isinstance(parent, dict) and len(parent) >= 2:
            a, b = rng.sample(list(parent), 2)
            m = copy.deepcopy(bundle)
            t = _get(m, p)
            t[a], t[b] = t[b], t[a]
            yield f"swap {p}/{a} and {b}", p + (a,), m
        if isinstance(parent, list) and len(parent) >= 2:
            m = copy.deepcopy(bundle)
            _get(m, p).reverse()
            yield f"reverse {p}", p, m
        if isinstance(parent, list) and parent and len(p) == 1:
            m = copy.deepcopy(bundle)
            _get(m, p).append(copy.deepcopy(parent[0]))
            yield f"duplicate the first of {p}", p, m


def _summary(v: Verdict) -> tuple[Any, ...]:
    """What a verdict decides: verified or not, the outcome, for which case and boundary, every
    reason and every signer counted (notes are informational and left out)."""
    return (v.ok, v.outcome, v.case_id, v.boundary, sorted(v.reasons),
            sorted(json.dumps(s, sort_keys=True) for s in v.signers))


# --------------------------------------------------------------------------- unsigned parts


def test_the_bundles_unsigned_case_summary_is_not_used(signed: Signed) -> None:
    """The bundle's top-level `case` names another case that the registry says is approved; the
    signed decision is for a case the registry says is reopened. Verify reads the signed one."""
    m = copy.deepcopy(signed.bundle)
    m["case"] = {"id": "other-case", "version": 99, "digest": "sha256:" + "1" * 64}

    class Registry:  # what verify asks the registry (RegistryView)
        asked: list[str] = []

        def case_state(self, case_id: str) -> str:
            self.asked.append(case_id)
            return {"other-case": "approved", CASE: "reopened"}[case_id]

        def case_restriction(self, case_id: str) -> None:
            return None

    reg = Registry()
    v = signed.library(m, registry=reg)
    assert not v.ok and v.case_id == CASE and reg.asked == [CASE]
    assert any(f"the registry says case {CASE} is reopened" in r for r in v.reasons), v.reasons
    signed.asked.clear()
    d = signed.deploy(m)
    assert d.case_id == CASE and signed.asked == [CASE]
    assert _summary(d) == _summary(signed.deploy(signed.bundle))


def test_the_bundles_unsigned_policy_digest_is_not_used(signed: Signed, tmp_path: Path) -> None:
    """A decision signed under a lax policy of the decider's own (only an rso must sign), whose
    bundle names the pinned policy's digest in its unsigned `policy.sha256`: the deploy check looks
    the pin up by the digest the decision is signed under, so it is not verified."""
    w = signed.w
    forger = make_world(tmp_path / "forger", authors_list=False)
    pol = forger.dir / "policy.yaml"
    text = pol.read_text()
    start = text.index("signoff:\n")
    end = text.index("\n\n", start)
    pol.write_text(text[:start] + "signoff:\n  required:\n    api:\n      - {role: rso}\n" + text[end:])
    sign_case(forger.load(), "rso", w.signers["sam"], w.ring, at=AT)
    sign_authors(forger.load(), "safety-lead", w.signers["mira"], w.ring, at=AT)
    _, forged = decide_case(forger.load(), w.signers["sam"], "rso", w.ring, at=AT)
    pinned = signed.bundle["policy"]["sha256"]
    assert forged["policy"]["sha256"] != pinned
    forged["policy"]["sha256"] = pinned
    v = signed.deploy(forged)
    assert not v.ok
    assert any("the policy in the bundle" in r and "is not pinned by the trust root" in r for r in v.reasons), v.reasons


def test_the_bundles_policy_text_is_not_believed(signed: Signed) -> None:
    """The bundle's policy text replaced by a lax one (only an rso must sign), with its unsigned
    digest and path to match: verify refuses a policy other than the one the decision is signed
    under, in the library and at deploy."""
    m = copy.deepcopy(signed.bundle)
    text = m["policy"]["text"]
    start = text.index("signoff:\n")
    end = text.index("\n\n", start)
    lax = text[:start] + "signoff:\n  required:\n    api:\n      - {role: rso}\n" + text[end:]
    m["policy"] = {"path": "lax.yaml", "sha256": hashlib.sha256(lax.encode()).hexdigest(), "text": lax}
    for v in (signed.library(m), signed.deploy(m)):
        assert not v.ok
        assert ("the policy in the bundle is not the one the decision was signed under (sha256 differs)"
                in v.reasons), v.reasons


def test_the_bundles_keyring_claim_is_not_used(signed: Signed) -> None:
    """Verify checks signatures against the keyring the verifier passes and asks the trust root
    about that keyring's fingerprint; the bundle's `keyring` only names one. A keyring the root
    does not pin stays unpinned when the bundle claims the pinned fingerprint for it."""
    w = signed.w
    assert w.stranger is not None
    other = add_key(w.ring, w.stranger.public_key, person="Stan Ger", roles=["rso"], valid_from="2026-01-01",
                    valid_until="2028-12-31")
    m = copy.deepcopy(signed.bundle)
    m["keyring"] = {"name": w.ring.name, "fingerprint": w.ring.fingerprint()}
    v = signed.deploy(m, ring=other)
    assert not v.ok
    assert any(f"the keyring {other.fingerprint()} is not pinned by the trust root" in r for r in v.reasons), v.reasons
    # and claiming the other keyring's fingerprint does not make the library check against it
    m["keyring"] = {"name": "attacker", "fingerprint": other.fingerprint()}
    lib = signed.library(m)
    assert _summary(lib) == _summary(signed.library(signed.bundle))


def test_the_bundles_envelope_lists_count_only_what_the_decision_lists(signed: Signed) -> None:
    """The lists of envelopes are not signed: what counts is what the signed decision lists. An
    extra validly signed sign-off or waiver is not counted; a listed one removed is missing."""
    w = signed.w
    lee = sign_case(w.load(), "safety-lead", w.signers["lee"], w.ring, at=AT)
    extra = lee.envelope
    m = copy.deepcopy(signed.bundle)
    m["signoffs"].append(extra)
    v = signed.library(m)
    assert not v.ok
    assert any("is not one of the sign-offs the decision rests on" in r for r in v.reasons), v.reasons
    rec = waive_finding(w.load(), "CG702", "rso", w.signers["sam"], w.ring, "test", dt.date(2026, 12, 20), at=AT)
    m = copy.deepcopy(signed.bundle)
    m["waivers"] = [rec.envelope]
    v = signed.library(m)
    assert any("not one the decision rests on" in r for r in v.reasons), v.reasons
    for key, words in (("objections", "is missing from the bundle"), ("answers", "is missing from the bundle"),
                       ("authors", "missing from the bundle"), ("signoffs", "is missing from the bundle")):
        m = copy.deepcopy(signed.bundle)
        m[key] = []
        for v in (signed.library(m), signed.deploy(m)):
            assert not v.ok and any(words in r for r in v.reasons), (key, v.reasons)


def test_the_bundles_attestations_count_only_what_the_decision_lists(signed: Signed, tmp_path: Path) -> None:
    """The attestation envelopes are not signed as a list: each evidence item the decision counted
    independent names, signed, the attestations that made it so. Removed, they are missing; an
    envelope of another signer put in their place is not one the decision names."""
    from casegate.sign import attest_artifact, generate_key, load_signer

    assert signed.bundle["attestations"], "the example's attested evidence is carried"
    m = copy.deepcopy(signed.bundle)
    m["attestations"] = []
    for v in (signed.library(m), signed.deploy(m)):
        assert not v.ok
        assert any("was counted independent of the developer" in r and "is missing from the bundle" in r
                   for r in v.reasons), v.reasons
    generate_key(tmp_path / "other.key")
    other = load_signer(str(tmp_path / "other.key"))
    ring = add_key(signed.w.ring, other.public_key, person="Quinn Vale", roles=["evaluator"],
                   valid_from="2026-01-01", valid_until="2028-12-31")
    env, _, _ = attest_artifact(signed.w.dir / "reports" / "egress-test.md", other, ring, "evaluator",
                                activity="ran", says="audited", evidence_id="E-egress-test", at=AT)
    m = copy.deepcopy(signed.bundle)
    m["attestations"] = [env]
    v = signed.library(m)
    assert not v.ok and any("is missing from the bundle" in r for r in v.reasons), v.reasons


IGNORED = {
    "case": test_the_bundles_unsigned_case_summary_is_not_used,
    "policy": test_the_bundles_unsigned_policy_digest_is_not_used,
    "keyring": test_the_bundles_keyring_claim_is_not_used,
    "signoffs": test_the_bundles_envelope_lists_count_only_what_the_decision_lists,
    "objections": test_the_bundles_envelope_lists_count_only_what_the_decision_lists,
    "answers": test_the_bundles_envelope_lists_count_only_what_the_decision_lists,
    "authors": test_the_bundles_envelope_lists_count_only_what_the_decision_lists,
    "waivers": test_the_bundles_envelope_lists_count_only_what_the_decision_lists,
    "attestations": test_the_bundles_attestations_count_only_what_the_decision_lists,
}
"""The bundle's unsigned parts a mutation may change and still verify, each with the test proving
a hostile value of it is not believed. `casegate` (the format version) and `kind` are not here:
a bundle that does not carry this format's markers is refused."""


def test_format_markers_are_refused_not_ignored(signed: Signed, tmp_path: Path) -> None:
    for key, value in (("casegate", True), ("casegate", 1.0), ("casegate", 2), ("kind", "decision"), ("kind", None)):
        m = copy.deepcopy(signed.bundle)
        m[key] = value
        for check in (signed.library, signed.deploy):
            with pytest.raises(CasegateError):
                check(m)
        (tmp_path / "b.json").write_text(json.dumps(m))
        with pytest.raises(CasegateError):
            read_bundle(tmp_path / "b.json")


def test_no_mutated_bundle_crashes_or_verifies_on_a_part_it_may_not(signed: Signed) -> None:
    bundle = signed.bundle
    base = {"library": _summary(signed.library(bundle)), "deploy": _summary(signed.deploy(bundle))}
    assert base["library"][0] and base["deploy"][0], base
    crashes: list[str] = []
    unproven: list[str] = []
    verified: dict[str, list[str]] = {}
    n = 0
    for name, path, mutated in _corpus(bundle):
        if json.dumps(mutated, sort_keys=True) == json.dumps(bundle, sort_keys=True):
            continue  # the mutation changed nothing (e.g. a value set to what it was)
        n += 1
        for check in ("library", "deploy"):
            try:
                v = signed.library(mutated) if check == "library" else signed.deploy(mutated)
            except CasegateError:
                continue
            except Exception as e:  # what the command line would report as an internal error (exit 70)
                crashes.append(f"{check}: {name}: {type(e).__name__}: {str(e)[:120]}")
                continue
            if not v.ok:
                continue
            verified.setdefault(check, []).append(name)
            if path[0] not in IGNORED:
                unproven.append(f"{check}: {name}: verifies, and {path[0]!r} is not a part proven ignored")
            elif _summary(v) != base[check]:
                unproven.append(f"{check}: {name}: verifies with another verdict than the honest bundle's: "
                                f"{_summary(v)}")
    assert n > 300
    assert not crashes, f"{len(crashes)} of {n} mutated bundles crash the verifier:\n" + "\n".join(crashes[:40])
    assert not unproven, "\n".join(unproven)
    for check, names in verified.items():
        print(f"{check}: {len(names)} of {n} mutated bundles verify (each changes an ignored, unsigned part):",
              *names, sep="\n  ")
