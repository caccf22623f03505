"""The accessibility statement and the privacy statement linked from every page.

The beheerder writes both (Statement); until then a default text is shown, written after the
model statement of digitoegankelijk.nl and the information duty of the AVG (art. 13 and 14).
The text is plain text with three conventions: a line starting with "## " is a heading, blank
lines separate paragraphs, lines starting with "- " make a list. Addresses (https://…, e-mail)
become links. Nothing else becomes markup: what the beheerder types is escaped.
"""

import re

from auditlog.context import set_actor
from django.conf import settings
from django.db import transaction
from django.utils.html import escape, urlize
from django.utils.safestring import SafeString, mark_safe

from oogst.documents import blocks

from . import permissions
from .models import Statement, StatementKind

HEADING = re.compile(r"^##\s+(.+)$", re.MULTILINE)


def text_of(kind: str) -> tuple[str, Statement | None]:
    """The statement's text, and the stored statement (None while the default is shown)."""
    stored = Statement.objects.filter(kind=kind).first()
    if stored is not None:
        return stored.text, stored
    return default_text(kind), None


def default_text(kind: str) -> str:
    text = DEFAULTS[StatementKind(kind)]
    return text.replace("{gemeente}", settings.OOGST_MUNICIPALITY)


@transaction.atomic
def save(*, actor, kind: str, text: str, remote_addr=None) -> Statement:
    """Store the beheerder's text; the history keeps who changed it and what it said."""
    permissions.require(actor, "statement.edit")
    statement = Statement.objects.filter(kind=kind).first() or Statement(kind=kind)
    statement.text = text
    with set_actor(actor, remote_addr=remote_addr):
        statement.save()
    return statement


def render(text: str) -> SafeString:
    """Headings, paragraphs and lists as HTML; every piece of the text escaped."""
    html = []
    parts = HEADING.split(blocks.clean(text))
    # split() with one group gives: text before the first heading, then heading, body, ...
    html.append(_body(parts[0]))
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        html.append(f'<h2 class="utrecht-heading-2">{escape(heading.strip())}</h2>')
        html.append(_body(body))
    return mark_safe("\n".join(part for part in html if part))  # noqa: S308 - escaped above


def _line(text: str) -> str:
    # urlize escapes the text itself and links only http(s) addresses and e-mail addresses.
    return urlize(text, nofollow=True, autoescape=True).replace("<a ", '<a class="utrecht-link" ')


def _body(text: str) -> str:
    html = []
    for block in blocks.parse(text):
        if block.kind == "paragraph":
            html.append('<p class="utrecht-paragraph">' + "<br>".join(map(_line, block.lines)))
            html[-1] += "</p>"
        else:
            tag, css = ("ul", "unordered") if block.kind == "bullets" else ("ol", "ordered")
            items = "".join(
                f'<li class="utrecht-{css}-list__item">{_line(line)}</li>' for line in block.lines
            )
            html.append(f'<{tag} class="utrecht-{css}-list">{items}</{tag}>')
    return "\n".join(html)


ACCESSIBILITY = """\
{gemeente} wil dat iedereen Oogst kan gebruiken: het pilotregister, de rapportagerondes, de \
moties en de openbare bijlagen voor de gemeenteraad. Daarom houden wij ons aan de eisen van het \
Besluit digitale toegankelijkheid overheid. Die eisen staan in de Europese norm EN 301 549 en \
komen overeen met de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA.

## Nalevingsstatus
Status C: eerste maatregelen genomen. Oogst voldoet nog niet aantoonbaar aan alle eisen: er is \
nog geen onafhankelijk onderzoek gedaan. Wij hebben de volgende maatregelen genomen:
- Oogst is gebouwd met de componenten van NL Design System.
- Bij elke wijziging controleren geautomatiseerde tests de pagina's met axe-core op de eisen van \
WCAG 2.1 niveau A en AA, ook op smalle schermen (vanaf 320 pixels breed).
- Formulieren melden fouten bovenaan het formulier en bij het veld zelf.
- De PDF-documenten die Oogst maakt, zijn getagd, zodat schermlezers ze kunnen voorlezen.

## Onderzoek
Er is nog geen onderzoek door een onafhankelijke partij gedaan. Na zo'n onderzoek staan hier \
de naam van de onderzoeker, de datum en een link naar het rapport.

## Bekende problemen
Er zijn op dit moment geen bekende problemen. Documenten die anderen aanleveren en die als \
bijlage worden gekoppeld, zijn niet altijd toegankelijk.

## Loopt u tegen een probleem aan?
Kunt u iets in Oogst niet lezen of gebruiken? Neem dan contact op met {gemeente} via het \
algemene contactformulier op de website van de gemeente of bel 14 met het netnummer van de \
gemeente. Vertel ons om welke pagina het gaat en wat er niet werkt. U krijgt binnen vijf \
werkdagen een reactie. Wij helpen u zo nodig op een andere manier aan de informatie.

## Handhavingsprocedure
Bent u niet tevreden met de manier waarop uw klacht is behandeld, of hebben wij niet op tijd \
gereageerd? Dan kunt u contact opnemen met de Nationale ombudsman: \
https://www.nationaleombudsman.nl

## Aanvullende informatie
Deze verklaring volgt de modelverklaring van https://www.digitoegankelijk.nl. De beheerder \
van Oogst houdt haar bij en past haar aan na elk onderzoek.
"""

