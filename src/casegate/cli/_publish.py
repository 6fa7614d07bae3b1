"""CLI commands (publish)."""
