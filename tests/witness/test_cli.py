"""The witness commands' bad input, each a clear message and exit 2, never a traceback: a state
file that exists already, a witness started without its state or without a log, a witness spec
that is not VKEY=URL, a signer's key given as a witness's, a log with no checkpoint to cosign."""

from __future__ import annotations

import pytest

from casegate.store import generate_key, load_public_key, verifier_key
from tests.witness.test_loopback import _cli


def test_init_prints_the_key_vkey_prints_and_init_never_replaces_a_state(tmp_path) -> None:  # type: ignore[no-untyped-def]
    key, state = tmp_path / "w.pem", tmp_path / "w.json"
    rc, out, err = _cli("witness", "init", "--name", "w.example/1", "--key", str(key), "--state", str(state))
    assert rc == 0, err
    vkey = out.strip().splitlines()[-1]
    rc, out, _ = _cli("witness", "vkey", "--name", "w.example/1", "--key", str(key) + ".pub")
    assert out.strip() == vkey and vkey.startswith("w.example/1+")
    rc, out, err = _cli("witness", "init", "--name", "w.example/1", "--key", str(tmp_path / "x.pem"),
                        "--state", str(state))
    assert rc == 2 and "refusing to replace it" in err and not (tmp_path / "x.pem").exists()
    rc, out, _ = _cli("witness", "state", "--state", str(state))
    assert rc == 0 and "cosigned nothing yet" in out


@pytest.mark.parametrize(("args", "message"), [
    (["--state", "{tmp}/missing.json", "--log", "{log}"], "the witness state file does not exist"),
    (["--state", "{tmp}/w.json"], "Missing option '--log'"),
    (["--state", "{tmp}/w.json", "--log", "{witness}"], "is a cosigner key, not a log's checkpoint key"),
    (["--state", "{tmp}/w.json", "--log", "nonsense"], "is not a note verifier key"),
])
def test_serve_refuses_to_start_on_bad_input(tmp_path, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    log = tmp_path / "log.pem"
    generate_key(log)
    rc, out, err = _cli("witness", "init", "--name", "w.example/1", "--key", str(tmp_path / "w.pem"),
                        "--state", str(tmp_path / "w.json"))
    assert rc == 0
    fill = {"tmp": str(tmp_path), "log": verifier_key("log.example", load_public_key(log)),
            "witness": out.strip().splitlines()[-1]}
    rc, out, err = _cli("witness", "serve", "--name", "w.example/1", "--key", str(tmp_path / "w.pem"),
                        *[a.format(**fill) for a in args])
    assert rc == 2 and message in err, err


def test_log_witness_refuses_bad_specs_and_an_unsigned_log(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'r.db'}"
    log = tmp_path / "log.pem"
    generate_key(log)
    wk = tmp_path / "w.pem"
    generate_key(wk)
    from casegate.store import COSIGNATURE_V1

    good = verifier_key("w.example/1", load_public_key(wk), COSIGNATURE_V1)
    for spec, message in (("http://127.0.0.1:1", "is not VKEY=URL"),
                          (f"{good}=ftp://x", "is not an http(s) URL"),
                          (f"{verifier_key('log.example', load_public_key(log))}=http://127.0.0.1:1",
                           "not a witness's cosigner key")):
        rc, out, err = _cli("log", "witness", "--db", db, "--witness", spec)
        assert rc == 2 and message in err, (spec, err)
    rc, out, err = _cli("log", "witness", "--db", db, "--witness", f"{good}=http://127.0.0.1:1")
    assert rc == 2 and "no signed checkpoint to cosign" in err, err
    rc, out, err = _cli("log", "witness", "--db", db, "--witness", f"{good}=http://127.0.0.1:1", "--need", "2")
    assert rc == 2 and "--need 2 is not between 0 and the 1 witness(es) given" in err, err
