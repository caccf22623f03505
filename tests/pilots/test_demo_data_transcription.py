"""The demo data is a faithful transcription of the seed appendix and memo.

Plain pytest, no Django: ``demo/pilot_data.py`` is loaded from its file, so neither Django nor an
installed ``oogst`` is needed. Because ``tests/conftest.py`` imports Django models, run it as

    .venv/bin/python -m pytest tests/pilots/test_demo_data_transcription.py -q -p no:django \
        --noconftest

(it also runs in the normal, Django-enabled suite). Print the word coverage per pilot with

    .venv/bin/python tests/pilots/test_demo_data_transcription.py

The seeds are read from tests/fixtures/seeds (copies of the scanned source documents).
"""

import importlib.util
import re
from collections import Counter
from pathlib import Path

DEMO_DATA_PATH = Path(__file__).resolve().parents[2] / "src" / "oogst" / "demo" / "pilot_data.py"
# The two seed documents are kept beside the tests, so these checks always run.
SEEDS_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
APPENDIX = SEEDS_DIR / "004_1351a7546c016f7f.txt"
MEMO = SEEDS_DIR / "000_eae180b4a2b9409d.txt"

MIN_COVERAGE = 0.97  # share of the seed's words (per pilot section) found in the pilot's data


def _load_demo_data():
    spec = importlib.util.spec_from_file_location("oogst_demo_data_under_test", DEMO_DATA_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


demo_data = _load_demo_data()
PILOTS = demo_data.PILOTS
BY_SLUG = {p["slug"]: p for p in PILOTS}

ANSWERS = {"ja", "deels", "nee", "nog_niet_bekend", "nvt"}
ANSWER_LABELS = {  # how the register prints an answer; label + toelichting reproduces the form
    "ja": "Ja",
    "deels": "Deels",
    "nee": "Nee",
    "nog_niet_bekend": "Nog niet bekend",
    "nvt": "N.v.t.",
}
FASES = {
    "voorstel",
    "verkenning",
    "voorbereiding",
    "uitvoering",
    "evaluatie",
    "afgerond",
    "niet_gestart",
}
RESULTATEN = {"geborgd", "voortgezet", "gestopt"}
AANLEIDINGEN = {"motie", "rijksprogramma", "eigen_initiatief"}
QUESTIONS = ("succesvol", "beleid_aanpassen", "financieel_gevolg")
CODE_KEYS = {"slug", "fase", "resultaat", "aanleiding_soort", "programma"} | set(QUESTIONS)
KEYS = {
    "slug",
    "name",
    "korte_omschrijving",
    "programma",
    "portefeuille",
    "doel",
    "startdatum",
    "einddatum",
    "evaluatiemoment",
    "uitkomst_evaluatie",
    "succesvol",
    "succesvol_toelichting",
    "beleid_aanpassen",
    "beleid_aanpassen_toelichting",
    "financieel_gevolg",
    "financieel_gevolg_toelichting",
    "bestuurlijk_gerapporteerd",
    "status_updates",
    "fase",
    "resultaat",
    "aanleiding_soort",
    "motienummers",
    "aanleiding_toelichting",
    "partners",
}
MEMO_SLUG = "samen-bouwen-aan-verbinding-en-ontwikkeling"

# The scan's slips and how they were mended (whole words).
MENDS = {
    "financiéle": "financiële",
    "geévalueerd": "geëvalueerd",
    "potentiéle": "potentiële",
    "creéren": "creëren",
    "beéindigen": "beëindigen",
    "geinformeerd": "geïnformeerd",
    "geintegreerd": "geïntegreerd",
    "geindiceerde": "geïndiceerde",
    "geinteresseerden": "geïnteresseerden",
    "codrdinator": "coördinator",
    "PiézoMethodiek": "PiëzoMethodiek",
    "Piézo": "Piëzo",
    "NVt": "N.v.t.",
}
# The form's left column bleeding into the values, and other scan garble.
GARBLE = [
    "Doel, beoogd resultaat PR : .",
    "Doel, beoogd resultaat",
    "Dos), boves feetizel",
    "Do), Poees Estieet",
]
ARTEFACTS = [*MENDS, *GARBLE, "Dos)", "Do)", "feetizel", "Estieet", "PR : ."]
# Form labels: not part of any value. Removed where they start a line (a value may follow).
LABELS = [
    "Naam Pilot",
    "Naam pilot",
    "Korte omschrijving",
    "Programma/Portefeuillehouder",
    "Portefeuille",
    "Doel/Beoogd resultaat",
    "Data",
    "Startdatum",
    "Einddatum",
    "Evaluatiemoment",
    "Uitkomst evaluatie",
    "Pilot succesvol?",
    "Zijn de vooraf gestelde",
    "doelen/resultaten gehaald?",
    "Geven de resultaten van de",
    "pilot aanleiding om het",
    "bestaande beleid aan te",
    "passen?",
    "Leidt aanpassing van het",
    "beleid tot een financieel",
    "gevolg?",
    "Hoe bestuurlijk",
    "gerapporteerd?",
    "Stand van zaken",
]


# --- helpers -----------------------------------------------------------------------------------


def strings(value):
    """Every string inside a (nested) value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def all_strings():
    yield from strings(demo_data.PROGRAMMAS)
    yield from strings(demo_data.PORTEFEUILLES)
    yield from strings(demo_data.PARTNERS)
    yield from strings(PILOTS)


def long_texts(pilot):
    """(where, text) for every free text of a pilot, status updates included."""
    for key, value in pilot.items():
        if isinstance(value, str) and key not in CODE_KEYS:
            yield key, value
    for i, update in enumerate(pilot["status_updates"]):
        yield f"status_updates[{i}].title", update["title"]
        yield f"status_updates[{i}].text", update["text"]


def words(text):
    return re.findall(r"[\w€]+", text.lower())


def mend(text):
    for slip, fixed in MENDS.items():
        text = re.sub(rf"(?<!\w){re.escape(slip)}(?!\w)", fixed, text)
    return text


def seed_sections(text):
    """The appendix split at each "Naam Pilot" header: [(name, section text)], in order.

    A section runs from its "Naam Pilot" line to the title line printed above the next one.
    """
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == "Naam Pilot"]
    sections = []
    for n, start in enumerate(starts):
        end = len(lines)
        if n + 1 < len(starts):
            end = starts[n + 1] - 1
            while not lines[end].strip():
                end -= 1  # the next pilot's title line
        body = lines[start:end]
        name = next(x for x in body if x.startswith("Naam pilot "))[len("Naam pilot ") :]
        sections.append((name.strip(), "\n".join(body)))
    return sections


def normalise_seed(section):
    """The section's words without form labels, garble and bullet glyphs; slips mended."""
    text = mend(section)
    for garble in GARBLE:
        text = text.replace(garble, " ")
    text = re.sub(r"(?m)^9 (?=bevorderen)", "", text)  # stray "9" before "bevorderen"
    text = re.sub(r"(?m)^\s*[oe*]\s+", "", text)  # OCR'd bullet glyphs
    for label in sorted(LABELS, key=len, reverse=True):
        text = re.sub(rf"(?m)^\s*{re.escape(label)}", " ", text)
    return words(text)


# Fields that restate the seed in other words (the cause, who took part): each of their words
# must occur in the seed section, but they are left out of the word-for-word comparison.
RESTATED_KEYS = {"aanleiding_toelichting", "motienummers", "partners"}


def pilot_words(pilot):
    """The words of the pilot's transcribed fields as the register shows them (codes as labels)."""
    programmas = dict(demo_data.PROGRAMMAS)
    parts = [text for key, text in long_texts(pilot) if key not in RESTATED_KEYS]
    parts.append(f"Programma {pilot['programma']}. {programmas[pilot['programma']]}")
    parts += [ANSWER_LABELS.get(pilot[q], "") for q in QUESTIONS]
    return words("\n".join(parts))


def coverage(seed_words, data_words):
    """Share of the seed's words (counted with repetition) that the data holds as often."""
    seed, data = Counter(seed_words), Counter(data_words)
    found = sum(min(count, data[word]) for word, count in seed.items())
    missing = seed - data
    return found / sum(seed.values()), missing


def transcribed_words(pilot):
    """The words of the fields that carry the seed's text over word for word."""
    return words("\n".join(text for key, text in long_texts(pilot) if key not in RESTATED_KEYS))


def restated_words(pilot):
    return words(
        "\n".join([pilot["aanleiding_toelichting"], *pilot["motienummers"], *pilot["partners"]])
    )


def coverage_report():
    """[(slug, seed coverage, missing seed words, data precision, data words not in the seed)].

    Coverage: the seed section's words (with repetition) found in the pilot's transcribed fields
    (the programme and answers printed as the register shows them). Precision: the transcribed
    fields' words (with repetition) found in the seed section, plus the restated fields' words
    found anywhere in it.
    """
    rows = []
    for (_, section), pilot in zip(seed_sections(APPENDIX.read_text()), PILOTS, strict=False):
        seed = normalise_seed(section)
        cov, missing = coverage(seed, pilot_words(pilot))
        transcribed, restated = transcribed_words(pilot), restated_words(pilot)
        _, extra = coverage(transcribed, seed)
        extra.update(w for w in restated if w not in set(seed))
        prec = 1 - sum(extra.values()) / (len(transcribed) + len(restated))
        rows.append((pilot["slug"], cov, missing, prec, extra))
    return rows


# --- structure -----------------------------------------------------------------------------------


def test_twelve_pilots_with_unique_slugs_and_names():
    assert len(PILOTS) == 12
    slugs = [p["slug"] for p in PILOTS]
    assert len(set(slugs)) == 12
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s) for s in slugs)
    assert len({p["name"] for p in PILOTS}) == 12
    assert PILOTS[-1]["slug"] == MEMO_SLUG


