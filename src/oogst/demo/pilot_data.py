"""Demo register: the pilots of Zoetermeer's "Bijlage 6. Monitoring evaluatie Pilots", a proposal.

Sources (OCR'd scans, kept in /work/shared/seeds/):

- ``004_1351a7546c016f7f.txt``: Bijlage 6. Monitoring evaluatie Pilots, the hand-kept Word
  appendix (a result of raadsmotie 21-0642 "Oogst van de pilots"). Its 11 pilots are the first
  11 entries of ``PILOTS``, in the appendix's order.
- ``000_eae180b4a2b9409d.txt``: Memo raad afdoening motie 2411-62 (2025-065916). Its pilot
  proposal "Samen bouwen aan verbinding en ontwikkeling" by Stichting Piëzo is the 12th entry.

Every fact is carried over word for word; only the scan's slips were mended:

- é read for ë, and a lost ï: financiéle → financiële, geévalueerd → geëvalueerd,
  potentiéle → potentiële, creéren → creëren, beéindigen → beëindigen, geinformeerd →
  geïnformeerd, geintegreerd → geïntegreerd, geindiceerde → geïndiceerde, geinteresseerden →
  geïnteresseerden, Piézo → Piëzo, PiézoMethodiek → PiëzoMethodiek; codrdinator → coördinator;
  "NVt" → "N.v.t.". The authors' own spelling stays (e.g. "voorgezet", "tegemoet aan").
- Fragments of the form's left column that bled into the values were dropped ("Doel, beoogd
  resultaat", "Doel, beoogd resultaat PR : .", "Dos), boves feetizel", "Do), Poees Estieet",
  a stray "9"); OCR'd bullet glyphs ("o", "e", "*") became list items ("- ").
- Lines the scan broke mid-sentence were joined; paragraphs are separated by a blank line and
  list items are lines starting with "- " (sub-items "  - "), a list set off by blank lines.
- The OCR printed the form's labels as a block followed by the values in the same order; empty
  cells simply have no value, so each value was assigned by order *and* meaning (see the
  comments). Answers to the three questions are split into an answer code and the rest of the
  text; the answer words are removed from the text only when they lead it ("Ja,", "Nee.",
  "Nog niet bekend.", "N.v.t."), so that label + toelichting reproduces the form.
- "Stand van zaken" blocks inside a question's cell moved to ``status_updates``.
- Date fields keep the text as written (one line: a multi-line date is joined with "; ").

Pure data: no Django imports, loaded by ``oogst.demo.pilots``.
"""

# (number, name) in the municipality's numbering, as printed in the appendix, normalised to
# "Programma N. Name" (the appendix sometimes omits the dot: "Programma 3 Leefbaarheid, ...").
PROGRAMMAS = [
    (1, "Onderwijs, economie en arbeidsparticipatie"),
    (2, "Samen leven en ondersteunen"),
    (3, "Leefbaarheid, duurzaam en groen"),
    (5, "Veiligheid"),
    (7, "Inrichting van de stad"),
]

# Every portefeuille named in the seeds ("Openbare orde en veiligheid" in RIO is the same one as
# "Openbare orde en Veiligheid"). The memo names none; see its pilot for why it has "".
PORTEFEUILLES = [
    "Wonen",
    "Openbare orde en Veiligheid",
    "Armoedebeleid",
    "Jeugd en onderwijs",
    "Natuur en milieu",
    "Verkeer en mobiliteit",
    "Programma Meerzicht",
]

# Organisations the seeds name as working with the municipality on a pilot. Unnamed groups
# ("ketenpartners", "werkgevers", "de corporaties", "lokale partners", "vrijwilligers") are
# left out.
PARTNERS = [
    "Vidomes",
    "Ministerie van Justitie en Veiligheid",
    "RIEC",
    "Gemeente Leiden",
    "De Binnenbaan",
    "Musketier",
    "Keerkring",
    "Stichting Steenbreek",
    "IVN",
    "Stichting Piëzo",
    "COA",
]

MINISTERIE_JENV = "Ministerie van Justitie en Veiligheid"

