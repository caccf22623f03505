"""Read a Bijlage 6 from Word: per pilot a heading and label/value tables, as municipalities
write it and as Oogst renders it (pilots as Heading 2 under "Inleiding", or as Heading 1).

python-docx does the reading; this module decides what the text means. It touches no
database: `read_appendix(bytes)` returns one `ReadPilot` per pilot found, with each field's
text, the answers, dates and progress updates as Oogst reads them, and what it could not place.
"""

from __future__ import annotations

import datetime
import io
import re
import unicodedata
from dataclasses import dataclass, field

from oogst.core.text import normalise_single_line, normalise_text

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
TEXT_FIELDS = (
    "korte_omschrijving",
    "doel",
    "uitkomst_evaluatie",
    "bestuurlijk_gerapporteerd",
)
DATE_FIELDS = ("startdatum", "einddatum", "evaluatiemoment")
QUESTION_FIELDS = ("succesvol", "beleid_aanpassen", "financieel_gevolg")

# Exact labels (normalised: lowercase, no accents, punctuation as spaces).
EXACT_LABELS = {
    "naam pilot": "name",
    "naam van de pilot": "name",
    "pilotnaam": "name",
    "naam": "name",
    "pilot": "name",
    "titel": "name",
    "naam project": "name",
    "korte omschrijving": "korte_omschrijving",
    "omschrijving": "korte_omschrijving",
    "beschrijving": "korte_omschrijving",
    "korte beschrijving": "korte_omschrijving",
    "programma portefeuillehouder": "programma_portefeuille",
    "programma portefeuille": "programma_portefeuille",
    "programma en portefeuille": "programma_portefeuille",
    "programma en portefeuillehouder": "programma_portefeuille",
    "programma": "programma",
    "portefeuille": "portefeuille",
    "portefeuillehouder": "portefeuillehouder",
    "wethouder": "portefeuillehouder",
    "doel beoogd resultaat": "doel",
    "doel en beoogd resultaat": "doel",
    "doel": "doel",
    "doelstelling": "doel",
    "beoogd resultaat": "doel",
    "startdatum": "startdatum",
    "start datum": "startdatum",
    "start": "startdatum",
    "begindatum": "startdatum",
    "einddatum": "einddatum",
    "eind datum": "einddatum",
    "einde": "einddatum",
    "evaluatiemoment": "evaluatiemoment",
    "evaluatie moment": "evaluatiemoment",
    "moment van evaluatie": "evaluatiemoment",
    "evaluatiedatum": "evaluatiemoment",
    "uitkomst evaluatie": "uitkomst_evaluatie",
    "uitkomst van de evaluatie": "uitkomst_evaluatie",
    "uitkomsten evaluatie": "uitkomst_evaluatie",
    "resultaat evaluatie": "uitkomst_evaluatie",
    "stand van zaken": "stand_van_zaken",
    "actuele stand van zaken": "stand_van_zaken",
    "voortgang": "stand_van_zaken",
}


