"""Small response-header middleware that Django does not ship."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Tells the browser which powerful features (camera, location, ...) pages may use: none."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.OOGST_PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response
