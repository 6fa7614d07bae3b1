"""The items a defeater's words name are found through an index of ids, files and digests built once
per evidence map: the same items, in the same order, as asking every item (`_how_named`)."""

from __future__ import annotations

from pathlib import Path

from casegate.checks.families.defeaters import (
    _digests_in,
    _how_named,
    _named_among,
    _naming_index,
    _words_of,
)
from casegate.load import load_case
from casegate.model import SourceRecord

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


def test_items_sharing_a_run_or_an_id_up_to_case_are_all_found() -> None:
    """The index reads a run's files once for all the items of that run, and keeps every item whose
    id casefolds to a word: each of them is found, as asking every item finds them."""
    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None
    base = loaded.case.evidence
    ctf = base["E-cyber-ctf"]
    assert ctf.artifact and ctf.sha256
    with_files = ctf.model_copy(update={"source": SourceRecord(tool="inspect-ai",
                                                               files={"logs/samples-ctf.jsonl": "ab" * 32})})
    # another id for the same run (its artifact, digest and source record), one that differs only
    # in case, and a run with a further file of its own
    evidence = {**base, "E-ctf-again": ctf, "e-CYBER-ctf": ctf, "E-ctf-files": with_files}
    same_run = {"E-cyber-ctf", "E-ctf-again", "e-CYBER-ctf", "E-ctf-files"}
    texts = {"e-cyber-ctf was run twice": {"E-cyber-ctf", "e-CYBER-ctf"},
             f"see {Path(ctf.artifact).name}": same_run,
             f"sha256:{ctf.sha256[:16]}": same_run,
             "the samples in samples-ctf.jsonl repeat": {"E-ctf-files"},
             "digest abababababababab": {"E-ctf-files"}}
    for text, named in texts.items():
        words = _words_of(text)
        digests = _digests_in(words)
        found = [e for e in _named_among(evidence, words, digests)
                 if _how_named(e, evidence[e], words, digests) is not None]
        assert found == _every(evidence, words, digests), text
        assert named <= set(found), text


def test_ids_that_differ_after_casefolding_are_indexed_as_themselves() -> None:
    # each casefolded id maps to the id itself, not to a list of one (thousands of lists held to
    # the end of a large check); ids that casefold alike map to the list of them
    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None
    base = dict(loaded.case.evidence)
    index = _naming_index(base)
    assert index.by_id == {eid.casefold(): eid for eid in base if eid.lower() != eid != eid.upper()}
    # a text naming one item asks no item its position (none is counted)
    assert _named_among(base, _words_of("e-cyber-ctf was cut short"), set()) == ["E-cyber-ctf"]
    assert index._pos is None
    other = next(e for e in base if e != "E-cyber-ctf")
    alike = {**base, "e-CYBER-ctf": base["E-cyber-ctf"]}
    by_id = _naming_index(alike).by_id
    assert by_id["e-cyber-ctf"] == ["E-cyber-ctf", "e-CYBER-ctf"] and by_id[other.casefold()] == other
    found = _named_among(alike, _words_of(f"e-cyber-ctf and {other.upper()}"), set())
    assert found == [e for e in alike if e in ("E-cyber-ctf", "e-CYBER-ctf", other)]


def test_ids_in_one_case_are_found_without_casefolded_copies() -> None:
    """An ASCII id with no capital letter, or no small letter, is found in the evidence map itself:
    only the others (mixed case, not ASCII) are kept casefolded. Every id a word casefolds from is
    found, as asking every item finds it, with ids alike up to case all found."""
    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None
    ev = loaded.case.evidence["E-cyber-ctf"]
    ids = ["e-lower", "E-UPPER-1", "123", "E-Mixed", "É-1", "STRASSE", "straße", "e-dup", "E-DUP", "E-Dup", "E0",
           "e1", "Ǆ-2"]
    evidence = dict.fromkeys(ids, ev)
    index = _naming_index(evidence)
    assert index.by_id == {"e-mixed": "E-Mixed", "é-1": "É-1", "strasse": "straße", "e-dup": "E-Dup", "ǆ-2": "Ǆ-2"}
    for text, named in {"e-lower and E-upper-1 and 123": ["e-lower", "E-UPPER-1", "123"],
                        "e-mixed, é-1": ["E-Mixed", "É-1"], "Straße": ["STRASSE", "straße"],
                        "E-dup e0 E1": ["e-dup", "E-DUP", "E-Dup", "E0", "e1"],
                        "e-lowers e-uppe": []}.items():
        words = _words_of(text)
        found = _named_among(evidence, words, set())
        assert found == _every(evidence, words, set()) == named, text
