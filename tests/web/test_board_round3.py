"""The review board, round 3: an answer or acceptance the gate would not count is not logged; the
case file's objections are shown as the gate judges them; an objection is logged with the version
its digest names; the `limits` storage is made at first use only."""

from __future__ import annotations

import re
import subprocess
import sys

from casegate.load import load_case
from casegate.store import open_registry

from .conftest import BoardFixture, answer_env, approve, cli, objection_env

CASE = "atlas-2-api"
REASON = "The CTF suite under-samples web exploitation."


def _escalating(board: BoardFixture) -> None:
    pol = board.case_dir / "policy.yaml"
    pol.write_text(pol.read_text().replace("  objections: block\n", "  objections: escalate\n  escalate_to: rso\n"
                                           "  answer_accepted_by: escalation\n", 1))


def _objection_row(html: str) -> str:
    m = re.search(r'<ul id="objections">(.*?)</ul>', html, re.S)
    assert m, html[:2000]
    return m.group(1)


def test_the_escalation_role_does_not_accept_its_own_answer(board: BoardFixture) -> None:
    """The lab's rso, the policy's escalation role, answers the outside evaluator's objection and
    then accepts that answer himself, as the escalation role: the gate does not count an acceptance
    by the answer's own signer, so the board refuses to log it (before, it logged it as given); an
    answer by someone else, accepted by him, closes the objection."""
    _escalating(board)
    approve(board)
    c = board.client
    objection = objection_env(board, "Priya Natarajan", "external-evaluator", REASON)
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection}, headers=board.auth("external"))
    assert r.status_code == 201, r.text
    index = r.json()["index"]
    url = f"/api/v1/cases/{CASE}/objections/{index}/answer"

    mine = answer_env(board, "Sam Whitfield", "rso", objection, text="Web exploitation is covered enough.")
    assert c.post(url, json={"envelope": mine}, headers=board.auth("rso")).status_code == 201
    reg = open_registry(board.database_url)
    size = reg.size()
    reg.close()
    self_accept = answer_env(board, "Sam Whitfield", "rso", objection, kind="accept", accepts=mine)
    r = c.post(url, json={"envelope": self_accept}, headers=board.auth("rso"))
    assert r.status_code == 403 and "signed the answer it accepts" in r.text, r.text
    reg = open_registry(board.database_url)
    assert reg.size() == size  # nothing logged
    assert not [e for e in reg.events(case_id=CASE, kind="objection-answer") if e.payload.get("kind") == "accept"]
    reg.close()
    row = _objection_row(c.get(f"/cases/{CASE}", headers=board.auth("safety-lead")).text)
    assert "escalated to rso" in row and "sev-blocking" in row

    # another answerer's answer, accepted by the escalation role: answered
    good = answer_env(board, "Dana Ortiz", "safety-lead", objection, text="Web exploitation is in E-web.")
    assert c.post(url, json={"envelope": good}, headers=board.auth("safety-lead")).status_code == 201
    ok = answer_env(board, "Sam Whitfield", "rso", objection, kind="accept", accepts=good)
    r = c.post(url, json={"envelope": ok}, headers=board.auth("rso"))
    assert r.status_code == 201, r.text
    row = _objection_row(c.get(f"/cases/{CASE}", headers=board.auth("safety-lead")).text)
    assert "answered by safety-lead (accepted by Sam Whitfield)" in row and "sev-advisory" in row


