"""The legal officer's review page in headless Chromium: every entry with what a reviewer signs off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from anninh.cli import main
from anninh.faq.knowledge_base import SEED_DIR, load_sources

from tests.headless import chromium

pytestmark = pytest.mark.browser


def test_review_page_shows_every_entry_with_sources_and_dates(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "review.html"
    assert main(["faq", "review", "--html", str(page), "--today", "2026-12-03"]) == 0
    sources = load_sources(SEED_DIR)
    entries = {e.id: e for e in sources.entries}
    with chromium(tmp_path / "profile") as browser:
        browser.get(page.as_uri())
        articles = browser.find_elements(By.CSS_SELECTOR, "article[data-entry]")
        assert sorted(a.get_attribute("data-entry") for a in articles) == sorted(entries)
        summary = browser.find_element(By.ID, "summary")
        assert summary.get_attribute("data-entries") == str(len(entries))
        assert summary.get_attribute("data-problems") == "0"
        for article in articles:
            entry = entries[article.get_attribute("data-entry")]
            assert article.find_element(By.CSS_SELECTOR, ".msg").text.strip() == entry.answer.strip()
            assert article.find_elements(By.CSS_SELECTOR, "ul li"), entry.id  # at least one legal source
            verified = dt.date.fromisoformat(entry.verified_on).strftime("%d/%m/%Y")
            assert article.find_element(By.CSS_SELECTOR, ".verified").text == verified
        assert not browser.find_elements(By.TAG_NAME, "script")


def test_expiring_and_expired_facts_are_marked() -> None:
    from anninh.faq.review import render_review

    sources = load_sources(SEED_DIR)
    entry = sources.entries[0]
    entry.valid_until = [
        {"fact": "Lệ phí giảm 50%", "until": "2026-12-31", "source": "Thông tư 64/2025/TT-BTC"}
    ]
    soon = render_review(sources, {}, today=dt.date(2026, 12, 28))
    assert '<tr class="expiring"><td>Lệ phí giảm 50%</td><td>31/12/2026</td>' in soon
    late = render_review(sources, {}, today=dt.date(2027, 1, 1))
    assert '<tr class="expired"><td>Lệ phí giảm 50%</td>' in late
    early = render_review(sources, {}, today=dt.date(2026, 6, 1))
    assert '<tr class=""><td>Lệ phí giảm 50%</td>' in early
