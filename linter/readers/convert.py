"""LibreOffice's output read: page texts of a Word file it laid out, and .doc/.odt converted.

LibreOffice itself is run by :mod:`plancheck.libreoffice` (how, and why: a
neutralised copy of the input, a process group of its own, kept profiles).
Here:

- Several Word files are converted by one LibreOffice process
  (:func:`render_all`, run by :mod:`plancheck.runner` for a whole run), so
  that LibreOffice's start-up is paid once rather than once per file.
- The text of each page of the PDF it writes is read as cheaply as the PDF
  allows (:func:`page_texts`), to place each paragraph on its page.
- A .doc or .odt file is converted to .docx and read as one (:func:`read`).
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from ..errors import ReadError
# Where they were first kept, and where the rest of plancheck looks for them.
from ..libreoffice import (IN_USE, INSTALL_HINT, EarlyRendering, LibreOffice, Rendering,  # noqa: F401
                           _command, discard_kept_profile, has_saved_layout, neutralised_copy, profile,
                           soffice_path)

# Files converted by one LibreOffice process before the next starts: a start-up is
# paid per batch, and a document that hangs LibreOffice costs at most its batch's restart.
BATCH_FILES = 24
# How often a reader looks for the rendering of its file from the run's renderer.
POLL_SECONDS = 0.01
MARKERS = (".done", ".failed", ".skip")


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
