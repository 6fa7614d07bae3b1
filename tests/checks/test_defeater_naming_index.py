"""The items a defeater's words name are found through an index of ids, files and digests built once
per evidence map: the same items, in the same order, as asking every item (`_how_named`)."""

from __future__ import annotations

from pathlib import Path

from casegate.checks.families.defeaters import _digests_in, _how_named, _named_among, _words_of
from casegate.load import load_case

ROOT = Path(__file__).resolve().parents[2]


def _every(evidence, words, digests):  # type: ignore[no-untyped-def]
    return [e for e, ev in evidence.items() if _how_named(e, ev, words, digests) is not None]


def test_the_index_finds_what_asking_every_item_finds() -> None:
    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None
    evidence = loaded.case.evidence
    texts = ["nothing of the case is named here", "E-cyber-ctf and E-bio-mcq disagree"]
    for eid, ev in list(evidence.items())[::3]:
        if ev.artifact:
            texts.append(f"the run in {ev.artifact.upper()} (see `{Path(ev.artifact).name}`) was cut short")
        if ev.sha256:
            texts.append(f"the log sha256:{ev.sha256[:14]} differs from what {eid.lower()}'s claim says")
    seen_any = False
    for text in texts:
        words = _words_of(text)
        digests = _digests_in(words)
        found = [e for e in _named_among(evidence, words, digests)
                 if _how_named(e, evidence[e], words, digests) is not None]
        assert found == _every(evidence, words, digests), text
        seen_any = seen_any or bool(found)
    assert seen_any  # the texts name items, so the comparison is not of empty lists alone
