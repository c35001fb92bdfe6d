using System.Text.Json;

namespace ContactSync.Handler.Api;

/// <summary><c>/api/graph/notifications</c> and <c>/api/graph/lifecycle</c> (function key at the host). They answer the
/// validation handshake (FACTS.md §6.3) and acknowledge notifications with 202; acting on them arrives with M24.</summary>
public static class GraphWebhookApi
{
    public static IEndpointRouteBuilder MapGraphWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/graph/notifications", (HttpRequest request, ILogger<HttpRequest> log, CancellationToken ct) =>
            AcknowledgeAsync(request, "notification", log, ct));
        app.MapPost("/api/graph/lifecycle", (HttpRequest request, ILogger<HttpRequest> log, CancellationToken ct) =>
            AcknowledgeAsync(request, "lifecycle event", log, ct));
        return app;
    }

    private static async Task<IResult> AcknowledgeAsync(HttpRequest request, string what, ILogger log, CancellationToken ct)
    {
        // Graph sends the token URL-encoded; the query collection has already decoded it, which is what Graph wants back.
        if (request.Query.TryGetValue("validationToken", out var token))
            return TypedResults.Text(token.ToString(), "text/plain", statusCode: 200);
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var count = body.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
                ? value.GetArrayLength() : 0;
            log.LogInformation("Graph sent {Count} {What}(s)", count, what);
            return TypedResults.Accepted((string?)null);
        }
        catch (JsonException)
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad notification", detail: "The body is not JSON.");
        }
    }
}
