"""The site of Fixtures/xss-kb (payloads in titles, bodies, links, tags, people, config, query
blocks, wikilinks) must run none of them. Every payload calls alert() and sets a marker
(<html data-xss="WHERE"> or window.__xss); alert() is stubbed before any page script, so a
call is recorded instead of blocking. A hand-written unescaped page (Fixtures/positive-control)
proves every detector fires."""
import urllib.parse
import xml.etree.ElementTree as ET

import pytest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import FIXTURES, broken_links, collect_urls

PAYLOAD_WORD = "zqxevil"  # in the title of every fixture document

# The checks run in the page. Each returns a finding as text; the positive control names the kind.
FINDINGS_JS = r"""
var f = [];
if (!Array.isArray(window.__alerts)) f.push('stub: the dialog stub is missing');
else if (window.__alerts.length) f.push('dialog: ' + JSON.stringify(window.__alerts));
var marker = document.documentElement.getAttribute('data-xss');
if (marker !== null) f.push('marker: <html data-xss="' + marker + '">');
if (typeof window.__xss !== 'undefined') f.push('global: window.__xss = ' + String(window.__xss));
var urlAttrs = ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'data', 'srcset', 'background'];
document.querySelectorAll('*').forEach(function (el) {
  for (var i = 0; i < el.attributes.length; i++) {
    var a = el.attributes[i], name = a.name.toLowerCase();
    if (name.indexOf('on') === 0) f.push('handler: <' + el.localName + ' ' + a.name + '="' + a.value + '">');
    if (urlAttrs.indexOf(name) >= 0) {
      var v = a.value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
      if (/^(javascript|vbscript|data|livescript):/.test(v) && !(el.localName === 'link' && v === 'data:,'))
        f.push('url: <' + el.localName + ' ' + a.name + '="' + a.value + '">');
    }
  }
});
document.querySelectorAll('script').forEach(function (s) {
  var src = s.getAttribute('src') || '';
  if (!/(^|\/)_bearing\/(site|search-index)\.js$/.test(src))
    f.push('script: <script' + (src ? ' src="' + src + '"' : '') + '>' + s.textContent.slice(0, 80));
});
// Chrome's viewer of XML files (feed.xml) adds a <style> of its own.
var xml = !(document instanceof HTMLDocument);
document.querySelectorAll('iframe, frame, object, embed, applet, base, form, meta[http-equiv]' + (xml ? '' : ', style')).forEach(function (el) {
  f.push('element: <' + el.localName + '>');
});
return f;
"""


def severe_entries(browser):
    # An XML file (feed.xml, sitemap.xml) cannot name its icon, so Chrome asks for /favicon.ico
    # there; not the site's fault. (The HTML pages' icon is checked by test_site.py.)
    return [f"console: {e['source']}: {e['message']}" for e in browser.severe() if "/favicon.ico " not in e["message"]]


def findings(browser):
    return list(browser.d.execute_script(FINDINGS_JS)) + severe_entries(browser)


def test_positive_control_every_detector_fires(browser):
    """The detection must be able to fail: on unescaped payloads every kind of finding shows."""
    browser.open((FIXTURES / "positive-control" / "unescaped.html").as_uri())
    found = findings(browser)
    kinds = {f.split(":", 1)[0] for f in found}
    for kind in ("dialog", "marker", "global", "handler", "url", "script", "console"):
        assert kind in kinds, f"detector {kind!r} did not fire on the positive control; findings: {found}"
    assert "alert:control" in " ".join(found) and "alert:control-img" in " ".join(found), found


def test_no_payload_runs_on_any_page(xss_site, browser):
    pages = xss_site.pages()
    assert len(pages) >= 25, pages
    # Every fixture document got its page (the odd file name included).
    for doc in ("goals/g-evil.html", "goals/g-parent.html", "briefs/b-evil.html", "decisions/0001-evil.html",
                "decisions/0002-superseded.html", "notes/q&a's notes.html", "README.html"):
        assert doc in pages, f"{doc} was not built; pages: {pages}"
    problems = []
    browser.drain_log()
    for rel in pages + ["feed.xml", "sitemap.xml"]:
        if not (xss_site.root / rel).is_file():
            continue
        browser.open(xss_site.url(rel), drain=False)  # a late entry shows with the next page
        problems += [f"{rel}: {f}" for f in findings(browser)]
        if rel.endswith(".html"):
            # Files only: a wikilink of the fixture aims at a heading that is not there, on purpose.
            problems += [f"{rel}: {p}" for p in broken_links(xss_site, collect_urls(browser.d), fragments=False)]
    browser.open("about:blank", drain=False)
    problems += [f"after the last page: {e}" for e in severe_entries(browser)]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_payloads_show_as_text(xss_site, browser):
    """Escaped, not dropped: the payload text is on the page as text."""
    browser.open(xss_site.url("goals/g-evil.html"))
    h1 = browser.h1()
    assert h1.startswith("Goal zqxevil <img src=x onerror="), h1
    body = browser.d.find_element(By.CSS_SELECTOR, ".markdown").text
    assert "<img src=x onerror=" in body, body
    assert findings(browser) == []


