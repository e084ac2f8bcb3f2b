"""`bearing serve`, the live preview: its HTTP routes, the event stream (/_bearing/live) after an
edit and after a broken file, the live reload and error overlay in a real browser, and the built
site (which must never carry the live-reload script).

Each test serves its own copy of examples/northwind (the tests edit files) with $BEARING, which
scripts/browser-tests.sh exports. Files are edited like an editor saves them: a temporary file
beside the document, then an atomic rename over it.
"""
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from selenium.common.exceptions import (JavascriptException, NoSuchElementException,
                                        StaleElementReferenceException, TimeoutException)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import _free_port, _site_dir, _stop

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "northwind"
TODAY = "2027-02-17"

GOAL = "goals/g-2027-break-even.md"
GOAL_PAGE = "/goals/g-2027-break-even.html"
GOAL_TITLE = "Reach cash-flow break-even by December"
EDITED_TITLE = "Reach break-even by November zqlive"
FIXED_TITLE = "Reach break-even by October zqfixed"
BROKEN_TITLE = "[unclosed"  # a YAML flow sequence that never ends: a [yaml-syntax] error

# A problem line of the event stream: path:line:col: error: message [rule]
YAML_PROBLEM = re.compile(r"^" + re.escape(GOAL) + r":\d+:\d+: error: .+ \[yaml-syntax\]$")


# ---------------------------------------------------------------------------------------------
# The server

class EventStream:
    """The server-sent events of /_bearing/live, read from a raw socket (chunked or not)."""

    def __init__(self, port, timeout=10, describe=lambda: ""):
        self.describe = describe  # more to say when no event comes (the server's stderr)
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.raw = b""    # bytes received, not yet decoded
        self.text = ""    # decoded body, not yet parsed into events
        self.sock.sendall(b"GET /_bearing/live HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % port +
                          b"Accept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n")
        head = self._read_until(b"\r\n\r\n", time.monotonic() + timeout).decode("latin-1")
        lines = head.split("\r\n")
        self.status = lines[0]
        self.headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        assert " 200 " in self.status + " ", f"/_bearing/live answered {self.status!r}"
        assert self.headers.get("content-type", "").startswith("text/event-stream"), self.headers
        self.chunked = "chunked" in self.headers.get("transfer-encoding", "").lower()

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _fill(self, deadline):
        left = deadline - time.monotonic()
        if left > 0:
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                left = 0
        if left <= 0:
            raise TimeoutError(f"nothing came on /_bearing/live in time{self.describe()}")
        if not data:
            raise EOFError("the server closed the event stream")
        self.raw += data

    def _read_until(self, separator, deadline):
        while separator not in self.raw:
            self._fill(deadline)
        taken, _, self.raw = self.raw.partition(separator)
        return taken

    def _read_exact(self, count, deadline):
        while len(self.raw) < count:
            self._fill(deadline)
        taken, self.raw = self.raw[:count], self.raw[count:]
        return taken

    def _body(self, deadline):
        """The next piece of the body: one chunk (its size line and final CRLF skipped)."""
        if not self.chunked:
            if not self.raw:
                self._fill(deadline)
            taken, self.raw = self.raw, b""
            return taken
        size = int(self._read_until(b"\r\n", deadline).split(b";")[0].strip(), 16)
        if size == 0:
            raise EOFError("the event stream ended (last chunk)")
        data = self._read_exact(size, deadline)
        assert self._read_until(b"\r\n", deadline) == b"", "a chunk is longer than its size line says"
        return data

    def next_event(self, timeout=10):
        """(event name, data) of the next event; comments (keep-alives) are skipped."""
        deadline = time.monotonic() + timeout
        while True:
            self.text = self.text.replace("\r\n", "\n")
            if "\n\n" in self.text:
                block, _, self.text = self.text.partition("\n\n")
                name, data = "message", []
                for line in block.split("\n"):
                    if line.startswith(":"):
                        continue
                    field, _, value = line.partition(":")
                    value = value[1:] if value.startswith(" ") else value
                    if field == "event":
                        name = value
                    elif field == "data":
                        data.append(value)
                if data:
                    return name, "\n".join(data)
                continue
            self.text += self._body(deadline).decode("utf-8")

    def next_state(self, timeout=10):
        name, data = self.next_event(timeout)
        assert name == "state", f"unexpected event {name!r}: {data!r}"
        state = json.loads(data)
        assert isinstance(state.get("generation"), int) and isinstance(state.get("problems"), list), state
        return state


