"""Demo motions from the seeds. What the seeds do not say stays empty ("onbekend")."""

import datetime

from oogst.motions.models import (
    Afdoeningsronde,
    Afdoeningsvoorstel,
    Decision,
    Memo,
    MemoSection,
    Motion,
)
from oogst.motions.services import refresh_pilot_search
from oogst.pilots.models import Pilot, Portefeuille

MEMO_2411_62 = {
    "reference": "2025-065916",
    "onderwerp": "Memo raad afdoening motie 2411-62 - Samen bouwen aan een nieuwe toekomst",
    "bijlagen": "2",
    "aanleiding": (
        "Tijdens de raadsvergadering van 11 november 2024 is motie 2411-62 “Samen bouwen aan "
        "een nieuwe toekomst” aangenomen. De motie verzoekt het college onderzoek te doen naar "
        "de mogelijkheden om (leer)activiteiten naar het voorbeeld van Plan Einstein (Utrecht) "
        "mogelijk te maken in Zoetermeer en de raad hierover voor 1 juni 2025 te informeren."
    ),
    "achtergrond": (
        "In Utrecht is met Plan Einstein een integrale aanpak ontwikkeld om bewoners van "
        "opvanglocaties en buurtbewoners gezamenlijk te activeren via educatie, participatie en "
        "netwerkopbouw. Daarbij is bewust gekozen om zowel asielzoekers als statushouders te "
        "betrekken. Ondanks de onzekerheid over hun verblijfsstatus wordt bij asielzoekers "
        "geïnvesteerd in ontwikkeling en participatie, vanuit de overtuiging dat dit bijdraagt "
        "aan hun toekomstperspectief — ongeacht of zij uiteindelijk in Nederland mogen blijven. "
        "Utrecht ziet dit als een manier om ontworteling te voorkomen en juist in te zetten op "
        "vroege worteling: door al tijdens de asielprocedure te investeren in ontwikkeling en "
        "ontmoeting blijven talenten en motivatie behouden, en wordt de basis gelegd voor "
        "zelfregie, waardigheid en sociale cohesie. Gelijke interactie tussen deelnemers, "
        "ongeacht status, staat daarbij centraal. Deze aanpak heeft geleid tot versterkte "
        "sociale cohesie en duurzame participatiekansen voor nieuwkomers.\n\n"
        "In Zoetermeer is onderzocht hoe een soortgelijke aanpak lokaal toepasbaar is. Stichting "
        "Piëzo heeft hiertoe een pilotvoorstel ontwikkeld waarin elementen van Plan Einstein "
        "zijn geïntegreerd met de PiëzoMethodiek, gericht op persoonlijke ontwikkeling, "
        "activering en verbinding met de lokale samenleving.\n\n"
        "Stichting Piëzo voert reeds jarenlang activiteiten uit die nauw aansluiten bij de "
        "uitgangspunten van Plan Einstein. Via de PiëzoMethodiek worden statushouders gefaseerd "
        "begeleid richting maatschappelijke participatie, vrijwilligerswerk, opleiding of "
        "betaald werk. Daarbij is structureel aandacht voor persoonlijke ontwikkeling, "
        "basisvaardigheden, netwerkvorming en samenwerking met de wijk. Piëzo biedt onder meer "
        "taallessen, vaardigheidstrainingen, sociale activiteiten en individuele begeleiding, "
        "in nauwe samenwerking met lokale partners en vrijwilligers.\n\n"
        "Gezien de brede en bestaande inzet van Piëzo acht het college de toegevoegde waarde van "
        "een aanvullende pilot op dit moment beperkt. Elementen zoals de vroege activering van "
        "statushouders en het bevorderen van gelijke interactie zijn al in belangrijke mate "
        "geïntegreerd in de huidige werkwijze. Het college ziet daarom op dit moment geen "
        "directe aanleiding om het bestaande aanbod uit te breiden met een aparte pilot."
    ),
    "sections": [
        (
            "Pilot “Samen bouwen aan verbinding en ontwikkeling”",
            "Stichting Piëzo heeft een voorstel ontwikkeld voor een pilot gericht op de "
            "ondersteuning van 40 statushouders en asielzoekers bij hun persoonlijke ontwikkeling "
            "en maatschappelijke integratie. In het voorstel is beschreven hoe de pilot zou kunnen "
            "worden uitgevoerd, in samenwerking met het COA, wijklocaties, lokale partners en "
            "vrijwilligers. De voortgang zou gemonitord worden via het systeem PMsys en de "
            "pilot zou worden afgesloten met een eindrapportage met evaluatie en aanbevelingen. "
            "De totale kosten bedragen €70.000.",
        )
    ],
    "conclusie": (
        "De afdoening van moties vindt drie keer per jaar plaats. In dat kader stelt het "
        "college de raad voor motie 2411-62 als afgedaan te beschouwen."
    ),
    "contact_naam": "S. Ziani",
    "contact_telefoon": "079-3468667",
    "contact_email": "S.Ziani@zoetermeer.nl",
}

