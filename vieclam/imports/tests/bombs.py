"""Hostile workbooks for the upload tests and bench/upload_limits.py: built by hand, as an attacker would.

`zip_bomb()` is a valid .xlsx of 331 KB whose one sheet unzips to 2.000.000 rows (110 MB of XML):
the repeated row packs a thousand times smaller, as deflate allows.
"""

from __future__ import annotations

import io
import zipfile

__all__ = ("zip_bomb",)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Target="xl/workbook.xml" '
        f'Type="{_DOC}/officeDocument"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets><sheet name="Tin" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" Target="worksheets/sheet1.xml" '
        f'Type="{_DOC}/worksheet"/></Relationships>'
    ),
}


def zip_bomb(rows: int = 2_000_000) -> bytes:
    """An .xlsx whose sheet holds a header and `rows` - 1 rows of one posting title."""
    header = b'<row><c t="inlineStr"><is><t>title</t></is></c></row>'
    row = b'<row><c t="inlineStr"><is><t>K\xe1\xba\xbf to\xc3\xa1n</t></is></c></row>'
    sheet = b"".join((f'<worksheet xmlns="{_MAIN}"><sheetData>'.encode(), header, row * (rows - 1)))
    sheet += b"</sheetData></worksheet>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, xml in _PARTS.items():
            archive.writestr(name, xml)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()
