using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace ContactSync.Demo;

/// <summary>A Radicale address book seen as any CardDAV client sees it (plain WebDAV, not the service's connector): the
/// tablet's own address book made and given a personal card, then its cards counted by PROPFIND and sorted into managed
/// (carrying the service's <c>X-CONTACTSYNC-HUBID</c>) and personal by an addressbook-query REPORT.</summary>
public sealed class DemoRadicale(string baseUrl, string user, string password) : IDisposable
{
    private static readonly XNamespace D = "DAV:", C = "urn:ietf:params:xml:ns:carddav";
    private const string Head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
    // Radicale (wsgiref) answers HTTP/1.0 and closes the connection; .NET would still pool it and fail the next request on
    // it ("An error occurred while sending the request"), so no connection is reused.
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });

    public string Collection { get; } = $"{baseUrl.TrimEnd('/')}/{user}/contacts/";

    public async Task CreateAddressBookAsync(string displayName) =>
        await SendAsync("MKCOL", Collection, $"""{Head}<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype><D:displayname>{displayName}</D:displayname></D:prop></D:set></D:mkcol>""");

    /// <summary>A card the user made on the tablet (vCard 3.0, as many phones still write).</summary>
    public async Task PutPersonalCardAsync(string uid, string given, string surname, string phone) =>
        await SendAsync("PUT", $"{Collection}{uid}.vcf",
            $"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:{uid}\r\nFN:{given} {surname}\r\nN:{surname};{given};;;\r\nTEL;TYPE=CELL:{phone}\r\nEND:VCARD\r\n",
            "text/vcard", ("If-None-Match", "*"));

    /// <summary>The number of cards in the collection: a Depth 1 PROPFIND's members minus the collection itself.</summary>
    public async Task<int> CountAsync()
    {
        var xml = await SendAsync("PROPFIND", Collection, $"""{Head}<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>""", depth: "1");
        return XDocument.Parse(xml).Root!.Elements(D + "response").Count(r => r.Element(D + "href")?.Value.TrimEnd('/') != new Uri(Collection).AbsolutePath.TrimEnd('/'));
    }

    /// <summary>Every card's text, by an addressbook-query without a filter.</summary>
    public async Task<IReadOnlyList<string>> CardsAsync()
    {
        var xml = await SendAsync("REPORT", Collection,
            $"""{Head}<C:addressbook-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:prop><D:getetag/><C:address-data/></D:prop></C:addressbook-query>""", depth: "1");
        return [.. XDocument.Parse(xml).Descendants(C + "address-data").Select(e => e.Value)];
    }

    public static bool IsManaged(string card) => card.Contains("\nX-CONTACTSYNC-HUBID:", StringComparison.OrdinalIgnoreCase);

    private async Task<string> SendAsync(string method, string url, string body, string mediaType = "application/xml", (string, string)? header = null,
        string? depth = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        if (depth is not null) request.Headers.Add("Depth", depth);
        if (header is var (name, value)) request.Headers.Add(name, value);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}: {text}");
        return text;
    }

    public void Dispose() => http.Dispose();
}
