"""Word files as municipalities write them, built with python-docx in the tests."""

import io

import docx
import pytest
from docx.shared import Pt


def add_form(document, rows, *, section_rows=(), merged_label=None):
    """A two-column label/value table. `section_rows` are row indexes of rows spanning both
    columns (their text in the label); `merged_label` = (first, last, text) merges the label
    cells of rows first..last vertically, as "Programma/Portefeuillehouder" over two rows."""
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for index, (label, value) in enumerate(rows):
        left, right = table.cell(index, 0), table.cell(index, 1)
        if index in section_rows:
            merged = left.merge(right)
            merged.text = label
            continue
        left.text = label
        if isinstance(value, list):
            right.text = value[0]
            for extra in value[1:]:
                if extra.startswith("• "):
                    right.add_paragraph(extra[2:], style="List Bullet")
                else:
                    right.add_paragraph(extra)
        else:
            right.text = value
    if merged_label:
        first, last, text = merged_label
        cell = table.cell(first, 0).merge(table.cell(last, 0))
        cell.text = text
    return table


def seed_layout_docx() -> bytes:
    """Three pilots laid out like Zoetermeer's Bijlage 6: a heading, section rows spanning both
    columns, the programme and portfolio split over two rows, the labels' own spelling."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading("Bijlage 6. Monitoring evaluatie Pilots", level=0)
    document.add_heading("Inleiding", level=1)
    document.add_paragraph("Deze bijlage geeft een overzicht van alle pilots.")

    document.add_heading("Flexwonen Ruimtebaan", level=1)
    add_form(
        document,
        [
            ("Naam Pilot", ""),
            ("Naam pilot", "Flexwonen Ruimtebaan"),
            ("Korte omschrijving", ["Tijdelijke woningen.", "Met Vidomes."]),
            ("Programma", "Programma 7. Inrichting van de stad"),
            ("Portefeuille", "Portefeuille Wonen"),
            ("Doel, beoogd resultaat", "80 flexwoningen."),
            ("Data", ""),
            ("Startdatum:", "20 december 2021"),
            ("Einddatum", "4de kwartaal 2025"),
            ("Evaluatie moment", "2x per jaar"),
            ("Uitkomst evaluatie", ""),
            ("PILOT SUCCESVOL? Zijn de vooraf gestelde doelen/resultaten gehaald?",
             "Nog niet bekend. Het project bevindt zich in de uitvoeringsfase."),
            ("Geven de resultaten aanleiding om het bestaande beleid aan te passen",
             "Nee"),
            ("Leidt aanpassing van het beleid tot een financieel gevolg?", "N.v.t."),
            ("Hoe bestuurlijk gerapporteerd", "Via de Rapportage Ruimtelijk Fysiek."),
            ("Budgetcode", "6.1234"),
        ],
        section_rows=(0, 6),
    )  # fmt: skip

    document.add_heading("Woonoverlast", level=1)
    add_form(
        document,
        [
            ("Naam Pilot", ""),
            ("Naam pilot", "Woonoverlast"),
            ("Korte omschrijving", ["Een coördinator Woonoverlast.", "• meldpunt", "• aanpak"]),
            ("Programma/Portefeuillehouder", "Programma 5. Veiligheid"),
            ("", "Portefeuille Openbare orde en Veiligheid (Burgemeester)"),
            ("Doel/Beoogd resultaat", "Woonoverlast terugdringen."),
            ("Startdatum", "September 2020"),
            ("Einddatum", "December 2024"),
            ("Evaluatiemoment", "1ste helft 2025"),
            ("Pilot succesvol?", "Ja, de overlast nam af."),
        ],
        section_rows=(0,),
        merged_label=(3, 4, "Programma/Portefeuillehouder"),
    )

    # No section rows, one cell for programme and portfolio, a dated progress update.
    document.add_heading("Dealbreakers", level=1)
    add_form(
        document,
        [
            ("Naam pilot:", "Dealbreakers"),
            ("Programma/Portefeuillehouder", ["Programma 5. Veiligheid", "Portefeuille Jeugd"]),
            ("Startdatum", "1 januari 2021"),
            ("Stand van zaken", ["1 februari 2025 — Verlengd", "De subsidie is verlengd."]),
        ],
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def seed_docx():
    return seed_layout_docx()
