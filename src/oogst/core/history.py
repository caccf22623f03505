"""The audit log as sentences people read: who changed what, from which value to which.

django-auditlog keeps each change as raw strings ("None", a primary key, "2025-03-01", a
choice's stored value). `describe()` turns one LogEntry into an Event: the actor's name, one
sentence per changed field with the field's own label and readable values (a choice's label, a
related object's name, a date as people write it), long texts as a word diff, creation and
deletion as one sentence, and the reason given. Technical columns (ID, slug, version, derived
or bookkeeping fields) are left out. Apps may pass `phrases` for the steps that have a name of
their own ("froze the round") instead of a field change.

Imports nothing from Oogst's apps: every model is read through its own _meta.
"""

import ast
import datetime
import difflib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# Columns that say nothing a reader needs: keys, slugs, optimistic-lock counters and the
# bookkeeping that the named steps (freeze, publish, approve) already tell.
TECHNICAL = {
    "id",
    "slug",
    "version",
    "search_text",
    "created_at",
    "updated_at",
    "created_by",
    "frozen_at",
    "frozen_by",
    "published_at",
    "decided_at",
    "decided_by",
    "updated_marked_at",
    "updated_marked_by",
    "approved_at",
    "snapshot",
    "author",
}

# A value longer than this, or any text field, is shown as a word diff rather than quoted.
LONG = 80
# Unchanged stretches longer than this many words are shortened around the changes.
CONTEXT_WORDS = 12

# Dutch nouns that take "het"; every other label takes "de". Keyed by the label's first word.
_HET = {
    "aantal",
    "afdoeningsvoorstel",
    "beoogd",
    "besluit",
    "budget",
    "dictum",
    "doel",
    "document",
    "e-mailadres",
    "evaluatiemoment",
    "financieel",
    "item",
    "kenmerk",
    "memo",
    "nummer",
    "onderwerp",
    "programma",
    "resultaat",
    "telefoonnummer",
    "voortgangsbericht",
}


def _labels() -> dict[str, str]:
    """Short labels for fields whose form label is a question or a phrase."""
    return {
        "succesvol": _("success"),
        "succesvol_toelichting": _("explanation of the success"),
        "beleid_aanpassen": _("policy adjustment"),
        "beleid_aanpassen_toelichting": _("explanation of the policy adjustment"),
        "financieel_gevolg": _("financial consequence"),
        "financieel_gevolg_toelichting": _("explanation of the financial consequence"),
        "bestuurlijk_gerapporteerd": _("administrative reporting"),
        "decision": _("decision"),
        "policy_change": _("policy change"),
        "print_lessons": _("lessons in the appendix"),
        "adopted_on": _("adoption date"),
        "contact_naam": _("contact name"),
        "contact_telefoon": _("contact phone number"),
        "contact_email": _("contact e-mail address"),
        "published": _("publication"),
    }


@dataclass(frozen=True)
class Line:
    """One sentence, and for a long text the words that changed."""

    text: SafeString
    diff: SafeString | None = None


@dataclass(frozen=True)
class Event:
    """One entry of a history as a reader sees it."""

    timestamp: datetime.datetime
    actor: str
    lines: list[Line]
    reason: str = ""
    source: str = ""

    @property
    def text(self) -> str:
        """The sentences as plain text (tests, exports)."""
        return " ".join(re.sub(r"<[^>]+>", "", str(line.text)) for line in self.lines)


def actor_name(user) -> str:
    if user is None:
        return _("Oogst (automatic)")
    return user.get_full_name() or user.get_username()


def with_article(label: str) -> str:
    """ "the end date" / "de einddatum", "het doel"."""
    label = label.strip()
    if (get_language() or "").startswith("nl"):
        first = label.split()[0].lower() if label else ""
        return f"{'het' if first in _HET else 'de'} {label}"
    return f"the {label}"


def _quote(value: str) -> SafeString:
    return format_html("‘{}’", value)


