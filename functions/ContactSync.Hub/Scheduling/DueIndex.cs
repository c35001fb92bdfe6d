using System.Collections.Concurrent;
using System.Globalization;
using ContactSync.Hub.SyncState;
using ContactSync.Storage;

namespace ContactSync.Hub.Scheduling;

/// <summary>
/// The scheduler's due index (M3) in <c>due</c>: PartitionKey the UTC minute bucket <c>yyyyMMddHHmm</c>, RowKey
/// <c>{tenant}|{target}|{section}</c>. Reading is one PartitionKey range query over the buckets up to now, so the rows
/// read are the due rows, however many targets are scheduled later. The syncstate row keeps the current bucket, so
/// re-scheduling removes the previous entry.
/// <para>The scheduler claims entries (<see cref="ClaimDueAsync"/>: reads, then deletes each on its ETag) and enqueues one
/// job per claimed entry; of two scheduler runs only one gets each entry. The worker re-schedules after each run
/// (<see cref="ScheduleAsync"/> with <see cref="Schedule.NextDue"/>). An entry claimed but never enqueued (a crash in
/// between) leaves the syncstate row's <c>nextDue</c> in the past, where status shows it and a re-schedule repairs it.</para>
/// </summary>
public sealed class DueIndex(ITableStore tables)
{
    private const string DueProperty = "dueUtc";
    private const int ClaimParallelism = 8;

    public static string Bucket(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>The due row for <paramref name="key"/> (public for bulk seeding, e.g. the benchmark's batches).</summary>
    public static TableEntity ToEntity(SyncKey key, DateTimeOffset dueUtc) =>
        new(Bucket(dueUtc), key.ToString()) { [DueProperty] = dueUtc.ToUniversalTime() };

    /// <summary>Makes <paramref name="key"/> due at <paramref name="dueUtc"/> (null: never, e.g. an <c>off</c> section that
    /// ran), replacing its previous entry, and records the due time and the interval's text on the syncstate row.</summary>
    public async Task ScheduleAsync(SyncKey key, DateTimeOffset? dueUtc, string? interval = null, CancellationToken ct = default)
    {
        var bucket = dueUtc is { } due ? Bucket(due) : null;
        if (dueUtc is { } d) await tables.UpsertAsync(HubTables.Due, ToEntity(key, d), ct: ct);
        string? previous = null;
        await SyncStateRow.EditAsync(tables, key, row =>
        {
            previous = row.GetString(SyncStateStore.Names.DueBucket);
            row[SyncStateStore.Names.NextDue] = dueUtc?.ToUniversalTime();
            row[SyncStateStore.Names.DueBucket] = bucket;
            if (interval is not null) row[SyncStateStore.Names.Interval] = interval;
            return true;
        }, ct);
        if (previous is not null && previous != bucket) await DeleteAsync(previous, key.ToString(), "*", ct);
    }

    /// <summary>The entries of every bucket up to <paramref name="nowUtc"/>'s minute, oldest bucket first, at most
    /// <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<DueEntry>> ReadDueAsync(DateTimeOffset nowUtc, int max = 5000, CancellationToken ct = default)
    {
        var list = new List<DueEntry>();
        var query = new TableQuery(TableFilter.Le("PartitionKey", Bucket(nowUtc)), ["PartitionKey", "RowKey", DueProperty]);
        await foreach (var e in tables.QueryAsync(HubTables.Due, query, ct))
        {
            list.Add(new DueEntry(SyncKey.Parse(e.RowKey), e.PartitionKey, e.GetDateTime(DueProperty) ?? default, e.ETag!));
            if (list.Count >= max) break;
        }
        return list;
    }

    /// <summary>Removes the entry if it is still the one read (its ETag): true when this caller claimed it, false when
    /// another scheduler run did or it was re-scheduled meanwhile.</summary>
    public Task<bool> CompleteAsync(DueEntry entry, CancellationToken ct = default) =>
        DeleteAsync(entry.Bucket, entry.Key.ToString(), entry.ETag, ct);

    /// <summary>Reads the due entries and claims them (<see cref="ClaimAsync"/>): enqueue exactly the entries returned.</summary>
    public async Task<IReadOnlyList<DueEntry>> ClaimDueAsync(DateTimeOffset nowUtc, int max = 5000, CancellationToken ct = default) =>
        await ClaimAsync(await ReadDueAsync(nowUtc, max, ct), ct);

    /// <summary>Claims entries read by <see cref="ReadDueAsync"/>: a bucket's entries are deleted 100 to a transaction
    /// (conditional on their ETags); a transaction that fails because another run took one (or it was re-scheduled)
    /// falls back to one delete each. Returns the entries this caller claimed.</summary>
    public async Task<IReadOnlyList<DueEntry>> ClaimAsync(IReadOnlyList<DueEntry> due, CancellationToken ct = default)
    {
        var claimed = new ConcurrentBag<DueEntry>();
        var chunks = due.GroupBy(e => e.Bucket).SelectMany(g => g.Chunk(100));
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = ClaimParallelism, CancellationToken = ct },
            async (chunk, token) =>
            {
                try
                {
                    await tables.SubmitTransactionAsync(HubTables.Due,
                        [.. chunk.Select(e => TableOperation.Delete(e.Bucket, e.Key.ToString(), e.ETag))], token);
                    foreach (var e in chunk) claimed.Add(e);
                }
                catch (StorageException x) when (x.Kind is StorageErrorKind.NotFound or StorageErrorKind.PreconditionFailed)
                {
                    foreach (var e in chunk)
                        if (await CompleteAsync(e, token)) claimed.Add(e);
                }
            });
        return [.. claimed.OrderBy(e => e.Bucket, StringComparer.Ordinal).ThenBy(e => e.Key.ToString(), StringComparer.Ordinal)];
    }

    private async Task<bool> DeleteAsync(string bucket, string rowKey, string etag, CancellationToken ct)
    {
        try
        {
            await tables.DeleteAsync(HubTables.Due, bucket, rowKey, etag, ct);
            return true;
        }
        catch (StorageException e) when (e.Kind is StorageErrorKind.NotFound or StorageErrorKind.PreconditionFailed)
        {
            return false;
        }
    }
}
