"""Small pieces every registry's HTML views share."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError

T = TypeVar("T")


def staff_required(view: Callable) -> Callable:
    """Signed-in staff only (administrator, province, counsellor, commune); others get 403."""

    @functools.wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.is_staff_role:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def call_service(form, call: Callable[[], T]) -> T | None:
    """Run the service; its field errors go back onto the form's fields (others to the top of the form)."""
    try:
        return call()
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
        for field, field_messages in errors.items():
            form.add_error(field if field in form.fields else None, field_messages)
        return None
