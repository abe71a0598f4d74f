"""`dateline ingest` (not implemented yet)."""

from __future__ import annotations

import typer


def main() -> None:
    """Not implemented yet."""
    typer.echo("dateline ingest: not implemented yet", err=True)
    raise typer.Exit(2)
