"""A deploy is held to the boundary its decision was signed for beyond the kind (SQLite and
PostgreSQL): the decision signs the boundary's tools, sensitive domains, access, regions, rate
limit and user cap, and `verify` refuses a deployment that gives a tool or sensitive domain the
boundary does not list, wider access, a region it does not list, a looser rate or more users, or
that does not say who can reach the model, where, how fast or how many where the boundary limits it. The attacker is the deployer who switches on code execution behind a decision made for
an API with web search only. A decision made before they were signed verifies only a deployment
that declares nothing; the registry approves no decision that signs more than its case."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
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
from tests.verify.trusted import (
    CASE,
    DEMO_EXIT,
    SIGNED,
    Trust,
    cli_in_process,
    make_trust,
)

REGIONS = ["EU", "JP", "UK", "US"]
"""The regions the example case's boundary is offered in, as the decision signs them."""
RATE_LIMITS = ("600/min per key", "5M tokens/day per organisation")
"""The example case's `rate_limit: 600 requests/min per key, 5M tokens/day per organisation`, as a
deployer enforcing it declares it."""
SIGNED_RATE_LIMIT = {"text": "600 requests/min per key, 5M tokens/day per organisation", "unlimited": False,
                     "limits": [{"quantity": "requests", "count": 600, "seconds": 60, "per": "key", "per_minute": 600},
                                {"quantity": "tokens", "count": 5_000_000, "seconds": 86400, "per": "organisation",
                                 "per_minute": 3472.222}]}
"""The example case's rate limit as the decision signs it: its words and the limits they state."""
SIGNED_TOOLS = ["web-search"]
"""The tools of the boundary the decision is signed for: web search, no code execution."""


def _given(**given: Any) -> Any:
    # imported here: the module must load where `verify` knew the kind alone, so that its tests
    # show what that `verify` did (it had no way to be told what a deployment gives)
    from casegate.verify import Deployment

    if "regions" in Deployment.__dataclass_fields__:  # offered where the example case is, unless said
        given.setdefault("regions", ("US",))
    if "rate_limits" in Deployment.__dataclass_fields__:  # enforcing the example case's limits, unless said
        given.setdefault("rate_limits", RATE_LIMITS)
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


def _flags(limits: tuple[str, ...]) -> list[str]:
    return [x for limit in limits for x in ("--rate-limit", limit)]


def _edit(p: Path, old: str, new: str) -> None:
    text = p.read_text()
    assert old in text, old
    p.write_text(text.replace(old, new))


def _world(where: Path, tools: list[str], max_users: int | None = None, configuration: str | None = None) -> World:
    """The example case for an API boundary giving `tools` (for at most `max_users` users, when
    given; run as `configuration` states, when given), with its signed authors list."""
    w = make_world(where, authors_list=False)
    _edit(w.case, "tools: [code-execution]", f"tools: [{', '.join(tools)}]")
    if configuration is not None:
        _edit(w.case, "  kind: api\n", f"  kind: api\n  configuration: {configuration}\n")
    if max_users is not None:
        _edit(w.case, "    regions: [US, EU, UK, JP]\n", f"    regions: [US, EU, UK, JP]\n    max_users: {max_users}\n")
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
    return _setup(tmp_path, database_url)


def _setup(tmp_path: Path, database_url: str, max_users: int | None = None, configuration: str | None = None) -> Setup:
    w = _world(tmp_path / "w", SIGNED_TOOLS, max_users, configuration)
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
                                           "regions": REGIONS, "rate_limit": SIGNED_RATE_LIMIT, "max_users": None}


