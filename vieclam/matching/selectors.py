"""Matching reads, by direction: job seekers for a vacancy (candidates.py) and open vacancies for a worker
(recommend.py); both score with scoring.py from the facts of facts.py."""

from vieclam.matching.candidates import candidates_for_vacancy
from vieclam.matching.recommend import recommendations_for_person

__all__ = ("candidates_for_vacancy", "recommendations_for_person")
