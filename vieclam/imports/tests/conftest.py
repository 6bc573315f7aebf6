"""Fixtures of the imports tests: the fixture files (tests/data, see SOURCES.md) and the employers they name.

The board fixtures are Hà Nội postings, imported by `province_b` (Hà Nội); their employers are registered
beforehand in Phường Ba Đình, as an exchange would have them. The template fixture registers its own employers in
Tây Ninh (old Long An) and is imported by `province_a`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vieclam.employers.tests.factories import make_employer
from vieclam.imports.services import import_batch_run

DATA = Path(__file__).resolve().parent / "data"
HANOI = "00004"  # Phường Ba Đình, Hà Nội (01)
BOARD_EMPLOYERS = (
    "CÔNG TY TNHH DINH THỰ HÀ THÀNH",
    "CÔNG TY TNHH N2K AGENCY",
    "Công ty TNHH hợp tác phát triển sunny international",
    "CÔNG TY CỔ PHẦN DỊCH VỤ ẨM THỰC THÀNH CÔNG",
    "Viettel IDC",
    "Công ty cổ phần Hạ tầng Viễn thông CMC Telecom",
    "TỔNG CÔNG TY BƯU ĐIỆN VIỆT NAM",
    "Công ty Cổ phần Ecoba Việt Nam",
    "Công Ty TNHH Thiết Bị Minh Tâm (Mitalab Co., Ltd)",
    "Công ty cổ phần Lux Decor Việt Nam",
    "Công ty Cổ phần Xây dựng Hợp Lực",
    "Chailease International Leasing Co., Ltd",
    "VSEC",
    "Panasonic Vietnam Group – Panasonic R&D Center Vietnam (PRDCV)",
    "Extreme Việt Nam",
)


def content(name: str) -> bytes:
    return (DATA / name).read_bytes()


@pytest.fixture
def hanoi_employers(cast):
    """The employers of the board fixtures, registered in Phường Ba Đình: {name: Employer}."""
    return {name: make_employer(cast["admin"], name=name, commune_code=HANOI) for name in BOARD_EMPLOYERS}


@pytest.fixture
def run(cast):
    """run(user_name, file_name_or_bytes, filename=…, **options) → ImportReport."""

    def call(user: str, data, *, filename: str | None = None, **options):
        raw = content(data) if isinstance(data, str) else data
        name = filename or (data if isinstance(data, str) else "tin.csv")
        return import_batch_run(actor=cast[user], filename=name, content=raw, **options)

    return call
