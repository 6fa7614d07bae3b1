"""Rule families, one module each: CG1xx boundary ... CG8xx failure modes, CG9xx structure."""

from . import structure  # noqa: F401
