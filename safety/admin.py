from django.contrib import admin

from .models import ClinicSettings, LocalCrisisLine


@admin.register(ClinicSettings)
class ClinicSettingsAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "updated_at"]

    def has_add_permission(self, request):
        # One row: the site's own details.
        return super().has_add_permission(request) and not ClinicSettings.objects.exists()


@admin.register(LocalCrisisLine)
class LocalCrisisLineAdmin(admin.ModelAdmin):
    list_display = ["name", "number", "accepts_texts", "answers_in_spanish", "verified_on", "order"]
    list_editable = ["order"]
