"""A deploy is held to the boundary its decision was signed for beyond the kind (SQLite and
PostgreSQL): the decision signs the boundary's tools, sensitive domains and access, and `verify`
refuses a deployment that gives a tool or sensitive domain the boundary does not list, or wider
access, or that does not say who can reach the model where the boundary limits it. The attacker is the deployer who switches on code execution behind a decision made for
an API with web search only. A decision made before they were signed verifies only a deployment
that declares nothing; the registry approves no decision that signs more than its case."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from casegate.approve import approve
from casegate.errors import InputError
from casegate.model import BoundaryKind, DecisionRecord
from casegate.monitor import submit_for_review
from casegate.sign import decode_payload, parse_instant, sign_authors, sign_case, sign_statement
from casegate.store import open_registry
from casegate.trust import load_trust_root
from casegate.verify import BundleVerificationError, check_bundle, decide_case, verify_deploy
from tests._weights import submit_hashed
from tests.sign.helpers import MODEL, World, make_world
from tests.verify.trusted import CASE, SIGNED, Trust, cli_in_process, make_trust

REGIONS = ["EU", "JP", "UK", "US"]
"""The regions the example case's boundary is offered in, as the decision signs them."""
SIGNED_TOOLS = ["web-search"]
"""The tools of the boundary the decision is signed for: web search, no code execution."""


def _given(**given: Any) -> Any:
    # imported here: the module must load where `verify` knew the kind alone, so that its tests
    # show what that `verify` did (it had no way to be told what a deployment gives)
    from casegate.verify import Deployment

    if "regions" in Deployment.__dataclass_fields__:  # offered where the example case is, unless said
        given.setdefault("regions", ("US",))
    return Deployment(**given)


class Setup:
    def __init__(self, w: World, db: str, trust: Trust, bundle: dict[str, Any], tmp: Path):
        self.w, self.db, self.trust, self.bundle, self.tmp = w, db, trust, bundle, tmp

    def deploy(self, bundle: dict[str, Any] | None = None, **given: Any) -> Any:
        with open_registry(self.db, readonly=True) as reg:
            return verify_deploy(bundle or self.bundle, self.w.ring, trust=load_trust_root(self.trust.dir),
                                 proof=reg.state_proof, model_digest=MODEL, boundary=BoundaryKind.api,
                                 at=dt.datetime.now(dt.UTC), deployment=_given(**given))

    def library(self, bundle: dict[str, Any], **given: Any) -> Any:
        return check_bundle(bundle, self.w.ring, model_digest=MODEL, boundary=BoundaryKind.api,
                            at=dt.datetime.now(dt.UTC), deployment=_given(**given))

    def cli(self, *args: str) -> tuple[int, str]:
        path = self.tmp / "bundle.json"
        path.write_text(json.dumps(self.bundle))
        return cli_in_process(self.tmp, "verify", "--bundle", str(path), "--model-digest", MODEL, "--boundary", "api",
                              "--keyring", str(self.w.ring_path), "--trust-root", str(self.trust.dir),
                              "--db", self.db, *args)


def _edit(p: Path, old: str, new: str) -> None:
    text = p.read_text()
    assert old in text, old
    p.write_text(text.replace(old, new))


def _world(where: Path, tools: list[str]) -> World:
    """The example case for an API boundary giving `tools`, with its signed authors list."""
    w = make_world(where, authors_list=False)
    _edit(w.case, "tools: [code-execution]", f"tools: [{', '.join(tools)}]")
    _edit(w.case, "with a sandboxed code-execution tool", "with a web-search tool")
    # the framework says what web search is: the bio suite's own tool gives a run it, it matters
    # for bio-high, and it opens no pathway in the domains the case scopes out on the boundary
    _edit(w.dir / "policy.yaml", "\ntools:\n", "\ntools:\n  web-search: {elicited_by: [web-search], matters_for: [bio-high], "
                                              "scopes_out: [autonomy, persuasion, sabotage]}\n")
    sign_authors(w.load(), "safety-lead", w.signers["mira"], w.ring, at=parse_instant("2026-11-20"))
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring)
    return w


@pytest.fixture
def setup(tmp_path: Path, database_url: str) -> Setup:
    w = _world(tmp_path / "w", SIGNED_TOOLS)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring)
    assert record.outcome in ("GO", "GO WITH CONDITIONS"), record.lacks
    with open_registry(database_url) as reg:
        submit_hashed(reg, w.load())
        submit_for_review(reg, CASE, by="Sam Whitfield")
        approve(reg, record, bundle, w.ring, unpinned=True)
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    trust.checkpoint(database_url)
    return Setup(w, database_url, trust, bundle, tmp_path)


def _resigned(bundle: dict[str, Any], signer: Any, change: Any) -> dict[str, Any]:
    """The bundle with its decision statement changed by `change(predicate)` and signed again."""
    st = decode_payload(bundle["decision"])
    assert isinstance(st, dict)
    change(st["predicate"])
    out = copy.deepcopy(bundle)
    out["decision"] = sign_statement(st, signer)
    return out


