"""Turn a free-text job title into weighted, folded segments for occupation coding.

Job boards pad titles with pay, place, urgency, experience and company names:
'Kế Toán Tổng Hợp - Upto 16tr - Quận 1, HCM', 'NHÂN VIÊN KINH DOANH (NGÀNH TÔN-QUẬN 2)'.
`title_segments()` returns what is left of the job itself, split where boards separate phrases:

1. Text in brackets, and a bracket left open by a truncated title, is an aside (weight ASIDE_WEIGHT).
2. The rest splits at ' - ', '|', '–', '_'; the first segment that keeps any words weighs 1, later ones
   LATER_WEIGHT ('Nhân Viên Kinh Doanh - Sales - Tư Vấn' keeps all three, weighted).
3. Each segment is folded (no diacritics, lower case), abbreviations are spelled out, and pay, experience,
   urgency, work pattern, place names and company names are removed.

Pure functions; the place names come from coding/data/place_names.csv.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from vieclam.core.text import fold

DATA = Path(__file__).resolve().parent / "data"
ASIDE_WEIGHT = 0.35
LATER_WEIGHT = 0.6

_BRACKETS = re.compile(r"[(\[{【]([^)\]}】]*)[)\]}】]")
_OPEN_BRACKET = re.compile(r"[(\[{【]([^)\]}】]*)$")
_SPLIT = re.compile(r"\s+[-_]+\s*|\s*[-_]+\s+|\s*[|–—•:;]\s*|\s*\.{3}|…|\s*!+\s*")
_DOT_SPACE = re.compile(r"\.(?=\s|$)|(?<=\s)\.")
_PUNCT = re.compile(r"[^\w/&#+.]+")

_UNIT = r"(?:trieu|tr|m|k|usd|\$|vnd|vnđ|dong|d|cu|mil|million)"
_NUM = r"\$?\d[\d.,]*\s*" + _UNIT + r"?"
_MONEY = r"\$?\d[\d.,]*\s*" + _UNIT + r"\b(?:\s*(?:dong|vnd|vnđ))?"
_RANGE = rf"(?:{_NUM}\s*(?:-|~|den|toi|to)\s*)?{_MONEY}\+*(?:\s*/\s*(?:thang|th|month|nam|gio|h|ngay|ca))?"
_NOISE = [
    # pay: 'luong cung tu 10-15 trieu/thang', 'thu nhap upto 18 trieu', 'upto 16tr', '$1000', 'luong hap dan'
    rf"\b(?:muc )?(?:luong|thu nhap|tn|income|salary)\b[^/]*?(?:{_RANGE}|\d[\d.,]*(?:\s*-\s*\d[\d.,]*)?)",
    rf"\b(?:tu|tren|den|toi|upto|up to|len den|len toi|toi da|khoang|hon|luong)?\s*{_RANGE}",
    r"\b(?:muc )?(?:luong|thu nhap|dai ngo|phuc loi|che do|thuong|income|salary)"
    r"(?: cung| thuong| co ban| cb| net)*(?: (?:hap dan|cao|tot|canh tranh|khung|hau hinh|xung dang|on dinh|"
    r"ca nhan|lon|khong gioi han|theo nang luc|thoa thuan|attractive|competitive|hot|cung))+",
    r"\b(?:luong|thu nhap)\s*(?:\+|cao)?$",
    r"\b(?:attractive|competitive|good|high) (?:salary|income|package)\b",
    # experience: '2 nam kinh nghiem', 'tu 3-5 nam kn', 'khong yeu cau kinh nghiem', '1+ years of experience'
    r"\b(?:tu |toi thieu |it nhat |tren |duoi |hon |>|<)?\d+(?:[.,]\d+)?\s*(?:\+|-\s*\d+)?\s*(?:nam|thang|years?|yrs?)"
    r"(?: tro len)?(?: (?:kinh nghiem|kn|exp|experience|of experience))?\b",
    r"\b(?:khong|chua|ko|k)(?: can| yeu cau| co| doi hoi)+ (?:kinh nghiem|kn|exp)\b",
    r"\b(?:co|uu tien co|can|yeu cau|no|with)?\s*(?:kinh nghiem|experience|exp)\b",
    r"\b(?:duoc|se duoc|co) dao tao(?: bai ban| tu dau| mien phi)*\b",
    r"\b(?:moi ra truong|sinh vien moi tot nghiep|moi tot nghiep|sinh vien|new grad|fresh graduates?)\b",
    # level and kind of contract say nothing of the occupation: 'thực tập sinh kế toán' is coded as 'kế toán'
    r"\b(?:thuc tap sinh|thuc tap|tts|intern|internship|trainee|hoc viec|tap su|cong tac vien|ctv|freelancers?)\b",
    r"\b(?:senior|junior|middle|mid|fresher|sr|jr|principal|entry level|all levels|level|cap cao)\b",
    # urgency, headcount, schedule
    # 'tuyển' (hiring) only where it opens the title: 'chuyên viên tuyển dụng', 'tuyển sinh' are jobs
    r"\b(?:tuyen gap|can gap|tuyen dung gap|gap|urgent|hot|hot job|hiring|we are hiring)\b",
    r"^\s*(?:can tuyen|tuyen dung|tuyen)\b(?! sinh)",
    r"\b(?:di lam ngay|nhan viec ngay|lam viec ngay|lam ngay|start now|join now)\b",
    r"\b(?:so luong|sl)\s*\d+\b",
    r"^\d+\s+(?=\w)",
    r"\b(?:full ?time|part ?time|fulltime|parttime|ft|pt|ca gay|ca thang|xoay ca|di ca|theo ca|ca dem|ca ngay|"
    r"gio hanh chinh|lam viec tu xa|remote|hybrid|onsite|on site|at office|wfh|thoi vu|hop dong \d+ thang)\b",
    r"\b(?:chi tuyen|uu tien|tuyen)?\s*(?:nam|nu|nam nu|nam/nu|male|female)\b(?!\s*(?:bo|dinh|sach|truc|dan))",
    r"\b(?:co )?(?:xe dua don|xe dua ruoc|ky tuc xa|bao an o|bao an trua|bao an|bao o)\b",
    r"\b(?:nghi|lam|lam viec)?\s*(?:t2|thu 2)?\W*(?:t7|thu 7|t6|thu 6)\W*(?:cn|chu nhat)?\b",
    r"\b(?:kn|exp)\b",
    # places: 'quan 1', 'q.7', 'kcn vsip', 'tai ...', 'khu vuc ...', 'chi nhanh ...'
    r"\b(?:quan|q|huyen|phuong|p|tp|thanh pho|tx|thi xa|district|ward)\s*\.?\s*\d+\b",
    r"\b(?:kcn|khu cong nghiep|ccn|cum cong nghiep)\b(?:\s+\w+){0,2}",
    r"\b(?:khu vuc|kv|dia diem|noi lam viec|lam viec tai)\b",
]
_NOISE_RE = [re.compile(p) for p in _NOISE]
_COMPANY = re.compile(
    r"\b(?:cong ty|cty|tap doan|tong cong ty|ngan hang|company|group|corporation|corp|ltd|jsc|co\.?,? ltd|inc)\b.*$"
)
_COMPANY_HEAD = re.compile(r"^(?:cong ty|cty|tap doan|ngan hang|tong cong ty)\b")
_CODES = re.compile(r"\b[a-z]*\d+[a-z\d.]*\b")  # job reference codes: 'cnlt.548', 'hn01'; keeps 'b2', '3d'
_KEEP_CODES = {"b2", "c1", "c", "d", "e", "fc", "3d", "2d", "b2b", "b2c", "o2o", "5s", "4.0", "c++", "k12", "mc"}


@cache
def _abbreviations() -> tuple[tuple[re.Pattern, str], ...]:
    with (DATA / "abbreviations.csv").open(encoding="utf-8") as handle:
        rows = [(r["short"], r["long"]) for r in csv.DictReader(handle)]
    rows.sort(key=lambda r: -len(r[0]))
    return tuple((re.compile(rf"(?<![\w]){re.escape(short)}(?![\w])"), long) for short, long in rows)


@cache
def _places() -> tuple[re.Pattern, re.Pattern]:
    """(anywhere, after a marker): province names go anywhere, district names only after 'tai', 'quan'…"""
    with (DATA / "place_names.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    wide = sorted((r["name"] for r in rows if r["kind"] != "district"), key=len, reverse=True)
    narrow = sorted((r["name"] for r in rows), key=len, reverse=True)
    anywhere = re.compile(r"\b(?:tai |o |in |at |tp |thanh pho |tinh )?(?:" + "|".join(map(re.escape, wide)) + r")\b")
    marked = re.compile(
        r"\b(?:tai|o|quan|huyen|tp|thanh pho|thi xa|tx|khu vuc|kv|chi nhanh|cn|in|at)\s+(?:"
        + "|".join(map(re.escape, narrow))
        + r")\b"
    )
    return anywhere, marked


@cache
def _district_only() -> re.Pattern:
    with (DATA / "place_names.csv").open(encoding="utf-8") as handle:
        names = sorted((r["name"] for r in csv.DictReader(handle)), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


def names_place(title: str) -> bool:
    """Whether a title names a province, or a district after 'tại', 'quận'…: 'Kế toán tại Long Biên, Hà Nội'."""
    text = fold(title).replace("đ", "d")
    anywhere, marked = _places()
    return bool(anywhere.search(text) or marked.search(text))


def clean_segment(text: str, *, aside: bool = False) -> str:
    """Folded words of one segment with the noise removed; '' when nothing is left."""
    text = fold(text).replace("đ", "d")
    if _COMPANY_HEAD.match(text) or aside and _COMPANY.search(text):
        return ""
    text = _COMPANY.sub(" ", _DOT_SPACE.sub(" ", text))
    for pattern in _NOISE_RE:
        text = pattern.sub(" ", text)
    anywhere, marked = _places()
    text = anywhere.sub(" ", marked.sub(" ", text))
    if aside:
        text = _district_only().sub(" ", text)
    for pattern, long in _abbreviations():
        text = pattern.sub(long, text)
    text = _CODES.sub(lambda m: m.group(0) if m.group(0) in _KEEP_CODES else " ", text)
    words = [w.strip("./&#") for w in _PUNCT.sub(" ", text.replace("/", " / ")).split()]
    words = [w for w in words if w.strip("+/")]
    return " ".join(words)


def title_segments(title: str) -> list[tuple[str, float]]:
    """[(folded words, weight)] for the parts of a job title that name the job; [] for a blank title."""
    if not title:
        return []
    title = title.replace("…", "...")
    asides = [m.group(1) for m in _BRACKETS.finditer(title)]
    main = _BRACKETS.sub(" | ", title)
    opened = _OPEN_BRACKET.search(main)
    if opened:
        asides.append(opened.group(1))
        main = main[: opened.start()]
    segments: list[tuple[str, float]] = []
    for part in _SPLIT.split(main):
        words = clean_segment(part)
        if words:
            segments.append((words, 1.0 if not segments else LATER_WEIGHT))
    for part in asides:
        words = clean_segment(part, aside=True)
        if words:
            segments.append((words, ASIDE_WEIGHT if segments else 1.0))
    return segments


def title_key(title: str) -> str:
    """The cleaned main text of a title: two titles with the same key count as the same title (train/eval split)."""
    segments = title_segments(title)
    return segments[0][0] if segments else fold(title)
