"""The OpenAPI document by the NL API Design Rules: every success response documents the
API-Version header, every error is application/problem+json with status, title and detail."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema

ERRORS = {
    "400": "Invalid input: every invalid field is listed in invalidParams.",
    "401": "No valid API key.",
    "403": "The API key's scope does not allow this.",
    "404": "No such resource.",
    "405": "Method not allowed.",
    "406": "Not acceptable.",
    "500": "Internal server error.",
}
WRITE_ERRORS = {
    "412": "The pilot changed since the ETag in If-Match.",
    "415": "Send application/json.",
    "428": "If-Match with the pilot's ETag is required.",
}
PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Ongeldige invoer"},
        "status": {"type": "integer", "example": 400},
        "detail": {"type": "string", "example": "1 ongeldig(e) veld(en): text"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
                "required": ["name", "reason"],
            },
        },
    },
    "required": ["type", "title", "status", "detail"],
}
API_VERSION_HEADER = {
    "description": "The API's full version (semver).",
    "schema": {"type": "string", "example": "1.0.0"},
}


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "oogst.api.auth.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "X-Api-Key"}


class OogstAutoSchema(AutoSchema):
    def get_auth(self):
        auth = super().get_auth()
        if getattr(self.view, "required_scope", "x") is None:
            auth = [*auth, {}]  # a key is optional here
        return auth


def add_rules_of_the_road(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    for _path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            responses = operation.setdefault("responses", {})
            errors = dict(ERRORS)
            if method == "post":
                errors |= WRITE_ERRORS
            if {} in operation.get("security", []):
                errors.pop("403")
            for code, description in errors.items():
                responses.setdefault(code, {"description": description})
            for code, response in responses.items():
                if code.startswith(("4", "5")):
                    response["content"] = {"application/problem+json": {"schema": problem_ref}}
                else:
                    response.setdefault("headers", {})["API-Version"] = API_VERSION_HEADER
    return result
