"""`vieclam demo --size … --seed …`: a synthetic province on the real communes of the demo province."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable
from random import Random

from django.db import transaction
from django.utils import timezone

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.accounts.services import user_create
from vieclam.applications.models import Application, ApplicationEvent
from vieclam.casework.choices import CHANNELS_LIST, TOPICS_LIST, UNIT_KINDS_LIST
from vieclam.casework.models import CaseAssignment, CounsellingSession, GroupAttendance, GroupSession
from vieclam.codelists.models import CodeItem, EthnicGroup, Industry, Occupation
from vieclam.connections.models import Connection, FollowUp, FundingNorm
from vieclam.core.audit import audit_record
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today
from vieclam.core.refdata import read_csv
from vieclam.demo import fairs, history, jobs
from vieclam.demo import population as pop
from vieclam.demo.economy import EMPLOYER_COLUMNS, EmployerGenerator, EmployerPlace
from vieclam.demo.targets import demo_targets
from vieclam.demo.writer import bulk_write, next_id, tables_analyze
from vieclam.employers.models import Employer
from vieclam.fairs.models import Fair, FairBooth, FairInterest, FairRegistration
from vieclam.people import cccd
from vieclam.people.models import Household, HouseholdReview, LabourEvent, Person
from vieclam.places.choices import Level
from vieclam.places.loader import DATA as PLACES_DATA
from vieclam.places.models import AdministrativeUnit, Succession
from vieclam.poverty.selectors import line_of, standard_on
from vieclam.seekers.models import JobSeekerProfile
from vieclam.vacancies.models import Vacancy

SIZES = {"small": 5_000, "province": 1_000_000}
EMPLOYERS_PER_PERSON = 1 / 120
OUT_OF_PROVINCE_SHARE = 0.15  # employers elsewhere whose jobs the provincial exchange also lists
# Ethnic mix by province (share in %); names as in the ethnic-group list. Tây Ninh: census 2019 orders of magnitude.
ETHNIC_MIX = {
    "80": [
        ("Kinh", 98.3, "kinh"),
        ("Khơ-me", 0.8, "khmer"),
        ("Hoa", 0.5, "other"),
        ("Chăm", 0.3, "other"),
        ("Tày", 0.1, "other"),
    ],
    "": [
        ("Kinh", 86.0, "kinh"),
        ("Tày", 2.0, "other"),
        ("Thái", 2.0, "other"),
        ("Mường", 2.0, "other"),
        ("Khơ-me", 1.5, "khmer"),
        ("Hoa", 1.0, "other"),
        ("Nùng", 1.0, "other"),
        ("HMông", 1.0, "other"),
    ],
}


def persons_for(size: str) -> int:
    if size in SIZES:
        return SIZES[size]
    if not str(size).isdigit() or int(size) < 1:
        raise ValueError(f"--size must be small, province or a number of persons, not {size!r}")
    return int(size)


def demo_already_loaded(province: AdministrativeUnit) -> bool:
    return Person.objects.filter(residence_commune__province=province).exists()


def demo_rows(*, province: AdministrativeUnit, persons: int, seed: int) -> dict[str, tuple]:
    """Every generated row, as {table name: (model, columns, rows)}, in the order they are written."""
    now, day = timezone.now(), today()
    ref = _reference(province)
    first = {
        "household": next_id(Household),
        "person": next_id(Person),
        "review": next_id(HouseholdReview),
        "event": next_id(LabourEvent),
    }
    out = pop.PopulationGenerator(ref, seed=seed, today=day, now=now, first_ids=first).generate(persons)
    employers = _employers(province, ref, persons, seed, now)
    vacancies, profiles, new_vacancy = _jobs(province, employers, out.seekers, seed, now, day)
    past, generator = _history(province, out, employers, vacancies, new_vacancy, seed, day)
    more = _journeys(province, out, employers, past, generator, seed, day, now)
    return {
        "households": (Household, pop.HOUSEHOLD_COLUMNS, out.households),
        "persons": (Person, pop.PERSON_COLUMNS, out.persons),
        "household_reviews": (HouseholdReview, pop.REVIEW_COLUMNS, out.reviews),
        "labour_events": (LabourEvent, pop.EVENT_COLUMNS, out.events),
        "employers": (Employer, EMPLOYER_COLUMNS, employers),
        "vacancies": (Vacancy, jobs.VACANCY_COLUMNS, vacancies),
        "job_seeker_profiles": (JobSeekerProfile, jobs.PROFILE_COLUMNS, profiles),
        "past_vacancies": (Vacancy, jobs.VACANCY_COLUMNS, past.vacancies),
        "applications": (Application, history.APPLICATION_COLUMNS, past.applications),
        "application_events": (ApplicationEvent, history.APPLICATION_EVENT_COLUMNS, past.application_events),
        "counselling_sessions": (CounsellingSession, history.COUNSELLING_COLUMNS, past.counselling),
        "counselling_topics": (
            CounsellingSession.topics.through,
            history.SESSION_TOPIC_COLUMNS,
            past.counselling_topics,
        ),
        "group_sessions": (GroupSession, history.GROUP_COLUMNS, past.groups),
        "group_topics": (GroupSession.topics.through, history.GROUP_TOPIC_COLUMNS, past.group_topics),
        "group_attendance": (GroupAttendance, history.ATTENDANCE_COLUMNS, past.attendance),
        "case_assignments": (CaseAssignment, history.CASE_COLUMNS, past.cases),
        "connections": (Connection, history.CONNECTION_COLUMNS, past.connections),
        "follow_ups": (FollowUp, history.FOLLOW_UP_COLUMNS, past.follow_ups),
        "fairs": (Fair, fairs.FAIR_COLUMNS, past.fairs),
        "fair_booths": (FairBooth, fairs.BOOTH_COLUMNS, past.booths),
        "fair_booth_vacancies": (FairBooth.vacancies.through, fairs.BOOTH_VACANCY_COLUMNS, past.booth_vacancies),
        "fair_registrations": (FairRegistration, fairs.REGISTRATION_COLUMNS, past.registrations),
        "fair_registration_booths": (
            FairRegistration.booths.through,
            fairs.REGISTRATION_BOOTH_COLUMNS,
            past.registration_booths,
        ),
        "fair_interests": (FairInterest, fairs.INTEREST_COLUMNS, past.interests),
        **more,
    }


def demo_generate(*, province: AdministrativeUnit, persons: int, seed: int) -> dict[str, float]:
    """Generate and write everything in one transaction; returns row counts and timings."""
    started = time.perf_counter()
    tables = demo_rows(province=province, persons=persons, seed=seed)
    generated = time.perf_counter()
    with transaction.atomic():
        counts = {name: bulk_write(model, columns, rows) for name, (model, columns, rows) in tables.items()}
        tables_analyze(model for model, _columns, _rows in tables.values())
        counts["targets"] = demo_targets(province=province, on=today())
        audit_record(
            actor=None,
            action=AuditAction.CREATE,
            instance=province,
            area=province,
            changes={"demo_generated": [None, {**counts, "seed": seed}]},
        )
    written = time.perf_counter()
    return {**counts, "generate_seconds": generated - started, "write_seconds": written - generated}


def _reference(province: AdministrativeUnit) -> pop.Reference:
    review_day = pop.REVIEW_DAY
    communes = list(
        AdministrativeUnit.objects.valid_on(today())
        .filter(level=Level.COMMUNE, province=province)
        .prefetch_related("versions")
        .order_by("code")
    )
    origins = _old_provinces(communes)
    standard = standard_on(as_of=review_day)
    return pop.Reference(
        communes=[
            pop.Commune(
                c.pk,
                c.code,
                c.name,
                (c.version_on(review_day) or c).area_class or "rural",
                origins.get(c.pk, "0" + province.code),
            )
            for c in communes
        ],
        ethnic_mix=_ethnic_mix(province.code),
        occupations=_occupations(),
        lines={line.area_class: line_of(line) for line in standard.lines.all()},
        standard_id=standard.pk,
        birth_provinces=list(cccd.birth_provinces()),
        taken_ids=set(Person.objects.exclude(national_id=None).values_list("national_id", flat=True)),
    )


def _old_provinces(communes) -> dict[int, str]:
    """For each new commune, the CCCD code of the old province most of its predecessors belonged to."""
    by_commune: dict[int, Counter] = {}
    rows = Succession.objects.filter(successor__in=communes, predecessor__isnull=False).values_list(
        "successor_id", "predecessor__province__code"
    )
    for successor, old_province in rows:
        by_commune.setdefault(successor, Counter())[old_province] += 1
    return {pk: "0" + counter.most_common(1)[0][0] for pk, counter in by_commune.items()}


def _ethnic_mix(province_code: str) -> list[tuple[int, float, str]]:
    ids = dict(EthnicGroup.objects.values_list("name_vi", "pk"))
    mix = ETHNIC_MIX.get(province_code, ETHNIC_MIX[""])
    return [(ids[name], share, kind) for name, share, kind in mix if name in ids]


def _occupations() -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for pk, code in Occupation.objects.filter(level=4).exclude(code__regex=r"^[01]").values_list("pk", "code"):
        groups.setdefault(code[0], []).append(pk)
    return groups


def _jobs(province, employers, seekers, seed: int, now: dt.datetime, day: dt.date) -> tuple[list, list, Callable]:
    rng = Random(seed + 2)
    old_names = read_csv(PLACES_DATA / "mapping_2025/province_old_to_new.csv")
    provinces = {jobs.place_key(r["old_province_name"]): r["new_province_code"] for r in old_names}
    level4 = Occupation.objects.filter(level=4)
    occupation_ids = dict(level4.values_list("code", "pk"))
    occupation_names = {o.pk: o.display_name for o in level4}
    generator = jobs.JobGenerator(
        rng=rng,
        now=now,
        today=day,
        titles=jobs.load_titles(provinces),
        occupation_ids=occupation_ids,
        occupation_names=occupation_names,
        first_ids={"vacancy": next_id(Vacancy), "profile": next_id(JobSeekerProfile)},
    )
    province_of = dict(
        AdministrativeUnit.objects.filter(pk__in={e[6] for e in employers}).values_list("pk", "province__code")
    )

    def new_vacancy(employer: tuple) -> tuple:
        return generator.vacancy(
            employer, employer_province=province_of[employer[6]], home_province=province.code, exchange_id=province.pk
        )

    vacancies = []
    for employer in employers:
        for _ in range(rng.choices([0, 1, 2, 3, 4, 6], [10, 25, 25, 20, 12, 8])[0]):
            vacancies.append(new_vacancy(employer))
    hcm = AdministrativeUnit.objects.valid_on(day).filter(level=Level.PROVINCE, code="79").values_list("pk", flat=True)
    elsewhere_id = hcm.first()  # read once: a query per seeker was a tenth of the build at a million persons
    profiles = [generator.profile(s, province_id=province.pk, elsewhere_id=elsewhere_id) for s in seekers]
    return vacancies, profiles, new_vacancy


def _history(province, out: pop.Output, employers, vacancies, new_vacancy: Callable, seed: int,
             day: dt.date) -> tuple[history.History, history.HistoryGenerator]:  # fmt: skip
    """2024 to today: counselling, caseloads, past vacancies, applications and referrals, job fairs, connections
    and their follow-ups (demo.history, demo.fairs)."""
    poverty = {row[0]: row[5] for row in out.households}
    person = {row[0]: row for row in out.persons}
    workers = [
        history.Worker(s[0], s[2], person[s[0]][11], poverty.get(person[s[0]][11], ""), bool(person[s[0]][13]))
        for s in out.seekers
    ]
    counsellors = _counsellors(province)
    generator = history.HistoryGenerator(
        rng=Random(seed + 3),
        today=day,
        first_ids={
            "application": next_id(Application),
            "application_event": next_id(ApplicationEvent),
            "counselling": next_id(CounsellingSession),
            "counselling_topic": next_id(CounsellingSession.topics.through),
            "group": next_id(GroupSession),
            "group_topic": next_id(GroupSession.topics.through),
            "attendance": next_id(GroupAttendance),
            "case": next_id(CaseAssignment),
            "connection": next_id(Connection),
            "follow_up": next_id(FollowUp),
            "fair": next_id(Fair),
            "booth": next_id(FairBooth),
            "booth_vacancy": next_id(FairBooth.vacancies.through),
            "registration": next_id(FairRegistration),
            "registration_booth": next_id(FairRegistration.booths.through),
            "interest": next_id(FairInterest),
        },
        counsellors=counsellors,
        codes=_history_codes(province, day),
        new_vacancy=new_vacancy,
        fair_rng=Random(seed + 4),
    )
    past = generator.generate(workers=workers, employers=employers, inhabitants=len(out.persons),
                              open_vacancies=vacancies)  # fmt: skip
    return past, generator


def _journeys(province, out: pop.Output, employers, past: history.History, generator: history.HistoryGenerator,
              seed: int, day: dt.date, now: dt.datetime) -> dict[str, tuple]:  # fmt: skip
    """Vocational training, working abroad and job-creation loans over the same years (demo.training, demo.abroad,
    demo.loans), each from its own random stream. Connections they make go into the history's lists (written
    with them), so they are added before those are written."""
    from vieclam.abroad import models as am
    from vieclam.abroad.rules import min_age_on
    from vieclam.demo import abroad as demo_abroad
    from vieclam.demo import journeys
    from vieclam.demo import loans as demo_loans
    from vieclam.demo import training as demo_training
    from vieclam.loans import models as lm
    from vieclam.training import models as tm

    communes = AdministrativeUnit.objects.valid_on(day).filter(level=Level.COMMUNE, province=province)
    ctx = journeys.Context(
        today=day,
        now=now,
        adults=[
            journeys.Adult(p[0], p[5], p[6], p[8], p[11], p[7], tuple(p[13]), p[17])
            for p in out.persons
            if p[17]  # a labour record: 15 or more
        ],
        households={h[0]: journeys.Household(h[5], h[7]) for h in out.households},
        communes=dict(communes.values_list("pk", "name")),
        area_class=dict(communes.values_list("pk", "area_class")),
        ethnic_codes=dict(EthnicGroup.objects.values_list("pk", "code")),
        staff=[pk for pk, _name in generator.counsellors if pk is not None],
        first_ids={
            "provider": next_id(tm.Provider),
            "provider_occupation": next_id(tm.Provider.occupations.through),
            "course": next_id(tm.Course),
            "class": next_id(tm.TrainingClass),
            "enrolment": next_id(tm.Enrolment),
            "enrolment_event": next_id(tm.EnrolmentEvent),
            "enterprise": next_id(am.ServiceEnterprise),
            "programme": next_id(am.Programme),
            "journey": next_id(am.Journey),
            "journey_event": next_id(am.JourneyEvent),
            "loan": next_id(lm.Loan),
            "loan_event": next_id(lm.LoanEvent),
            "loan_job_person": next_id(lm.LoanJobPerson),
        },
        history=generator,
        past=past,
        scale=len(out.persons) / 1_000_000,
    )
    occupations = dict(Occupation.objects.filter(level=4).values_list("code", "pk"))
    rows = demo_training.TrainingGenerator(
        ctx, rng=Random(seed + 5), occupations=occupations, districts=_former_districts(communes), employers=employers
    ).generate()
    gone = demo_abroad.AbroadGenerator(
        ctx, rng=Random(seed + 6), countries=dict(am.Country.objects.values_list("code", "pk")),
        occupations=occupations, min_age=min_age_on(day) or 18,
        taken_tax_codes=set(am.ServiceEnterprise.objects.values_list("tax_code", flat=True)),
    ).generate()  # fmt: skip
    type_codes = dict(CodeItem.objects.filter(code_list__slug="employer-types").values_list("pk", "code"))
    lent = demo_loans.LoanGenerator(ctx, rng=Random(seed + 7), employers=employers, type_codes=type_codes).generate()
    return {
        "training_providers": (tm.Provider, demo_training.PROVIDER_COLUMNS, rows.providers),
        "training_provider_occupations": (
            tm.Provider.occupations.through,
            demo_training.PROVIDER_OCCUPATION_COLUMNS,
            rows.provider_occupations,
        ),
        "training_courses": (tm.Course, demo_training.COURSE_COLUMNS, rows.courses),
        "training_classes": (tm.TrainingClass, demo_training.CLASS_COLUMNS, rows.classes),
        "training_enrolments": (tm.Enrolment, demo_training.ENROLMENT_COLUMNS, rows.enrolments),
        "training_enrolment_events": (tm.EnrolmentEvent, demo_training.EVENT_COLUMNS, rows.events),
        "abroad_enterprises": (am.ServiceEnterprise, demo_abroad.ENTERPRISE_COLUMNS, gone.enterprises),
        "abroad_programmes": (am.Programme, demo_abroad.PROGRAMME_COLUMNS, gone.programmes),
        "abroad_journeys": (am.Journey, demo_abroad.JOURNEY_COLUMNS, gone.journeys),
        "abroad_journey_events": (am.JourneyEvent, demo_abroad.EVENT_COLUMNS, gone.events),
        "loans": (lm.Loan, demo_loans.LOAN_COLUMNS, lent.loans),
        "loan_events": (lm.LoanEvent, demo_loans.EVENT_COLUMNS, lent.events),
        "loan_job_persons": (lm.LoanJobPerson, demo_loans.JOB_PERSON_COLUMNS, lent.job_persons),
    }


def _former_districts(communes) -> dict[int, tuple[str, list[int]]]:
    """Former district (before 1/7/2025) -> (its name, the new communes most of whose predecessors were in it)."""
    by_commune: dict[int, Counter] = {}
    names: dict[int, str] = {}
    rows = Succession.objects.filter(successor__in=communes, predecessor__parent__isnull=False).values_list(
        "successor_id", "predecessor__parent_id", "predecessor__parent__name"
    )
    for successor, district, name in rows:
        by_commune.setdefault(successor, Counter())[district] += 1
        names[district] = name
    out: dict[int, tuple[str, list[int]]] = {}
    for commune, counter in sorted(by_commune.items()):
        district = counter.most_common(1)[0][0]
        out.setdefault(district, (names[district], []))[1].append(commune)
    return out


def _counsellors(province, count: int = 4) -> list[tuple[int, str]]:
    """The centre's counsellors: the demo one (if created) and `count` more who cannot sign in, so caseloads and
    queues are per counsellor as in a real centre."""
    for n in range(1, count + 1):
        username = f"tvv-{province.code}-{n:02d}"
        if not User.objects.filter(username=username).exists():
            user_create(actor=None, username=username, role=Role.COUNSELLOR, area_codes=[province.code],
                        first_name="Tư vấn viên", last_name=f"{n:02d}")  # fmt: skip
    counsellors = User.objects.filter(role=Role.COUNSELLOR, areas=province, is_active=True).order_by("pk")
    return list(counsellors.values_list("pk", "username"))


def _history_codes(province, day: dt.date) -> history.Codes:
    def items(slug: str) -> dict[str, int]:
        return dict(CodeItem.objects.filter(code_list__slug=slug).order_by("order", "pk").values_list("code", "pk"))

    communes = AdministrativeUnit.objects.valid_on(day).filter(level=Level.COMMUNE, province=province)
    return history.Codes(
        topics=items(TOPICS_LIST),
        channels=items(CHANNELS_LIST),
        unit_kinds=items(UNIT_KINDS_LIST),
        norms=list(FundingNorm.objects.order_by("valid_from").values_list("pk", "amount", "valid_from", "valid_to")),
        communes=dict(communes.values_list("pk", "name")),
    )


def _employers(province, ref: pop.Reference, persons: int, seed: int, now: dt.datetime) -> list[tuple]:
    rng = Random(seed + 1)
    type_ids = dict(CodeItem.objects.filter(code_list__slug="employer-types").values_list("code", "pk"))
    industry_ids = list(Industry.objects.filter(system="vsic2025", level=4).values_list("pk", flat=True))
    elsewhere = list(
        AdministrativeUnit.objects.valid_on(today())
        .filter(level=Level.COMMUNE, province__code__in=["79", "75", "01"])
        .values_list("pk", "province__code")
    )
    generator = EmployerGenerator(
        rng=rng,
        now=now,
        first_id=next_id(Employer),
        type_ids=type_ids,
        industry_ids=industry_ids,
        taken_tax_codes=set(Employer.objects.values_list("tax_code", flat=True)),
    )
    rows = []
    for _ in range(max(5, int(persons * EMPLOYERS_PER_PERSON))):
        if rng.random() < OUT_OF_PROVINCE_SHARE and elsewhere:
            place = EmployerPlace(*rng.choice(elsewhere))
        else:
            place = EmployerPlace(rng.choice(ref.communes).id, province.code)
        rows.append(generator.employer(place))
    return rows
