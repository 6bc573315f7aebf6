"""Job-creation loans in the demo province's history (loans app): each year loans to workers (for their own work)
and to household businesses and a few small enterprises of the province, each with its dated steps in order
(application confirmed by the commune → appraisal → approval or, for a few, refusal → disbursement, sometimes in two
tranches → the check of the jobs created, naming the persons for some → repaid, or overdue). Amounts stay within
the ceilings in force on the day of application (loans/data/policies.csv, read from the database) and are checked
with the services' own rule (loans.services.ceiling_problem); the rate is the one the approval service would set.

Rates (Phù Yên: "giải ngân hơn 17 tỷ đồng, với 198 dự án vay vốn, tạo việc làm cho 277 lao động" for about
100.000 inhabitants): about 2.000 loans per 1.000.000 inhabitants and year, 85 triệu đồng on average, 1,4 workers a
loan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from random import Random

from vieclam.connections.rules import add_months
from vieclam.demo.journeys import Adult, Context, day_between, moment, per_year
from vieclam.loans.models import LoanPolicy, PriorityGroup
from vieclam.loans.services import ceiling_problem

START = dt.date(2024, 1, 1)
LOANS_PER_YEAR = 2_000
KIND_SHARES = (["nguoi_lao_dong", "ho_kinh_doanh", "doanh_nghiep"], [75, 22, 3])
REJECTED_SHARE = 0.05
TWO_TRANCHES = 0.15
CHECKED_SHARE = 0.75  # of the disbursed loans whose check is due, checked
NAMED_SHARE = 0.6  # of the checks, naming the persons
OVERDUE_SHARE = 0.03
REPAID_EARLY_SHARE = 0.05
MILLION = 1_000_000

LOAN_COLUMNS = ["id", "borrower_kind", "person_id", "employer_id", "commune_id", "purpose", "amount_requested",
                "jobs_new", "jobs_kept", "priority_group_id", "applied_on", "commune_confirmed_on", "policy_id",
                "status", "status_on", "approved_amount", "term_months", "interest_rate", "disbursed_amount",
                "disbursed_on", "jobs_created", "note", "recorded_by_id", "created_at", "updated_at"]  # fmt: skip
EVENT_COLUMNS = ["id", "loan_id", "kind", "on", "amount", "term_months", "interest_rate", "workers", "note",
                 "recorded_by_id", "recorded_at"]  # fmt: skip
JOB_PERSON_COLUMNS = ["id", "jobs_check_id", "person_id"]
PURPOSES = {
    "nguoi_lao_dong": ["Mua bò giống để chăn nuôi", "Mua máy may để nhận hàng gia công", "Mở tiệm sửa xe máy",
                       "Cải tạo ao nuôi cá", "Mua máy cày phục vụ làm dịch vụ", "Mở quán ăn sáng",
                       "Trồng cây ăn quả"],
    "ho_kinh_doanh": ["Mở rộng xưởng may gia công", "Mua thêm máy móc chế biến nông sản", "Mở rộng cơ sở làm bánh",
                      "Mở rộng trang trại chăn nuôi heo"],
    "doanh_nghiep": ["Mở rộng dây chuyền sản xuất", "Đầu tư nhà xưởng mới"],
}  # fmt: skip
# The step kinds and the status each leaves the loan in (loans.choices.TRANSITIONS).
STATUS_AFTER = {"tham_dinh": "da_tham_dinh", "phe_duyet": "da_phe_duyet", "tu_choi": "tu_choi",
                "giai_ngan": "da_giai_ngan", "qua_han": "qua_han", "tra_het_no": "da_tra_no"}  # fmt: skip


@dataclass
class LoanRows:
    loans: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    job_persons: list[tuple] = field(default_factory=list)


class LoanGenerator:
    def __init__(self, ctx: Context, *, rng: Random, employers: list[tuple], type_codes: dict[int, str]) -> None:
        """employers: the demo's employers (EMPLOYER_COLUMNS); type_codes: employer type id -> its code."""
        self.ctx, self.rng = ctx, rng
        local = [e for e in employers if e[6] in ctx.communes]
        self.businesses = {
            "ho_kinh_doanh": [e for e in local if type_codes.get(e[4]) == "ho_kinh_doanh"],
            "doanh_nghiep": [
                e for e in local if type_codes.get(e[4]) in ("dn_ngoai_nha_nuoc", "dn_nha_nuoc", "dn_fdi")
            ],
        }
        self.policies = sorted(LoanPolicy.objects.all(), key=lambda p: p.valid_from or dt.date.min, reverse=True)
        self.groups = list(PriorityGroup.objects.order_by("order", "code"))
        self.workers: dict[int, list[Adult]] = {}  # commune -> adults an establishment may hire
        self.out = LoanRows()

    def generate(self) -> LoanRows:
        ctx, rng = self.ctx, self.rng
        borrowers = [a for a in ctx.adults if 18 <= a.age_on(ctx.today) <= 62]
        if not borrowers or not self.policies:
            return self.out
        for year in range(START.year, ctx.today.year + 1):
            last = min(dt.date(year, 12, 31), ctx.today - dt.timedelta(days=3))
            for _ in range(per_year(LOANS_PER_YEAR, ctx.scale)):
                applied = day_between(rng, dt.date(year, 1, 2), last)
                if applied > last:
                    continue
                kind = rng.choices(*KIND_SHARES)[0]
                if kind != "nguoi_lao_dong" and not self.businesses[kind]:
                    kind = "nguoi_lao_dong"
                self._loan(kind, applied, borrowers)
        return self.out

    def _policy(self, kind: str, day: dt.date) -> LoanPolicy | None:
        """loans.services.policy_on without a query a loan."""
        return next((p for p in self.policies if p.borrower_kind == kind and p.is_valid_on(day)), None)

    def _group(self, adult: Adult | None, day: dt.date) -> PriorityGroup | None:
        """A worker's priority group, when the record shows one of the decree's (disability; from 2026 also an ethnic
        minority of a poor household)."""
        if adult is None:
            return None
        household = self.ctx.households.get(adult.household_id) if adult.household_id else None
        minority = self.ctx.ethnic_codes.get(adult.ethnicity_id or 0, "01") != "01"
        poor = household is not None and household.poverty_class == "poor"
        for group in self.groups:
            if group.applies_to != "person" or not group.is_valid_on(day):
                continue
            if "khuyet_tat" in group.code and "nguoi_khuyet_tat" in adult.groups:
                return group
            if group.code == "nd338_dtts_ho_ngheo" and minority and poor:
                return group
        return None

    def _amount(self, kind: str, jobs: int, policy: LoanPolicy) -> int:
        rng = self.rng
        if kind == "nguoi_lao_dong":
            amount = rng.choice([40, 50, 50, 60, 70, 80, 80, 90, 100, 100]) * MILLION
        else:
            amount = jobs * rng.choice([30, 40, 50, 50, 60, 80]) * MILLION
        amount = min(amount, policy.max_amount)
        if policy.max_per_job and kind != "nguoi_lao_dong":
            amount = min(amount, policy.max_per_job * jobs)
        return amount

    def _loan(self, kind: str, applied: dt.date, borrowers: list[Adult]) -> None:
        ctx, rng = self.ctx, self.rng
        policy = self._policy(kind, applied)
        if policy is None:
            return
        adult, employer = None, None
        if kind == "nguoi_lao_dong":
            adult = rng.choice(borrowers)
            commune, jobs_new, jobs_kept = adult.commune_id, 1, 0
        else:
            employer = rng.choice(self.businesses[kind])
            commune = employer[6]
            jobs_new = rng.choices([1, 2, 3, 4], [35, 35, 20, 10])[0]
            jobs_kept = rng.choices([0, 1, 2], [60, 30, 10])[0]
        jobs = max(jobs_new + jobs_kept, 1)
        amount = self._amount(kind, jobs, policy)
        assert ceiling_problem(policy=policy, kind=kind, amount=amount, jobs=jobs) is None
        group = self._group(adult, applied)
        loan_id = ctx.next("loan")
        recorder = ctx.recorder(loan_id)
        confirmed = applied + dt.timedelta(days=rng.randint(0, 7))
        confirmed_on = confirmed if confirmed <= ctx.today else None
        steps: list[tuple[str, dt.date, int | None, int | None, object, int | None, str]] = []
        day = confirmed
        state = {"status": "da_nop", "status_on": applied, "approved": None, "term": None, "rate": None,
                 "disbursed": 0, "disbursed_on": None, "jobs": None}  # fmt: skip

        def step(kind_: str, gap: tuple[int, int] = (0, 0), *, at: dt.date | None = None, **values) -> bool:
            """The next step, `gap` days after the last (or on `at`); False when that is after today."""
            nonlocal day
            on = at or day + dt.timedelta(days=rng.randint(*gap))
            if on > ctx.today:
                return False
            day = on
            steps.append((kind_, on, values.get("amount"), values.get("term"), values.get("rate"),
                          values.get("workers"), values.get("note", "")))  # fmt: skip
            if kind_ in STATUS_AFTER:
                state["status"], state["status_on"] = STATUS_AFTER[kind_], on
            return True

        if step("tham_dinh", (5, 15)):
            if rng.random() < REJECTED_SHARE:
                step("tu_choi", (3, 10), note="Phương án sản xuất kinh doanh chưa khả thi")
            else:
                approved = amount if rng.random() < 0.8 else max(10 * MILLION, amount * 8 // 10 // MILLION * MILLION)
                term = rng.choice([24, 36, 36, 48, 60])
                rate = policy.priority_rate if group is not None else policy.annual_rate
                if step("phe_duyet", (3, 10), amount=approved, term=term, rate=rate):
                    state.update(approved=approved, term=term, rate=rate)
                    self._disbursed(step, state, approved, term, jobs)
        loan_row_steps = steps
        created = moment(rng, applied)
        last_day = max([applied, *(s[1] for s in loan_row_steps)])
        updated = max(created, moment(rng, last_day))
        self.out.loans.append((loan_id, kind, adult.id if adult else None, employer[0] if employer else None, commune,
                               rng.choice(PURPOSES[kind]), amount, jobs_new, jobs_kept, group.pk if group else None,
                               applied, confirmed_on, policy.pk, state["status"], state["status_on"],
                               state["approved"], state["term"], state["rate"], state["disbursed"],
                               state["disbursed_on"], state["jobs"], "", recorder, created, updated))  # fmt: skip
        for kind_, on, step_amount, step_term, step_rate, workers, note in loan_row_steps:
            event_id = ctx.next("loan_event")
            at = max(created, moment(rng, on))
            self.out.events.append((event_id, loan_id, kind_, on, step_amount, step_term, step_rate, workers, note,
                                    recorder, at))  # fmt: skip
            if kind_ == "kiem_tra_viec_lam" and workers:
                for person_id in self._named(adult, commune, workers):
                    self.out.job_persons.append((ctx.next("loan_job_person"), event_id, person_id))

    def _disbursed(self, step, state: dict, approved: int, term: int, jobs: int) -> None:
        rng = self.rng
        first = approved if rng.random() >= TWO_TRANCHES else approved // 2 // MILLION * MILLION
        if not step("giai_ngan", (2, 10), amount=first):
            return
        state["disbursed"], state["disbursed_on"] = first, state["status_on"]
        if first < approved and step("giai_ngan", (30, 60), amount=approved - first):
            state["disbursed"] = approved
        disbursed_on = state["disbursed_on"]
        checked = rng.random() < CHECKED_SHARE
        check_day = disbursed_on + dt.timedelta(days=rng.randint(90, 240))
        ending: list[tuple[str, dt.date]] = []
        roll = rng.random()
        if roll < OVERDUE_SHARE:
            ending.append(("qua_han", disbursed_on + dt.timedelta(days=rng.randint(180, 540))))
        elif roll < OVERDUE_SHARE + REPAID_EARLY_SHARE:
            ending.append(("tra_het_no", disbursed_on + dt.timedelta(days=rng.randint(365, 720))))
        elif add_months(disbursed_on, term) <= self.ctx.today:
            ending.append(("tra_het_no", add_months(disbursed_on, term)))
        later = sorted(([("kiem_tra_viec_lam", check_day)] if checked else []) + ending, key=lambda s: s[1])
        for kind_, on in later:
            if kind_ == "kiem_tra_viec_lam":
                workers = jobs if rng.random() < 0.85 else max(0, jobs - 1)
                if step(kind_, at=on, workers=workers):
                    state["jobs"] = workers
            elif not step(kind_, at=on):
                break

    def _named(self, adult: Adult | None, commune: int, workers: int) -> list[int]:
        """The persons a check names, for some checks: the borrowing worker; for an establishment, adults of its
        commune (its new workers)."""
        rng = self.rng
        if rng.random() >= NAMED_SHARE:
            return []
        if adult is not None:
            return [adult.id]
        if commune not in self.workers:
            self.workers[commune] = [a for a in self.ctx.living_in(commune) if 18 <= a.age_on(self.ctx.today) <= 55]
        local = self.workers[commune]
        return [a.id for a in rng.sample(local, min(workers, len(local), rng.randint(1, workers)))]
