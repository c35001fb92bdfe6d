using System.Globalization;
using ContactSync.Storage;

namespace ContactSync.Hub.HubItems;

/// <summary>
/// The hub's change feed: one <c>hubchanges</c> row per write (PartitionKey tenant id, RowKey the zero-padded change
/// sequence, the contact id and whether it was a delete), so a delta is one range query on RowKey.
/// <para>How the feed stays whole (see <see cref="HubContactWriter"/>): the sequence counter is a row in the contacts'
/// own partition and moves in the same entity-group transaction as the item write, so a sequence is never handed out
/// without its write. The counter row also names the last write. The feed row is appended after the transaction; if that
/// append is lost (a crash), the next writer re-appends it before committing its own write, so at any moment only the
/// counter's last sequence can be missing from the feed, and a reader takes it from the counter row. Any other gap means
/// the feed was damaged, and the reader falls back to a full listing. A feed row is only a hint: the reader answers with
/// the item's current state (present → changed at its current ETag, absent → deleted), so a stale or repeated row is
/// harmless.</para>
/// </summary>
internal static class HubChangeFeed
{
    public const string IdProperty = "id";
    public const string DeletedProperty = "deleted";
    public const string LastSequence = "last";
    public const string LastId = "lastId";
    public const string LastDeleted = "lastDeleted";

    public static string RowKey(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);

    public static TableEntity FeedRow(string tenantId, long sequence, string id, bool deleted) =>
        new(tenantId, RowKey(sequence)) { [IdProperty] = id, [DeletedProperty] = deleted };

    public static TableEntity Counter(string tenantId, long sequence, string id, bool deleted) =>
        new(tenantId, HubContactEntity.CounterRowKey) { [LastSequence] = sequence, [LastId] = id, [LastDeleted] = deleted };

    public static long SequenceOf(TableEntity? counter) => counter?.GetInt64(LastSequence) ?? 0;

    /// <summary>The ids written after <paramref name="after"/> (oldest first, repeats removed) and the sequence they
    /// reach; null when the token is unknown or the feed has a gap it cannot account for (→ full listing).</summary>
    public static async Task<(IReadOnlyList<string> Ids, long UpTo)?> ReadAsync(ITableStore tables, string tenantId, long after,
        CancellationToken ct)
    {
        var counter = await tables.GetAsync(HubTables.HubContacts, tenantId, HubContactEntity.CounterRowKey, ct);
        var upTo = SequenceOf(counter);
        if (after > upTo) return null;
        if (after == upTo) return ([], upTo);
        var filter = TableFilter.And(TableFilter.Partition(tenantId), TableFilter.Gt("RowKey", RowKey(after)),
            TableFilter.Le("RowKey", RowKey(upTo)));
        var bySequence = new SortedDictionary<long, string>();
        await foreach (var row in tables.QueryAsync(HubTables.HubChanges, new TableQuery(filter, [IdProperty]), ct))
            if (long.TryParse(row.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && row.GetString(IdProperty) is { } id)
                bySequence[seq] = id;
        if (!bySequence.ContainsKey(upTo) && counter!.GetString(LastId) is { } lastId) bySequence[upTo] = lastId;
        if (bySequence.Count != upTo - after) return null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ([.. bySequence.Values.Where(seen.Add)], upTo);
    }

    /// <summary>Deletes the feed rows written before <paramref name="olderThan"/> (100 to a transaction; a row another
    /// pass already removed is skipped). A token from before then finds a gap and gets a full listing, so pruning never
    /// loses a change; it only makes old tokens cost more. Returns how many rows this call removed.</summary>
    public static async Task<int> PruneAsync(ITableStore tables, string tenantId, DateTimeOffset olderThan, CancellationToken ct)
    {
        var filter = TableFilter.And(TableFilter.Partition(tenantId), TableFilter.Lt("Timestamp", olderThan));
        var old = new List<TableEntity>();
        await foreach (var row in tables.QueryAsync(HubTables.HubChanges, new TableQuery(filter, ["RowKey"]), ct)) old.Add(row);
        return await tables.DeleteRowsAsync(HubTables.HubChanges, old, ct);
    }
}
