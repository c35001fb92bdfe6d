using System.Net.Http.Headers;
using System.Text;

namespace ContactSync.Devices.CardDav;

/// <summary>HTTP for one collection: basic auth on every request, XML and vCard bodies, raw responses to the caller.</summary>
public sealed class DavClient(HttpClient http, CardDavTarget target)
{
    static readonly HttpMethod Report = new("REPORT"), Propfind = new("PROPFIND"), Mkcol = new("MKCOL");
    readonly AuthenticationHeaderValue? auth = target.UserName is null ? null
        : new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{target.UserName}:{target.Password}")));

    public CardDavTarget Target => target;

    public Task<HttpResponseMessage> ReportAsync(string xml, CancellationToken ct) =>
        SendAsync(Report, target.Collection, Xml(xml), ct, ("Depth", "1"));

    public Task<HttpResponseMessage> PropfindAsync(string xml, string depth, CancellationToken ct) =>
        SendAsync(Propfind, target.Collection, Xml(xml), ct, ("Depth", depth));

    public Task<HttpResponseMessage> MkcolAsync(string xml, CancellationToken ct) => SendAsync(Mkcol, target.Collection, Xml(xml), ct);

    public Task<HttpResponseMessage> GetAsync(string id, CancellationToken ct) => SendAsync(HttpMethod.Get, target.Resource(id), null, ct);

    /// <summary>PUT conditional on <paramref name="ifMatch"/>, or on the resource not existing when it is null.</summary>
    public Task<HttpResponseMessage> PutAsync(string id, string vcard, string? ifMatch, CancellationToken ct)
    {
        var content = new StringContent(vcard, new UTF8Encoding(false), "text/vcard");
        return SendAsync(HttpMethod.Put, target.Resource(id), content, ct, ifMatch is null ? ("If-None-Match", "*") : ("If-Match", ifMatch));
    }

    public Task<HttpResponseMessage> DeleteAsync(string id, string ifMatch, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, target.Resource(id), null, ct, ("If-Match", ifMatch));

    static StringContent Xml(string xml) => new(xml, new UTF8Encoding(false), "application/xml");

    async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, HttpContent? content, CancellationToken ct, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = auth;
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await http.SendAsync(request, ct).ConfigureAwait(false);
    }
}
