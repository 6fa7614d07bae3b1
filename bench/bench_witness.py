"""The cost of a witness cosignature round, three witnesses on loopback, against the log's own
checkpoint signature, same run.

- baseline: `Registry.checkpoint` (sign and store one checkpoint of the log, SQLite), and the bare
  Ed25519 signature over a checkpoint body;
- one witness's work: `Witness.add_checkpoint` in-process (parse, check the log's signature and
  the consistency proof, cosign, write its state file durably: fsync + rename);
- a round: the log grows, signs a checkpoint, and asks three real `casegate witness serve`
  processes on 127.0.0.1 at once (`collect_cosignatures`), each with a consistency proof from the
  size it last cosigned: with the sizes known (one request each) and without (a 409 answers the
  size, then the request with the proof: two each);
- the whole `casegate log witness` command (a process: start-up included).

Small by default (a log of 10,000 entries, 15 rounds); `--entries N --rounds R` for more.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _harness import ROOT, casegate, measure

sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

ORIGIN = "bench.casegate.example/log"


def best_and_median(samples: list[float]) -> tuple[float, float]:
    return min(samples), statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()

    from tests.witness.helpers import make_witnesses

    from casegate.store import (
        generate_key,
        load_private_key,
        load_public_key,
        open_registry,
        verifier_key,
    )
    from casegate.witness import (
        Witness,
        WitnessEndpoint,
        WitnessState,
        collect_cosignatures,
        request_body,
        trusted_log,
    )

    print(f"bench_witness: a cosignature round with three loopback witnesses vs the log's checkpoint signature "
          f"(log of {args.entries} entries, {args.rounds} rounds, same run)")
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        key = t / "log.pem"
        generate_key(key)
        db = f"sqlite:///{t / 'registry.db'}"
        reg = open_registry(db)
        batch = 5000
        for start in range(0, args.entries, batch):
            reg.record_many([("note", None, {"i": i}) for i in range(start, min(args.entries, start + batch))])
        vkey = verifier_key(ORIGIN, load_public_key(key))

        # baselines: the log's own signature
        sk = load_private_key(key)
        body = reg.checkpoint(key, ORIGIN).split("\n\n")[0].encode() + b"\n"
        sign = []
        for _ in range(200):
            s = time.perf_counter()
            sk.sign(body)
            sign.append(time.perf_counter() - s)
        cps = []
        for _ in range(args.rounds):
            s = time.perf_counter()
            reg.checkpoint(key, ORIGIN)
            cps.append(time.perf_counter() - s)

        # one witness's work, in-process
        wk = t / "inproc.pem"
        generate_key(wk)
        st = WitnessState(t / "inproc.json")
        st.init()
        w = Witness("inproc.bench.example", load_private_key(wk), [trusted_log(vkey)], st)
        size = 0
        work = []
        for _ in range(args.rounds):
            reg.record_many([("note", None, {"r": 1})] * 10)
            note = reg.checkpoint(key, ORIGIN)
            n = reg.size()
            proof = reg.prove_consistency(size, n).path if size else []
            req = request_body(size, proof, note)
            s = time.perf_counter()
            w.add_checkpoint(req)
            work.append(time.perf_counter() - s)
            size = n

        # rounds with three real witness processes
        ws = make_witnesses(t / "w", 3, [vkey])
        for p in ws:
            p.start()
        try:
            eps = [WitnessEndpoint.parse(p.spec) for p in ws]

            def prove(m: int, n: int) -> list[bytes]:
                return list(reg.prove_consistency(m, n).path)

            note = reg.checkpoint(key, ORIGIN)
            cp, res = collect_cosignatures(note, eps, prove)  # first contact
            assert all(r.ok for r in res), [r.error for r in res]
            known = {r.url: cp.tree_size for r in res}
            hinted, unhinted = [], []
            for i in range(args.rounds * 2):
                reg.record_many([("note", None, {"round": i})] * 10)
                note = reg.checkpoint(key, ORIGIN)
                s = time.perf_counter()
                cp, res = collect_cosignatures(note, eps, prove, sizes=known if i % 2 == 0 else None)
                (hinted if i % 2 == 0 else unhinted).append(time.perf_counter() - s)
                assert all(r.ok for r in res), [r.error for r in res]
                known = {r.url: cp.tree_size for r in res}
            reg.add_cosignatures(cp.text())
            reg.record_many([("note", None, {"cli": 1})] * 10)
            reg.checkpoint(key, ORIGIN)
            cmd = [casegate(), "log", "witness", "--db", db] + [x for p in ws for x in ("--witness", p.spec)]
            cli = measure(cmd, repeat=5, ok=(0,))
        finally:
            for p in ws:
                p.stop()
        reg.close()

    sign_b, sign_m = best_and_median(sign)
    cp_b, cp_m = best_and_median(cps)
    work_b, work_m = best_and_median(work)
    h_b, h_m = best_and_median(hinted)
    u_b, u_m = best_and_median(unhinted)
    ms = 1000
    print(f"  baseline: Ed25519 signature of a checkpoint body  best {sign_b * ms:.3f} ms  median {sign_m * ms:.3f} ms")
    print(f"  baseline: sign and store a checkpoint (SQLite)    best {cp_b * ms:.2f} ms  median {cp_m * ms:.2f} ms")
    print(f"  one witness's work in-process (check, cosign, fsync'd state)  best {work_b * ms:.2f} ms  "
          f"median {work_m * ms:.2f} ms  ({work_m / cp_m:.1f}x the checkpoint)")
    print(f"  round, 3 witnesses in parallel, sizes known (1 request each)  best {h_b * ms:.2f} ms  "
          f"median {h_m * ms:.2f} ms  ({h_m / cp_m:.1f}x the checkpoint)")
    print(f"  round, 3 witnesses, sizes unknown (409, then the proof: 2 each)  best {u_b * ms:.2f} ms  "
          f"median {u_m * ms:.2f} ms  ({u_m / cp_m:.1f}x the checkpoint)")
    print(f"  `casegate log witness` as a process (start-up included)  best {cli.wall:.3f} s  cpu {cli.cpu:.3f} s")
    print(json.dumps({"entries": args.entries, "rounds": args.rounds,
                      "sign_ms": round(sign_m * ms, 3), "checkpoint_ms": round(cp_m * ms, 2),
                      "witness_work_ms": round(work_m * ms, 2), "round_known_sizes_ms": round(h_m * ms, 2),
                      "round_unknown_sizes_ms": round(u_m * ms, 2),
                      "round_over_checkpoint": round(h_m / cp_m, 2), "cli_wall_s": round(cli.wall, 3)}))


if __name__ == "__main__":
    main()
