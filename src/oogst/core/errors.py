"""Domain exceptions the services raise; the web layer turns them into 404 and 403.

Services do not know about HTTP: they say "there is no such record for this user" or "this
user may not do this", and `DomainErrorMiddleware` (and the API's exception handler) answer.
"""


class NotFound(Exception):
    """The record does not exist for this user.

    Also raised where the record exists but saying so would tell too much (a participant's
    code asked for by someone outside the partner organisation).
    """


class NotAllowed(Exception):
    """The user is known to be refused this action on this record."""
