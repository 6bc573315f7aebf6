"""Pickers, money and dates in a real browser: what an officer types is what the system reads.

A commune officer adds a household member by typing a CCCD in the picker; a province officer posts a vacancy with
the pay typed "7 triệu", the employer and occupation picked by name and the workplace commune with the keyboard
alone (arrows, Enter, Escape); a worker whose browser speaks
en-US types the birth date dd/mm/yyyy (a type=date box would have shown mm/dd/yyyy).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from vieclam.e2e.test_walkthrough import browser, login, site  # noqa: F401  (fixtures)

SETUP = """
import datetime as dt, json
from vieclam.accounts.models import User
from vieclam.people.models import Person
from vieclam.people.services import household_create, person_create
officer = User.objects.get(username="demo-commune")
commune = officer.areas.get()
household = household_create(actor=officer, commune=commune.code, head_name="Hộ Kiểm Thử")
province = commune.province.code.zfill(3)
nid = province + "085" + "246813"
person = person_create(actor=officer, data={"full_name": "Đặng Văn Kiểm", "national_id": nid, "sex": "male",
    "date_of_birth": dt.date(1985, 3, 1), "residence_commune": commune.code})[0]
print(json.dumps({"household": household.pk, "nid": nid, "person": person.pk, "commune": commune.name}))
"""


def shell(where, code: str) -> str:
    """Run Python in the e2e site's database; the last printed line is returned."""
    env = {"VIECLAM_VAR_DIR": str(where["tmp"]), "DATABASE_URL": f"sqlite:///{where['tmp']}/e2e.sqlite3"}
    out = subprocess.run([sys.executable, "-m", "vieclam", "shell", "-c", code], env={**os.environ, **env},
                         check=True, capture_output=True, text=True)  # fmt: skip
    return out.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def world(site):  # noqa: F811
    return json.loads(shell(site, SETUP))


def pick(page, name: str, text: str) -> None:
    """Type into a picker and click its first option; the hidden value is then set."""
    page.locator(f"#id_{name}_label").press_sequentially(text, delay=30)
    option = page.locator(f"#id_{name}_options button").first
    option.wait_for(state="visible", timeout=5000)
    option.click()
    assert page.input_value(f"#id_{name}") != ""


def settle(page) -> None:
    """Let the picker's debounced request (250 ms after the last key) go out and come back."""
    page.wait_for_timeout(400)
    page.wait_for_function("!document.querySelector('.htmx-request')")


def pick_by_keyboard(page, name: str, text: str) -> str:
    """Type into a picker, close its list with Escape, open it again with ArrowDown, move to the second option and
    back up, and choose with Enter; the keyboard alone sets the hidden value. Returns the label chosen."""
    box, options = page.locator(f"#id_{name}_label"), page.locator(f"#id_{name}_options [role=option]")
    box.press_sequentially(text, delay=30)
    settle(page)
    options.first.wait_for(state="visible", timeout=5000)
    assert box.get_attribute("aria-expanded") == "true"
    box.press("Escape")
    assert options.count() == 0 and box.get_attribute("aria-expanded") == "false"
    box.press("ArrowDown")
    settle(page)
    options.first.wait_for(state="visible", timeout=5000)
    box.press("ArrowDown")
    if options.count() > 1:
        box.press("ArrowDown")
        assert box.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
        box.press("ArrowUp")
    first = options.first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    label = first.get_attribute("data-label")
    value = first.get_attribute("data-value")
    box.press("Enter")
    assert page.input_value(f"#id_{name}") == value and box.input_value() == label
    assert options.count() == 0 and box.get_attribute("aria-expanded") == "false"
    return label or ""


def test_commune_officer_adds_a_household_member_by_typing_a_cccd(site, browser, world):  # noqa: F811
    page = browser.new_page()
    login(page, site["base"], "demo-commune")
    page.goto(f"{site['base']}/people/households/{world['household']}/")
    pick(page, "person", world["nid"])
    assert page.input_value("#id_person_label") == "Đặng Văn Kiểm"
    page.select_option("#id_relationship", "head")
    page.get_by_role("button", name="Thêm", exact=True).click()
    page.wait_for_load_state()
    assert "Đã thêm Đặng Văn Kiểm vào hộ" in page.content()
    page.close()


def test_vacancy_pay_typed_as_7_trieu_is_saved(site, browser, world):  # noqa: F811
    page = browser.new_page()
    login(page, site["base"], "demo-province")
    page.goto(f"{site['base']}/vacancies/new/")
    page.fill("#id_title", "Thợ may công nghiệp")
    pick(page, "employer", "cong ty")
    pick(page, "occupation", "may")
    page.fill("#id_positions_count", "3")
    assert pick_by_keyboard(page, "workplace_commune", world["commune"]).startswith(world["commune"])
    page.fill("#id_pay_min", "7 triệu")
    page.fill("#id_pay_max", "7,5tr")
    page.get_by_role("button", name="Lưu").first.click()
    page.wait_for_load_state()
    content = page.content()
    assert "/vacancies/new/" not in page.url, content
    assert "7.000.000" in content and "7.500.000" in content
    page.close()


def test_worker_types_a_birth_date_day_first_in_an_en_us_browser(site, browser):  # noqa: F811
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(f"{site['base']}/applications/register/worker/")
    assert page.get_attribute("#id_date_of_birth", "type") == "text"
    assert page.get_attribute("#id_date_of_birth", "placeholder") == "dd/mm/yyyy"
    page.fill("#id_password1", "mot-mat-khau-an-toan-2026")
    page.fill("#id_password2", "mot-mat-khau-an-toan-2026")
    page.fill("#id_full_name", "Võ Thị Mai")
    page.fill("#id_national_id", "072196001234")
    page.locator("#id_date_of_birth").press_sequentially("12/04/1996")
    page.select_option("#id_sex", "female")
    page.select_option("#id_residence_commune", index=1)
    page.click("form button[type=submit], form button.btn-primary")
    page.wait_for_load_state()
    born = shell(site, "from vieclam.people.models import Person; print(Person.objects.get(full_name='Võ Thị Mai')"
                       ".date_of_birth.isoformat())")  # fmt: skip
    assert born == "1996-04-12"
    context.close()
