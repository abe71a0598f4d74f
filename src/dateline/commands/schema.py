"""`dateline schema`: the JSON Schema of the record."""

from __future__ import annotations

import json

from ..record import json_schema


def main() -> None:
    """Print the JSON Schema of the Article record (every field of every fact)."""
    print(json.dumps(json_schema(), indent=2))
