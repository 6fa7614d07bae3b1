"""A review board over a registry holding the example case, gated, with the demo keyring and a
token per kind of user."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"
KEYRING = EXAMPLE / "keys" / "keyring.yaml"

USERS = {
    # name: (person, token roles)
    "safety-lead": ("Dana Ortiz", ["safety-lead"]),
    "rso": ("Sam Whitfield", ["rso"]),
    "external": ("Priya Natarajan", ["external-evaluator"]),
    "author": ("Mira Chen", ["author"]),
    "impostor": ("Dana Ortiz", ["rso"]),  # the token claims a role the keyring does not give Dana
}


@dataclass
class BoardFixture:
    client: TestClient
    tokens: dict[str, str]
    case_dir: Path
    database_url: str
    case_id: str = "atlas-2-api"

    def auth(self, user: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[user]}"} if user in self.tokens else {}


def build_board(tmp_path: Path, database_url: str) -> BoardFixture:
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.store import open_registry, record_decision
    from casegate.web import Settings, TokenStore, create_app

    case_dir = tmp_path / "atlas-api"
    shutil.copytree(EXAMPLE, case_dir)
    reg = open_registry(database_url)
    loaded = load_case(case_dir / "case.yaml")
    v = reg.submit_case(loaded)
    record_decision(reg, run_gate(loaded), version=v.number)
    reg.close()
    store = TokenStore(tmp_path / "tokens.json")
    tokens = {name: store.create(person, roles)[1] for name, (person, roles) in USERS.items()}
    app = create_app(Settings(database_url=database_url, keyring=KEYRING, tokens=tmp_path / "tokens.json",
                              secret=b"test-secret", write_rate=1.0, write_burst=30))
    return BoardFixture(TestClient(app), tokens, case_dir, database_url)


@pytest.fixture
def board(tmp_path: Path, database_url: str) -> BoardFixture:
    return build_board(tmp_path, database_url)
