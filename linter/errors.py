"""Errors that end the reading of one file, phrased for the person who ran plancheck."""


class ReadError(Exception):
    """A file could not be read. The message is one plain sentence, no traceback."""


class ConfigError(Exception):
    """A command-line option, configuration file or rule pack is invalid."""