def test_every_pilot_has_exactly_the_expected_keys():
    for pilot in PILOTS:
        extra = {"target_participants", "budget"} if pilot["slug"] == MEMO_SLUG else set()
        assert set(pilot) == KEYS | extra, pilot["slug"]
    memo = BY_SLUG[MEMO_SLUG]
    assert memo["target_participants"] == 40
    assert memo["budget"] == "70000.00"


def test_lists_are_well_formed():
    numbers = [number for number, _ in demo_data.PROGRAMMAS]
    assert numbers == sorted(set(numbers))
    assert all(isinstance(n, int) and isinstance(name, str) for n, name in demo_data.PROGRAMMAS)
    assert dict(demo_data.PROGRAMMAS)[1] == "Onderwijs, economie en arbeidsparticipatie"
    assert len(set(demo_data.PORTEFEUILLES)) == len(demo_data.PORTEFEUILLES)
    assert len(set(demo_data.PARTNERS)) == len(demo_data.PARTNERS)
    # "Openbare orde en veiligheid" (RIO) is the same portefeuille: listed once.
    lowered = [p.lower() for p in demo_data.PORTEFEUILLES]
    assert len(set(lowered)) == len(lowered)


def test_every_reference_exists_and_every_list_entry_is_used():
    programmas = {number for number, _ in demo_data.PROGRAMMAS}
    for pilot in PILOTS:
        assert pilot["programma"] in programmas, pilot["slug"]
        assert pilot["portefeuille"] == "" or pilot["portefeuille"] in demo_data.PORTEFEUILLES
        assert set(pilot["partners"]) <= set(demo_data.PARTNERS), pilot["slug"]
        assert len(set(pilot["partners"])) == len(pilot["partners"])
    assert {p["programma"] for p in PILOTS} == programmas
    assert {p["portefeuille"] for p in PILOTS} - {""} == set(demo_data.PORTEFEUILLES)
    assert {name for p in PILOTS for name in p["partners"]} == set(demo_data.PARTNERS)


