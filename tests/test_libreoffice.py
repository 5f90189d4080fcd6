"""How plancheck runs LibreOffice: linked content never fetched, nothing left behind, one profile per process.

These run the real LibreOffice on real documents; without it they skip and
say why (CI installs it, and turns any skip into a failure).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import docx_fixtures as fx
import pytest

from plancheck.readers import ReadOptions, convert, read_document

IMAGE = re.compile(rb"/Subtype\s*/Image")
pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def plancheck(*args, env: dict, cwd: Path | None = None, **popen):
    return subprocess.run([sys.executable, "-m", "plancheck", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1", **env}, cwd=cwd, timeout=300, **popen)


def processes_mentioning(marker: str) -> list[str]:
    """Live processes whose command line or environment mention ``marker`` (zombies are already dead)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            text = (entry / "cmdline").read_bytes() + (entry / "environ").read_bytes()
        except (OSError, IndexError):
            continue
        if state != "Z" and marker.encode() in text:
            found.append(text.split(b"\0")[0].decode(errors="replace"))
    return found


def stop_while_laid_out(arguments: list[str], private: dict, stop: int, wait: float) -> tuple[int, str]:
    """Run plancheck, send it ``stop`` once LibreOffice is at work; its exit code and error output."""
    run = subprocess.Popen([sys.executable, "-m", "plancheck", *arguments, "--pages", "layout"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env={**os.environ, **private})
    # Wait until LibreOffice is at work, so that there is a conversion to stop.
    for _ in range(600):
        if any("soffice" in command for command in processes_mentioning(private["TMPDIR"])):
            break
        time.sleep(0.05)
    else:
        run.kill()
        pytest.fail("LibreOffice never started")
    run.send_signal(stop)
    _, stderr = run.communicate(timeout=wait)
    return run.returncode, stderr


@pytest.fixture
def private(tmp_path):
    """A temporary folder and a cache of this test's own, so that what is left behind is this test's."""
    (tmp_path / "tmp").mkdir()
    return {"TMPDIR": str(tmp_path / "tmp"), "XDG_CACHE_HOME": str(tmp_path / "cache")}


@pytest.fixture
def listener():
    """A loopback TCP port that records whether anything connected to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)

    def connected() -> bool:
        try:
            server.accept()[0].close()
            return True
        except BlockingIOError:
            return False

    yield server.getsockname()[1], connected
    server.close()


def linked_picture(path: Path, target: str) -> Path:
    """A .docx whose picture is not embedded but linked to ``target`` (``a:blip r:link``, external)."""
    document = docx.Document()
    document.add_paragraph("Our plan, with a picture of the town hall.")
    document.add_picture(fx.png())
    base = fx.save(document, path.with_name("embedded-" + path.name))

    def link(members):
        rels = members["word/_rels/document.xml.rels"].decode()
        rid = re.search(r'<Relationship [^>]*/image"[^>]*>', rels).group(0)
        identifier = re.search(r'Id="(\w+)"', rid).group(1)
        external = re.sub(r'Target="[^"]*"', f'Target="{target}" TargetMode="External"', rid)
        members["word/_rels/document.xml.rels"] = rels.replace(rid, external).encode()
        members["word/document.xml"] = members["word/document.xml"].replace(
            f'r:embed="{identifier}"'.encode(), f'r:link="{identifier}"'.encode())

    return fx.rewrite(base, path, link)


def linked_opendocument(path: Path, targets: list[str], profile: Path) -> Path:
    """An .odt whose frames show images linked (``draw:image xlink:href``) to each of ``targets``."""
    source = fx.save(docx.Document(), path.with_suffix(".docx"))
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "odt",
                    "--outdir", str(path.parent), str(source)], check=True, capture_output=True, timeout=180)
    frames = "".join(
        f'<text:p><draw:frame draw:name="f{n}" text:anchor-type="paragraph" svg:width="2cm" svg:height="2cm">'
        f'<draw:image xlink:href="{target}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
        f'</draw:frame>Our plan.</text:p>' for n, target in enumerate(targets))

    def add_frames(members):
        content = members["content.xml"].decode()
        members["content.xml"] = re.sub(r"(<office:text[^>]*>)", r"\1" + frames.replace("\\", r"\\"),
                                        content, count=1).encode()

    with zipfile.ZipFile(path.with_suffix(".odt")) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    add_frames(members)
    with zipfile.ZipFile(path, "w") as archive:
        # OpenDocument wants its mimetype first and stored.
        archive.writestr("mimetype", members.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name, data in members.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_a_linked_picture_is_neither_fetched_nor_read_when_laying_out(tmp_path, listener, private,
                                                                       monkeypatch):
    port, connected = listener
    canary = tmp_path / "canary.png"
    canary.write_bytes(fx.png(40, 40).getvalue())
    remote = linked_picture(tmp_path / "remote.docx", f"http://127.0.0.1:{port}/plan.png")
    local = linked_picture(tmp_path / "local.docx", canary.as_uri())
    for name, value in private.items():
        monkeypatch.setenv(name, value)
    for plan in (remote, local):
        with convert.converted(plan, "pdf") as pdf:
            # LibreOffice puts a picture it could read into the PDF as an image.
            assert not IMAGE.search(pdf.read_bytes())
    assert not connected()
    for plan in (remote, local):
        document = read_document(plan, ReadOptions(pages="layout"))
        assert document.pages_method == "layout"
    assert not connected()


def test_the_linked_picture_test_would_see_a_fetch(tmp_path, listener):
    """The canary works: without plancheck's copy, LibreOffice does read and fetch linked pictures."""
    port, connected = listener
    canary = tmp_path / "canary.png"
    canary.write_bytes(fx.png(40, 40).getvalue())
    plans = [linked_picture(tmp_path / "remote.docx", f"http://127.0.0.1:{port}/plan.png"),
             linked_picture(tmp_path / "local.docx", canary.as_uri())]
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "out"), *map(str, plans)],
                   check=True, capture_output=True, timeout=180)
    assert connected()
    assert IMAGE.search((tmp_path / "out" / "local.pdf").read_bytes())


