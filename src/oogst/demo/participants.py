"""The demo's participant monitoring: a clearly fictional pilot with 40 generated people.

Generated from a fixed random seed against a fixed reference date, so every machine gets the
same figures. No real people: the names are invented and marked "(fictief)".
"""

import datetime
import random

from dateutil.relativedelta import relativedelta

from oogst.accounts.models import Role, User
from oogst.accounts.services import generate_password
from oogst.participants import services
from oogst.participants.models import (
    Attendance,
    LadderMeasurement,
    Outcome,
    Participant,
    PhaseStep,
    ZrmDomain,
    ZrmScore,
)
from oogst.pilots.models import Fase, Partner, Pilot, Programma

SLUG = "voorbeeld-deelnemersmonitor"
PARTNER_NAME = "Stichting Voorbeeld Welzijn (fictief)"
PARTNER_USER = ("partner", "Pim", "Partner")
SEED = 2411_62
REFERENCE_DATE = datetime.date(2026, 10, 31)
FIRST_NAMES = [
    "Amal", "Bilal", "Dawit", "Farah", "Hamid", "Lina", "Mariam", "Nour", "Omar", "Rahel",
    "Samir", "Yonas", "Zeynep", "Aziz", "Huda", "Tesfay", "Ilse", "Joris", "Kaan", "Sara",
]  # fmt: skip
OUTCOME_WEIGHTS = [
    (Outcome.VRIJWILLIGERSWERK, 4),
    (Outcome.OPLEIDING, 3),
    (Outcome.BETAALD_WERK, 2),
    (Outcome.ANDERS, 1),
    (Outcome.UITGEVALLEN, 2),
]


def load_demo_participants(owner, result) -> None:
    """Create the example pilot, its partner organisation and partner user, once."""
    if Pilot.objects.filter(slug=SLUG).exists():
        return
    partner, _created = Partner.objects.get_or_create(name=PARTNER_NAME)
    user, created = User.objects.get_or_create(
        username=PARTNER_USER[0],
        defaults={
            "first_name": PARTNER_USER[1],
            "last_name": PARTNER_USER[2],
            "role": Role.PARTNER,
            "partner": partner,
            "email": "partner@example.org",
        },
    )
    if created:
        password = generate_password()
        user.set_password(password)
        user.save(update_fields=["password"])
        result.new_passwords[user.username] = password
    pilot = Pilot.objects.create(
        slug=SLUG,
        name="Voorbeeld deelnemersmonitor (fictieve gegevens)",
        korte_omschrijving=(
            "Voorbeeld met fictieve gegevens: 40 verzonnen deelnemers die in fasen worden "
            "begeleid naar participatie, vrijwilligerswerk, opleiding of betaald werk, naar het "
            "model van de PiëzoMethodiek. Er zitten geen echte personen in."
        ),
        programma=Programma.objects.filter(number=1).first(),
        doel=(
            "40 statushouders en asielzoekers begeleiden naar participatie, vrijwilligerswerk, "
            "opleiding of betaald werk, en hun voortgang volgen op de Participatieladder."
        ),
        startdatum="oktober 2025",
        einddatum="december 2027",
        evaluatiemoment="2x per jaar",
        fase=Fase.UITVOERING,
        target_participants=40,
        owner=owner,
    )
    pilot.partners.add(partner)
    monitor = services.set_up_monitor(pilot=pilot, partner=partner, code_prefix="VD")
    monitor.collect_naam = True
    monitor.zrm_domains = [
        ZrmDomain.FINANCIEN,
        ZrmDomain.SOCIAAL_NETWERK,
        ZrmDomain.MAATSCHAPPELIJKE_PARTICIPATIE,
    ]
    monitor.save()
    _generate(monitor, random.Random(SEED))


def _generate(monitor, rng):
    phases = list(monitor.phases.order_by("number"))
    activities = list(monitor.activity_types.all())
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    for index in range(40):
        start = datetime.date(2025, 10, 1) + datetime.timedelta(days=rng.randrange(0, 180))
        participant = Participant.objects.create(
            monitor=monitor,
            code="VD-" + "".join(rng.choice(alphabet) for _ in range(6)),
            start_date=start,
            naam=f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {index + 1:02d} (fictief)",
        )
        # People may enter in any phase; most start with a home visit.
        level = rng.choices([0, 1, 2], weights=[6, 3, 1])[0]
        day = start
        steps = [PhaseStep(participant=participant, phase=phases[level], date=day)]
        while level < len(phases) - 1:
            day += datetime.timedelta(days=rng.randrange(50, 140))
            if day > REFERENCE_DATE or rng.random() < 0.25:
                break
            level += 1
            steps.append(PhaseStep(participant=participant, phase=phases[level], date=day))
        PhaseStep.objects.bulk_create(steps)
        last_day = REFERENCE_DATE
        if rng.random() < 0.3:
            participant.exit_date = last_day = min(
                steps[-1].date + datetime.timedelta(days=60), REFERENCE_DATE
            )
            participant.exit_outcome = rng.choices(
                [o for o, _w in OUTCOME_WEIGHTS], weights=[w for _o, w in OUTCOME_WEIGHTS]
            )[0]
            participant.save(update_fields=["exit_date", "exit_outcome"])

        rung = rng.choices([1, 2, 3], weights=[3, 5, 2])[0]
        measured, ladder, scores = start, [], []
        zrm = {domain: rng.randint(1, 3) for domain in monitor.zrm_domains}
        while measured <= last_day:
            ladder.append(LadderMeasurement(participant=participant, date=measured, rung=rung))
            for domain, score in zrm.items():
                scores.append(
                    ZrmScore(participant=participant, date=measured, domain=domain, score=score)
                )
            measured += relativedelta(months=6)
            rung = max(1, min(6, rung + rng.choices([-1, 0, 1, 2], weights=[1, 4, 5, 1])[0]))
            zrm = {d: max(1, min(5, s + rng.choice([-1, 0, 1, 1]))) for d, s in zrm.items()}
        LadderMeasurement.objects.bulk_create(ladder)
        ZrmScore.objects.bulk_create(scores)

        Attendance.objects.bulk_create(
            Attendance(
                participant=participant,
                activity_type=rng.choice(activities),
                date=start + datetime.timedelta(days=rng.randrange(0, (last_day - start).days + 1)),
            )
            for _ in range(rng.randint(2, 9))
        )
