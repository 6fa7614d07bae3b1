"""Rule families, one module each: CG1xx boundary ... CG8xx failure modes, CG9xx structure, CG10xx regulatory regimes."""

from . import (
    authority,  # noqa: F401
    boundary,  # noqa: F401
    defeaters,  # noqa: F401
    elicitation,  # noqa: F401
    evidence_integrity,  # noqa: F401
    history,  # noqa: F401
    placeholders,  # noqa: F401
    post_deployment,  # noqa: F401
    publication,  # noqa: F401
    regimes,  # noqa: F401
    safeguards,  # noqa: F401
    structure,  # noqa: F401
    threat,  # noqa: F401
)
