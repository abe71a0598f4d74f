"""Errors a user can cause; the CLI prints them as one line naming the input, never a traceback."""


class DatelineError(Exception):
    """Base of every error that is the input's or the user's, not a bug."""


class SourceError(DatelineError):
    """An input could not be read at all: missing file, bad JSONL line, unreachable URL."""


class ReadError(DatelineError):
    """An input was read but holds no article: empty, binary, undecodable, no main text."""


class ModelError(DatelineError):
    """The spaCy pipeline named by the user cannot be loaded."""
