"""Rule families, one module each: CG1xx boundary ... CG8xx failure modes, CG9xx structure."""

from . import structure  # noqa: F401
from . import authority  # noqa: F401
from . import publication  # noqa: F401
from . import post_deployment  # noqa: F401
from . import defeaters  # noqa: F401
from . import evidence_integrity  # noqa: F401
from . import boundary  # noqa: F401
from . import threat  # noqa: F401
from . import elicitation  # noqa: F401
from . import safeguards  # noqa: F401
