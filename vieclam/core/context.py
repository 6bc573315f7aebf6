"""Which channel a change came through (UI, API, import, command), kept for the audit trail."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from vieclam.core.choices import Channel

_channel: contextvars.ContextVar[str] = contextvars.ContextVar("vieclam_channel", default=Channel.SYSTEM)


def current_channel() -> str:
    return _channel.get()


@contextlib.contextmanager
def channel(value: str) -> Iterator[None]:
    token = _channel.set(value)
    try:
        yield
    finally:
        _channel.reset(token)
