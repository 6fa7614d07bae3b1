"""CG605: a condition the public summary will withhold (it concerns a redacted element) is
flagged unless the publication plan says so; the flag itself is a condition the public can read."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from casegate.checks import check_case
from casegate.evidence import rehash_artifacts
from casegate.gate import run_gate
from casegate.load import Loaded, load_case
from casegate.model import Finding
from casegate.publish import Salts, build_summary
from casegate.sign import load_keyring, parse_instant, with_attestations
from casegate.store import MemorySaltStore

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
DAY = dt.date(2026, 11, 27)


def _attested(loaded: Loaded) -> Loaded:
    """The case with its evidence attestations checked against the example's keyring."""
    ring = load_keyring(ATLAS / "keys" / "keyring.yaml")
    return with_attestations(loaded, ring, parse_instant(DAY.isoformat(), end_of_day=True))


def _check(loaded: Loaded) -> list[Finding]:
    return check_case(loaded, today=DAY, artifacts=rehash_artifacts(loaded)).findings


def _atlas(tmp_path: Path, withheld: str) -> Path:
    d = tmp_path / "atlas"
    shutil.copytree(ATLAS, d)
    case = d / "case.yaml"
    text = case.read_text()
    start = text.index("  withheld: >-\n")
    end = text.index("\n\n", start)
    case.write_text(text[:start] + f"  withheld: {withheld}" + text[end:])
    return case


def test_unexplained_withheld_condition_is_flagged_and_shown(tmp_path: Path) -> None:
    case = _atlas(tmp_path, "Bio evaluation items, classifier internals and weight-security details.")
    loaded = load_case(case)
    found = [f for f in _check(loaded) if f.code == "CG605"]
    assert len(found) == 1
    f = found[0]
    line = case.read_text().splitlines().index(
        "  withheld: Bio evaluation items, classifier internals and weight-security details.") + 1
    assert f.location is not None and f.location.line == line and f.location.file.endswith("case.yaml")
    assert "CG305" in f.message and "internal evidence item" in f.message
    attested = _attested(loaded)
    record = run_gate(attested, today=DAY, artifacts=rehash_artifacts(attested))
    assert record.outcome == "GO WITH CONDITIONS"
    assert loaded.case is not None
    s = build_summary(loaded.case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy)
    by_cause = {c.cause: c for c in s.decision.conditions}
    assert by_cause["CG305"].withheld  # the cyber condition itself stays withheld ...
    assert not by_cause["CG605"].withheld  # ... but the public reads that it exists and why it is hidden
    assert "concerns an internal evidence item that is redacted for the public" in (by_cause["CG605"].finding or "")


def test_a_plan_that_explains_the_withholding_is_not_flagged(tmp_path: Path) -> None:
    for said in ("The condition on the CTF results is withheld with its numbers.",
                 "E-cyber-ctf is internal; the AISI receives it."):
        case = _atlas(tmp_path / str(len(said)), said)
        assert not [f for f in _check(load_case(case)) if f.code == "CG605"]
    # the example itself explains it, and has the condition the rule is about
    codes = [f.code for f in _check(load_case(ATLAS / "case.yaml"))]
    assert "CG305" in codes and "CG605" not in codes


