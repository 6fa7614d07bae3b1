"""CLI commands (registry)."""