def test_the_decision_signs_its_boundarys_tools_sensitive_domains_and_access(setup: Setup) -> None:
    pred = decode_payload(setup.bundle["decision"])["predicate"]  # type: ignore[index]
    assert pred["boundary"] == "api"
    assert pred["boundary_attributes"] == {"tools": SIGNED_TOOLS, "sensitive_domains": [], "access": "self-serve",
                                           "regions": REGIONS}


def test_switching_on_code_execution_is_refused(setup: Setup) -> None:
    """The decision was made for an API with web search; the deployer also gives the model code
    execution. Before, `verify` checked the kind alone and passed it."""
    rc, out = setup.cli("--tool", "web-search", "--tool", "code-execution", "--access", "self-serve", "--region", "US")
    assert rc == 1, out
    assert "NOT verified: 1 reason" in out and "the deployment gives the tool code-execution" in out
    v = setup.deploy(tools=("web-search", "code-execution"), access="self-serve")
    assert not v.ok
    assert v.reasons == ["the deployment gives the tool code-execution, which the boundary the decision is signed "
                         "for does not list (signed: [web-search]): a wider boundary needs its own case and decision"]
    # the library check the deploy check rests on refuses it too, with or without a registry
    lib = setup.library(setup.bundle, tools=("code-execution",))
    assert any(r.startswith("the deployment gives the tool code-execution") for r in lib.reasons), lib.reasons


def test_the_listed_tools_and_nothing_declared_verify_and_say_what_was_checked(setup: Setup) -> None:
    v = setup.deploy(tools=("web-search",), access="vetted-organisations")
    assert v.ok, v.reasons
    assert "tools: web-search; signed: [web-search]" in v.notes
    assert "access: vetted-organisations; signed: self-serve" in v.notes
    # the same tool in another spelling is the same tool
    assert setup.deploy(tools=("Web_Search",), access="self-serve").ok
    v = setup.deploy(access="employees")
    assert v.ok, v.reasons
    assert "tools: none declared; signed: [web-search]" in v.notes
    assert "sensitive domains: none declared; signed: []" in v.notes
    assert v.to_json()["deployment"] == {
        "declared": {"tools": [], "sensitive_domains": [], "access": "employees", "regions": ["US"]},
        "signed": {"tools": SIGNED_TOOLS, "sensitive_domains": [], "access": "self-serve", "regions": REGIONS}}
    rc, out = setup.cli("--tool", "web-search", "--access", "self-serve", "--region", "US")
    assert rc == 0, out
    assert "note: tools: web-search; signed: [web-search]" in out


def test_a_sensitive_domain_or_wider_access_than_signed_is_refused(setup: Setup) -> None:
    v = setup.deploy(sensitive_domains=("healthcare",), access="self-serve")
    assert v.reasons == ["the deployment gives the sensitive domain healthcare, which the boundary the decision is "
                         "signed for does not list (signed: []): a wider boundary needs its own case and decision"]
    v = setup.deploy(access="public")
    assert v.reasons == ["the deployment gives public access, wider than the self-serve access the boundary the "
                         "decision is signed for allows"]
    rc, out = setup.cli("--access", "everyone")
    assert rc == 2 and "access 'everyone' is not an access level" in out, out


def test_a_deploy_that_does_not_say_who_can_reach_the_model_is_not_verified(setup: Setup) -> None:
    """The decision allows self-serve access (anyone who signs up); the deployer opens the model
    to everyone and says nothing. Before, access not declared was not checked and the deploy
    verified."""
    rc, out = setup.cli("--tool", "web-search", "--region", "US")
    assert rc == 1, out
    assert "NOT verified: 1 reason" in out
    assert ("the boundary the decision is signed for allows only self-serve access, and the deployment does not "
            "declare who can reach the model: declare it (--access), no wider than self-serve") in out
    assert setup.deploy().reasons == setup.library(setup.bundle).reasons != []
    # a decision whose boundary allows public access, the widest, needs no declaration
    public = _resigned(setup.bundle, setup.w.signers["sam"],
                       lambda p: p["boundary_attributes"].update(access="public"))
    v = setup.library(public)
    assert not [r for r in v.reasons if "access" in r], v.reasons
    assert "access: not declared; signed: public (any access is within it)" in v.notes
    # the registry judging a decision it is asked to apply holds no deploy to it
    v = check_bundle(setup.bundle, setup.w.ring, model_digest=MODEL, boundary=BoundaryKind.api,
                     at=dt.datetime.now(dt.UTC))
    assert v.ok, v.reasons
    assert "access: not declared; signed: self-serve (not a deploy)" in v.notes


