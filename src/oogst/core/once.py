"""One-time form tokens: a double click or a resubmitted create form creates one row, not two.

Each create form carries a random token ({% form_token %}). The first POST with it that
succeeds (answers with a redirect, as every create view here does) stores the token with where
it redirected, in the same transaction as the row it created; a later POST with the same token
creates nothing and goes to that page. The database's unique constraint decides between two
simultaneous sends, so also a double click is safe. A POST without a token is handled as
before (scripts, tests); a form that failed validation keeps its token for the next try.
"""

import datetime
import functools
import secrets

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import FormSubmission

FIELD = "form_token"
# Long enough for any resubmit a person makes; old tokens are cleared as new ones come in.
KEEP = datetime.timedelta(days=2)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _done(user, token) -> FormSubmission | None:
    return FormSubmission.objects.filter(user=user, token=token).first()


def _replay(request, done: FormSubmission):
    messages.info(request, _("This form was already sent; nothing was created twice."))
    return redirect(done.result_url)


def once_per_form(view):
    """Decorate a view that creates rows from a POSTed form."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        token = request.POST.get(FIELD, "")[:64] if request.method == "POST" else ""
        if not token or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        done = _done(request.user, token)
        if done is not None:
            return _replay(request, done)
        try:
            with transaction.atomic():
                response = view(request, *args, **kwargs)
                if response.status_code in (301, 302, 303) and response.has_header("Location"):
                    FormSubmission.objects.create(
                        user=request.user, token=token, result_url=response["Location"][:500]
                    )
        except IntegrityError:
            # The same form sent twice at once: the other send won; this one is undone.
            done = _done(request.user, token)
            if done is None:
                raise
            return _replay(request, done)
        FormSubmission.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
        return response

    return wrapper
