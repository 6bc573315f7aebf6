"""Keep each profile's search text and its copies of the person's residence, birth date and sex in step."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver

from vieclam.seekers.models import JobSeekerProfile


@receiver(post_save, sender="people.Person", dispatch_uid="seekers_refresh_search_text")
def refresh_search_text(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    for profile in JobSeekerProfile.objects.filter(person=instance).select_related("occupation"):
        profile.person = instance
        before = (profile.search_text, profile.commune_id, profile.birth_date, profile.sex, profile.technical_level)
        profile.search_text = profile.build_search_text()
        profile.copy_person_facts()
        after = (profile.search_text, profile.commune_id, profile.birth_date, profile.sex, profile.technical_level)
        if after != before:
            JobSeekerProfile.objects.filter(pk=profile.pk).update(
                search_text=profile.search_text,
                commune=profile.commune_id,
                birth_date=profile.birth_date,
                sex=profile.sex,
                technical_level=profile.technical_level,
            )
