"""CLI commands (gate)."""
