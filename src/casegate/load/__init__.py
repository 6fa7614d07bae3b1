"""Loading YAML case and policy files into the model, with a source map for every element."""

from ._loader import (
           CaseBudget,
           Loaded,
           SourceFile,
           SourceTexts,
           builtin_policies,
           case_root,
           display_path,
           load_case,
           load_policy,
           load_protocol,
           validation_findings,
)
from ._regimes import builtin_regimes, load_builtin_regime, load_regime, resolve_regimes
from ._yaml import YamlDoc, parse_yaml

__all__ = ["CaseBudget", "Loaded", "SourceFile", "SourceTexts", "YamlDoc", "builtin_policies", "case_root", "display_path", "load_case",
           "load_policy", "load_protocol", "parse_yaml", "validation_findings", "builtin_regimes", "load_builtin_regime",
           "load_regime", "resolve_regimes"]
