"""Readers: one module per file format, each turning a file into a Document.

The format is chosen from the file's first bytes as well as its extension, so
a PDF saved as ``plan.docx`` is reported rather than misread. Each reader is
imported only when a file of its format is seen, which keeps start-up fast.
"""

from __future__ import annotations

import importlib
import os
import signal
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..errors import ReadError

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

MAX_FILE_BYTES = 50 * 1024 * 1024


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


def sniff(head: bytes) -> str:
    """Name the format the first bytes of a file say it is."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in head[:200]:
            return "odt"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if b"\x00" in head[:4096] and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        return "binary"
    lowered = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head[:4096].lower():
        return "html"
    return "text"


def detect_format(path: Path, head: bytes) -> str:
    """Decide which reader a file needs, or say why none can read it."""
    suffix = path.suffix.lower()
    claimed = SUFFIX_FORMATS.get(suffix)
    content = sniff(head)
    if claimed is None:
        if content in ("pdf", "html", "odt"):
            return content
        if content == "zip":
            return "docx"
        if content == "text":
            return "text"
        raise ReadError(f"unsupported file type '{suffix or 'no extension'}'; plancheck reads "
                        ".docx, .pdf, .md, .txt, .html, and .doc or .odt with LibreOffice")
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


@contextmanager
def time_limit(seconds: float, path: Path):
    """Stop reading one file after ``seconds``; only in the main thread on POSIX."""
    usable = seconds and hasattr(signal, "SIGALRM")
    if usable:
        try:
            def expire(signum, frame):
                raise ReadError(f"took longer than {seconds:g} seconds to read; "
                                "it may be damaged or unusually complex")
            previous = signal.signal(signal.SIGALRM, expire)
        except ValueError:
            usable = False
    if usable:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def read_document(path: str | os.PathLike, options: ReadOptions | None = None) -> Document:
    """Read one file into a Document, or raise ReadError with a one-line cause."""
    options = options or ReadOptions()
    path = Path(path)
    if not path.exists():
        raise ReadError("file not found")
    if path.is_dir():
        raise ReadError("is a folder, not a file")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8192)
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as error:
        raise ReadError(f"could not be opened ({error.strerror or error})") from None
    if size == 0 or not head.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise ReadError("is empty")
    if size > options.max_bytes:
        raise ReadError(f"is too large ({size / 1048576:.1f} MB; the limit is "
                        f"{options.max_bytes / 1048576:.0f} MB)")
    fmt = detect_format(path, head)
    module = importlib.import_module(f".{READER_MODULES[fmt]}", __name__)
    with time_limit(options.time_limit, path):
        try:
            document = module.read(path, options, fmt)
        except ReadError:
            raise
        except MemoryError:
            raise ReadError("needs too much memory to read; it may be damaged") from None
        except RecursionError:
            raise ReadError("is nested too deeply to read; it may be damaged") from None
        except Exception as error:  # a damaged file must never end in a traceback
            raise ReadError(f"could not be read as {FORMAT_NAMES.get(fmt, fmt)}: "
                            f"it may be damaged ({type(error).__name__}: {error})"[:300]) from None
    document.path = str(path)
    return document