def test_answers_fases_and_causes_are_from_the_allowed_sets():
    for pilot in PILOTS:
        for question in QUESTIONS:
            assert pilot[question] in ANSWERS | {""}, (pilot["slug"], question)
        assert pilot["fase"] in FASES, pilot["slug"]
        assert pilot["aanleiding_soort"] in AANLEIDINGEN | {""}, pilot["slug"]
        assert all(re.fullmatch(r"\d{4}-\d{2}", m) for m in pilot["motienummers"])
        if pilot["motienummers"]:
            assert pilot["aanleiding_soort"] == "motie", pilot["slug"]


def test_resultaat_only_with_afgerond():
    for pilot in PILOTS:
        if pilot["fase"] == "afgerond":
            assert pilot["resultaat"] in RESULTATEN, pilot["slug"]
        else:
            assert pilot["resultaat"] == "", pilot["slug"]


def test_status_updates_are_not_repeated_in_the_answers():
    for pilot in PILOTS:
        for update in pilot["status_updates"]:
            assert set(update) == {"title", "text"}
            assert update["text"]
            for key, text in long_texts(pilot):
                if not key.startswith("status_updates"):
                    assert update["text"] not in text, (pilot["slug"], key)
        for key in (
            "succesvol_toelichting",
            "beleid_aanpassen_toelichting",
            "financieel_gevolg_toelichting",
        ):
            assert "Stand van zaken" not in pilot[key]


