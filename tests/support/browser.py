"""A small headless-Chromium driver over the DevTools protocol, with the network off.

The HTML views are checked (tests), measured (bench/view_scale.py) and
photographed (scripts/screenshot) in a real browser: Debian's ``chromium``,
driven through its DevTools websocket with ``websocket-client``. Every
request the page makes is recorded and, unless it is for a ``file://`` or
``data:`` URL, failed: a view that needs the network shows up as a recorded
request, not as a page that happens to work on a connected machine.

Usage::

    with Chromium() as browser:
        page = browser.open_file("graph.html")
        n = page.evaluate("window.govkgView.nodes.length")
        assert not page.blocked_requests
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govkg.errors import GovkgError

# Flags for a quiet, private, offline browser: no first-run UI, no background
# traffic of Chromium's own (updates, sync, safe browsing), no QUIC, and a
# host resolver that resolves nothing, so even a request that escaped
# interception could not leave the machine.
LAUNCH_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-port=0",
)


def find_chromium() -> str:
    """The Chromium binary: $GOVKG_CHROMIUM, else Debian's /usr/bin/chromium on PATH."""
    explicit = os.environ.get("GOVKG_CHROMIUM")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise GovkgError("Chromium not found: run scripts/install-chromium (Debian's 'chromium' package)")


class BrowserError(GovkgError):
    """The browser failed, or a script in the page threw."""


