"""CLI commands (monitor)."""
