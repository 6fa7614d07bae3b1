"""Rule families, one module each: CG1xx boundary ... CG8xx failure modes, CG9xx structure."""

from . import structure  # noqa: F401
from . import authority  # noqa: F401
from . import publication  # noqa: F401
from . import post_deployment  # noqa: F401
from . import defeaters  # noqa: F401
