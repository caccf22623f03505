"""The number of signals in the menu, counted at most every OOGST_SIGNAL_COUNT_SECONDS."""

from django import template
from django.conf import settings
from django.core.cache import cache

register = template.Library()


def _key(user) -> str:
    return f"oogst:signal-count:{user.pk}"


def remember_count(user, total: int) -> None:
    cache.set(_key(user), total, settings.OOGST_SIGNAL_COUNT_SECONDS)


@register.simple_tag(takes_context=True)
def signal_count(context):
    """None for users without a dashboard; else how many signals they see."""
    from oogst.dashboard import signals

    user = context.get("user")
    if user is None or not user.is_authenticated or not signals.rules_for(user):
        return None
    total = cache.get(_key(user))
    if total is None:
        total = signals.count_for(user)
        remember_count(user, total)
    return total
