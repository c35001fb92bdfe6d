using System.Net;

namespace ContactSync.Storage.Tests;

/// <summary>An HTTP handler that answers from a script and records what was sent, for pipeline behaviour (retries,
/// headers) that an emulator cannot show.</summary>
public sealed class ScriptedHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
{
    public List<(string Method, Uri Uri, Dictionary<string, string> Headers)> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        Requests.Add((request.Method.Method, request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)));
        var status = statuses[Math.Min(Requests.Count - 1, statuses.Length - 1)];
        var response = new HttpResponseMessage(status);
        if ((int)status >= 400)
            response.Content = new StringContent($"{{\"odata.error\":{{\"code\":\"ServerBusy\",\"message\":{{\"lang\":\"en-US\",\"value\":\"Try later.\"}}}}}}");
        else
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"datetime'x'\"", isWeak: true);
        return Task.FromResult(response);
    }
}
