using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ContactSync.DevHost.Handler;

/// <summary>Invokes a function on the handler: <c>POST /{FunctionName}</c> with the JSON payload (FACTS.md §1.3–1.5).</summary>
public sealed class HandlerClient(HttpClient http)
{
    public async Task<InvocationResult> InvokeAsync(string function, JsonObject payload, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(function, payload, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            return new InvocationResult(false, (int)response.StatusCode, null, [], null, text);
        // The host reads the answer with Newtonsoft, which matches property names without regard to case.
        var body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        var logs = Get(body, "Logs") is JsonArray a ? a.Select(l => l?.ToString() ?? "").ToList() : [];
        return new InvocationResult(true, (int)response.StatusCode, Get(body, "Outputs") as JsonObject, logs, Get(body, "ReturnValue"), text);
    }

    internal static JsonNode? Get(JsonObject? o, string name) =>
        o?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>The handler's answer. A non-2xx fails the invocation; outputs are bound only after a 2xx.</summary>
public sealed record InvocationResult(bool Succeeded, int StatusCode, JsonObject? Outputs, IReadOnlyList<string> Logs,
    JsonNode? ReturnValue, string Body)
{
    public JsonNode? Output(string binding) =>
        binding == "$return" ? ReturnValue : HandlerClient.Get(Outputs, binding);
}
