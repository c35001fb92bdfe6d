using System.Net.Http.Headers;
using System.Text;

namespace ContactSync.Devices.CardDav;

/// <summary>A response and whether it answers a resent request (the first attempt's answer was lost on the wire, so
/// the first attempt may have been carried out).</summary>
public sealed record DavResponse(HttpResponseMessage Message, bool Resent) : IDisposable
{
    public void Dispose() => Message.Dispose();
}

/// <summary>HTTP for one collection: basic auth on every request, XML and vCard bodies, raw responses to the caller.
/// A request whose response ends prematurely is sent again (up to <see cref="Attempts"/> times). With Radicale that is
/// .NET sending on a pooled connection the server already closed: it answers HTTP/1.0 without keep-alive, and .NET's
/// SocketsHttpHandler reuses such connections; give the HttpClient a handler with PooledConnectionLifetime = 0 for such
/// servers (the benchmark does).</summary>
public sealed class DavClient(HttpClient http, CardDavTarget target)
{
    const int Attempts = 8;
    static readonly HttpMethod Report = new("REPORT"), Propfind = new("PROPFIND"), Mkcol = new("MKCOL");
    readonly AuthenticationHeaderValue? auth = target.UserName is null ? null
        : new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{target.UserName}:{target.Password}")));

    public async Task<HttpResponseMessage> ReportAsync(string xml, CancellationToken ct) =>
        (await SendAsync(Report, target.Collection, xml, "application/xml", ct, ("Depth", "1")).ConfigureAwait(false)).Message;

    public async Task<HttpResponseMessage> PropfindAsync(string xml, string depth, CancellationToken ct) =>
        (await SendAsync(Propfind, target.Collection, xml, "application/xml", ct, ("Depth", depth)).ConfigureAwait(false)).Message;

    public async Task<HttpResponseMessage> MkcolAsync(string xml, CancellationToken ct) =>
        (await SendAsync(Mkcol, target.Collection, xml, "application/xml", ct).ConfigureAwait(false)).Message;

    public async Task<HttpResponseMessage> GetAsync(string id, CancellationToken ct) =>
        (await SendAsync(HttpMethod.Get, target.Resource(id), null, null, ct).ConfigureAwait(false)).Message;

    /// <summary>PUT conditional on <paramref name="ifMatch"/>, or on the resource not existing when it is null.</summary>
    public Task<DavResponse> PutAsync(string id, string vcard, string? ifMatch, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, target.Resource(id), vcard, "text/vcard", ct, ifMatch is null ? ("If-None-Match", "*") : ("If-Match", ifMatch));

    public Task<DavResponse> DeleteAsync(string id, string ifMatch, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, target.Resource(id), null, null, ct, ("If-Match", ifMatch));

    async Task<DavResponse> SendAsync(HttpMethod method, Uri uri, string? body, string? mediaType, CancellationToken ct, params (string Name, string Value)[] headers)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (body is not null) request.Content = new StringContent(body, new UTF8Encoding(false), mediaType!);
            request.Headers.Authorization = auth;
            request.Headers.ConnectionClose = target.CloseConnections;
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
            try { return new DavResponse(await http.SendAsync(request, ct).ConfigureAwait(false), attempt > 1); }
            catch (HttpRequestException e) when (attempt < Attempts && e.InnerException is HttpIOException or IOException)
            {
                // The usual cause is a pooled connection the server had closed (HTTP/1.0 servers close after each answer
                // and .NET pools them anyway): resend at once, back off only when it repeats.
                if (attempt > 1) await Task.Delay(50 * attempt, ct).ConfigureAwait(false);
            }
        }
    }
}