def test_switching_on_code_execution_is_refused(setup: Setup) -> None:
    """The decision was made for an API with web search; the deployer also gives the model code
    execution. Before, `verify` checked the kind alone and passed it."""
    rc, out = setup.cli("--tool", "web-search", "--tool", "code-execution", "--access", "self-serve", "--region", "US",
                        *_flags(RATE_LIMITS))
    assert rc == 1, out
    assert "NOT verified: 2 reasons" in out and "the deployment gives the tool code-execution" in out
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
        "declared": {"tools": [], "sensitive_domains": [], "access": "employees", "regions": ["US"],
                     "rate_limit": list(RATE_LIMITS), "max_users": None},
        "signed": {"tools": SIGNED_TOOLS, "sensitive_domains": [], "access": "self-serve", "regions": REGIONS,
                   "rate_limit": SIGNED_RATE_LIMIT, "max_users": None}}
    rc, out = setup.cli("--tool", "web-search", "--access", "self-serve", "--region", "US", *_flags(RATE_LIMITS))
    assert rc == DEMO_EXIT, out  # everything else verified (the tests' keyrings hold published keys)
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
    rc, out = setup.cli("--tool", "web-search", "--region", "US", *_flags(RATE_LIMITS))
    assert rc == 1, out
    assert "NOT verified: 2 reasons" in out  # the published keys the second
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
    v = setup.library(old, regions=(), rate_limits=())
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
    assert problems == ["the decision signs the boundary's tools as ['web-search', 'code-execution']; the stored "
                        "version gives ['web-search']"]
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
    rc, out = setup.cli("--tool", "web-search", "--access", "self-serve", "--region", "UK", "--region", "CN",
                        *_flags(RATE_LIMITS))
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


def test_a_looser_rate_in_another_unit_is_not_verified(setup: Setup) -> None:
    """The case's boundary limits each key to 600 requests a minute; the deployer runs the model
    at 20 a second per key (1200 a minute). Before, verify did not look at the rate limit."""
    v = setup.deploy(tools=("web-search",), access="self-serve",
                     rate_limits=("20/s per key", "5M tokens/day per organisation"))
    assert v.reasons == ["the deployment allows 20 requests/s per key (1200 requests/min), looser than 600 "
                         "requests/min per key (600 requests/min), which the boundary the decision is signed for "
                         "allows: a wider boundary needs its own case and decision"]
    rc, out = setup.cli("--tool", "web-search", "--access", "self-serve", "--region", "US",
                        "--rate-limit", "20/s per key", "--rate-limit", "5M tokens/day per organisation")
    assert rc == 1 and "the deployment allows 20 requests/s per key (1200 requests/min)" in out, out
    # a limit counted over a day lets a day's requests come in one minute
    v = setup.deploy(tools=("web-search",), access="self-serve",
                     rate_limits=("10000/day per key", "5M tokens/day per organisation"))
    assert v.reasons == ["the deployment allows 10k requests/day per key (which lets all 10k come within one "
                         "minute), looser than 600 requests/min per key (600 requests/min), which the boundary the "
                         "decision is signed for allows: a wider boundary needs its own case and decision"]
    # the same rate in other units, or a tighter one, or one over everyone together, is within it
    for limits in (("10/s per key", "5M tokens/day per organisation"),
                   ("600 requests per minute per API key, 1M tokens/day globally",),
                   ("300/min globally", "4M tokens/day per organisation")):
        ok = setup.deploy(tools=("web-search",), access="self-serve", rate_limits=limits)
        assert ok.ok, (limits, ok.reasons)
    assert ("rate limit: 10 requests/s per key, 5M tokens/day per organisation; signed: 600 requests/min per "
            "key, 5M tokens/day per organisation") in setup.deploy(
        tools=("web-search",), access="self-serve", rate_limits=("10/s per key", "5M tokens/day per organisation")).notes


def test_a_limit_left_out_for_another_party_or_unlimited_is_not_verified(setup: Setup) -> None:
    """The deployer keeps the per-key request limit and drops the organisations' token limit, or
    limits users where the case limits keys, or declares no limit at all."""
    v = setup.deploy(tools=("web-search",), access="self-serve", rate_limits=("600/min per key",))
    assert v.reasons == ["the deployment declares no limit on tokens per organisation (it declares 600 requests/min "
                         "per key), and the boundary the decision is signed for limits them to 5M tokens/day per "
                         "organisation: declare the rate limit the deployment enforces (--rate-limit), no looser"]
    v = setup.deploy(tools=("web-search",), access="self-serve",
                     rate_limits=("600/min per user", "5M tokens/day per organisation"))
    assert len(v.reasons) == 1 and v.reasons[0].startswith("the deployment declares no limit on requests per key"), \
        v.reasons
    v = setup.deploy(tools=("web-search",), access="self-serve", rate_limits=("unlimited",))
    assert v.reasons == ["the deployment declares its rate unlimited, looser than 600 requests/min per key, 5M "
                         "tokens/day per organisation, which the boundary the decision is signed for allows: a wider "
                         "boundary needs its own case and decision"]


