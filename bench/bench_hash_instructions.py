"""What valgrind's instruction count says hashing the K-thousand-goal argument's files costs, beside
the time the same work takes on this machine's processor.

A lean load (`check`, `gate` without a keyring) hashes each file it lets go (`YamlDoc.release_raw`,
files of `LET_GO_FROM` bytes or more) so that a file read again to locate a finding can be told
apart from one that changed. bench_instructions.py and bench_check_stages.py count that hashing
with valgrind, whose simulated processor has no SHA extensions: OpenSSL then takes its
vector-instruction path, while on a processor with SHA extensions (`sha_ni` in /proc/cpuinfo) it
uses those, in far fewer instructions and far less time. The count is therefore no guide to what
the hashing costs a user; this prints, for the same bytes, the instructions valgrind counts and
the best time of twenty rounds outside valgrind, for sha256 and, for comparison, blake2b (which
has no such extension: fewer instructions under valgrind, more time on such a processor).
Zero-filling as many bytes (what glibc's `memset` does with `rep stosb`, which valgrind counts
byte by byte) is given as a third row.

    python bench/bench_hash_instructions.py        # 10k goals
    python bench/bench_hash_instructions.py 100    # 100k goals
"""

from __future__ import annotations

import os
import subprocess
import sys

from _harness import PY, ROOT, ensure_case, reduce_instructions

WORK = {
    "sha256": "hashlib.sha256(raw).hexdigest()",
    "blake2b": "hashlib.blake2b(raw).hexdigest()",
    "zero-fill": "bytearray(len(raw))",
}
"""Each row's work on one file's bytes `raw`."""

RUN = """
import functools, glob, hashlib, sys
sys.path.insert(0, sys.argv[1])
from casegate.load._loader import LET_GO_FROM
raws = [r for r in (open(p, 'rb').read() for p in sorted(glob.glob(sys.argv[2] + '/*.yaml'))) if len(r) >= LET_GO_FROM]
if sys.argv[3] == 'bytes':
    print(sum(map(len, raws)))
    raise SystemExit
work = eval('lambda raw: ' + sys.argv[3])
if sys.argv[4] == 'count':
    functools.reduce(lambda _, raw: work(raw), raws, None)
else:
    import time
    best = float('inf')
    for _ in range(20):
        t = time.perf_counter()
        list(map(work, raws))
        best = min(best, time.perf_counter() - t)
    print(best)
"""


def main() -> None:
    k = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    folder = str(ensure_case(2333 * k).parent)
    src = str(ROOT / "src")
    size = int(subprocess.run([PY, "-c", RUN, src, folder, "bytes", ""], capture_output=True, text=True,
                              check=True).stdout)
    with open("/proc/cpuinfo") as f:
        sha_ni = "sha_ni" in f.read().split()
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    print(f"bench_hash_instructions: the {k}k-goal argument's files a lean load hashes ({size:,} bytes); "
          f"this processor {'has' if sha_ni else 'lacks'} SHA extensions (sha_ni)")
    print(f"  {'':<10} {'valgrind Ir':>14} {'Ir/byte':>8} {'best time':>10} {'ns/byte':>8}")
    for name, work in WORK.items():
        n = reduce_instructions([PY, "-c", RUN, src, folder, work, "count"], env)
        best = float(subprocess.run([PY, "-c", RUN, src, folder, work, "time"], capture_output=True, text=True,
                                    check=True, env=env).stdout)
        print(f"  {name:<10} {n:>14,} {n / size:>8.1f} {best * 1e3:>8.2f}ms {best * 1e9 / size:>8.2f}")


if __name__ == "__main__":
    main()
