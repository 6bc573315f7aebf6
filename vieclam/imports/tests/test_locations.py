"""imports.locations: the workplace from the free text of postings, across the 2025 reform."""

import pytest

from vieclam.core.dates import today
from vieclam.imports.locations import PlaceError, PlaceResolver

pytestmark = pytest.mark.django_db


@pytest.fixture
def resolve():
    resolver = PlaceResolver(on=today())

    def call(location="", address="", commune_code=""):
        place = resolver.resolve(location=location, address=address, commune_code=commune_code)
        return (
            place.province.name if place.province else None,
            place.commune.name if place.commune else None,
            place.notes,
            place.many,
        )

    return call


def test_a_topcv_location_gives_the_province_and_commune(resolve):
    assert resolve("Hà Nội: Số 5 Phạm Hùng, Phường Cầu Giấy") == ("Thành phố Hà Nội", "Phường Cầu Giấy", (), False)


@pytest.mark.parametrize("name", ["Ha Noi", "Thành phố Hà Nội", "HN"])
def test_province_names_in_english_full_or_short_are_read(resolve, name):
    assert resolve(name)[0] == "Thành phố Hà Nội"


@pytest.mark.parametrize("name", ["TP.HCM", "TPHCM", "Sài Gòn"])
def test_the_names_people_type_for_ho_chi_minh_city_are_read(resolve, name):
    assert resolve(name)[0] == "Thành phố Hồ Chí Minh"


def test_an_old_province_is_mapped_to_todays(resolve):
    province, commune, notes, _many = resolve("Long An")
    assert (province, commune) == ("Tỉnh Tây Ninh", None)
    assert notes == ("Tỉnh Long An (trước 01/07/2025) nay thuộc Tỉnh Tây Ninh.",)


def test_an_old_ward_is_mapped_through_the_crosswalk(resolve):
    province, commune, notes, _many = resolve("Hà Nội", "Phường Trúc Bạch, Ba Đình")
    assert (province, commune) == ("Thành phố Hà Nội", "Phường Ba Đình")
    assert notes == ("Phường Trúc Bạch (trước 01/07/2025) nay thuộc Phường Ba Đình.",)


def test_an_old_ward_split_between_new_ones_gives_no_commune(resolve):
    """Phường Nhân Chính went to three new wards: no guess."""
    assert resolve("Hà Nội", "Số 108 Khuất Duy Tiến, Phường Nhân Chính, Quận Thanh Xuân")[1] is None


def test_an_old_district_name_is_not_taken_for_the_new_ward_of_that_name(resolve):
    assert resolve("Hà Nội", "Tòa nhà Mitalab, số 76 Giảng Võ, Đống Đa, Hà Nội.")[1] is None


def test_an_old_style_address_is_not_taken_for_a_new_ward_of_the_same_name(resolve):
    """'An Phú, Thủ Đức' was the Thủ Đức An Phú (now split), not today's Phường An Phú (the old Thuận An one)."""
    assert resolve("Hồ Chí Minh", "275 Võ Nguyên Giáp, An Phú, Thủ Đức, Hồ Chí Minh")[1] is None


def test_the_kind_of_unit_is_respected(resolve):
    assert resolve("Tây Ninh", "P. Tân Ninh")[1] == "Phường Tân Ninh"
    assert resolve("Tây Ninh", "Tân Ninh")[1] is None  # also an old Xã Tân Ninh, now in Xã Nhơn Ninh


def test_several_provinces_keep_the_preferred_one_and_say_so():
    resolver = PlaceResolver(on=today(), prefer=lambda unit: unit.code == "01")
    place = resolver.resolve(location="Hải Phòng, Hà Nội")
    assert place.province.code == "01" and place.many


def test_a_commune_code_in_force_or_old_is_used(resolve):
    assert resolve(commune_code="25459")[:2] == ("Tỉnh Tây Ninh", "Phường Tân Ninh")
    province, commune, notes, _many = resolve(commune_code="00001")
    assert commune == "Phường Hồng Hà" and "00001" in notes[0]


def test_an_unknown_commune_code_is_an_error(resolve):
    with pytest.raises(PlaceError, match="Không có đơn vị hành chính mã 99999"):
        resolve(commune_code="99999")


def test_text_naming_no_province_gives_nothing(resolve):
    assert resolve("Remote", "123 Main Street") == (None, None, (), False)


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Bà Rịa-Vũng Tàu", "Thành phố Hồ Chí Minh"),  # spelt without the list's spaces, and merged in 2025
        ("Thừa Thiên Huế", "Thành phố Huế"),  # the name before 01/01/2025
    ],
)
def test_board_spellings_of_old_provinces_are_read(resolve, text, province):
    assert resolve(text)[0] == province


def test_topcv_more_places_is_read_as_several_workplaces(resolve):
    assert resolve("Hà Nội & 2 nơi khác") == ("Thành phố Hà Nội", None, (), True)