def test_a_deploy_that_does_not_declare_its_rate_limit_is_not_verified(setup: Setup) -> None:
    """Fail closed, as for regions: the deployer says nothing about the rate it allows."""
    v = setup.deploy(tools=("web-search",), access="self-serve", rate_limits=())
    assert v.reasons == ["the boundary the decision is signed for limits use to 600 requests/min per key, 5M "
                         "tokens/day per organisation, and the deployment does not say what it enforces: "
                         "declare the rate limit the deployment enforces (--rate-limit), no looser"]
    rc, out = setup.cli("--tool", "web-search", "--access", "self-serve", "--region", "US")
    assert rc == 1 and "declare the rate limit the deployment enforces (--rate-limit)" in out, out
    # the registry judging a decision it is asked to apply holds no deploy to it
    v = check_bundle(setup.bundle, setup.w.ring, model_digest=MODEL, boundary=BoundaryKind.api,
                     at=dt.datetime.now(dt.UTC))
    assert v.ok, v.reasons
    assert ("rate limit: not declared; signed: 600 requests/min per key, 5M tokens/day per organisation "
            "(not a deploy)") in v.notes
    # a rate limit that does not read is an input error, not a pass
    rc, out = setup.cli("--tool", "web-search", "--access", "self-serve", "--region", "US", "--rate-limit", "fair use")
    assert rc == 2 and "rate limit 'fair use' cannot be read" in out, out
    with pytest.raises(InputError, match="`unlimited` beside limits"):
        _given(rate_limits=("unlimited", "600/min per key"))


def test_a_decision_made_before_rate_limits_and_user_caps_were_signed_verifies_no_deploy_declaring_them(
        setup: Setup) -> None:
    def older(p: dict[str, Any]) -> None:
        p["boundary_attributes"].pop("rate_limit")
        p["boundary_attributes"].pop("max_users")

    old = _resigned(setup.bundle, setup.w.signers["sam"], older)
    v = setup.library(old, tools=("web-search",), access="self-serve")
    assert v.reasons == ["the decision does not sign its boundary's rate limit (it was made by an older casegate), so "
                         "a deployment that enforces 600/min per key, 5M tokens/day per organisation cannot be held "
                         "to it: decide again with `casegate decide`"]
    v = setup.library(old, tools=("web-search",), access="self-serve", rate_limits=(), max_users=100)
    assert v.reasons == ["the decision does not sign its boundary's user cap (it was made by an older casegate), so a "
                         "deployment for up to 100 users cannot be held to it: decide again with `casegate decide`"]
    assert setup.library(old, tools=("web-search",), access="self-serve", rate_limits=()).ok


def test_an_unreadable_signed_rate_limit_holds_no_deploy_within_it(setup: Setup) -> None:
    """A case whose rate limit casegate cannot read (CG108 blocks it at the gate) signs its words
    alone; a deploy, whatever it declares, cannot be shown to be within them."""
    from casegate.model import Boundary, Scope
    from casegate.verify import boundary_attributes

    attrs = boundary_attributes(Boundary(kind=BoundaryKind.api, scope=Scope(rate_limit="fair use", max_users=50)))
    assert attrs["rate_limit"] == {"text": "fair use", "unlimited": False, "limits": None}
    assert attrs["max_users"] == 50
    unread = _resigned(setup.bundle, setup.w.signers["sam"],
                       lambda p: p["boundary_attributes"].update(rate_limit=attrs["rate_limit"]))
    v = setup.library(unread, tools=("web-search",), access="self-serve", rate_limits=("1/min globally",))
    assert v.reasons == ["the rate limit of the boundary the decision is signed for ('fair use') is not one casegate "
                         "can read as limits, so no deployment can be shown to be within it: write the case's "
                         "`boundary.scope.rate_limit` as limits casegate reads (CG108) and decide again"]
    # a boundary that names no rate limit, or an unlimited one, holds none
    for signed in (None, {"text": "unlimited", "unlimited": True, "limits": []}):
        free = _resigned(setup.bundle, setup.w.signers["sam"],
                         lambda p, signed=signed: p["boundary_attributes"].update(rate_limit=signed))
        assert setup.library(free, tools=("web-search",), access="self-serve", rate_limits=("unlimited",)).ok
    # a signed limit in a shape casegate does not write is not read
    odd = _resigned(setup.bundle, setup.w.signers["sam"], lambda p: p["boundary_attributes"].update(
        rate_limit={"text": "600/min", "unlimited": False, "limits": [{"quantity": "requests", "count": "600"}]}))
    assert setup.library(odd, tools=("web-search",), access="self-serve").reasons == [
        "decision: the rate limit of its boundary cannot be read"]