def test_a_waived_finding_on_a_redacted_element_is_a_withheld_condition_too(tmp_path: Path) -> None:
    from casegate.model import Waiver

    case = _atlas(tmp_path, "E-cyber-ctf is internal; the AISI receives it.")
    text = case.read_text()
    start = text.index("  bio-known-agent:\n    estimate")
    owner = text.index("    owner: head-of-safeguards\n", start)
    case.write_text(text[:owner] + text[owner + len("    owner: head-of-safeguards\n"):])
    attested = _attested(load_case(case))
    arts = rehash_artifacts(attested)
    unwaived = run_gate(attested, today=DAY, artifacts=arts)
    unowned = [f for f in unwaived.findings if f.code == "CG412"]
    assert unwaived.outcome == "NO-GO" and len(unowned) == 1
    assert unowned[0].path == ("residual_risk", "bio-known-agent")
    assert "CG605" not in {f.code for f in unwaived.findings}  # a blocking finding is no condition
    waiver = Waiver(code="CG412", path=("residual_risk", "bio-known-agent"), role="rso", person="Sam Whitfield",
                    reason="The owner is being appointed.", until=(DAY + dt.timedelta(days=20)).isoformat())
    waived = run_gate(attested, today=DAY, artifacts=arts, waivers=[waiver])
    assert waived.outcome == "GO WITH CONDITIONS"
    flagged = [f for f in waived.findings if f.code == "CG605"]
    assert len(flagged) == 1 and "(CG412 residual-risk-unowned)" in flagged[0].message
    assert "restricted residual-risk estimate" in flagged[0].message
    assert {c.cause for c in waived.conditions} >= {"CG412", "CG605"}
    # a waiver the policy does not accept (a role that may not waive CG4) makes no condition
    refused = run_gate(attested, today=DAY, artifacts=arts, waivers=[waiver.model_copy(update={"role": "safety-lead"})])
    assert refused.outcome == "NO-GO" and "CG605" not in {f.code for f in refused.findings}


def _reference_private(loaded: Loaded) -> dict[tuple[str, ...], tuple[str, str]]:
    """Every redacted element by path prefix, listed whole (what CG605 once built per case)."""
    from casegate.model import Confidentiality

    c = loaded.case
    assert c is not None
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for section, kind, items in (("evidence", "evidence item", c.evidence), ("safeguards", "safeguard", c.safeguards),
                                 ("residual_risk", "residual-risk estimate", c.residual_risk)):
        for k, x in items.items():
            if x.confidentiality is not Confidentiality.public:
                out[(section, k)] = (k, f"{x.confidentiality.value} {kind}")
    for k, e in c.argument.elements.items():
        if e.confidentiality is not Confidentiality.public:
            out[("argument", "elements", k)] = (k, f"{e.confidentiality.value} argument element")
    for dom, threats in c.threat_model.items():
        for pid, p in threats.pathways.items():
            if p.confidentiality is not Confidentiality.public:
                out[("threat_model", dom, "pathways", pid)] = (pid, f"{p.confidentiality.value} pathway")
    return out


def test_redacted_elements_are_found_by_path_and_by_quoted_id_as_a_whole_list_finds_them() -> None:
    """CG605 looks up only the paths and the quoted ids of each condition; it must find what a
    search through the list of every redacted element finds, in the same order."""
    import random

    from casegate.checks._run import make_context
    from casegate.checks.families.publication import _redacted_at, _redacted_named

    loaded = load_case(ATLAS / "case.yaml")
    ctx = make_context(loaded, today=DAY)
    assert ctx is not None and loaded.case is not None
    private = _reference_private(loaded)
    assert {k for k, _ in private.values()} and len({p[0] for p in private}) >= 3  # several sections redact
    c = loaded.case
    paths = [*private, ("evidence", "nope"), ("argument",), ("threat_model", "x", "pathways", "y"),
             *[("evidence", k, "result") for k in c.evidence], *[("argument", "elements", k, "claim") for k in
                                                                  c.argument.elements],
             *[("threat_model", d, "pathways", p, "steps", "0") for d, t in c.threat_model.items() for p in t.pathways]]
    for path in paths:
        want = [private[p] for p in {path[:2], path[:3], path[:4]} if p in private]
        got = _redacted_at(ctx, tuple(path))
        assert ([got] if got else []) == want, path
    ids = [k for k, _ in private.values()] + list(c.evidence)[:5] + list(c.argument.elements)[:5] + ["x", ""]
    rng = random.Random(605)
    for _ in range(400):
        words = rng.sample(ids, rng.randint(0, 5))
        message = "".join(rng.choice(["`{}`", "`{}", "{}`", "{} ", "``{}` "]).format(w) for w in words)
        want = [el for el in private.values() if f"`{el[0]}`" in message]
        assert _redacted_named(ctx, message) == want, message
