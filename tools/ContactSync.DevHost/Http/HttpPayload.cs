using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContactSync.DevHost.Http;

/// <summary>The JSON shapes of a non-forwarded HTTP invocation (FACTS.md §1.4–1.5): the request in <c>Data</c>, the
/// response from the http output binding.</summary>
public static class HttpPayload
{
    public static async Task<JsonObject> RequestAsync(HttpContext context)
    {
        var r = context.Request;
        var body = await new StreamReader(r.Body).ReadToEndAsync(context.RequestAborted);
        var headers = new JsonObject();
        foreach (var (name, values) in r.Headers) headers[name] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        var query = new JsonObject();
        foreach (var (name, values) in r.Query) query[name] = values.ToString();
        var parameters = new JsonObject();
        foreach (var (name, value) in context.GetRouteData().Values) parameters[name] = value?.ToString();
        return new JsonObject
        {
            ["Url"] = $"{r.Scheme}://{r.Host}{r.PathBase}{r.Path}{r.QueryString}",
            ["Method"] = r.Method, ["Query"] = query, ["Headers"] = headers, ["Params"] = parameters, ["Body"] = body,
        };
    }

    /// <summary>Writes <c>{statusCode, body, headers}</c> (any case); a missing output is a 204 as in the host.</summary>
    public static async Task WriteResponseAsync(HttpContext context, JsonNode? output)
    {
        if (output is not JsonObject o) { context.Response.StatusCode = output is null ? 204 : 200; if (output is not null) await context.Response.WriteAsync(output.ToString()); return; }
        var status = Get(o, "statusCode") ?? Get(o, "status");
        context.Response.StatusCode = status is null ? 200 : int.Parse(status.ToString());
        if (Get(o, "headers") is JsonObject headers)
            foreach (var (name, value) in headers) context.Response.Headers[name] = value?.ToString();
        var body = Get(o, "body");
        if (body is not null) await context.Response.WriteAsync(body is JsonValue v && v.TryGetValue<string>(out var s) ? s : body.ToJsonString());
    }

    private static JsonNode? Get(JsonObject o, string name) =>
        o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
