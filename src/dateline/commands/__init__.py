"""One module per CLI subcommand; `dateline.cli` only registers them."""
