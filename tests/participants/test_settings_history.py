"""Every change of a monitor's settings is in its history: who, when, old -> new and why."""

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.urls import reverse

from oogst.participants import models, services
from oogst.participants.models import Monitor, Participant

URL = reverse("participants:settings", args=["dealbreakers"])


def settings_data(client, monitor, **changes):
    """What the settings form posts unchanged, with `changes` applied (None removes a field)."""
    form = client.get(URL).context["form"]
    data = {
        key: value
        for key, value in {
            **{name: field.initial for name, field in form.fields.items()},
            **form.initial,
        }.items()
        if value not in (None, False)
    }
    data["partner"] = monitor.partner_id
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def test_switching_a_personal_field_on_needs_a_reason(client, alice, monitor):
    client.force_login(alice)
    response = client.post(URL, settings_data(client, monitor, collect_bsn="on"))
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert not Monitor.objects.get().collect_bsn  # nothing saved, what was typed kept
    assert response.context["form"]["collect_bsn"].value()


def test_the_history_says_who_switched_what_on_when_and_why(client, alice, monitor):
    client.force_login(alice)
    reason = "Nodig voor de koppeling met de uitkeringsadministratie."
    response = client.post(
        URL, settings_data(client, monitor, collect_bsn="on", target="60", reason=reason)
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(monitor).latest("timestamp")
    assert entry.actor == alice
    assert entry.additional_data == {"reason": reason}
    changes = entry.changes_dict
    assert changes["collect_bsn"] == ["False", "True"]
    assert changes["target"] == ["40", "60"]
    html = client.get(URL).content.decode()
    assert reason in html and "Alice" in html
    assert "van ‘nee’ in ‘ja’" in html
    assert "wijzigde het beoogd aantal deelnemers van ‘40’ in ‘60’" in html


def test_phases_domains_and_the_partner_are_in_the_history(client, alice, monitor, other_partner):
    client.force_login(alice)
    phases = "0 Activering\n1 Activiteit\n2 Vrijwilligerswerk\n3 Extern vrijwilligerswerk"
    data = settings_data(client, monitor, phases_text=phases, zrm_domains=["financien"])
    data["partner"] = other_partner.pk
    assert client.post(URL, data).status_code == 302
    history = list(services.settings_history(monitor))
    monitor_changes = next(e for e in history if e.content_type.model == "monitor").changes_dict
    assert "financien" in monitor_changes["zrm_domains"][1]
    assert "partner" in monitor_changes  # a partner transfer is always audited
    phase_entries = [e for e in history if e.content_type.model == "phase"]
    from auditlog.models import LogEntry

    actions = sorted((e.object_repr, e.action) for e in phase_entries)
    assert ("4. Toeleiding naar opleiding of regulier werk", LogEntry.Action.DELETE) in actions
    assert ("0. Activering", LogEntry.Action.UPDATE) in actions
    assert all(e.actor == alice for e in phase_entries)
    html = client.get(URL).content.decode()
    assert "Toeleiding naar opleiding" in html and "Andere Stichting" in html


def test_participant_records_stay_out_of_the_audit_log(client, pia, monitor, people):
    for model in (
        models.Participant,
        models.PhaseStep,
        models.LadderMeasurement,
        models.ZrmScore,
        models.Attendance,
        models.AccessLogEntry,
    ):
        assert not auditlog.contains(model), model
    assert auditlog.contains(models.Monitor) and auditlog.contains(models.Phase)
    assert Participant.objects.count() == 12
    assert not LogEntry.objects.filter(content_type__model__in=["participant", "phasestep"])