def test_the_objector_answers_under_another_role_of_theirs(board: BoardFixture) -> None:
    """One person, two roles: the keyring gives the outside evaluator a second key as safety-lead
    (one identity; the keyring refuses a second identity of the same name). Her answer to her own
    objection under that role is refused, as the gate does not count it."""
    import yaml

    ring = board.case_dir.parent / "ring.yaml"
    doc = yaml.safe_load((board.case_dir / "keys" / "keyring.yaml").read_text())
    by_id = {i["id"]: i for i in doc["identities"]}
    dana_key = dict(by_id["dana-ortiz"]["keys"][0])
    by_id["dana-ortiz"]["keys"] = []
    doc["identities"] = [i for i in doc["identities"] if i["id"] != "dana-ortiz"]
    # Priya holds the (demo) key that signs as safety-lead
    by_id["priya-natarajan"]["keys"].append(dana_key)
    ring.write_text(yaml.safe_dump(doc))
    from fastapi.testclient import TestClient

    from casegate.sign import (
        ANSWER,
        envelope_sha256,
        load_keyring,
        load_signer,
        now_utc,
        sign_statement,
        subjects,
    )
    from casegate.sign import statement as make_statement
    from casegate.sign._signoff import _base_predicate
    from casegate.web import Settings, TokenStore, create_app

    keyring = load_keyring(ring)
    store = TokenStore(board.case_dir.parent / "tokens2.json")
    both = store.create("Priya Natarajan", ["external-evaluator", "safety-lead"])[1]
    app = create_app(Settings(database_url=board.database_url, keyring=ring,
                              tokens=board.case_dir.parent / "tokens2.json", secret=b"s2", write_rate=1.0,
                              write_burst=30))
    c = TestClient(app)
    auth = {"Authorization": f"Bearer {both}"}
    objection = objection_env(board, "Priya Natarajan", "external-evaluator", REASON)
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection}, headers=auth)
    assert r.status_code == 201, r.text
    loaded = load_case(board.case_dir / "case.yaml")
    signer = load_signer(str(board.case_dir / "keys" / "dana-ortiz.key"))
    key = keyring.get(signer.public_key.keyid)
    assert key is not None and key.person == "Priya Natarajan"
    pred = _base_predicate(loaded, key, "safety-lead", now_utc())
    pred.update({"objection": "O-1", "objection_envelope": envelope_sha256(objection), "kind": "answer",
                 "answer": "Covered, as I see it now."})
    env = sign_statement(make_statement(subjects(loaded, pred["case"]["digest"]), ANSWER, pred), signer)
    r = c.post(f"/api/v1/cases/{CASE}/objections/{r.json()['index']}/answer", json={"envelope": env}, headers=auth)
    assert r.status_code == 403 and "someone other than its author" in r.text, r.text


