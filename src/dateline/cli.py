"""The `dateline` command: one obvious job per subcommand.

Exit codes (all subcommands):
  0  every input processed
  1  some inputs failed (each reported on stderr and, for JSONL output, as an error record)
  2  usage error, or nothing could be processed (bad model name, no readable input)
"""

from __future__ import annotations

import typer

from .commands import eval as eval_cmd
from .commands import export as export_cmd
from .commands import extract as extract_cmd
from .commands import ingest as ingest_cmd
from .commands import schema as schema_cmd
from .commands import serve as serve_cmd

app = typer.Typer(
    name="dateline",
    help="News articles to a verifiable record of who said what, who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("extract")(extract_cmd.main)
app.command("eval")(eval_cmd.main)
app.command("schema")(schema_cmd.main)
app.command("ingest")(ingest_cmd.main)
app.command("export")(export_cmd.main)
app.command("serve")(serve_cmd.main)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
