"""Keep each profile's `search_text` in step with its person's name when the people app renames the person."""

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
        text = profile.build_search_text()
        if text != profile.search_text:
            JobSeekerProfile.objects.filter(pk=profile.pk).update(search_text=text)
