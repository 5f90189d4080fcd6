"""Readers: one module per file format, each turning a file into a Document.

The format is chosen from the file's first bytes as well as its extension, so
a PDF saved as ``plan.docx`` is reported rather than misread. Each reader is
imported only when a file of its format is seen, which keeps start-up fast.
"""

from __future__ import annotations

import errno
import importlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..document import Document
from ..errors import InternalError, ReadError, one_line

if TYPE_CHECKING:
    from . import convert

SUFFIX_FORMATS = {
    ".docx": "docx",
    ".docm": "docx",
    ".pdf": "pdf",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".doc": "doc",
    ".odt": "odt",
}
SUPPORTED_SUFFIXES = tuple(SUFFIX_FORMATS)

READER_MODULES = {
    "docx": "docx",
    "pdf": "pdf",
    "markdown": "markdown",
    "text": "markdown",
    "html": "html",
    "doc": "convert",
    "odt": "convert",
}

FORMAT_NAMES = {
    "docx": "a Word document",
    "pdf": "a PDF",
    "markdown": "a Markdown file",
    "text": "a text file",
    "html": "a web page",
    "doc": "a Word 97-2003 document",
    "odt": "an OpenDocument text file",
    "zip": "a zip archive",
    "ole": "a Word 97-2003 document or an encrypted Office file",
    "binary": "binary data",
}

