"""Headless Chromium driven through its DevTools protocol, for the HTML report's tests.

A real browser, not a DOM library: the page is loaded from a file as a
reviewer would open it, and the browser reports every console message,
script error and network request. Chromium runs in a new empty profile with
its own background traffic (updates, sync, field trials) turned off, so any
request seen comes from the page.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

LISTENING = re.compile(r"DevTools listening on (ws://\S+)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--remote-debugging-port=0"]
# Generous: a cold Chromium start on a busy two-core machine.
START_SECONDS = 60
STEP_SECONDS = 30


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "chromium-headless-shell", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One Chromium with one page; use as a context manager."""

    def __init__(self, width: int = 1280, height: int = 800):
        self.width, self.height = width, height
        self.events: list[dict] = []
        self._next_id = 0

    def __enter__(self) -> "Browser":
        import websocket

        self.profile = tempfile.mkdtemp(prefix="plancheck-chromium-")
        self.process = subprocess.Popen([chromium(), *FLAGS, f"--user-data-dir={self.profile}",
                                         f"--window-size={self.width},{self.height}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        browser_url = self._listening_url()
        port = re.search(r":(\d+)/", browser_url).group(1)
        page = self._page_target(port)
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=STEP_SECONDS,
                                                  suppress_origin=True)
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height,
                  deviceScaleFactor=1, mobile=False)
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            shutil.rmtree(self.profile, ignore_errors=True)

    def _listening_url(self) -> str:
        deadline = time.monotonic() + START_SECONDS
        seen = []
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line and self.process.poll() is not None:
                break
            seen.append(line)
            match = LISTENING.search(line)
            if match:
                return match.group(1)
        raise RuntimeError("Chromium did not start: " + "".join(seen)[-2000:])

    @staticmethod
    def _page_target(port: str) -> dict:
        deadline = time.monotonic() + STEP_SECONDS
        while True:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=STEP_SECONDS) as response:
                pages = [t for t in json.load(response) if t.get("type") == "page"]
            if pages or time.monotonic() > deadline:
                return pages[0]
            time.sleep(0.1)

    def send(self, method: str, **params):
        """Call a DevTools method and return its result; events met meanwhile are kept in ``events``."""
        self._next_id += 1
        message_id = self._next_id
        self.socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event: str) -> dict:
        for index, message in enumerate(self.events):
            if message["method"] == event:
                return self.events.pop(index)
        while True:
            message = json.loads(self.socket.recv())
            if message.get("method") == event:
                return message
            if "method" in message:
                self.events.append(message)

    def open(self, path: Path) -> str:
        url = Path(path).resolve().as_uri()
        self.events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        return url

    def evaluate(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def press(self, key: str, code: int) -> None:
        """A key pressed and released on the focused element, as the keyboard sends it."""
        text = "\r" if key == "Enter" else " " if key == " " else ""
        self.send("Input.dispatchKeyEvent", type="keyDown", key=key, code=key if key != " " else "Space",
                  windowsVirtualKeyCode=code, text=text)
        self.send("Input.dispatchKeyEvent", type="keyUp", key=key, code=key if key != " " else "Space",
                  windowsVirtualKeyCode=code)

    def screenshot(self, path: Path, selector: str | None = None) -> Path:
        """A PNG of the viewport, or of the first element matching ``selector`` (scrolled into view)."""
        params: dict = {"format": "png"}
        if selector:
            box = self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
                                " e.scrollIntoView(); const r = e.getBoundingClientRect();"
                                " return {x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height}; })()")
            params["clip"] = {**box, "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", **params)["data"]
        Path(path).write_bytes(base64.b64decode(data))
        return Path(path)

    def problems(self, own_url: str) -> dict[str, list[str]]:
        """Console errors, script errors and requests for anything but the page itself, seen so far."""
        self.evaluate("1")  # let events queued by the page arrive
        errors, requests = [], []
        for message in self.events:
            method, params = message["method"], message.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
                errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                errors.append(params["entry"]["text"])
            elif method == "Network.requestWillBeSent" and params["request"]["url"] != own_url:
                requests.append(params["request"]["url"])
        return {"errors": errors, "requests": requests}


def available() -> bool:
    return chromium() is not None and importlib.util.find_spec("websocket") is not None