def test_the_review_page_shows_the_case_files_objections_as_the_gate_judges_them(board: BoardFixture) -> None:
    """The lab submits a version whose case file marks the outside evaluator's signed objection
    `answered` (by safety-lead, with an answer of its own writing), with no signed answer the
    objector accepted. The gate reads the signed statements and finds it open (CG504); the review
    page showed the file's word, "answered", as settled. It now shows it open, blocking, and says
    the file marks it answered; a signed objection in the folder the file does not list is shown."""
    d = board.case_dir
    r = cli("object", "case.yaml", "--role", "external-evaluator", "--key", "keys/priya-natarajan.key",
            "--keyring", "keys/keyring.yaml", "--reason", "The jailbreak suite misses multi-turn attacks.", cwd=d)
    assert r.returncode == 0, r.stderr
    case = d / "case.yaml"
    text = case.read_text()
    assert "status: open, envelope: objections/O-2.dsse.json" in text
    case.write_text(text.replace("status: open, envelope: objections/O-2.dsse.json",
                                 'status: answered, answer: "Multi-turn attacks are in E-redteam-classifier.", '
                                 "answered_by: safety-lead, envelope: objections/O-2.dsse.json"))
    # a second signed objection, in the folder only
    (d / "objections" / "O-2.dsse.json").rename(d / "objections" / "keep.dsse.json")
    r = cli("object", "case.yaml", "--role", "external-evaluator", "--key", "keys/priya-natarajan.key",
            "--keyring", "keys/keyring.yaml", "--reason", "The bio uplift study is underpowered.", cwd=d)
    assert r.returncode == 0, r.stderr
    (d / "objections" / "O-3.dsse.json").rename(d / "objections" / "folder-only.dsse.json")
    (d / "objections" / "keep.dsse.json").rename(d / "objections" / "O-2.dsse.json")
    case.write_text(re.sub(r"^    O-3: .*\n", "", case.read_text(), flags=re.M))
    # and an entry the file marks answered whose signed statement does not verify (a forged copy)
    import json

    forged = json.loads((d / "objections" / "O-2.dsse.json").read_text())
    forged["signatures"][0]["sig"] = forged["signatures"][0]["sig"][:-4] + ("AAAA" if not forged["signatures"][0][
        "sig"].endswith("AAAA") else "BBBB")
    (d / "objections" / "forged.dsse.json").write_text(json.dumps(forged))
    case.write_text(case.read_text().replace(
        "  objections:\n", "  objections:\n    O-4: {role: external-evaluator, person: \"Priya Natarajan\", "
        "date: 2026-12-01, reason: \"A forged one.\", status: answered, answer: \"Settled.\", answered_by: "
        "safety-lead, envelope: objections/forged.dsse.json}\n", 1))
    reg = open_registry(board.database_url)
    reg.submit_case(load_case(case))
    reg.close()
    c = board.client
    html = c.get(f"/cases/{CASE}/review", headers=board.auth("safety-lead")).text
    table = html.split('<table id="objections">', 1)[1].split("</table>", 1)[0]
    rows = {m: r for r in table.split("<tr>") for m in ("O-1", "O-2", "O-3", "O-4") if f"{m})" in r}
    assert "not judged" in rows["O-4"] and "sev-blocking" in rows["O-4"] and "does not verify" in rows["O-4"], rows
    assert "sev-blocking" in rows["O-2"] and "open" in rows["O-2"], rows["O-2"]
    assert "though the case file marks it answered" in rows["O-2"], rows["O-2"]
    assert "answered by safety-lead" not in rows["O-2"] and "sev-advisory" not in rows["O-2"]
    assert "underpowered" in rows["O-3"] and "sev-blocking" in rows["O-3"], rows
    assert "not listed in the case file" in rows["O-3"]
    # the example's unsigned O-1, answered by a role that may answer, stands answered for the gate too
    assert "answered by safety-lead" in rows["O-1"] and "sev-advisory" in rows["O-1"], rows["O-1"]
    # and the board's gate run on that version agrees
    r = c.post(f"/api/v1/cases/{CASE}/gate", headers=board.auth("rso"))
    assert r.status_code == 200, r.text
    findings = c.get(f"/api/v1/cases/{CASE}/findings", headers=board.auth("rso")).json()
    cg504 = {str(f.get("path")): f for f in findings if f["code"] == "CG504"}
    assert any("O-2" in str(p) for p in cg504) and any("O-3" in str(p) for p in cg504), findings
    assert not any("O-1" in str(p) for p in cg504)


def test_an_objection_is_logged_with_the_version_it_names(board: BoardFixture) -> None:
    """The outside evaluator signs an objection to version 1; the lab submits version 2 before it
    is uploaded. The log said version 2 (the latest when it arrived); it now says version 1, the
    version its digest names. An objection to content no stored version has is refused."""
    c = board.client
    objection = objection_env(board, "Priya Natarajan", "external-evaluator", REASON)
    case = board.case_dir / "case.yaml"
    case.write_text(case.read_text().replace("title: Atlas-2 general API release with code execution",
                                             "title: Atlas-2 general API release with code execution (rev 2)", 1))
    reg = open_registry(board.database_url)
    v2 = reg.submit_case(load_case(case))
    reg.close()
    assert v2.number == 2
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection}, headers=board.auth("external"))
    assert r.status_code == 201, r.text
    reg = open_registry(board.database_url)
    logged = next(e for e in reg.events(case_id=CASE, kind="objection") if e.index == r.json()["index"])
    reg.close()
    assert logged.payload["version"] == 1
    # an objection to version 2 says 2
    again = objection_env(board, "Priya Natarajan", "external-evaluator", "Version 2 keeps the gap.", oid="O-9")
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": again}, headers=board.auth("external"))
    assert r.status_code == 201, r.text
    reg = open_registry(board.database_url)
    assert next(e for e in reg.events(case_id=CASE, kind="objection") if e.index == r.json()["index"]).payload[
        "version"] == 2
    size = reg.size()
    reg.close()
    # content the registry never stored
    case.write_text(case.read_text().replace("(rev 2)", "(rev 3, not submitted)", 1))
    unstored = objection_env(board, "Priya Natarajan", "external-evaluator", "A draft nobody submitted.", oid="O-8")
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": unstored}, headers=board.auth("external"))
    assert r.status_code == 422 and "no stored version" in r.text, r.text
    reg = open_registry(board.database_url)
    assert reg.size() == size
    reg.close()