def test_a_deploy_for_more_users_than_the_signed_cap_or_not_saying_is_not_verified(
        tmp_path: Path, database_url: str) -> None:
    """The case's boundary admits at most 5000 users; the deployer opens it to 50000, or does not
    say how many it admits. Before, verify did not look at the user cap."""
    capped = _setup(tmp_path, database_url, max_users=5000)
    pred = decode_payload(capped.bundle["decision"])["predicate"]  # type: ignore[index]
    assert pred["boundary_attributes"]["max_users"] == 5000
    v = capped.deploy(tools=("web-search",), access="self-serve", max_users=50000)
    assert v.reasons == ["the deployment admits up to 50000 users, more than the 5000 the boundary the decision is "
                         "signed for allows: a wider boundary needs its own case and decision"]
    v = capped.deploy(tools=("web-search",), access="self-serve")
    assert v.reasons == ["the boundary the decision is signed for admits at most 5000 users, and the deployment does "
                         "not declare how many it admits: declare the user cap the deployment enforces (--max-users), "
                         "no more than 5000"]
    rc, out = capped.cli("--tool", "web-search", "--access", "self-serve", "--region", "US", *_flags(RATE_LIMITS),
                         "--max-users", "50000")
    assert rc == 1 and "the deployment admits up to 50000 users, more than the 5000" in out, out
    ok = capped.deploy(tools=("web-search",), access="self-serve", max_users=5000)
    assert ok.ok, ok.reasons
    assert "max users: 5000; signed: 5000" in ok.notes
    rc, out = capped.cli("--tool", "web-search", "--access", "self-serve", "--region", "US", *_flags(RATE_LIMITS),
                         "--max-users", "1000")
    assert rc == DEMO_EXIT, out
    with pytest.raises(InputError, match="not a number of users"):
        _given(max_users=-1)
    # a decider who signs a larger cap than the case argues for is not approved by the registry
    from casegate.verify import binding_problems, judge_case

    raised = _resigned(capped.bundle, capped.w.signers["sam"],
                       lambda p: p["boundary_attributes"].update(max_users=10**9))
    problems = binding_problems(decode_payload(raised["decision"])["predicate"],  # type: ignore[index]
                                judge_case(capped.w.load(), capped.w.ring), capped.w.ring)
    assert problems == ["the decision signs the boundary's user cap as 1000000000; the stored version gives 5000"]


def test_a_boundary_with_no_user_cap_holds_none(setup: Setup) -> None:
    v = setup.deploy(tools=("web-search",), access="self-serve", max_users=10**7)
    assert v.ok, v.reasons
    assert "max users: 10000000; signed: no cap" in v.notes


PROMPT = "You are Atlas. Refuse every request for help with offensive security, exploits or biological agents."
PROMPT_SHA = hashlib.sha256(PROMPT.encode("utf-8")).hexdigest()


