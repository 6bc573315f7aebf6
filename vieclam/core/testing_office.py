"""Tests open our downloads the way a reader does: LibreOffice converts an Excel file (to PDF or CSV, as it shows
the cells), poppler renders a PDF's first page. `require_office` skips such a test only where LibreOffice is not
installed (.ci/run installs it, with poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

__all__ = ("OFFICE_TIMEOUT", "libreoffice_convert", "pdf_first_page_png", "require_office")

OFFICE_TIMEOUT = 180  # seconds; a cold LibreOffice start on a busy machine takes tens of them

require_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def libreoffice_convert(path: Path | str, to: str) -> Path:
    """`path` converted by LibreOffice to `to` ("pdf", "csv", or a filter spec such as
    'csv:Text - txt - csv (StarCalc):44,34,76,1'); the new file lies beside `path`. A profile of its own in a
    temporary folder, so parallel runs and a user's LibreOffice never share one."""
    source = Path(path)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        completed = subprocess.run(
            [
                shutil.which("soffice") or "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                to,
                "--outdir",
                str(source.parent),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=OFFICE_TIMEOUT,
            check=False,
        )
    target = source.with_suffix("." + to.split(":", 1)[0])
    if completed.returncode != 0 or not target.exists():
        raise RuntimeError(f"LibreOffice could not convert {source.name}: {completed.stdout} {completed.stderr}")
    return target


def pdf_first_page_png(pdf: Path | str) -> Path:
    """The first page of `pdf` rendered to a PNG beside it (pdftoppm, 50 dpi)."""
    source = Path(pdf)
    stem = source.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(source), str(stem)],
        capture_output=True,
        timeout=OFFICE_TIMEOUT,
        check=True,
    )
    return stem.with_suffix(".png")