def words_diff(old: str, new: str) -> SafeString:
    """`old` → `new` word by word: removed words in <del>, added ones in <ins>, each with a
    hidden prefix so a screen reader says which is which."""
    a, b = re.split(r"(\s+)", old or ""), re.split(r"(\s+)", new or "")
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(_shorten(a[i1:i2]))
        if op in ("delete", "replace"):
            parts.append(_marked("del", _("removed:"), "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(_marked("ins", _("added:"), "".join(b[j1:j2])))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def _marked(tag: str, said: str, text: str) -> str:
    hidden = '<span class="oogst-visually-hidden">{}</span>'
    return format_html(
        '<{tag} class="oogst-diff-{tag}">' + hidden + "{text}" + hidden + "</{tag}>",
        f"[{said} ",
        "]",
        tag=tag,
        text=text,
    )


def _shorten(tokens: list[str]) -> str:
    words = [t for t in tokens if t.strip()]
    if len(words) <= 2 * CONTEXT_WORDS + 4:
        return escape("".join(tokens))
    # Keep the words next to the changes on either side; "…" for the rest.
    head, tail, count = [], [], 0
    for token in tokens:
        head.append(token)
        count += bool(token.strip())
        if count == CONTEXT_WORDS:
            break
    count = 0
    for token in reversed(tokens):
        tail.insert(0, token)
        count += bool(token.strip())
        if count == CONTEXT_WORDS:
            break
    return escape("".join(head)) + " … " + escape("".join(tail))


class _Values:
    """Turns stored strings into what people read; related objects looked up once each."""

    def __init__(self):
        self._names: dict[tuple[type, str], str] = {}

    def show(self, model_field, raw) -> str:
        if raw is None or raw == "None" or raw == "":
            return ""
        raw = str(raw)
        if model_field is None:
            return raw
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(raw, raw))
        if isinstance(model_field, models.ForeignKey):
            return self._related(model_field.related_model, raw)
        if isinstance(model_field, models.JSONField):
            return _listed(raw)
        if isinstance(model_field, models.BooleanField):
            return _("yes") if raw == "True" else _("no")
        if isinstance(model_field, models.DateTimeField):
            moment = parse_datetime(raw)
            if moment is None:
                return raw
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment, datetime.UTC)
            return date_format(timezone.localtime(moment), "j F Y H:i")
        if isinstance(model_field, models.DateField):
            day = parse_date(raw[:10])
            return date_format(day, "j F Y") if day else raw
        return raw

    def _related(self, model, pk: str) -> str:
        key = (model, pk)
        if key not in self._names:
            obj = model._default_manager.filter(pk=pk).first()
            if obj is None:
                self._names[key] = _("a deleted item")
            elif hasattr(obj, "get_full_name") and obj.get_full_name():
                self._names[key] = obj.get_full_name()
            else:
                self._names[key] = str(obj)
        return self._names[key]


def _listed(raw: str) -> str:
    """A stored list (["financien", "werk"], or Python's repr of it) as "financien, werk"."""
    for load in (json.loads, ast.literal_eval):
        try:
            value = load(raw)
        except (ValueError, SyntaxError):
            continue
        if isinstance(value, list | tuple):
            return ", ".join(str(item) for item in value)
        return str(value)
    return raw


def _field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # a field since removed: show its raw name and values
        return None


def _label(model_field, name: str) -> str:
    labels = _labels()
    if name in labels:
        return labels[name]
    if model_field is not None and getattr(model_field, "verbose_name", None):
        return str(model_field.verbose_name)
    return name.replace("_", " ")


def _hidden(model_field, name: str) -> bool:
    if name in TECHNICAL:
        return True
    return model_field is not None and (
        model_field.primary_key or isinstance(model_field, models.SlugField)
    )


def _what(entry: LogEntry, model) -> str:
    kind = str(model._meta.verbose_name) if model is not None else _("item")
    return f"{with_article(kind)} {_quote(_full_name(entry))}"


def _full_name(entry: LogEntry) -> str:
    """The object's name; a lesson or an update named by the start of its text gets the
    whole text, so a deleted lesson stays readable in the history."""
    name = entry.object_repr or ""
    index = 1 if entry.action == LogEntry.Action.CREATE else 0
    for change in (entry.changes_dict or {}).values():
        if isinstance(change, list | tuple) and len(change) == 2:
            value = str(change[index] or "")
            if name and len(value) > len(name) and value.startswith(name):
                return value
    return name


