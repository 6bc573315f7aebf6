"""The door of a job fair on a phone (390×844), in a real browser against a real server.

Chromium's fake camera plays a .y4m video of a registered worker's QR code (drawn here from segno's module matrix,
no image library): the page reads it and checks the worker in. The network then drops: a walk-in registered by
CCCD waits in the page's queue ("chờ gửi"), a reload without network still opens the page (service worker), and
when the network returns the queue is sent. The database then holds exactly one registration per person, each
checked in.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import segno

from vieclam.e2e.test_pickers import shell
from vieclam.e2e.test_walkthrough import CHROMIUM, PASSWORD, site  # noqa: F401  (fixtures)

SETUP = """
import datetime as dt, json
from vieclam.accounts.models import User
from vieclam.core.dates import today
from vieclam.fairs import services
from vieclam.people.services import person_create
officer = User.objects.get(username="demo-commune")
commune = officer.areas.get()
fair = services.fair_create(actor=officer, data={"name": "Phiên giao dịch việc làm tại cửa", "kind": "mobile",
    "held_on": today(), "starts_at": dt.time(0, 0), "ends_at": dt.time(23, 59), "commune": commune,
    "address": "Nhà văn hóa", "capacity": 100})
fair = services.fair_transition(actor=officer, fair=fair, to_status="open")
province = commune.province.code.zfill(3)
person = person_create(actor=officer, data={"full_name": "Đặng Văn Quét", "national_id": province + "085" + "246813",
    "sex": "male", "date_of_birth": dt.date(1985, 3, 1), "residence_commune": commune.code})[0]
registration = services.registration_create(actor=officer, fair=fair, data={"person": person, "channel": "online"})
other = services.fair_create(actor=officer, data={"name": "Phiên tháng Mười", "kind": "centre", "held_on": today(),
    "starts_at": dt.time(0, 0), "ends_at": dt.time(23, 59), "commune": commune, "capacity": 10})
other = services.fair_transition(actor=officer, fair=other, to_status="open")
elsewhere = services.registration_create(actor=officer, fair=other, data={"person": person, "channel": "online"})
print(json.dumps({"fair": fair.pk, "token": registration.token, "nid": person.national_id,
                  "other_token": elsewhere.token, "walk_in_nid": province + "190" + "135790"}))
"""
COUNT = """
import json
from django.db.models import Count
from vieclam.fairs.models import FairRegistration
rows = FairRegistration.objects.filter(fair_id={fair})
print(json.dumps({{"per_person": sorted(rows.values("person__full_name").annotate(n=Count("pk"))
                                        .values_list("person__full_name", "n")),
                  "checked_in": rows.filter(checked_in_at__isnull=False).count(), "total": rows.count()}}))
