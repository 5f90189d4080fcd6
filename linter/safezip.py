"""Guards for opening an Office zip package before anything parses it.

A .docx is a zip of XML parts, which makes it a convenient carrier for zip
bombs (a few hundred kilobytes that unpack to gigabytes) and XML entity
attacks. :func:`open_package` checks the archive's directory before any part
is unpacked, and :class:`Package` unpacks parts in chunks against a byte
budget, because the sizes a zip declares can lie. XML is parsed by a parser
that never expands entities, loads a DTD or touches the network.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from .errors import ReadError, one_line

# As typing.TYPE_CHECKING, without importing typing (a few ms) before plancheck.launch starts LibreOffice.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from lxml import etree

MAIN_PART = "word/document.xml"
MAX_MEMBERS = 2000
MAX_TOTAL_BYTES = 200 * 1024 * 1024
# Ratios are only judged on large members: tiny XML parts legitimately
# compress very well, and cannot do harm however well they compress.
BOMB_MIN_BYTES = 10 * 1024 * 1024
MAX_RATIO = 100
CHUNK_BYTES = 64 * 1024

CORRUPT = "is not a valid Word document: the file is truncated or corrupt"


def xml_parser() -> etree.XMLParser:
    """A parser that keeps entities unexpanded and loads nothing from outside."""
    from lxml import etree  # imported when XML is parsed: plancheck.launch copies a package without it

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False)


class Package:
    """The checked parts of a zip package, unpacked on demand within a byte budget."""

    def __init__(self, archive: zipfile.ZipFile, budget: int = MAX_TOTAL_BYTES):
        self._archive = archive
        self._budget = budget
        self._cache: dict[str, bytes] = {}
        self.names = frozenset(archive.namelist())

    def close(self) -> None:
        self._archive.close()

    def read(self, name: str) -> bytes | None:
        """The bytes of part ``name``, or None if the package has no such part."""
        if name not in self.names:
            return None
        if name not in self._cache:
            self._cache[name] = self._unpack(name)
        return self._cache[name]

    def xml(self, name: str, parser: etree.XMLParser | None = None) -> etree._Element | None:
        """Part ``name`` parsed safely, or None if the package has no such part."""
        from lxml import etree

        data = self.read(name)
        if data is None:
            return None
        try:
            return etree.fromstring(data, parser if parser is not None else xml_parser())
        except etree.XMLSyntaxError as error:
            raise ReadError(f"is damaged or unsafe: its part {name} could not be parsed "
                            f"({one_line(error)})") from None

    def _unpack(self, name: str) -> bytes:
        # Count the bytes actually inflated rather than trusting the declared size.
        out = io.BytesIO()
        try:
            with self._archive.open(name) as member:
                while chunk := member.read(CHUNK_BYTES):
                    self._budget -= len(chunk)
                    if self._budget < 0:
                        raise ReadError("looks like a zip bomb: its parts unpack to more than "
                                        f"{MAX_TOTAL_BYTES // 1048576} MB")
                    out.write(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
                struct.error):
            # RuntimeError: an encrypted member; NotImplementedError: an unknown compression;
            # ValueError and struct.error: zipfile seeking or unpacking a header past a damaged offset.
            # Only zipfile runs in this block.
            raise ReadError(CORRUPT) from None
        return out.getvalue()


def open_package(path: Path) -> Package:
    """Open ``path`` as a Word package after checking its zip directory is safe.

    Raises ReadError if the file is not a zip, is not a Word document, has too
    many parts, declares too much data, or compresses suspiciously well.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, struct.error, NotImplementedError,
            OverflowError):
        # Only zipfile runs here: these are its ways of meeting a damaged directory
        # (NotImplementedError: a version number it does not know).
        raise ReadError(CORRUPT) from None
    check_members(members)
    return Package(archive)


def check_members(members: list[zipfile.ZipInfo]) -> None:
    """Reject a zip directory that is not a Word document or could exhaust memory."""
    if len(members) > MAX_MEMBERS:
        raise ReadError(f"has too many parts to be a normal Word document ({len(members)}; "
                        f"the limit is {MAX_MEMBERS})")
    if not any(info.filename == MAIN_PART for info in members):
        raise ReadError("is a zip archive but not a Word document")
    for info in members:
        if info.file_size > BOMB_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ReadError(f"looks like a zip bomb: its part {info.filename} would unpack to "
                            f"{info.file_size / 1048576:.0f} MB from "
                            f"{info.compress_size / 1024:.0f} KB")
    declared = sum(info.file_size for info in members)
    compressed = sum(info.compress_size for info in members)
    if declared > BOMB_MIN_BYTES and declared > MAX_RATIO * max(compressed, 1):
        raise ReadError(f"looks like a zip bomb: it would unpack to {declared / 1048576:.0f} MB "
                        f"from {compressed / 1024:.0f} KB")
    if declared > MAX_TOTAL_BYTES:
        raise ReadError(f"is too large once unpacked ({declared / 1048576:.0f} MB; the limit is "
                        f"{MAX_TOTAL_BYTES // 1048576} MB)")
