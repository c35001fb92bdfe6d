using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>JSON batching: at most 20 requests with unique ids and relative urls; each inner request runs through the
/// full pipeline (auth, throttling, counters) on its own; the outer status is 200 whatever the inner ones say.</summary>
public static class BatchApi
{
    public const int MaxRequests = 20;

    public static void MapBatchApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1.0/$batch", async (JsonObject body, HttpContext c, SandboxState s, BatchRunner runner) =>
        {
            var requests = Parse(body);
            foreach (var mailboxId in requests.Select(r => MailboxOf(s, r.Url)).OfType<string>().Distinct())
                s.CountersFor(mailboxId).Batch();
            var responses = await runner.RunAsync(requests, Query.BaseUrl(c.Request), c.Request.Headers.Authorization.ToString(), c.RequestAborted);
            return Results.Json(new JsonObject { ["responses"] = new JsonArray(responses.Select(r => (JsonNode)r).ToArray()) });
        });

    static List<BatchRequest> Parse(JsonObject body)
    {
        if (body["requests"] is not JsonArray items) throw GraphException.BadRequest("Invalid batch payload format.");
        if (items.Count > MaxRequests) throw GraphException.BadRequest($"Number of batch requests exceeds the maximum of {MaxRequests}.");
        if (items.Count == 0) throw GraphException.BadRequest("Invalid batch payload format: the requests array is empty.");
        var requests = new List<BatchRequest>();
        foreach (var item in items)
        {
            if (item is not JsonObject o) throw GraphException.BadRequest("Invalid batch payload format.");
            var id = o["id"]?.ToString();
            var method = o["method"]?.ToString();
            var url = o["url"]?.ToString();
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(method) || string.IsNullOrEmpty(url))
                throw GraphException.BadRequest("Invalid batch payload format: every request needs an id, a method and a url.");
            if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http"))
                throw GraphException.BadRequest($"Invalid request URL '{url}': batch request urls must be relative.");
            if (requests.Any(r => r.Id == id)) throw GraphException.BadRequest($"Batch request id '{id}' is not unique.");
            var headers = (o["headers"] as JsonObject)?.ToDictionary(h => h.Key, h => h.Value?.ToString() ?? "", StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var dependsOn = (o["dependsOn"] as JsonArray)?.Select(d => d?.ToString() ?? "").ToList() ?? [];
            var unknown = dependsOn.FirstOrDefault(d => requests.All(r => r.Id != d));
            if (unknown is not null) throw GraphException.BadRequest($"Request '{id}' depends on '{unknown}', which is not an earlier request of the batch.");
            requests.Add(new BatchRequest(id, method.ToUpperInvariant(), url.TrimStart('/'), headers, o["body"]?.DeepClone(), dependsOn));
        }
        return requests;
    }

    static string? MailboxOf(SandboxState s, string url)
    {
        var segments = url.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["users", var user, ..] ? s.FindUser(Uri.UnescapeDataString(user))?.Id : null;
    }
}

public sealed record BatchRequest(string Id, string Method, string Url, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, IReadOnlyList<string> DependsOn);
