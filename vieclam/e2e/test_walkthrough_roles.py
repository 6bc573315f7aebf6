"""Navigation by task, per role, in a real browser (the live server and Chromium of test_walkthrough).

An employer closes its own posting; a worker opens "Việc làm phù hợp" and applies in one tap; an administrator
creates a commune officer with a commune, and that officer, signing in, sees only that commune's people. The
grouped menu fits one line at 1366 px in Vietnamese and English, and folds behind a toggler on a 390 px phone.
"""

from __future__ import annotations

import pytest

from vieclam.e2e.test_walkthrough import PASSWORD, browser, login, site  # noqa: F401 (fixtures)

ROLES = ["demo-admin", "demo-province", "demo-counsellor", "demo-commune", "demo-employer", "demo-worker"]
COMMUNE = "Xã Tân Phú"  # the demo province's most populous commune (demo --seed 3)


@pytest.fixture
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield context.new_page()
    context.close()


def test_an_employer_closes_its_own_posting(site, page):  # noqa: F811
    base = site["base"]
    login(page, base, "demo-employer")
    page.goto(f"{base}/applications/my/vacancies/{site['hanoi_vacancy']}/")
    assert "Kế toán tổng hợp" in page.content()
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Đóng tin").click()
    page.wait_for_load_state()
    content = page.content()
    assert "Đã đóng tin" in content and "Đóng tin</button>" not in content
    page.goto(f"{base}/jobs/{site['hanoi_vacancy']}/")
    assert page.title() != "Kế toán tổng hợp · vieclam"  # no longer on the public board


def test_a_worker_opens_matching_jobs_and_applies_in_one_tap(site, page):  # noqa: F811
    base = site["base"]
    login(page, base, "demo-worker")
    page.get_by_role("button", name="Của tôi").or_(page.get_by_role("link", name="Của tôi")).first.click()
    page.get_by_role("link", name="Việc làm phù hợp").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/applications/my/matches/")
    first = page.locator(".card:has(button:text('Ứng tuyển ngay'))").first
    title = first.locator("h2 a").inner_text()
    first.get_by_role("button", name="Ứng tuyển ngay").click()
    page.wait_for_load_state()
    assert page.url.endswith("/applications/my/") and title in page.content()
    page.goto(f"{base}/applications/my/matches/")
    assert page.locator(f".card:has-text('{title}') .badge").first.inner_text() == "Đã ứng tuyển"


def test_an_administrator_creates_a_commune_officer_who_sees_only_that_commune(site, page):  # noqa: F811
    base = site["base"]
    login(page, base, "demo-admin")
    page.goto(f"{base}/accounts/users/")
    page.get_by_role("link", name="Tạo tài khoản").click()
    page.fill("#id_username", "can-bo-tan-phu")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_last_name", "Nguyễn Văn")
    page.fill("#id_first_name", "Phú")
    page.select_option("#id_role", "commune_officer")
    page.select_option("#id_communes", label=COMMUNE)
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()
    assert "Đã tạo tài khoản can-bo-tan-phu" in page.content() and COMMUNE in page.content()
    page.context.clear_cookies()

    login(page, base, "can-bo-tan-phu")
    page.goto(f"{base}/people/")
    rows = page.locator("table tbody tr").all_inner_texts()
    assert rows and all(COMMUNE in row for row in rows), rows[:3]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_menu_fits_one_line_at_1366_px_for_every_role(site, browser, language):  # noqa: F811
    base = site["base"]
    for username in [None, *ROLES]:
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        context.add_cookies([{"name": "django_language", "value": language, "url": base}])
        page = context.new_page()
        if username:
            login(page, base, username)
        page.goto(f"{base}/")
        nav = page.locator("nav.navbar").bounding_box()
        assert nav["height"] <= 64, (language, username, nav)  # one line (two would be ~100 px)
        assert page.evaluate("document.documentElement.scrollWidth") <= 1366
        last = page.locator("nav.navbar .btn").last.bounding_box()  # log-out (or sign-in), right-most
        assert last["x"] + last["width"] <= 1366, (language, username)
        if username:
            assert page.locator("nav.navbar .navbar-text").is_visible()  # the user's name
        context.close()


def test_the_menu_folds_behind_a_toggler_on_a_phone(site, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    login(page, site["base"], "demo-province")
    page.goto(f"{site['base']}/")
    assert page.locator(".navbar-toggler").is_visible()
    assert not page.locator("#nav").is_visible()
    page.locator(".navbar-toggler").click()
    page.locator("#nav").wait_for(state="visible")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
