"""plancheck: check a draft policy document against the requirements it must meet."""

__version__ = "0.1.0"
