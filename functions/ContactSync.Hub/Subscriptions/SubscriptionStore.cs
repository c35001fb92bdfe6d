using ContactSync.Hub.SyncState;
using ContactSync.Storage;

namespace ContactSync.Hub.Subscriptions;

/// <summary>
/// The subscriptions table: one row per subscription (partition <c>sub</c>, row = Graph's subscription id: the webhook's
/// point read) and a per-target index row (partition <c>{tenant}|{target}</c>, row = section → subscription id) that the
/// renewer and the lifecycle reactions use. The subscription row is written first, so an index row always points at a
/// row that existed; a dangling index row is treated as missing.
/// </summary>
public sealed class SubscriptionStore(ITableStore tables)
{
    public const string Table = HubTables.Subscriptions;
    private const string ById = "sub";

    public async Task<SubscriptionRecord?> GetAsync(string subscriptionId, CancellationToken ct = default) =>
        TableKeys.Problem(subscriptionId) is null && await tables.GetAsync(Table, ById, subscriptionId, ct) is { } e ? ToRecord(e) : null;

    public async Task<SubscriptionRecord?> ForKeyAsync(SyncKey key, CancellationToken ct = default) =>
        await tables.GetAsync(Table, key.TargetPartition, key.Section, ct) is { } index && index.GetString("SubscriptionId") is { } id
            ? await GetAsync(id, ct) is { } record && record.Key == key ? record : null
            : null;

    public async Task<IReadOnlyList<SubscriptionRecord>> ListAsync(CancellationToken ct = default)
    {
        var all = new List<SubscriptionRecord>();
        await foreach (var e in tables.QueryAsync(Table, new TableQuery(TableFilter.Partition(ById)), ct)) all.Add(ToRecord(e));
        return all;
    }

    public async Task SaveAsync(SubscriptionRecord record, CancellationToken ct = default)
    {
        var row = new TableEntity(ById, record.Id)
        {
            ["Tenant"] = record.Key.TenantId, ["Target"] = record.Key.TargetId, ["Section"] = record.Key.Section,
            ["Resource"] = record.Resource, ["ClientStateHash"] = record.ClientStateHash, ["ExpiresAt"] = record.ExpiresAt,
        };
        await tables.UpsertAsync(Table, row, WriteMode.Replace, ct);
        await tables.UpsertAsync(Table, new TableEntity(record.Key.TargetPartition, record.Key.Section) { ["SubscriptionId"] = record.Id },
            WriteMode.Replace, ct);
    }

    public async Task DeleteAsync(SubscriptionRecord record, CancellationToken ct = default)
    {
        if (await tables.GetAsync(Table, record.Key.TargetPartition, record.Key.Section, ct) is { } index
            && index.GetString("SubscriptionId") == record.Id)
            await DeleteQuietlyAsync(record.Key.TargetPartition, record.Key.Section, index.ETag ?? "*", ct);
        await DeleteQuietlyAsync(ById, record.Id, "*", ct);
    }

    private async Task DeleteQuietlyAsync(string pk, string rk, string etag, CancellationToken ct)
    {
        try { await tables.DeleteAsync(Table, pk, rk, etag, ct); }
        catch (StorageException e) when (e.Kind is StorageErrorKind.NotFound or StorageErrorKind.PreconditionFailed) { }
    }

    private static SubscriptionRecord ToRecord(TableEntity e) => new(e.RowKey,
        new SyncKey(e.GetString("Tenant") ?? "", e.GetString("Target") ?? "", e.GetString("Section") ?? ""),
        e.GetString("Resource") ?? "", e.GetString("ClientStateHash") ?? "", e.GetDateTime("ExpiresAt") ?? DateTimeOffset.MinValue)
    { ETag = e.ETag };
}
