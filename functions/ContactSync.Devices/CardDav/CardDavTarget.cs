namespace ContactSync.Devices.CardDav;

/// <summary>One CardDAV address-book collection (no discovery: the collection URL is given) with basic auth.
/// <paramref name="Parallelism"/> bounds the concurrent PUT/DELETE requests of one write batch.
/// <paramref name="CloseConnections"/> sends <c>Connection: close</c>, saying that we do not expect the connection to be
/// kept. It does not stop .NET from pooling a connection after an HTTP/1.0 answer (Radicale's wsgiref server); only the
/// handler's PooledConnectionLifetime = 0 does (see <see cref="DavClient"/>).</summary>
public sealed record CardDavTarget(
    string CollectionUrl, string? UserName = null, string? Password = null, bool ReadOnly = false, int Parallelism = 4,
    bool CloseConnections = true)
{
    public Uri Collection { get; } = new(CollectionUrl.TrimEnd('/') + "/");

    public Uri Resource(string id) => new(Collection, Uri.EscapeDataString(id));

    /// <summary>The resource name a server href ends with: our item id.</summary>
    public static string IdOf(string href) => href.TrimEnd('/')[(href.TrimEnd('/').LastIndexOf('/') + 1)..];

    public override string ToString() => CollectionUrl;
}