def test_the_limits_storage_is_made_at_first_use_only() -> None:
    """Importing the board, making an app's sign-in limit and asking whether an address is blocked
    start no timer thread (limits' in-memory storage starts one when it is made); the first failed
    sign-in and the first gate run each make their limiter once, shared by every thread."""
    code = r"""
import threading
from concurrent.futures import ThreadPoolExecutor
import limits.storage
made = []
init = limits.storage.MemoryStorage.__init__
def counted(self, *a, **k):
    made.append(self)
    init(self, *a, **k)
limits.storage.MemoryStorage.__init__ = counted
from casegate.web._guards import LazyLimiter, SignInLimit, _gate_limiter, gate_run_allowed
import casegate.web
s = SignInLimit()
assert not s.blocked("a") and _gate_limiter.peek() is None and not made
assert not [t for t in threading.enumerate() if isinstance(t, threading.Timer)]
s.failed("a")
assert len(made) == 1
lazy = LazyLimiter()
with ThreadPoolExecutor(8) as pool:
    got = list(pool.map(lambda _: lazy.get(), range(64)))
assert len({id(m) for m in got}) == 1 and len(made) == 2
assert gate_run_allowed("k", frozenset({"rso"})) and len(made) == 3
assert gate_run_allowed("k", frozenset({"rso"})) and len(made) == 3
print("ok")
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_the_objector_accepts_an_answer_signed_into_the_case(board: BoardFixture) -> None:
    """The legitimate path stays open: an objection and its answer signed into the case (`casegate
    object`, `casegate answer`) and stored as a version; the objection uploaded to the board, then
    the objector's acceptance of that answer: logged, and the objection stands answered."""
    import json

    d = board.case_dir
    for args in (("object", "case.yaml", "--role", "external-evaluator", "--key", "keys/priya-natarajan.key",
                  "--reason", "The jailbreak suite misses multi-turn attacks."),
                 ("answer", "case.yaml", "O-2", "--role", "safety-lead", "--key", "keys/dana-ortiz.key",
                  "--text", "Multi-turn attacks are in E-redteam-classifier.")):
        r = cli(*args, "--keyring", "keys/keyring.yaml", cwd=d)
        assert r.returncode == 0, r.stderr
    reg = open_registry(board.database_url)
    reg.submit_case(load_case(d / "case.yaml"))
    reg.close()
    c = board.client
    objection = json.loads((d / "objections" / "O-2.dsse.json").read_text())
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection}, headers=board.auth("external"))
    assert r.status_code == 201, r.text
    index = r.json()["index"]
    (answer_file,) = (d / "answers").glob("O-2-answer-*.dsse.json")
    answer = json.loads(answer_file.read_text())
    accept = answer_env(board, "Priya Natarajan", "external-evaluator", objection, kind="accept", accepts=answer)
    r = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json={"envelope": accept},
               headers=board.auth("external"))
    assert r.status_code == 201, r.text


