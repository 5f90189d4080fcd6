"""Running LibreOffice, where it is installed: a Word file laid out, another format converted.

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
- A Word file checked alone is rendered by a LibreOffice started before the
  file is read (:class:`Rendering`), and its PDF is taken as soon as it is
  written: LibreOffice removes its lock file beside the PDF once the PDF is
  complete, and then spends a while shutting down, which it does while the
  file is checked.

This module is kept apart from the readers (plancheck.readers.convert reads
what LibreOffice writes) and imports little: plancheck.launch starts
LibreOffice with it before the rest of plancheck is imported.
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
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

from .errors import ReadError

INSTALL_HINT = ("install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) "
                "or save the file as .docx")
# Kept profiles, each usable by one LibreOffice at a time.
PROFILE_SLOTS = 4
# Left in a kept profile while LibreOffice uses it: still there at the next start means
# LibreOffice was killed mid-write, and the profile is rebuilt rather than trusted.
IN_USE = "plancheck-in-use"

# How often a file checked alone looks for its PDF: the run waits for nothing else.
RENDERING_POLL_SECONDS = 0.004

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
    from .cache import user_cache_dir

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
        from . import isolate

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
        from . import isolate

        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        isolate.unregister_group(self.process.pid)


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
        # What the run needs next is prepared while LibreOffice works: what reads its PDF, and
        # whatever the run asked for (the check modules, say).
        from .readers import convert, pdf_text  # noqa: F401

        while self.meanwhile and self.office.process.poll() is None and not self.pdf.exists():
            self.meanwhile.pop(0)()
        while True:
            exited = self.office.process.poll() is not None
            if self.pdf.exists() and (exited or not self.lock.exists()):
                try:
                    return _page_texts(self.pdf)
                except Exception:
                    if exited:
                        raise
                    # Not complete after all (a LibreOffice that makes no lock file): wait for it to end.
                    self.office.wait(max(deadline - time.monotonic(), 0))
                    return _page_texts(self.pdf)
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
        from . import isolate

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


def _page_texts(pdf: Path) -> list[str]:
    from .readers.convert import page_texts

    return page_texts(pdf)
