"""Every page shows the clinic's details and crisis lines: a change shows at once."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from plumbing.internals import invalidate_page_cache

from .clinic import forget_clinic_settings
from .lines import forget_local_crisis_lines
from .models import ClinicSettings, LocalCrisisLine


@receiver([post_save, post_delete], sender=LocalCrisisLine, dispatch_uid="safety.crisis_lines_changed")
@receiver([post_save, post_delete], sender=ClinicSettings, dispatch_uid="safety.clinic_settings_changed")
def site_settings_changed(sender, **kwargs):
    forget_local_crisis_lines()
    forget_clinic_settings()
    invalidate_page_cache()
