"""The Office zip package guards, kept in :mod:`plancheck.safezip` (which plancheck.libreoffice
uses before the readers are imported)."""

from ..safezip import (BOMB_MIN_BYTES, CHUNK_BYTES, CORRUPT, MAIN_PART, MAX_MEMBERS, MAX_RATIO,  # noqa: F401
                       MAX_TOTAL_BYTES, Package, check_members, open_package, xml_parser)
