"""CLI commands (serve)."""
