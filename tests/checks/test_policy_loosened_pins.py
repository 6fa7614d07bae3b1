"""CG328 against a policy whose next version drops or changes a pin of a task reference: the
sample digest, the prompt digest or the task code's revision. The policy rides in the case's
folder: the lab edits it with the version it helps, so a run of another prompt template, another
commit of the task code or part of its samples counts again. CG325 also reports the changed task
set, but a change the policy's owners (the lab) sign clears it; a loosening does not clear."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.sign import load_keyring, parse_instant, with_attestations

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")
TODAY = dt.date(2026, 11, 27)
DIGEST = "sha256:09aea57964167a938ae9498cb81753b17b2cdc14ee0444d6c2f51b99683ba643"
PROMPT = "sha256:" + "ab" * 32
CTF = f'tasks: [{{name: acme-ctf-pro, version: "4", digest: {DIGEST}}}]'


def _ctf(**pins: str) -> str:
    return 'tasks: [{name: acme-ctf-pro, version: "4"' + "".join(f", {k}: {v}" for k, v in pins.items()) + "}]"


PINNED = _ctf(digest=DIGEST, prompt=PROMPT, revision="1a2b3c4d5e")


def _version(d: Path, version: str, tasks: str) -> Path:
    shutil.copytree(ATLAS, d)
    case = d / "case.yaml"
    case.write_text(case.read_text().replace('version: "1.0"', f'version: "{version}"'))
    pol = (d / "policy.yaml").read_text()
    assert pol.count(CTF) == 1
    (d / "policy.yaml").write_text(pol.replace(CTF, tasks))
    return case


def _gate(tmp: Path, before: str, now: str) -> DecisionRecord:
    at = parse_instant(TODAY.isoformat(), end_of_day=True)
    prev = with_attestations(load_case(_version(tmp / "v1", "1.0", before)), KEYRING, at)
    case = with_attestations(load_case(_version(tmp / "v2", "1.1", now)), KEYRING, at)
    return run_gate(case, previous=prev, today=TODAY, try_narrower=False)


def _loosened(r: DecisionRecord) -> list[str]:
    return [f.message for f in r.findings if f.code == "CG328" and f.blocking]


@pytest.mark.parametrize(("now", "dropped"), [
    (_ctf(digest=DIGEST, revision="1a2b3c4d5e"), "prompt"),
    (_ctf(digest=DIGEST, prompt=PROMPT), "revision"),
    (_ctf(prompt=PROMPT, revision="1a2b3c4d5e"), "digest"),
    (_ctf(digest=DIGEST, prompt=PROMPT, revision="9f8e7d6c5b"), "revision 9f8e7d6c5b"),
    (_ctf(digest=DIGEST, prompt="sha256:" + "cd" * 32), "prompt sha256:cdcdcdcdcdcd"),
])
def test_a_pin_dropped_or_changed_in_the_next_policy_blocks(tmp_path: Path, now: str, dropped: str) -> None:
    """Attack: the version that needs it edits the policy's task reference of cyber-high, dropping
    (or changing) the pin of its prompt template, task code commit or samples."""
    r = _gate(tmp_path, PINNED, now)
    assert r.outcome == "NO-GO"
    got = [m for m in _loosened(r) if m.startswith("`cyber-high` may now be measured on {name acme-ctf-pro")]
    assert len(got) == 1, _loosened(r)
    assert "which keeps the pins of no task the previous policy named" in got[0]
    assert got[0].endswith("since the previous version")
    if " " not in dropped:
        assert f"{dropped} " not in got[0].split(", which keeps")[0]


def test_every_task_reference_dropped_blocks(tmp_path: Path) -> None:
    r = _gate(tmp_path, PINNED, "tasks: []")
    assert any(m.startswith("`cyber-high` may now be measured on any task (the previous policy named {name "
                            "acme-ctf-pro") for m in _loosened(r))


def test_a_pin_added_or_kept_is_not_a_loosening(tmp_path: Path) -> None:
    r = _gate(tmp_path, CTF, PINNED)
    assert not [m for m in _loosened(r) if "may now be measured on" in m]
    r = _gate(tmp_path / "same", PINNED, PINNED)
    assert not [m for m in _loosened(r) if "may now be measured on" in m]
