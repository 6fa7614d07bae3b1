"""Diagrams and interchange: GSN-style SVG laid out by casegate's own layered engine, split
(per-module) views for large arguments, Mermaid, Graphviz DOT for small arguments, and gsn2x
YAML export and import."""

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from ._charts import TimelineEvent, risk_chart, threshold_chart, timeline_chart
    from ._dot import DOT_LIMIT, dot_svg, to_dot
    from ._graph import (
        ArgumentGraph,
        Edge,
        Mark,
        Node,
        argument_graph,
        findings_by_element,
    )
    from ._gsn2x import (
        Gsn2xImport,
        Gsn2xModule,
        export_gsn2x,
        export_gsn2x_modules,
        import_gsn2x,
        modules_of,
        type_from_id,
        write_case_skeleton,
    )
    from ._layout import Box, Layout, Route, layout
    from ._mermaid import render_mermaid
    from ._split import (
        INDEX,
        MAX_ELEMENTS,
        Module,
        argument_overview,
        find_module,
        module_graph,
        module_page,
        overview_graph,
        partition,
        render_split,
    )
    from ._svg import arrange, diagram_svg, render_svg

# Each name is imported when first used: publishing draws the diagram and charts and needs
# none of the gsn2x, Mermaid and Graphviz parts.
if not TYPE_CHECKING:  # the imports above are for the type checker only
    __getattr__ = lazy_names(__name__, {
        "TimelineEvent": ("_charts", "TimelineEvent"),
        "risk_chart": ("_charts", "risk_chart"),
        "threshold_chart": ("_charts", "threshold_chart"),
        "timeline_chart": ("_charts", "timeline_chart"),
        "DOT_LIMIT": ("_dot", "DOT_LIMIT"),
        "dot_svg": ("_dot", "dot_svg"),
        "to_dot": ("_dot", "to_dot"),
        "ArgumentGraph": ("_graph", "ArgumentGraph"),
        "Edge": ("_graph", "Edge"),
        "Mark": ("_graph", "Mark"),
        "Node": ("_graph", "Node"),
        "argument_graph": ("_graph", "argument_graph"),
        "findings_by_element": ("_graph", "findings_by_element"),
        "Gsn2xImport": ("_gsn2x", "Gsn2xImport"),
        "Gsn2xModule": ("_gsn2x", "Gsn2xModule"),
        "export_gsn2x": ("_gsn2x", "export_gsn2x"),
        "export_gsn2x_modules": ("_gsn2x", "export_gsn2x_modules"),
        "import_gsn2x": ("_gsn2x", "import_gsn2x"),
        "modules_of": ("_gsn2x", "modules_of"),
        "type_from_id": ("_gsn2x", "type_from_id"),
        "write_case_skeleton": ("_gsn2x", "write_case_skeleton"),
        "Box": ("_layout", "Box"),
        "Layout": ("_layout", "Layout"),
        "Route": ("_layout", "Route"),
        "layout": ("_layout", "layout"),
        "render_mermaid": ("_mermaid", "render_mermaid"),
        "INDEX": ("_split", "INDEX"),
        "MAX_ELEMENTS": ("_split", "MAX_ELEMENTS"),
        "argument_overview": ("_split", "argument_overview"),
        "Module": ("_split", "Module"),
        "find_module": ("_split", "find_module"),
        "module_graph": ("_split", "module_graph"),
        "module_page": ("_split", "module_page"),
        "overview_graph": ("_split", "overview_graph"),
        "partition": ("_split", "partition"),
        "render_split": ("_split", "render_split"),
        "arrange": ("_svg", "arrange"),
        "diagram_svg": ("_svg", "diagram_svg"),
        "render_svg": ("_svg", "render_svg"),
    })

__all__ = [
    "TimelineEvent", "risk_chart", "threshold_chart", "timeline_chart",
    "DOT_LIMIT", "INDEX", "MAX_ELEMENTS", "ArgumentGraph", "Box", "Edge", "Gsn2xImport", "Layout",
    "Mark", "Module", "Node", "Route", "argument_graph", "argument_overview", "arrange", "diagram_svg", "dot_svg", "export_gsn2x", "export_gsn2x_modules", "Gsn2xModule", "modules_of",
    "find_module", "findings_by_element", "import_gsn2x", "layout", "module_graph", "module_page",
    "overview_graph", "partition", "render_mermaid", "render_split", "render_svg", "to_dot",
    "type_from_id", "write_case_skeleton",
]
