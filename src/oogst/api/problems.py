"""Errors as application/problem+json (RFC 9457): status, title, detail, and for invalid input
every invalid field (invalidParams). One place for views, DRF and the middleware."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as ModelValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response

from oogst.core.errors import NotAllowed, NotFound
from oogst.pilots.services import StaleEdit

CONTENT_TYPE = "application/problem+json"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


def titles() -> dict[int, str]:
    return {
        400: _("Invalid input"),
        401: _("Not authenticated"),
        403: _("Not allowed"),
        404: _("Not found"),
        405: _("Method not allowed"),
        406: _("Not acceptable"),
        412: _("Precondition failed"),
        415: _("Unsupported media type"),
        428: _("Precondition required"),
        429: _("Too many requests"),
        500: _("Internal server error"),
    }


def problem(status_code: int, detail: str, **extra) -> dict:
    return {
        "type": "about:blank",
        "title": titles().get(status_code, _("Error")),
        "status": status_code,
        "detail": detail,
        **extra,
    }


def problem_response(status_code: int, detail: str, **extra) -> JsonResponse:
    """For answers made outside DRF (the middleware): same body, same content type."""
    return JsonResponse(
        problem(status_code, detail, **extra), status=status_code, content_type=CONTENT_TYPE
    )


def _invalid_params(detail, prefix="") -> list[dict]:
    """Every invalid field, flattened: nested fields as "a.b", list items as "a.0"."""
    params = []
    if isinstance(detail, dict):
        for name, value in detail.items():
            key = f"{prefix}.{name}" if prefix else str(name)
            if name == "non_field_errors":
                key = prefix or ""
            params += _invalid_params(value, key)
    elif isinstance(detail, list):
        if all(not isinstance(v, dict | list) for v in detail):
            params += [{"name": prefix, "reason": str(v)} for v in detail]
        else:
            for i, value in enumerate(detail):
                params += _invalid_params(value, f"{prefix}.{i}" if prefix else str(i))
    else:
        params.append({"name": prefix, "reason": str(detail)})
    return params


def exception_handler(exc, context):
    if isinstance(exc, Http404 | NotFound):
        exc = exceptions.NotFound(_("There is no such resource."))
    elif isinstance(exc, PermissionDenied | NotAllowed):
        exc = exceptions.PermissionDenied(_("You may not do this."))
    elif isinstance(exc, ModelValidationError):
        # A model's own rule (clean()), as the page's form would show it: per field.
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, StaleEdit):
        exc = PreconditionFailed(
            _("The pilot changed since the version in If-Match; read it again and retry.")
        )
    if not isinstance(exc, exceptions.APIException):
        return None  # a programming error: the middleware answers 500 and logs it
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    if isinstance(exc, exceptions.ValidationError):
        params = _invalid_params(exc.detail)
        body = problem(
            400,
            _("%(count)d invalid field(s): %(names)s")
            % {"count": len(params), "names": ", ".join(p["name"] or "-" for p in params)},
            invalidParams=params,
        )
    else:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        body = problem(exc.status_code, detail)
    return Response(body, status=exc.status_code, headers=headers, content_type=CONTENT_TYPE)