# --- mended scan -------------------------------------------------------------------------------


def test_no_ocr_artefacts_remain_anywhere():
    for text in all_strings():
        for artefact in ARTEFACTS:
            assert not re.search(rf"(?<!\w){re.escape(artefact)}", text), (artefact, text[:80])
        # é only survives in the author's stressed "én" ("bevorderen én").
        for word in re.findall(r"\w*é\w*", text):
            assert word == "én", (word, text[:80])
        for line in text.split("\n"):
            assert not re.match(r"\s*[oe•*]\s", line), line  # OCR'd bullet glyphs
            assert not re.match(r"\s*9\s", line), line


def test_texts_are_joined_paragraphs_and_lists():
    for pilot in PILOTS:
        for key, text in long_texts(pilot):
            where = (pilot["slug"], key)
            assert text == text.strip(), where
            assert "\n\n\n" not in text and "  " not in text.replace("\n  - ", ""), where
            for block in text.split("\n\n"):
                lines = block.split("\n")
                # A block is one paragraph (no line breaks) or a list, one item a line.
                assert len(lines) == 1 or all(re.match(r"( {2})?- \S", x) for x in lines), where
            if key in ("startdatum", "einddatum", "evaluatiemoment"):
                assert "\n" not in text, where  # one-line fields


# --- spot checks of facts, verbatim ---------------------------------------------------------------


def test_dates_are_exactly_as_written():
    assert {p["slug"]: p["startdatum"] for p in PILOTS} == {
        "flexwonen-ruimtebaan": "20 december 2021 (vaststelling projectopdracht door het college)",
        "woonoverlast": "September 2020",
        "dealbreakers": "1 januari 2021",
        "ipta": "2018",
        "vindplaats-verborgen-schulden": "Maart 2023",
        "rio-re-integratie-officier": "1 september 2022",
        "expertisepool": (
            "Project expertisepool is gefaseerd gestart: Cluster 4 onderwijs — Musketier gestart "
            "in Q1 2023 (en sinds begin 2024 bekostigd vanuit de expertisepool); Cluster 3 "
            "onderwijs — Keerkring gestart in Q3 2024; SBO onderwijs — Q1 van 2025"
        ),
        "tuinrangers": "27-08-2024",
        "buurtvervoer": "15 april 2024",
        "social-hub": "1 jan 2024",
        "van-groot-naar-beter": "Vierde kwartaal 2024: start onderzoek",
        MEMO_SLUG: "",
    }
    flex = BY_SLUG["flexwonen-ruimtebaan"]
    assert flex["einddatum"] == "4de kwartaal 2025"
    assert flex["evaluatiemoment"].startswith("2x per jaar in Rapportage Ruimtelijk Fysiek")
    assert BY_SLUG["woonoverlast"]["einddatum"] == "December 2024"
    assert BY_SLUG["rio-re-integratie-officier"]["einddatum"] == "Onbekend."
    assert BY_SLUG["tuinrangers"]["evaluatiemoment"] == "Aan het eind van het project, najaar 2027"
    assert BY_SLUG["social-hub"]["einddatum"] == "31 dec 2025"


