"""CLI commands (evidence)."""