class Served:
    """A copy of examples/northwind served by `bearing serve`."""

    def __init__(self, root: Path, port: int, proc, log: Path):
        self.root = root
        self.port = port
        self.proc = proc
        self.log = log
        self.base = f"http://127.0.0.1:{port}"

    def url(self, path):
        return self.base + path

    def stderr(self):
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def get(self, path, method="GET", headers=None):
        """(status, headers with lower-case names, body text); redirects are not followed."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, headers=headers or {})
            response = conn.getresponse()
            body = response.read().decode("utf-8", errors="replace")
            return response.status, {k.lower(): v for k, v in response.getheaders()}, body
        finally:
            conn.close()

    def events(self):
        return EventStream(self.port, describe=lambda: "; server stderr:\n" + self.stderr())

    def read(self, rel):
        return (self.root / rel).read_text(encoding="utf-8")

    def write(self, rel, text):
        """Saves like an editor: a temporary file beside the document, renamed over it."""
        target = self.root / rel
        temporary = target.with_name("." + target.name + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)

    def set_title(self, rel, title):
        text, count = re.subn(r"(?m)^title: .*$", lambda _: "title: " + title, self.read(rel), count=1)
        assert count == 1, f"{rel} has no title: line"
        self.write(rel, text)


def _start_serve(bearing, root: Path, log: Path):
    """Starts the server on a free port; returns (proc, port) once it answers."""
    for _ in range(3):  # the free port may be taken between the probe and the server's bind
        port = _free_port()
        with open(log, "wb") as err:
            proc = subprocess.Popen(
                [bearing, "serve", str(root), "--port", str(port), "--no-git", "--digest-weeks", "0",
                 "--today", TODAY, "-q"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + 15
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                conn.request("GET", "/")
                status = conn.getresponse().status
                conn.close()
                if status == 200:
                    return proc, port
            except OSError:
                pass
            time.sleep(0.05)
        if proc.poll() is None:
            _stop(proc)
            pytest.fail(f"bearing serve did not answer on port {port} within 15 s:\n{log.read_text(errors='replace')}",
                        pytrace=False)
        if "cannot serve" not in log.read_text(errors="replace"):
            break
    pytest.fail(f"bearing serve exited with {proc.returncode}:\n{log.read_text(errors='replace')}", pytrace=False)


@pytest.fixture
def served(tmp_path):
    bearing = os.environ.get("BEARING")
    if not bearing:
        pytest.fail("BEARING is not set: run scripts/browser-tests.sh, which exports the binary's path", pytrace=False)
    if not os.access(bearing, os.X_OK):
        pytest.fail(f"BEARING={bearing} is not an executable", pytrace=False)
    root = tmp_path / "northwind"
    shutil.copytree(EXAMPLE, root)
    log = tmp_path / "serve.stderr"
    proc, port = _start_serve(bearing, root, log)
    yield Served(root, port, proc, log)
    _stop(proc)


def _h1_and_title(body):
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    title = re.search(r"<title>(.*?)</title>", body, re.S)
    return (h1.group(1).strip() if h1 else None), (title.group(1).strip() if title else None)


def _generation_of(body):
    found = re.findall(r'<script src="/_bearing/live\.js" data-generation="(\d+)"></script>', body)
    assert len(found) == 1, f"expected one live-reload script, found {len(found)}"
    return int(found[0])


# ---------------------------------------------------------------------------------------------
# 1. Plain HTTP

def test_routes_and_an_edit_is_published_over_the_event_stream(served):
    status, headers, body = served.get("/")
    assert status == 200, body[:200]
    assert headers.get("content-type", "").startswith("text/html"), headers
    assert headers.get("cache-control") == "no-store", headers
    assert re.search(r'<script src="/_bearing/live\.js" data-generation="\d+"></script>\s*</body>', body), \
        "the live-reload script is not injected before </body>"
    assert body.count("/_bearing/live.js") == 1

    status, headers, script = served.get("/_bearing/live.js")
    assert status == 200
    assert re.match(r"(text|application)/javascript\b", headers.get("content-type", "")), headers
    assert "EventSource" in script and "/_bearing/live" in script

    status, headers, _ = served.get("/boards")
    assert status == 302, f"/boards answered {status} (a temporary redirect: the tree may change)"
    assert headers.get("location") == "/boards/", headers
    # DNS rebinding: a page of another site that resolves its name to 127.0.0.1 gets nothing.
    for host in ("evil.example", "evil.example:4000", "127.0.0.1.evil.example"):
        assert served.get("/", headers={"Host": host})[0] == 403, host
        assert served.get("/_bearing/live", headers={"Host": host})[0] == 403, host
    assert served.get("/", headers={"Host": f"localhost:{served.port}"})[0] == 200
    assert served.get("/boards/")[0] == 200
    status, _, _ = served.get("/no/such/page.html")
    assert status == 404, f"an unknown path answered {status}"

    status, _, page = served.get(GOAL_PAGE)
    assert status == 200 and _h1_and_title(page)[0] == GOAL_TITLE, _h1_and_title(page)
    generation = _generation_of(page)

    with served.events() as events:
        first = events.next_state(5)
        assert first == {"generation": generation, "problems": []}, first
        served.set_title(GOAL, EDITED_TITLE)
        state = events.next_state(10)
        assert state == {"generation": generation + 1, "problems": []}, \
            f"after an edit: {state}\nserver stderr:\n{served.stderr()}"

    status, _, page = served.get(GOAL_PAGE)
    assert status == 200
    h1, title = _h1_and_title(page)
    assert h1 == EDITED_TITLE, h1
    assert title.startswith(EDITED_TITLE), title
    assert GOAL_TITLE not in page
    assert _generation_of(page) == generation + 1


# ---------------------------------------------------------------------------------------------
# 2. A broken file over HTTP

def test_a_broken_file_keeps_the_last_good_pages_and_reports_its_error(served):
    with served.events() as events:
        generation = events.next_state(5)["generation"]
        good = served.read(GOAL)
        served.set_title(GOAL, BROKEN_TITLE)
        state = events.next_state(10)
        assert state["generation"] == generation, f"a rejected rebuild changed the generation: {state}"
        assert state["problems"], f"no problems reported for a broken file: {state}"
        assert any(YAML_PROBLEM.match(p) for p in state["problems"]), state["problems"]
        assert all(p.startswith(GOAL + ":") for p in state["problems"]), state["problems"]

        # The previous pages are still served, with the generation they belong to.
        status, _, page = served.get(GOAL_PAGE)
        assert status == 200
        assert _h1_and_title(page)[0] == GOAL_TITLE
        assert _generation_of(page) == generation
        assert served.get("/")[0] == 200

        # A page that connects now learns of the problems at once.
        with served.events() as late:
            assert late.next_state(5) == state

        served.write(GOAL, good.replace("title: " + GOAL_TITLE, "title: " + FIXED_TITLE, 1))
        state = events.next_state(10)
        assert state == {"generation": generation + 1, "problems": []}, \
            f"after the fix: {state}\nserver stderr:\n{served.stderr()}"

    status, _, page = served.get(GOAL_PAGE)
    assert _h1_and_title(page)[0] == FIXED_TITLE
    assert _generation_of(page) == generation + 1


# ---------------------------------------------------------------------------------------------
# 3. In a real browser

PAGE_STATE_JS = """
var h = document.querySelector('h1');
var s = document.querySelector('script[src="/_bearing/live.js"]');
var o = document.getElementById('bearing-live-problems');
return {h1: h ? h.textContent.trim() : null, title: document.title,
        generation: s ? s.getAttribute('data-generation') : null,
        marker: window.__bearingTestMarker || null,
        overlay: o ? {role: o.getAttribute('role'), visible: !!(o.offsetWidth || o.offsetHeight),
                      items: Array.from(o.querySelectorAll('li')).map(function (li) { return li.textContent; })} : null};