def normalise_label(label: str) -> str:
    text = unicodedata.normalize("NFKD", label.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def match_label(label: str) -> str | None:
    """The field a form label means, allowing for case, punctuation and wording."""
    key = normalise_label(label)
    if not key:
        return None
    if key in EXACT_LABELS:
        return EXACT_LABELS[key]
    # The three questions and the longer labels, by the words that carry them.
    if "financieel" in key or "financiele" in key:
        return "financieel_gevolg"
    if "beleid" in key and ("aan te passen" in key or "aanpassen" in key or "aanleiding" in key):
        return "beleid_aanpassen"
    if "succesvol" in key or "gehaald" in key:
        return "succesvol"
    if "bestuurlijk" in key:
        return "bestuurlijk_gerapporteerd"
    if key.startswith("stand van zaken"):
        return "stand_van_zaken"
    if key.startswith("uitkomst"):
        return "uitkomst_evaluatie"
    if key.startswith("evaluatie") and ("moment" in key or "datum" in key):
        return "evaluatiemoment"
    if key.startswith(("startdatum", "datum start", "begin")):
        return "startdatum"
    if key.startswith(("einddatum", "datum eind")):
        return "einddatum"
    if key.startswith("programma") and "portefeuille" in key:
        return "programma_portefeuille"
    if key.startswith("portefeuillehouder"):
        return "portefeuillehouder"
    if key.startswith(("doel", "beoogd")):
        return "doel"
    if key.startswith("korte omschrijving"):
        return "korte_omschrijving"
    if key.startswith("naam"):
        return "name"
    return None


# --- answers, dates, programme lines, progress updates --------------------------------------

# As the appendix prints the answers.
ANSWER_LABELS = {
    "ja": "Ja",
    "deels": "Deels",
    "nee": "Nee",
    "nog_niet_bekend": "Nog niet bekend",
    "nvt": "N.v.t.",
}
ANSWER_WORDS = [
    (r"nog\s+niet\s+bekend", "nog_niet_bekend"),
    (r"nog\s+onbekend", "nog_niet_bekend"),
    (r"niet\s+van\s+toepassing", "nvt"),
    (r"n\.?\s?v\.?\s?t\.?", "nvt"),
    (r"gedeeltelijk", "deels"),
    (r"deels", "deels"),
    (r"ja", "ja"),
    (r"nee", "nee"),
]
ANSWER = re.compile(
    r"^\s*(?:" + "|".join(f"(?P<a{i}>{w})" for i, (w, _c) in enumerate(ANSWER_WORDS)) + r")"
    r"(?=$|[\s.,:;!])\s*[.,:;!]?[ \t]*\n?",
    re.IGNORECASE,
)


def read_answer(text: str) -> tuple[str, str]:
    """ "Nog niet bekend. Het project ..." → ("nog_niet_bekend", "Het project ...")."""
    match = ANSWER.match(text or "")
    if not match:
        return "", text or ""
    code = next(ANSWER_WORDS[int(k[1:])][1] for k, v in match.groupdict().items() if v)
    return code, normalise_text(text[match.end() :])


PROGRAMMA_LINE = re.compile(r"^programma\s+(\d+)\s*[.:)]?\s*(.*)$", re.IGNORECASE)
NUMBERED = re.compile(r"^(\d+)\s*[.:)]\s*(.+)$")
HOLDER = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


@dataclass
class ProgrammaText:
    text: str
    number: int | None
    name: str


@dataclass
class PortefeuilleText:
    text: str
    name: str
    portefeuillehouder: str = ""


def read_programma(line: str) -> ProgrammaText | None:
    line = normalise_single_line(line)
    if not line:
        return None
    if line.isdigit():
        return ProgrammaText(line, int(line), "")
    match = PROGRAMMA_LINE.match(line) or NUMBERED.match(line)
    if match:
        return ProgrammaText(line, int(match.group(1)), match.group(2).strip(" .:"))
    name = re.sub(r"^programma\s*[:.]?\s*", "", line, flags=re.IGNORECASE)
    return ProgrammaText(line, None, name)


def read_portefeuille(line: str) -> PortefeuilleText | None:
    line = normalise_single_line(line)
    name = re.sub(r"^portefeuille(houder)?\s*[:.]?\s*", "", line, flags=re.IGNORECASE)
    if not name:
        return None
    holder = ""
    match = HOLDER.match(name)
    if match and match.group(1):
        name, holder = match.group(1), match.group(2).strip()
    return PortefeuilleText(line, name.strip(), holder)


DATED_HEADING = re.compile(
    r"^(?P<day>\d{1,2})\s+(?P<month>" + "|".join(MONTHS) + r")\s+(?P<year>\d{4})"
    r"(?:\s*[—–-]\s*(?P<title>.*))?$",
    re.IGNORECASE,
)


@dataclass
class ReadUpdate:
    date: datetime.date | None
    title: str
    text: str


def read_updates(blocks: list[Block]) -> list[ReadUpdate]:
    """The "Stand van zaken" cell: a line "1 februari 2025 — Titel" starts a dated update;
    text before the first such line is one undated update."""
    updates: list[tuple[datetime.date | None, str, list[Block]]] = []
    for block in blocks:
        match = None if block.item else DATED_HEADING.match(block.text)
        if match:
            try:
                date = datetime.date(
                    int(match["year"]), MONTHS.index(match["month"].lower()) + 1, int(match["day"])
                )
            except ValueError:
                date = None
            if date:
                updates.append((date, normalise_single_line(match["title"] or ""), []))
                continue
        if not updates:
            updates.append((None, "", []))
        updates[-1][2].append(block)
    result = []
    for date, title, body in updates:
        text = join_blocks(body)
        if not text and title:
            text, title = title, ""
        if text:
            result.append(ReadUpdate(date, title[:200], text))
    return result


# --- Word's structure --------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A paragraph of a cell: text, and whether it is a list item."""

    text: str
    item: bool = False


BULLET = re.compile(r"^\s*[•·▪◦‣●○■□\-–*]\s+")


def style_name(paragraph, names: dict) -> str:
    """The paragraph's style name, from a map made once per document: python-docx's
    `paragraph.style` searches every style on each call (90% of the time at 500 pilots)."""
    style_id = paragraph._p.style
    return names.get(style_id, "") if style_id else names.get(None, "")


def paragraph_block(paragraph, names: dict) -> Block | None:
    text = normalise_text(paragraph.text)
    if not text:
        return None
    style = style_name(paragraph, names)
    ppr = paragraph._p.pPr
    numbered = ppr is not None and ppr.numPr is not None
    if BULLET.match(text):
        return Block(BULLET.sub("", text, count=1), item=True)
    if numbered or "list" in style.lower() or "lijst" in style.lower():
        return Block(text, item=True)
    return Block(text)


def join_blocks(blocks: list[Block]) -> str:
    """Paragraphs apart by a blank line; list items as "- " lines, together, set off by one."""
    out = []
    previous = None
    for block in blocks:
        line = f"- {block.text}" if block.item else block.text
        if previous is not None:
            out.append("\n" if previous.item and block.item else "\n\n")
        out.append(line)
        previous = block
    return "".join(out)


def cell_blocks(cell, names: dict) -> list[Block]:
    return [b for b in (paragraph_block(p, names) for p in cell.paragraphs) if b]


def heading_level(paragraph, names: dict) -> int | None:
    style = style_name(paragraph, names)
    if not style:
        return None
    if style == "Title":
        return 0
    match = re.match(r"^(?:heading|kop)\s*(\d)$", style.strip(), re.IGNORECASE)
    return int(match.group(1)) if match else None


# --- the result ----------------------------------------------------------------------------------


@dataclass
class ReadPilot:
    """One pilot as found in the file: texts by field, and what did not fit anywhere."""

    heading: str
    group: str = ""  # the heading above the pilot's heading (e.g. a programme), if any
    fields: dict[str, list[Block]] = field(default_factory=dict)
    found: list[str] = field(default_factory=list)  # fields whose labels the file has
    unplaced: list[tuple[str, str]] = field(default_factory=list)

    def add(self, name: str, blocks: list[Block]) -> None:
        if name not in self.found:
            self.found.append(name)
        self.fields.setdefault(name, []).extend(blocks)

    def text(self, name: str) -> str:
        return join_blocks(self.fields.get(name, []))

    @property
    def name(self) -> str:
        return normalise_single_line(self.text("name")) or self.heading

    def interpret(self) -> dict:
        """Every field as Oogst would store it."""
        data: dict = {"name": self.name[:200]}
        for name in TEXT_FIELDS:
            data[name] = self.text(name)
        for name in DATE_FIELDS:
            # A date is one line; a date written over several lines keeps them with "; ".
            lines = [b.text for b in self.fields.get(name, [])]
            data[name] = normalise_single_line("; ".join(lines))[:500]
        for name in QUESTION_FIELDS:
            answer, toelichting = read_answer(self.text(name))
            data[name] = answer
            data[f"{name}_toelichting"] = toelichting
        data["programma"], data["portefeuille"] = self._programma_portefeuille()
        data["status_updates"] = read_updates(self.fields.get("stand_van_zaken", []))
        return data

    def _programma_portefeuille(self):
        programma = portefeuille = None
        holder = ""
        # One paragraph per line, or one paragraph with line breaks (Oogst's Word house style).
        lines = [
            line.strip()
            for block in self.fields.get("programma_portefeuille", [])
            for line in block.text.split("\n")
            if line.strip()
        ]
        for line in lines:
            key = normalise_label(line)
            if key.startswith(("portefeuillehouder", "wethouder", "burgemeester")):
                holder = re.sub(
                    r"^portefeuillehouder\s*[:.]?\s*", "", line, flags=re.IGNORECASE
                ).strip()
            elif key.startswith("portefeuille"):
                portefeuille = read_portefeuille(line)
            elif programma is None:
                programma = read_programma(line)
            elif portefeuille is None:
                portefeuille = read_portefeuille(line)
        if self.fields.get("programma"):
            programma = read_programma(" ".join(b.text for b in self.fields["programma"]))
        if self.fields.get("portefeuille"):
            portefeuille = read_portefeuille(" ".join(b.text for b in self.fields["portefeuille"]))
        if self.fields.get("portefeuillehouder"):
            holder = " ".join(b.text for b in self.fields["portefeuillehouder"])
        if programma is None and self.group and PROGRAMMA_LINE.match(self.group):
            programma = read_programma(self.group)
        if holder:
            if portefeuille is None:
                portefeuille = PortefeuilleText(holder, "", holder)
            elif not portefeuille.portefeuillehouder:
                portefeuille.portefeuillehouder = holder
        return programma, portefeuille


def read_appendix(data: bytes) -> list[ReadPilot]:
    """Every pilot in a Bijlage 6 .docx, in the document's order."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    names = {style.style_id: style.name or "" for style in document.styles}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    names[None] = default.name if default is not None else ""
    pilots: list[ReadPilot] = []
    headings: dict[int, str] = {}
    section_heading = ""
    current: ReadPilot | None = None
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            level = heading_level(item, names)
            text = normalise_single_line(item.text)
            if level is not None and text:
                headings = {k: v for k, v in headings.items() if k < level}
                headings[level] = text
                section_heading = text
                current = None  # the next table belongs to this heading
            elif text and current is not None:
                current.unplaced.append(("", text))
        elif isinstance(item, Table):
            group = ""
            if headings:
                levels = sorted(headings)
                group = headings[levels[-2]] if len(levels) > 1 else ""
            current = _read_table(item, pilots, current, section_heading, group, names)
    return [p for p in pilots if p.found]


def _read_table(table, pilots, current, heading, group, names):
    """Rows of one table into the current pilot (or new ones, when a "Naam pilot" repeats)."""
    previous_label_tc = None
    last_field = None  # where a continuation row (merged or empty label) goes
    spanning_field = None  # where text rows after a spanning label row go
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if not cells or cells[-1]._tc is not cell._tc:
                cells.append(cell)
        if not cells:
            continue
        if len(cells) == 1:
            # A row spanning both columns: a section header ("Data", "Evaluatie"), a label
            # whose text follows in the next spanning rows, or that text itself.
            blocks = cell_blocks(cells[0], names)
            label = blocks[0].text if blocks else ""
            matched = match_label(label) if len(blocks) == 1 else None
            if matched:
                if matched == "name" and current is not None and "name" in current.fields:
                    current = None  # "Naam pilot" again: the next pilot in this section
                if current is None:
                    current = _new(pilots, heading, group)
                if matched not in current.found:
                    current.found.append(matched)
                spanning_field = matched
            elif blocks and spanning_field is not None and current is not None:
                current.add(spanning_field, blocks)
            elif current is not None and (len(blocks) > 1 or len(label) > 60):
                current.unplaced.append(("", join_blocks(blocks)))
            # else: a short section header such as "Data"; it carries no value.
            previous_label_tc = None
            last_field = None
            continue
        spanning_field = None
        label_cell, value_cells = cells[0], cells[1:]
        blocks = [b for cell in value_cells for b in cell_blocks(cell, names)]
        label = normalise_single_line(label_cell.text)
        if label_cell._tc is previous_label_tc or (not label and last_field):
            # The label cell spans this row too (or is empty): the value continues.
            if current is not None and last_field:
                current.add(last_field, blocks)
            continue
        previous_label_tc = label_cell._tc
        matched = match_label(label)
        if matched == "name" and current is not None and "name" in current.fields:
            current = None  # a second "Naam pilot" in the same section: the next pilot
        if current is None:
            current = _new(pilots, heading, group)
        if matched:
            current.add(matched, blocks)
            last_field = matched
        else:
            last_field = None
            if blocks or label:
                current.unplaced.append((label, join_blocks(blocks)))
    return current


def _new(pilots, heading, group) -> ReadPilot:
    pilot = ReadPilot(heading=heading, group=group)
    pilots.append(pilot)
    return pilot