def test_a_deploy_under_another_system_message_or_a_higher_ceiling_than_signed_is_not_verified(
        tmp_path: Path, database_url: str) -> None:
    """The case states that the API puts a refusal system message before every conversation and caps a
    generation at 4,096 tokens (its evaluations are held to that, CG309), and it is approved. The lab
    then redeploys the same weights with another system message, or none, or 32,000 tokens a
    generation, as a "configuration change" that opens no new case version. Before, the decision
    did not sign the configuration and `verify` took no word of it: the deploy verified. Now the
    decision signs it and `verify` holds the deploy to it."""
    s = _setup(tmp_path, database_url, configuration=f"{{system_message_sha256: {PROMPT_SHA}, max_tokens: 4096}}")
    pred = decode_payload(s.bundle["decision"])["predicate"]  # type: ignore[index]
    assert pred["boundary_attributes"]["configuration"] == {"system_message_sha256": PROMPT_SHA, "max_tokens": 4096}
    base = {"tools": ("web-search",), "access": "self-serve"}
    other = hashlib.sha256(b"You are Atlas, a helpful assistant.").hexdigest()
    v = s.deploy(**base, system_message_sha256=other, max_tokens=4096)
    assert v.reasons == [f"the deployment runs the model under the system message sha256 {other[:12]}..., but the "
                         "boundary the decision is signed for runs it under the system message sha256 "
                         f"{PROMPT_SHA[:12]}...: the evaluations bound the system as configured then, not this one; a "
                         "new configuration needs its own case version and decision"]
    v = s.deploy(**base, system_message_sha256="none", max_tokens=4096)
    assert len(v.reasons) == 1 and "runs the model with no system message" in v.reasons[0]
    v = s.deploy(**base, system_message_sha256=PROMPT_SHA, max_tokens=32000)
    assert v.reasons == ["the deployment lets a generation run to 32,000 tokens, more than the 4,096 the boundary "
                         "the decision is signed for allows: the evaluations bound the system as configured then, "
                         "not this one"]
    v = s.deploy(**base, system_message_sha256=PROMPT_SHA, no_max_tokens=True)
    assert len(v.reasons) == 1 and "puts no ceiling on a generation, more than the 4,096" in v.reasons[0]
    # not saying is not matching
    v = s.deploy(**base)
    assert len(v.reasons) == 2 and "does not declare its system message" in v.reasons[0]
    assert "does not declare its ceiling: declare it (--max-tokens N), no more than 4,096" in v.reasons[1]
    rc, out = s.cli("--tool", "web-search", "--access", "self-serve", "--region", "US", *_flags(RATE_LIMITS),
                    "--system-message-sha256", other, "--max-tokens", "4096")
    assert rc == 1 and "a new configuration needs its own case version and decision" in out, out
    # control: deployed as signed (or with a lower ceiling)
    for cap in (4096, 1024):
        ok = s.deploy(**base, system_message_sha256=PROMPT_SHA, max_tokens=cap)
        assert ok.ok, ok.reasons
    rc, out = s.cli("--tool", "web-search", "--access", "self-serve", "--region", "US", *_flags(RATE_LIMITS),
                    "--system-message-sha256", PROMPT_SHA, "--max-tokens", "4096")
    assert rc == DEMO_EXIT, out
    with pytest.raises(InputError, match="not 64 lowercase hex"):
        _given(system_message_sha256="abc")
    with pytest.raises(InputError, match="not a number of tokens"):
        _given(max_tokens=0)
    # a decision that drops the configuration its case states is not approved by the registry
    from casegate.verify import binding_problems, judge_case

    dropped = _resigned(s.bundle, s.w.signers["sam"], lambda p: p["boundary_attributes"].pop("configuration"))
    problems = binding_problems(decode_payload(dropped["decision"])["predicate"],  # type: ignore[index]
                                judge_case(s.w.load(), s.w.ring), s.w.ring)
    assert problems == [f"the decision does not sign the boundary's configuration; the stored version gives "
                        f"{{'system_message_sha256': '{PROMPT_SHA}', 'max_tokens': 4096}}"]


def test_a_boundary_stating_no_configuration_signs_none(setup: Setup) -> None:
    """A case that states no configuration (its evaluations ran under no system message or ceiling of
    their own, or CG309 stops it) keeps the predicate it always had; a deploy's configuration is noted."""
    pred = decode_payload(setup.bundle["decision"])["predicate"]  # type: ignore[index]
    assert "configuration" not in pred["boundary_attributes"]
    v = setup.deploy(tools=("web-search",), access="self-serve", system_message_sha256="none", max_tokens=8192)
    assert v.ok, v.reasons
