using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>Runs a batch's requests against the sandbox itself over loopback HTTP, so each one is authenticated, throttled
/// and counted like a direct call. With <c>dependsOn</c> the batch runs in order and a failed dependency gives 424;
/// otherwise at most 4 run at a time (what Graph sends to Outlook).</summary>
public sealed class BatchRunner
{
    const int Parallelism = 4;
    static readonly string[] EchoedHeaders = ["Content-Type", "Retry-After", "ETag", "Location", "Preference-Applied"];
    readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromMinutes(2) };

    public async Task<List<JsonObject>> RunAsync(List<BatchRequest> requests, string baseUrl, string authorization, CancellationToken cancel)
    {
        if (requests.Any(r => r.DependsOn.Count > 0))
        {
            var results = new List<JsonObject>();
            var status = new Dictionary<string, int>();
            foreach (var request in requests)
            {
                var failed = request.DependsOn.Any(d => status[d] is < 200 or >= 300);
                var response = failed ? Failed(request.Id) : await SendAsync(request, baseUrl, authorization, cancel);
                status[request.Id] = response["status"]!.GetValue<int>();
                results.Add(response);
            }
            return results;
        }
        using var gate = new SemaphoreSlim(Parallelism);
        var done = new List<JsonObject>();
        await Task.WhenAll(requests.Select(async request =>
        {
            await gate.WaitAsync(cancel);
            try
            {
                var response = await SendAsync(request, baseUrl, authorization, cancel);
                lock (done) done.Add(response);
            }
            finally { gate.Release(); }
        }));
        return done;
    }

    async Task<JsonObject> SendAsync(BatchRequest request, string baseUrl, string authorization, CancellationToken cancel)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), $"{baseUrl}/v1.0/{request.Url}");
        message.Headers.TryAddWithoutValidation("Authorization", authorization);
        foreach (var (name, value) in request.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            message.Headers.TryAddWithoutValidation(name, value);
        if (request.Body is not null)
        {
            if (!request.Headers.TryGetValue("Content-Type", out var contentType))
                return Response(request.Id, 400, new JsonObject(), GraphError.Body("BadRequest", "A Content-Type header is required for a batch request that has a body."));
            var text = request.Body is JsonValue v && v.TryGetValue<string>(out var s) && !contentType.Contains("json") ? s : request.Body.ToJsonString();
            message.Content = new StringContent(text, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await http.SendAsync(message, cancel);
        var headers = new JsonObject();
        foreach (var name in EchoedHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
                headers[name] = string.Join(", ", values);
        }
        var raw = await response.Content.ReadAsStringAsync(cancel);
        JsonNode? body = raw.Length == 0 ? null
            : response.Content.Headers.ContentType?.MediaType?.Contains("json") == true ? JsonNode.Parse(raw) : JsonValue.Create(raw);
        return Response(request.Id, (int)response.StatusCode, headers, body);
    }

    static JsonObject Failed(string id) => Response(id, 424, new JsonObject { ["Content-Type"] = "application/json" },
        GraphError.Body("FailedDependency", "The request was not executed because a request it depends on failed."));

    static JsonObject Response(string id, int status, JsonObject headers, JsonNode? body)
    {
        var json = new JsonObject { ["id"] = id, ["status"] = status, ["headers"] = headers };
        if (body is not null) json["body"] = body;
        return json;
    }
}
