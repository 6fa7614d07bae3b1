"""Confidentiality ceilings: a token reads a case whole only when its ceiling covers everything the
case holds; otherwise it gets what the public summary shows, told what was withheld and why, and
the withheld text reaches it through no page, API response, download or error."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .conftest import EXAMPLE, KEYRING

CASE = "atlas-2-api"
SECRET = "Vexmoor-7Q4 quarantine protocol"
"""Planted in a restricted evidence title and a restricted claim."""
TOP_SECRET = "Ostrel-22 exfiltration route"
"""Planted in a secret evidence title."""
LOG_TEXT = "Quillan-9 cohort"
"""Planted in the log's free text about the case: an objection's reason, an answer, an incident's
description and a lifecycle reason (which carry no level: the case's highest counts)."""
CANARIES = {"restricted": SECRET, "secret": TOP_SECRET, "log": LOG_TEXT}

USERS = {
    "viewer": ("Vera Lind", ["viewer"], None),
    "author": ("Mira Chen", ["author"], None),
    "reviewer": ("Dana Ortiz", ["safety-lead"], None),
    "capped": ("Sam Whitfield", ["rso"], "internal"),  # a reviewer role, its ceiling set lower
    "restricted": ("Priya Natarajan", ["external-evaluator"], "restricted"),  # the case also holds secret
}


def _plant(case_dir: Path) -> None:
    ev = case_dir / "evidence.yaml"
    text = ev.read_text()
    old = "    title: Expert-graded biological uplift suite, helpful-only variant\n"
    assert old in text
    ev.write_text(text.replace(old, f"    title: Expert-graded biological uplift suite under the {SECRET}\n", 1))
    text = ev.read_text()
    old = "    title: Insider exfiltration exercise\n"
    assert old in text
    ev.write_text(text.replace(old, f"    title: Insider exercise on the {TOP_SECRET}\n", 1))
    arg = case_dir / "argument.yaml"
    text = arg.read_text()
    m = re.search(r"\n    (\w[\w-]*):\n      claim: ([^\n]*)\n((?:      [^\n]*\n)*?)      confidentiality: restricted\n", text)
    assert m, "the example has a restricted claim"
    arg.write_text(text.replace(f"      claim: {m.group(2)}\n", f"      claim: {m.group(2)} ({SECRET})\n", 1))


@pytest.fixture
def tiered(tmp_path: Path, database_url: str) -> tuple[TestClient, dict[str, str]]:
    from casegate.approve import judged_found
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.model import Confidentiality
    from casegate.monitor import act
    from casegate.monitor._states import CaseState
    from casegate.publish import Salts, build_summary
    from casegate.sign import load_keyring, parse_instant, with_attestations
    from casegate.store import (
        RegistrySalts,
        generate_key,
        json_sha256,
        open_registry,
        record_decision,
        record_judgement,
        record_objection,
        record_publication,
    )
    from casegate.web import Settings, TokenStore, create_app

    case_dir = tmp_path / "atlas-api"
    shutil.copytree(EXAMPLE, case_dir)
    _plant(case_dir)
    loaded = with_attestations(load_case(case_dir / "case.yaml"), load_keyring(KEYRING),
                               parse_instant("2026-11-27", end_of_day=True))
    assert SECRET in json.dumps(loaded.case.model_dump(mode="json"))
    reg = open_registry(database_url)
    v = reg.submit_case(loaded)
    record = run_gate(loaded)
    record_decision(reg, record, version=v.number)
    summary = build_summary(loaded.case, record, salts=Salts(RegistrySalts(reg)), level=Confidentiality.public,
                            policy=loaded.policy)
    # judged as `casegate publish` judges a version nobody approved: the judgement is logged first
    record_judgement(reg, CASE, version=v.number, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())),
                     judged={"keyring": "sha256:" + "0" * 64, "trust_root": None, "at": "2026-11-27T00:00:00Z"},
                     found=judged_found(record, loaded.case, policy=loaded.policy))
    record_publication(reg, CASE, json.loads(summary.model_dump_json()), version=v.number)
    o = record_objection(reg, CASE, role="external-evaluator", person="Priya Natarajan",
                         reason=f"The uplift suite leaves out the {LOG_TEXT}.", version=v.number)
    reg.record("objection-answer", CASE, {"objection": o.index, "role": "safety-lead", "person": "Dana Ortiz",
                                          "answer": f"The {LOG_TEXT} is covered elsewhere.", "via": "cli"})
    reg.record("incident", CASE, {"date": "2026-12-01", "severity": "high", "domain": "cbrn",
                                  "description": f"A user reproduced it with the {LOG_TEXT}."})
    act(reg, CASE, CaseState.withdrawn, role="rso", reason=f"the {LOG_TEXT} incident")
    key = tmp_path / "log.key"
    generate_key(key)
    reg.checkpoint(key, "board.casegate.example/log")
    reg.close()
    store = TokenStore(tmp_path / "tokens.json")
    tokens = {}
    for name, (person, roles, ceiling) in USERS.items():
        tokens[name] = store.create(person, roles, Confidentiality(ceiling) if ceiling else None)[1]
    app = create_app(Settings(database_url=database_url, keyring=KEYRING, tokens=tmp_path / "tokens.json",
                              secret=b"test-secret"))
    return TestClient(app), tokens


