"""A form that failed opens with a summary of its errors, each linking to its field."""

import pytest
from django import forms
from django.template import Context, Template
from django.urls import reverse

from oogst.core.forms import NLDesignFormMixin


class MeetingForm(NLDesignFormMixin, forms.Form):
    title = forms.CharField(label="Titel")
    kind = forms.ChoiceField(
        label="Soort", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Deze vergadering bestaat al.")


def render(*forms_):
    names = {f"form{i}": form for i, form in enumerate(forms_)}
    tag = "{% load oogst %}{% error_summary " + " ".join(names) + " %}"
    return Template(tag).render(Context(names))


def test_it_links_each_field_message_to_the_input():
    html = render(MeetingForm(data={}))
    assert "data-error-summary" in html and 'tabindex="-1"' in html
    assert '<a class="utrecht-link" href="#id_title">Titel: ' in html
    # A group of radio buttons: the link goes to the first of them.
    assert 'href="#id_kind_0">Soort: ' in html
    assert "Deze vergadering bestaat al." in html


def test_a_hidden_fields_message_is_told_without_a_link():
    html = render(MeetingForm(data={"title": "x", "kind": "a"}))
    assert 'href="#id_token"' not in html
    assert html.count("<li") == 2  # the form's own message and the hidden field's


def test_a_valid_or_unbound_form_shows_nothing():
    assert "data-error-summary" not in render(MeetingForm())


def test_a_formsets_forms_are_summarised_too():
    Documents = forms.formset_factory(MeetingForm, extra=1)
    formset = Documents(
        data={"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-kind": "a"}
    )
    html = render(MeetingForm(data={"title": "x", "kind": "a", "token": "t"}), formset)
    assert 'href="#id_form-0-title"' in html


@pytest.mark.parametrize(
    ("who", "name", "kwargs", "field"),
    [
        ("carol", "pilots:create", {}, "id_name"),
        ("carol", "rounds:create", {}, "id_name"),
        ("carol", "motions:create", {}, "id_nummer"),
        ("erin", "accounts:user_create", {}, "id_username"),
        ("erin", "pilots:reference_create", {"kind": "programmas"}, "id_name"),
        ("alice", "pilots:add_status_update", {"slug": "dealbreakers"}, "id_date"),
        ("alice", "pilots:add_lesson", {"slug": "dealbreakers"}, "id_lesson-text"),
    ],
)
def test_a_form_sent_empty_opens_with_the_summary(
    client, request, alices_pilot, who, name, kwargs, field
):
    client.force_login(request.getfixturevalue(who))
    # As a browser sends it: never an empty body (views bind `request.POST or None`).
    response = client.post(reverse(name, kwargs=kwargs), {"csrfmiddlewaretoken": "x"})
    html = response.content.decode()
    assert response.status_code in (200, 400)
    assert html.count("data-error-summary") == 1
    assert f'href="#{field}"' in html
