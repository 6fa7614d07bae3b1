"""casegate: make a frontier-AI safety case a release gate."""

__version__ = "0.1.0"
