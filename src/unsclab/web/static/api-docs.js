// /api/docs: Swagger UI on this server's OpenAPI schema (the assets are served locally).
"use strict";
window.addEventListener("load", () => {
  window.SwaggerUIBundle({ url: "/api/docs-assets/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
