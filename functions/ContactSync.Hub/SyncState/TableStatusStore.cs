using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;
using ContactSync.Storage;

namespace ContactSync.Hub.SyncState;

/// <summary>
/// The status rows of one (tenant, target, section) in <c>pairs</c> (PartitionKey <c>{tenant}|{target}|{section}</c>,
/// RowKey the hub id) and its two delta tokens on the <c>syncstate</c> row. A re-keyed row is saved and its old row
/// removed in one entity-group transaction (one partition).
/// </summary>
public sealed class TableStatusStore(ITableStore tables, SyncKey key) : IStatusStore
{
    private const string HubToken = "hubToken";
    private const string RemoteToken = "remoteToken";
    private const string CreatesInFlight = "createsInFlight";
    private string Partition => key.ToString();

    public async Task<IReadOnlyList<StatusRow>> LoadAsync(CancellationToken ct = default) =>
        await QueryAsync(TableFilter.Partition(Partition), ct);

    /// <summary>The rows with a manual conflict waiting for the user (the API's conflicts listing).</summary>
    public async Task<IReadOnlyList<StatusRow>> LoadConflictsAsync(CancellationToken ct = default) =>
        await QueryAsync(TableFilter.And(TableFilter.Partition(Partition), TableFilter.Eq(StatusRowEntity.HasConflict, true)), ct);

    /// <summary>One pair's row, or null.</summary>
    public async Task<StatusRow?> GetAsync(string hubId, CancellationToken ct = default) =>
        await tables.GetAsync(HubTables.Pairs, Partition, TableKeys.Escape(hubId), ct) is { } e ? StatusRowEntity.ToRow(e) : null;

    public async Task SaveAsync(StatusRow row, string? replaces = null, CancellationToken ct = default)
    {
        var entity = StatusRowEntity.From(Partition, row);
        if (replaces is null || replaces == row.HubId)
        {
            await tables.UpsertAsync(HubTables.Pairs, entity, ct: ct);
            return;
        }
        try
        {
            await tables.SubmitTransactionAsync(HubTables.Pairs,
                [TableOperation.Upsert(entity), TableOperation.Delete(Partition, TableKeys.Escape(replaces))], ct);
        }
        catch (StorageException e) when (e.Kind == StorageErrorKind.NotFound && e.OperationIndex == 1)
        {
            await tables.UpsertAsync(HubTables.Pairs, entity, ct: ct); // the old row was already gone
        }
    }

    public async Task RemoveAsync(string hubId, CancellationToken ct = default)
    {
        try { await tables.DeleteAsync(HubTables.Pairs, Partition, TableKeys.Escape(hubId), ct: ct); }
        catch (StorageException e) when (e.Kind == StorageErrorKind.NotFound) { }
    }

    public async Task<SyncTokens> LoadTokensAsync(CancellationToken ct = default) =>
        await SyncStateRow.GetAsync(tables, key, ct) is { } e ? new SyncTokens(LongText.Read(e, HubToken), LongText.Read(e, RemoteToken)) : SyncTokens.None;

    public Task SaveTokensAsync(SyncTokens tokens, CancellationToken ct = default) =>
        SyncStateRow.EditAsync(tables, key, row =>
        {
            LongText.Write(row, HubToken, tokens.Hub);
            LongText.Write(row, RemoteToken, tokens.Remote);
            return true;
        }, ct);

    public async Task<bool> LoadCreatesInFlightAsync(CancellationToken ct = default) =>
        await SyncStateRow.GetAsync(tables, key, ct) is { } e && e.GetBoolean(CreatesInFlight) == true;

    public Task SaveCreatesInFlightAsync(bool inFlight, CancellationToken ct = default) =>
        SyncStateRow.EditAsync(tables, key, row =>
        {
            row[CreatesInFlight] = inFlight;
            return true;
        }, ct);

    private async Task<IReadOnlyList<StatusRow>> QueryAsync(string filter, CancellationToken ct)
    {
        var rows = new List<StatusRow>();
        await foreach (var e in tables.QueryAsync(HubTables.Pairs, new TableQuery(filter), ct)) rows.Add(StatusRowEntity.ToRow(e));
        return rows;
    }
}
