"""Shared fixtures of the real-browser suite (Debian chromium + chromedriver, Selenium).

The suite builds nothing: scripts/browser-tests.sh builds the sites and passes their folders in
  SITE_DIR      the site of examples/northwind
  XSS_SITE_DIR  the site of Tests/browser/Fixtures/xss-kb
Each folder is served by `python3 -m http.server` on 127.0.0.1 for the whole session, and one
Chrome (headless) is shared by every test, with browser logging on and alert()/confirm()/prompt()
replaced (through CDP, before any page script) by stubs that record their calls in window.__alerts.
"""
import html
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

# Keep Selenium Manager off the network (it is skipped anyway: the driver's path is given).
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
FIXTURES = Path(__file__).resolve().parent / "Fixtures"

# Runs in every new document before its own scripts: dialogs never block and are recorded.
DIALOG_STUB = """
window.__alerts = [];
(function () {
  function stub(kind) { return function (m) { window.__alerts.push(kind + ":" + String(m)); return kind === "confirm" ? false : null; }; }
  window.alert = stub("alert"); window.confirm = stub("confirm"); window.prompt = stub("prompt");
})();
"""


# ---------------------------------------------------------------------------------------------
# Sites and servers

def _site_dir(var):
    value = os.environ.get(var)
    if not value:
        pytest.fail(f"{var} is not set: run scripts/browser-tests.sh (or `make test`), which builds the sites",
                    pytrace=False)
    path = Path(value).resolve()
    if not (path / "index.html").is_file():
        pytest.fail(f"{var}={value} holds no index.html: is it a site built by `bearing build`?", pytrace=False)
    return path


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Site:
    """A built site folder and the http.server serving it."""

    def __init__(self, root: Path, base: str):
        self.root = root
        self.base = base  # http://127.0.0.1:PORT/

    def url(self, rel=""):
        return self.base + urllib.parse.quote(rel, safe="/?=&#%")

    def file_url(self, rel):
        return (self.root / rel).as_uri()

    def pages(self):
        """Every HTML page, as paths relative to the root, sorted."""
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def local_path(self, url):
        """The file a same-site URL (http or file) names, or None for other URLs."""
        parts = urllib.parse.urlsplit(url)
        if url.startswith(self.base):
            rel = urllib.parse.unquote(parts.path).lstrip("/")
        elif parts.scheme == "file":
            path = Path(urllib.parse.unquote(parts.path))
            try:
                rel = path.relative_to(self.root).as_posix()
            except ValueError:
                return None
        else:
            return None
        target = self.root / rel
        if rel == "" or rel.endswith("/"):
            target = target / "index.html"
        return target


def _serve(root: Path):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "--directory", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"http.server for {root} exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"http.server for {root} did not listen on port {port}")
            time.sleep(0.05)
    return proc, f"http://127.0.0.1:{port}/"


def _stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def site():
    root = _site_dir("SITE_DIR")
    proc, base = _serve(root)
    yield Site(root, base)
    _stop(proc)


@pytest.fixture(scope="session")
def xss_site():
    root = _site_dir("XSS_SITE_DIR")
    proc, base = _serve(root)
    yield Site(root, base)
    _stop(proc)


# ---------------------------------------------------------------------------------------------
# The browser

@pytest.fixture(scope="session")
def driver():
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--no-first-run", "--no-default-browser-check",
                # Keeping the left page alive for Back doubles the time of each get() (0.2 s → 0.1 s).
                "--disable-features=BackForwardCache",
                # No network here: an outside lookup would stall; any outside request fails fast
                # (and shows as a SEVERE entry, since the site must be self-contained).
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    d.set_page_load_timeout(30)
    d.set_script_timeout(10)
    d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": DIALOG_STUB})
    yield d
    d.quit()


class Browser:
    """Helpers over the shared driver."""

    def __init__(self, driver):
        self.d = driver

    def drain_log(self):
        return self.d.get_log("browser")

    def open(self, url, drain=True):
        """Loads url; with drain, earlier log entries are dropped first. (Loops over many pages
        pass drain=False, so an entry that comes in late is reported with the next page, not lost;
        its message names its URL.)"""
        if drain:
            self.drain_log()
        self.d.get(url)
        return self

    def severe(self):
        return [e for e in self.drain_log() if e.get("level") == "SEVERE"]

    def wait(self, condition, timeout=10, message=""):
        return WebDriverWait(self.d, timeout).until(condition, message)

    def wait_js(self, script, timeout=10, message=""):
        return self.wait(lambda d: d.execute_script(script), timeout, message or script)

    def wait_search_ready(self, timeout=10):
        self.wait_js("return document.documentElement.getAttribute('data-search-ready') === '1'", timeout,
                     "search index never loaded (no <html data-search-ready=1>)")

    def wait_results(self, timeout=10):
        """Waits for rendered results; returns [(absolute href, title text), ...]."""
        self.wait_js("return document.documentElement.hasAttribute('data-search-results')"
                     " && document.querySelectorAll('#search-results a.result').length > 0", timeout,
                     "no search results rendered")
        return self.d.execute_script(
            "return Array.from(document.querySelectorAll('#search-results a.result'))"
            ".map(a => [a.href, (a.querySelector('.r-title') || a).textContent]);")

    def h1(self):
        return self.d.execute_script("var h = document.querySelector('h1'); return h ? h.textContent.trim() : null;")

    def alerts(self):
        return self.d.execute_script("return window.__alerts || null;")


@pytest.fixture
def browser(driver):
    return Browser(driver)


COLLECT_URLS_JS = """
  var out = [];
  var attrs = ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'data'];
  document.querySelectorAll('*').forEach(function (el) {
    attrs.forEach(function (name) {
      var v = el.getAttribute(name);
      if (v === null) return;
      var abs;
      try { abs = new URL(v, document.baseURI).href; } catch (e) { abs = 'invalid:' + v; }
      out.push([el.localName, name, abs]);
    });
  });
"""


def collect_urls(d):
    """Every URL the page refers to (links, assets), resolved, as [(tag, attribute, url)]."""
    return d.execute_script(COLLECT_URLS_JS + "return out;")


def page_summary(d):
    """One round trip: {alerts, h1, urls} of the current page."""
    return d.execute_script(COLLECT_URLS_JS + """
      var h = document.querySelector('h1');
      return {alerts: window.__alerts || null, h1: h ? h.textContent.trim() : null, urls: out};
    """)


_ids_cache = {}


def page_ids(path: Path):
    """The id and name attributes in an HTML file (for fragment checks)."""
    if path not in _ids_cache:
        text = path.read_text(encoding="utf-8", errors="replace")
        _ids_cache[path] = {html.unescape(m) for m in re.findall(r'\s(?:id|name)="([^"]*)"', text)}
    return _ids_cache[path]


def broken_links(site: Site, urls, fragments=True):
    """The same-site URLs that name no file, or (with fragments) an anchor the target page lacks."""
    problems = []
    for tag, attr, url in urls:
        if url.startswith("invalid:"):
            problems.append(f"<{tag} {attr}> is not a URL: {url}")
            continue
        target = site.local_path(url)
        if target is None:
            continue
        if not target.is_file():
            problems.append(f"<{tag} {attr}={url}> names no file ({target})")
            continue
        fragment = urllib.parse.unquote(urllib.parse.urlsplit(url).fragment)
        if fragments and fragment and target.suffix == ".html" and fragment not in page_ids(target):
            problems.append(f"<{tag} {attr}={url}> names an anchor that is not on {target.name}")
    return problems
