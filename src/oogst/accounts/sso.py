"""What an OpenID Connect provider's claims mean for Oogst: role, names, and trusted MFA."""

import logging
from urllib.parse import urlencode

from django.conf import settings

from oogst.core.roles import Role

# The most powerful first: someone in two mapped groups gets the stronger role.
ROLE_ORDER = [Role.BEHEERDER, Role.COORDINATOR, Role.GRIFFIE, Role.EIGENAAR, Role.LEZER]


class NoRole(Exception):
    """The provider vouches for the person, but no claim value maps to an Oogst role."""


def claims(extra_data: dict) -> dict:
    """ID token claims, overlaid with what the userinfo endpoint said."""
    return {**(extra_data.get("id_token") or {}), **(extra_data.get("userinfo") or {})}


def _values(value) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, str):
        return set(value.split())
    return {str(v) for v in value}


def role_for(claim_set: dict) -> str:
    """The Oogst role OIDC_ROLE_MAP gives these claims. Partner staff never sign in by SSO."""
    mapping = settings.OIDC_ROLE_MAP
    granted = {mapping[v] for v in _values(claim_set.get(settings.OIDC_ROLE_CLAIM)) if v in mapping}
    for role in ROLE_ORDER:
        if role in granted:
            return role
    raise NoRole


def provider_did_mfa(claim_set: dict) -> bool:
    """Only an explicit amr or acr value from the settings counts as MFA at the provider."""
    if _values(claim_set.get("amr")) & set(settings.OIDC_MFA_AMR):
        return True
    return bool(settings.OIDC_MFA_ACR) and str(claim_set.get("acr", "")) in settings.OIDC_MFA_ACR


logger = logging.getLogger(__name__)
# The session remembers which provider signed the person in, for the logout at that provider.
SSO_PROVIDER = "oogst_sso_provider"


def provider_logout_url(request, *, return_to: str) -> str | None:
    """The provider's end-session URL that brings the browser back to `return_to`, or None.

    OpenID Connect RP-Initiated Logout 1.0 with client_id (Oogst keeps no ID token). None when
    the person did not sign in by SSO, the setting is off, or the provider offers no logout;
    then only Oogst's session ends.
    """
    provider_id = request.session.get(SSO_PROVIDER)
    if not provider_id or not settings.OIDC_LOGOUT_AT_PROVIDER:
        return None
    from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter

    try:
        adapter = OpenIDConnectOAuth2Adapter(request, provider_id)
        endpoint = adapter.openid_config.get("end_session_endpoint")
        client_id = adapter.get_provider().app.client_id
    except Exception as error:  # provider unreachable or unconfigured: Oogst's logout still holds
        logger.warning("No logout at the SSO provider %s: %s", provider_id, error)
        return None
    if not endpoint:
        return None
    query = urlencode({"client_id": client_id, "post_logout_redirect_uri": return_to})
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