"""


def test_open_page_reloads_on_edit_and_shows_errors_over_the_page(served, browser):
    d = browser.d
    url = served.url(GOAL_PAGE)
    state = lambda: d.execute_script(PAGE_STATE_JS)  # noqa: E731

    def wait(condition, what):
        # Polled every 50 ms (the default 500 ms would be most of each step's time); a reload
        # under way may fail a poll, which is retried.
        try:
            WebDriverWait(d, 10, poll_frequency=0.05, ignored_exceptions=(
                JavascriptException, NoSuchElementException, StaleElementReferenceException)).until(condition)
            return
        except TimeoutException:
            pass
        pytest.fail(f"{what} within 10 s; the page: {state()}\nserver stderr:\n{served.stderr()}", pytrace=False)

    try:
        browser.open(url)
        first = state()
        assert first["h1"] == GOAL_TITLE and first["overlay"] is None, first
        assert first["generation"] is not None, "the page has no live-reload script"
        generation = int(first["generation"])
        d.execute_script("window.__bearingTestMarker = 'edit';")

        # An edit: the page reloads by itself (the marker is gone) and shows the new title.
        served.set_title(GOAL, EDITED_TITLE)
        wait(lambda _: state()["h1"] == EDITED_TITLE, "the open page did not show the edited title")
        now = state()
        assert now["marker"] is None, "the title changed without a reload"
        assert now["title"].startswith(EDITED_TITLE), now
        assert now["generation"] == str(generation + 1), now
        assert d.current_url == url

        # A broken file: the errors show over the page, which is not reloaded.
        d.execute_script("window.__bearingTestMarker = 'broken';")
        good = served.read(GOAL)
        served.set_title(GOAL, BROKEN_TITLE)
        wait(lambda _: d.find_elements(By.ID, "bearing-live-problems")
             and d.find_element(By.ID, "bearing-live-problems").is_displayed(),
             "no error overlay over the page")
        overlay = d.find_element(By.ID, "bearing-live-problems")
        assert GOAL in overlay.text, overlay.text
        now = state()
        assert now["overlay"]["role"] == "alert", now
        assert any(YAML_PROBLEM.match(item) for item in now["overlay"]["items"]), now["overlay"]
        assert now["marker"] == "broken", "the page reloaded on a rejected rebuild"
        assert now["h1"] == EDITED_TITLE, now

        # Fixed: the page reloads with the fixed content and the overlay is gone.
        served.write(GOAL, good.replace("title: " + EDITED_TITLE, "title: " + FIXED_TITLE, 1))
        wait(lambda _: (lambda s: s["h1"] == FIXED_TITLE and s["overlay"] is None)(state()),
             "the fixed page did not come back (or the overlay stayed)")
        now = state()
        assert now["marker"] is None, "the fixed content came without a reload"
        assert now["generation"] == str(generation + 2), now
        assert browser.alerts() == []
        severe = browser.severe()
        assert severe == [], f"console errors: {severe}"
    finally:
        # Leave the server's page before the server stops, so its event stream's errors reach
        # no later test's log.
        d.get("about:blank")
        browser.drain_log()


# ---------------------------------------------------------------------------------------------
# 4. The built site

def test_the_built_site_has_no_live_reload():
    root = _site_dir("SITE_DIR")
    pages = sorted(root.rglob("*.html"))
    assert len(pages) > 50, f"only {len(pages)} pages in {root}"
    carrying = [p.relative_to(root).as_posix() for p in pages
                if "live.js" in (text := p.read_text(encoding="utf-8", errors="replace")) or "/_bearing/live" in text]
    assert carrying == [], f"built pages with the live-reload script: {carrying}"
    assert not (root / "_bearing" / "live.js").exists()
