"""The one download response: content type and Content-Disposition for every document."""

from django.http import HttpResponse

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "json": "application/json; charset=utf-8",
}


def download_response(content: bytes | str, *, filename: str, fmt: str) -> HttpResponse:
    """`content` as an attachment named `filename`.`fmt` (HTML opens in the browser instead)."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    if fmt != "html":
        response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
