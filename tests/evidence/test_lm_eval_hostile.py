"""An lm-eval results file whose per-task sections are not mappings.

A results file with no samples files beside it is fingerprinted by what it says of each task
(`named_print`). A `task_hashes`, `versions`, `n-samples` or `results` section given as a list or a
string stopped the fingerprinting with an internal error (and with it a gate against a registry,
which fingerprints every log the case cites). Such a section says nothing of any task, as `read`
takes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casegate.evidence import run_prints
from casegate.evidence.importers.lm_eval import LmEvalImporter

from .evidence_logs import lm_results


@pytest.mark.parametrize("section", ["task_hashes", "versions", "n-samples", "results"])
@pytest.mark.parametrize("value", [[1], "x", 7])
def test_a_section_that_is_not_a_mapping_is_fingerprinted_not_a_crash(tmp_path: Path, section: str,
                                                                       value: object) -> None:
    src = lm_results()
    doc = json.loads(src.read_text())
    doc[section] = value
    path = tmp_path / src.name          # the results file alone: no samples files beside it
    path.write_text(json.dumps(doc))
    prints = LmEvalImporter().sample_prints(path)
    assert len(prints) == len(doc["configs"])
    got = run_prints(path)
    assert got is not None and got.prints == prints and got.named


def test_the_fingerprint_is_unchanged_for_a_well_formed_file(tmp_path: Path) -> None:
    doc = json.loads(lm_results().read_text())
    doc["task_hashes"] = "x"            # a section that says nothing prints as one that is absent
    other = tmp_path / "b"
    other.mkdir()
    (other / lm_results().name).write_text(json.dumps(doc))
    del doc["task_hashes"]
    third = tmp_path / "c"
    third.mkdir()
    (third / lm_results().name).write_text(json.dumps(doc))
    assert LmEvalImporter().sample_prints(other / lm_results().name) == \
        LmEvalImporter().sample_prints(third / lm_results().name)