def test_searching_payloads_runs_none(xss_site, browser):
    browser.open(xss_site.url("index.html"))
    box = browser.d.find_element(By.ID, "search")
    box.click()
    box.send_keys(PAYLOAD_WORD)
    results = browser.wait_results()
    assert len(results) >= 5, results
    titles = " | ".join(title for _, title in results)
    assert "<img src=x onerror=" in titles and "<svg/onload=" in titles, titles
    for href, title in results:
        target = xss_site.local_path(href)
        assert target is not None and target.is_file(), f"result {title!r} links to {href}, which is no page"
    assert findings(browser) == []
    # More payload words: the renderer highlights each term with <mark>, built from text.
    box.send_keys(" onerror")
    browser.wait_js("return document.querySelectorAll('#search-results mark').length > 0")
    assert findings(browser) == []
    # Enter opens the first result, which must be clean too.
    first = browser.wait_results()[0][0]
    box.send_keys(Keys.ENTER)
    browser.wait(lambda d: d.current_url == first, message="Enter did not open the first result")
    assert findings(browser) == []


def test_query_parameter_payload_runs_none(xss_site, browser):
    for q in ("<img src=x onerror=\"alert('q');document.documentElement.setAttribute('data-xss','q')\">",
              "\"><script>alert('q2');window.__xss='q2'</script>",
              PAYLOAD_WORD):
        url = xss_site.url("briefs/b-evil.html") + "?q=" + urllib.parse.quote(q)
        browser.open(url)
        browser.wait_search_ready()
        browser.wait_js("return document.querySelector('#search-results').children.length > 0",
                        message=f"nothing rendered for ?q={q}")
        assert browser.d.find_element(By.ID, "search").get_attribute("value") == q
        assert findings(browser) == [], q


# A document whose file or folder name starts with `javascript:` must link as `./javascript:…`
# (regression: the root pages and the search results once wrote it as a javascript: URL).
def test_document_path_with_a_scheme_never_becomes_a_script_link(xss_site, browser):
    titles = {"file-name": "File name zqxevil zqxcolon", "folder-name": "Folder name zqxevil zqxfolder"}
    for rel in ("index.html", "README.html", "report.html"):
        for title in titles.values():
            browser.open(xss_site.url(rel))
            start = browser.d.current_url
            clicked = browser.d.execute_script(
                "var a = Array.from(document.querySelectorAll('a')).find(a => a.textContent.indexOf(arguments[0]) >= 0);"
                "if (!a) return null; var href = a.getAttribute('href'); a.click(); return href;", title)
            assert clicked is not None, f"{rel} has no link to {title!r}"
            opened_or_ran(browser, start, rel, clicked, title)
    # The search results at the root: Enter opens the first result.
    for word, title in (("zqxcolon", titles["file-name"]), ("zqxfolder", titles["folder-name"])):
        browser.open(xss_site.url("index.html") + "?q=" + word)
        start = browser.d.current_url
        href = browser.wait_results()[0][0]
        browser.d.find_element(By.ID, "search").send_keys(Keys.ENTER)
        opened_or_ran(browser, start, "index.html?q=" + word, href, title)


def opened_or_ran(browser, start, rel, href, title):
    """After a click on the page at `start`: the document's page opened (right), or the link ran as script."""
    browser.wait(lambda d: d.current_url != start or d.execute_script("return (window.__alerts || []).length > 0"),
                 timeout=3, message=f"{rel}: following {href!r} did nothing")
    assert browser.d.current_url != start, \
        f"{rel}: the link {href!r} ran as a javascript: URL: dialogs {browser.alerts()}"
    assert browser.h1() == title
    assert findings(browser) == []


def test_feeds_are_well_formed_xml(site, xss_site):
    for s in (site, xss_site):
        for name in ("feed.xml", "sitemap.xml"):
            path = s.root / name
            if path.is_file():
                ET.parse(path)  # raises on a payload that broke the XML
