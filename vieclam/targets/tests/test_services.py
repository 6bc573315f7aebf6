"""target_set, target_allocate and target_revise: what they write, what they refuse (writing nothing), the audit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from vieclam.core.models import AuditEvent
from vieclam.places.choices import Level
from vieclam.targets.choices import TargetKind
from vieclam.targets.models import Target, TargetRevision
from vieclam.targets.services import target_allocate, target_revise, target_set
from vieclam.targets.tests.factories import (
    RATE,
    commune_a,
    commune_b,
    indicator,
    old_an_phu,
    other_commune_a,
    province_a,
    province_b,
)

pytestmark = pytest.mark.django_db


def audits(target: Target) -> list[AuditEvent]:
    ct = ContentType.objects.get_for_model(Target)
    return list(AuditEvent.objects.filter(content_type=ct, object_id=str(target.pk)).order_by("pk"))


def refused(call, match: str) -> None:
    before = (Target.objects.count(), TargetRevision.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as exc:
        call()
    assert any(match in m for m in exc.value.messages), exc.value.messages
    assert (Target.objects.count(), TargetRevision.objects.count(), AuditEvent.objects.count()) == before


def province_target(cast, value="7125", **kwargs):
    return target_set(actor=cast["province_a"], indicator=indicator(), area=province_a(), year=2026, value=value,
                      **kwargs)  # fmt: skip


class TestTargetSet:
    def test_a_year_target_is_written_with_its_audit(self, cast):
        target = province_target(cast, note="Nghị quyết HĐND")
        assert (target.kind, target.year_from, target.year_to) == (TargetKind.YEAR, 2026, 2026)
        assert target.value == target.original_value == Decimal("7125")
        assert target.created_by == cast["province_a"]
        [event] = audits(target)
        assert event.action == "create" and event.actor == cast["province_a"]

    def test_a_plan_covers_several_years(self, cast):
        target = target_set(actor=cast["admin"], indicator=indicator(), area=province_a(), years=(2021, 2025),
                            value=30000)  # fmt: skip
        assert target.kind == TargetKind.PLAN and target.years_label == "2021–2025"

    def test_an_indicator_can_be_named_by_its_code(self, cast):
        target = target_set(actor=cast["admin"], indicator="giai_quyet_viec_lam", area=commune_a(), year=2026, value=5)
        assert target.indicator.code == "giai_quyet_viec_lam"

    def test_a_pre_2025_unit_takes_a_target_for_its_years_and_is_seen_from_the_province_in_force(self, cast):
        target = target_set(actor=None, indicator=indicator(), area=old_an_phu(), years=(2021, 2025), value=5014)
        assert target.scope_area.level == Level.PROVINCE and target.scope_area.edition == "post_2025_07"
        assert target.scope_area.name.endswith("An Giang")

    def test_an_unknown_indicator_is_refused(self, cast):
        refused(lambda: target_set(actor=cast["admin"], indicator="khong_co", area=commune_a(), year=2026, value=1),
                "Không có chỉ tiêu “khong_co”")  # fmt: skip

    def test_years_in_the_wrong_order_are_refused(self, cast):
        refused(lambda: target_set(actor=cast["admin"], indicator=indicator(), area=province_a(), years=(2027, 2026),
                                   value=1), "Năm bắt đầu (2027) sau năm kết thúc (2026).")  # fmt: skip

    def test_a_negative_value_is_refused(self, cast):
        refused(lambda: province_target(cast, value="-5"), "không được âm")

    def test_a_value_that_is_not_a_number_is_refused(self, cast):
        refused(lambda: province_target(cast, value="nhiều"), "không phải là số")

    def test_a_unit_that_no_longer_existed_is_refused(self, cast):
        refused(lambda: target_set(actor=None, indicator=indicator(), area=old_an_phu(), year=2026, value=1),
                "An Phú không tồn tại trong năm 2026")  # fmt: skip

    def test_a_2025_commune_did_not_exist_in_2024(self, cast):
        refused(lambda: target_set(actor=cast["admin"], indicator=indicator(), area=commune_a(), year=2024, value=1),
                "không tồn tại trong năm 2024 (hiệu lực 01/07/2025 – …)")  # fmt: skip

    def test_a_duplicate_is_refused(self, cast):
        province_target(cast)
        refused(lambda: province_target(cast, value=1), "đã có chỉ tiêu")

    def test_commune_officers_and_counsellors_may_not_set_targets(self, cast):
        for who in ("commune_a", "counsellor_a"):
            refused(lambda who=who: target_set(actor=cast[who], indicator=indicator(), area=commune_a(), year=2026,
                                               value=1), "Chỉ cán bộ cấp tỉnh")  # fmt: skip

    def test_a_province_officer_may_not_set_another_provinces_target(self, cast):
        refused(lambda: target_set(actor=cast["province_a"], indicator=indicator(), area=province_b(), year=2026,
                                   value=1), "nằm ngoài địa bàn của bạn")  # fmt: skip


class TestTargetAllocate:
    def test_shares_become_commune_targets_under_the_province_target(self, cast):
        parent = province_target(cast)
        shares = target_allocate(
            actor=cast["province_a"],
            target=parent,
            shares={commune_a(): "5014", other_commune_a().pk: 2000, commune_b().pk: ""},
        )
        # an empty value leaves the commune out
        assert sorted(s.value for s in shares) == [Decimal(2000), Decimal(5014)]
        assert all(s.parent == parent and s.year_from == 2026 and s.scope_area == s.area for s in shares)
        assert audits(parent)[-1].changes == {
            commune_a().name: [None, "5014.00"],
            other_commune_a().name: [None, "2000.00"],
        }

    def test_an_allocation_over_the_province_value_is_refused(self, cast):
        parent = province_target(cast)
        refused(lambda: target_allocate(actor=cast["province_a"], target=parent,
                                        shares={commune_a(): 5300, other_commune_a(): 2000}),
                "Tổng phân bổ 7.300 vượt chỉ tiêu của tỉnh 7.125.")  # fmt: skip

    def test_existing_shares_count_towards_the_total(self, cast):
        parent = province_target(cast)
        target_allocate(actor=cast["province_a"], target=parent, shares={commune_a(): 5300})
        refused(lambda: target_allocate(actor=cast["province_a"], target=parent, shares={other_commune_a(): 2000}),
                "Tổng phân bổ 7.300 vượt")  # fmt: skip

    def test_changing_a_share_keeps_its_original(self, cast):
        parent = province_target(cast)
        [share] = target_allocate(actor=cast["province_a"], target=parent, shares={commune_a(): 5000})
        target_allocate(actor=cast["province_a"], target=parent, shares={commune_a(): 4000})
        share.refresh_from_db()
        assert (share.value, share.original_value) == (Decimal(4000), Decimal(5000))
        assert [(r.old_value, r.new_value) for r in share.revisions.all()] == [(Decimal(5000), Decimal(4000))]

    def test_a_percentage_is_a_value_per_commune_without_a_sum(self, cast):
        parent = target_set(actor=cast["province_a"], indicator=indicator(RATE), area=province_a(), year=2026,
                            value="2.5")  # fmt: skip
        shares = target_allocate(actor=cast["province_a"], target=parent, shares={commune_a(): 2, other_commune_a(): 2})
        assert len(shares) == 2

    def test_a_commune_of_another_province_is_refused(self, cast):
        parent = target_set(actor=cast["admin"], indicator=indicator(), area=province_a(), year=2026, value=100)
        refused(lambda: target_allocate(actor=cast["admin"], target=parent, shares={commune_b(): 1}),
                "không phải là xã, phường của")  # fmt: skip

    def test_a_negative_share_is_refused(self, cast):
        parent = province_target(cast)
        refused(lambda: target_allocate(actor=cast["province_a"], target=parent, shares={commune_a(): -1}),
                "không được âm")  # fmt: skip

    def test_only_a_province_target_is_allocated(self, cast):
        commune = target_set(actor=cast["admin"], indicator=indicator(), area=commune_a(), year=2026, value=100)
        refused(lambda: target_allocate(actor=cast["admin"], target=commune, shares={other_commune_a(): 1}),
                "Chỉ phân bổ được chỉ tiêu của tỉnh")  # fmt: skip

    def test_a_commune_officer_may_not_allocate(self, cast):
        parent = province_target(cast)
        refused(lambda: target_allocate(actor=cast["commune_a"], target=parent, shares={commune_a(): 1}),
                "Chỉ cán bộ cấp tỉnh")  # fmt: skip


class TestTargetRevise:
    def test_a_revision_keeps_the_original_and_is_audited(self, cast):
        target = province_target(cast)
        target_revise(actor=cast["province_a"], target=target, value="7500", reason="Nghị quyết điều chỉnh")
        target.refresh_from_db()
        assert (target.value, target.original_value) == (Decimal(7500), Decimal(7125))
        [revision] = target.revisions.all()
        assert (revision.old_value, revision.new_value, revision.reason) == (
            Decimal(7125),
            Decimal(7500),
            "Nghị quyết điều chỉnh",
        )
        assert revision.actor == cast["province_a"]
        assert audits(target)[-1].changes == {"value": ["7125.00", "7500.00"], "lý do": "Nghị quyết điều chỉnh"}

    def test_a_revision_without_a_reason_is_refused(self, cast):
        target = province_target(cast)
        refused(lambda: target_revise(actor=cast["province_a"], target=target, value=7500, reason="  "),
                "Nhập lý do điều chỉnh")  # fmt: skip

    def test_a_province_value_below_its_shares_is_refused(self, cast):
        target = province_target(cast)
        target_allocate(actor=cast["province_a"], target=target, shares={commune_a(): 5000})
        refused(lambda: target_revise(actor=cast["province_a"], target=target, value=4000, reason="giảm"),
                "Đã phân bổ cho các xã 5.000, lớn hơn giá trị mới 4.000.")  # fmt: skip

    def test_a_share_raised_over_the_province_is_refused(self, cast):
        target = province_target(cast)
        [share] = target_allocate(actor=cast["province_a"], target=target, shares={commune_a(): 5000})
        refused(lambda: target_revise(actor=cast["province_a"], target=share, value=7300, reason="tăng"),
                "Tổng phân bổ 7.300 vượt chỉ tiêu của tỉnh 7.125.")  # fmt: skip

    def test_a_commune_officer_may_not_revise(self, cast):
        target = province_target(cast)
        refused(lambda: target_revise(actor=cast["commune_a"], target=target, value=1, reason="x"), "Chỉ cán bộ")
