"""``python -m rehearse`` runs the CLI."""

from rehearse.cli import main

main()
