"""An internal deployment labelled trusted access (registry on SQLite, as the registry tests run).

The lab's move: Forge-1 (`tests/fixtures/gate/forge-internal`), at its AI R&D alert level, run as
1,200 autonomous instances with push access to the training code and no access-control safeguard,
is NO-GO as an `internal-deployment` (CG107). The same deployment filed as `trusted-access` with
`scope.access: employees` (the built-in kind table allows employees at trusted access) and a
lineage link to an approved internal-research case of the same model (which CG104 counts as
covering its internal use) was GO WITH CONDITIONS: CG107 weighed internal kinds only, and the sum
of instances across cases of the same weights skipped every external kind. A boundary whose access
is the organisation's own people runs inside it, whatever its kind: CG107 now weighs its scale as
an internal deployment's, and its instances are summed with a narrower internal case's."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests._weights import safetensors, submit_hashed
from tests.gate.test_same_weights_split import SCALE, _approved, _blocking, _case, _gate, narrow

from casegate.evidence import model_digest
from casegate.load import load_case
from casegate.store import open_registry

FIXTURE_DIGEST = "sha256:bc588267ec2d04faae117bcd75d0f9f04a3870f90cd321c318c83d2d1b9e2baa"

LINEAGE = "  lineage:\n    - {relation: checkpoint-of, name: Forge-1, case: forge-1-research-a}\n  digests: ["
REVIEWER = ("    - {role: ceo, person: Ines Caldera, date: 2026-11-22, relies_on: [E-repo]}\n",
            "    - {role: ceo, person: Ines Caldera, date: 2026-11-22, relies_on: [E-repo]}\n"
            "    - {role: external-reviewer, person: Ada Ruiz, date: 2026-11-22, relies_on: [E-repo]}\n")


def _trusted(tmp: Path, case_id: str, *, scale: str, access: str = "employees", tools: str = "[shell, git]") -> Path:
    """Forge-1 under `case_id` at `trusted-access` with `access`, its lineage naming the approved
    internal-research case, signed also by the outside reviewer trusted access needs."""
    p = _case(tmp, case_id, kind="trusted-access", scale=scale)
    text = p.read_text()
    for old in ("  tools: []\n", "    access: employees\n", "  digests: [", REVIEWER[0]):
        assert text.count(old) == 1, old
    p.write_text(text.replace("  tools: []\n", f"  tools: {tools}\n")
                 .replace("    access: employees\n",
                          f"    access: {access}\n    vetting: Kestrel employment or a signed research-systems "
                          "agreement\n    rate_limit: 600/min per key\n")
                 .replace("  digests: [", LINEAGE).replace(*REVIEWER))
    return p


def test_a_wide_internal_deployment_labelled_trusted_access_is_weighed_as_one(tmp_path: Path,
                                                                              database_url: str) -> None:
    with open_registry(database_url) as reg:
        _approved(reg, _case(tmp_path, "forge-1-research-a"))
        r = _gate(_trusted(tmp_path, "forge-1-ta", scale=SCALE), reg)
        assert r.outcome == "NO-GO"
        assert ("CG107: the `trusted-access` deployment (its access is `employees`: it runs inside the organisation) "
                "is wide (instances act autonomously; write access to training code) and ai-rnd-auto is at or above "
                "its alert level, but the case has no access-control safeguard") in _blocking(r), _blocking(r)


def test_its_scale_unrecorded_is_not_weighed_as_nothing(tmp_path: Path, database_url: str) -> None:
    with open_registry(database_url) as reg:
        _approved(reg, _case(tmp_path, "forge-1-research-a"))
        r = _gate(_trusted(tmp_path, "forge-1-ta", scale=""), reg)
        assert r.outcome == "NO-GO"
        assert ("CG107: the `trusted-access` boundary (its access is `employees`: it runs inside the organisation) "
                "does not record instances, training_code, weights, autonomy of the deployment, so the scale at "
                "which ai-rnd-auto (at or above its alert level) is deployed cannot be weighed") in _blocking(r), \
            _blocking(r)


def test_its_instances_are_summed_with_a_narrow_internal_case(tmp_path: Path, database_url: str) -> None:
    """60 instances as internal research, 30 more as trusted access to employees (each approved),
    then 30 as internal research again: 120 instances of the model inside the organisation."""
    model = tmp_path / "forge-1-model"
    model.mkdir()
    (model / "model.safetensors").write_bytes(safetensors(4096))
    digest = model_digest(model).digest

    def hashed(p: Path) -> Path:  # the same weights, which the registry hashes (past internal use it must)
        p.write_text(p.read_text().replace(FIXTURE_DIGEST, digest))
        return p

    with open_registry(database_url) as reg:
        _approved(reg, hashed(_case(tmp_path, "forge-1-research-a")))
        ta = hashed(_trusted(tmp_path, "forge-1-ta", scale=narrow(30), tools="[]"))
        submit_hashed(reg, load_case(ta), model=model)
        _approved(reg, ta)
        r = _gate(hashed(_case(tmp_path, "forge-1-research-b", scale=narrow(30))), reg)
        assert r.outcome == "NO-GO"
        assert ("CG107: with the other cases about the same model that stand approved inside the organisation "
                "(case forge-1-research-a version 1.0 (#1), the last approved: 60 instances; case forge-1-ta "
                "version 1.0 (#1), the last approved: 30 instances), this `internal-research` boundary's 30 "
                "instances make 120 instances") in " ".join(_blocking(r)), _blocking(r)


@pytest.mark.parametrize("how", ["narrow-scale", "partners"])
def test_a_narrow_scale_or_a_partners_deployment_passes(tmp_path: Path, database_url: str, how: str) -> None:
    """Controls: the trusted-access case inside the organisation at a narrow scale (30 supervised
    instances, no tools); and one to named partners outside it, which records no internal scale
    (and shows no vetting safeguard, which CG105 weighs)."""
    with open_registry(database_url) as reg:
        _approved(reg, _case(tmp_path, "forge-1-research-a"))
        p = (_trusted(tmp_path, "forge-1-ta", scale=narrow(30), tools="[]") if how == "narrow-scale" else
             _trusted(tmp_path, "forge-1-ta", scale="", access="named-partners", tools="[]"))
        r = _gate(p, reg)
        if how == "narrow-scale":
            assert r.outcome == "GO WITH CONDITIONS", _blocking(r)
        else:  # outside the organisation: what vetting shows is CG105's to weigh, no internal scale is asked for
            assert [m[:6] for m in _blocking(r)] == ["CG105:"], _blocking(r)
        assert not [f for f in r.findings if f.code == "CG107"], [f.message for f in r.findings]
