using ContactSync.Hub.SyncState;
using ContactSync.Storage;

namespace ContactSync.Hub.Subscriptions;

/// <summary>A remote id a notification named, with the etag it carried (null for a deletion).</summary>
public sealed record PendingChange(string RemoteId, string? RemoteVersion, string? ETag = null);

/// <summary>
/// The coalescing table (M24): partition <c>{tenant}|{target}|{section}</c>, one row per remote id named since the last
/// partial sync (a repeat overwrites: one row per id however often it changes), plus a window marker row. The first
/// notification of a window inserts the marker and gets to enqueue the job; later ones find it and only add their ids.
/// The job removes the marker first (a notification after that opens the next window), reads the ids, syncs them and
/// deletes each row on the ETag it read, so an id named again meanwhile stays for the next window.
/// </summary>
public sealed class PendingChanges(ITableStore tables)
{
    public const string Table = HubTables.PendingChanges;
    private const string Window = "~window";

    public async Task AddAsync(SyncKey key, IReadOnlyCollection<PendingChange> changes, CancellationToken ct = default)
    {
        var rows = changes.DistinctBy(c => c.RemoteId).Select(c => new TableEntity(key.ToString(), TableKeys.Escape(c.RemoteId))
        {
            ["RemoteId"] = c.RemoteId, ["RemoteVersion"] = c.RemoteVersion,
        }).ToList();
        await Task.WhenAll(rows.Chunk(100).Select(chunk =>
            tables.SubmitTransactionAsync(Table, chunk.Select(r => TableOperation.Upsert(r)).ToList(), ct)));
    }

    /// <summary>Opens the key's window for <paramref name="jobId"/>: Opened true, or false when a window is already open
    /// (its job will see these ids). OpenedAt is when the open window began. A marker older than
    /// <paramref name="staleAfter"/> (its job was never enqueued) is taken over.</summary>
    public async Task<(bool Opened, DateTimeOffset OpenedAt)> TryOpenWindowAsync(SyncKey key, string jobId, DateTimeOffset now,
        TimeSpan staleAfter, CancellationToken ct = default)
    {
        var marker = new TableEntity(key.ToString(), Window) { ["JobId"] = jobId, ["OpenedAt"] = now };
        try
        {
            await tables.InsertAsync(Table, marker, ct);
            return (true, now);
        }
        catch (StorageException e) when (e.Kind == StorageErrorKind.Conflict)
        {
            var current = await tables.GetAsync(Table, key.ToString(), Window, ct);
            if (current is null) return (false, DateTimeOffset.MinValue); // its job just closed it: don't trust it as open
            if (current.GetDateTime("OpenedAt") is { } opened && now - opened < staleAfter) return (false, opened);
            try { await tables.UpdateAsync(Table, marker, current.ETag ?? "*", WriteMode.Replace, ct); return (true, now); }
            catch (StorageException p) when (p.Kind is StorageErrorKind.PreconditionFailed or StorageErrorKind.NotFound) { return (false, DateTimeOffset.MinValue); }
        }
    }

    /// <summary>Closes the window if <paramref name="jobId"/> opened it (the enqueue failed, or its job now runs).</summary>
    public async Task CloseWindowAsync(SyncKey key, string jobId, CancellationToken ct = default)
    {
        if (await tables.GetAsync(Table, key.ToString(), Window, ct) is not { } marker || marker.GetString("JobId") != jobId) return;
        try { await tables.DeleteAsync(Table, key.ToString(), Window, marker.ETag ?? "*", ct); }
        catch (StorageException e) when (e.Kind is StorageErrorKind.PreconditionFailed or StorageErrorKind.NotFound) { }
    }

    public async Task<IReadOnlyList<PendingChange>> ReadAsync(SyncKey key, CancellationToken ct = default)
    {
        var all = new List<PendingChange>();
        await foreach (var e in tables.QueryAsync(Table, new TableQuery(TableFilter.Partition(key.ToString())), ct))
            if (e.RowKey != Window)
                all.Add(new PendingChange(e.GetString("RemoteId") ?? TableKeys.Unescape(e.RowKey), e.GetString("RemoteVersion"), e.ETag));
        return all;
    }

    /// <summary>Removes the rows a finished sync covered; a row renamed since (new ETag) stays for the next window.</summary>
    public async Task CompleteAsync(SyncKey key, IEnumerable<PendingChange> done, CancellationToken ct = default)
    {
        await Parallel.ForEachAsync(done, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (c, token) =>
        {
            try { await tables.DeleteAsync(Table, key.ToString(), TableKeys.Escape(c.RemoteId), c.ETag ?? "*", token); }
            catch (StorageException e) when (e.Kind is StorageErrorKind.PreconditionFailed or StorageErrorKind.NotFound) { }
        });
    }
}