def test_spot_check_facts():
    dealbreakers = BY_SLUG["dealbreakers"]
    assert "€ 200.000" in dealbreakers["korte_omschrijving"]
    assert "met (financiële) ondersteuning" in dealbreakers["korte_omschrijving"]
    assert "creëren van inzicht" in dealbreakers["succesvol_toelichting"]
    assert (dealbreakers["fase"], dealbreakers["resultaat"]) == ("afgerond", "voortgezet")

    vindplaats = BY_SLUG["vindplaats-verborgen-schulden"]
    updates = vindplaats["status_updates"]
    assert [u["title"] for u in updates] == ["Scopeverbreding", "", ""]
    assert "€ 339.225" in updates[2]["text"] and "€ 160.000" in updates[2]["text"]
    assert "op grotere schaal toe te passen" in updates[1]["text"]
    assert "*Om het netto-effect te bepalen" in updates[0]["text"]
    assert vindplaats["uitkomst_evaluatie"].startswith(
        "Als afronding van dit gedeelte van de pilot is een evaluatie opgesteld"
    )

    flex = BY_SLUG["flexwonen-ruimtebaan"]
    assert "ca. 80 tijdelijke sociale huurwoningen" in flex["korte_omschrijving"]
    assert "4 potentiële locaties" in flex["korte_omschrijving"]
    assert flex["motienummers"] == ["1911-35"]
    assert flex["succesvol_toelichting"] == "Het project bevindt zich in de uitvoeringsfase."

    tuinrangers = BY_SLUG["tuinrangers"]
    assert "600 te geven tuinadviezen" in tuinrangers["doel"]
    assert (
        "\n\nUpdate februari 2025\n\nEind januari waren er 44 geïnteresseerden"
        in (tuinrangers["korte_omschrijving"])
    )
    assert [tuinrangers[q] for q in QUESTIONS] == ["nvt", "nvt", "nvt"]
    assert tuinrangers["bestuurlijk_gerapporteerd"] == "N.v.t."

    woonoverlast = BY_SLUG["woonoverlast"]
    assert "speciale coördinator Woonoverlast" in woonoverlast["korte_omschrijving"]
    assert "beëindigen, het woongenot van inwoners bevorderen én" in woonoverlast["doel"]

    ipta = BY_SLUG["ipta"]
    assert ipta["succesvol"] == "ja"
    assert ipta["succesvol_toelichting"].startswith("jaarlijks worden de levens van tientallen")
    assert ipta["beleid_aanpassen"] == "nee"
    assert ipta["beleid_aanpassen_toelichting"].startswith("Wel zal vanaf 2027")

    rio = BY_SLUG["rio-re-integratie-officier"]
    assert "ongeveer 14 (ex-) detentiejongeren" in rio["succesvol_toelichting"]
    assert "“Bureau Nazorg Zoetermeer”" in rio["beleid_aanpassen_toelichting"]
    assert rio["portefeuille"] == "Openbare orde en Veiligheid"

    expertisepool = BY_SLUG["expertisepool"]
    assert expertisepool["name"] == "Pilot Expertisepool en Onderwijs-behandelgroep"
    assert (
        "- Duur van de begeleiding wordt verkort van gemiddeld 24 naar 16 weken."
        in (expertisepool["doel"])
    )
    assert expertisepool["beleid_aanpassen_toelichting"].startswith(
        "Bestaand beleid hoeft niet aangepast te worden."
    )
    assert expertisepool["financieel_gevolg"] == "nvt"

    assert "voorbereidingsfase" in BY_SLUG["buurtvervoer"]["bestuurlijk_gerapporteerd"]
    assert BY_SLUG["buurtvervoer"]["name"] == "Buurtvervoer/Maatwerkvervoer"
    assert "‘Preventie met gezag’" in BY_SLUG["social-hub"]["aanleiding_toelichting"]
    assert BY_SLUG["van-groot-naar-beter"]["motienummers"] == ["2406-25"]
    assert BY_SLUG["van-groot-naar-beter"]["korte_omschrijving"].count("\n- ") == 2


