"""The citizen chat page at ``/`` in headless Chromium: type a message, see the OA's reply.

The page's unit list is the seed itself (infra/seed/units.yaml), so the citizen writes to the seeded
xa-hoa-lac; no other e2e file writes to that unit (its OA is only read, by test_oa_cli's listing).

Chromium comes from tests/headless.py (Debian's chromium and chromium-driver; a failure, not a skip, in CI).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from anninh import texts

from tests.headless import chromium

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def test_typing_a_message_shows_the_oa_reply(local_stack, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(local_stack.base_url + "/")
    wait = WebDriverWait(browser, 20)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    Select(browser.find_element(By.ID, "unit")).select_by_value("xa-hoa-lac")
    user_id = browser.find_element(By.ID, "user").get_attribute("value")
    assert user_id and user_id.isdigit()

    box = browser.find_element(By.ID, "text")
    box.send_keys("menu", Keys.ENTER)
    wait.until(
        expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, ".bubble.citizen"), "menu")
    )
    wait.until(
        expected_conditions.text_to_be_present_in_element(
            (By.CSS_SELECTOR, ".bubble.oa"), texts.SECTION_CONTACT
        )
    )

    # The reply arrived through the real path: it is in the fake Zalo outbox for this citizen.
    assert local_stack.outbox(user_id)

    # A menu button sends its query as the citizen's next message (Zalo's oa.query.show).
    buttons = browser.find_elements(By.CSS_SELECTOR, ".bubble.oa button:not([disabled])")
    contact = next(b for b in buttons if b.text == texts.SECTION_CONTACT)
    contact.click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".bubble.oa")) >= 2)
    assert any("113" in bubble.text for bubble in browser.find_elements(By.CSS_SELECTOR, ".bubble.oa"))
