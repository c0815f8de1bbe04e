"""What the clinic adds to the safety shell in the admin: its own details and local
crisis lines. The national lines are in code (safety.lines), never here.

Both models lived in the `content` app until migration safety 0001; they keep their
tables, so an upgrade moves no rows.
"""

from django.db import models

from .phone import call_href, text_href, validate_phone_number

NUMBER_HELP = "As people should read it, e.g. 1-800-662-4357 or (555) 555-0100. The call link is made from it."


class ClinicSettings(models.Model):
    """The clinic's own details, one row per site. The placeholders are neutral on
    purpose: nothing about a real clinic is invented before an administrator fills
    them in."""

    name = models.CharField(max_length=150, default="Our clinic")
    phone = models.CharField(max_length=40, blank=True, validators=[validate_phone_number], help_text=NUMBER_HELP)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    hours = models.TextField("opening hours", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "content_clinicsettings"
        verbose_name = verbose_name_plural = "clinic settings"

    def __str__(self):
        return self.name

    @property
    def call_href(self):
        """`tel:` link for the clinic's phone ("" when there is none)."""
        return call_href(self.phone)


class LocalCrisisLine(models.Model):
    """A crisis or support line the clinic adds to the national ones in the banner."""

    name = models.CharField(max_length=120)
    description = models.CharField(max_length=200, blank=True)
    number = models.CharField(max_length=40, validators=[validate_phone_number], help_text=NUMBER_HELP)
    accepts_texts = models.BooleanField(default=False)
    answers_in_spanish = models.BooleanField(
        "answers in Spanish",
        default=False,
        help_text="Spanish pages say whether each line answers in Spanish or in English only.",
    )
    verified_on = models.DateField(help_text="When someone last called or checked this line.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "content_localcrisisline"
        ordering = ["order", "name"]

    def __str__(self):
        return f"{self.name} ({self.number})"

    @property
    def call_href(self):
        return call_href(self.number)

    @property
    def text_href(self):
        """`sms:` link when the line accepts texts, else ""."""
        return text_href(self.number) if self.accepts_texts else ""
