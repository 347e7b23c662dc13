"""Each unit's public page on the local stack, in headless Chromium, as a citizen opens it: the commune's
and its province's figures and the public result of a resolved tip; nothing that identifies the reporter or
says what the tip was about. The province and the commune below it (units, OAs, officers) are this file's own
(``local_stack.staffed_unit``)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
import requests
from localrun.stack import LOCAL_ADMIN_TOKEN

from tests.e2e.conftest import StaffedUnit
from tests.e2e.test_tips import Chat, file_tip
from tests.headless import chromium

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


@pytest.fixture(scope="module")
def province(local_stack) -> StaffedUnit:
    return local_stack.staffed_unit("public-province", level="province", parent_id=None, leader=True)


@pytest.fixture(scope="module")
def commune(local_stack, province: StaffedUnit) -> StaffedUnit:
    return local_stack.staffed_unit("public", parent_id=province.unit_id)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def close_tip(local_stack, code: str, result: str) -> None:
    headers = {"x-anninh-token": LOCAL_ADMIN_TOKEN}
    for body in ({"status": "da_tiep_nhan"}, {"status": "da_xu_ly", "public_result": result}):
        answer = requests.patch(
            f"{local_stack.base_url}/admin/tips/{code}", json=body, headers=headers, timeout=30
        )
        assert answer.status_code == 200, answer.text


def test_resolved_tip_result_is_public_and_nothing_private_is(
    local_stack, user_id, browser, commune, province
) -> None:
    from selenium.webdriver.common.by import By

    commune_id, province_id = commune.unit_id, province.unit_id

    word = secrets.token_hex(3)
    description = f"Nhóm người đánh bạc ăn tiền trong kho hợp tác xã số {word}, tối nào cũng tụ tập"
    code = file_tip(Chat(local_stack, commune_id, user_id), category="2", description=description)
    result = f"Đã lập biên bản, xử phạt hành chính các đối tượng đánh bạc (đợt {word.upper()})."
    close_tip(local_stack, code, result)

    browser.get(f"{local_stack.base_url}/public/{commune_id}")
    page = browser.find_element(By.TAG_NAME, "body").text
    assert commune.name in browser.title or commune.name in page
    results = browser.find_element(By.ID, "results").text
    assert result in results
    for private in (description, f"kho hợp tác xã số {word}", code, user_id):
        assert private not in browser.page_source
    assert browser.find_elements(By.CSS_SELECTOR, "#last30 svg")  # the chart is drawn in the page
    assert not browser.find_elements(By.TAG_NAME, "script")
    resolved = browser.find_element(By.CSS_SELECTOR, '#last30 [data-counter="tips_resolved"] b').text
    assert int(resolved.replace(".", "")) >= 1

    browser.get(f"{local_stack.base_url}/public/{province_id}")
    assert result in browser.find_element(By.ID, "results").text
    assert code not in browser.page_source and description not in browser.page_source
    browser.find_element(By.CSS_SELECTOR, f'#units a[href="/public/{commune_id}"]').click()
    assert browser.current_url.endswith(f"/public/{commune_id}")

    as_json = requests.get(f"{local_stack.base_url}/public/{commune_id}.json", timeout=10)
    assert as_json.status_code == 200 and as_json.headers["cache-control"].startswith("public")
    assert result in [r["result"] for r in as_json.json()["results"]]
    assert requests.get(f"{local_stack.base_url}/public/khong-co-don-vi", timeout=10).status_code == 404
