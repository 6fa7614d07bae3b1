"""Regulatory regimes: the documents a regime asks for, made from the case (with its gaps), and
the incident reports it requires with their deadlines."""

from ._api import (
           changes_between,
           draft_incident_report,
           regime_notice,
           regime_overview,
           registry_facts,
           render,
           write_document,
)
from ._document import DocSection, Gap, RegimeDoc, ShownItem, build_document, find_document

__all__ = ["DocSection", "Gap", "RegimeDoc", "ShownItem", "build_document", "changes_between",
           "draft_incident_report", "find_document", "regime_notice", "regime_overview", "registry_facts", "render",
           "write_document"]
