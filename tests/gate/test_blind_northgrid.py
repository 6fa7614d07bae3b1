"""A case written apart from the examples (`tests/fixtures/rt_thirdparty/gridwatch`): Atlas-2 sold
to Northgrid Transmission, a third party that embeds it, with its own telemetry and switching-order
tools, in the assistant its control-room operators use. The grid integration opens sabotage (a wrong
switching order) and persuasion (an operator talked into one), which the framework does not let the
boundary scope out: honestly NO-GO. The lab's moves to GO without fixing that are tried here and in
docs/security.md ("The case's own values")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casegate.model import DecisionRecord

ROOT = Path(__file__).resolve().parents[2]
GRID = ROOT / "tests" / "fixtures" / "rt_thirdparty" / "gridwatch"
RING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _copy(tmp: Path) -> Path:
    d = tmp / "gridwatch"
    shutil.copytree(GRID, d)
    return d


def _preview(d: Path) -> DecisionRecord:
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.sign import load_keyring, parse_instant
    from casegate.verify import gate_inputs

    day = parse_instant("2026-11-25").date()
    inputs = gate_inputs(load_case(d / "case.yaml"), load_keyring(RING), day, preview=True)
    return run_gate(inputs.loaded, today=day, waivers=list(inputs.waivers), waiver_problems=inputs.waiver_problems)


def _blocking(record: DecisionRecord) -> list[str]:
    return sorted(f.code for f in record.findings if f.blocking)


def _messages(record: DecisionRecord, code: str) -> list[str]:
    return [f.message for f in record.findings if f.code == code]


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text()
    assert text.count(old) == count, (path, old)
    path.write_text(text.replace(old, new))


def test_the_blind_case_is_honestly_no_go(tmp_path: Path) -> None:
    record = _preview(_copy(tmp_path))
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG212", "CG212"]
    assert all("power-grid-control" in m for m in _messages(record, "CG212"))


# --------------------------------------------------------------------------- move 1

_LISTED = "  kind: third-party\n  tools: [code-execution, grid-switching-orders]\n  sensitive_domains: [power-grid-control]\n"


def test_a_grid_integration_described_but_not_listed_blocks(tmp_path: Path) -> None:
    """The lab's move: the grid integration and the switching-order tool left off the boundary's lists
    while its words still describe them; persuasion and sabotage then stay scoped out on code
    execution's clearance (was GO WITH CONDITIONS, as an `api` to one named partner too)."""
    d = _copy(tmp_path)
    _edit(d / "case.yaml", _LISTED, "  kind: third-party\n  tools: [code-execution]\n")
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG216", "CG216"]
    said = " ".join(_messages(record, "CG216"))
    assert "`power-grid-control`" in said and "\"control room\"" in said
    assert "`grid-switching-orders`" in said and "\"switching order\"" in said
    # filed as an `api` to the one named partner as well, the kind the words make it blocks too (move 2)
    _edit(d / "case.yaml", "  kind: third-party\n", "  kind: api\n")
    assert _blocking(_preview(d)) == ["CG105", "CG216", "CG216"]


