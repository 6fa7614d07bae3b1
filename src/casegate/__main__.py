"""`python -m casegate` runs the command line."""

from casegate.cli import main

main()
