"""The appendix as one HTML file keeps its own styles, allowed by their hash and nothing more."""

import base64
import hashlib
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_standalone_appendix_page_allows_exactly_its_own_style(client, carol, spring_round):
    client.force_login(carol)
    response = client.get(reverse("rounds:appendix", args=[spring_round.slug, "html"]))
    assert response.status_code == 200
    style = re.search(rb"<style>(.*?)</style>", response.content, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(style).digest()).decode()
    policy = response["Content-Security-Policy"]
    style_src = re.search(r"style-src ([^;]*)", policy).group(1).split()
    assert f"'sha256-{digest}'" in style_src
    assert "'unsafe-inline'" not in style_src
    assert b' style="' not in response.content