def test_the_memos_proposal():
    memo = BY_SLUG[MEMO_SLUG]
    assert memo["name"] == "Samen bouwen aan verbinding en ontwikkeling"
    assert (memo["fase"], memo["resultaat"]) == ("niet_gestart", "")
    for fact in (
        "40 statushouders en asielzoekers",
        "PMsys",
        "eindrapportage",
        "€70.000",
        "Stichting Piëzo",
        "PiëzoMethodiek",
        "het COA, wijklocaties",
    ):
        assert fact in memo["korte_omschrijving"], fact
    assert "2025-065916" in memo["bestuurlijk_gerapporteerd"]
    assert "Memo raad afdoening motie 2411-62" in memo["bestuurlijk_gerapporteerd"]
    assert (memo["aanleiding_soort"], memo["motienummers"]) == ("motie", ["2411-62"])
    assert memo["partners"] == ["Stichting Piëzo", "COA"]
    for key in ("startdatum", "einddatum", "evaluatiemoment", *QUESTIONS):
        assert memo[key] == "", key


# --- against the seeds ---------------------------------------------------------------------------


def test_the_appendix_pilots_are_in_the_appendix_order():
    sections = seed_sections(APPENDIX.read_text())
    assert [name for name, _ in sections] == [p["name"] for p in PILOTS[:11]]


def test_almost_every_word_of_each_seed_section_is_in_its_pilot():
    rows = coverage_report()
    report = "\n".join(
        f"{slug:32} {cov:7.2%}  missing: {' '.join(sorted(missing.elements()))}"
        for slug, cov, missing, _, _ in rows
    )
    print("\nWord coverage per pilot (seed words found in the data)\n" + report)
    assert len(rows) == 11
    assert all(cov >= MIN_COVERAGE for _, cov, _, _, _ in rows), report


def test_the_data_adds_almost_nothing_that_is_not_in_the_seed():
    rows = coverage_report()
    report = "\n".join(
        f"{slug:32} {prec:7.2%}  not in seed: {' '.join(sorted(extra.elements()))}"
        for slug, _, _, prec, extra in rows
    )
    assert all(prec >= 0.99 for _, _, _, prec, _ in rows), report


def test_the_memos_pilot_paragraph_is_carried_over_whole():
    memo_text = MEMO.read_text()
    start = memo_text.index("Stichting Piézo heeft een voorstel")
    paragraph = memo_text[start : memo_text.index("Conclusie")]
    cov, missing = coverage(words(mend(paragraph)), words(BY_SLUG[MEMO_SLUG]["korte_omschrijving"]))
    assert cov == 1, missing
    assert "2411-62" in memo_text and "2025-065916" in memo_text


if __name__ == "__main__":
    for slug, cov, missing, prec, extra in coverage_report():
        print(f"{slug:32} seed words covered {cov:7.2%}  data words from seed {prec:7.2%}")
        if missing:
            print(f"{'':32} missing: {' '.join(sorted(missing.elements()))}")
        if extra:
            print(f"{'':32} not in seed: {' '.join(sorted(extra.elements()))}")
