"""Generate settings an Inspect run gives itself, and samples read from a web address.

- `inspect eval ... --reasoning-effort minimal` (or `--temperature 1.9`, `--max-tokens 1`) records the
  setting in `eval.model_generate_config`: the task's name, version and samples stay, and the model
  answers otherwise (without its reasoning, garbled, cut to one token). The setting was in the
  prompt digest but, unlike lm-eval's `--gen_kwargs`, such a run still counted under a policy naming
  the task by name alone. `--max-connections` (how requests are placed) asks nothing else.
- `json_dataset("https://...")` (or `csv_dataset`) records the address only: whoever serves the file
  can change the samples under the same task name and version, as a hub dataset's owner can.

Every log is written by the real inspect-ai, the model given by name as the command line gives it
(`mockllm/model`, so the run's own settings are recorded as the command line records them). The
mock answers right on two questions in three (20/30, the threshold 0.5), wrong without its
reasoning or at a hot temperature, and writes no more characters than `max_tokens` allows."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from casegate.evidence._derive import sample_digest
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .evidence_logs import inspect_log_to
from .test_derive import findings, make_case
from .test_inspect_prompt_pinned import _digest, _status

pytest.importorskip("inspect_ai")

N = 30


def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
    from inspect_ai.model import ChatMessageUser, ModelOutput, ModelUsage

    q = [m for m in messages if isinstance(m, ChatMessageUser)][-1].text
    a, b = (int(x) for x in q.rsplit("What is ", 1)[1].split("?")[0].split(" + "))
    right = (a + b) % 3 and config.reasoning_effort not in ("minimal", "low") and (config.temperature or 0) < 1.5
    text = str(a + b if right else a + b + 1)
    if config.max_tokens is not None:
        text = text[: config.max_tokens]
    out = ModelOutput.from_content("mockllm/model", text)
    out.usage = ModelUsage(input_tokens=20, output_tokens=len(text), total_tokens=20 + len(text))
    return out


def _samples(hard: bool = False) -> list[dict[str, str]]:
    # `hard`: the file as its server later served it, sums the mock gets wrong
    return [{"id": f"q{i:03d}", "input": f"What is {3 * i + 3} + 3? Answer with the number only." if hard else
             f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
             "target": str(3 * i + 6 if hard else i % 17 + 1 + i % 11 + 2)} for i in range(N)]


def _run(out: Path, data: str | None = None, **kw: Any) -> Path:
    """`acme-ctf` v1 (`generate`, then `match`), over the samples in memory or in the file `data`
    (a path or an address), run with the run's own generate settings `kw`."""
    from inspect_ai import Task, task
    from inspect_ai.dataset import MemoryDataset, Sample, csv_dataset, json_dataset
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    @task(name="acme-ctf")
    def acme_ctf() -> Task:
        if data is None:
            dataset: Any = MemoryDataset([Sample(**s) for s in _samples()])
        else:
            dataset = (csv_dataset if data.endswith(".csv") else json_dataset)(data)
        return Task(version=1, dataset=dataset, solver=[generate()], scorer=match(numeric=True))

    return inspect_log_to(acme_ctf(), out, model="mockllm/model", model_args={"custom_outputs": answer}, **kw)


def _case(tmp: Path, log: Path, prompt: str | None = None, digest: str | None = None, minimum: str = "") -> Path:
    """The log as the one evaluation of `arith` (at 0.5), the policy naming `acme-ctf` v1 by name
    (and by its prompt or sample digest where given), with the elicitation minimum `minimum`."""
    pinned = (f', prompt: "{prompt}"' if prompt else "") + (f', digest: "{digest}"' if digest else "")
    tmp.mkdir(parents=True, exist_ok=True)
    case = make_case(tmp, log, policy_extra=f'{minimum}\n    tasks: [{{name: acme-ctf, version: "1"{pinned}}}]')
    policy = tmp / "policy.yaml"
    policy.write_text(policy.read_text().replace("value: 0.99", "value: 0.5"))
    return case


def _read(log: Path) -> Any:
    [run] = InspectImporter().read(log, ReadOptions())
    return run


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("logs")
    return {
        "standard": _run(d / "standard.eval"),
        "reasoning": _run(d / "reasoning.eval", reasoning_effort="minimal"),
        "temperature": _run(d / "temperature.eval", temperature=1.9),
        "max-tokens": _run(d / "max-tokens.eval", max_tokens=1),
        "placement": _run(d / "placement.eval", max_connections=3, max_retries=2, timeout=600, seed=7),
    }


def test_the_standard_run_and_a_run_placing_its_requests_otherwise_count(
        logs: dict[str, Path], tmp_path: Path) -> None:
    """`--max-connections`, retries, timeouts and the seed change how requests are placed, not how
    the model answers: such a run counts by name (20/30) and keeps the standard digest."""
    assert _digest(logs["placement"]) != "" and _read(logs["placement"]).asked_at_run == []
    for name in ("standard", "placement"):
        case = _case(tmp_path / name, logs[name])
        assert findings(case, "CG345") == [], name
        assert _status(case) == ("reached", (20, N)), name


