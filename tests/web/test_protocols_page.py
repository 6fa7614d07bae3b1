"""The case page lists the evaluation protocols registered in the log for the case's policy, each
verified against the board's keyring: a protocol signed by a key the keyring does not hold is
listed as not verified, with the reason."""

from __future__ import annotations

from pathlib import Path

from casegate.load import load_policy, load_protocol
from casegate.monitor import PROTOCOL_EVENT
from casegate.sign import generate_key, load_keyring, load_signer, sign_protocol
from casegate.store import open_registry

from .conftest import KEYRING, BoardFixture

PROTOCOL = """casegate: 1
kind: protocol
id: P-ctf-2026
policy: acme-frontier
threshold: cyber-high
metric: solved
tasks: [{name: acme-ctf-pro, version: "4"}]
elicitation: {variant: helpful-only, attempts: 5}
samples: 200
"""


def _register(board: BoardFixture, tmp: Path, key: Path, pid: str) -> int:
    f = tmp / f"{pid}.yaml"
    f.write_text(PROTOCOL.replace("P-ctf-2026", pid))
    proto, src = load_protocol(f)
    pol, _s, _d = load_policy(board.case_dir / "policy.yaml")
    assert pol is not None
    env = sign_protocol(proto, src.sha256, pol, "rso", load_signer(str(key)), load_keyring(KEYRING))
    with open_registry(board.database_url) as reg:
        return reg.record(PROTOCOL_EVENT, None, {"policy": pol.id, "threshold": proto.threshold,
                                                 "protocol": proto.id, "envelope": env}).index


def test_the_case_page_lists_registered_protocols(board: BoardFixture, tmp_path: Path) -> None:
    page = board.client.get(f"/cases/{board.case_id}", headers=board.auth("rso")).text
    assert "No evaluation protocol is registered" in page
    good = _register(board, tmp_path, board.case_dir / "keys" / "sam-whitfield.key", "P-ctf-2026")
    # a key the board's keyring does not hold signs a second one (sign_protocol checks the role
    # against the keyring it is given: the forger's own)
    generate_key(tmp_path / "forger.key")
    stranger = load_signer(str(tmp_path / "forger.key"))
    from casegate.sign import add_key, new_keyring

    ring = add_key(new_keyring("forger"), stranger.public_key, person="Sam Whitfield", roles=["rso"],
                   valid_from="2026-01-01", valid_until="2030-12-31")
    f = tmp_path / "forged.yaml"
    f.write_text(PROTOCOL.replace("P-ctf-2026", "P-forged"))
    proto, src = load_protocol(f)
    pol, _s, _d = load_policy(board.case_dir / "policy.yaml")
    assert pol is not None
    env = sign_protocol(proto, src.sha256, pol, "rso", stranger, ring)
    with open_registry(board.database_url) as reg:
        bad = reg.record(PROTOCOL_EVENT, None, {"policy": pol.id, "threshold": "cyber-high",
                                                "protocol": "P-forged", "envelope": env}).index
    page = board.client.get(f"/cases/{board.case_id}", headers=board.auth("rso")).text
    table = page.split('<table id="protocols">', 1)[1].split("</table>", 1)[0]
    rows = table.split("<tr>")[2:]
    assert len(rows) == 2
    assert f"<td>{good}</td>" in rows[0] and "P-ctf-2026" in rows[0] and "Sam Whitfield (rso)" in rows[0]
    assert "attempts: 5" in rows[0] and "<td>verified</td>" in rows[0]
    assert "not verified" not in rows[0]
    assert f"<td>{bad}</td>" in rows[1] and "P-forged" in rows[1] and "not verified" in rows[1]
    assert "not in the keyring" in rows[1]
