"""LibreOffice, where it is installed: exact page layout, and .doc/.odt input.

How LibreOffice is run, and why:

- It only ever sees a copy of the input, made in plancheck's temporary folder,
  with every externally linked target (a linked image, object or template, an
  OpenDocument ``xlink:href`` that leaves the package) removed: a checker run
  on an untrusted document must never read local files or reach the network
  on the document's behalf. The input itself is only ever read.
- It runs in a process group of its own with its ``TMPDIR`` inside that
  temporary folder; on a time-out, an error or an interrupt the whole group
  (``oosplash`` and ``soffice.bin``) is killed and the folder removed.
- Its user profile is kept in plancheck's cache folder
  (``$XDG_CACHE_HOME/plancheck/libreoffice``) because creating one costs a
  noticeable part of every start. Each profile is locked while in use, so
  that two plancheck processes never share one; when every kept profile is
  busy, a throw-away profile is used instead.
- Several Word files are converted by one LibreOffice process
  (:func:`render_all`, run by :mod:`plancheck.runner` for a whole run), so
  that LibreOffice's start-up is paid once rather than once per file.
- A Word file checked alone is rendered by a LibreOffice started before the
  file is read (:class:`Rendering`), and its PDF is taken as soon as it is
  written: LibreOffice removes its lock file beside the PDF once the PDF is
  complete, and then spends a while shutting down, which it does while the
  file is checked.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

from ..errors import ReadError

INSTALL_HINT = ("install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) "
                "or save the file as .docx")
# Kept profiles, each usable by one LibreOffice at a time.
PROFILE_SLOTS = 4
# Left in a kept profile while LibreOffice uses it: still there at the next start means
# LibreOffice was killed mid-write, and the profile is rebuilt rather than trusted.
IN_USE = "plancheck-in-use"
# Files converted by one LibreOffice process before the next starts: a start-up is
# paid per batch, and a document that hangs LibreOffice costs at most its batch's restart.
BATCH_FILES = 24
# How often a reader looks for the rendering of its file from the run's renderer.
POLL_SECONDS = 0.01
# How often a file checked alone looks for its PDF: the run waits for nothing else.
RENDERING_POLL_SECONDS = 0.004
MARKERS = (".done", ".failed", ".skip")

HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# OpenDocument elements whose xlink:href is a hyperlink that nothing opens while laying out.
ODF_LINKS = {"{urn:oasis:names:tc:opendocument:xmlns:text:1.0}a",
             "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}a"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def soffice_path() -> str | None:
    """Where LibreOffice's ``soffice`` is, or None."""
    override = os.environ.get("PLANCHECK_SOFFICE")
    if override:
        return override if shutil.which(override) or Path(override).exists() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


# ---------------------------------------------------------------- the profile

@contextmanager
def profile(work_dir: Path):
    """Yield a LibreOffice user profile folder for this process's sole use while the block runs."""
    held = _lock_kept_profile()
    if held is None:
        yield work_dir / "profile"
        return
    folder, lock = held
    try:
        marker = folder / IN_USE
        if marker.exists():
            shutil.rmtree(folder / "user", ignore_errors=True)
        folder.mkdir(exist_ok=True)
        marker.touch()
        yield folder
        marker.unlink(missing_ok=True)
    finally:
        lock.close()


def _lock_kept_profile():
    """(folder, open lock file) for the first kept profile no other process holds, or None."""
    try:
        import fcntl
    except ImportError:
        return None
    from ..cache import user_cache_dir

    try:
        root = user_cache_dir() / "libreoffice"
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # no writable cache: a throw-away profile still works
    for slot in range(PROFILE_SLOTS):
        try:
            lock = open(root / f"profile-{slot}.lock", "a+b")
        except OSError:
            return None
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            continue
        return root / f"profile-{slot}", lock
    return None


