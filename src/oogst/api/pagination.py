from django.utils.translation import gettext_lazy as _
from rest_framework import pagination
from rest_framework.response import Response


class Pagination(pagination.PageNumberPagination):
    """?pagina=2&paginaGrootte=50; the body says where the other pages are (_links)."""

    page_query_param = "pagina"
    page_query_description = _("The page number (1 is the first).")
    page_size_query_param = "paginaGrootte"
    page_size_query_description = _("Results per page (at most 100).")
    page_size = 100
    max_page_size = 100

    def get_paginated_response(self, data):
        page = self.page
        links = {"self": {"href": self.request.build_absolute_uri()}}
        if page.has_next():
            links["next"] = {"href": self.get_next_link()}
        if page.has_previous():
            links["prev"] = {"href": self.get_previous_link()}
        return Response(
            {
                "count": page.paginator.count,
                "page": page.number,
                "pageSize": page.paginator.per_page,
                "_links": links,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {
            "type": "object",
            "properties": {"href": {"type": "string", "format": "uri"}},
            "required": ["href"],
        }
        return {
            "type": "object",
            "required": ["count", "page", "pageSize", "_links", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "page": {"type": "integer", "example": 1},
                "pageSize": {"type": "integer", "example": 100},
                "_links": {
                    "type": "object",
                    "properties": {"self": link, "next": link, "prev": link},
                    "required": ["self"],
                },
                "results": schema,
            },
        }
