"""People, not names: identities with stable ids and several keys; look-alike names refused."""

from __future__ import annotations

import subprocess
import sys

import pytest

from casegate.errors import InputError
from casegate.model import BoundaryKind, RoleRequirement, SignoffPolicy
from casegate.sign import (
    add_key,
    dump_keyring,
    generate_key,
    load_keyring,
    load_signer,
    name_key,
    new_keyring,
    save_keyring,
)
from casegate.verify import authority_problems

from .helpers import EXAMPLE


def _key(tmp_path, name):
    g = generate_key(tmp_path / f"{name}.key")
    return load_signer(str(g.private_path)).public_key


def _add(ring, pub, person, **kw):
    return add_key(ring, pub, person=person, roles=kw.pop("roles", ["safety-lead"]), valid_from="2026-01-01",
                   valid_until="2027-12-31", **kw)


VARIANTS = [
    ("zero-width space inside", "Dana\u200b Ortiz"),
    ("zero-width space for the space", "Dana\u200bOrtiz"),
    ("zero-width joiner in a word", "Da\u200dna Ortiz"),
    ("case", "DANA ORTIZ"),
    ("Cyrillic a (homoglyph)", "D\u0430na Ortiz"),
    ("Greek capital omicron (homoglyph)", "Dana \u039frtiz"),
    ("fullwidth letters (NFKC)", "\uff24ana Ortiz"),
    ("control character", "Dana Ortiz\u0007"),
    ("double space", "Dana  Ortiz"),
]