# Formats plancheck does not read, told by their first bytes: what the file is, and what to do.
UNREAD_FORMATS = {
    "rtf": "in Rich Text Format (RTF), which plancheck does not read; open it in Word or LibreOffice "
           "and save it as .docx",
    "word-xml": "a Word 2003 XML or flat OpenDocument file, which plancheck does not read; open it in "
                "Word or LibreOffice and save it as .docx",
    "wordperfect": "a WordPerfect document, which plancheck does not read; save it as .docx",
    "postscript": "a PostScript file, which plancheck does not read; convert it to PDF",
    "spreadsheet": "a spreadsheet, not a text document; save the plan as .docx or .pdf",
    "presentation": "a presentation, not a text document; save the plan as .docx or .pdf",
    "epub": "an EPUB e-book, which plancheck does not read; save the plan as .docx or .pdf",
    "web-archive": "a web archive (.mht), which plancheck does not read; save the page as .html",
    "image": "an image, not a document; check the document it came from, or a PDF of it",
    "compressed": "a compressed archive; unpack it and check the plan inside",
}
READ_SUFFIXES = ".docx, .docm, .pdf, .md, .txt or .html (.doc and .odt with LibreOffice)"
# Text saved as UTF-16 or UTF-32, by byte-order mark; UTF-32's first, as it begins like UTF-16's.
UNICODE_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
                (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
MAGIC = (
    (b"{\\rtf", "rtf"),
    (b"\xffWPC", "wordperfect"),
    (b"%!PS", "postscript"),
    (b"\x89PNG", "image"), (b"\xff\xd8\xff", "image"), (b"GIF8", "image"), (b"II*\x00", "image"),
    (b"MM\x00*", "image"), (b"BM", None),  # "BM" starts ordinary words too: not an image by itself
    (b"\x1f\x8b", "compressed"), (b"7z\xbc\xaf\x27\x1c", "compressed"), (b"Rar!", "compressed"),
    (b"BZh", None), (b"\xfd7zXZ\x00", "compressed"),
)
ODF_KINDS = {b"spreadsheet": "spreadsheet", b"presentation": "presentation", b"graphics": "image"}

MAX_FILE_BYTES = 50 * 1024 * 1024
TOO_MUCH_MEMORY = "needs too much memory to read; it may be damaged"


@dataclass
class ReadOptions:
    """How to read: page mode ``auto``, ``layout`` or ``estimate``; limits."""

    pages: str = "auto"
    time_limit: float = 60.0
    max_bytes: int = MAX_FILE_BYTES
    # Below time_limit, so a slow LibreOffice falls back to an estimate instead of failing the file.
    layout_timeout: float = 45.0
    # Keep the traceback of an internal error, for --debug.
    debug: bool = False
    # Where a run's LibreOffice renderer puts this file's PDF (see readers.convert.render_all), or
    # the LibreOffice rendering it (a readers.convert.Rendering).
    rendering: "str | convert.Rendering | None" = None


def unicode_encoding(data: bytes) -> tuple[str, int] | None:
    """(codec, length of its byte-order mark) for text in UTF-8 with a BOM, UTF-16 or UTF-32; None otherwise.

    UTF-16 without a BOM is recognised by its zero bytes: text in Latin
    letters has a zero as every other byte, on one side only.
    """
    for bom, codec in UNICODE_BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    sample = data[:4096]
    sample = sample[:len(sample) - len(sample) % 2]
    half = len(sample) // 2
    if half >= 2:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd >= 0.3 * half and even <= 0.02 * half:
            return "utf-16-le", 0
        if even >= 0.3 * half and odd <= 0.02 * half:
            return "utf-16-be", 0
    return None


def sniff(head: bytes) -> str:
    """Name the format the first bytes of a file say it is."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in head[:200]:
            return "odt"
        if b"mimetypeapplication/vnd.oasis.opendocument." in head[:200]:
            kind = re.match(rb"[a-z]*", head[head.index(b"opendocument.") + 13:]).group()
            return ODF_KINDS.get(kind, "zip")
        if b"mimetypeapplication/epub+zip" in head[:200]:
            return "epub"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    for magic, kind in MAGIC:
        if kind and head.startswith(magic):
            return kind
    encoding = unicode_encoding(head)
    if encoding and encoding[0] != "utf-8":
        codec, bom = encoding
        # Judge the text, not its encoding; a cut at the end of the sample is harmless.
        head = head[bom:].decode(codec, errors="ignore").encode("utf-8")
    if b"\x00" in head[:4096]:
        return "binary"
    lowered = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head[:4096].lower():
        return "html"
    if lowered.startswith(b"<?xml") and (b"<w:worddocument" in lowered or b"<office:document" in lowered):
        return "word-xml"
    if lowered.startswith(b"mime-version:") or b"content-type: multipart/related" in lowered[:1024]:
        return "web-archive"
    return "text"


def detect_format(path: Path, head: bytes) -> str:
    """Decide which reader a file needs, or say why none can read it."""
    suffix = path.suffix.lower()
    claimed = SUFFIX_FORMATS.get(suffix)
    content = sniff(head)
    if content in UNREAD_FORMATS:
        raise ReadError(f"is {UNREAD_FORMATS[content]}")
    if claimed is None:
        if content in ("pdf", "html", "odt"):
            return content
        if content == "zip":
            return "docx"
        if content == "text" and not suffix:
            return "text"
        raise ReadError(f"is a {suffix} file, which plancheck does not read; "
                        f"save the plan as {READ_SUFFIXES}" if suffix else
                        f"is {FORMAT_NAMES.get(content, content)}, which plancheck does not read; "
                        f"save the plan as {READ_SUFFIXES}")
    if claimed in ("markdown", "text"):
        if content in ("text", "html"):
            return claimed
    elif claimed == "html":
        if content in ("html", "text"):
            return "html"
    elif claimed == "docx":
        if content == "zip":
            return "docx"
        if content == "ole":
            raise ReadError("is password-protected (encrypted) or is really a Word 97-2003 file; "
                            "remove the password, or save it again as .docx")
    elif claimed == "doc":
        if content == "ole":
            return "doc"
        if content == "zip":
            return "docx"
    elif claimed == content:
        return claimed
    raise ReadError(f"is not what its extension says: named {suffix} but the contents are "
                    f"{FORMAT_NAMES.get(content, content)}")


def time_limit_error(seconds: float, what: str = "read") -> ReadError:
    return ReadError(f"took longer than {seconds:g} seconds to {what}; "
                     "it may be damaged or unusually complex")


# Libraries whose faults are reported by name: the top-level module, then how to call it.
LIBRARIES = {"pdfminer": "pdfminer.six, the PDF library plancheck uses",
             "lxml": "lxml, the XML library plancheck uses"}
SPECIAL_FILES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                 (stat.S_ISSOCK, "a socket"))
WHITESPACE = b" \t\r\n\x00\x0b\x0c\xef\xbb\xbf\xfe\xff"


def parser_errors(fmt: str) -> tuple[type[BaseException], ...]:
    """The exceptions a format's parsers raise for a damaged file; anything else is a fault in the code."""
    import zipfile
    import zlib

    errors: list[type[BaseException]] = [zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError]
    if fmt in ("docx", "html", "doc", "odt"):
        from lxml import etree

        errors.append(etree.LxmlError)
    if fmt == "pdf":
        from pdfminer.psexceptions import PSException

        errors.append(PSException)
    return tuple(errors)


def internal_error(error: BaseException, doing: str) -> InternalError:
    """An InternalError for ``error``, naming the library it came from when it was not plancheck."""
    import traceback

    library = next((words for name, words in LIBRARIES.items() if raised_in(error, name)), None)
    if library:
        message = (f"could not be {doing} because of an internal error in {library}, not necessarily a fault "
                   "in the file; please report it (plancheck --debug shows the details)")
    else:
        message = (f"could not be {doing} because of an internal error in plancheck, not a fault in the file; "
                   "please report it (plancheck --debug shows the details)")
    return InternalError(message, "".join(traceback.format_exception(error)))


def raised_in(error: BaseException, package: str) -> bool:
    """Whether ``error`` was raised by the code of ``package`` (a library), not by plancheck's own."""
    import traceback

    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and f"{os.sep}{package}{os.sep}" in frames[-1].filename


def _open_regular(path: Path):
    """The file opened for reading, and its size; refused, before it can block, unless it is a regular file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError("is a symbolic link to a file that does not exist") from None
        raise ReadError("file not found") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ReadError("is a symbolic link that leads back to itself (a loop), so there is no file "
                            "to read") from None
        raise ReadError(f"could not be opened ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("is a folder, not a file")
    for test, kind in SPECIAL_FILES:
        if test(info.st_mode):
            raise ReadError(f"is {kind}, not a file; plancheck reads only ordinary files")
    try:
        # Non-blocking, so that a file swapped for a pipe after the check above cannot hang the run.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as error:
        raise ReadError(f"could not be opened ({error.strerror or error})") from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise ReadError("is not an ordinary file; plancheck reads only ordinary files")
    return os.fdopen(descriptor, "rb"), info.st_size


def _only_whitespace(handle, head: bytes, limit: int) -> bool:
    """Whether the file holds nothing but white space: the head first, then the rest in pieces."""
    if head.strip(WHITESPACE):
        return False
    encoding = unicode_encoding(head)
    if encoding and encoding[0] != "utf-8":
        return not head.decode(encoding[0], errors="ignore").strip("\ufeff \t\r\n\x00")
    read = len(head)
    while read < limit:
        chunk = handle.read(1 << 20)
        if not chunk:
            return True
        if chunk.strip(WHITESPACE):
            return False
        read += len(chunk)
    return True


def read_document(path: str | os.PathLike, options: ReadOptions | None = None) -> Document:
    """Read one file into a Document, or raise ReadError with a one-line cause.

    A fault in plancheck or in a library it uses raises InternalError instead,
    so that it is never blamed on the file.

    The reading happens in a child process killed at ``options.time_limit``
    (see :mod:`plancheck.isolate`), unless this already is such a process.
    """
    from .. import isolate

    options = options or ReadOptions()
    if options.time_limit and isolate.available() and not isolate.inside():
        return isolate.call(_read_document, path, options, time_limit=options.time_limit,
                            on_timeout=time_limit_error(options.time_limit))
    return _read_document(path, options)


def _read_document(path: str | os.PathLike, options: ReadOptions) -> Document:
    path = Path(path)
    handle, size = _open_regular(path)
    with handle:
        try:
            head = handle.read(8192)
            if size > options.max_bytes:
                raise ReadError(f"is too large ({size / 1048576:.1f} MB; the limit is "
                                f"{options.max_bytes / 1048576:.0f} MB)")
            if size == 0 or _only_whitespace(handle, head, options.max_bytes):
                raise ReadError("is empty")
        except OSError as error:
            raise ReadError(f"could not be read ({error.strerror or error})") from None
    fmt = detect_format(path, head)
    module = importlib.import_module(f".{READER_MODULES[fmt]}", __name__)
    damage = parser_errors(fmt)
    try:
        document = module.read(path, options, fmt)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError(TOO_MUCH_MEMORY) from None
    except RecursionError:
        raise ReadError("is nested too deeply to read; it may be damaged") from None
    except damage as error:
        raise ReadError(f"could not be read as {FORMAT_NAMES.get(fmt, fmt)}: it is damaged "
                        f"({one_line(error)})") from None
    except Exception as error:  # a fault in plancheck or a library: never blamed on the file
        raise internal_error(error, "read") from None
    document.path = str(path)
    return document
