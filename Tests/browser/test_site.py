"""The northwind example site in a real browser: every page, search, boards, goal tree, decision
filter, and the same site opened from disk (file://)."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import broken_links, page_summary

# A document the searches look for: its title holds the word, its id does not.
DUNNING_HREF = "briefs/dunning-automation.html"
DUNNING_TITLE = "Automated dunning for overdue invoices"
LEDGER_HREF = "decisions/0001-use-postgres-for-ledger.html"
LEDGER_TITLE = "Use PostgreSQL for the billing ledger"


def type_search(browser, text):
    box = browser.d.find_element(By.ID, "search")
    box.click()
    box.send_keys(text)
    return box


def test_every_page_loads_without_console_errors_or_broken_links(site, browser):
    pages = site.pages()
    assert len(pages) > 50, f"only {len(pages)} pages in {site.root}"
    problems = []
    browser.drain_log()
    for rel in pages:
        # Not drained between pages: an entry that comes in after a page's load shows up with the
        # next page (its message names its URL) instead of being dropped.
        browser.open(site.url(rel), drain=False)
        for entry in browser.severe():
            problems.append(f"{rel}: console {entry['source']}: {entry['message']}")
        page = page_summary(browser.d)
        if page["alerts"] != []:
            problems.append(f"{rel}: dialogs {page['alerts']}")
        if not page["h1"]:
            problems.append(f"{rel}: no <h1>")
        problems += [f"{rel}: {p}" for p in broken_links(site, page["urls"])]
    browser.open("about:blank", drain=False)
    problems += [f"after the last page: console {e['source']}: {e['message']}" for e in browser.severe()]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_search_from_dashboard_types_and_opens_with_enter(site, browser):
    browser.open(site.url("index.html"))
    assert browser.d.execute_script("return document.documentElement.getAttribute('data-search-ready')") is None, \
        "the index should load lazily, not with the page"
    # "/" focuses the search box.
    ActionChains(browser.d).send_keys("/").perform()
    assert browser.d.switch_to.active_element.get_attribute("id") == "search"
    browser.d.switch_to.active_element.send_keys("dunning")
    browser.wait_search_ready()
    results = browser.wait_results()
    hrefs = [href for href, _ in results]
    assert site.url(DUNNING_HREF) in hrefs, results
    assert dict(results)[site.url(DUNNING_HREF)] == DUNNING_TITLE
    assert hrefs[0] == site.url(DUNNING_HREF), f"the title match should rank first: {results}"
    browser.d.switch_to.active_element.send_keys(Keys.ENTER)
    browser.wait(lambda d: d.current_url == site.url(DUNNING_HREF), message="Enter did not open the first result")
    assert browser.h1() == DUNNING_TITLE
    assert browser.severe() == []


def test_query_parameter_on_a_page_in_a_subfolder_gives_working_links(site, browser):
    browser.open(site.url("goals/g-2027-q1-dso.html?q=postgresql"))
    browser.wait_search_ready()
    results = browser.wait_results()
    assert browser.d.find_element(By.ID, "search").get_attribute("value") == "postgresql"
    assert (site.url(LEDGER_HREF), LEDGER_TITLE) in [tuple(r) for r in results], results
    for href, title in results:
        target = site.local_path(href)
        assert target is not None and target.is_file(), f"result {title!r} links to {href}, which is no page"
    link = next(a for a in browser.d.find_elements(By.CSS_SELECTOR, "#search-results a.result")
                if a.get_attribute("href") == site.url(LEDGER_HREF))
    link.click()
    browser.wait(lambda d: d.current_url == site.url(LEDGER_HREF), message="clicking the result did not navigate")
    assert browser.h1() == LEDGER_TITLE
    assert browser.severe() == []


def test_boards_render_columns_and_cards_that_link_to_pages(site, browser):
    # boards/<type>.html are the boards; boards/<type>.<status>.html the full list of one column.
    boards = [p for p in site.pages() if p.startswith("boards/") and p.count(".") == 1 and p != "boards/index.html"]
    assert sorted(boards) == ["boards/brief.html", "boards/decision.html", "boards/goal.html", "boards/note.html"]
    for rel in boards:
        browser.open(site.url(rel))
        board = browser.d.find_element(By.CSS_SELECTOR, ".board")
        assert board.is_displayed(), rel
        columns = board.find_elements(By.CSS_SELECTOR, ".column")
        assert columns, f"{rel}: no columns"
        cards = board.find_elements(By.CSS_SELECTOR, "li.card")
        assert cards, f"{rel}: no cards"
        for column in columns:
            counts = column.find_elements(By.CSS_SELECTOR, "h2 .count")
            if counts:
                assert int(counts[0].text) == len(column.find_elements(By.CSS_SELECTOR, "li.card")), \
                    f"{rel}: column {column.get_attribute('aria-labelledby')} count differs from its cards"
        for card in cards:
            href = card.find_element(By.CSS_SELECTOR, "a").get_attribute("href")
            target = site.local_path(href)
            assert target is not None and target.is_file(), f"{rel}: card {card.text!r} links to {href}"
        assert browser.severe() == [], rel
    # The overview links to each board.
    browser.open(site.url("boards/index.html"))
    linked = {a.get_attribute("href") for a in browser.d.find_elements(By.CSS_SELECTOR, "main a")}
    assert {site.url(b) for b in boards} <= linked


def test_goal_tree_is_visible_with_a_size(site, browser):
    browser.open(site.url("goals.html"))
    tree = browser.d.find_element(By.CSS_SELECTOR, "svg.goal-tree")
    assert tree.is_displayed()
    width, height = browser.d.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return [r.width, r.height];", tree)
    assert width > 100 and height > 50, (width, height)
    titles = browser.d.execute_script(
        "return Array.from(arguments[0].querySelectorAll('a text')).map(t => t.textContent);", tree)
    assert "Bring days sales outstanding from 52 to 45" in titles, titles
    assert browser.severe() == []


def test_decision_log_filter_hides_rows_of_other_statuses(site, browser):
    browser.open(site.url("decisions.html"))
    rows = browser.d.find_elements(By.CSS_SELECTOR, "table#decision-log tbody tr")
    statuses = [r.get_attribute("data-status") for r in rows]
    assert len(rows) == 12 and all(r.is_displayed() for r in rows)
    assert "superseded" in statuses and "accepted" in statuses
    select = Select(browser.d.find_element(By.ID, "status-filter"))
    for status in ("superseded", "proposed", "accepted"):
        select.select_by_value(status)
        shown = [s for r, s in zip(rows, statuses) if r.is_displayed()]
        assert shown == [s for s in statuses if s == status], f"filter {status!r} shows {shown}"
    select.select_by_value("")
    assert all(r.is_displayed() for r in rows), "every status should show all rows again"
    assert browser.severe() == []


def test_site_opened_from_disk_searches_and_logs_no_errors(site, browser):
    # The dashboard, by typing.
    browser.open(site.file_url("index.html"))
    type_search(browser, "dunning")
    results = browser.wait_results()
    assert (site.file_url(DUNNING_HREF), DUNNING_TITLE) in [tuple(r) for r in results], results
    assert browser.severe() == []
    # A document page in a folder: typing, then ?q=, then following a result.
    browser.open(site.file_url("goals/g-2027-q1-dso.html"))
    assert browser.h1() == "Bring days sales outstanding from 52 to 45"
    type_search(browser, "postgresql")
    results = browser.wait_results()
    assert (site.file_url(LEDGER_HREF), LEDGER_TITLE) in [tuple(r) for r in results], results
    assert browser.severe() == []
    browser.open(site.file_url("goals/g-2027-q1-dso.html") + "?q=dunning")
    results = browser.wait_results()
    assert results[0] == [site.file_url(DUNNING_HREF), DUNNING_TITLE], results
    browser.d.find_element(By.CSS_SELECTOR, "#search-results a.result").click()
    browser.wait(lambda d: d.current_url == site.file_url(DUNNING_HREF), message="result link did not open")
    assert browser.h1() == DUNNING_TITLE
    assert browser.severe() == []