DEMO_MOTIONS = [
    {
        "nummer": "2411-62",
        "titel": "Samen bouwen aan een nieuwe toekomst",
        "adopted_on": datetime.date(2024, 11, 11),
        "meeting": "Raadsvergadering 11 november 2024",
        "dictum": (
            "Verzoekt het college onderzoek te doen naar de mogelijkheden om "
            "(leer)activiteiten naar het voorbeeld van Plan Einstein (Utrecht) mogelijk te "
            "maken in Zoetermeer en de raad hierover voor 1 juni 2025 te informeren."
        ),
        "deadline": "voor 1 juni 2025",
        "contact_naam": "S. Ziani",
        "contact_telefoon": "079-3468667",
        "contact_email": "S.Ziani@zoetermeer.nl",
        "pilots": ["samen-bouwen-aan-verbinding-en-ontwikkeling"],
        "status": "afgedaan",
    },
    {
        "nummer": "21-0642",
        "titel": "Oogst van de pilots",
        "dictum": (
            "Vraagt om een overzicht van alle recent afgeronde en lopende pilots, met de "
            "nadruk op hun evaluatie; dit overzicht (Bijlage 6) wordt twee keer per jaar "
            "geactualiseerd in perspectiefnota en programmabegroting."
        ),
        "pilots": [],
        "status": "in_behandeling",
    },
    {
        "nummer": "1911-35",
        "titel": "Flexwonen",
        "portefeuille": "Wonen",
        "pilots": ["flexwonen-ruimtebaan"],
        "status": "in_behandeling",
    },
    {
        "nummer": "2406-25",
        "titel": "Voorjaarsdebat 2024",
        "portefeuille": "Wonen",
        "dictum": (
            "Een pilot te starten met het inzetten van verhuispremies, en in samenwerking "
            "met de corporaties een pilot te starten met woonlastengewenning."
        ),
        "pilots": ["van-groot-naar-beter"],
        "status": "in_behandeling",
    },
]


def load_demo_motions(griffie_user):
    """Idempotent: motions that exist are left as they are."""
    for data in DEMO_MOTIONS:
        if Motion.objects.filter(nummer=data["nummer"]).exists():
            continue
        fields = {k: v for k, v in data.items() if k not in ("pilots", "portefeuille")}
        if data.get("portefeuille"):
            fields["portefeuille"] = Portefeuille.objects.filter(name=data["portefeuille"]).first()
        motion = Motion.objects.create(**fields)
        motion.pilots.set(Pilot.objects.filter(slug__in=data["pilots"]))
        # The motion's texts are searched with its pilots.
        refresh_pilot_search(motion.pilots.values_list("pk", flat=True))
    _load_memo_and_handling(griffie_user)


def _load_memo_and_handling(griffie_user):
    motion = Motion.objects.get(nummer="2411-62")
    if not Memo.objects.filter(motion=motion).exists():
        memo_data = dict(MEMO_2411_62)
        sections = memo_data.pop("sections")
        memo = Memo.objects.create(motion=motion, **memo_data)
        for position, (title, body) in enumerate(sections):
            MemoSection.objects.create(memo=memo, position=position, title=title, body=body)
    # The seed memo proposes to consider the motion handled; the demo records that the
    # council agreed, in a round named after the memo's year (its date is not in the seed).
    ronde, _ = Afdoeningsronde.objects.get_or_create(
        name="Afdoening moties juli 2025", defaults={"date": datetime.date(2025, 7, 3)}
    )
    Afdoeningsvoorstel.objects.get_or_create(
        ronde=ronde,
        motion=motion,
        defaults={"decision": Decision.AKKOORD, "decided_by": griffie_user},
    )
