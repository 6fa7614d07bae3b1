"""Render benchmark: casegate's own layout + SVG against Graphviz `dot -Tsvg` on the same graph.

Tree-shaped synthetic arguments (goal -> strategy -> three goals, contexts, solutions; about 2.35
elements per goal). At 2,000 goals both engines draw the same graph in the same run and the
ratio is printed (goal: casegate at most 0.1x dot). At 10,000 goals only casegate runs (dot
takes minutes there); the growth factor from 2,000 to 10,000 goals is printed beside the growth
of the element count (linear growth means the two are about equal).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_argument import findings_for, make_case  # noqa: E402

from casegate.render import argument_graph, render_split, render_svg, to_dot  # noqa: E402


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    dot = shutil.which("dot")
    results: dict[int, tuple[int, float]] = {}
    for goals in (2000, 10000):
        case = make_case(goals)
        graph = argument_graph(case, findings=findings_for(case))
        n = len(graph.nodes)
        t = best(lambda: render_svg(graph), 5 if goals <= 2000 else 3)  # noqa: B023
        results[goals] = (n, t)
        print(f"{goals:>6} goals, {n:>6} elements: casegate SVG {t:.3f} s")
        if goals == 2000:
            if dot is None:
                print("        graphviz dot not installed: no baseline, no ratio")
            else:
                with tempfile.TemporaryDirectory() as d:
                    src = Path(d) / "argument.dot"
                    src.write_text(to_dot(graph))
                    t0 = time.perf_counter()
                    subprocess.run([dot, "-Tsvg", str(src), "-o", str(Path(d) / "out.svg")], check=True)
                    td = time.perf_counter() - t0
                print(f"        graphviz dot -Tsvg on the same graph {td:.3f} s")
                ratio = t / td
                print(f"        ratio casegate / dot = {ratio:.3f}  (goal <= 0.100: "
                      f"{'met' if ratio <= 0.1 else 'NOT met'})")
            ts = best(lambda: render_split(graph), 1)  # noqa: B023
            print(f"        split view (overview + module pages) {ts:.3f} s = {ts / t:.2f}x the single SVG")
    (n2, t2), (n10, t10) = results[2000], results[10000]
    print(f"growth 2,000 -> 10,000 goals: time x{t10 / t2:.2f} for elements x{n10 / n2:.2f} "
          f"(time per element x{(t10 / n10) / (t2 / n2):.2f})")


if __name__ == "__main__":
    main()
