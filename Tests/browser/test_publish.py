"""Issue 14, "publish by allow-list": the site of Fixtures/publish-kb must publish none of its
script-like files (`evil.shtml`, `evil.xhtm`, `img/evil.svg`, `img/evil.shtml.png`) and carry no
`javascript:` link from its `base_url` or `repository_url`. The files are served by a host that,
like Apache or nginx, sends `.shtml` as HTML and `.xhtm` as XHTML; the same KB built with
`unsafe_html: true` is the positive control: there its files are published and their script runs.
`bearing serve` must refuse the same files. Each test builds what it needs with $BEARING."""
import http.client
import http.server
import os
import shutil
import subprocess
import threading
import urllib.request
import urllib.error
from pathlib import Path

import pytest

from conftest import FIXTURES, Site, _stop
from test_serve import _start_serve
from test_xss import findings

KB = FIXTURES / "publish-kb"
TODAY = "2027-02-17"
REFUSED = ["evil.shtml", "evil.xhtm", "img/evil.svg", "img/evil.shtml.png"]


def _bearing():
    bearing = os.environ.get("BEARING")
    if not bearing or not os.access(bearing, os.X_OK):
        pytest.fail("BEARING is not set to the binary: run scripts/browser-tests.sh", pytrace=False)
    return bearing


def _build(kb: Path, out: Path):
    run = subprocess.run([_bearing(), "build", str(kb), "-o", str(out), "--today", TODAY, "--no-git"],
                         capture_output=True, text=True)
    # Exit 0: the addresses' errors are listed, the site is built (1 only with --fail-on).
    assert run.returncode == 0 and (out / "index.html").is_file(), run.stderr
    return run


class _Host(http.server.SimpleHTTPRequestHandler):
    """A static host as Apache's and nginx's default types make it."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".shtml": "text/html", ".xhtm": "application/xhtml+xml", ".xhtml": "application/xhtml+xml",
                      ".svg": "image/svg+xml"}

    def log_message(self, *args):
        pass


def _host(root: Path):
    handler = lambda *a, **k: _Host(*a, directory=str(root), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """{"safe": Site, "unsafe": Site}: the KB as it is, and with `unsafe_html: true`."""
    work = tmp_path_factory.mktemp("publish")
    unsafe_kb = work / "unsafe-kb"
    shutil.copytree(KB, unsafe_kb)
    with open(unsafe_kb / "bearing.yml", "a", encoding="utf-8") as config:
        config.write("unsafe_html: true\n")
    made, servers = {}, []
    for name, kb in (("safe", KB), ("unsafe", unsafe_kb)):
        out = work / (name + "-site")
        _build(kb, out)
        server, base = _host(out)
        servers.append(server)
        made[name] = Site(out, base)
    yield made
    for server in servers:
        server.shutdown()


def _status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_positive_control_unsafe_html_publishes_and_the_host_runs_them(sites, browser):
    """Without this, a test that finds nothing could be a test that cannot find anything."""
    site = sites["unsafe"]
    for rel in ("evil.shtml", "evil.xhtm"):
        assert (site.root / rel).is_file(), f"unsafe_html: true did not publish {rel}"
        browser.open(site.url(rel))
        found = findings(browser)
        assert any(f.startswith("dialog") for f in found) and any(f.startswith("marker") for f in found), \
            f"{rel}: the payload did not run on the control, so this test cannot see it run: {found}"


def test_script_like_files_are_not_published_and_run_nowhere(sites, browser):
    site = sites["safe"]
    for rel in REFUSED:
        assert not (site.root / rel).exists(), f"{rel} was published"
        assert _status(site.url(rel)) == 404, rel
        browser.open(site.url(rel))
        # The 404 itself is logged (a console entry); nothing else may show.
        assert [f for f in findings(browser) if not f.startswith("console")] == [], rel
    assert (site.root / "img" / "pixel.png").is_file(), "the picture on the allow-list was not published"


def test_no_javascript_link_from_the_configured_addresses(sites, browser):
    site = sites["safe"]
    feed = (site.root / "feed.xml").read_text(encoding="utf-8")
    assert "javascript:" not in feed.lower(), feed
    assert not (site.root / "sitemap.xml").exists(), "a sitemap was written without a valid base_url"
    problems = []
    browser.drain_log()
    for rel in site.pages() + ["feed.xml"]:
        browser.open(site.url(rel), drain=False)
        problems += [f"{rel}: {f}" for f in findings(browser)]
    assert not problems, "\n".join(problems)


def test_report_html_has_no_javascript_link(tmp_path, browser):
    report = tmp_path / "report.html"
    run = subprocess.run([_bearing(), "report", str(KB), "--format", "html", "-o", str(report), "--today", TODAY, "--no-git"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    browser.open(report.as_uri())
    # The report stands alone: its style sheet is inline, by design.
    assert [f for f in findings(browser) if f != "element: <style>"] == []
    for href in browser.d.execute_script("return Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'));"):
        assert not (href or "").strip().lower().startswith("javascript:"), href


def test_serve_refuses_the_same_files(tmp_path, browser):
    root = tmp_path / "kb"
    shutil.copytree(KB, root)
    log = tmp_path / "serve.stderr"
    proc, port = _start_serve(_bearing(), root, log)
    try:
        for rel in REFUSED + ["bearing.yml"]:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", "/" + rel)
            status = conn.getresponse().status
            conn.close()
            assert status == 404, f"serve answered {status} for /{rel}"
            browser.open(f"http://127.0.0.1:{port}/{rel}")
            assert not [f for f in findings(browser) if not f.startswith("console")], rel
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/img/pixel.png")
        response = conn.getresponse()
        assert response.status == 200 and response.getheader("content-type") == "image/png"
        conn.close()
    finally:
        _stop(proc)
