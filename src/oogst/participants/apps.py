from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "oogst.participants"
    verbose_name = _("Participant monitoring")
    # Participant models are deliberately NOT registered with django-auditlog: the pilot history
    # is shown to municipal users, who must never see participant data. Access to participant
    # records is recorded in AccessLogEntry instead.
