"""Atlas-api with a sentence added to its description naming where else the model is served. A
cloud named by its brand (`Databricks`, `Amazon SageMaker`, `IBM watsonx`, `Amazon Web Services`)
is another company's machines holding the weights: NO-GO on CG429, atlas-api's weight-security
audit naming none of them. A marketplace the model is sold through, the words saying Acme serves
it from its own data centres, is a way to buy it, not a host."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.gate.test_trusted_access_anyone import ATLAS, TODAY, _keyed

from casegate.gate import run_gate
from casegate.model import DecisionRecord

SAID = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _gate(tmp_path: Path, sentence: str) -> DecisionRecord:
    d = tmp_path / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    text = p.read_text()
    assert text.count(SAID) == 1
    p.write_text(text.replace(SAID, f"{SAID.rstrip()} {sentence}\n"))
    return run_gate(_keyed(p), today=TODAY)


@pytest.mark.parametrize("sentence", [
    "Atlas-2 is also available on Databricks.",
    "Atlas-2 is also hosted on Amazon SageMaker.",
    "Atlas-2 is also offered in IBM watsonx.",
    "Atlas-2 is also available on Amazon Web Services.",
    "Atlas-2 is also sold through AWS Marketplace.",  # where a listing runs unsaid: the buyer's copy, maybe
])
def test_a_cloud_named_by_its_brand_is_no_go(tmp_path: Path, sentence: str) -> None:
    """The lab's move: atlas-api also served on a cloud named by a brand CG429 did not list. It was
    GO WITH CONDITIONS (but the marketplace, read before); the cloud's data centres hold the weights
    and the audit names none of them (CG429)."""
    record = _gate(tmp_path, sentence)
    assert record.outcome == "NO-GO" and [f.code for f in record.findings if f.blocking] == ["CG429"]


@pytest.mark.parametrize("sentence", [
    "Atlas-2 is also sold through AWS Marketplace; it is served from Acme's own data centres.",
    "Developers call the API from their companion apps and chatbots.",
])
def test_a_marketplace_sale_or_the_customers_listed_apps_are_api_access(tmp_path: Path, sentence: str) -> None:
    """Before: NO-GO (CG429 read a marketplace the lab sells through as a host, the lab serving the
    model itself; CG105 read the second of the customers' own products as the lab's for the
    public). Now as atlas-api is."""
    record = _gate(tmp_path, sentence)
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]
