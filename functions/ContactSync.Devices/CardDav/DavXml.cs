using System.Globalization;
using System.Security;
using System.Xml.Linq;

namespace ContactSync.Devices.CardDav;

/// <summary>One member in a 207 multistatus: its href and status, with the etag and vCard when the server sent them.</summary>
public sealed record DavMember(string Href, int Status, string? ETag, string? AddressData);

public sealed record Multistatus(IReadOnlyList<DavMember> Members, string? SyncToken);

/// <summary>The WebDAV/CardDAV request bodies the connector sends and the multistatus parser (RFC 4918, 6352, 6578).</summary>
public static class DavXml
{
    static readonly XNamespace D = "DAV:";
    static readonly XNamespace C = "urn:ietf:params:xml:ns:carddav";
    const string Head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    public static string SyncCollection(string? token) =>
        $"""{Head}<D:sync-collection xmlns:D="DAV:"><D:sync-token>{SecurityElement.Escape(token ?? "")}</D:sync-token><D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>""";

    public static string Multiget(IEnumerable<string> hrefs) =>
        $"""{Head}<C:addressbook-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:prop><D:getetag/><C:address-data/></D:prop>{string.Concat(hrefs.Select(h => $"<D:href>{SecurityElement.Escape(h)}</D:href>"))}</C:addressbook-multiget>""";

    public static string PropfindResourceType =>
        $"""{Head}<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/></D:prop></D:propfind>""";

    public static string MkcolAddressBook(string displayName) =>
        $"""{Head}<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype><D:displayname>{SecurityElement.Escape(displayName)}</D:displayname></D:prop></D:set></D:mkcol>""";

    /// <summary>True when an error body names the <c>DAV:valid-sync-token</c> precondition (an expired or foreign token).</summary>
    public static bool IsInvalidSyncToken(string body) => body.Contains("valid-sync-token", StringComparison.Ordinal);

    public static Multistatus Parse(string xml)
    {
        var doc = XDocument.Parse(xml);
        var members = doc.Root!.Elements(D + "response").Select(r =>
        {
            var href = Uri.UnescapeDataString(r.Element(D + "href")?.Value ?? "");
            var ok = r.Elements(D + "propstat").FirstOrDefault(p => Code(p.Element(D + "status")?.Value) == 200);
            var status = ok is not null ? 200 : Code(r.Element(D + "status")?.Value ?? r.Element(D + "propstat")?.Element(D + "status")?.Value);
            var prop = ok?.Element(D + "prop");
            return new DavMember(href, status, prop?.Element(D + "getetag")?.Value, prop?.Element(C + "address-data")?.Value);
        }).ToList();
        return new Multistatus(members, doc.Root!.Element(D + "sync-token")?.Value);
    }

    /// <summary>"HTTP/1.1 404 Not Found" → 404.</summary>
    static int Code(string? statusLine) =>
        statusLine?.Split(' ') is [_, var code, ..] && int.TryParse(code, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
