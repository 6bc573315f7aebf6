"""The door of a fair: a phone page for staff and volunteers that checks workers in by camera (QR), by a typed CCCD
or phone number, and registers walk-ins; it keeps working offline and sends its queue when the network returns.

The page itself writes nothing: fair-door.js keeps every action in a local queue with a random client key and sends
it to the staff API (POST /api/v1/fair-registrations/check-in/ and /api/v1/fair-registrations/), so a resend after a
lost answer changes nothing. The service worker (`fair_door_sw`, scoped to the door's path) keeps the page and its
assets so that a reload without network still opens it.

`fair_door_lookup` fills the walk-in form from the registry for a CCCD of a person in the officer's areas; for any
other number (unknown, or a person elsewhere) it answers exactly the same empty answer, so the page cannot be used
to find out whose a number is.
"""

from __future__ import annotations

import hashlib
import json

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from vieclam.accounts.scoping import scope_for, scope_queryset
from vieclam.core.audit import audit_read
from vieclam.core.dates import today
from vieclam.core.viewkit import staff_required
from vieclam.fairs import selectors, services
from vieclam.fairs.choices import FairStatus
from vieclam.fairs.models import Fair
from vieclam.people.choices import Sex
from vieclam.people.models import Person
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit

__all__ = ("fair_door", "fair_door_lookup", "fair_door_sw")

# What the service worker keeps for a reload without network (the page itself is added by its own path).
DOOR_ASSETS = (
    "vendor/bootstrap/bootstrap.min.css",
    "css/vieclam.css",
    "favicon.svg",
    "vendor/bootstrap/bootstrap.bundle.min.js",
    "vendor/htmx/htmx.min.js",
    "js/picker.js",
    "vendor/jsqr/jsQR.js",
    "js/fair-door.js",
)
RUNNING = (FairStatus.OPEN, FairStatus.HELD)


def door_closed_reason(fair: Fair) -> str:
    """Why the door of this fair takes nobody today ("" when it is open): the service's own words."""
    if fair.status not in RUNNING:
        return services.CHECK_IN_NOT_RUNNING.format(name=fair.name, status=FairStatus(fair.status).label)
    if today() < fair.held_on:
        return services.CHECK_IN_TOO_EARLY.format(day=date_format(fair.held_on, "d/m/Y"))
    return ""


def door_communes(user, fair: Fair) -> list[AdministrativeUnit]:
    """The communes a walk-in may live in: those of the user's areas in the fair's province, in force today (the
    people services register a person only inside the officer's areas)."""
    rows = AdministrativeUnit.objects.valid_on(today()).filter(
        scope_for(user).units_q(), level=Level.COMMUNE, province_id=fair.commune.province_id
    )
    communes = list(rows.order_by("name").only("pk", "code", "name"))
    if all(unit.pk != fair.commune_id for unit in communes):
        communes.insert(0, fair.commune)
    return communes


def _texts(fair: Fair) -> dict:
    """The messages the page shows by itself (without asking the server), in the user's language."""
    return {
        "tokenUnknown": str(services.TOKEN_UNKNOWN),
        "nothing": str(services.CHECK_IN_NOTHING),
        "badNumber": _("Số CCCD gồm 12 chữ số; số điện thoại gồm 10 chữ số, bắt đầu bằng 0."),
        "badNationalId": _("Số CCCD: phải gồm đúng 12 chữ số."),
        "badPhone": _("Số điện thoại: phải gồm 10 chữ số, bắt đầu bằng 0."),
        "badDate": _("Ngày sinh: ngày không hợp lệ (dd/mm/yyyy)."),
        "nameRequired": _("Họ và tên: trường này bắt buộc."),
        "sexRequired": _("Giới tính: trường này bắt buộc."),
        "communeRequired": _("Xã, phường: trường này bắt buộc."),
        "checkedIn": _("{name} đã đến phiên lúc {time}."),
        "already": _("{name} đã đến lúc {time} (đã ghi nhận trước đó, chỉ tính một lần)."),
        "registered": _("{name}: đã đăng ký và ghi nhận đến lúc {time}."),
        "queued": _("Đã ghi vào hàng chờ: {what}."),
        "walkInOf": _("đăng ký trực tiếp {name}"),
        "scanOf": _("mã QR"),
        "signIn": _("Không gửi được: phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; các mục chờ gửi vẫn được giữ."),
        "serverError": _("Máy chủ đang lỗi; mục này sẽ được gửi lại sau."),
        "cameraError": _("Không mở được camera: {error}. Hãy cho phép trình duyệt dùng camera, hoặc nhập mã bằng tay."),
        "noCamera": _("Trình duyệt này không mở được camera; hãy nhập mã bằng tay."),
        "cameraOn": _("Đưa mã QR vào khung hình."),
        "online": _("Đang có mạng"),
        "offline": _("Mất mạng: vẫn ghi nhận, sẽ gửi khi có mạng trở lại."),
        "filled": _("Đã điền theo hồ sơ có sẵn; hãy đối chiếu với thẻ."),
        "fair": fair.name,
    }


