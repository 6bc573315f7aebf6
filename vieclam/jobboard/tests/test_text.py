"""Pure helpers: words, documents, spelling variants, pay text."""

from vieclam.jobboard.display import millions, pay_text
from vieclam.jobboard.text import document, edits1, telex_variants, words


def test_words_are_folded_and_split_on_anything_but_letters_and_digits():
    assert words("Kế toán (MISA) – Đà Nẵng/HN") == ["ke", "toan", "misa", "da", "nang", "hn"]
    assert words("'; DROP TABLE x; --") == ["drop", "table", "x"]
    assert words("<script>alert(1)</script>") == ["script", "alert", "1", "script"]
    assert words(None) == []


def test_document_keeps_each_word_once_with_a_space_before_it():
    assert document(["Kế toán", "Công ty Kế toán Việt", None]) == " ke toan cong ty viet "
    assert document([]) == " "


def test_edits1_holds_the_one_edit_neighbours():
    near = edits1("toam")
    assert {"toan", "tom", "otam", "toamm"} <= near
    assert "toam" not in near and "" not in near


def test_telex_leftovers_are_undone():
    assert telex_variants("toans")[0] == "toan"
    assert telex_variants("kees")[0] == "ke"
    assert "dien" in telex_variants("ddieenj")
    assert "luong" in telex_variants("luwowng")


def test_pay_is_written_in_millions_a_month():
    assert pay_text(pay_min=8_000_000, pay_max=12_000_000) == "8 – 12 triệu đồng/tháng"
    assert pay_text(pay_min=8_500_000, pay_max=None) == "Từ 8,5 triệu đồng/tháng"
    assert pay_text(pay_min=None, pay_max=7_000_000) == "Đến 7 triệu đồng/tháng"
    assert pay_text(pay_min=None, pay_max=None, negotiable=True) == "Thỏa thuận"
    assert pay_text(pay_min=None, pay_max=None, band_label="Lương tháng 5–10 triệu đồng") == (
        "Lương tháng 5–10 triệu đồng"
    )
    assert millions(12_250_000) == "12,25"
