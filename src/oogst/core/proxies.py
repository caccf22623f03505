"""Which address a request comes from, and whether it came over HTTPS, behind a proxy.

X-Forwarded-For and X-Forwarded-Proto are plain request headers anyone can send. They are
believed only from the proxies named in OOGST_TRUSTED_PROXIES (none by default); from anyone
else they are dropped, so they can neither dodge nor aim the login lockout, nor fake HTTPS.
"""

import ipaddress

from django.conf import settings

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")


def _networks():
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.OOGST_TRUSTED_PROXIES]


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def forwarded_client(peer: str, forwarded_for: str, networks) -> str:
    """The client's address: the nearest hop in X-Forwarded-For that is not a trusted proxy.

    Read from the right, because each proxy appends the address it saw: what lies left of the
    first untrusted hop was written by the client itself and proves nothing.
    """
    client = peer
    for hop in reversed(forwarded_for.split(",")):
        address = _address(hop)
        if address is None:
            break
        client = str(address)
        if not _trusted(address, networks):
            break
    return client


class TrustedProxyMiddleware:
    """First in the chain: settle REMOTE_ADDR and drop forwarded headers from untrusted peers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        networks = _networks()
        if networks and _trusted(_address(meta.get("REMOTE_ADDR", "")), networks):
            meta["REMOTE_ADDR"] = forwarded_client(
                meta["REMOTE_ADDR"], meta.get("HTTP_X_FORWARDED_FOR", ""), networks
            )
        else:
            for header in FORWARDED_HEADERS:
                meta.pop(header, None)
        return self.get_response(request)


def client_ip(request) -> str | None:
    """For django-axes: the address TrustedProxyMiddleware settled, never a raw header."""
    return request.META.get("REMOTE_ADDR")