@pytest.mark.parametrize(("name", "setting"), [("reasoning", "reasoning_effort"), ("temperature", "temperature")])
def test_a_setting_the_run_gives_counts_only_under_a_pinned_digest(
        logs: dict[str, Path], tmp_path: Path, name: str, setting: str) -> None:
    """Attack: the standard task run with `--reasoning-effort minimal` (or `--temperature 1.9`): the
    model answers 0/30, and before, a policy naming the task by name and version counted it, the
    threshold ruled out. CG345 now names the setting; the standard digest pinned does not match it,
    and a policy pinning the run's own digest counts it as what it is."""
    log = logs[name]
    case = _case(tmp_path / "name", log)
    [hit] = findings(case, "CG345")
    assert hit.severity.value == "blocking"
    assert f"the generate setting `{setting}` given for the run (eval.model_generate_config.{setting}" in hit.message
    assert _status(case) == ("reached", None)
    [hit] = findings(_case(tmp_path / "std", log, _digest(logs["standard"])), "CG345")
    assert "not a task the policy names" in hit.message
    own = _case(tmp_path / "own", log, _digest(log))
    assert findings(own, "CG345") == []
    assert _status(own) == ("below-alert", (0, N))


def test_a_generation_cap_the_run_gives_is_judged_or_does_not_count(logs: dict[str, Path], tmp_path: Path) -> None:
    """Attack: `--max-tokens 1`, every answer cut to its first digit (the mock's two-digit sums all
    wrong). The digest leaves ceilings to CG301, so the run kept the standard digest and, under a
    policy setting no least `max_tokens`, counted below the threshold. It now counts for no task the
    policy names, pinned digest or not, until the policy sets a least `max_tokens`; then CG301
    judges the cap."""
    log = logs["max-tokens"]
    assert _digest(log) == _digest(logs["standard"])
    assert (_read(log).result.successes, _read(log).result.trials) == (3, N)  # counted before, below 0.5
    for where, prompt in (("name", None), ("pinned", _digest(logs["standard"]))):
        case = _case(tmp_path / where, log, prompt)
        [hit] = findings(case, "CG345")
        assert "capped at 1 tokens by the run itself (eval.model_generate_config.max_tokens)" in hit.message
        assert "elicitation.max_tokens" in (hit.help or "")
        assert _status(case) == ("reached", None), where
    judged = _case(tmp_path / "minimum", log, minimum="\n    elicitation: {max_tokens: 256}")
    assert findings(judged, "CG345") == []
    assert any("ran under a `max_tokens` of 1 tokens" in f.message for f in findings(judged, "CG301"))
    # the task's own ceiling (a `Task(config=...)`, pinned with its code) is not the run's
    assert _read(logs["standard"]).max_tokens_at_run is None


# --------------------------------------------------------------------------- samples read from a web address


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A web server on this machine serving the folder it yields (what the lab's server holds)."""
    root = tmp_path_factory.mktemp("www")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a: Any, **kw: Any) -> None:
            super().__init__(*a, directory=str(root), **kw)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root.joinpath("port").write_text(str(server.server_address[1]))
    try:
        yield root
    finally:
        server.shutdown()
        server.server_close()


def _write(root: Path, name: str, hard: bool) -> None:
    import csv
    import json

    rows = _samples(hard)
    if name.endswith(".csv"):
        with (root / name).open("w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["id", "input", "target"])
            w.writeheader()
            w.writerows(rows)
    else:
        (root / name).write_text("".join(json.dumps(r) + "\n" for r in rows))


@pytest.mark.parametrize("name", ["arith.jsonl", "arith.csv"])
def test_samples_read_from_a_web_address_count_only_under_their_sample_digest(
        served: Path, tmp_path: Path, name: str) -> None:
    """Attack: `acme-ctf` reads its samples with `json_dataset`/`csv_dataset` from the lab's web
    server; the lab serves sums the model gets wrong under the same address, ids and task version
    (0/30). Before, a policy naming the task by name counted it, the threshold ruled out. The run
    is now read as over unpinned data (CG345 naming the address), as a hub dataset is; a policy
    naming the standard samples' digest does not count the changed file."""
    url = f"http://127.0.0.1:{(served / 'port').read_text()}/{name}"
    _write(served, name, hard=False)
    standard = _run(tmp_path / "standard.eval", url)
    _write(served, name, hard=True)
    changed = _run(tmp_path / "changed.eval", url)
    assert _read(standard).data_unpinned is not None and url in _read(standard).data_unpinned
    assert (_read(changed).result.successes, _read(changed).result.trials) == (0, N)  # counted before
    case = _case(tmp_path / "name", changed)
    [hit] = findings(case, "CG345")
    assert "a data file read from a web address" in hit.message and url in hit.message
    assert _status(case) == ("reached", None)
    h = _read(standard)
    pin = sample_digest([s.id for s in h.result.samples], h.sample_marks)
    ok = _case(tmp_path / "pinned", standard, digest=pin)
    assert findings(ok, "CG345") == [] and _status(ok) == ("reached", (20, N))
    [hit] = findings(_case(tmp_path / "pinned-changed", changed, digest=pin), "CG345")
    assert "not a task the policy names" in hit.message


def test_samples_read_from_a_local_file_are_not_read_as_unpinned(tmp_path: Path) -> None:
    _write(tmp_path, "arith.jsonl", hard=False)
    run = _read(_run(tmp_path / "local.eval", str(tmp_path / "arith.jsonl")))
    assert run.data_unpinned is None
