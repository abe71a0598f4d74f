"""Sources: where documents come from. Each yields Document (or ErrorRecord for what it could not read)."""
