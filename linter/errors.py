"""Errors that end the reading of one file, phrased for the person who ran plancheck."""


class ReadError(Exception):
    """A file could not be read. The message is one plain sentence, no traceback."""


class ConfigError(Exception):
    """A command-line option, configuration file or rule pack is invalid."""


class InternalError(Exception):
    """A fault in plancheck, or in a library it uses, met while reading or checking a file.

    Not the file's fault: reported as such, with ``details`` (the traceback)
    shown by ``--debug``.
    """

    def __init__(self, message: str, details: str = ""):
        super().__init__(message)
        self.details = details


def one_line(text: str, limit: int = 200) -> str:
    """Text from a library's error (lxml's carry newlines) as one line of at most ``limit`` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