PILOTS = [
    {
        "slug": "flexwonen-ruimtebaan",
        "name": "Flexwonen Ruimtebaan",
        "korte_omschrijving": (
            "Naar aanleiding van motie 1911-35: Flexwonen is onderzoek gedaan naar 4 potentiële "
            "locaties in Zoetermeer die kansen bieden voor het realiseren van flexibele "
            "woonconcepten. Het college heeft een voorkeur uitgesproken om de locatie Ruimtebaan "
            "nader te verkennen. Het project Flexwonen Ruimtebaan behelst de realisatie van ca. 80 "
            "tijdelijke sociale huurwoningen voor spoedzoekers op het voormalig baggerdepot aan de "
            "Ruimtebaan. Hiervoor is de samenwerking gezocht met woningcorporatie Vidomes."
            "\n\n"
            "In Q3 2024 is de omgevingsvergunning om te starten met de bouwwerkzaamheden "
            "afgegeven. Sinds november 2024 is er gestart met de bouw van de woningen. De eerste "
            "bewoners kunnen volgens verwachting eind Q3 2025 hun woning betrekken."
        ),
        "programma": 7,
        "portefeuille": "Wonen",
        "doel": (
            "De voorbereiding van de bouw van ca. 80 flexwoningen op de locatie Ruimtebaan, "
            "waarbij duidelijk is onder welke voorwaarden de flexwoningen ingepast kunnen worden, "
            "wie deze ontwikkelt, bouwt, verhuurt en beheert en welke financiële consequenties dit "
            "voor de gemeente heeft."
        ),
        "startdatum": "20 december 2021 (vaststelling projectopdracht door het college)",
        # Six values follow the seven labels Einddatum ... Hoe bestuurlijk gerapporteerd. The
        # "2x per jaar" recurrence can only be the Evaluatiemoment, so the value before it is the
        # Einddatum; the three identical answers fit the three questions, leaving the
        # "Uitkomst evaluatie" cell empty (as in IPTA and RIO).
        "einddatum": "4de kwartaal 2025",
        "evaluatiemoment": (
            "2x per jaar in Rapportage Ruimtelijk Fysiek, eerstvolgende over het eerste halfjaar "
            "van 2025"
        ),
        "uitkomst_evaluatie": "",
        "succesvol": "nog_niet_bekend",
        "succesvol_toelichting": "Het project bevindt zich in de uitvoeringsfase.",
        "beleid_aanpassen": "nog_niet_bekend",
        "beleid_aanpassen_toelichting": "Het project bevindt zich in de uitvoeringsfase.",
        "financieel_gevolg": "nog_niet_bekend",
        "financieel_gevolg_toelichting": "Het project bevindt zich in de uitvoeringsfase.",
        "bestuurlijk_gerapporteerd": (
            "Besluitvorming over de haalbaarheidsfase heeft in oktober 2022 plaatsgevonden. "
            "Tevens wordt de raad twee maal per jaar geïnformeerd via de Rapportage Ruimtelijk "
            "Fysiek."
        ),
        "status_updates": [],
        # "Het project bevindt zich in de uitvoeringsfase"; building started in November 2024.
        "fase": "uitvoering",
        "resultaat": "",
        "aanleiding_soort": "motie",
        "motienummers": ["1911-35"],
        "aanleiding_toelichting": "Motie 1911-35: Flexwonen",
        "partners": ["Vidomes"],
    },
    {
        "slug": "woonoverlast",
        "name": "Woonoverlast",
        "korte_omschrijving": (
            "Woonoverlast als gevolg van het gedrag van omwonenden kan hardnekkige vormen "
            "aannemen. In de meest extreme gevallen kan de overlast jarenlang aanhouden. "
            "Woonoverlast kent verschillende gradaties: van geluidsoverlast tot en met ernstige "
            "overlast waar zelfs de veiligheid en leefbaarheid in het geding komen. Aanhoudende "
            "woonoverlast kan het woongenot en het veiligheidsgevoel van bewoners ernstig "
            "aantasten."
            "\n\n"
            "Om die reden is een speciale coördinator Woonoverlast aangesteld die de diverse "
            "gevallen van woonoverlast probeert op te lossen. Tevens is een apart meldpunt voor "
            "inwoners van de stad geopend. Via dit digitale meldpunt, ‘overlast van buren’ "
            "geheten, kunnen inwoners woonoverlast melden."
            "\n\n"
            "Het college heeft in november 2023 de beleidsregel Terugdringen woonoverlast 2023 "
            "Zoetermeer vastgesteld. De praktische uitwerking van deze beleidsregel wordt "
            "betrokken bij de algehele evaluatie."
        ),
        "programma": 5,
        "portefeuille": "Openbare orde en Veiligheid",
        # The scan split this sentence around "Doel, beoogd resultaat PR : ." and a stray "9".
        "doel": (
            "Door integraal met ketenpartners samen te werken woonoverlast terugdringen of "
            "beëindigen, het woongenot van inwoners bevorderen én, indien nodig, hulp en/of zorg "
            "bieden aan veroorzakers van woonoverlast en/of overlastmelders."
        ),
        # Five values for eight labels (Startdatum ... Hoe bestuurlijk gerapporteerd): three
        # dates in order, then one answer, then the reporting line.
        "startdatum": "September 2020",
        "einddatum": "December 2024",
        "evaluatiemoment": "1ste helft 2025",
        "uitkomst_evaluatie": "",
        # The one answer sits where the success question's answer sits in the other forms and
        # says the result is not known yet; the policy and finance cells are empty.
        "succesvol": "nog_niet_bekend",
        "succesvol_toelichting": "Dat wordt in de tweede helft van 2025 duidelijk.",
        "beleid_aanpassen": "",
        "beleid_aanpassen_toelichting": "",
        "financieel_gevolg": "",
        "financieel_gevolg_toelichting": "",
        "bestuurlijk_gerapporteerd": "Tweemaal per jaar overleg met de burgemeester.",
        "status_updates": [],
        # Ended December 2024, evaluated in the first half of 2025, outcome expected later.
        "fase": "evaluatie",
        "resultaat": "",
        "aanleiding_soort": "",  # the form does not say what started the pilot
        "motienummers": [],
        "aanleiding_toelichting": "",
        "partners": [],  # only unnamed "ketenpartners"
    },
    {
        "slug": "dealbreakers",
        "name": "Dealbreakers",
        "korte_omschrijving": (
            "Dealbreakers is een schoolgerichte pilot die tot doel heeft jonge aanwas in "
            "(drugs)criminaliteit te voorkomen. De aanpak is gestart in 2021 met (financiële) "
            "ondersteuning van het ministerie van Justitie en Veiligheid en het RIEC. De subsidie "
            "is over de periode van 1 januari 2023 tot en met 31 december 2024 verlengd met een "
            "bijdrage van € 200.000, waarmee diverse innovatieve interventies (zoals positieve "
            "voorbeeldrollen, trainingen voor onderwijzers en een online veiligheidsscan) in het "
            "Zoetermeerse onderwijs zijn uitgezet. De rijkssubsidie is na 2024 niet verlengd. De "
            "aanpak wordt regionaal voorgezet met interventies die door het RIEC zijn ingekocht, "
            "onder leiding van de netwerkregisseur schoolveiligheid."
        ),
        "programma": 5,
        "portefeuille": "Openbare orde en Veiligheid",
        "doel": (
            "Met de pilot wordt beoogd om samen met de betrokken partners te komen tot een brede "
            "domeinoverstijgende preventieve aanpak om te voorkomen dat kwetsbare jeugdigen en "
            "jongvolwassenen in aanraking komen met criminaliteit of daarin verder doorgroeien."
        ),
        "startdatum": "1 januari 2021",
        "einddatum": "31 december 2024",
        "evaluatiemoment": "Jaarlijks",
        # Seven values for eight labels: the three texts after "Jaarlijks" answer, by meaning,
        # success (what was achieved), policy (continued from 2025) and finance (regular
        # capacity); the "Uitkomst evaluatie" cell is empty. None starts with an explicit answer.
        "uitkomst_evaluatie": "",
        "succesvol": "",
        "succesvol_toelichting": (
            "Vanuit project Dealbreakers is ingezet op het voorkomen van jonge aanwas in "
            "criminaliteit middels kansrijke schoolgerichte interventies. Zo is ingezet op "
            "ondersteuning van onderwijzend personeel ('Preventieve Leerkracht'), creëren van "
            "inzicht in veiligheid en burgerschap op scholen (‘Indicator'), positieve "
            "voorbeeldrollen (‘Serdar Gozubuyuk' en 'MC Chaos') en moedertraining ('moeder is de "
            "sleutel'). De introductie van deze vaak innovatieve interventies heeft er toe geleid "
            "dat een belangrijk deel hiervan in de reguliere aanpak van scholen is opgenomen. "
            "Daarnaast is samen met RIEC Den Haag gewerkt aan het opbouwen van een doorgaande "
            "leerlijn binnen diverse Zoetermeerse scholen. De inzet van 'Escaperoom’, welke "
            "gezamenlijk is ingekocht met de gemeente Leiden, is hiervan een voorbeeld."
        ),
        "beleid_aanpassen": "",
        "beleid_aanpassen_toelichting": (
            "Met ingang van 2025 wordt Dealbreakers voorgezet met interventies die door het RIEC "
            "zijn ingekocht. De gemeente Zoetermeer, Veiligheid en Onderwijs, zal een verbindende "
            "rol (blijven) spelen tussen Dealbreakers en het lokale onderwijs."
        ),
        "financieel_gevolg": "",
        "financieel_gevolg_toelichting": (
            "De inzet voor Dealbreakers wordt vanaf 2025 vanuit de reguliere capaciteit "
            "(netwerkregisseur schoolveiligheid) bekostigd."
        ),
        "bestuurlijk_gerapporteerd": (
            "De burgemeester en wethouder onderwijs zijn regelmatig tijdens het "
            "wethoudersoverleg over Dealbreakers geïnformeerd."
        ),
        "status_updates": [],
        # Ended 31 December 2024 when the national subsidy stopped; from 2025 the approach is
        # "regionaal voorgezet" with interventions bought by the RIEC ("geborgd" was arguable,
        # as the municipality's part is now paid from regular capacity).
        "fase": "afgerond",
        "resultaat": "voortgezet",
        "aanleiding_soort": "rijksprogramma",
        "motienummers": [],
        "aanleiding_toelichting": (
            "Gestart in 2021 met (financiële) ondersteuning van het ministerie van Justitie en "
            "Veiligheid en het RIEC; rijkssubsidie verlengd over 1 januari 2023 tot en met "
            "31 december 2024 (€ 200.000), na 2024 niet verlengd"
        ),
        # RIEC (Den Haag); the escape room was bought together with the gemeente Leiden.
        "partners": [MINISTERIE_JENV, "RIEC", "Gemeente Leiden"],
    },
    {
        "slug": "ipta",
        "name": "IPTA (Integrale Persoonsgerichte Toeleiding naar Arbeid)",
        "korte_omschrijving": (
            "De gemeente Zoetermeer neemt sinds 2018 deel aan de landelijke pilot Integrale "
            "Persoonsgerichte Toeleiding naar Arbeid (IPTA) van het ministerie van Justitie en "
            "Veiligheid. Het betreft een coachingsmethodiek gericht op jongeren die dreigen af te "
            "glijden in criminaliteit. Binnen dit project is vanaf de start gekozen voor een "
            "domeinoverstijgende aanpak. Hierbij is expertise op het gebied van coaching gevonden "
            "binnen het Sociaal domein en De Binnenbaan. Aansturing van het project en afstemming "
            "met het ministerie zijn belegd bij Veiligheid. De aanpak zorgt indirect voor een "
            "veiligere samenleving, maar er worden ook veel kosten bespaard. De maatschappelijke "
            "baten zitten niet alleen in het voorkomen van criminaliteit, maar ook in het "
            "voorkomen van kosten die voortkomen uit vroegtijdig schoolverlaten, "
            "schuldenproblematiek en slachtofferschap. De methodiek dient als voorbeeld van een "
            "interventie waarin daadwerkelijk integraal wordt samengewerkt door professionals uit "
            "sociaal- en veiligheidsdomein."
        ),
        "programma": 5,
        "portefeuille": "Openbare orde en Veiligheid",
        "doel": (
            "Middels intensieve coaching voorkomen dat jongeren (verder) afglijden in "
            "criminaliteit. Hiermee maatschappelijke kosten voorkomen die voortkomen uit "
            "bijvoorbeeld schooluitval, schulden en daderschap."
        ),
        "startdatum": "2018",
        # Six values for the seven labels after Startdatum: "onbekend" and "jaarlijks" are the
        # dates, the "Ja," / "Nee." / "Nog niet." answers the three questions; "Uitkomst
        # evaluatie" is empty.
        "einddatum": "onbekend",
        "evaluatiemoment": "jaarlijks",
        "uitkomst_evaluatie": "",
        "succesvol": "ja",  # leading "Ja," removed
        "succesvol_toelichting": (
            "jaarlijks worden de levens van tientallen risicojongeren gestabiliseerd waarmee "
            "(verder) afglijden in criminaliteit wordt voorkomen en wordt bespaard op "
            "maatschappelijke kosten. De pilot wordt intensief gemonitord en geëvalueerd door het "
            "ministerie van Justitie en Veiligheid, die eigenaar is van de pilot."
        ),
        "beleid_aanpassen": "nee",  # leading "Nee." removed
        "beleid_aanpassen_toelichting": (
            "Wel zal vanaf 2027 moeten worden bekeken op welke manier (en omvang) de pilot in de "
            "gemeente kan worden geborgd, aangezien de aanpak grotendeels met incidentele "
            "Rijksmiddelen wordt betaald."
        ),
        # "Nog niet." ("not yet") is a no for now, not "not yet known"; kept as the text so
        # the nuance is not lost.
        "financieel_gevolg": "nee",
        "financieel_gevolg_toelichting": "Nog niet.",
        "bestuurlijk_gerapporteerd": (
            "De burgemeester wordt regelmatig geïnformeerd over IPTA als onderdeel van de "
            "jeugdaanpak."
        ),
        "status_updates": [],
        # Running since 2018 with no end date; young people are coached every year.
        "fase": "uitvoering",
        "resultaat": "",
        "aanleiding_soort": "rijksprogramma",
        "motienummers": [],
        "aanleiding_toelichting": "Landelijke pilot van het ministerie van Justitie en Veiligheid",
        # The ministry owns the pilot; coaching expertise comes from De Binnenbaan.
        "partners": [MINISTERIE_JENV, "De Binnenbaan"],
    },
    {
        "slug": "vindplaats-verborgen-schulden",
        "name": "Vindplaats verborgen schulden",
        "korte_omschrijving": (
            "In het project staat de rol van werkgevers als vindplaats van financiële problemen "
            "en schulden bij werknemers centraal. Doel is het verkrijgen van inzicht in de "
            "kennis- en informatiebehoefte van werkgevers en werknemers over financiële "
            "ondersteuning op de werkvloer. Dit doen we door voorlichting te geven aan werknemers "
            "en leidinggevenden om bewustwording over geldzorgen te creëren en informatie te "
            "delen over ondersteuningsmogelijkheden, waaronder het gemeentelijke aanbod. "
            "Werknemers die via werkgevers in beeld komen willen we snel schuldrust bieden door "
            "het opkopen van (kleine) schulden. Dit draagt bij aan het versterken van "
            "bestaanszekerheid."
            "\n\n"
            "Het project is onderdeel van het Programma Sociale innovatie."
        ),
        "programma": 1,
        "portefeuille": "Armoedebeleid",
        "doel": (
            "Vroegsignalering van geldzorgen via werkgevers. Inzicht krijgen in de kennis- en "
            "informatiebehoefte bij 10 werkgevers over het gemeentelijke aanbod van "
            "schuldhulpverlening en armoedebestrijding (inkomensvoorzieningen), in het bijzonder "
            "de groep 'werkende armen'. Op een laagdrempelige wijze verzorgen van "
            "geldclinics/voorlichting (op maat en gedifferentieerd naar leidinggevenden, "
            "HR-professionals en werknemers) en communicatie over het gemeentelijke aanbod."
        ),
        "startdatum": "Maart 2023",
        # Only two dates for the three date labels. Read in order, "Q3 2025" is the Einddatum
        # (end of the scaled-up follow-up in 2025) and the Evaluatiemoment cell is empty; the
        # evaluation of the first part has already taken place (see uitkomst_evaluatie).
        # Ambiguous: "Q3 2025" could also be the evaluation moment of the follow-up.
        "einddatum": "Q3 2025",
        "evaluatiemoment": "",
        # The paragraph before "De uitvoeringsfase is succesvol afgerond" fills the
        # "Uitkomst evaluatie" cell.
        "uitkomst_evaluatie": (
            "Als afronding van dit gedeelte van de pilot is een evaluatie opgesteld en zijn de "
            "opbrengsten en lessen met de interne stakeholders besproken."
        ),
        # "De uitvoeringsfase is succesvol afgerond" is an explicit yes (9 of the 10 intended
        # employers were reached, so "deels" was arguable); the text is kept whole.
        "succesvol": "ja",
        "succesvol_toelichting": (
            "De uitvoeringsfase is succesvol afgerond. Er zijn voorlichtingssessies bij negen "
            "werkgevers gehouden en informatie verstrekt over het signaleren en aangaan van een "
            "gesprek over geldzorgen en het doorverwijzen naar (gemeentelijke) hulp. Drie "
            "werknemers zijn doorgeleid naar hulp."
            "\n\n"
            "Over de opbrengsten en lessen zijn presentaties verzorgd bij een SEBO-bijeenkomst "
            "met ruim 30 werkgevers en een G40 ambtelijk overleg."
        ),
        # The two bullets printed after the label block answer the policy question (no
        # explicit yes/no); the "Stand van zaken" after them moved to status_updates.
        "beleid_aanpassen": "",
        "beleid_aanpassen_toelichting": (
            "- Uit de evaluatie komt de wens naar voren de pilot nog op grotere schaal uit te "
            "testen en een beter inzicht te verkrijgen over de (financiële) baten van het "
            "project. Ook vanuit werkgevers is er vraag naar nieuwe leersessies met managers over "
            "moeilijke thema’s rondom geld.\n"
            "- Bij een positief besluit vanuit de betrokken wethouders volgt een plan voor het op "
            "grotere schaal uitvoeren van de pilot."
        ),
        "financieel_gevolg": "",  # no explicit answer; the amounts are in the third update
        "financieel_gevolg_toelichting": (
            "In het eerste deel van de pilot is een beperkt deel van het beschikbare budget "
            "gebruikt. Hierover wordt in de P&C-cyclus gerapporteerd. Voor de uitvoering van het "
            "vervolg is voldoende budget beschikbaar."
        ),
        "bestuurlijk_gerapporteerd": (
            "Via Voortgangsrapportage aan de raad, via de projectrapportage Sociaal domein en de "
            "P&C-cyclus."
        ),
        # Three "Stand van zaken" blocks, in the cells of the success, policy and finance
        # questions. The five unbulleted lines of the first are separate points (the scan lost
        # their bullets); the "o" lines are sub-points of the last one. The "*" footnote,
        # printed after the label block, explains "netto-effectiviteit*" in that update.
        "status_updates": [
            {
                "title": "Scopeverbreding",
                "text": (
                    "- 10-15 extra werkgevers voor een groter bereik aan werkgevers en "
                    "samenstelling werknemers (rekening houdend met het type sector/branche).\n"
                    "- Definitie van de juiste doelgroep werknemers voor de werkgeversaanpak.\n"
                    "- Een dienstverleningsaanbod voor werkgevers dat tegemoet aan de vraag van "
                    "werkgevers.\n"
                    "- Een aanpak die voor de gemeente kosteffectief is.\n"
                    "- Inzicht in effecten ten behoeve van verantwoording en doorontwikkeling van "
                    "een aanpak.\n"
                    "  - Op welke manier wordt de netto-effectiviteit* in kaart gebracht die "
                    "optreedt als gevolg van een interventie vanuit het project?\n"
                    "  - Welke schulden/problemen zijn met deze interventie verholpen of "
                    "eventueel voorkomen (bijv. aanmaningen, loonbeslag, bronheffing CAK, "
                    "ontslag, uitkeringen).\n"
                    "  - Welke problematische schulden kosten de gemeente het meeste geld? Is er "
                    "een classificatie mogelijk te maken van de doelgroep?"
                    "\n\n"
                    "*Om het netto-effect te bepalen moeten we weten wat er met een werknemer zou "
                    "zijn gebeurd als deze niet aan via het project was bereikt. Dit nemen we per "
                    "definitie niet waar. De centrale vraag is dan hoe we een overtuigende "
                    "schatting hiervan kunnen maken."
                ),
            },
            {
                "title": "",
                "text": (
                    "- De betrokken wethouders hebben besloten om het project in 2025 op grotere "
                    "schaal toe te passen.\n"
                    "- De projectaanpak voor het vervolg in 2025 is opgesteld en met betrokken "
                    "wethouders vastgesteld."
                ),
            },
            {
                "title": "",
                "text": (
                    "Van de kostenraming is nog € 339.225 niet besteed. Voor het vervolg is een "
                    "bedrag van € 160.000 geraamd."
                ),
            },
        ],
        # The first part is completed and evaluated; the scaled-up follow-up for 2025 has been
        # decided and its approach adopted, so the pilot is running again.
        "fase": "uitvoering",
        "resultaat": "",
        # The form only says it is part of the Programma Sociale innovatie, not whose
        # programme that is or what started it.
        "aanleiding_soort": "",
        "motienummers": [],
        "aanleiding_toelichting": "Onderdeel van het Programma Sociale innovatie",
        "partners": [],  # only unnamed employers
    },
    {
        "slug": "rio-re-integratie-officier",
        "name": "RIO (re-integratie officier)",
        "korte_omschrijving": (
            "De gemeente Zoetermeer neemt sinds september 2022 deel aan de landelijke pilot RIO "
            "(re-integratie officier) van het ministerie van Justitie en Veiligheid. De pilot is "
            "gericht op ex-detentie jongeren die een high impact crime (HIC) hebben begaan. Met "
            "middelen van het ministerie is een re-integratie officier aangesteld die extra op "
            "deze doelgroep inzet. Het project wordt daarnaast gebruikt om het nazorgproces, van "
            "binnen (Penitentiaire Inrichting) naar buiten (gemeente) te verbeteren."
        ),
        "programma": 5,
        # Printed as "Openbare orde en veiligheid": the same portefeuille.
        "portefeuille": "Openbare orde en Veiligheid",
        "doel": (
            "Het project heeft de volgende doelen: 1) verlagen kans op strafrechtelijke recidive. "
            "2) resocialisatie van ex-detentie jongeren. 3) doorontwikkelen van de gemeentelijke "
            "aanpak nazorg ex-gedetineerden"
        ),
        "startdatum": "1 september 2022",
        "einddatum": "Onbekend.",
        # Five values for six labels: "jaarlijks" is the Evaluatiemoment, the next three texts
        # answer the three questions (they mirror IPTA's answers) and "Uitkomst evaluatie" is
        # empty.
        "evaluatiemoment": "jaarlijks",
        "uitkomst_evaluatie": "",
        # "De eerste ervaringen zijn positief" is no explicit yes.
        "succesvol": "",
        "succesvol_toelichting": (
            "De eerste ervaringen zijn positief. In 2024 zijn ongeveer 14 (ex-) detentiejongeren "
            "begeleid. De resultaten zijn voor het Ministerie aanleiding geweest om een extra "
            "uitkering toe te kennen voor een tweede RIO in Zoetermeer. Daarnaast is de "
            "burgemeester gevraagd om als landelijk boegbeeld voor de aanpak op te treden. De "
            "pilot RIO wordt intensief gemonitord en geëvalueerd door het ministerie van J&V, die "
            "eigenaar is van de pilot."
        ),
        "beleid_aanpassen": "",  # no explicit yes/no
        "beleid_aanpassen_toelichting": (
            "Omdat de aanpak grotendeels met incidentele Rijksmiddelen wordt betaald moet op "
            "langere termijn worden bekeken of de pilot in de reguliere aanpak kan worden "
            "geborgd. Hiervoor wordt een plan van aanpak “Bureau Nazorg Zoetermeer” voorbereid."
        ),
        # "Nog niet." ("not yet"): no for now, kept as the text (as in IPTA).
        "financieel_gevolg": "nee",
        "financieel_gevolg_toelichting": "Nog niet.",
        "bestuurlijk_gerapporteerd": (
            "De burgemeester wordt regelmatig geïnformeerd over RIO als onderdeel van de "
            "jeugdaanpak."
        ),
        "status_updates": [],
        # Running since September 2022, end unknown; young people were coached in 2024.
        "fase": "uitvoering",
        "resultaat": "",
        "aanleiding_soort": "rijksprogramma",
        "motienummers": [],
        "aanleiding_toelichting": "Landelijke pilot van het ministerie van Justitie en Veiligheid",
        "partners": [MINISTERIE_JENV],
    },
    {
        "slug": "expertisepool",
        "name": "Pilot Expertisepool en Onderwijs-behandelgroep",
        "korte_omschrijving": (
            "Kinderen die aangewezen zijn op ambulante jeugdhulpbegeleiding of behandeling om "
            "(weer) deel te kunnen nemen aan de lessen op school, krijgen soms korte of langere "
            "periode geen onderwijs. Dit is niet wenselijk. Een goede aansluiting tussen "
            "onderwijs en jeugdhulp is belangrijk om het leer- en ontwikkelproces van jonge "
            "kinderen zo min mogelijk te onderbreken. Daarom wordt een pilot gestart waarbij twee "
            "onderwijs-jeugdhulpvoorzieningen worden ingericht voor het primair onderwijs in "
            "Zoetermeer: een Expertisepool en een Onderwijs-behandelgroep. Een Expertisepool "
            "betreft een multidisciplinair team van jeugdhulpprofessionals en "
            "onderwijsdeskundigen, verbonden aan het speciaal basisonderwijs (SBO) en het "
            "speciaal onderwijs (SO). De Expertisepool wordt ook gekoppeld aan ZOJA "
            "(Zoetermeerse Onderwijs-Jeugdhulparrangementen), de observatiegroep/Time-out bedoeld "
            "voor leerlingen die dreigen uit te vallen uit het onderwijs."
            "\n\n"
            "De onderwijsbehandelgroep bestaat uit een behandelgroep en onderwijsklas voor "
            "leerlingen tussen de 4-7 jaar, waarin in gezamenlijkheid wordt gewerkt aan terugkeer "
            "naar het onderwijs."
        ),
        "programma": 2,
        "portefeuille": "Jeugd en onderwijs",
        # The four bullets printed after the label block continue the Expertisepool's list of
        # intended results (they are targets, e.g. "maximaal 3 weken"), so they belong here.
        "doel": (
            "De onderwijsbehandelgroep is in Q4 2023 gestart. Het bleek voor dit project niet "
            "haalbaar om deze groep vanuit collectieve middelen te financieren. De "
            "onderwijsbehandelgroep wordt om deze reden vanuit de ZIN (individuele jeugdhulp) "
            "gelden bekostigd. De onderwijsbehandelgroep, de Schatkist genaamd, is geen pilot, "
            "maar een vast aanbod binnen Zoetermeer."
            "\n\n"
            "Expertisepool"
            "\n\n"
            "- Instroom verlaging van leerlingen naar geïndiceerde individuele jeugdhulp\n"
            "- Minder thuiszitters\n"
            "- De tijd die zit tussen het besluit dat er (kortdurende) hulp nodig is en de "
            "daadwerkelijke start is maximaal 3 weken\n"
            "- Duur van de begeleiding wordt verkort van gemiddeld 24 naar 16 weken.\n"
            "- Samenwerking tussen school, ouder(s)/verzorger(s) en hulpverlening verbetert\n"
            "- De pedagogische vaardigheden van de leerkrachten en ondersteuners is vergroot"
        ),
        # The phased start (four lines in the form) joined into the one-line date field.
        "startdatum": (
            "Project expertisepool is gefaseerd gestart: Cluster 4 onderwijs — Musketier gestart "
            "in Q1 2023 (en sinds begin 2024 bekostigd vanuit de expertisepool); Cluster 3 "
            "onderwijs — Keerkring gestart in Q3 2024; SBO onderwijs — Q1 van 2025"
        ),
        "einddatum": "Eind 2025",
        "evaluatiemoment": "Q2 2025",
        # The four paragraphs after the dates answer the success question together (goals not
        # yet measurable, positive developments); no explicit yes/no. "Uitkomst evaluatie" is
        # empty, as in the other forms.
        "uitkomst_evaluatie": "",
        "succesvol": "",
        "succesvol_toelichting": (
            "Een lange adem is nodig om de zichtbare resultaten te zien. Samenwerking van "
            "jeugdhulp op het onderwijs kost tijd, vooral op data niveau om instroom verlaging "
            "terug te zien van geïndiceerde individuele jeugdhulp."
            "\n\n"
            "Op basis van de evaluaties wordt inhoudelijk positieve ontwikkelingen ervaren. Zorg "
            "kan snel gestart worden en het werkt kwalitatief goed om jeugdhulp expertise "
            "dichtbij het schoolklimaat te hebben. Hiermee wordt aangegeven dat er minder wordt "
            "aangemeld bij geïndiceerde jeugdhulp dan voor de komst van de expertisepool."
            "\n\n"
            "De schoolkwaliteit wordt verhoogd, onderwijs kan weer onderwijs geven, vanwege de "
            "komst van de jeugdhulpprofessional verbonden aan de school/klas."
            "\n\n"
            "Komende periode zal er wel dieper ingezoomd worden met de scholen en de betrokken "
            "jeugdhulpprofessionals met daarbij de focus op de gestelde resultaten om het aanbod "
            "nog passender vorm te geven."
        ),
        # "Bestaand beleid hoeft niet aangepast te worden." is an explicit no, but not a
        # leading "Nee.", so the text stays whole.
        "beleid_aanpassen": "nee",
        "beleid_aanpassen_toelichting": (
            "Bestaand beleid hoeft niet aangepast te worden. De ontwikkelingen, passende binnen "
            "het jeugdhulp beleid, met een aantal regio gemeenten sluiten naadloos aan bij de "
            "ontwikkelingen van de expertisepool. Om jeugdhulp collectief in de school te kunnen "
            "gaan bekostigen i.p.v. individueel buiten de school."
        ),
        "financieel_gevolg": "nvt",  # "N.v.t." printed next to the label
        "financieel_gevolg_toelichting": "",
        "bestuurlijk_gerapporteerd": (
            "De pilot expertisepool wordt meegenomen in de perspectiefnota en de jaarrekening."
        ),
        "status_updates": [],
        # Started in phases up to Q1 2025, runs to the end of 2025, evaluations under way.
        "fase": "uitvoering",
        "resultaat": "",
        "aanleiding_soort": "",  # the form does not say what started the pilot
        "motienummers": [],
        "aanleiding_toelichting": "",
        # The schools where the expertisepool started (cluster 4 and cluster 3 onderwijs).
        "partners": ["Musketier", "Keerkring"],
    },
    {
        "slug": "tuinrangers",
        "name": "Tuinrangers",
        "korte_omschrijving": (
            "Het project Tuinrangers is gestart om het vergroenen van tuinen te bevorderen en zo "
            "een bijdrage te leveren aan de leefomgeving en de natuur. Tuinrangers zijn "
            "vrijwilligers uit Zoetermeer, die worden opgeleid om inwoners gratis met praktische "
            "adviezen te helpen om hun tuin te vergroenen. In dit initiatief werkt Zoetermeer "
            "samen met Stichting Steenbreek en IVN. Zie het raadsmemo pilotproject Tuinrangers."
            "\n\n"
            "Update februari 2025"
            "\n\n"
            "Eind januari waren er 44 geïnteresseerden op de informatieavond. Half februari is de "
            "opleiding gestart voor 10 geselecteerde kandidaat-tuinrangers en deze duurt tot eind "
            "mei. De verdere planning is als volgt: vanaf begin juni gaan de tuinrangers advies "
            "geven in de tuinen van Zoetermeerders die een advies hebben aangevraagd. Advies "
            "aanvragen kan vanaf voorjaar 2025 en hiervoor wordt een communicatiecampagne "
            "opgezet."
        ),
        "programma": 3,  # printed "Programma 3 Leefbaarheid, duurzaam en groen"
        "portefeuille": "Natuur en milieu",
        # The scan split this sentence around the garble "Dos), boves feetizel".
        "doel": (
            "Doel van dit drie jaar durende pilotproject is om het ontstenen en vergroenen van "
            "particuliere tuinen door inwoners te vergemakkelijken en te stimuleren. Hierbij "
            "wordt uitgegaan van in totaal rond de 600 te geven tuinadviezen in Zoetermeer."
        ),
        "startdatum": "27-08-2024",
        "einddatum": "31-12-2027",
        "evaluatiemoment": "Aan het eind van het project, najaar 2027",
        "uitkomst_evaluatie": "",
        # Each "N.v.t." is printed next to its own label.
        "succesvol": "nvt",
        "succesvol_toelichting": "",
        "beleid_aanpassen": "nvt",
        "beleid_aanpassen_toelichting": "",
        "financieel_gevolg": "nvt",
        "financieel_gevolg_toelichting": "",
        "bestuurlijk_gerapporteerd": "N.v.t.",  # printed "NVt"
        "status_updates": [],  # the "Update februari 2025" stays in the description
        # Training of the tuinrangers started in February 2025; advice from June.
        "fase": "uitvoering",
        "resultaat": "",
        "aanleiding_soort": "",  # the form does not say what started the pilot
        "motienummers": [],
        "aanleiding_toelichting": "",
        "partners": ["Stichting Steenbreek", "IVN"],
    },
    {
        "slug": "buurtvervoer",
        "name": "Buurtvervoer/Maatwerkvervoer",
        "korte_omschrijving": (
            "Door de verschraling van het openbaar vervoer zijn niet alle locaties binnen "
            "Zoetermeer voor iedere groep lopend bereikbaar. Voor mensen die minder goed ter been "
            "zijn maar niet binnen de Wmo-regeling vallen, betekent dit dat zij geen gebruik "
            "kunnen maken van het openbaar vervoer (OV) in de wijken als de halte iets verder weg "
            "ligt of naar winkelcentra, ziekenhuis of gewoon naar familie binnen Zoetermeer. Voor "
            "reizigers die gezond van lijf en lede zijn is dit wel mogelijk. Ondanks dat het "
            "wenselijk is op sommige locaties zoals Rokkeveen een robuuster netwerk van OV-haltes "
            "te hebben. Om vervoersarmoede/vereenzaming tegen te gaan, is het voorstel om als "
            "antwoord op het verschralende OV in de wijken via Buurtvervoer Zoetermeerders "
            "gelegenheid te bieden om gebruik te maken van het OV en bezoeken binnen de "
            "gemeentegrenzen. Buurtvervoer om op een laagdrempelige manier deze groep op gepaste "
            "wijze te vervoeren binnen Zoetermeer."
        ),
        "programma": 7,  # printed "Programma 7 Inrichting van de stad"
        "portefeuille": "Verkeer en mobiliteit",
        "doel": (
            "Realiseren pilot maatwerkvervoer en het daarmee opdoen van ervaring met het bieden "
            "van effectief, innovatief en betaalbaar maatwerkvervoer en tevens invulling geven aan "
            "afspraken in het coalitieakkoord."
        ),
        "startdatum": "15 april 2024",
        # Six values for seven labels; the first two name their field themselves
        # ("Einddatum is ...", "Evaluatiedatum is ..."), "Uitkomst evaluatie" is empty.
        "einddatum": (
            "Nader te bepalen. Einddatum is afhankelijk van nog te maken keuzes over de vorm van "
            "een aanbesteding en een daadwerkelijke aanbesteding."
        ),
        "evaluatiemoment": (
            "Nader te bepalen. Evaluatiedatum is afhankelijk van moment van daadwerkelijke "
            "realisatie van de pilot."
        ),
        "uitkomst_evaluatie": "",
        # "nog niet te beoordelen" / "nog geen antwoord": not known yet; texts kept whole.
        "succesvol": "nog_niet_bekend",
        "succesvol_toelichting": (
            "De pilot is nog niet in de realisatie fase. Op dit moment is dus nog niet te "
            "beoordelen of de beoogde doelen worden gehaald."
        ),
        "beleid_aanpassen": "nog_niet_bekend",
        "beleid_aanpassen_toelichting": (
            "Gelet op de huidige status van het project kan hier nog geen antwoord op worden "
            "gegeven."
        ),
        "financieel_gevolg": "nog_niet_bekend",
        "financieel_gevolg_toelichting": (
            "Gelet op de huidige status van het project kan hier nog geen antwoord op worden "
            "gegeven."
        ),
        "bestuurlijk_gerapporteerd": (
            "In de huidige voorbereidingsfase van het project is tot op heden nog niet bestuurlijk "
            "gerapporteerd."
        ),
        "status_updates": [],
        # "In de huidige voorbereidingsfase van het project"; a tender still has to be chosen.
        "fase": "voorbereiding",
        "resultaat": "",
        # The goal includes "invulling geven aan afspraken in het coalitieakkoord": the
        # municipality's own agreement, no motion or national programme.
        "aanleiding_soort": "eigen_initiatief",
        "motienummers": [],
        "aanleiding_toelichting": "Invulling geven aan afspraken in het coalitieakkoord",
        "partners": [],
    },
    {
        "slug": "social-hub",
        "name": "Social hub",
        "korte_omschrijving": (
            "Het college heeft op 23 april 2024 het besluit genomen om de haalbaarheidsfase van "
            "het project Social Hub in Meerzicht te starten en ingestemd met het "
            "participatievoorstel om de jongeren uit de wijk te betrekken. Vanuit het rijk bestaat "
            "er het programma ‘Preventie met gezag’ dat voortkomt uit de brede preventieaanpak "
            "(georganiseerde en ondermijnende) jeugdcriminaliteit. Uit dit programma heeft de "
            "gemeente Zoetermeer subsidie toegewezen gekregen voor een pilot van 2 jaar (2024 "
            "-2025) om een Social Hub op te richten. De reeds toegewezen subsidie staat los van de "
            "recente uitnodiging voor een andere subsidieaanvraag van het Ministerie van Justitie "
            "en Veiligheid vanuit het landelijke programma ‘Preventie met gezag’. Tijdens dit "
            "project richten we in de wijk Meerzicht een locatie in waar jongeren uit de wijk hun "
            "vrije tijd kunnen doorbrengen en op een laagdrempelige manier zelf, of met lokale "
            "partners, activiteiten kunnen ondernemen. Wanneer nodig kunnen jongeren aansluiten "
            "bij bestaande initiatieven binnen de gemeente. Zo draagt de Social Hub bij aan de "
            "bestaande activiteiten in de wijk in plaats van elkaar te beconcurreren. In de Social "
            "Hub vinden jongeren een gemeenschap en een derde thuis, naast hun eerste thuis "
            "(familie) en tweede thuis (vrienden). Dit versterkt de veerkracht en weerbaarheid van "
            "jongeren. Het project Social Hub start met het onderzoeken van de haalbaarheid voor "
            "een plek voor en door jongeren."
        ),
        "programma": 2,
        "portefeuille": "Programma Meerzicht",
        "doel": (
            "Een actieve Social Hub op een fysieke locatie in de wijk Meerzicht waar jongeren een "
            "thuisbasis en gemeenschap vinden. In de Social Hub ondernemen jongeren en lokale "
            "partners activiteiten die een positief perspectief bieden voor, door en met "
            "kwetsbare en risicovolle jongeren."
        ),
        # Seven values for eight labels: three dates, then four "Nog niet bekend" for the three
        # questions and the reporting line; "Uitkomst evaluatie" is empty.
        "startdatum": "1 jan 2024",
        "einddatum": "31 dec 2025",
        "evaluatiemoment": "Derde kwartaal 2025",
        "uitkomst_evaluatie": "",
        "succesvol": "nog_niet_bekend",
        "succesvol_toelichting": "",
        "beleid_aanpassen": "nog_niet_bekend",
        "beleid_aanpassen_toelichting": "",
        "financieel_gevolg": "nog_niet_bekend",
        "financieel_gevolg_toelichting": "",
        "bestuurlijk_gerapporteerd": "Nog niet bekend",
        "status_updates": [],
        # The college started the feasibility phase ("haalbaarheidsfase") and the project
        # "start met het onderzoeken van de haalbaarheid".
        "fase": "verkenning",
        "resultaat": "",
        "aanleiding_soort": "rijksprogramma",
        "motienummers": [],
        "aanleiding_toelichting": (
            "Subsidie uit het programma ‘Preventie met gezag’ (Ministerie van Justitie en "
            "Veiligheid) voor een pilot van 2 jaar (2024 -2025)"
        ),
        # The subsidising ministry; the "lokale partners" are not named.
        "partners": [MINISTERIE_JENV],
    },
    {
        "slug": "van-groot-naar-beter",
        "name": "Van groot naar beter",
        "korte_omschrijving": (
            "De aanleiding van deze pilot is motie 2406-25 Voorjaarsdebat 2024, waarbij gevraagd "
            "is om:"
            "\n\n"
            "- Een pilot te starten met het inzetten van verhuispremies. Ook "
            "verhuiskostenvergoeding onderzoeken (en pilot starten) bij doorstroming van ouderen "
            "is niet ongebruikelijk in gemeenteland. We onderzoeken of een pilot mogelijk is.\n"
            "- In samenwerking met de corporaties een pilot te starten met woonlastengewenning. In "
            "samenwerking met de woningcorporaties kunnen we een woonlastengewenningspilot "
            "onderzoeken. Voor de minder draagkrachtigen kan dat helpen, vooral bij verhuizen van "
            "huur naar huur. Bij koop kan er uit de overwaarde van de te achterlaten koopwoning "
            "een deel ook zelf betaald worden."
        ),
        "programma": 7,  # printed "Programma 7 Inrichting van de stad"
        "portefeuille": "Wonen",
        # The scan split this sentence around the garble "Do), Poees Estieet".
        "doel": (
            "Meer doorstroming van senioren uit grote eengezinswoningen naar een geschikt "
            "zorgtoegankelijk seniorenwoning of appartement, zodat gezinnen (met kinderen) weer "
            "meer mogelijkheden krijgen om een eengezinswoning te betrekken."
        ),
        "startdatum": "Vierde kwartaal 2024: start onderzoek",
        # Six values for seven labels: two dates, then four "Nog niet bekend." for the three
        # questions and the reporting line; "Uitkomst evaluatie" is empty.
        "einddatum": "31-12-2025",
        "evaluatiemoment": "Eind 2025",
        "uitkomst_evaluatie": "",
        "succesvol": "nog_niet_bekend",  # the whole answer was "Nog niet bekend."
        "succesvol_toelichting": "",
        "beleid_aanpassen": "nog_niet_bekend",
        "beleid_aanpassen_toelichting": "",
        "financieel_gevolg": "nog_niet_bekend",
        "financieel_gevolg_toelichting": "",
        "bestuurlijk_gerapporteerd": "Nog niet bekend.",
        "status_updates": [],
        # "start onderzoek" in Q4 2024; "We onderzoeken of een pilot mogelijk is".
        "fase": "verkenning",
        "resultaat": "",
        "aanleiding_soort": "motie",
        "motienummers": ["2406-25"],
        "aanleiding_toelichting": "Motie 2406-25 Voorjaarsdebat 2024",
        "partners": [],  # "de corporaties" are not named
    },
    {
        "slug": "samen-bouwen-aan-verbinding-en-ontwikkeling",
        "name": "Samen bouwen aan verbinding en ontwikkeling",
        # The memo's paragraph on how the proposal came about, then its paragraph on the pilot.
        "korte_omschrijving": (
            "In Zoetermeer is onderzocht hoe een soortgelijke aanpak lokaal toepasbaar is. "
            "Stichting Piëzo heeft hiertoe een pilotvoorstel ontwikkeld waarin elementen van Plan "
            "Einstein zijn geïntegreerd met de PiëzoMethodiek, gericht op persoonlijke "
            "ontwikkeling, activering en verbinding met de lokale samenleving."
            "\n\n"
            "Stichting Piëzo heeft een voorstel ontwikkeld voor een pilot gericht op de "
            "ondersteuning van 40 statushouders en asielzoekers bij hun persoonlijke ontwikkeling "
            "en maatschappelijke integratie. In het voorstel is beschreven hoe de pilot zou kunnen "
            "worden uitgevoerd, in samenwerking met het COA, wijklocaties, lokale partners en "
            "vrijwilligers. De voortgang zou gemonitord worden via het systeem PMsys en de pilot "
            "zou worden afgesloten met een eindrapportage met evaluatie en aanbevelingen. De "
            "totale kosten bedragen €70.000."
        ),
        # Integration and connection with the local community rather than labour participation
        # (although the PiëzoMethodiek also leads towards work): Programma 2, not fully certain.
        "programma": 2,
        # None of the seeds' portefeuilles (housing, safety, poverty, youth and education,
        # nature, traffic, Meerzicht) covers the integration of status holders, and the memo
        # names none, so the portefeuille is left open rather than invented.
        "portefeuille": "",
        # Composed only of the memo's own words about what the pilot aims at.
        "doel": (
            "Ondersteuning van 40 statushouders en asielzoekers bij hun persoonlijke ontwikkeling "
            "en maatschappelijke integratie, gericht op persoonlijke ontwikkeling, activering en "
            "verbinding met de lokale samenleving."
        ),
        "startdatum": "",  # the memo gives no dates
        "einddatum": "",
        "evaluatiemoment": "",
        "uitkomst_evaluatie": "",
        "succesvol": "",
        "succesvol_toelichting": "",
        "beleid_aanpassen": "",
        "beleid_aanpassen_toelichting": "",
        "financieel_gevolg": "",
        "financieel_gevolg_toelichting": "",
        "bestuurlijk_gerapporteerd": (
            "Memo raad afdoening motie 2411-62 - Samen bouwen aan een nieuwe toekomst "
            "(2025-065916). Gezien de brede en bestaande inzet van Piëzo acht het college de "
            "toegevoegde waarde van een aanvullende pilot op dit moment beperkt. Elementen zoals "
            "de vroege activering van statushouders en het bevorderen van gelijke interactie zijn "
            "al in belangrijke mate geïntegreerd in de huidige werkwijze. Het college ziet daarom "
            "op dit moment geen directe aanleiding om het bestaande aanbod uit te breiden met een "
            "aparte pilot. De afdoening van moties vindt drie keer per jaar plaats. In dat kader "
            "stelt het college de raad voor motie 2411-62 als afgedaan te beschouwen."
        ),
        "status_updates": [],
        # A proposal the college decided not to start (see bestuurlijk_gerapporteerd).
        "fase": "niet_gestart",
        "resultaat": "",
        "aanleiding_soort": "motie",
        "motienummers": ["2411-62"],
        "aanleiding_toelichting": (
            "Motie 2411-62 “Samen bouwen aan een nieuwe toekomst”, aangenomen tijdens de "
            "raadsvergadering van 11 november 2024, verzoekt het college onderzoek te doen naar "
            "de mogelijkheden om (leer)activiteiten naar het voorbeeld van Plan Einstein "
            "(Utrecht) mogelijk te maken in Zoetermeer en de raad hierover voor 1 juni 2025 te "
            "informeren."
        ),
        "partners": ["Stichting Piëzo", "COA"],
        "target_participants": 40,
        "budget": "70000.00",
    },
]
