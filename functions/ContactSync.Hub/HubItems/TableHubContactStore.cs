using System.Collections.Concurrent;
using System.Globalization;
using ContactSync.Engine.Ports;
using ContactSync.Storage;

namespace ContactSync.Hub.HubItems;

/// <summary>
/// One tenant's hub contacts as an <see cref="IItemStore"/>: items in <c>hubcontacts</c> (version = the entity's ETag,
/// content = FieldMap JSON, marker = the counterpart id an item created from a remote carries), every write recorded in
/// the <c>hubchanges</c> feed (<see cref="HubChangeFeed"/>). The sync token is the last change sequence read: a delta is
/// one point read of the counter, one RowKey range query and a point read per changed id; no token (or one this
/// partition never issued) gets a full listing. Writes are conditional on the ETag and fail with the typed errors.
/// </summary>
public sealed class TableHubContactStore(ITableStore tables, string tenantId, bool readOnly = false) : IItemStore
{
    /// <summary>Point reads in flight at once for <see cref="GetManyAsync"/>.</summary>
    public const int ReadParallelism = 8;
    /// <summary>The service evaluates at most 15 comparisons in one filter: the partition plus 14 markers.</summary>
    private const int MarkersPerQuery = 14;

    private readonly HubContactWriter _writer = new(tables, tenantId);

    public bool IsReadOnly { get; } = readOnly;
    public string TenantId { get; } = tenantId;

    public async Task<ChangeSet> ListChangesAsync(string? syncToken, CancellationToken ct = default)
    {
        if (long.TryParse(syncToken, NumberStyles.None, CultureInfo.InvariantCulture, out var after)
            && await HubChangeFeed.ReadAsync(tables, TenantId, after, ct) is { } feed)
        {
            var items = await GetManyAsync(feed.Ids, ct);
            var present = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            return new ChangeSet([.. items.Select(i => new ItemVersion(i.Id, i.Version))],
                [.. feed.Ids.Where(id => !present.Contains(id))], false, Token(feed.UpTo));
        }
        // The counter first: a write committed after it is in the next delta (perhaps in this listing too: harmless).
        var counter = await tables.GetAsync(HubTables.HubContacts, TenantId, HubContactEntity.CounterRowKey, ct);
        var all = new List<ItemVersion>();
        await foreach (var e in tables.QueryAsync(HubTables.HubContacts, new TableQuery(HubContactEntity.ContactsFilter(TenantId), ["RowKey"]), ct))
            all.Add(new ItemVersion(e.RowKey, e.ETag!));
        return new ChangeSet(all, [], true, Token(HubChangeFeed.SequenceOf(counter)));
    }

    public async Task<IReadOnlyList<StoredItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).Where(IsContactId).ToList();
        var found = new ConcurrentDictionary<string, StoredItem>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(wanted, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = ct },
            async (id, token) =>
            {
                if (await tables.GetAsync(HubTables.HubContacts, TenantId, id, token) is { } e) found[id] = HubContactEntity.ToItem(e);
            });
        return [.. wanted.Where(found.ContainsKey).Select(id => found[id])];
    }

    public async Task<IReadOnlyList<StoredItem>> FindByMarkersAsync(IReadOnlyCollection<string> markers, CancellationToken ct = default)
    {
        var list = new List<StoredItem>();
        foreach (var chunk in markers.Distinct(StringComparer.Ordinal).Chunk(MarkersPerQuery))
        {
            var filter = TableFilter.And(TableFilter.Partition(TenantId),
                TableFilter.Or([.. chunk.Select(m => TableFilter.Eq(HubContactEntity.MarkerProperty, m))]));
            await foreach (var e in tables.QueryAsync(HubTables.HubContacts, new TableQuery(filter), ct)) list.Add(HubContactEntity.ToItem(e));
        }
        return list;
    }

    /// <summary>One write at a time: each moves the tenant's change counter, so they cannot share a transaction.</summary>
    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOp> ops, CancellationToken ct = default)
    {
        var results = new List<WriteResult>(ops.Count);
        foreach (var op in ops) results.Add(await WriteOneAsync(op, ct));
        return results;
    }

    /// <summary>Creates or replaces the contact <paramref name="id"/> (the API's PUT), conditional on
    /// <paramref name="ifVersion"/> when given. Returns the new version.</summary>
    /// <exception cref="ItemStoreException">Typed: mismatch, not found, too large, read-only.</exception>
    public Task<string> PutAsync(string id, Engine.Items.FieldMap item, string? ifVersion = null, CancellationToken ct = default)
    {
        if (IsReadOnly) throw new ReadOnlyStoreException(Name);
        var (json, problem) = HubContactEntity.Serialize(item);
        if (json is null) throw new ItemRejectedException(id, problem!);
        return _writer.WriteAsync(id, json, null, ifVersion is null ? WriteCondition.Any : WriteCondition.At(ifVersion), ct);
    }

    /// <summary>Deletes the contact, conditional on <paramref name="ifVersion"/> when given (a tombstone in the feed).</summary>
    public Task<string> RemoveAsync(string id, string? ifVersion = null, CancellationToken ct = default) =>
        IsReadOnly ? throw new ReadOnlyStoreException(Name)
            : _writer.WriteAsync(id, null, null, ifVersion is null ? WriteCondition.Any : WriteCondition.At(ifVersion), ct);

    /// <summary>Removes change-feed rows older than <paramref name="olderThan"/> (e.g. 30 days): tokens older than that
    /// then get a full listing. Returns the rows removed.</summary>
    public Task<int> PruneChangesAsync(DateTimeOffset olderThan, CancellationToken ct = default) =>
        HubChangeFeed.PruneAsync(tables, TenantId, olderThan, ct);

    private string Name => $"hub contacts of {TenantId}";

    private async Task<WriteResult> WriteOneAsync(WriteOp op, CancellationToken ct)
    {
        if (IsReadOnly) return WriteResult.Failure(op, new ReadOnlyStoreException(Name));
        try
        {
            switch (op)
            {
                case CreateOp c:
                    var id = Guid.NewGuid().ToString("N");
                    return WriteResult.Success(op, id, await _writer.WriteAsync(id, Json(id, c.Item), c.Marker, WriteCondition.Create, ct));
                case UpdateOp u when IsContactId(u.Id):
                    return WriteResult.Success(op, u.Id, await _writer.WriteAsync(u.Id, Json(u.Id, u.Item), null, WriteCondition.At(u.IfVersion), ct));
                case DeleteOp d when IsContactId(d.Id):
                    return WriteResult.Success(op, d.Id, await _writer.WriteAsync(d.Id, null, null, WriteCondition.At(d.IfVersion), ct));
                case UpdateOp or DeleteOp:
                    return WriteResult.Failure(op, new ItemNotFoundException(op is UpdateOp x ? x.Id : ((DeleteOp)op).Id));
                default:
                    throw new ArgumentException($"Unknown write {op.GetType().Name}", nameof(op));
            }
        }
        catch (ItemStoreException e)
        {
            return WriteResult.Failure(op, e);
        }
        catch (StorageException e)
        {
            return WriteResult.Failure(op, new ItemStoreException($"The hub's table storage failed: {e.Message}", null, e.Message));
        }
    }

    private static string Json(string id, Engine.Items.FieldMap item) =>
        HubContactEntity.Serialize(item) is ({ } json, _) ? json : throw new ItemRejectedException(id, HubContactEntity.Serialize(item).Problem!);

    private static bool IsContactId(string id) => Validation.Ids.IsValid(id);

    private static string Token(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}