PRIVACY = """\
{gemeente} gebruikt Oogst om pilots, rapportagerondes en moties bij te houden en de gemeenteraad \
te informeren. Hierbij verwerken wij persoonsgegevens. Op deze pagina leest u welke, waarom, \
hoe lang en welke rechten u heeft, zoals de Algemene verordening gegevensbescherming (AVG) \
voorschrijft.

## Wie is verantwoordelijk?
{gemeente} is verwerkingsverantwoordelijke. Heeft u een vraag over privacy, neem dan contact \
op met de functionaris gegevensbescherming (FG) van de gemeente, via het algemene \
contactformulier op de website van de gemeente of telefoonnummer 14 met het netnummer van de \
gemeente.

## Welke gegevens en waarom?
- Medewerkers met een account: naam, e-mailadres, rol en organisatie. Nodig om in te loggen en \
om te bepalen wat u mag zien en doen.
- Wijzigingen: wie wat wanneer heeft gewijzigd, met het IP-adres. Nodig om verantwoording af te \
leggen aan de raad en om misbruik te kunnen onderzoeken.
- Inlogpogingen en andere beveiligingsgebeurtenissen. Nodig om het systeem te beveiligen, zoals \
de Baseline Informatiebeveiliging Overheid (BIO) vraagt.
- Deelnemers aan pilots: de uitvoerende partnerorganisatie legt deelnemers vast onder een code, \
met alleen de gegevens die de pilot nodig heeft. De gemeente ziet alleen cijfers over groepen; \
kleine aantallen worden afgeschermd. Elke keer dat iemand een deelnemersdossier opent, wordt \
dat vastgelegd.
- Bezoekers van de openbare pagina's: wij verwerken geen persoonsgegevens, behalve de \
technische gegevens die elke webserver kort bijhoudt.

De grondslag is de uitvoering van een taak van algemeen belang (artikel 6, lid 1, onder e AVG): \
de gemeente stuurt op en rapporteert over haar beleid.

## Cookies
Oogst gebruikt alleen functionele cookies: om u ingelogd te houden, om formulieren te \
beveiligen en om uw taalkeuze te onthouden. Er zijn geen cookies voor statistieken of \
advertenties.

## Hoe lang bewaren wij de gegevens?
- Accountgegevens: zolang u een account heeft. Een account wordt uitgezet in plaats van \
verwijderd, zodat de geschiedenis van wijzigingen klopt.
- Beveiligingslogboeken: volgens de bewaartermijn van de gemeente voor logboeken.
- Deelnemersgegevens: tot het einde van de bewaartermijn die voor de pilot is ingesteld; \
daarna worden ze automatisch gewist. De cijfers van de pilot blijven anoniem bestaan.

## Met wie delen wij gegevens?
Wij delen de gegevens niet met anderen, behalve met leveranciers die Oogst voor ons hosten of \
beheren. Met hen hebben wij een verwerkersovereenkomst. De gegevens blijven binnen de Europese \
Economische Ruimte.

## Uw rechten
U mag uw gegevens inzien, laten verbeteren of laten verwijderen. U mag ook vragen om minder \
gegevens te verwerken of bezwaar maken tegen de verwerking. Deelnemers aan een pilot kunnen dit \
vragen aan de partnerorganisatie of aan de gemeente; Oogst kan een overzicht van hun gegevens \
maken en hun gegevens wissen.

## Klacht
Bent u het niet eens met hoe wij met uw gegevens omgaan? Laat het ons weten. U kunt ook een \
klacht indienen bij de Autoriteit Persoonsgegevens: https://autoriteitpersoonsgegevens.nl
"""

DEFAULTS = {StatementKind.TOEGANKELIJKHEID: ACCESSIBILITY, StatementKind.PRIVACY: PRIVACY}