def test_an_unpinned_policy_closes_no_objection(board: BoardFixture) -> None:
    """The board holds the deployer's trust root, which pins the lab's policy. Before any approval,
    the lab submits a version whose policy lets its own rso accept answers (`answer_accepted_by:
    escalation`); its safety lead answers the outside evaluator's objection and its rso accepts the
    answer. `verify` trusts only a policy the root pins, so this closes nothing; the board logged
    the acceptance and showed the objection "answered". It now refuses the acceptance (409) and
    shows a signed objection judged under such a policy as not judged, blocking."""
    from fastapi.testclient import TestClient

    from casegate.web import Settings, create_app
    from tests.verify.trusted import make_trust

    t = make_trust(board.case_dir.parent / "root", policy=board.case_dir / "policy.yaml",
                   keyring=board.case_dir / "keys" / "keyring.yaml")
    _escalating(board)  # the lab's new policy, which the root does not pin
    reg = open_registry(board.database_url)
    reg.submit_case(load_case(board.case_dir / "case.yaml"))
    reg.close()
    tokens = board.case_dir.parent / "tokens.json"
    c = TestClient(create_app(Settings(database_url=board.database_url, keyring=board.case_dir / "keys" / "keyring.yaml",
                                       tokens=tokens, secret=b"t", trust_root=t.dir, write_rate=1.0, write_burst=30)))
    objection = objection_env(board, "Priya Natarajan", "external-evaluator", REASON)
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection}, headers=board.auth("external"))
    assert r.status_code == 201, r.text
    index = r.json()["index"]
    url = f"/api/v1/cases/{CASE}/objections/{index}/answer"
    good = answer_env(board, "Dana Ortiz", "safety-lead", objection, text="Web exploitation is in E-web.")
    r = c.post(url, json={"envelope": good}, headers=board.auth("safety-lead"))
    assert r.status_code == 409 and "not pinned by the board's trust root" in r.text, r.text
    ok = answer_env(board, "Sam Whitfield", "rso", objection, kind="accept", accepts=good)
    r = c.post(url, json={"envelope": ok}, headers=board.auth("rso"))
    assert r.status_code == 409 and "not pinned by the board's trust root" in r.text, r.text
    # logged by another writer all the same: the board does not show it answered
    reg = open_registry(board.database_url)
    for who, role, kind, env in (("Dana Ortiz", "safety-lead", "answer", good), ("Sam Whitfield", "rso", "accept", ok)):
        reg.record("objection-answer", CASE, {"objection": index, "role": role, "person": who, "kind": kind,
                                              "answer": None, "envelope": env, "via": "api"})
    reg.close()
    row = _objection_row(c.get(f"/cases/{CASE}", headers=board.auth("safety-lead")).text)
    assert "not judged" in row and "sev-blocking" in row and "not pinned by the board&#39;s trust root" in row, row
    assert "answered by" not in row
    table = c.get(f"/cases/{CASE}/review", headers=board.auth("safety-lead")).text.split('<table id="objections">', 1)[1]
    (logged,) = [r for r in table.split("</table>", 1)[0].split("<tr>") if REASON in r]
    assert "not judged" in logged and "sev-blocking" in logged and "answered by" not in logged, logged
    # the same board without a trust root cannot tell: the policy the version carries decides
    row = _objection_row(board.client.get(f"/cases/{CASE}", headers=board.auth("safety-lead")).text)
    assert "answered by safety-lead (accepted by Sam Whitfield)" in row