def discard_kept_profile(folder: Path) -> None:
    """Remove a kept profile that LibreOffice failed with, so the next start builds a fresh one."""
    if folder.name.startswith("profile-"):
        shutil.rmtree(folder / "user", ignore_errors=True)


# ---------------------------------------------------------------- the copy LibreOffice sees

def neutralised_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` with every external link LibreOffice could follow removed.

    Word packages lose their external relationships other than hyperlinks;
    OpenDocument files lose every ``xlink:href`` that leaves the package,
    other than hyperlinks. Other files (a Word 97-2003 .doc) are copied as
    they are.
    """
    from .safezip import MAX_MEMBERS, Package

    data = source.read_bytes()
    if not data.startswith(b"PK"):
        target.write_bytes(data)
        return
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise ReadError("is not a valid Word or OpenDocument file: the file is truncated or corrupt") from None
    if len(members) > MAX_MEMBERS:
        archive.close()
        raise ReadError(f"has too many parts to be a normal document ({len(members)}; the limit is {MAX_MEMBERS})")
    package = Package(archive)
    opendocument = "mimetype" in package.names
    with archive, zipfile.ZipFile(target, "w") as copy:
        for info in members:
            if info.is_dir():
                continue
            content = package.read(info.filename) or b""
            if info.filename.endswith(".rels"):
                content = _without_external_relationships(content)
            elif opendocument and info.filename.endswith(".xml") and b"http://www.w3.org/1999/xlink" in content:
                content = _without_external_hrefs(content, info.filename)
            # Stored, not compressed again: the copy is read once, at once, and compressing the
            # styles of a short plan took longer than starting LibreOffice's conversion.
            copy.writestr(info, content, compress_type=zipfile.ZIP_STORED)


def _parse(content: bytes, name: str):
    from lxml import etree

    from .safezip import xml_parser

    try:
        return etree.fromstring(content, xml_parser())
    except etree.XMLSyntaxError as error:
        raise ReadError(f"is damaged: its part {name} could not be parsed ({error})"
                        .replace("\n", " ")[:300]) from None


def _without_external_relationships(content: bytes) -> bytes:
    if b"external" not in content.lower():
        return content
    from lxml import etree

    try:
        root = _parse(content, "relationships")
    except ReadError:
        # What cannot be parsed here is not trusted to LibreOffice's own parser either.
        return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>')
    for relationship in list(root):
        if relationship.get("TargetMode", "").lower() == "external" and relationship.get("Type") != HYPERLINK:
            root.remove(relationship)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _inside_package(href: str) -> bool:
    """Whether an OpenDocument link names a part of the package itself (``Pictures/1.png``)."""
    if _SCHEME.match(href) or href.startswith(("/", "\\")):
        return False
    normal = posixpath.normpath(href.replace("\\", "/"))
    return not (normal == ".." or normal.startswith("../"))


def _without_external_hrefs(content: bytes, name: str) -> bytes:
    from lxml import etree

    root = _parse(content, name)
    for element in root.iter():
        href = element.get(XLINK_HREF)
        if href is not None and element.tag not in ODF_LINKS and not _inside_package(href):
            del element.attrib[XLINK_HREF]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# ---------------------------------------------------------------- running LibreOffice

def _command(soffice: str, user_profile: Path, target: str, out_dir: Path, sources: list[Path]) -> list[str]:
    return [_launcher(soffice), f"-env:UserInstallation={user_profile.resolve().as_uri()}", "--headless",
            "--norestore", "--nolockcheck", "--nologo", "--nodefault", "--convert-to", target,
            "--outdir", str(out_dir), *map(str, sources)]


_launchers: dict[str, str] = {}


def _launcher(soffice: str) -> str:
    """The program that starts LibreOffice: ``oosplash`` when ``soffice`` is the usual shell script
    in front of it, else ``soffice`` itself.

    On Linux, ``soffice`` runs half a dozen small programs (dirname, ls, sed, uname...) to find
    its own folder, sets SAL_ENABLE_FILE_LOCKING (as :class:`LibreOffice` does) and starts the
    ``oosplash`` beside it, which starts LibreOffice and starts it again when a new profile asks
    for a restart. Starting ``oosplash`` directly saves those programs' starts. A folder with an
    ``ooenv`` (settings the script reads) or a debugging run the script sets up (``$VALGRIND``,
    ``$RR``) keeps the script.
    """
    if soffice not in _launchers:
        chosen = soffice
        try:
            real = os.path.realpath(soffice)
            folder = os.path.dirname(real)
            oosplash = os.path.join(folder, "oosplash")
            with open(real, "rb") as script:
                is_script = script.read(2) == b"#!"
            if (is_script and os.path.basename(real) == "soffice" and os.access(oosplash, os.X_OK)
                    and not os.path.exists(os.path.join(folder, "ooenv"))):
                chosen = oosplash
        except OSError:
            pass
        _launchers[soffice] = chosen
    if os.environ.get("VALGRIND") or os.environ.get("RR"):
        return soffice
    return _launchers[soffice]


class LibreOffice:
    """One LibreOffice process, in its own process group, killed as a group when it is done with."""

    def __init__(self, command: list[str], work_dir: Path, watch_output: bool = False):
        from .. import isolate

        temporary = work_dir / "tmp"
        temporary.mkdir(exist_ok=True)
        # SAL_ENABLE_FILE_LOCKING: as the soffice script sets it (see _launcher).
        env = dict(os.environ, TMPDIR=str(temporary), TMP=str(temporary), TEMP=str(temporary),
                   SAL_ENABLE_FILE_LOCKING="1")
        with isolate.unlimited_memory():
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE if watch_output else subprocess.DEVNULL,
                stderr=subprocess.STDOUT if watch_output else subprocess.DEVNULL,
                env=env, start_new_session=True, close_fds=True)
        isolate.register_group(self.process.pid)
        self._pending = b""

    def lines(self, timeout: float) -> list[str] | None:
        """The lines LibreOffice printed within ``timeout`` seconds; None once it has exited."""
        stream = self.process.stdout
        ready, _, _ = select.select([stream], [], [], timeout)
        if not ready:
            return []
        chunk = os.read(stream.fileno(), 65536)
        if not chunk:
            return None
        self._pending += chunk
        *complete, self._pending = self._pending.split(b"\n")
        return [line.decode("utf-8", "replace") for line in complete]

    def wait(self, timeout: float) -> None:
        self.process.wait(timeout)

    def stop(self) -> None:
        from .. import isolate

        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        isolate.unregister_group(self.process.pid)


@contextmanager
def converted(path: Path, target: str, timeout: float = 60.0):
    """Yield the path of ``path`` converted by LibreOffice to ``target`` (e.g. "pdf")."""
    soffice = soffice_path()
    if soffice is None:
        raise ReadError(f"needs LibreOffice to convert it; {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="plancheck-") as work:
        work_dir = Path(work)
        # A copy: LibreOffice takes a lock file beside its input, and inputs are never written.
        source = work_dir / ("input" + path.suffix.lower())
        neutralised_copy(path, source)
        extension = target.split(":")[0]
        with profile(work_dir) as user_profile:
            for attempt in range(2):
                out_dir = work_dir / f"out{attempt}"
                office = None
                try:
                    office = LibreOffice(_command(soffice, user_profile, target, out_dir, [source]), work_dir)
                    office.wait(timeout)
                except subprocess.TimeoutExpired:
                    raise ReadError(f"LibreOffice took longer than {timeout:g} seconds to convert it") from None
                except OSError as error:
                    raise ReadError(f"LibreOffice could not be started ({error})") from None
                finally:
                    if office is not None:
                        office.stop()
                outputs = list(out_dir.glob(f"*.{extension}"))
                if outputs:
                    yield outputs[0]
                    return
                if user_profile.parent == work_dir:
                    break
                # A kept profile may be what failed: try once more with a throw-away one.
                discard_kept_profile(user_profile)
                user_profile = work_dir / "profile"
        raise ReadError(f"LibreOffice could not convert it to {extension}; "
                        "it may be damaged or password-protected")


# ---------------------------------------------------------------- page texts

def page_texts(pdf: Path) -> list[str]:
    """The text of each page of a PDF, in content-stream order, without layout analysis.

    Placing a paragraph on a page needs only which characters a page holds;
    pdfminer's layout analysis (grouping characters into lines and boxes) is
    the costly part of reading a PDF and is not needed for that. The pages
    LibreOffice writes are simple enough for :func:`_scanned_page_texts`,
    several times faster than pdfminer's interpreter, which reads any other;
    and the whole file simple enough for :func:`_plain_page_texts`, which
    reads it without pdfminer, whose import takes longer than the reading.
    """
    for read in (_plain_page_texts, _scanned_page_texts):
        try:
            return read(pdf)
        except _NotSimple:
            pass
    return _interpreted_page_texts(pdf)


class _NotSimple(Exception):
    """A page holds something only pdfminer's interpreter reads right."""


# One token of a content stream, with the white space before it: what a page written by LibreOffice
# holds. An array of hex strings and numbers (what TJ shows) is one token. Literal strings,
# dictionaries and anything else are left to pdfminer's interpreter.
_CONTENT_TOKEN = re.compile(rb"""\s*(?:
    (?P<texts>\[(?:[-+0-9.\s]+|<[0-9A-Fa-f\s]*>)*+\])
  | /(?P<name>[^\s/\[\]<>(){}%]+)
  | <(?P<hex>[0-9A-Fa-f\s]*)>
  | (?P<number>[-+]?(?:\d+\.?\d*|\.\d+))(?=[\s/\[\]<>(){}%]|$)
  | (?P<open>\[)
  | (?P<close>\])
  | (?P<operator>[A-Za-z'"*][A-Za-z0-9'"*]*)(?=[\s/\[\]<>(){}%]|$)
  | (?P<end>$)
  | (?P<other>)
)""", re.VERBOSE)
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_WHITE_SPACE = b" \t\n\r\x0b\x0c"
_SHOW_TEXT = {b"Tj", b"TJ", b"'", b'"'}


class _Hex(bytes):
    """A hex string's digits as written, decoded only when shown."""


def _plain_page_texts(pdf: Path) -> list[str]:
    """The text of each page, as pdfminer's interpreter finds it, from a PDF read without pdfminer
    (see :mod:`plancheck.readers.pdf_text`). Raises _NotSimple for a PDF that module does not read."""
    from . import pdf_text

    class Never(Exception):
        """pdf_text's fonts raise Unread for a character they cannot name."""

    try:
        shown: dict[int, dict] = {}
        return [_scan(b"\n".join(datas), fonts, shown, Never)
                for datas, fonts in pdf_text.pages(pdf.read_bytes())]
    except pdf_text.Unread:
        raise _NotSimple from None


def _scanned_page_texts(pdf: Path) -> list[str]:
    """The text of each page, as pdfminer's interpreter finds it, from a scan of the page's tokens.

    Raises _NotSimple for a page with something else that can hold text (see
    :func:`_scan`) or a form drawn from the resources.
    """
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import PDFObjRef, dict_value, resolve1, stream_value
    from pdfminer.psparser import LIT

    resources = PDFResourceManager(caching=True)
    form = LIT("Form")
    pages = []
    shown: dict[int, dict] = {}
    with open(pdf, "rb") as handle:
        for page in PDFPage.get_pages(handle):
            page_resources = dict_value(page.resources)
            for spec in dict_value(page_resources.get("XObject", {})).values():
                if dict_value(stream_value(spec).attrs).get("Subtype") is form:
                    raise _NotSimple
            fonts = {}
            for name, spec in dict_value(page_resources.get("Font", {})).items():
                fonts[name] = resources.get_font(spec.objid if isinstance(spec, PDFObjRef) else None,
                                                 dict_value(spec))
            data = b"\n".join(stream_value(stream).get_data() for stream in page.contents if resolve1(stream))
            pages.append(_scan(data, fonts, shown, PDFUnicodeNotDefined))
    return pages


def _scan(data: bytes, fonts: dict, shown: dict[int, dict], undefined: type[Exception]) -> str:
    """The text a page's content shows, from a scan of its tokens, with ``fonts`` by resource name
    (each with pdfminer's ``decode`` and ``to_unichr``, which raises ``undefined`` for a character
    it cannot name). ``shown`` remembers, by font, the texts of the strings shown in it.

    Only fonts and the operators that show text or save and restore the
    graphics state (which holds the font) are followed. Raises _NotSimple
    for anything else that can hold text: a literal string, an inline image,
    a font the page does not name.
    """
    def text_of(digits: bytes) -> str:
        """The text a hex string shows in the current font, as pdfminer's interpreter finds it."""
        text = texts.get(digits)
        if text is None:
            compact = digits.translate(None, _WHITE_SPACE)
            if len(compact) % 2:
                raise _NotSimple  # pdfminer reads an odd last digit its own way
            characters = []
            for cid in font.decode(bytes.fromhex(compact.decode("ascii"))):
                try:
                    characters.append(font.to_unichr(cid))
                except undefined:
                    pass
            text = texts[digits] = "".join(characters)
        return text

    characters: list[str] = []
    font, texts, saved, operands, arrays = None, None, [], [], []
    for token in _CONTENT_TOKEN.finditer(data):
        kind = token.lastgroup
        if kind == "texts":
            operands.append([_Hex(digits) for digits in _HEX_STRING.findall(token.group("texts"))])
        elif kind == "operator":
            operator = token.group("operator")
            if operator in _SHOW_TEXT:
                shown_operand = operands[-1] if operands else None
                if font is not None:
                    for item in shown_operand if isinstance(shown_operand, list) else [shown_operand]:
                        if isinstance(item, _Hex):
                            characters.append(text_of(item))
            elif operator == b"Tf":
                if len(operands) < 2 or operands[-2] not in fonts:
                    raise _NotSimple
                font = fonts[operands[-2]]
                texts = shown.setdefault(id(font), {})
            elif operator == b"q":
                saved.append((font, texts))
            elif operator == b"Q":
                font, texts = saved.pop() if saved else (font, texts)
            elif operator in (b"BI", b"ID", b"EI"):
                raise _NotSimple
            operands = []
        elif kind == "hex":
            operands.append(_Hex(token.group("hex")))
        elif kind == "name":
            operands.append(token.group("name").decode("latin-1"))
        elif kind == "number":
            operands.append(0)
        elif kind == "open":
            arrays.append(operands)
            operands = []
        elif kind == "close":
            if not arrays:
                raise _NotSimple
            inner, operands = operands, arrays.pop()
            operands.append(inner)
        elif kind == "end":
            break
        else:
            raise _NotSimple
    return "".join(characters)


def _interpreted_page_texts(pdf: Path) -> list[str]:
    """The text of each page, as pdfminer's interpreter finds it."""
    from pdfminer.pdfdevice import PDFDevice
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    class PageText(PDFDevice):
        def __init__(self, resources):
            super().__init__(resources)
            self.pages: list[str] = []
            self._characters: list[str] = []

        def begin_page(self, page, ctm) -> None:
            self._characters = []

        def end_page(self, page) -> None:
            self.pages.append("".join(self._characters))

        def render_string(self, textstate, seq, ncs, graphicstate) -> None:
            font = textstate.font
            for item in seq:
                if isinstance(item, bytes):
                    for cid in font.decode(item):
                        try:
                            self._characters.append(font.to_unichr(cid))
                        except PDFUnicodeNotDefined:
                            pass

    resources = PDFResourceManager(caching=True)
    device = PageText(resources)
    interpreter = PDFPageInterpreter(resources, device)
    with open(pdf, "rb") as handle:
        for page in PDFPage.get_pages(handle):
            interpreter.process_page(page)
    return device.pages


def layout_page_texts(path: Path, options) -> list[str]:
    """Render a word-processor file with LibreOffice and return the text of each page.

    When the run's renderer (:func:`render_all`) has this file in hand,
    ``options.rendering`` names where its PDF will appear; when a
    :class:`Rendering` of it was started, it is that; otherwise the file is
    converted here.
    """
    rendering = getattr(options, "rendering", None)
    if isinstance(rendering, Rendering):
        texts = rendering.page_texts(options.layout_timeout)
        if texts is not None:
            return texts
    elif rendering:
        found = _wait_for_rendering(Path(rendering), options.layout_timeout)
        if found == ".done":
            return page_texts(Path(rendering + ".pdf"))
        if found == ".failed":
            raise ReadError(Path(rendering + ".failed").read_text(encoding="utf-8"))
    with converted(path, "pdf", options.layout_timeout) as pdf:
        return page_texts(pdf)


class Rendering:
    """One Word file laid out by a LibreOffice started now, while the file is read and checked.

    ``pages`` is the page mode: in "auto" a Word file whose layout Word
    saved is not rendered. Whatever happens, :meth:`close` must follow.
    """

    # How long LibreOffice may take to shut down once the PDF is written.
    SHUTDOWN_SECONDS = 10

    def __init__(self, source: Path, work_dir: Path, pages: str):
        self.source = source
        self.office: LibreOffice | None = None
        self.failure: str | None = None
        self._profile = None
        # Work for the run to do while LibreOffice works, once the file is read (see page_texts).
        self.meanwhile: list = []
        soffice = soffice_path()
        suffix = source.suffix.lower()
        copy = work_dir / f"input{suffix}"
        try:
            if soffice is None or (pages == "auto" and suffix in (".docx", ".docm") and has_saved_layout(source)):
                return
            neutralised_copy(source, copy)
        except (ReadError, OSError, ValueError):
            return  # the reader says what is wrong with the file
        out_dir = work_dir / "out"
        self.pdf = out_dir / f"{copy.stem}.pdf"
        # LibreOffice's lock file for the PDF: there from before the PDF is made until it is complete.
        self.lock = out_dir / f".~lock.{self.pdf.name}#"
        self._profile = profile(work_dir)
        user_profile = self._profile.__enter__()
        try:
            self.office = LibreOffice(_command(soffice, user_profile, "pdf", out_dir, [copy]), work_dir)
        except OSError as error:
            self.failure = f"LibreOffice could not be started ({error})"

    def page_texts(self, timeout: float) -> list[str] | None:
        """The text of each rendered page; None when the file was not rendered here."""
        if self.failure:
            raise ReadError(self.failure)
        if self.office is None:
            return None
        deadline = time.monotonic() + timeout
        # What the run needs next (the check modules, say) is prepared while LibreOffice works.
        while self.meanwhile and self.office.process.poll() is None and not self.pdf.exists():
            self.meanwhile.pop(0)()
        while True:
            exited = self.office.process.poll() is not None
            if self.pdf.exists() and (exited or not self.lock.exists()):
                try:
                    return page_texts(self.pdf)
                except Exception:
                    if exited:
                        raise
                    # Not complete after all (a LibreOffice that makes no lock file): wait for it to end.
                    self.office.wait(max(deadline - time.monotonic(), 0))
                    return page_texts(self.pdf)
            if exited:
                raise ReadError("LibreOffice could not convert it to pdf; it may be damaged or password-protected")
            if time.monotonic() > deadline:
                raise ReadError(f"LibreOffice took longer than {timeout:g} seconds to convert it")
            time.sleep(RENDERING_POLL_SECONDS)

    def close(self) -> None:
        """Let LibreOffice finish shutting down (or stop it), and give its profile back."""
        finished = self.office is None
        try:
            if self.office is not None:
                self.office.wait(self.SHUTDOWN_SECONDS if self.pdf.exists() else 0)
                finished = True
        except subprocess.TimeoutExpired:
            pass
        finally:
            if self.office is not None:
                self.office.stop()
            if self._profile is not None:
                # Stopped mid-write, the profile is left marked as in use, to be rebuilt at its next use.
                stopped = None if finished else ReadError("LibreOffice was stopped")
                self._profile.__exit__(type(stopped) if stopped else None, stopped, None)


class EarlyRendering:
    """The LibreOffice rendering of a Word file checked alone, started before the run is ready to
    read it (before the command line is read, or while the rule packs load), in a scratch folder of
    its own; :meth:`close` stops it, whatever happened meanwhile, and may be called again."""

    def __init__(self, path: str, pages: str):
        from .. import isolate

        self.path, self.pages = path, pages
        self.scratch = isolate.Scratch()
        try:
            self.rendering = Rendering(Path(path), self.scratch.path, pages)
        except BaseException:
            self.scratch.remove()
            raise
        self._closed = False

    def renders(self, path: str, pages: str) -> bool:
        """Whether this is the rendering of ``path`` in page mode ``pages``."""
        return pages == self.pages and os.path.realpath(path) == os.path.realpath(self.path)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self.rendering.close()
        finally:
            self.scratch.remove()


def _wait_for_rendering(base: Path, timeout: float) -> str | None:
    """Which marker the renderer left for ``base`` (".done", ".failed", ".skip"), or None at the time-out."""
    deadline = time.monotonic() + timeout
    while True:
        for marker in MARKERS:
            if os.path.exists(f"{base}{marker}"):
                return marker
        if time.monotonic() > deadline:
            return None
        time.sleep(POLL_SECONDS)


def _mark(base: str, marker: str, message: str = "") -> None:
    partial = f"{base}.partial"
    Path(partial).write_text(message, encoding="utf-8")
    os.replace(partial, f"{base}{marker}")


def mark_unrendered(base: str) -> None:
    """Tell a waiting reader that the renderer will not render its file, so it converts it itself."""
    if not any(os.path.exists(f"{base}{marker}") for marker in MARKERS):
        _mark(base, ".skip")


def render_all(files: list[tuple[str, str, str]], timeout: float) -> None:
    """Render Word files to PDF with as few LibreOffice starts as possible.

    ``files`` holds (input path, base, page mode) triples; for each,
    ``base.pdf`` and then ``base.done`` appear when it is rendered,
    ``base.failed`` (holding the reason) when LibreOffice could not render it,
    or ``base.skip`` when it needs no rendering (the page mode is "auto" and
    Word saved its layout) or
    cannot be prepared. A file LibreOffice spends ``timeout`` seconds on is
    given up and LibreOffice restarted for the rest.
    """
    soffice = soffice_path()
    with tempfile.TemporaryDirectory(prefix="render-") as work:
        work_dir = Path(work)
        (work_dir / "in").mkdir()
        queue: list[tuple[Path, str]] = []
        try:
            for number, (source, base, pages) in enumerate(files):
                source_path = Path(source)
                try:
                    saved = pages == "auto" and source_path.suffix.lower() in (".docx", ".docm") \
                        and has_saved_layout(source_path)
                    if soffice is None or saved:
                        raise ReadError("no rendering needed")
                    copy = work_dir / "in" / f"{number:05d}{source_path.suffix.lower()}"
                    neutralised_copy(source_path, copy)
                except (ReadError, OSError, ValueError):
                    # The reader decides what to say about a file that cannot be prepared.
                    _mark(base, ".skip")
                    continue
                queue.append((copy, base))
            with profile(work_dir) as user_profile:
                while queue:
                    batch, queue = queue[:BATCH_FILES], queue[BATCH_FILES:]
                    queue = _render_batch(soffice, user_profile, work_dir, batch, timeout) + queue
        finally:
            for _, base, _ in files:
                mark_unrendered(base)


def _render_batch(soffice: str, user_profile: Path, work_dir: Path, batch: list[tuple[Path, str]],
                  timeout: float) -> list[tuple[Path, str]]:
    """Convert one batch in one LibreOffice; return the files to try again in a new one."""
    out_dir = work_dir / "out"
    out_dir.mkdir(exist_ok=True)
    names = {copy.name: index for index, (copy, _) in enumerate(batch)}

    def finish(index: int) -> None:
        copy, base = batch[index]
        pdf = out_dir / (copy.stem + ".pdf")
        if pdf.exists():
            os.replace(pdf, base + ".pdf")
            _mark(base, ".done")
        else:
            _mark(base, ".failed", "LibreOffice could not convert it to pdf; "
                                   "it may be damaged or password-protected")

    try:
        office = LibreOffice(_command(soffice, user_profile, "pdf", out_dir, [c for c, _ in batch]),
                             work_dir, watch_output=True)
    except OSError as error:
        for _, base in batch:
            _mark(base, ".failed", f"LibreOffice could not be started ({error})")
        return []
    current = -1  # the file LibreOffice last said it is converting
    deadline = time.monotonic() + timeout
    try:
        while (lines := office.lines(max(deadline - time.monotonic(), 0))) is not None:
            if not lines and time.monotonic() >= deadline:
                stuck = max(current, 0)
                _mark(batch[stuck][1], ".failed", f"LibreOffice took longer than {timeout:g} seconds "
                                                  "to lay it out")
                return batch[stuck + 1:]
            for line in lines:
                announced = _announced(line, names)
                if announced is None or announced <= current:
                    continue
                # LibreOffice announces a file as it starts on it: the ones before are finished.
                for index in range(max(current, 0), announced):
                    finish(index)
                current, deadline = announced, time.monotonic() + timeout
    finally:
        office.stop()
    if current < 0:
        for index in range(len(batch)):
            finish(index)
        return []
    finish(current)
    # Files LibreOffice never reached (it stopped early) are tried again by a new process.
    return batch[current + 1:]


def _announced(line: str, names: dict[str, int]) -> int | None:
    """Which file of the batch a line of LibreOffice's output says it starts converting."""
    if not line.startswith("convert "):
        return None
    source = line[len("convert "):].split(" -> ", 1)[0]
    return names.get(os.path.basename(source))


def has_saved_layout(path: Path) -> bool:
    """Whether Word saved its page layout in the file, so that "auto" needs no rendering.

    A quick look at the raw XML, for the run's renderer, which decides before
    the file is read (the Word reader decides the same from its own reading);
    when the two differ the reader renders the file itself.
    """
    import zlib

    try:
        with zipfile.ZipFile(path) as archive, archive.open("word/document.xml") as part:
            # Within the bound the Word reader puts on a whole package.
            return b"lastRenderedPageBreak" in part.read(200 * 1024 * 1024)
    except (zipfile.BadZipFile, zlib.error, KeyError, EOFError, NotImplementedError, RuntimeError):
        raise ReadError("is not a valid Word document: the file is truncated or corrupt") from None


# ---------------------------------------------------------------- .doc and .odt

def read(path: Path, options, fmt: str):
    """Read a .doc or .odt file by converting it to .docx with LibreOffice."""
    from . import docx as docx_reader

    if soffice_path() is None:
        kind = "a Word 97-2003 (.doc)" if fmt == "doc" else "an OpenDocument (.odt)"
        raise ReadError(f"is {kind} file, which needs LibreOffice to read; {INSTALL_HINT}")
    with converted(path, "docx:MS Word 2007 XML", options.layout_timeout) as docx_file:
        document = docx_reader.read(docx_file, options, "docx")
    document.format = fmt
    return document