"""
WIDTH, HEIGHT, SCALE = 640, 480, 8


def write_qr_video(text: str, path: Path, frames: int = 5) -> None:
    """A .y4m (YUV 4:2:0) video of `text`'s QR code, black modules on white, a few identical frames."""
    matrix = segno.make(text, error="m", micro=False).matrix
    size = len(matrix) * SCALE
    left, top = (WIDTH - size) // 2, (HEIGHT - size) // 2
    luma = bytearray(b"\xff" * (WIDTH * HEIGHT))
    for row, modules in enumerate(matrix):
        for col, dark in enumerate(modules):
            if dark:
                for y in range(top + row * SCALE, top + (row + 1) * SCALE):
                    start = y * WIDTH + left + col * SCALE
                    luma[start : start + SCALE] = b"\x00" * SCALE
    chroma = b"\x80" * ((WIDTH // 2) * (HEIGHT // 2) * 2)
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            out.write(b"FRAME\n" + bytes(luma) + chroma)


@pytest.fixture(scope="module")
def world(site):  # noqa: F811
    return json.loads(shell(site, SETUP))


def test_the_door_scans_a_qr_and_registers_a_walk_in_offline_then_syncs_once(site, world, tmp_path):  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    if not Path(CHROMIUM).exists() or not shutil.which(CHROMIUM):
        pytest.skip("Chromium is not installed")
    video = tmp_path / "qr.y4m"
    write_qr_video(world["token"], video)
    base, fair = site["base"], world["fair"]
    args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream", f"--use-file-for-fake-video-capture={video}"]  # fmt: skip
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        context = browser.new_context(viewport={"width": 390, "height": 844}, permissions=["camera"])
        page = context.new_page()
        page.goto(f"{base}/accounts/login/")
        page.fill("#id_username", "demo-commune")
        page.fill("#id_password", PASSWORD)
        page.click("form button.btn-primary")
        page.wait_for_load_state()

        # From the fair's page to its door.
        page.goto(f"{base}/fairs/{fair}/")
        page.click("#fair-door-link")
        page.wait_for_url(f"**/fairs/{fair}/door/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390

        # 1. The camera reads the QR: the registered worker is checked in.
        page.click("#door-camera")
        done = page.locator("#door-results li[data-state=ok]", has_text="Đặng Văn Quét")
        expect(done).to_contain_text("đã đến phiên lúc", timeout=20_000)
        page.click("#door-camera-stop")
        # Typed at the door: the same worker again is no error; a forged code and another fair's code are refused.
        for code in (world["nid"], "x" * 43, world["other_token"]):
            page.fill("#door-code", code)
            page.click("#door-code-form button")
        results = page.locator("#door-results li")
        expect(results.nth(2)).to_contain_text("Đặng Văn Quét đã đến lúc", timeout=10_000)
        expect(results.nth(1)).to_contain_text("Mã QR: mã không hợp lệ")
        expect(results.nth(0)).to_contain_text("của phiên “Phiên tháng Mười”")
        assert page.locator("#door-results li[data-state=error]").count() == 2
        # The service worker has kept the page and its assets for a reload without network.
        page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=10_000)

        # A CCCD of the officer's areas fills the walk-in form from the registry.
        page.fill("#door-national-id", world["nid"])
        expect(page.locator("#door-full-name")).to_have_value("Đặng Văn Quét")
        expect(page.locator("#door-birth-date")).to_have_value("01/03/1985")
        page.evaluate("document.getElementById('door-walk-in').reset()")

        # 2. The network drops: a walk-in by CCCD waits in the queue.
        context.set_offline(True)
        page.fill("#door-national-id", world["walk_in_nid"])
        page.fill("#door-full-name", "Lê Thị Ngoại Tuyến")
        page.locator("#door-birth-date").press_sequentially("15061990")
        assert page.input_value("#door-birth-date") == "15/06/1990"
        page.select_option("#door-sex", "female")
        page.fill("#door-phone", "0987654321")
        page.click("#door-walk-in button")
        expect(page.locator("#door-pending")).to_have_text("1")
        expect(page.locator("#door-results li[data-state=pending]")).to_contain_text("Lê Thị Ngoại Tuyến")
        expect(page.locator("#door-network")).to_contain_text("Mất mạng")
        # A second scan of a bad code is refused on the spot, in Vietnamese, queue untouched.
        page.fill("#door-code", "12345")
        page.click("#door-code-form button")
        expect(page.locator("#door-code-error")).to_contain_text("Số CCCD gồm 12 chữ số")

        # A reload without network still opens the door (from the service worker), with its queue.
        assert page.evaluate("fetch('/').then(() => 'up', () => 'down')") == "down"
        assert page.reload().from_service_worker
        expect(page.locator("#door-pending")).to_have_text("1")

        # 3. The network returns: the queue is sent, once.
        context.set_offline(False)
        expect(page.locator("#door-pending")).to_have_text("0", timeout=20_000)
        synced = page.locator("#door-results li[data-state=ok]", has_text="Lê Thị Ngoại Tuyến")
        expect(synced).to_contain_text("đã đăng ký và ghi nhận đến lúc")
        page.click("#door-send")  # sending again has nothing left to send
        page.screenshot(path=str(site["tmp"] / "door.png"), full_page=True)
        browser.close()

    counts = json.loads(shell(site, COUNT.format(fair=fair)))
    assert counts["per_person"] == [["Lê Thị Ngoại Tuyến", 1], ["Đặng Văn Quét", 1]]
    assert counts["checked_in"] == counts["total"] == 2
