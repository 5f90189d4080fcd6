"""LibreOffice, where it is installed: exact page layout, and .doc/.odt input.

LibreOffice runs headless in a temporary folder with its own throw-away user
profile (so a desktop LibreOffice that is already open does not capture the
call) and a time limit. The input file is only ever read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from ..errors import ReadError

INSTALL_HINT = ("install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) "
                "or save the file as .docx")


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


@contextmanager
def converted(path: Path, target: str, timeout: float = 60.0):
    """Yield the path of ``path`` converted by LibreOffice to ``target`` (e.g. "pdf")."""
    soffice = soffice_path()
    if soffice is None:
        raise ReadError(f"needs LibreOffice to convert it; {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="plancheck-") as work:
        work_dir = Path(work)
        # Copy first: LibreOffice takes a lock file beside its input, and inputs are never written.
        source = work_dir / ("input" + path.suffix.lower())
        shutil.copyfile(path, source)
        profile = work_dir / "profile"
        command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                   "--nolockcheck", "--convert-to", target, "--outdir", str(work_dir / "out"),
                   str(source)]
        env = dict(os.environ, HOME=str(work_dir))
        try:
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=timeout, check=False, env=env, start_new_session=True)
        except subprocess.TimeoutExpired:
            raise ReadError(f"LibreOffice took longer than {timeout:g} seconds to convert it") from None
        except OSError as error:
            raise ReadError(f"LibreOffice could not be started ({error})") from None
        outputs = list((work_dir / "out").glob(f"*.{target.split(':')[0]}"))
        if not outputs:
            raise ReadError(f"LibreOffice could not convert it to {target.split(':')[0]}; "
                            "it may be damaged or password-protected")
        yield outputs[0]


def layout_page_texts(path: Path, timeout: float = 60.0) -> list[str]:
    """Render a word-processor file with LibreOffice and return the text of each page."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    with converted(path, "pdf", timeout) as pdf:
        return ["".join(element.get_text() for element in page if isinstance(element, LTTextContainer))
                for page in extract_pages(str(pdf))]


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
