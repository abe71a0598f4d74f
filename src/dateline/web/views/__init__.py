"""One module per kind of page; each has an `APIRouter` with the HTML page and its `/api/` JSON (and CSV)."""
