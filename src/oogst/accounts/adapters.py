"""django-allauth adapters: no self-registration; SSO users get their role from the claims."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.shortcuts import render
from django.utils.translation import gettext as _

from oogst.core.audit_log import log_event

from . import security_events, sso


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Local accounts are made by a beheerder; municipal staff come in through SSO.
        return False

    def get_logout_redirect_url(self, request):
        """After signing out of Oogst, an SSO user is signed out at the provider too."""
        login_page = super().get_logout_redirect_url(request)
        at_provider = sso.provider_logout_url(
            request, return_to=request.build_absolute_uri(login_page)
        )
        return at_provider or login_page


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return True

    def pre_social_login(self, request, sociallogin):
        """Every SSO login: refuse people without a mapped role, bring the role up to date."""
        claim_set = sso.claims(sociallogin.account.extra_data)
        try:
            role = sso.role_for(claim_set)
        except sso.NoRole:
            log_event(
                "login",
                obj=f"sso:{claim_set.get('preferred_username') or claim_set.get('sub')}",
                result="refused: no role",
                request=request,
            )
            raise ImmediateHttpResponse(
                render(
                    request,
                    "accounts/sso_no_role.html",
                    {"message": _("Your account has no role in Oogst. Ask an administrator.")},
                    status=403,
                )
            ) from None
        if sociallogin.is_existing:
            user = sociallogin.user
            if user.role != role:
                security_events.log_role_change(
                    actor=None, account=user, old_role=user.role, new_role=role, request=request
                )
                user.role = role
            _copy_names(user, claim_set)
            user.save()

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        claim_set = sso.claims(sociallogin.account.extra_data)
        user.username = claim_set.get("preferred_username") or claim_set["sub"]
        # populate_user runs before pre_social_login, which refuses someone without a role.
        try:
            user.role = sso.role_for(claim_set)
        except sso.NoRole:
            pass
        _copy_names(user, claim_set)
        user.set_unusable_password()
        return user


def _copy_names(user, claim_set):
    user.first_name = claim_set.get("given_name", user.first_name)[:150]
    user.last_name = claim_set.get("family_name", user.last_name)[:150]
    user.email = claim_set.get("email", user.email)
