"""`dateline serve`: pages and a JSON API over a store, read-only. `create_app(db)` builds the app."""

from .app import create_app

__all__ = ["create_app"]
