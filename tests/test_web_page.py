"""The web page of ``spamsift serve`` in a real browser: Playwright driving Debian's Chromium."""

import shutil

import pytest
from conftest import ROOT
from playwright.sync_api import expect, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "build" / "screenshots"
# Headless as root, and no background connections: this machine has no outside network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    url, _process = server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url)
    yield page
    context.close()


def test_pasting_the_seed_highlights_its_27_spam_lines_and_keeps_the_article(page, seed_text):
    page.get_by_label("Page text or HTML").fill(seed_text)
    page.get_by_role("button", name="Check").click()
    expect(page.locator("#label")).to_have_text("gambling")
    spam = page.locator("#blocks .blk.spam")
    expect(spam).to_have_count(27)
    expect(spam.first).to_have_css("background-color", "rgb(253, 226, 225)")
    expect(page.locator("#blocks .blk.boilerplate")).to_have_count(2)
    clean = page.get_by_label("Clean text").input_value()
    assert "Aleppo Falls to Rebels" in clean and "dapurtoto" not in clean and "Share this Article" not in clean

    spam.first.click()
    expect(page.locator("#why")).to_contain_text("brand names")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "web-page-seed.png", full_page=True)


def test_reasons_open_from_the_keyboard(page, seed_text):
    page.get_by_label("Page text or HTML").fill(seed_text)
    page.get_by_label("Page text or HTML").press("Tab")  # focus moves on to the URL field, then the button
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    first_spam = page.locator("#blocks .blk.spam").first
    expect(first_spam).to_be_visible()
    first_spam.focus()
    page.keyboard.press("Enter")
    expect(first_spam).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#why")).to_contain_text("spam, score")


@pytest.mark.parametrize("target", ["http://127.0.0.1/", "http://169.254.169.254/"])
def test_url_field_refuses_private_targets(page, target):
    page.get_by_label("URL").fill(target)
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_role("alert")).to_contain_text("refused")
    expect(page.locator("#result")).to_be_hidden()


def test_fits_a_phone_screen(browser, server, seed_text):
    url, _process = server
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url)
    page.get_by_label("Page text or HTML").fill(seed_text)
    page.get_by_role("button", name="Check").click()
    expect(page.locator("#blocks .blk.spam")).to_have_count(27)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=SCREENSHOTS / "web-page-seed-phone.png")
    context.close()
