"""casegate's error types. Violations of a case are findings; these are for 'cannot go on'."""

from __future__ import annotations


class CasegateError(Exception):
    """Root of every error casegate raises on purpose. `diagnostics()` tells the user what to do."""

    exit_code = 2

    def __init__(self, message: str, *, help: str | None = None, location: str | None = None):
        super().__init__(message)
        self.message = message
        self.help = help
        self.location = location

    def diagnostics(self) -> str:
        from .terminal import escape_controls

        head = f"{self.location}: {self.message}" if self.location else self.message
        return escape_controls(f"error: {head}" + (f"\n  help: {self.help}" if self.help else ""))


class InputError(CasegateError):
    """An input file cannot be read as a casegate document (missing, not YAML, unknown version)."""


class VerificationError(CasegateError):
    """A signature, bundle, proof or log failed verification."""

    exit_code = 1


class StoreError(CasegateError):
    """The registry cannot be reached or is inconsistent."""

    exit_code = 3


class WriteOutcomeUnknown(StoreError):
    """A write was sent to the registry but its commit was not confirmed: it may or may not be
    recorded. Never reported as a plain failure (a retry could record it twice)."""


class MissingExtraError(CasegateError):
    """An optional dependency is not installed."""

    def __init__(self, package: str, extra: str):
        super().__init__(
            f"this needs the optional package '{package}', which is not installed",
            help=f"pip install 'casegate[{extra}]'",
        )
