using System.Net;
using ContactSync.Devices.VCard;
using ContactSync.Engine.Ports;

namespace ContactSync.Devices.CardDav;

/// <summary>
/// One CardDAV address book as an <see cref="IItemStore"/>: ids are resource names (<c>{uuid}.vcf</c>), versions are
/// ETags. Changes come from the RFC 6578 sync-collection REPORT (an empty token is the initial, full listing; a token
/// the server refuses with <c>valid-sync-token</c> falls back to it), contents from addressbook-multiget. The collection
/// is created (extended MKCOL) on first use when missing.
/// </summary>
public sealed class CardDavStore(HttpClient http, CardDavTarget target) : IItemStore
{
    const int MultigetChunk = 200;
    readonly DavClient dav = new(http, target);
    readonly SemaphoreSlim ensured = new(1, 1);
    bool exists;

    public bool IsReadOnly => target.ReadOnly;

    public async Task<ChangeSet> ListChangesAsync(string? syncToken, CancellationToken ct = default)
    {
        await EnsureCollectionAsync(ct).ConfigureAwait(false);
        using var response = await dav.ReportAsync(DavXml.SyncCollection(syncToken), ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (syncToken is not null && response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict && DavXml.IsInvalidSyncToken(body))
            return await ListChangesAsync(null, ct).ConfigureAwait(false);
        Ensure(response, body);
        var ms = DavXml.Parse(body);
        var members = ms.Members.Where(m => !IsCollection(m.Href)).ToList();
        return new ChangeSet(
            [.. members.Where(m => m.Status == 200 && m.ETag is not null).Select(m => new ItemVersion(CardDavTarget.IdOf(m.Href), m.ETag!))],
            [.. members.Where(m => m.Status == 404).Select(m => CardDavTarget.IdOf(m.Href))],
            syncToken is null, ms.SyncToken);
    }

    public async Task<IReadOnlyList<StoredItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        await EnsureCollectionAsync(ct).ConfigureAwait(false);
        var items = new List<StoredItem>(ids.Count);
        foreach (var chunk in ids.Chunk(MultigetChunk))
        {
            using var response = await dav.ReportAsync(DavXml.Multiget(chunk.Select(id => target.Resource(id).AbsolutePath)), ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            Ensure(response, body);
            foreach (var m in DavXml.Parse(body).Members.Where(m => m.Status == 200 && m.AddressData is not null))
            {
                var card = VCardReader.Read(m.AddressData!);
                items.Add(new StoredItem(CardDavTarget.IdOf(m.Href), m.ETag ?? "", card.Item, card.Marker));
            }
        }
        return items;
    }

    /// <summary>CardDAV has no index on our X- property (addressbook-query text-match support varies), so this scans the
    /// whole book: one sync-collection plus one multiget per 200 cards. The engine asks only to recover interrupted
    /// creates, so the scan is rare and not cached (a cache would go stale with every edit on the phone).</summary>
    public async Task<IReadOnlyList<StoredItem>> FindByMarkersAsync(IReadOnlyCollection<string> markers, CancellationToken ct = default)
    {
        if (markers.Count == 0) return [];
        var wanted = markers.ToHashSet(StringComparer.Ordinal);
        var all = await ListChangesAsync(null, ct).ConfigureAwait(false);
        var items = await GetManyAsync([.. all.Changed.Select(v => v.Id)], ct).ConfigureAwait(false);
        return [.. items.Where(i => i.Marker is not null && wanted.Contains(i.Marker))];
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOp> ops, CancellationToken ct = default)
    {
        if (IsReadOnly) return [.. ops.Select(op => WriteResult.Failure(op, new ReadOnlyStoreException(target.ToString())))];
        await EnsureCollectionAsync(ct).ConfigureAwait(false);
        var writer = new CardDavWriter(dav, await CurrentCard.FetchAsync(dav, target, [.. ops.OfType<UpdateOp>().Select(u => u.Id)], ct).ConfigureAwait(false));
        using var gate = new SemaphoreSlim(Math.Max(1, target.Parallelism));
        return await Task.WhenAll(ops.Select(async op =>
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try { return await writer.WriteAsync(op, ct).ConfigureAwait(false); }
            finally { gate.Release(); }
        })).ConfigureAwait(false);
    }

    bool IsCollection(string href) => href.TrimEnd('/') == target.Collection.AbsolutePath.TrimEnd('/');

    async Task EnsureCollectionAsync(CancellationToken ct)
    {
        if (exists) return;
        await ensured.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (exists) return;
            using var probe = await dav.PropfindAsync(DavXml.PropfindResourceType, "0", ct).ConfigureAwait(false);
            if (probe.StatusCode == HttpStatusCode.NotFound && !IsReadOnly)
            {
                using var created = await dav.MkcolAsync(DavXml.MkcolAddressBook(CardDavTarget.IdOf(target.Collection.AbsolutePath)), ct).ConfigureAwait(false);
                Ensure(created, await created.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            }
            else Ensure(probe, await probe.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            exists = true;
        }
        finally { ensured.Release(); }
    }

    static void Ensure(HttpResponseMessage response, string body)
    {
        if (!response.IsSuccessStatusCode)
            throw new ItemStoreException($"CardDAV server answered {(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}", null, body);
    }
}
