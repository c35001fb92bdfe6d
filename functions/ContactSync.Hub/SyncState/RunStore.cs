using System.Globalization;
using System.Text.Json;
using ContactSync.Engine.Sync;
using ContactSync.Storage;

namespace ContactSync.Hub.SyncState;

/// <summary>
/// Run records in <c>runs</c>: PartitionKey <c>{tenant}|{target}</c>, RowKey inverted start ticks + run id, so a
/// partition reads newest first. Warnings and errors are JSON; each list is cut to fit its properties (about 96K
/// characters each, far inside the entity's 1 MiB) and the rest counted.
/// </summary>
public sealed class RunStore(ITableStore tables)
{
    private const int MaxListChars = 3 * LongText.ChunkChars;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string RowKey(RunRecord r) => Inverted(r.StartedAt.UtcTicks) + "_" + r.RunId;

    private static string Inverted(long ticks) => (DateTimeOffset.MaxValue.UtcTicks - ticks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Saves the record (again: a retried job replaces its own record). Returns it as stored (lists capped).</summary>
    public async Task<RunRecord> AddAsync(string tenantId, string targetId, RunRecord run, CancellationToken ct = default)
    {
        var (errors, moreErrors) = Cap(run.Errors);
        var (warnings, moreWarnings) = Cap(run.Warnings);
        var stored = run with { Errors = errors, Warnings = warnings, MoreErrors = run.MoreErrors + moreErrors, MoreWarnings = run.MoreWarnings + moreWarnings };
        var e = new TableEntity($"{tenantId}|{targetId}", RowKey(run))
        {
            ["runId"] = run.RunId, ["section"] = run.Section, ["startedAt"] = run.StartedAt, ["finishedAt"] = run.FinishedAt,
            ["result"] = run.Result, ["counts"] = JsonSerializer.Serialize(run.Counts, Json), ["failure"] = Trim(run.Failure),
            ["stoppedBy"] = run.StoppedBy is null ? null : JsonSerializer.Serialize(run.StoppedBy, Json),
            ["moreErrors"] = stored.MoreErrors, ["moreWarnings"] = stored.MoreWarnings,
        };
        LongText.Write(e, "errors", JsonSerializer.Serialize(errors, Json));
        LongText.Write(e, "warnings", JsonSerializer.Serialize(warnings, Json));
        await tables.UpsertAsync(HubTables.Runs, e, ct: ct);
        return stored;
    }

    /// <summary>The target's runs, newest first, optionally of one section only.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(string tenantId, string targetId, int top = 20, string? section = null,
        CancellationToken ct = default)
    {
        var filter = TableFilter.Partition($"{tenantId}|{targetId}");
        if (section is not null) filter = TableFilter.And(filter, TableFilter.Eq("section", section));
        var list = new List<RunRecord>();
        await foreach (var e in tables.QueryAsync(HubTables.Runs, new TableQuery(filter, Top: Math.Clamp(top, 1, 1000)), ct))
        {
            list.Add(ToRecord(e));
            if (list.Count >= top) break;
        }
        return list;
    }

    /// <summary>Deletes the tenant's runs that started before <paramref name="olderThan"/>, of every target (removed ones
    /// too), except the newest <paramref name="keepNewest"/> of each (target, section): a target that rarely syncs keeps
    /// its history, and the runs API still finds every section's last run (<see cref="LastRun.RunId"/>) and, as the newest
    /// N overall are among the newest N of their section, its unfiltered first page. Returns the runs this call removed.</summary>
    public async Task<int> PruneAsync(string tenantId, DateTimeOffset olderThan, int keepNewest, CancellationToken ct = default)
    {
        // Newest first: a run that started before the cut-off sorts at or after the inverted tick just before it.
        var filter = TableFilter.And(TableFilter.StartsWith("PartitionKey", tenantId + "|"),
            TableFilter.Ge("RowKey", Inverted(olderThan.UtcTicks - 1)));
        var old = new List<TableEntity>();
        await foreach (var e in tables.QueryAsync(HubTables.Runs, new TableQuery(filter, ["section"]), ct)) old.Add(e);
        var doomed = new List<TableEntity>();
        foreach (var group in old.GroupBy(e => (e.PartitionKey, Section: e.GetString("section") ?? "")))
        {
            var kept = await NewestAsync(group.Key.PartitionKey, group.Key.Section, keepNewest, ct);
            doomed.AddRange(group.Where(e => !kept.Contains(e.RowKey)));
        }
        return await tables.DeleteRowsAsync(HubTables.Runs, doomed, ct);
    }

    private async Task<HashSet<string>> NewestAsync(string partitionKey, string section, int count, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (count <= 0) return keys;
        var filter = TableFilter.And(TableFilter.Partition(partitionKey), TableFilter.Eq("section", section));
        await foreach (var e in tables.QueryAsync(HubTables.Runs, new TableQuery(filter, ["RowKey"], Math.Min(count, 1000)), ct))
            if (keys.Add(e.RowKey) && keys.Count >= count) break;
        return keys;
    }

    private static RunRecord ToRecord(TableEntity e) => new(
        e.GetString("runId") ?? "", e.GetString("section") ?? "", e.GetDateTime("startedAt") ?? default, e.GetDateTime("finishedAt") ?? default,
        e.GetString("result") ?? "", JsonSerializer.Deserialize<Dictionary<string, int>>(e.GetString("counts") ?? "{}", Json) ?? [],
        JsonSerializer.Deserialize<List<ItemWarning>>(LongText.Read(e, "warnings") ?? "[]", Json) ?? [],
        JsonSerializer.Deserialize<List<ItemError>>(LongText.Read(e, "errors") ?? "[]", Json) ?? [],
        e.GetString("stoppedBy") is { } s ? JsonSerializer.Deserialize<RailTrip>(s, Json) : null,
        e.GetString("failure"), e.GetInt32("moreWarnings") ?? 0, e.GetInt32("moreErrors") ?? 0);

    // Keeps the first entries whose JSON fits in the list's properties; the rest are only counted.
    private static (List<T> Kept, int Left) Cap<T>(IReadOnlyList<T> items)
    {
        var kept = new List<T>();
        var chars = 2;
        foreach (var item in items)
        {
            var size = JsonSerializer.Serialize(item, Json).Length + 1;
            if (chars + size > MaxListChars) break;
            kept.Add(item);
            chars += size;
        }
        return (kept, items.Count - kept.Count);
    }

    private static string? Trim(string? text) => text is { Length: > 8000 } ? text[..8000] + "…" : text;
}
