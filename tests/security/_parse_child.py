"""Run in a child process by the fuzz tests: parse each YAML document read (as a JSON list of
strings) from stdin under hard resource limits, and print one JSON line per document with its
outcome, the CPU seconds it took, the process's peak memory after it, and the number of nodes the
parser built next to the upper bound casegate counted before parsing.

A crash (segmentation fault, abort), a run past the CPU limit (SIGXCPU) or over the address-space
limit (MemoryError) shows in the parent as a missing line or a non-zero exit.
"""

from __future__ import annotations

import json
import resource
import sys
import time

CPU_SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 60
ADDRESS_SPACE = int(sys.argv[2]) if len(sys.argv) > 2 else 2 << 30

resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

from _limited import peak_kib  # noqa: E402  (this folder is the script's own)

from casegate.errors import CasegateError  # noqa: E402
from casegate.load import parse_yaml  # noqa: E402
from casegate.load._yaml import yaml_node_bound  # noqa: E402

docs = json.load(sys.stdin)
for i, text in enumerate(docs):
    t0 = time.process_time()
    raw = text.encode("utf-8", "surrogatepass")
    nodes = None
    try:
        nodes = parse_yaml(f"fuzz-{i}.yaml", raw)._t().size()
        outcome = "ok"
    except CasegateError as e:
        outcome = "error: " + e.message[:120]
    except MemoryError:
        outcome = "MemoryError"
    except BaseException as e:  # anything else is a defect the parent reports
        outcome = f"crash: {type(e).__name__}: {e}"[:300]
    cpu = time.process_time() - t0
    peak = peak_kib()
    # the nodes the parser built, and the bound counted before it parsed (checked by the parent)
    print(json.dumps({"i": i, "outcome": outcome, "cpu": cpu, "peak_kib": peak, "nodes": nodes,
                      "bound": yaml_node_bound(raw.removeprefix(b"\xef\xbb\xbf"))}), flush=True)
