"""A signed world for tests: a copy of the example case, fresh keys for its signers, a keyring."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from securesystemslib.signer import Signer

from casegate.load import Loaded, load_case
from casegate.sign import Keyring, add_key, generate_key, load_signer, new_keyring, save_keyring
from tests._evaluators import with_example_evaluators

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"
MODEL = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"

# name -> (person, roles, valid_from, valid_until)
PEOPLE = {
    "dana": ("Dana Ortiz", ["safety-lead"], "2026-01-01", "2028-12-31"),
    "dana2": ("Dana Ortiz", ["safety-lead"], "2026-01-01", "2028-12-31"),
    "sam": ("Sam Whitfield", ["rso"], "2026-01-01", "2028-12-31"),
    "priya": ("Priya Natarajan", ["external-evaluator"], "2026-01-01", "2028-12-31"),
    "lee": ("Lee Park", ["safety-lead"], "2026-01-01", "2028-12-31"),
    "pat": ("Pat Quinn", ["product-lead", "rso"], "2026-01-01", "2028-12-31"),
    "mira": ("Mira Chen", ["safety-lead"], "2026-01-01", "2028-12-31"),
}

ORGANISATIONS = {"Priya Natarajan": "Northbridge Security", **dict.fromkeys(
    ("Dana Ortiz", "Sam Whitfield", "Lee Park", "Pat Quinn", "Mira Chen"), "Acme Labs")}
"""The organisations the test keyrings record (as the example's keyring does): the external
evaluator's is not the developer's, and the lab's own people, who may decide, are of Acme Labs."""


@dataclass
class World:
    dir: Path
    case: Path
    ring: Keyring
    ring_path: Path
    signers: dict[str, Signer] = field(default_factory=dict)
    key_paths: dict[str, Path] = field(default_factory=dict)
    stranger: Signer | None = None

    def load(self) -> Loaded:
        return load_case(self.case)


def make_world(tmp: Path, people: dict[str, tuple[str, list[str], str, str]] | None = None,
               authors_list: bool = True) -> World:
    d = tmp / "atlas-api"
    shutil.copytree(EXAMPLE, d, ignore=shutil.ignore_patterns("keys", "signoffs", "objections", "waivers",
                                                               "*.bundle.json"))
    ring = new_keyring("test keyring")
    w = World(d, d / "case.yaml", ring, tmp / "keyring.yaml")
    for name, (person, roles, since, until) in (people or PEOPLE).items():
        p = tmp / "keys" / f"{name}.key"
        generate_key(p)
        s = load_signer(str(p))
        w.signers[name], w.key_paths[name] = s, p
        ring = add_key(ring, s.public_key, person=person, roles=roles, valid_from=since, valid_until=until,
                       organisation=ORGANISATIONS.get(person))
    generate_key(tmp / "keys" / "stranger.key")
    w.stranger = load_signer(str(tmp / "keys" / "stranger.key"))
    w.key_paths["stranger"] = tmp / "keys" / "stranger.key"
    # the example's external evaluators, whose signed attestations make its evidence independent
    ring = with_example_evaluators(ring)
    w.ring = ring
    save_keyring(ring, w.ring_path)
    if authors_list and "mira" in w.signers:  # Mira Chen, an author, signs the authors list
        from casegate.sign import parse_instant, sign_authors

        sign_authors(w.load(), "safety-lead", w.signers["mira"], ring, at=parse_instant("2026-11-20"))
    return w
