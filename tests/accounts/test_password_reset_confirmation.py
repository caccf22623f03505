"""A beheerder makes a new password for someone only after a page that says what happens."""

from django.urls import reverse


def test_the_reset_page_says_what_happens_and_changes_nothing(client, erin, bob):
    client.force_login(erin)
    before = bob.password
    page = client.get(reverse("accounts:user_reset_password", args=[bob.pk]))
    assert page.status_code == 200
    assert 'name="confirm" value="yes"' in page.content.decode()
    bob.refresh_from_db()
    assert bob.password == before


def test_a_reset_post_without_the_confirmation_keeps_the_password(client, erin, bob):
    client.force_login(erin)
    before = bob.password
    response = client.post(reverse("accounts:user_reset_password", args=[bob.pk]))
    assert response.status_code == 400
    bob.refresh_from_db()
    assert bob.password == before
    assert bob.check_password("bob-password-123")


def test_a_confirmed_reset_shows_the_new_password_once(client, erin, bob):
    client.force_login(erin)
    response = client.post(
        reverse("accounts:user_reset_password", args=[bob.pk]), {"confirm": "yes"}, follow=True
    )
    bob.refresh_from_db()
    assert not bob.check_password("bob-password-123")
    assert "alleen nu" in response.content.decode()
