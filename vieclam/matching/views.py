from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from vieclam.accounts.scoping import get_scoped_or_404
from vieclam.matching import selectors
from vieclam.people.models import Person
from vieclam.vacancies.models import Vacancy


@login_required
def vacancy_candidates(request, pk: int):
    """The counsellor's ranked list, with a one-click referral per candidate."""
    if not request.user.is_staff_role:
        raise PermissionDenied
    vacancy = get_scoped_or_404(Vacancy.objects.select_related("workplace_commune", "employer", "occupation"),
                                request.user, pk=pk)  # fmt: skip
    ranked = selectors.candidates_for_vacancy(viewer=request.user, vacancy=vacancy, limit=30)
    return render(request, "matching/candidates.html", {"vacancy": vacancy, "ranked": ranked})


@login_required
def person_recommendations(request, pk: int):
    person = get_scoped_or_404(Person.objects.select_related("household", "ethnicity"), request.user, pk=pk)
    ranked = selectors.recommendations_for_person(person=person, limit=30)
    return render(request, "matching/recommendations.html", {"person": person, "ranked": ranked})