@staff_required
@never_cache
def fair_door(request, pk: int):
    """The door page of a fair in the user's areas (404 otherwise)."""
    fair = selectors.fair_get(viewer=request.user, pk=pk)
    closed = door_closed_reason(fair)
    config = {
        "fair": fair.pk,
        "checkInUrl": reverse("fair-registration-check-in"),
        "registerUrl": reverse("fair-registration-list"),
        "lookupUrl": reverse("fairs:fair_door_lookup", args=[fair.pk]),
        "workerUrl": reverse("fairs:fair_door_sw", args=[fair.pk]),
        "scope": reverse("fairs:fair_door", args=[fair.pk]),
        "walkIns": fair.status == FairStatus.OPEN and not closed,
        "texts": _texts(fair),
    }
    context = {
        "fair": fair,
        "closed": closed,
        "walk_ins": config["walkIns"],
        "communes": door_communes(request.user, fair),
        "sexes": Sex.choices,
        "config": config,
    }
    return render(request, "fairs/door.html", context)


@staff_required
@require_POST
def fair_door_lookup(request, pk: int):
    """POST national_id → the registry's details of that person when they live in the user's areas, else {}.

    The number travels in the body, not the address (addresses end up in logs). Opening the record is audited as
    any reading of a person's record is."""
    fair = selectors.fair_get(viewer=request.user, pk=pk)
    number = "".join((request.POST.get("national_id") or "").split())
    if not (number.isdigit() and len(number) == 12):
        return JsonResponse({"errors": {"national_id": [_("Số CCCD: phải gồm đúng 12 chữ số.")]}}, status=400)
    rows = scope_queryset(Person.objects.select_related("residence_commune"), request.user)
    person = rows.filter(national_id=number).first()
    if person is None:
        return JsonResponse({"person": {}})
    audit_read(actor=request.user, instance=person, area=person.residence_commune)
    found = {
        "full_name": person.full_name,
        "date_of_birth": date_format(person.date_of_birth, "d/m/Y") if person.date_of_birth else "",
        "sex": person.sex or "",
        "phone": person.phone or "",
    }
    communes = {unit.pk for unit in door_communes(request.user, fair)}
    if person.residence_commune_id in communes:
        found["residence_commune"] = person.residence_commune.code
    return JsonResponse({"person": found})


@staff_required
@require_GET
def fair_door_sw(request, pk: int):
    """The door's service worker, served under the door's path so that its scope is the door page alone."""
    fair = selectors.fair_get(viewer=request.user, pk=pk)
    door = reverse("fairs:fair_door", args=[fair.pk])
    assets = [door, *(static(path) for path in DOOR_ASSETS)]
    version = f"vieclam-door-{fair.pk}-" + hashlib.sha256(json.dumps(assets).encode()).hexdigest()[:12]
    script = SERVICE_WORKER.replace("__ASSETS__", json.dumps(assets)).replace("__CACHE__", json.dumps(version))
    script = script.replace("__DOOR__", json.dumps(door))
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


# Network first for the page (fresh CSRF token and fair state when online), the cache when offline; the assets from
# the cache first (their URLs change with their content in production). Only GETs are cached; the API's POSTs go to
# the network and fail offline, which the page's queue expects.
SERVICE_WORKER = """\
"use strict";
const CACHE = __CACHE__;
const ASSETS = __ASSETS__;
const DOOR = __DOOR__;
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((key) => key.startsWith("vieclam-door-") && key !== CACHE && key.split("-")[2] === CACHE.split("-")[2])
      .map((key) => caches.delete(key))
  )).then(() => self.clients.claim()));
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === DOOR) {
    event.respondWith(fetch(request).then((response) => {
      if (response.ok && !response.redirected) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(DOOR, copy));
      }
      return response;
    }).catch(() => caches.match(DOOR).then((cached) => cached || Response.error())));
    return;
  }
  if (ASSETS.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((cached) => cached || fetch(request)));
  }
});
"""
