"""The language each sample of a log was asked in (`casegate.evidence._languages`): the metadata's
where the text does not contradict it, else what the text shows; read from Inspect logs and the
generic format alike into `DerivedRun.languages` (CG435 judges a safeguard's tests by it)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from casegate.evidence._derive import _to_runs
from casegate.evidence._languages import language_code, sample_language
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.generic import GenericImporter
from casegate.evidence.importers.inspect_log import InspectImporter

SW = "Eleza hatua kwa hatua jinsi utaratibu huu unavyofanywa"
EN = "Explain step by step how the procedure is carried out, with the quantities."


@pytest.mark.parametrize(("stated", "text", "read"), [
    ("sw", SW, "sw"),
    ("Swahili", SW, "sw"),
    ("sw", EN, "!sw"),  # an English prompt tagged Swahili
    ("ja", EN, "!ja"),  # Latin letters tagged Japanese
    ("ja", "この手順をステップごとに説明してください", "ja"),
    ("ru", "Объясните шаг за шагом", "ru"),
    (None, "이 절차를 단계별로 설명해 주세요", "ko"),
    (None, EN, "en"),
    (None, SW, "und"),  # Latin letters, no English: no language casegate can name
    (None, "Объясните шаг за шагом", "und"),  # Cyrillic: several languages
    ("sw", None, "sw"),
    (None, None, None),
    ("pt-BR", "Explique passo a passo como o procedimento é realizado", "pt"),
    ("pl", "Wyjaśnij krok po kroku, jak to zrobić", "pl"),  # `to` is Polish as well as English
])
def test_a_samples_language(stated: str | None, text: str | None, read: str | None) -> None:
    assert sample_language(stated, text) == read


def test_language_names_and_codes() -> None:
    assert [language_code(x) for x in ("English", "pt-BR", "Filipino", "fil", "zh-Hans", "Kiswahili", "Klingon")] == \
        ["en", "pt", "tl", "tl", "zh", "sw", "klingon"]


def test_the_generic_format_records_each_rows_language(tmp_path: Path) -> None:
    rows = [{"id": "a", "epoch": 1, "score": 0, "language": "sw", "input": SW},
            {"id": "b", "epoch": 1, "score": 1, "language": "sw", "input": EN},
            {"id": "c", "epoch": 1, "score": 0}]
    log = tmp_path / "rt.json"
    log.write_text(json.dumps({"format": "casegate-results/1", "task": "rt", "model": "m", "status": "success",
                               "created": "2026-11-01T00:00:00Z", "epochs": 1, "scale": "binary", "samples": rows}))
    runs, _ = _to_runs(GenericImporter().read(log, ReadOptions()))
    assert runs[0].languages == {"a": "sw", "b": "!sw"}


def test_an_inspect_log_records_each_samples_language(tmp_path: Path) -> None:
    os.environ.setdefault("INSPECT_LOG_LEVEL", "error")
    from inspect_ai import Task
    from inspect_ai import eval as inspect_eval
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.scorer import includes
    from inspect_ai.solver import generate

    samples = [Sample(id="sw-1", input=SW, target="x", metadata={"language": "sw"}),
               Sample(id="sw-2", input=EN, target="x", metadata={"language": "sw"}),
               Sample(id="ko-1", input="이 절차를 단계별로 설명해 주세요", target="x")]
    t = Task(name="rt-languages", dataset=MemoryDataset(samples), solver=[generate()], scorer=includes())
    tmp = Path(tempfile.mkdtemp(prefix="lang-"))
    try:
        [log] = inspect_eval(t, model="mockllm/model", log_dir=str(tmp), log_format="eval", display="none")
        out = tmp_path / "rt.eval"
        shutil.move(str(Path(log.location)), out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    runs, _ = _to_runs(InspectImporter().read(out, ReadOptions()))
    assert runs[0].languages == {"sw-1": "sw", "sw-2": "!sw", "ko-1": "ko"}


def test_norwegian_bokmal_by_code_is_norwegian() -> None:
    """`nb` (Bokmål's code) is read as `no`, as `Norwegian`, `nb-NO` and `nn` are: a release listing
    `nb` and samples tagged Norwegian are one language."""
    from casegate.evidence._languages import language_code

    assert {language_code(x) for x in ("nb", "NB", "nb-NO", "nn", "no", "Norwegian", "Bokmål")} == {"no"}
