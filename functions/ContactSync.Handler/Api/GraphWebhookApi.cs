using System.Text.Json;
using ContactSync.Handler.Webhooks;

namespace ContactSync.Handler.Api;

/// <summary><c>/api/graph/notifications</c> and <c>/api/graph/lifecycle</c> (function key at the host). Both answer the
/// validation handshake (FACTS.md §6.3); notifications are verified and persisted for a coalesced partial sync, lifecycle
/// events get their reaction (M24). Invalid items are dropped and still answered 202 (nothing to retry); 5xx only when
/// persisting failed, so that Graph retries.</summary>
public static class GraphWebhookApi
{
    public static IEndpointRouteBuilder MapGraphWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/graph/notifications", async (HttpRequest request, NotificationIntake intake, ILogger<NotificationIntake> log,
            CancellationToken ct) =>
        {
            if (Handshake(request) is { } answer) return answer;
            if (await ReadAsync(request, ct) is not { } body) return NotJson();
            var result = await intake.AcceptAsync(NotificationBodies.Changes(body), ct);
            log.LogInformation("Graph notifications: {Accepted} accepted, {Dropped} dropped, {Jobs} job(s) opened",
                result.Accepted, result.Dropped, result.JobsOpened);
            return TypedResults.Accepted((string?)null);
        });
        app.MapPost("/api/graph/lifecycle", async (HttpRequest request, LifecycleReactions reactions, CancellationToken ct) =>
        {
            if (Handshake(request) is { } answer) return answer;
            if (await ReadAsync(request, ct) is not { } body) return NotJson();
            foreach (var item in NotificationBodies.Lifecycle(body)) await reactions.ReactAsync(item, ct);
            return TypedResults.Accepted((string?)null);
        });
        return app;
    }

    // Graph URL-encodes the token ('+' or %20 for a space, %2B for '+'); the query collection has already decoded it,
    // and the decoded token is what Graph wants back, as text/plain and nothing else.
    private static IResult? Handshake(HttpRequest request) =>
        request.Query.TryGetValue("validationToken", out var token)
            ? TypedResults.Text(token.ToString(), "text/plain", statusCode: StatusCodes.Status200OK)
            : null;

    private static async Task<JsonElement?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return body.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult NotJson() => TypedResults.Problem(statusCode: 400, title: "Bad notification", detail: "The body is not JSON.");
}