def test_an_opendocument_linked_image_is_neither_fetched_nor_read(tmp_path, listener, private):
    port, connected = listener
    canary = tmp_path / "canary.png"
    canary.write_bytes(fx.png(40, 40).getvalue())
    plan = linked_opendocument(tmp_path / "plan.odt", [f"http://127.0.0.1:{port}/plan.png", canary.as_uri(),
                                                       "../canary.png"], tmp_path / "profile")
    copy = tmp_path / "copy.odt"
    convert.neutralised_copy(plan, copy)
    content = zipfile.ZipFile(copy).read("content.xml").decode()
    assert "draw:image" in content and "canary" not in content and str(port) not in content
    result = plancheck(plan, "--pages", "estimate", "--format", "json", env=private)
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["documents"][0]["format"] == "odt"
    assert not connected()


def test_the_copy_keeps_hyperlinks_and_pictures_inside_the_package(tmp_path):
    document = docx.Document()
    document.add_paragraph("Our plan.")
    document.add_picture(fx.png())
    plan = fx.save(document, tmp_path / "plan.docx")
    copy = tmp_path / "copy.docx"
    convert.neutralised_copy(plan, copy)
    with zipfile.ZipFile(plan) as original, zipfile.ZipFile(copy) as neutralised:
        assert original.namelist() == neutralised.namelist()
        assert b"/image" in neutralised.read("word/_rels/document.xml.rels")


def test_libreoffice_stopped_at_its_time_limit_leaves_no_process_or_files(tmp_path, private, monkeypatch):
    plan = fx.save(fx.long_document(3000), tmp_path / "plan.docx")
    for name, value in private.items():
        monkeypatch.setenv(name, value)
    # LibreOffice cannot even start in a tenth of a second: it is killed mid-start.
    document = read_document(plan, ReadOptions(pages="layout", layout_timeout=0.1))
    assert document.pages_method == "estimate"
    assert any("took longer than 0.1 seconds" in note for note in document.notes)
    assert processes_mentioning(private["TMPDIR"]) == []
    assert os.listdir(private["TMPDIR"]) == []


def test_a_profile_in_use_by_another_process_is_not_shared(tmp_path, private):
    import fcntl

    plan = fx.save(fx.long_document(900), tmp_path / "plan.docx")
    profiles = Path(private["XDG_CACHE_HOME"]) / "plancheck" / "libreoffice"
    (profiles / "profile-0").mkdir(parents=True)
    with open(profiles / "profile-0.lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = plancheck(plan, "--pages", "layout", "--format", "json", env=private)
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["documents"][0]["facts"]["pages_method"] == "layout"
    assert os.listdir(profiles / "profile-0") == []
    assert (profiles / "profile-1" / "user").is_dir()


def test_two_runs_at_once_both_lay_out_and_leave_the_profiles_usable(tmp_path, private):
    plans = [fx.save(fx.long_document(900, seed=n), tmp_path / f"plan{n}.docx") for n in range(2)]
    runs = [subprocess.Popen([sys.executable, "-m", "plancheck", str(plan), "--pages", "layout", "--format", "json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, **private}) for plan in plans]
    for run in runs:
        stdout, stderr = run.communicate(timeout=300)
        assert run.returncode in (0, 1), stderr
        document, = json.loads(stdout)["documents"]
        assert document["facts"]["pages_method"] == "layout" and not document["notes"]
    again = plancheck(*plans, "--pages", "layout", "--format", "json", env=private)
    documents = json.loads(again.stdout)["documents"]
    assert [(d["facts"]["pages_method"], d["notes"]) for d in documents] == [("layout", [])] * 2


def test_a_plan_checked_alone_is_laid_out_as_in_a_batch_and_leaves_nothing_behind(tmp_path, private):
    plan = fx.save(fx.long_document(1500), tmp_path / "plan.docx")
    other = fx.save(fx.long_document(300, seed=1), tmp_path / "other.docx")
    alone = plancheck(plan, "--pages", "layout", "--format", "json", env=private)
    assert alone.returncode in (0, 1), alone.stderr
    batch = plancheck(plan, other, "--pages", "layout", "--format", "json", env=private)
    [alone_report] = json.loads(alone.stdout)["documents"]
    batch_report = json.loads(batch.stdout)["documents"][0]
    assert alone_report["facts"]["pages_method"] == "layout" and alone_report["facts"]["pages"] > 1
    assert alone_report == batch_report
    assert processes_mentioning(private["TMPDIR"]) == []
    assert os.listdir(private["TMPDIR"]) == []
    # LibreOffice was let finish, not killed: its profile is not marked as left mid-write.
    profiles = Path(private["XDG_CACHE_HOME"]) / "plancheck" / "libreoffice"
    assert not list(profiles.glob(f"*/{convert.IN_USE}"))


@pytest.mark.parametrize("stop, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_stopping_a_run_of_one_plan_while_it_is_laid_out_leaves_nothing(tmp_path, private, stop, code):
    plan = fx.save(fx.long_document(3000), tmp_path / "plan.docx")
    returncode, stderr = stop_while_laid_out([str(plan)], private, stop, wait=5)
    assert returncode == code
    assert "Traceback" not in stderr
    assert processes_mentioning(private["TMPDIR"]) == []
    assert os.listdir(private["TMPDIR"]) == []
