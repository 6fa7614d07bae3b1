"""Diagrams and interchange: GSN-style SVG laid out by casegate's own layered engine, split
(per-module) views for large arguments, Mermaid, Graphviz DOT for small arguments, and gsn2x
YAML export and import."""

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
    find_module,
    module_graph,
    module_page,
    overview_graph,
    partition,
    render_split,
)
from ._svg import arrange, diagram_svg, render_svg

__all__ = [
    "TimelineEvent", "risk_chart", "threshold_chart", "timeline_chart",
    "DOT_LIMIT", "INDEX", "MAX_ELEMENTS", "ArgumentGraph", "Box", "Edge", "Gsn2xImport", "Layout",
    "Mark", "Module", "Node", "Route", "argument_graph", "arrange", "diagram_svg", "dot_svg", "export_gsn2x", "export_gsn2x_modules", "Gsn2xModule", "modules_of",
    "find_module", "findings_by_element", "import_gsn2x", "layout", "module_graph", "module_page",
    "overview_graph", "partition", "render_mermaid", "render_split", "render_svg", "to_dot",
    "type_from_id", "write_case_skeleton",
]
