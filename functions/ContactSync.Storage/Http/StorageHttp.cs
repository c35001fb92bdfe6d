using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ContactSync.Storage;

/// <summary>Request plumbing shared by the Table and Queue clients: absolute URLs under the service endpoint, the
/// version header, sending through the pipeline (which signs and retries).</summary>
internal sealed class StorageHttp(Uri endpoint, HttpPipeline pipeline)
{
    private const string ServiceVersion = "2019-02-02";

    public string BaseUrl { get; } = endpoint.AbsoluteUri.TrimEnd('/');

    /// <param name="relative">Path and query below the endpoint, already escaped.</param>
    public HttpMessage Create(RequestMethod method, string relative, BinaryData? body = null, string? contentType = null)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri($"{BaseUrl}/{relative}"));
        request.Headers.SetValue("x-ms-version", ServiceVersion);
        if (body is not null)
        {
            request.Content = RequestContent.Create(body);
            request.Headers.SetValue("Content-Type", contentType ?? "application/octet-stream");
        }
        return message;
    }

    public async Task<Response> SendAsync(HttpMessage message, CancellationToken ct)
    {
        await pipeline.SendAsync(message, ct);
        return message.Response;
    }

    public static string? Header(Response response, string name) => response.Headers.TryGetValue(name, out var v) ? v : null;

    public static string RequiredHeader(Response response, string name, string what) =>
        Header(response, name) ?? throw new StorageException(StorageErrorKind.Other, response.Status, null, $"{what}: the response has no {name} header.");
}
