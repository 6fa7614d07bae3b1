"""Hostile decision bundles: a field of envelopes that is not a list is refused naming the field,
and a bundle of very many entries gives its reasons in time linear in their number."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from casegate.errors import InputError
from casegate.model import BoundaryKind
from casegate.sign import parse_instant, sign_case
from casegate.verify import decide_case, read_bundle, verify_deploy
from tests.sign.helpers import MODEL, World, make_world

AT = parse_instant("2026-11-25")


@pytest.fixture(scope="module")
def world_bundle(tmp_path_factory) -> tuple[World, dict]:
    w = make_world(tmp_path_factory.mktemp("hostile-bundle"))
    for name, role in {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)
    _, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    return w, bundle


@pytest.mark.parametrize("key", ["signoffs", "objections", "answers", "authors", "waivers", "attestations"])
@pytest.mark.parametrize("value", ["x" * 1000, {"a": 1}, 7])
def test_a_field_of_envelopes_that_is_not_a_list_is_refused(world_bundle, tmp_path, key, value):
    _, bundle = world_bundle
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps({**bundle, key: value}))
    with pytest.raises(InputError) as e:
        read_bundle(path)
    assert f"`{key}`" in str(e.value) and "not a list" in str(e.value)
    assert str(path) in e.value.diagnostics()


def test_the_bundle_as_written_still_reads(world_bundle, tmp_path):
    _, bundle = world_bundle
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle))
    assert read_bundle(path)["signoffs"] == bundle["signoffs"]


def test_many_entries_give_their_reasons_without_a_quadratic_merge(world_bundle):
    """Judged at a past --at, the reasons found as of now are merged into those found as of --at;
    that merge was a list search per reason, so 200,000 bad sign-offs (a few MB of JSON) took
    hours. Run in a thread with a deadline far above the time it takes now."""
    import threading

    w, bundle = world_bundle
    hostile = {**bundle, "signoffs": [1] * 200_000}
    out: list = []
    t = threading.Thread(target=lambda: out.append(verify_deploy(
        hostile, w.ring, trust=None, proof=None, model_digest=MODEL, boundary=BoundaryKind.api,
        at=parse_instant("2026-12-01"), now=dt.datetime(2026, 12, 3, tzinfo=dt.UTC))), daemon=True)
    t.start()
    t.join(300)
    assert not t.is_alive(), "verify did not finish 200,000 bad sign-offs within 300 s"
    (v,) = out
    bad = [r for r in v.reasons if "not a DSSE envelope" in r]
    assert len(bad) == 200_000  # each entry's reason, once
