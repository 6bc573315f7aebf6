"""Huyện Phù Yên's loan line ("giải ngân hơn 17 tỷ đồng, với 198 dự án vay vốn, tạo việc làm cho 277 lao động"),
built loan by loan through the services as the officers would enter them, then read back by the catalogue's
indicators, a report of the old district's area and the loan line in words (issue #13, "Done when")."""

import datetime as dt
from decimal import Decimal

import pytest

from vieclam.employers.tests.factories import employer_type, make_employer
from vieclam.indicators.areas import area_for
from vieclam.indicators.engine import Calculator
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period
from vieclam.loans import services
from vieclam.loans.selectors import loan_line_figures, loan_line_text
from vieclam.loans.tests.factories import a_person, step
from vieclam.places.models import AdministrativeUnit
from vieclam.reporting.build import report_build
from vieclam.reporting.kinds import kind_get

pytestmark = pytest.mark.django_db
D = dt.date
YEAR = Period.year(2023)
COMMUNES = ("03910", "03907", "03901")  # Xã Phù Yên, Xã Mường Cơi, Xã Suối Tọ: the old district's communes
# 180 workers borrow 80 triệu each for their own job (14,4 tỷ); 18 household businesses borrow 150 triệu each
# (2,7 tỷ): 17 creating 5 jobs and one creating 12 (97 jobs). 198 loans, 17,1 tỷ, 180 + 97 = 277 workers.
WORKERS, BUSINESSES = 180, 18


def _journey(actor, loan, start: dt.date, amount: int, workers: int) -> None:
    step(actor, loan, "tham_dinh", start + dt.timedelta(days=5))
    step(actor, loan, "phe_duyet", start + dt.timedelta(days=10), amount=amount, term_months=60)
    step(actor, loan, "giai_ngan", start + dt.timedelta(days=15), amount=amount)
    step(actor, loan, "kiem_tra_viec_lam", start + dt.timedelta(days=90), workers=workers)


def test_phu_yens_loan_line_is_counted_from_the_records(cast):
    officer = cast["admin"]
    for i in range(WORKERS + BUSINESSES):
        commune = COMMUNES[i % len(COMMUNES)]
        applied = D(2023, 1, 2) + dt.timedelta(days=i % 150)
        if i < WORKERS:
            data = {"borrower_kind": "nguoi_lao_dong", "person": a_person(officer, commune=commune),
                    "purpose": "Chăn nuôi bò sinh sản", "amount_requested": 80_000_000, "jobs_new": 1}  # fmt: skip
            amount, workers = 80_000_000, 1
        else:
            workers = 12 if i == WORKERS else 5
            business = make_employer(officer, commune_code=commune, name=f"Hộ kinh doanh Phù Yên {i}",
                                     employer_type=employer_type("ho_kinh_doanh"))  # fmt: skip
            data = {"borrower_kind": "ho_kinh_doanh", "employer": business, "purpose": "Mở rộng xưởng chế biến chè",
                    "amount_requested": 150_000_000, "jobs_new": workers}  # fmt: skip
            amount = 150_000_000
        loan = services.loan_create(actor=officer, data={**data, "applied_on": applied,
                                                         "commune_confirmed_on": applied})  # fmt: skip
        _journey(officer, loan, applied, amount, workers)
        assert loan.policy.code.startswith("nd61_")  # applied in 2023: NĐ 61/2015 as amended by NĐ 74/2019

    # The catalogue's figures for the old district's area.
    district = AdministrativeUnit.objects.get(edition="pre_2025_07", level="district", name__endswith="Phù Yên")
    area = area_for(district)
    calc = Calculator(communes=area.commune_ids)
    codes = ("vay_von_du_an_giai_ngan", "vay_von_so_tien_giai_ngan", "vay_von_lao_dong_tao_viec_lam")
    values = [calc.figure(Indicator.objects.get(code=code), YEAR).value for code in codes]
    assert values == [Decimal(198), Decimal(17_100_000_000), Decimal(277)]
    figures = loan_line_figures(period=YEAR, communes=area.commune_ids)
    assert (figures["projects"], figures["billions"], figures["workers"]) == (198, 17, 277)
    assert loan_line_text(period=YEAR, communes=area.commune_ids) == (
        "198 dự án vay vốn, giải ngân hơn 17 tỷ đồng, tạo việc làm cho 277 lao động"
    )

    # The yearly report of training, working abroad and loans prints them.
    kind = kind_get("dao_tao_xkld_vay_von_nam")  # the yearly report of training, working abroad and loans
    document = report_build(kind=kind, area=area, period=YEAR)
    rows = {row[0]: row[2] for row in document.tables[0].rows}
    assert rows["Số dự án vay vốn hỗ trợ tạo việc làm được giải ngân"] == Decimal(198)
    assert rows["Số tiền giải ngân vốn vay hỗ trợ tạo việc làm"] // 1_000_000_000 == 17
    assert rows["Số lao động được tạo việc làm từ vốn vay"] == Decimal(277)
