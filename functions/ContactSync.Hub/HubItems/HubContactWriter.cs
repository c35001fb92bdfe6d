using ContactSync.Engine.Ports;
using ContactSync.Storage;

namespace ContactSync.Hub.HubItems;

/// <summary>How a write is conditioned: create only (the id must be new), replace whatever is there, or only when the
/// item is still at <see cref="IfMatch"/>.</summary>
internal sealed record WriteCondition(string? IfMatch, bool CreateOnly)
{
    public static readonly WriteCondition Create = new(null, true);
    public static readonly WriteCondition Any = new("*", false);
    public static WriteCondition At(string version) => new(version, false);
}

/// <summary>
/// Writes one hub contact together with the change counter (one entity-group transaction in the tenant's partition:
/// counter first, item second), then appends the feed row. Before committing, it re-appends the feed row of the
/// counter's last write unless it knows that row is there: so a feed row lost to a crash is restored by the next write
/// (<see cref="HubChangeFeed"/> says why that keeps deltas whole). Contention on the counter is retried.
/// </summary>
internal sealed class HubContactWriter(ITableStore tables, string tenantId)
{
    private const int MaxAttempts = 50;
    private long _appended = -1;

    /// <summary>Writes <paramref name="json"/> (null deletes) and returns the new ETag ("" for a delete).</summary>
    /// <exception cref="ItemStoreException">Typed: version mismatch, not found, or the id exists (create only).</exception>
    public async Task<string> WriteAsync(string id, string? json, string? marker, WriteCondition condition, CancellationToken ct)
    {
        // Not one entity tag (the service answers 400 to such an If-Match): it cannot match the current version.
        if (condition.IfMatch is { } v && v != "*" && !IsEntityTag(v))
            throw await ItemErrorAsync(id, condition, new StorageException(StorageErrorKind.PreconditionFailed, 412, "UpdateConditionNotSatisfied",
                $"'{v}' is not a version of hub contact {id}."), ct);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var counter = await tables.GetAsync(HubTables.HubContacts, tenantId, HubContactEntity.CounterRowKey, ct);
            var last = HubChangeFeed.SequenceOf(counter);
            if (counter is not null && last != _appended && counter.GetString(HubChangeFeed.LastId) is { } lastId)
                await AppendAsync(last, lastId, counter.GetBoolean(HubChangeFeed.LastDeleted) ?? false, bestEffort: false, ct);
            var seq = last + 1;
            var next = HubChangeFeed.Counter(tenantId, seq, id, json is null);
            var ops = new List<TableOperation>
            {
                counter is null ? TableOperation.Insert(next) : TableOperation.Update(next, counter.ETag!),
                ItemOp(id, json, marker, seq, condition),
            };
            IReadOnlyList<string?> etags;
            try
            {
                etags = await tables.SubmitTransactionAsync(HubTables.HubContacts, ops, ct);
            }
            catch (StorageException e) when (e.OperationIndex == 0 && e.Kind is StorageErrorKind.Conflict or StorageErrorKind.PreconditionFailed)
            {
                continue; // another write took the sequence: read the counter again
            }
            catch (StorageException e) when (e.OperationIndex == 1)
            {
                throw await ItemErrorAsync(id, condition, e, ct);
            }
            await AppendAsync(seq, id, json is null, bestEffort: true, ct);
            return etags[1] ?? "";
        }
        throw new ItemStoreException($"The hub's change counter for tenant {tenantId} stayed contended after {MaxAttempts} attempts.", id);
    }

    // RFC 9110 entity-tag: [W/] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text (no space, no DQUOTE).
    private static bool IsEntityTag(string v)
    {
        var tag = v.StartsWith("W/", StringComparison.Ordinal) ? v[2..] : v;
        return tag is ['"', .. var inner, '"'] && inner.All(c => c == '!' || c >= '#' && c != '\x7F');
    }

    private TableOperation ItemOp(string id, string? json, string? marker, long seq, WriteCondition c)
    {
        if (json is null) return TableOperation.Delete(tenantId, id, c.IfMatch ?? "*");
        var entity = HubContactEntity.From(tenantId, id, json, marker, seq);
        // Merge, so that an update keeps the marker the item was created with (a null marker is not sent).
        return c.CreateOnly ? TableOperation.Insert(entity)
            : c.IfMatch == "*" ? TableOperation.Upsert(entity, WriteMode.Merge)
            : TableOperation.Update(entity, c.IfMatch!, WriteMode.Merge);
    }

    private async Task<ItemStoreException> ItemErrorAsync(string id, WriteCondition c, StorageException e, CancellationToken ct)
    {
        switch (e.Kind)
        {
            case StorageErrorKind.NotFound:
                return new ItemNotFoundException(id, e.Message);
            case StorageErrorKind.PreconditionFailed:
                var now = await tables.GetAsync(HubTables.HubContacts, tenantId, id, ct);
                return now is null ? new ItemNotFoundException(id, e.Message) : new VersionMismatchException(id, c.IfMatch ?? "", now.ETag, e.Message);
            case StorageErrorKind.Conflict:
                return new ItemStoreException($"Hub contact {id} already exists.", id, e.Message);
            case StorageErrorKind.BadRequest or StorageErrorKind.TooLarge:
                return new ItemRejectedException(id, e.Message);
            default:
                return new ItemStoreException($"Writing hub contact {id} failed: {e.Message}", id, e.Message);
        }
    }

    // After a commit the append is best effort: a lost one is restored by the next write, and a reader takes the
    // counter's last write from the counter row. The repair before a commit must succeed, or the feed would get a gap.
    private async Task AppendAsync(long seq, string id, bool deleted, bool bestEffort, CancellationToken ct)
    {
        try
        {
            await tables.UpsertAsync(HubTables.HubChanges, HubChangeFeed.FeedRow(tenantId, seq, id, deleted), ct: ct);
            _appended = seq;
        }
        catch (StorageException) when (bestEffort && !ct.IsCancellationRequested)
        {
        }
    }
}
