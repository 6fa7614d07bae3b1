// Starts Swagger UI on /docs from the board's own OpenAPI description (no inline script: the
// board's Content-Security-Policy allows scripts from the board only).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
