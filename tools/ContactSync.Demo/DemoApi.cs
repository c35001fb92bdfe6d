using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactSync.Demo;

/// <summary>The demo's only way into the product: the HTTP API with one API key. A failure stops the demo with the
/// problem details the API answered.</summary>
public sealed class DemoApi(Uri baseAddress, string apiKey) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };

    public string Key { get; set; } = apiKey;

    public async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers)> SendAsync(HttpMethod method, string path,
        HttpContent? content = null, string? ifMatch = null, bool allowFailure = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", Key);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text.TrimStart() is ['{' or '[', ..] ? JsonNode.Parse(text) : null;
        if (!response.IsSuccessStatusCode && !allowFailure)
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return (response.StatusCode, body, response.Headers);
    }

    public async Task<JsonNode?> PutAsync(string path, object body, string? ifMatch = null) =>
        (await SendAsync(HttpMethod.Put, path, JsonContent.Create(body, options: Json), ifMatch)).Body;

    public async Task<JsonNode?> GetAsync(string path) => (await SendAsync(HttpMethod.Get, path)).Body;

    public async Task<(JsonNode? Body, string? ETag)> GetWithETagAsync(string path)
    {
        var (_, body, headers) = await SendAsync(HttpMethod.Get, path);
        return (body, headers.ETag?.ToString());
    }

    public async Task<JsonNode?> PostAsync(string path, object? body = null) =>
        (await SendAsync(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body, options: Json))).Body;

    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostCsvAsync(string path, byte[] csv, string? charset)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = charset };
        var (status, body, _) = await SendAsync(HttpMethod.Post, path, content, allowFailure: true);
        if (status is not (HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity))
            throw new InvalidOperationException($"POST {path} answered {(int)status}: {body}");
        return (status, body);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Dispose() => http.Dispose();
}
