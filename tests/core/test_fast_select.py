"""The register's Python-rendered <select> writes the same HTML as Django's Select."""

import re

import pytest
from django import forms
from django.test.html import parse_html

from oogst.core.forms import FastSelect, NLDesignFormMixin


def tight(html: str) -> str:
    """Django's templates put newlines between options; browsers ignore them."""
    return re.sub(r">\s+<", "><", html)


CHOICES = [("", "Alle fasen"), ("idee", "Idee & <plan>"), ("uitvoering", 'Uitvoering "nu"')]


class Both(NLDesignFormMixin, forms.Form):
    slow = forms.ChoiceField(choices=CHOICES, required=False)
    fast = forms.ChoiceField(choices=CHOICES, required=False, widget=FastSelect)
    grouped_slow = forms.ChoiceField(
        choices=[("Groep", [("a", "A"), ("b", "B")]), ("c", "C")], required=False
    )
    grouped_fast = forms.ChoiceField(
        choices=[("Groep", [("a", "A"), ("b", "B")]), ("c", "C")],
        required=False,
        widget=FastSelect,
    )


@pytest.mark.parametrize("value", ["", "uitvoering", "<onbekend>"])
def test_it_renders_what_django_renders_with_the_value_selected(value):
    form = Both({"slow": value, "fast": value})
    slow = tight(str(form["slow"]).replace("slow", "x"))
    fast = tight(str(form["fast"]).replace("fast", "x"))
    assert parse_html(fast) == parse_html(slow)
    assert "&lt;plan&gt;" in fast


def test_it_renders_option_groups_like_django():
    form = Both({"grouped_slow": "b", "grouped_fast": "b"})
    slow = tight(str(form["grouped_slow"]).replace("grouped_slow", "x"))
    fast = tight(str(form["grouped_fast"]).replace("grouped_fast", "x"))
    assert parse_html(fast) == parse_html(slow)
