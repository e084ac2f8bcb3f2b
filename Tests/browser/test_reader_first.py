"""Reader-first pages of the northwind site in a real browser: a retired decision's banner, the
dashboard's first screen (who must act now) at desktop and phone widths, and the brief board's
overdue marks. Screenshots go to $SCREENSHOT_DIR (default /tmp) for a person to look at."""
import os
from contextlib import contextmanager
from pathlib import Path

from selenium.webdriver.common.by import By

SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp"))
TODAY = "2027-02-17"  # scripts/browser-tests.sh builds with --today 2027-02-17


@contextmanager
def window(driver, width, height):
    """The shared browser at another size, put back afterwards."""
    before = driver.get_window_size()
    driver.set_window_size(width, height)
    try:
        yield
    finally:
        driver.set_window_size(before["width"], before["height"])


def rect(driver, element):
    return driver.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};", element)


def viewport(driver):
    return driver.execute_script("return {width: window.innerWidth, height: window.innerHeight,"
                                 " scrollWidth: document.documentElement.scrollWidth};")


def test_a_superseded_decision_opens_with_a_banner_naming_its_successor(site, browser):
    browser.open(site.url("decisions/0003-sync-driver-app-with-rest-polling.html"))
    d = browser.d
    banner = d.find_element(By.CSS_SELECTOR, "article .banner[role=note]")
    assert banner.is_displayed()
    assert "superseded by" in banner.text
    # Above the title, in the first screen.
    assert rect(d, banner)["bottom"] <= rect(d, d.find_element(By.TAG_NAME, "h1"))["top"]
    assert rect(d, banner)["bottom"] <= viewport(d)["height"]
    d.save_screenshot(str(SCREENSHOTS / "bearing-banner-superseded.png"))
    # Its link leads to the successor.
    link = banner.find_element(By.TAG_NAME, "a")
    assert "Sync the driver app through an ordered event log" in link.text
    link.click()
    browser.wait(lambda drv: drv.current_url == site.url("decisions/0009-sync-driver-app-via-event-log.html"),
                 message="the banner's link did not open the successor")
    assert d.find_elements(By.CSS_SELECTOR, "article .banner") == [], "the successor has no banner"
    # Rejected and deprecated decisions without a successor say so.
    for page, status in [("decisions/0008-migrate-to-kubernetes.html", "rejected"),
                         ("decisions/0005-nightly-csv-export-to-erp.html", "deprecated")]:
        browser.open(site.url(page))
        text = d.find_element(By.CSS_SELECTOR, "article .banner").text
        assert f"This decision was {status}." in text and "No decision replaces it." in text, (page, text)
    assert browser.severe() == []


def _first_screen(site, browser, width, height):
    d = browser.d
    with window(d, width, height):
        browser.open(site.url("index.html"))
        d.save_screenshot(str(SCREENSHOTS / f"bearing-dashboard-{width}.png"))
        view = viewport(d)
        section = d.find_element(By.ID, "act-now")
        heading = section.find_element(By.TAG_NAME, "h2")
        first = section.find_element(By.CSS_SELECTOR, ".act-list > li")
        assert heading.text == "Who must act now"
        assert heading.is_displayed() and first.is_displayed()
        # The heading and the first thing someone must do are on the first screen, before the metrics.
        assert 0 <= rect(d, heading)["top"] and rect(d, first)["bottom"] <= view["height"], (rect(d, first), view)
        assert rect(d, section)["top"] < rect(d, d.find_element(By.ID, "summary"))["top"]
        # Nothing wider than the screen.
        assert view["scrollWidth"] <= view["width"], view
        return d.execute_script(
            "return Array.from(document.querySelectorAll('#act-now .act-group')).map(g => ["
            " g.querySelector('h3').firstChild.textContent.trim(),"
            " Array.from(g.querySelectorAll('.act-list > li:not(.more)')).map(li => li.textContent.replace(/\\s+/g, ' ').trim())]);")


def test_the_dashboard_opens_with_who_must_act_at_1280_px(site, browser):
    groups = dict(_first_screen(site, browser, 1280, 900))
    assert list(groups) == ["Reviews owed", "Decisions awaited", "Goals at risk or off track", "Gone stale"]
    # The overdue review first, naming the reviewers who owe it.
    review = groups["Reviews owed"][0]
    assert review.startswith("Card and ACH payments for invoices in the portal overdue 7 d"), review
    assert "Sign-off awaited from: Marco Rossi, Priya Raman, Fatima Haddad, Ruth Adeyemi" in review
    assert groups["Decisions awaited"][0].startswith("ADR-0011 Offer a discount for paying a year in advance pending 36 d")
    assert "Decision awaited from: Ruth Adeyemi, Daniel O'Brien" in groups["Decisions awaited"][0]
    assert all("at risk" in g and "Owner: " in g for g in groups["Goals at risk or off track"])
    # Each item once.
    titles = [e.split(" overdue")[0].split(" pending")[0] for entries in groups.values() for e in entries]
    assert len(titles) == len(set(titles)), titles
    assert browser.severe() == []


def test_the_dashboard_opens_with_who_must_act_at_390_px(site, browser):
    groups = dict(_first_screen(site, browser, 390, 844))
    assert "Reviews owed" in groups
    assert browser.severe() == []


def test_brief_cards_show_their_review_date_and_an_overdue_mark(site, browser):
    browser.open(site.url("boards/brief.html"))
    d = browser.d
    d.save_screenshot(str(SCREENSHOTS / "bearing-board-briefs.png"))
    cards = d.execute_script("""
      return Array.from(document.querySelectorAll('li.card')).map(c => ({
        title: c.querySelector('a').textContent,
        column: c.closest('.column').getAttribute('aria-labelledby'),
        due: (c.querySelector('.card-due time') || {}).textContent || null,
        mark: (c.querySelector('.overdue-mark') || {}).textContent || null,
        markShown: !!c.querySelector('.overdue-mark') && c.querySelector('.overdue-mark').getBoundingClientRect().height > 0,
        overdue: c.classList.contains('overdue')}));""")
    overdue = [c for c in cards if c["mark"]]
    assert [c["title"] for c in overdue] == ["Card and ACH payments for invoices in the portal"], overdue
    assert overdue[0]["mark"] == "overdue 7 d" and overdue[0]["markShown"] and overdue[0]["overdue"]
    # A mark exactly where a brief in review is past its date.
    for card in cards:
        late = card["column"] == "col-in-review" and card["due"] is not None and card["due"] < TODAY
        assert bool(card["mark"]) == late, card
    # Due dates on the briefs still ahead of or in review.
    assert {c["title"] for c in cards if c["due"]} == {
        "Driver app v3 — one-handed, glove-friendly delivery screen", "Card and ACH payments for invoices in the portal",
        "Right-size the RDS primary and replicas", "Usage-based pricing for new contracts"}
    assert browser.severe() == []