@pytest.mark.parametrize("why,variant", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_look_alike_name_is_the_same_person(why, variant):
    assert name_key(variant) == name_key("Dana Ortiz"), why


@pytest.mark.parametrize("why,variant", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_look_alike_identity_refused_when_the_keyring_loads(tmp_path, why, variant):
    """Reason: a second identity whose name reads as Dana Ortiz would count as a second person."""
    ring = _add(new_keyring("t"), _key(tmp_path, "a"), "Dana Ortiz")
    text = dump_keyring(ring)
    other = _add(new_keyring("t"), _key(tmp_path, "b"), "Someone Else")
    block = dump_keyring(other).split("identities:\n", 1)[1]
    block = block.replace('"someone-else"', '"dana-2"').replace('"Someone Else"', repr(variant)[1:-1]
                                                                 .join('""'))
    (tmp_path / "kr.yaml").write_text(text + block)
    with pytest.raises(InputError, match="has the same name as identity 'dana-ortiz'") as e:
        load_keyring(tmp_path / "kr.yaml")
    assert e.value.location.startswith(f"{tmp_path / 'kr.yaml'}:")


@pytest.mark.parametrize("why,variant", VARIANTS, ids=[v[0] for v in VARIANTS])
def test_keys_add_refuses_a_look_alike_name(tmp_path, why, variant):
    """Reason: a key added under a look-alike of Dana's name would claim Dana's identity."""
    ring = _add(new_keyring("t"), _key(tmp_path, "a"), "Dana Ortiz")
    with pytest.raises(InputError, match="is not the name of identity 'dana-ortiz'"):
        _add(ring, _key(tmp_path, "b"), variant)


def test_second_key_joins_the_same_identity_and_counts_once(tmp_path):
    ring = _add(new_keyring("t"), _key(tmp_path, "a"), "Dana Ortiz", organisation="Acme")
    ring = _add(ring, _key(tmp_path, "b"), "Dana Ortiz")
    assert [i.id for i in ring.identities] == ["dana-ortiz"]
    assert len(ring.identities[0].keys) == 2
    assert {k.identity for k in ring.keys} == {"dana-ortiz"}
    assert {k.organisation for k in ring.keys} == {"Acme"}
    save_keyring(ring, tmp_path / "kr.yaml")
    assert load_keyring(tmp_path / "kr.yaml") == ring
    pol = SignoffPolicy(required={BoundaryKind.api: [RoleRequirement(role="safety-lead", min=2)]})
    a, b = (k.keyid for k in ring.keys)
    problems = authority_problems([("Dana Ortiz", "safety-lead", a), ("Dana Ortiz", "safety-lead", b)],
                                  pol, BoundaryKind.api, [])
    assert problems and "only 1 counted" in problems[0] and "one person counts once" in problems[0]


def test_look_alike_signers_count_once():
    """Reason: two sign-offs under spellings of one name are one person (k-of-n counts people)."""
    pol = SignoffPolicy(required={BoundaryKind.api: [RoleRequirement(role="safety-lead", min=2)]})
    problems = authority_problems([("Dana Ortiz", "safety-lead", "a" * 64),
                                   ("D\u0430na\u200b Ortiz", "safety-lead", "b" * 64)], pol, BoundaryKind.api, [])
    assert problems and "only 1 counted" in problems[0]


def test_author_under_a_look_alike_name_still_cannot_sign():
    pol = SignoffPolicy(required={BoundaryKind.api: [RoleRequirement(role="safety-lead")]})
    problems = authority_problems([("Mira Chen", "safety-lead", "a" * 64)], pol, BoundaryKind.api,
                                  ["MIRA\u200b CHEN"])
    assert "Mira Chen wrote the case and cannot sign it off" in problems


def test_second_key_under_another_persons_name_with_another_id_refused(tmp_path):
    """Reason: adding a key as a new identity that reuses Sam's name would let its holder sign as Sam."""
    ring = _add(new_keyring("t"), _key(tmp_path, "a"), "Sam Whitfield", roles=["rso"])
    with pytest.raises(InputError, match="'Sam Whitfield' is already identity 'sam-whitfield'"):
        _add(ring, _key(tmp_path, "b"), "Sam Whitfield", identity="dana-ortiz", roles=["rso"])


def test_one_key_under_two_identities_refused(tmp_path):
    """Reason: a key listed under two people would let one signature count for either."""
    ring = _add(new_keyring("t"), _key(tmp_path, "a"), "Dana Ortiz")
    ring = _add(ring, _key(tmp_path, "b"), "Sam Whitfield", roles=["rso"])
    text = dump_keyring(ring)
    dana_key = ring.identities[0].keys[0].keyid
    sam = ring.identities[1].keys[0]
    text = text.replace(sam.keyid, dana_key).replace(sam.public, ring.identities[0].keys[0].public)
    (tmp_path / "kr.yaml").write_text(text)
    with pytest.raises(InputError, match="also under identity 'dana-ortiz'.*a key belongs to one person"):
        load_keyring(tmp_path / "kr.yaml")


def test_version_1_keyring_is_read_as_identities_and_migrated(tmp_path):
    v1 = (EXAMPLE / "keys" / "keyring.yaml").read_text()
    ring = load_keyring(EXAMPLE / "keys" / "keyring.yaml")
    lines = ["casegate: 1", "kind: keyring", f"name: {ring.name!r}", "keys:"]
    for k in ring.keys:
        lines += [f"  - keyid: {k.keyid}", f"    person: {k.person}", f"    roles: [{k.roles[0]}]",
                  f"    public: {k.public}", f"    valid_from: '{k.valid_from}'", f"    valid_until: '{k.valid_until}'"]
    (tmp_path / "v1.yaml").write_text("\n".join(lines) + "\n")
    old = load_keyring(tmp_path / "v1.yaml")
    assert [(i.id, i.name) for i in old.identities] == [(i.id, i.name) for i in ring.identities]
    r = subprocess.run([sys.executable, "-m", "casegate", "keys", "migrate", str(tmp_path / "v1.yaml")],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert f"as keyring version 2: {len(ring.identities)} identities, {len(ring.keys)} keys" in r.stdout
    assert load_keyring(tmp_path / "v1.yaml") == old
    assert "casegate: 2" in (tmp_path / "v1.yaml").read_text()
    assert v1 == (EXAMPLE / "keys" / "keyring.yaml").read_text()


def test_version_1_keyring_with_look_alike_people_refused(tmp_path):
    """Reason: under version 1 a zero-width space made a second person; reading it now refuses."""
    ring = load_keyring(EXAMPLE / "keys" / "keyring.yaml")
    a, b = ring.keys[0], ring.keys[1]
    lines = ["casegate: 1", "kind: keyring", "name: x", "keys:"]
    for k, person in ((a, "Dana Ortiz"), (b, "Dana\u200b Ortiz")):
        lines += [f"  - keyid: {k.keyid}", f'    person: "{person}"', "    roles: [safety-lead]",
                  f"    public: {k.public}", "    valid_from: '2026-01-01'", "    valid_until: '2027-01-01'"]
    (tmp_path / "v1.yaml").write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError, match="has the same name as identity") as e:
        load_keyring(tmp_path / "v1.yaml")
    assert e.value.location == f"{tmp_path / 'v1.yaml'}:11:5"  # the second key's entry


SPELLINGS = [
    ("an accent", "Dana Ortíz"),
    ("a trailing full stop", "Dana Ortiz."),
    ("a hyphen for the space", "Dana-Ortiz"),
    ("an apostrophe", "Dana O’rtiz"),
    ("a suffix", "Dana Ortiz PhD"),
    ("a title before it", "Dr Dana Ortiz"),
    ("a shorter form", "Dana"),
]


@pytest.mark.parametrize("why,variant", SPELLINGS, ids=[v[0] for v in SPELLINGS])
def test_a_second_identity_under_another_spelling_is_refused(tmp_path, why, variant):
    """Attack: the keyring gives Dana Ortiz, the lab's safety lead, a second identity under another
    spelling of her name, of Northbridge Security, holding the outside evaluator's role: a reviewer
    reading the keyring sees two entries that read as one name, and the two identities would count
    as two people, one of them outside the developer."""
    ring = _add(new_keyring("t"), _key(tmp_path, "a"), "Dana Ortiz", organisation="Acme Labs")
    text = dump_keyring(ring)
    other = _add(new_keyring("t"), _key(tmp_path, "b"), "Someone Else", roles=["external-evaluator"],
                 organisation="Northbridge Security")
    block = dump_keyring(other).split("identities:\n", 1)[1]
    block = block.replace('"someone-else"', '"dana-2"').replace('"Someone Else"', f'"{variant}"')
    (tmp_path / "kr.yaml").write_text(text + block)
    with pytest.raises(InputError, match="can be mistaken for identity 'dana-ortiz'") as e:
        load_keyring(tmp_path / "kr.yaml")
    assert e.value.location.startswith(f"{tmp_path / 'kr.yaml'}:")
    with pytest.raises(InputError, match="can be mistaken for identity 'dana-ortiz'"):
        _add(ring, _key(tmp_path, "c"), variant, roles=["external-evaluator"], organisation="Northbridge Security",
             identity="dana-2")


def test_people_whose_names_only_share_words_are_two_identities(tmp_path):
    """Not refused: names that share a word but neither is the other's with more words."""
    ring = _add(new_keyring("t"), _key(tmp_path, "a"), "Dana Ortiz")
    ring = _add(ring, _key(tmp_path, "b"), "Dana Park")
    ring = _add(ring, _key(tmp_path, "c"), "Lee Ortiz")
    ring = _add(ring, _key(tmp_path, "d"), "Dana Ortizova")
    save_keyring(ring, tmp_path / "kr.yaml")
    assert len(load_keyring(tmp_path / "kr.yaml").identities) == 4