def test_only_the_tool_left_off_blocks_too(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    _edit(d / "case.yaml", "tools: [code-execution, grid-switching-orders]", "tools: [code-execution]")
    record = _preview(d)
    assert "CG216" in _blocking(record)
    assert [m for m in _messages(record, "CG216") if "`grid-switching-orders`" in m]


def test_words_naming_no_listed_grant_pass_the_rule(tmp_path: Path) -> None:
    """Control: the same `api` filing whose words describe a plain developer API (nothing the policy
    lists by name or `named_by`) raises nothing under CG216 and gates as the example does."""
    d = _copy(tmp_path)
    _edit(d / "case.yaml", _LISTED, "  kind: api\n  tools: [code-execution]\n")
    case = (d / "case.yaml").read_text()
    start, end = case.index("    users: Northgrid"), case.index("\nthreat_model:")
    (d / "case.yaml").write_text(case[:start] + (
        "    users: developers at Northgrid Transmission's software team\n"
        "    rate_limit: 600 requests/min per key, 5M tokens/day per organisation\n"
        "    regions: [UK]\n    access: named-partners\n"
        "    vetting: contract, security questionnaire and site review of Northgrid by Acme trust and safety\n"
        "  description: Paid API access for Northgrid's developers, with a sandboxed code-execution tool.\n"
    ) + case[end:])
    record = _preview(d)
    assert not _messages(record, "CG216")
    assert record.outcome == "GO WITH CONDITIONS"


def test_a_listed_grant_named_in_words_is_not_flagged(tmp_path: Path) -> None:
    """Control: the honest boundary names the control room and lists it; CG216 says nothing."""
    record = _preview(_copy(tmp_path))
    assert not _messages(record, "CG216")


# --------------------------------------------------------------------------- move 2


def _stricter_third_party(d: Path) -> None:
    """A framework that assumes more attempts through a third party's product than through an API
    (1,000 cyber attempts a year), and whose grid entry opens nothing but sabotage and persuasion
    review elsewhere: the boundary's kind is then what decides."""
    _edit(d / "policy.yaml", '    third-party: {cyber: 200, cbrn: 5, "*": 2}', '    third-party: {cyber: 1000, cbrn: 20, "*": 10}')
    _edit(d / "policy.yaml", "    scopes_out: [autonomy, ai-rnd]\n", "    scopes_out: [autonomy, ai-rnd, persuasion, sabotage]\n",
          count=2)


def test_the_third_party_kind_is_no_go_under_the_stricter_framework(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    _stricter_third_party(d)
    record = _preview(d)
    assert record.outcome == "NO-GO" and "CG414" in _blocking(record)
    assert [m for m in _messages(record, "CG414") if "1000 attempts a year" in m]


def test_a_third_party_integration_filed_as_an_api_blocks(tmp_path: Path) -> None:
    """The lab's move: the same release, the same words (a third party that embeds it, through
    Northgrid's own assistant), filed as an `api` to one named partner, where the framework assumes
    200 cyber attempts a year (was GO WITH CONDITIONS)."""
    d = _copy(tmp_path)
    _stricter_third_party(d)
    _edit(d / "case.yaml", "  kind: third-party\n", "  kind: api\n")
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG105"]
    (said,) = _messages(record, "CG105")
    assert "`third-party` boundary, not `api`" in said and "a third party that embeds it" in said


def test_each_of_the_boundary_words_names_the_third_party(tmp_path: Path) -> None:
    """The description reworded; the users still reach the model through Northgrid's own assistant."""
    d = _copy(tmp_path)
    _stricter_third_party(d)
    _edit(d / "case.yaml", "  kind: third-party\n", "  kind: api\n")
    _edit(d / "case.yaml", "a third party that embeds it", "which puts it")
    record = _preview(d)
    assert "CG105" in _blocking(record)
    assert [m for m in _messages(record, "CG105") if "through Northgrid's own assistant" in m]


def test_an_api_naming_outside_evaluators_is_not_a_third_party(tmp_path: Path) -> None:
    """Control: words naming third parties who evaluate the model, or denying resale, leave an
    `api` an `api`."""
    d = _copy(tmp_path)
    _stricter_third_party(d)
    _edit(d / "case.yaml", "  kind: third-party\n", "  kind: api\n")
    case = (d / "case.yaml").read_text()
    start, end = case.index("    users: Northgrid"), case.index("\nthreat_model:")
    (d / "case.yaml").write_text(case[:start] + (
        "    users: Northgrid Transmission's control-room operators; third-party evaluators audit the deployment\n"
        "    rate_limit: 600 requests/min per key, 5M tokens/day per organisation\n"
        "    regions: [UK]\n    access: named-partners\n"
        "    vetting: contract, security questionnaire and site review of Northgrid by Acme trust and safety\n"
        "  description: >-\n    Atlas-2 for Northgrid's control-room operators, with grid telemetry and switching-order\n"
        "    tools; no resale to third parties.\n"
    ) + case[end:])
    record = _preview(d)
    assert not _messages(record, "CG105")
    assert record.outcome == "GO WITH CONDITIONS"


def test_look_alike_letters_do_not_hide_the_grid_integration(tmp_path: Path) -> None:
    """The lab's move on move 1: the words naming the switching-order tool and the control room
    spelled with Cyrillic letters that read as Latin ones (`swіtching`, `cоntrol`), so the policy's
    `named_by` words did not match and only the telemetry was flagged. They are read as they look."""
    d = _copy(tmp_path)
    _edit(d / "case.yaml", _LISTED, "  kind: third-party\n  tools: [code-execution]\n")
    case = (d / "case.yaml").read_text()
    (d / "case.yaml").write_text(case.replace("switching", "sw\u0456tching").replace("control-room", "c\u043entrol-room")
                                 .replace("telemetry", "tel\u0435metry"))
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG216", "CG216"]
    said = " ".join(_messages(record, "CG216"))
    assert "`grid-switching-orders`" in said and "`power-grid-control`" in said


@pytest.mark.parametrize("policy_edit", [
    ("    named_by: [control room, grid operator, transmission operator, grid telemetry]\n",
     "    named_by: [transmission operator]\n"),
    ("sensitive_domains:\n  power-grid-control:\n    description: assistants in a transmission operator's control room\n"
     "    named_by: [control room, grid operator, transmission operator, grid telemetry]\n    scopes_out: [autonomy, ai-rnd]\n",
     "sensitive_domains: {}\n"),
])
def test_the_named_by_words_dropped_with_the_grant_is_a_loosening(tmp_path: Path, policy_edit: tuple[str, str]) -> None:
    """The lab's move on move 1: the next version leaves the grid integration off the boundary's lists
    and, in the policy that rides with it, drops the words that name it (or the whole entry), so
    CG216 has nothing to match. Against the previous version's policy that is a loosening (CG328)."""
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.sign import load_keyring, parse_instant, with_attestations

    day = parse_instant("2026-11-25").date()
    at = parse_instant("2026-11-25", end_of_day=True)
    ring = load_keyring(RING)
    prev = with_attestations(load_case(_copy(tmp_path / "v1") / "case.yaml"), ring, at)
    d = _copy(tmp_path / "v2")
    _edit(d / "case.yaml", "tools: [code-execution, grid-switching-orders]\n  sensitive_domains: [power-grid-control]\n",
          "tools: [code-execution, grid-switching-orders]\n")
    _edit(d / "policy.yaml", *policy_edit)
    case = with_attestations(load_case(d / "case.yaml"), ring, at)
    record = run_gate(case, previous=prev, today=day, try_narrower=False)
    loosened = [f.message for f in record.findings if f.code == "CG328" and f.blocking]
    assert any("`power-grid-control`" in m and "no longer name" in m for m in loosened), loosened
    assert record.outcome == "NO-GO"
    # control: the same policy edit with the domain kept on the list is no loosening of what it names
    d2 = _copy(tmp_path / "v3")
    _edit(d2 / "policy.yaml", *policy_edit)
    if "power-grid-control" in policy_edit[1]:
        same = run_gate(with_attestations(load_case(d2 / "case.yaml"), ring, at), previous=prev, today=day,
                        try_narrower=False)
        assert not [f for f in same.findings if f.code == "CG328" and "no longer name" in f.message]


def test_a_line_break_beside_one_non_ascii_character_does_not_hide_the_tool(tmp_path: Path) -> None:
    """The lab's move: the switching-order tool left off the list, and the description written as
    a literal block with a line break before `switching-order` and one dash (`\u2014`) in it: the
    line break was dropped with the control characters, so the words read `andswitching order`."""
    d = _copy(tmp_path)
    _edit(d / "case.yaml", _LISTED, "  kind: third-party\n  tools: [code-execution]\n  sensitive_domains: [power-grid-control]\n")
    _edit(d / "case.yaml",
          "  description: >-\n    Atlas-2 sold to Northgrid Transmission, a third party that embeds it, with Northgrid's grid\n"
          "    telemetry and switching-order tools,",
          "  description: |-\n    Atlas-2 sold to Northgrid Transmission \u2014 a third party that embeds it, with Northgrid's grid\n"
          "    telemetry and\n    switching-order tools,")
    record = _preview(d)
    assert record.outcome == "NO-GO" and "CG216" in _blocking(record)
    assert any("`grid-switching-orders`" in m for m in _messages(record, "CG216"))