@dataclass
class Page:
    """One tab, attached through a flat DevTools session."""

    browser: "Chromium"
    session_id: str
    requests: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    loaded: bool = False

    def send(self, method: str, params: dict | None = None, timeout: float = 60.0) -> dict:
        return self.browser.send(method, params, session_id=self.session_id, timeout=timeout)

    def navigate(self, url: str, timeout: float = 60.0) -> None:
        self.loaded = False
        result = self.send("Page.navigate", {"url": url}, timeout=timeout)
        if result.get("errorText"):
            raise BrowserError(f"cannot open {url}: {result['errorText']}")
        self.browser.pump(lambda: self.loaded, timeout)

    def evaluate(self, expression: str, timeout: float = 60.0) -> Any:
        """Run ``expression`` in the page (promises awaited) and return its value as JSON."""
        result = self.send("Runtime.evaluate", {
            "expression": expression, "awaitPromise": True, "returnByValue": True,
            "userGesture": True}, timeout=timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"page script failed: {text}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 60.0, interval: float = 0.05) -> Any:
        """Poll ``expression`` until it is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out after {timeout:.0f}s waiting for {expression}")
            self.browser.sleep(interval)

    def click(self, x: float, y: float) -> None:
        """A real mouse click at viewport coordinates (press and release)."""
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {
                "type": kind, "x": x, "y": y, "button": "left" if kind != "mouseMoved" else "none",
                "clickCount": 1 if kind != "mouseMoved" else 0})

    def type_text(self, text: str) -> None:
        """Type into the focused element as the keyboard would (IME-style insert for CJK)."""
        self.send("Input.insertText", {"text": text})

    def press_key(self, key: str, code: str | None = None, key_code: int = 0) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {
                "type": kind, "key": key, "code": code or key,
                "windowsVirtualKeyCode": key_code, "nativeVirtualKeyCode": key_code})

    def screenshot(self, path: str | os.PathLike[str]) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        Path(path).write_bytes(base64.b64decode(data))

    def on_event(self, method: str, params: dict) -> None:
        if method == "Fetch.requestPaused":
            url = params["request"]["url"]
            self.requests.append(url)
            if url.startswith(("file:", "data:", "blob:", "about:")):
                self.browser.post("Fetch.continueRequest", {"requestId": params["requestId"]},
                                  self.session_id)
            else:
                self.blocked_requests.append(url)
                self.browser.post("Fetch.failRequest", {
                    "requestId": params["requestId"], "errorReason": "BlockedByClient"},
                    self.session_id)
        elif method == "Page.loadEventFired":
            self.loaded = True
        elif method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            self.console.append(f"{params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append(details.get("exception", {}).get("description") or details["text"])
        elif method == "Log.entryAdded":
            entry = params["entry"]
            if entry.get("level") == "error":
                self.errors.append(f"{entry.get('source')}: {entry.get('text')}")
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(params.get("message", ""))
            self.browser.post("Page.handleJavaScriptDialog", {"accept": False}, self.session_id)


class Chromium:
    """A headless Chromium process with a fresh profile, driven over one websocket."""

    def __init__(self, width: int = 1280, height: int = 800, binary: str | None = None):
        self.width, self.height = width, height
        self.binary = binary or find_chromium()
        self._ids = itertools.count(1)
        self._replies: dict[int, dict] = {}
        self._pages: dict[str, Page] = {}
        self._proc: subprocess.Popen | None = None
        self._ws = None
        self._profile: str | None = None

    def __enter__(self) -> "Chromium":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        try:
            import websocket  # the test extra; imported here so the package never needs it
        except ImportError:
            raise GovkgError("websocket-client is not installed: pip install -e '.[test]'") from None
        self._profile = tempfile.mkdtemp(prefix="govkg-chromium-")
        args = [self.binary, *LAUNCH_FLAGS, f"--user-data-dir={self._profile}",
                f"--window-size={self.width},{self.height}", "about:blank"]
        self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
        port_file = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if self._proc.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise BrowserError(f"Chromium ({self.binary}) did not start")
            time.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        self._ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=60,
                                               suppress_origin=True, enable_multithread=False)

    def close(self) -> None:
        if self._ws is not None:
            try:
                self._ws.close()
            except Exception:  # the process may already be gone; closing is best effort
                pass
            self._ws = None
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            self._proc = None
        if self._profile:
            # Chromium's helper processes can outlive the browser by a moment and
            # write into the profile again: retry until the folder stays gone.
            for _ in range(30):
                shutil.rmtree(self._profile, ignore_errors=True)
                if not os.path.exists(self._profile):
                    break
                time.sleep(0.1)
            self._profile = None

    # -- protocol -----------------------------------------------------------------

    def post(self, method: str, params: dict | None = None, session_id: str | None = None) -> int:
        msg_id = next(self._ids)
        message: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session_id:
            message["sessionId"] = session_id
        self._ws.send(json.dumps(message))
        return msg_id

    def send(self, method: str, params: dict | None = None, session_id: str | None = None,
             timeout: float = 60.0) -> dict:
        msg_id = self.post(method, params, session_id)
        self.pump(lambda: msg_id in self._replies, timeout, what=method)
        reply = self._replies.pop(msg_id)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def pump(self, done, timeout: float, what: str = "the page") -> None:
        """Read messages (answering paused requests as they come) until ``done()``."""
        import websocket

        deadline = time.monotonic() + timeout
        while not done():
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError(f"timed out after {timeout:.0f}s waiting for {what}")
            self._ws.settimeout(min(left, 1.0))
            try:
                raw = self._ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            message = json.loads(raw)
            if "id" in message:
                self._replies[message["id"]] = message
            elif message.get("sessionId") in self._pages:
                self._pages[message["sessionId"]].on_event(message["method"], message["params"])

    def sleep(self, seconds: float) -> None:
        """Wait while still answering the page's paused requests and recording events."""
        end = time.monotonic() + seconds
        try:
            self.pump(lambda: time.monotonic() >= end, seconds + 1)
        except BrowserError:
            pass

    # -- pages --------------------------------------------------------------------

    def new_page(self) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        self._pages[session] = page
        # Intercept every request before it is sent; on_event lets file:// through.
        page.send("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})
        for domain in ("Page", "Runtime", "Log"):
            page.send(f"{domain}.enable")
        page.send("Emulation.setDeviceMetricsOverride", {
            "width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False})
        return page

    def open_file(self, path: str | os.PathLike[str], timeout: float = 60.0) -> Page:
        page = self.new_page()
        page.navigate(Path(path).resolve().as_uri(), timeout=timeout)
        return page
