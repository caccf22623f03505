"""Load the demo register: the seed appendix's pilots, the memo's proposal and a user per role."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from auditlog.context import set_extra_data
from django.db import transaction

from oogst.accounts.models import Role, User
from oogst.accounts.services import generate_password
from oogst.pilots import search
from oogst.pilots.models import Partner, Pilot, Portefeuille, Programma, StatusUpdate, Thema

from . import pilot_data as demo_data

DEMO_USERS = [
    # username, first name, last name, role
    ("beheerder", "Bea", "Beheerder", Role.BEHEERDER),
    ("coordinator", "Cor", "Coördinator", Role.COORDINATOR),
    ("eigenaar", "Eva", "Eigenaar", Role.EIGENAAR),
    ("lezer", "Lex", "Lezer", Role.LEZER),
    ("griffie", "Gea", "Griffier", Role.GRIFFIE),
]
# The demo owner keeps the housing and greenery pilots; the rest have no owner yet, which
# shows that an eigenaar edits only their own pilots.
DEMO_OWNED_PORTEFEUILLES = {"Wonen", "Natuur en milieu"}
DEMO_REASON = "Overgenomen uit Bijlage 6. Monitoring evaluatie Pilots (demo)"


@dataclass
class DemoResult:
    new_passwords: dict = field(default_factory=dict)
    existing_users: list = field(default_factory=list)
    pilots_created: int = 0
    pilots_kept: int = 0
    pilots_with_figures: int = 0


DEMO_THEMES = (
    "samenwerking met partners",
    "bereik van de doelgroep",
    "financiering",
    "uitvoering",
    "data en monitoring",
)


@transaction.atomic
def load_demo() -> DemoResult:
    result = DemoResult()
    users = _load_users(result)
    programmas = {
        number: Programma.objects.get_or_create(number=number, defaults={"name": name})[0]
        for number, name in demo_data.PROGRAMMAS
    }
    portefeuilles = {
        name: Portefeuille.objects.get_or_create(name=name)[0]
        for name in demo_data.PORTEFEUILLES
        if name
    }
    partners = {name: Partner.objects.get_or_create(name=name)[0] for name in demo_data.PARTNERS}
    # The themes lessons are tagged with (the beheerder keeps this list).
    for name in DEMO_THEMES:
        Thema.objects.get_or_create(name=name)
    with set_extra_data(context_data={"additional_data": {"reason": DEMO_REASON}}):
        for data in demo_data.PILOTS:
            if Pilot.objects.filter(slug=data["slug"]).exists():
                result.pilots_kept += 1  # idempotent: never overwrite what users changed since
                continue
            _create_pilot(data, programmas, portefeuilles, partners, users)
            result.pilots_created += 1
    from .figures import load_figures

    # Before the round, so its snapshot (and appendix) reports the figures too.
    result.pilots_with_figures = load_figures(lambda pilot: pilot.owner or users[Role.COORDINATOR])
    _load_demo_round(users)
    from .motions import load_demo_motions

    load_demo_motions(users[Role.GRIFFIE])
    from .participants import load_demo_participants

    load_demo_participants(users[Role.EIGENAAR], result)
    return result


# The seed appendix carries no dates of its own; its newest facts are of February 2025, so the
# demo places the round's reference date just after that, and the deadline three weeks later.
DEMO_ROUND = {
    "slug": "perspectiefnota-2026",
    "name": "Perspectiefnota 2026",
    "kind": "perspectiefnota",
    "peildatum": datetime.date(2025, 3, 1),
    "deadline": datetime.date(2025, 3, 21),
}


def _load_demo_round(users):
    """The seed appendix as a frozen, published round, so its appendix downloads at once."""
    from oogst.rounds import services as rounds
    from oogst.rounds.models import Round, RoundEntry

    if Round.objects.filter(slug=DEMO_ROUND["slug"]).exists():
        return
    coordinator = users[Role.COORDINATOR]
    seed_slugs = [p["slug"] for p in demo_data.PILOTS if p["fase"] != "niet_gestart"]
    round = rounds.open_round(
        actor=coordinator,
        round=Round(**DEMO_ROUND),
        pilots=Pilot.objects.filter(slug__in=seed_slugs),
    )
    for entry in RoundEntry.objects.filter(round=round).select_related("pilot"):
        rounds.mark_updated(actor=entry.pilot.owner or coordinator, entry=entry)
        # Nobody approves their own work: the beheerder reviews what the coordinator updated.
        involved = rounds.involved_in_round(entry)
        reviewer = users[Role.BEHEERDER] if coordinator.pk in involved else coordinator
        rounds.approve(actor=reviewer, entry=entry)
    rounds.freeze(actor=coordinator, round=round, force=True)
    rounds.publish(actor=coordinator, round=round)


def _load_users(result: DemoResult) -> dict:
    users = {}
    for username, first, last, role in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "role": role,
                "email": f"{username}@example.org",
            },
        )
        if created:
            password = generate_password()
            user.set_password(password)
            user.save(update_fields=["password"])
            result.new_passwords[username] = password
        else:
            result.existing_users.append(username)
        users[role] = user
    return users


def _create_pilot(data, programmas, portefeuilles, partners, users):
    portefeuille = portefeuilles.get(data["portefeuille"])
    pilot = Pilot(
        slug=data["slug"],
        name=data["name"],
        korte_omschrijving=data["korte_omschrijving"],
        programma=programmas.get(data["programma"]),
        portefeuille=portefeuille,
        doel=data["doel"],
        startdatum=data["startdatum"],
        einddatum=data["einddatum"],
        evaluatiemoment=data["evaluatiemoment"],
        uitkomst_evaluatie=data["uitkomst_evaluatie"],
        succesvol=data["succesvol"],
        succesvol_toelichting=data["succesvol_toelichting"],
        beleid_aanpassen=data["beleid_aanpassen"],
        beleid_aanpassen_toelichting=data["beleid_aanpassen_toelichting"],
        financieel_gevolg=data["financieel_gevolg"],
        financieel_gevolg_toelichting=data["financieel_gevolg_toelichting"],
        bestuurlijk_gerapporteerd=data["bestuurlijk_gerapporteerd"],
        fase=data["fase"],
        resultaat=data["resultaat"],
        aanleiding_soort=data["aanleiding_soort"],
        motienummers=", ".join(data["motienummers"]),
        aanleiding_toelichting=data["aanleiding_toelichting"],
        target_participants=data.get("target_participants"),
        budget=Decimal(data["budget"]) if data.get("budget") else None,
        owner=users[Role.EIGENAAR] if data["portefeuille"] in DEMO_OWNED_PORTEFEUILLES else None,
    )
    pilot.save()
    pilot.partners.set([partners[name] for name in data["partners"]])
    # Undated updates show newest-created first; create them in reverse so the page keeps
    # the appendix's order.
    for update in reversed(data["status_updates"]):
        StatusUpdate.objects.create(pilot=pilot, title=update["title"], text=update["text"])
    if data["status_updates"]:
        search.refresh(pilot)