def _requests(client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    """A request for every route the board has (method, URL, keyword arguments): every path
    parameter filled in, so a route added later is requested too (an unknown parameter fails)."""
    from fastapi.routing import APIRoute
    from starlette.routing import Mount, Route

    from casegate.store import parse_checkpoint

    size = parse_checkpoint(client.get("/public/log/checkpoint").text).tree_size
    values = {"case_id": CASE, "index": "1", "path": f"entries/000.p/{size}"}
    out: list[tuple[str, str, dict[str, Any]]] = []

    def flat(routes: list[Any], prefix: str = "") -> list[tuple[str, Any]]:
        found = []
        for r in routes:
            if hasattr(r, "original_router"):  # a router included into the app
                found += flat(r.original_router.routes, prefix + r.include_context.prefix)
            else:
                found.append((prefix + r.path, r))
        return found

    routes = flat(client.app.routes)  # type: ignore[attr-defined]
    assert len(routes) > 30
    for path, route in routes:
        if isinstance(route, Mount):
            out.append(("GET", path + "/casegate.css", {}))
            continue
        assert isinstance(route, APIRoute | Route), route
        params = re.findall(r"{(\w+)(?::\w+)?}", path)
        unknown = set(params) - set(values)
        assert not unknown, f"route {path} has a parameter this test does not fill in: {unknown}"
        url = re.sub(r"{(\w+)(?::\w+)?}", lambda m: values[m.group(1)], path)
        if url.endswith("/consistency"):
            url += "?old=1"
        for method in sorted(route.methods or ()):
            if method == "HEAD":
                continue
            kwargs: dict[str, Any] = {}
            if method == "POST":
                if url.endswith("/review/objection") or url.endswith("/review/signoff"):
                    kwargs = {"files": {"envelope": ("e.json", b'{"payload": "x"}', "application/json")},
                              "data": {"csrf": "x"}}
                elif url.endswith("/incidents"):
                    kwargs = {"json": {"date": "2026-12-02", "description": "more", "severity": "low",
                                       "domain": "cbrn", "deployer": "d", "developer": "d", "harmed": ["x"]}}
                elif url in ("/login", "/logout"):
                    kwargs = {"data": {"token": "x", "csrf": "x"}}
                else:
                    kwargs = {"json": {"envelope": {"payload": "x", "payloadType": "x", "signatures": []}}}
            out.append((method, url, kwargs))
    return out


def _bodies(client: TestClient, token: str) -> dict[str, str]:
    """Every route's answer to the token, by request; the case's own queries (`kind=`, a gate run
    that reaches the loader) too."""
    out = {}
    headers = {"Authorization": f"Bearer {token}"}
    for method, url, kwargs in _requests(client):
        r = client.request(method, url, headers=headers, follow_redirects=False, **kwargs)
        assert r.status_code < 500, (method, url, r.status_code, r.text[:500])
        out[f"{method} {url}"] = r.text
    for kind in ("objection", "objection-answer", "incident", "state-change", "decision"):
        out[f"GET events {kind}"] = client.get(f"/api/v1/cases/{CASE}/events?kind={kind}", headers=headers).text
    return out


def _routes_covered(bodies: dict[str, str]) -> None:
    for must in (f"GET /cases/{CASE}", f"GET /cases/{CASE}/review", f"GET /api/v1/cases/{CASE}",
                 f"GET /api/v1/cases/{CASE}/evidence", f"GET /api/v1/cases/{CASE}/events",
                 f"GET /api/v1/cases/{CASE}/state-proof", f"GET /api/v1/cases/{CASE}/findings",
                 f"GET /api/v1/cases/{CASE}/versions", "GET /public/log/tile/entries/"):
        assert any(k.startswith(must) for k in bodies), must


@pytest.mark.parametrize("user", ["viewer", "author", "capped", "restricted"])
def test_a_token_below_the_case_never_reads_the_withheld_text(tiered: tuple[TestClient, dict[str, str]],
                                                              user: str) -> None:
    client, tokens = tiered
    bodies = _bodies(client, tokens[user])
    _routes_covered(bodies)
    withheld = ["secret", "log"] + (["restricted"] if user != "restricted" else [])
    for what in withheld:
        canary = CANARIES[what]
        leaks = [k for k, text in bodies.items() if canary.lower() in text.lower() or canary.split()[0] in text]
        assert not leaks, f"{user} reads the withheld {what} text at {leaks}"
    if user == "restricted":  # what is at its ceiling it reads
        assert SECRET in bodies[f"GET /cases/{CASE}"] and SECRET in bodies[f"GET /api/v1/cases/{CASE}/evidence"]
    # told plainly what was withheld and why
    page = bodies[f"GET /cases/{CASE}"]
    assert 'id="withheld"' in page and "Your token reads up to" in page
    assert "redacted" in page  # the restricted items stand as their commitments
    api = json.loads(bodies[f"GET /api/v1/cases/{CASE}"])
    ceiling = USERS[user][2] or "internal"
    assert api["decision"] is None and api["withheld"]["ceiling"] == ceiling
    assert api["withheld"]["case_level"] == "secret" and "reads up to" in api["withheld"]["reason"]
    assert api["summary"]["level"] == ceiling and api["summary"]["decision"]["outcome"]
    assert any(e.get("redacted") for e in api["summary"]["evidence"])  # format 2: left out when none
    events = json.loads(bodies[f"GET /api/v1/cases/{CASE}/events"])
    assert events and all(e["withheld"] for e in events)
    evidence = {e["id"]: e for e in json.loads(bodies[f"GET /api/v1/cases/{CASE}/evidence"])}
    assert evidence["E-insider"]["withheld"] and evidence["E-insider"]["title"] is None
    assert (evidence["E-bio-uplift"]["title"] is None) is (user != "restricted")
    tile = next(k for k in bodies if k.startswith("GET /public/log/tile/entries/"))
    assert client.get(tile.split(" ", 1)[1], headers={"Authorization": f"Bearer {tokens[user]}"}).status_code == 403
    proof = client.get(f"/api/v1/cases/{CASE}/state-proof", headers={"Authorization": f"Bearer {tokens[user]}"})
    assert proof.status_code == 403 and f"reads up to {ceiling}" in proof.text
    # no writes on what it cannot read
    r = client.post(f"/api/v1/cases/{CASE}/incidents", headers={"Authorization": f"Bearer {tokens[user]}"},
                    json={"date": "2026-12-02", "description": "more", "severity": "low", "domain": "cbrn",
                          "deployer": "d", "developer": "d", "harmed": ["x"]})
    assert r.status_code == 403


def test_a_reviewer_reads_it_whole(tiered: tuple[TestClient, dict[str, str]]) -> None:
    client, tokens = tiered
    auth = {"Authorization": f"Bearer {tokens['reviewer']}"}
    page = client.get(f"/cases/{CASE}", headers=auth).text
    assert SECRET in page and TOP_SECRET in page and LOG_TEXT in page and 'id="withheld"' not in page
    assert SECRET in client.get(f"/api/v1/cases/{CASE}/evidence", headers=auth).text
    assert LOG_TEXT in client.get(f"/api/v1/cases/{CASE}/events", headers=auth).text
    assert LOG_TEXT in client.get(f"/cases/{CASE}/review", headers=auth).text
    size = json.loads(client.get("/api/v1/log/checkpoint").text)["checkpoint"].split("\n")[1]
    r = client.get(f"/public/log/tile/entries/000.p/{size}", headers=auth)
    assert r.status_code == 200 and LOG_TEXT.encode() in r.content


def test_a_case_within_the_ceiling_is_read_whole(tmp_path: Path, database_url: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A viewer reads whole a case that holds nothing above internal (nothing is withheld for
    nothing), until a stored version that does not load makes what the case holds unknown."""
    from .conftest import build_board

    b = build_board(tmp_path, database_url)
    from casegate.load import load_case
    from casegate.store import open_registry
    from casegate.web import TokenStore

    for f in ("case.yaml", "evidence.yaml", "argument.yaml"):
        p = b.case_dir / f
        p.write_text(re.sub(r"confidentiality: (restricted|secret)", "confidentiality: internal", p.read_text()))
    # a registry of its own: the first version (with restricted material) would still count
    url = f"sqlite:///{tmp_path / 'internal.db'}"
    reg = open_registry(url)
    reg.submit_case(load_case(b.case_dir / "case.yaml"))
    reg.close()
    from casegate.web import Settings, create_app

    token = TokenStore(tmp_path / "tokens.json").create("Vera Lind", ["viewer"])[1]
    client = TestClient(create_app(Settings(database_url=url, keyring=KEYRING, tokens=tmp_path / "tokens.json",
                                            secret=b"s")))
    page = client.get(f"/cases/{CASE}", headers={"Authorization": f"Bearer {token}"}).text
    assert 'id="withheld"' not in page and "Evidence" in page
    # a version stored with an artifact outside its files (as `registry submit` once allowed)
    monkeypatch.setattr("casegate.store._files._check_artifacts_stay_inside", lambda *a: None)
    ev = b.case_dir / "evidence.yaml"
    ev.write_text(ev.read_text().replace("artifact: evals/cyber-ctf.json", "artifact: ../elsewhere/cyber-ctf.json", 1))
    reg = open_registry(url)
    reg.submit_case(load_case(b.case_dir / "case.yaml", root=b.case_dir.parent))
    reg.close()
    monkeypatch.undo()
    page = client.get(f"/cases/{CASE}", headers={"Authorization": f"Bearer {token}"}).text
    assert 'id="withheld"' in page and "cannot be established" in page


def test_token_ceilings_default_by_role_and_refuse_unknown_levels(tmp_path: Path) -> None:
    from casegate.errors import InputError
    from casegate.model import Confidentiality
    from casegate.web import TokenStore

    store = TokenStore(tmp_path / "tokens.json")
    got = {}
    for roles, ceiling in ((["viewer"], None), (["author"], None), (["rso"], None), ([], None),
                           (["viewer", "rso"], None), (["rso"], Confidentiality.restricted)):
        token = store.create("X", roles, ceiling)[1]
        p = store.authenticate(token)
        assert p is not None
        got[(tuple(roles), ceiling)] = p.ceiling.value
    assert list(got.values()) == ["internal", "internal", "secret", "internal", "secret", "restricted"]
    doc = json.loads((tmp_path / "tokens.json").read_text())
    doc["tokens"][0]["ceiling"] = "top-secret"
    (tmp_path / "tokens.json").write_text(json.dumps(doc))
    with pytest.raises(InputError, match="unknown ceiling 'top-secret'"):
        TokenStore(tmp_path / "tokens.json")
    store.refresh()  # a file that no longer reads leaves no token valid
    assert store.authenticate(token) is None


def test_token_create_takes_a_ceiling(tmp_path: Path) -> None:
    from .conftest import cli

    tokens = str(tmp_path / "tokens.json")
    r = cli("token", "create", "--person", "Vera Lind", "--role", "viewer", "--ceiling", "top", "--tokens", tokens,
            cwd=tmp_path)
    assert r.returncode != 0 and "unknown confidentiality level 'top'" in r.stderr and "Traceback" not in r.stderr
    r = cli("token", "create", "--person", "Vera Lind", "--role", "viewer", "--ceiling", "restricted",
            "--tokens", tokens, cwd=tmp_path)
    assert r.returncode == 0 and "reads up to restricted" in r.stdout, r.stderr
    r = cli("token", "create", "--person", "Dana Ortiz", "--role", "safety-lead", "--tokens", tokens, cwd=tmp_path)
    assert r.returncode == 0 and "reads up to secret" in r.stdout, r.stderr
    listed = cli("token", "list", "--tokens", tokens, cwd=tmp_path).stdout.splitlines()
    assert "restricted" in listed[0] and "secret" in listed[1]


def test_an_error_about_a_withheld_case_names_no_detail(tiered: tuple[TestClient, dict[str, str]],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """An error's text may quote the case (a loader's message names the value it could not
    read): a token the case is withheld from gets the error without it."""
    from casegate.errors import InputError

    client, tokens = tiered

    def fails(*_a: Any, **_k: Any) -> Any:
        raise InputError(f"evidence.yaml:24: cannot read the title 'under the {SECRET}'")

    monkeypatch.setattr("casegate.web._api.readable_version", fails)
    r = client.get(f"/api/v1/cases/{CASE}/evidence", headers={"Authorization": f"Bearer {tokens['viewer']}"})
    assert r.status_code == 400 and SECRET not in r.text and "withheld" in r.text
    r = client.get(f"/api/v1/cases/{CASE}/evidence", headers={"Authorization": f"Bearer {tokens['reviewer']}"})
    assert r.status_code == 400 and SECRET in r.text


def test_a_state_proof_that_carries_another_cases_withheld_entries_is_refused(
        tiered: tuple[TestClient, dict[str, str]], tmp_path: Path, database_url: str) -> None:
    """A state proof carries every log entry from its case's first on, whole: a token that reads
    this case but not another case with an entry in that range does not get it."""
    from casegate.load import load_case
    from casegate.sign import load_keyring, parse_instant, with_attestations
    from casegate.store import generate_key, open_registry

    client, tokens = tiered
    other = tmp_path / "other"
    shutil.copytree(EXAMPLE, other)
    text = (other / "case.yaml").read_text()
    (other / "case.yaml").write_text(text.replace(f"id: {CASE}\n", "id: atlas-2-other\n", 1))
    for f in ("case.yaml", "evidence.yaml"):  # a case that holds nothing above restricted
        (other / f).write_text((other / f).read_text().replace("confidentiality: secret", "confidentiality: restricted"))
    loaded = with_attestations(load_case(other / "case.yaml"), load_keyring(KEYRING),
                               parse_instant("2026-11-27", end_of_day=True))
    key = tmp_path / "log2.key"
    generate_key(key)
    with open_registry(database_url) as reg:
        reg.submit_case(loaded)
        reg.record("incident", CASE, {"date": "2026-12-02", "severity": "high", "domain": "cbrn",
                                      "description": f"Again the {LOG_TEXT}."})
        reg.checkpoint(key, "board.casegate.example/log")
    url = "/api/v1/cases/atlas-2-other/state-proof"
    r = client.get(url, headers={"Authorization": f"Bearer {tokens['restricted']}"})
    assert r.status_code == 403, r.text
    assert f"entries of case {CASE}" in r.text and LOG_TEXT not in r.text
    r = client.get(url, headers={"Authorization": f"Bearer {tokens['reviewer']}"})
    assert r.status_code == 200, r.text
    assert LOG_TEXT in r.text  # what the 403 held back: the other case's entry, whole
