"""CLI commands (sign)."""
