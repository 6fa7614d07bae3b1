"""Hashing a model folder as `registry submit --model` does, against `sha256sum` of the same bytes.

`registry submit --model PATH` computes the model's digest (`casegate.evidence.model_digest`): the
sha256 of every file (the model-signing manifest), and for each safetensors or GGUF file the hash
of every tensor's dtype, shape and data (its content digest). This builds a folder of safetensors
shards of the size asked (random data, or with `--sparse` all-zero tensors in sparse files, which
cost no disk), then measures in one run, each in a fresh process:

    sha256sum     coreutils' sha256sum of every file (the yardstick)
    hashlib       Python's hashlib over every file, 1 MiB at a time (what a stream can reach)
    model_digest  casegate's `model_digest(folder)`, which `registry submit --model` runs

Each is given its CPU time (user + system, the median of the runs; waiting for a core on the
shared machine is not counted), its wall time, and its peak resident memory; the figures to
quote are the ratios to sha256sum. The folder is deleted at the end.

    python bench/bench_model_digest.py                 # 200 MiB of random tensors
    python bench/bench_model_digest.py 2048 --sparse   # 2 GiB of all-zero tensors (sparse files)
    python bench/bench_model_digest.py 200 --before OLD/src
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import sys
import tempfile
from pathlib import Path

from _harness import PY, paired, source_trees

MIB = 1 << 20
SHARD_MIB = 100
"""Most MiB of tensor data in one shard (a real model's shards are 2-10 GiB; the count does not
change the work per byte)."""
TENSOR_MIB = 16
"""MiB per tensor."""

DIGEST = ("import sys\n"
          "sys.path.insert(0, sys.argv[1])\n"
          "from pathlib import Path\n"
          "from casegate.evidence import model_digest\n"
          "print(model_digest(Path(sys.argv[2])).content)\n")
HASHLIB = ("import hashlib, sys\n"
           "for p in sys.argv[1:]:\n"
           "    h = hashlib.sha256()\n"
           "    with open(p, 'rb') as f:\n"
           "        while b := f.read(1 << 20):\n"
           "            h.update(b)\n"
           "    print(h.hexdigest(), p)\n")


def build(folder: Path, mib: int, sparse: bool) -> list[Path]:
    """Safetensors shards holding `mib` MiB of F32 tensors in all, and a small config.json."""
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(json.dumps({"architectures": ["BenchModel"], "hidden_size": 4096}))
    out = [folder / "config.json"]
    left, shard = mib, 0
    while left > 0:
        size = min(SHARD_MIB, left)
        counts = [TENSOR_MIB] * (size // TENSOR_MIB) + ([size % TENSOR_MIB] if size % TENSOR_MIB else [])
        header: dict[str, object] = {"__metadata__": {"format": "pt"}}
        offset = 0
        for i, n in enumerate(counts):
            header[f"layers.{shard}.{i}.weight"] = {"dtype": "F32", "shape": [n * MIB // 4],
                                                     "data_offsets": [offset, offset + n * MIB]}
            offset += n * MIB
        raw = json.dumps(header).encode()
        raw += b" " * (-len(raw) % 8)
        path = folder / f"model-{shard + 1:05d}.safetensors"
        with path.open("wb") as f:
            f.write(struct.pack("<Q", len(raw)) + raw)
            if sparse:
                f.truncate(8 + len(raw) + offset)
            else:
                for _ in range(offset // MIB):
                    f.write(os.urandom(MIB))
        out.append(path)
        left -= size
        shard += 1
    return out


def main() -> None:
    args = sys.argv[1:]
    sparse = "--sparse" in args
    if sparse:
        args.remove("--sparse")
    trees = source_trees(args)
    mib = int(args[0]) if args else 200
    repeat = 3 if mib > 1024 else 5
    with tempfile.TemporaryDirectory(prefix="casegate-bench-model-") as tmp:
        folder = Path(tmp) / "model"
        files = [str(p) for p in build(folder, mib, sparse)]
        cmds = {"sha256sum": ["sha256sum", *files], "hashlib": [PY, "-c", HASHLIB, *files]}
        for suffix, tree in trees.items():
            cmds[f"model_digest{suffix}"] = [PY, "-c", DIGEST, tree, str(folder)]
        got = paired(cmds, repeat=repeat, ok=(0,))
        yard = got["sha256sum"]
        kind = "sparse, all-zero tensors" if sparse else "random tensors"
        print(f"bench_model_digest: {mib} MiB of safetensors ({kind}), {len(files) - 1} shards; "
              f"median of {repeat}, each command in a fresh process")
        print(f"  {'':<24} {'cpu s':>8} {'ratio':>7} {'MiB/s cpu':>10} {'wall s':>8} {'ratio':>7} {'peak MiB':>9}")
        for name, p in got.items():
            print(f"  {name:<24} {p.cpu:8.2f} {p.cpu / yard.cpu:6.2f}x {mib / p.cpu:10.0f} "
                  f"{p.wall:8.2f} {p.wall / yard.wall:6.2f}x {p.peak_kib / 1024:9.1f}")
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
