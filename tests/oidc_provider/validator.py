from oauth2_provider.oauth2_validators import OAuth2Validator

# Group names starting with this prefix are not groups but the amr values the "login" used.
AMR_PREFIX = "amr:"


class ClaimsValidator(OAuth2Validator):
    """Claims like Entra ID's or Keycloak's: names, e-mail, groups, and how the person logged in."""

    oidc_claim_scope = None  # every claim below in every token: as a municipal IdP is set up

    def get_additional_claims(self, request):
        user = request.user
        names = [g.name for g in user.groups.all()]
        return {
            "preferred_username": user.username,
            "given_name": user.first_name,
            "family_name": user.last_name,
            "email": user.email,
            "groups": [n for n in names if not n.startswith(AMR_PREFIX)],
            "amr": ["pwd"] + [n[len(AMR_PREFIX) :] for n in names if n.startswith(AMR_PREFIX)],
        }