Phrase = Callable[[LogEntry, dict], str]


def describe(
    entry: LogEntry,
    *,
    values: _Values | None = None,
    phrases: dict[tuple[str, str], Phrase] | None = None,
) -> Event:
    """One audit-log entry as sentences. `phrases` maps (field, new stored value) to a function
    that writes the sentence for that step, e.g. ("status", "vastgesteld") → "froze the round"."""
    values = values or _Values()
    model = entry.content_type.model_class() if entry.content_type_id else None
    actor = actor_name(entry.actor)
    changes = entry.changes_dict or {}
    data = entry.additional_data or {}
    lines: list[Line] = []
    if entry.action == LogEntry.Action.CREATE:
        lines.append(
            Line(
                format_html(
                    _("{actor} created {what}."), actor=actor, what=mark_safe(_what(entry, model))
                )
            )
        )
    elif entry.action == LogEntry.Action.DELETE:
        lines.append(
            Line(
                format_html(
                    _("{actor} deleted {what}."), actor=actor, what=mark_safe(_what(entry, model))
                )
            )
        )
    else:
        for name, change in changes.items():
            model_field = _field(model, name)
            if _hidden(model_field, name):
                continue
            if isinstance(change, dict) and change.get("type") == "m2m":
                lines.append(Line(_m2m_sentence(actor, model_field, name, change)))
                continue
            old_raw, new_raw = change
            phrase = (phrases or {}).get((name, str(new_raw)))
            if phrase is not None:
                sentence = phrase(entry, data)
                if sentence:
                    lines.append(Line(format_html("{}", sentence % {"actor": actor})))
                continue
            lines.append(_change_sentence(actor, model_field, name, old_raw, new_raw, values))
    source = ""
    if isinstance(data.get("import"), dict) and data["import"].get("file"):
        source = data["import"]["file"]
    return Event(
        timestamp=entry.timestamp,
        actor=actor,
        lines=lines,
        reason=str(data.get("reason", "") or ""),
        source=source,
    )


def _change_sentence(actor, model_field, name, old_raw, new_raw, values) -> Line:
    label = with_article(_label(model_field, name))
    old, new = values.show(model_field, old_raw), values.show(model_field, new_raw)
    long = isinstance(model_field, models.TextField) or len(old) > LONG or len(new) > LONG
    if long:
        # The sentence names the field; the diff under it shows the words.
        if not old:
            text = _("{actor} filled in {field}:")
        elif not new:
            text = _("{actor} emptied {field}; it said:")
        else:
            text = _("{actor} changed {field}:")
        return Line(format_html(text, actor=actor, field=label), words_diff(old, new))
    if not old:
        text = format_html(
            _("{actor} set {field} to {new}."), actor=actor, field=label, new=_quote(new)
        )
    elif not new:
        text = format_html(
            _("{actor} emptied {field} (was {old})."), actor=actor, field=label, old=_quote(old)
        )
    else:
        text = format_html(
            _("{actor} changed {field} from {old} to {new}."),
            actor=actor,
            field=label,
            old=_quote(old),
            new=_quote(new),
        )
    return Line(text)


def _m2m_sentence(actor, model_field, name, change) -> SafeString:
    label = with_article(_label(model_field, name))
    objects = mark_safe(", ".join(str(_quote(o)) for o in change.get("objects", [])))  # noqa: S308
    if change.get("operation") == "delete":
        return format_html(
            _("{actor} removed {objects} from {field}."), actor=actor, objects=objects, field=label
        )
    return format_html(
        _("{actor} added {objects} to {field}."), actor=actor, objects=objects, field=label
    )


def events(entries: Iterable[LogEntry], *, phrases=None) -> list[Event]:
    """Every entry described, in the order given; entries that change nothing a reader sees
    (only technical columns) are left out."""
    values = _Values()
    described = (describe(entry, values=values, phrases=phrases) for entry in entries)
    return [event for event in described if event.lines]
