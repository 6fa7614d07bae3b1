"""Checks: declared rules, one module per family, run in passes over a loaded case.

The immutable values that `check` and `gate` pass around (hits, derived statuses, regime facts,
and their kin in `load`, `evidence` and `gate`) are named tuples rather than frozen dataclasses:
Python builds a dataclass's methods from source when the class is defined, about half a
millisecond each, ten times what a named tuple costs, and these commands define dozens of them
on every run. The modules that define most of them do without `from __future__ import
annotations`: a named tuple's field annotation written as a string is compiled into a forward
reference when the class is defined, which costs more than the rest of the field (a type only
imported for type checking is quoted where it is used instead).
"""

from ._regimes import FactItem, FactValue, RegistryFacts, SectionFill, fill_section, read_fact
from ._registry import (
           Context,
           Hit,
           RegisteredRule,
           all_rules,
           get_rule,
           iter_rules_by_family,
           registered,
           rule,
           run_checks,
)
from ._run import CheckReport, check_case, locate_findings, make_context
from ._text import content_words
from ._watch import FileState, file_states, wait_for_change, watched_files

__all__ = ["FactItem", "FactValue", "RegistryFacts", "SectionFill", "fill_section", "read_fact",
           "CheckReport", "Context", "Hit", "RegisteredRule", "all_rules", "check_case", "get_rule",
           "iter_rules_by_family", "locate_findings", "make_context", "registered", "rule", "run_checks",
           "FileState", "file_states", "wait_for_change", "watched_files", "content_words"]