def test_the_case_files_objections_are_judged_only_under_what_the_trust_root_pins(board: BoardFixture) -> None:
    """The board holds the deployer's trust root, which pins the lab's first policy and keyring.
    The lab submits a version whose policy lets its own rso accept answers (`answer_accepted_by:
    escalation`) and signs into the case file the outside evaluator's objection, its safety lead's
    answer and its rso's acceptance. The review page showed the case file's objection "answered"
    (only the log's objections were held to the root's pins). It now shows it not judged,
    blocking, naming the unpinned policy; and under a root that pins that policy but not the
    board's keyring (the keyring file changed since), the case file's and the log's signed
    objections are not judged either, naming the keyring."""
    import shutil
    from pathlib import Path

    from fastapi.testclient import TestClient

    from casegate.web import Settings, create_app
    from tests.verify.trusted import make_trust

    d = board.case_dir
    ring = d / "keys" / "keyring.yaml"
    t = make_trust(d.parent / "root", policy=d / "policy.yaml", keyring=ring)
    _escalating(board)  # the lab's new policy, which the root does not pin
    for args in (("object", "case.yaml", "--role", "external-evaluator", "--key", "keys/priya-natarajan.key",
                  "--reason", "The jailbreak suite misses multi-turn attacks."),
                 ("answer", "case.yaml", "O-2", "--role", "safety-lead", "--key", "keys/dana-ortiz.key",
                  "--text", "Multi-turn attacks are in E-redteam-classifier."),
                 ("answer", "case.yaml", "O-2", "--role", "rso", "--key", "keys/sam-whitfield.key", "--accept")):
        r = cli(*args, "--keyring", "keys/keyring.yaml", cwd=d)
        assert r.returncode == 0, (args, r.stderr)
    reg = open_registry(board.database_url)
    reg.submit_case(load_case(d / "case.yaml"))
    reg.close()

    def review_rows(c: TestClient) -> dict[str, str]:
        html = c.get(f"/cases/{CASE}/review", headers=board.auth("safety-lead")).text
        table = html.split('<table id="objections">', 1)[1].split("</table>", 1)[0]
        return {m: r for r in table.split("<tr>") for m in ("O-1", "O-2") if f"{m})" in r}

    # without a trust root the board cannot tell: the lab's policy decides, and the answer counts
    rows = review_rows(board.client)
    assert "answered by safety-lead" in rows["O-2"] and "sev-advisory" in rows["O-2"], rows["O-2"]
    tokens = d.parent / "tokens.json"

    def client(root: Path) -> TestClient:
        return TestClient(create_app(Settings(database_url=board.database_url, keyring=ring, tokens=tokens,
                                              secret=b"t", trust_root=root, write_rate=1.0, write_burst=30)))

    rows = review_rows(client(t.dir))
    assert "not judged" in rows["O-2"] and "sev-blocking" in rows["O-2"], rows["O-2"]
    assert "not pinned by the board&#39;s trust root" in rows["O-2"] and "answered by" not in rows["O-2"], rows["O-2"]
    # the example's unsigned O-1 is no signature: it is judged as before
    assert "answered by safety-lead" in rows["O-1"], rows["O-1"]
    # a root pinning the lab's policy, and the keyring as it was; the board's keyring file gains a key
    pinned = d.parent / "pinned-keyring.yaml"
    shutil.copy2(ring, pinned)
    t2 = make_trust(d.parent / "root2", policy=d / "policy.yaml", keyring=pinned)
    r = cli("keys", "generate", "lab.pem", cwd=d.parent)
    assert r.returncode == 0, r.stderr
    r = cli("keys", "add", str(ring), "--public", "lab.pem.pub", "--person", "Lab Reviewer", "--role", "rso",
            "--from", "2026-01-01", "--until", "2030-12-31", cwd=d.parent)
    assert r.returncode == 0, r.stderr
    objection = objection_env(board, "Priya Natarajan", "external-evaluator", REASON)
    reg = open_registry(board.database_url)
    reg.record("objection", CASE, {"role": "external-evaluator", "person": "Priya Natarajan", "reason": REASON,
                                   "version": None, "envelope": objection, "status": "open", "via": "api"})
    reg.close()
    c2 = client(t2.dir)
    rows = review_rows(c2)
    assert "not judged" in rows["O-2"] and "the board&#39;s keyring is not one its trust root pins" in rows["O-2"], rows
    row = _objection_row(c2.get(f"/cases/{CASE}", headers=board.auth("safety-lead")).text)
    assert "not judged" in row and "the board&#39;s keyring is not one its trust root pins" in row, row
