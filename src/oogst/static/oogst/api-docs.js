// The API's documentation page: Swagger UI from the package, reading /api/v1/openapi.json.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.getAttribute("data-schema-url"),
    domNode: root,
    // No hash routes: its "#/pilots/..." links point at no element (W3C and pa11y flag them).
    deepLinking: false,
    presets: [window.SwaggerUIBundle.presets.apis],
  });
})();