def test_a_decision_signed_before_tools_were_signed_fails_closed(setup: Setup) -> None:
    """An older decision (no signed boundary attributes) cannot show a deployment with any tool is
    within its boundary: declaring one is refused (decide again); declaring nothing verifies only
    a deployment with none, and says so."""
    old = _resigned(setup.bundle, setup.w.signers["sam"], lambda p: p.pop("boundary_attributes"))
    v = setup.library(old, tools=("web-search",))
    assert any(r.startswith("the decision does not sign its boundary's tools, sensitive domains or access (it was "
                            "made by an older casegate), so what this deployment gives cannot be held to it: decide "
                            "again") for r in v.reasons), v.reasons
    assert not setup.library(old, access="self-serve").ok
    v = setup.library(old, regions=())
    assert v.ok, v.reasons
    assert any("verified only for a deployment that gives the model no tools" in n for n in v.notes), v.notes
    assert not setup.library(old, regions=("US",)).ok


def test_a_decider_cannot_sign_more_tools_than_the_case_argues_for(setup: Setup) -> None:
    """The lab's decider signs code execution into the boundary of a case that gives web search
    only: the registry, judging the stored version itself, does not approve it."""
    from casegate.verify import binding_problems, judge_case

    forged = _resigned(setup.bundle, setup.w.signers["sam"],
                       lambda p: p["boundary_attributes"]["tools"].append("code-execution"))
    pred = decode_payload(forged["decision"])["predicate"]  # type: ignore[index]
    problems = binding_problems(pred, judge_case(setup.w.load(), setup.w.ring), setup.w.ring)
    assert any(p.startswith("the decision signs the boundary's tools, sensitive domains and access as") and
               "code-execution" in p for p in problems), problems
    honest = decode_payload(setup.bundle["decision"])["predicate"]  # type: ignore[index]
    assert not [p for p in binding_problems(honest, judge_case(setup.w.load(), setup.w.ring), setup.w.ring)
                if "tools" in p]
    # applied to a registry, the forged decision is not approved
    from casegate.monitor import IllegalTransitionError

    record = decode_payload(forged["decision"])["predicate"]["record"]  # type: ignore[index]
    with open_registry(f"sqlite:///{setup.tmp / 'other.db'}") as reg:
        submit_hashed(reg, setup.w.load())
        submit_for_review(reg, CASE, by="Sam Whitfield")
        with pytest.raises(IllegalTransitionError, match="the decision signs the boundary's tools"):
            approve(reg, DecisionRecord.model_validate(record), forged, setup.w.ring, unpinned=True)


def test_verify_bundle_raises_for_an_unlisted_tool(setup: Setup) -> None:
    from casegate.verify import verify_bundle

    with pytest.raises(BundleVerificationError) as e:
        verify_bundle(setup.bundle, setup.w.ring, model_digest=MODEL, boundary=BoundaryKind.api,
                      at=dt.datetime.now(dt.UTC), deployment=_given(tools=("code-execution",)))
    assert any("code-execution" in r for r in e.value.reasons)


def test_a_bad_declaration_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not an access level"):
        _given(access="anyone")
    with pytest.raises(InputError, match="empty tool name"):
        _given(tools=(" ",))


def test_a_deploy_offered_outside_the_signed_regions_or_not_saying_where_is_not_verified(setup: Setup) -> None:
    """The case's boundary is offered in the US, EU, UK and Japan; the deployer also offers the
    model in a region the gate never judged, or does not say where it is offered. Before, verify
    did not look at regions at all."""
    v = setup.deploy(tools=("web-search",), access="self-serve", regions=("us", "CN"))
    assert v.reasons == ["the deployment is offered in CN, which the boundary the decision is signed for does not "
                         "list (signed: [EU, JP, UK, US]): a wider boundary needs its own case and decision"]
    v = setup.deploy(tools=("web-search",), access="self-serve", regions=())
    assert v.reasons == ["the boundary the decision is signed for is offered only in [EU, JP, UK, US], and the "
                         "deployment does not declare where it is offered: declare each region (--region)"]
    rc, out = setup.cli("--tool", "web-search", "--access", "self-serve", "--region", "UK", "--region", "CN")
    assert rc == 1 and "the deployment is offered in CN" in out, out
    ok = setup.deploy(tools=("web-search",), access="self-serve", regions=("EU", "UK"))
    assert ok.ok, ok.reasons
    assert "regions: EU, UK; signed: [EU, JP, UK, US]" in ok.notes
    # a decision that does not sign its regions (an older casegate) verifies no deploy that declares some
    older = _resigned(setup.bundle, setup.w.signers["sam"], lambda p: p["boundary_attributes"].pop("regions"))
    v = setup.library(older, tools=("web-search",), access="self-serve", regions=("US",))
    assert any("the decision does not sign its boundary's regions" in r for r in v.reasons), v.reasons
    # a boundary that names no regions holds none
    anywhere = _resigned(setup.bundle, setup.w.signers["sam"],
                         lambda p: p["boundary_attributes"].update(regions=[]))
    v = setup.library(anywhere, tools=("web-search",), access="self-serve", regions=("CN",))
    assert not [r for r in v.reasons if "region" in r], v.reasons
