"""The weights a run loaded, read from its log. Inspect records the model's name (`eval.model`)
apart from the arguments that choose its weights (`-M model_path=...`, `-M revision=...`, an
adapter) and the server that answered (`--model-base-url`); the name alone was judged, so a run
named as the system that loaded an earlier checkpoint passed as the system's. The log is the one
inspect-ai wrote for the agent fixture with the mock model, its model arguments set as such a run
records them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .evidence_logs import INSPECT
from .test_derive import RND_DATE, findings, make_case

pytest.importorskip("inspect_ai")


def _run_with(tmp: Path, args: dict[str, Any], base_url: str | None = None) -> Path:
    from inspect_ai.log import read_eval_log, write_eval_log

    log = read_eval_log(str(INSPECT / "rnd-agent.eval"))
    assert log.eval.model == "mockllm/model"
    log.eval.model_args = {**(log.eval.model_args or {}), **args}
    log.eval.model_base_url = base_url
    out = tmp / "rnd-agent.eval"
    write_eval_log(log, str(out))
    return out


def _cg351(tmp: Path, log: Path) -> list[str]:
    (tmp / "c").mkdir()
    case = make_case(tmp / "c", log, date=RND_DATE)
    text = case.read_text()
    digests = "  digests: [sha256:1111111111111111111111111111111111111111111111111111111111111111]\n"
    assert digests in text
    case.write_text(text.replace(digests, digests + "  evaluated_as: [mockllm/model]\n"))
    return [f.message for f in findings(case, "CG351")]


def test_the_mock_run_as_written_is_the_systems(tmp_path: Path) -> None:
    [run] = InspectImporter().read(INSPECT / "rnd-agent.eval", ReadOptions())
    assert run.source.model == "mockllm/model"
    assert _cg351(tmp_path, INSPECT / "rnd-agent.eval") == []


def test_an_earlier_checkpoint_loaded_by_argument_is_another_model(tmp_path: Path) -> None:
    """Attack: the run's model is the name the case lists, with `-M revision=step-40000` (an early
    checkpoint of the same weights). Before, the log's model was `mockllm/model` and passed."""
    log = _run_with(tmp_path, {"revision": "step-40000"})
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.model == "mockllm/model (revision=step-40000)"
    [msg] = _cg351(tmp_path, log)
    assert "loads `revision=step-40000` of the weights" in msg


def test_an_adapter_or_a_server_of_another_model_is_another_model(tmp_path: Path) -> None:
    """Attack: the same name with a refusal adapter loaded over it (`-M peft=...`), or answered by a
    server whose address names the base model."""
    for n, (args, url, said) in enumerate((
            ({"peft": "acme/refusal-boost"}, None, "loads `peft=acme/refusal-boost` over the weights"),
            ({}, "http://fixture-mini.internal:8000/v1", "was served from `http://fixture-mini.internal:8000/v1`"))):
        d = tmp_path / str(n)
        d.mkdir()
        log = _run_with(d, args, url)
        [msg] = _cg351(d, log)
        assert said in msg, msg
