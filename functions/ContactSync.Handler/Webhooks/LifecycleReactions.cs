using ContactSync.Engine.Ports;
using ContactSync.Graph.Subscriptions;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Sync;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Subscriptions;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;

namespace ContactSync.Handler.Webhooks;

/// <summary>
/// Reacts to lifecycle events (FACTS.md §6.5, M24) after the same authenticity check as notifications:
/// <c>reauthorizationRequired</c> → reauthorize (recreate when Graph no longer has it); <c>subscriptionRemoved</c> →
/// recreate, then a delta sync for the gap; <c>missed</c> → forget the remote delta token and run a sync, which then
/// lists the whole folder and compares every version (a full resync that writes only what differs).
/// </summary>
public sealed class LifecycleReactions(SubscriptionLookup lookup, SubscriptionStore store, SubscriptionManager manager,
    TenantStore tenants, TargetStore targets, PolicyStore policies, GraphClients graph, JobScheduler jobs, ITableStore tables,
    ILogger<LifecycleReactions> log)
{
    public const string Reauthorize = "reauthorizationRequired";
    public const string Removed = "subscriptionRemoved";
    public const string Missed = "missed";

    /// <summary>What was done, or null when the item was dropped as invalid.</summary>
    public async Task<string?> ReactAsync(LifecycleNotification n, CancellationToken ct)
    {
        var record = await lookup.VerifyAsync(n.SubscriptionId, n.ClientState, ct);
        if (record is null || await tenants.GetAsync(record.Key.TenantId, ct) is not { } tenant)
        {
            log.LogWarning("Dropped a {Event} lifecycle event for subscription {SubscriptionId}: unknown or wrong clientState", n.LifecycleEvent, n.SubscriptionId);
            return null;
        }
        var key = record.Key;
        log.LogInformation("Lifecycle {Event} for {Key} ({SubscriptionId})", n.LifecycleEvent, key, record.Id);
        switch (n.LifecycleEvent)
        {
            case Reauthorize:
                if (await new GraphSubscriptions(graph.For(tenant)).ReauthorizeAsync(record.Id, ct)) return "reauthorized";
                return await RecreateAsync(record, tenant, ct) ? "recreated" : "removed";
            case Removed:
                var recreated = await RecreateAsync(record, tenant, ct);
                await jobs.EnqueueSyncAsync(key.TenantId, key.TargetId, key.Section, ct);
                return recreated ? "recreated, delta sync queued" : "removed, delta sync queued";
            case Missed:
                var status = new TableStatusStore(tables, key);
                var tokens = await status.LoadTokensAsync(ct);
                await status.SaveTokensAsync(new SyncTokens(tokens.Hub, null), ct);
                await jobs.EnqueueSyncAsync(key.TenantId, key.TargetId, key.Section, ct);
                return "full resync queued";
            default:
                log.LogWarning("Unknown lifecycle event {Event} for {Key}", n.LifecycleEvent, key);
                return "ignored";
        }
    }

    /// <summary>Drops the record and makes a new subscription when the (target, section) is still synced.</summary>
    private async Task<bool> RecreateAsync(SubscriptionRecord record, Tenant tenant, CancellationToken ct)
    {
        await store.DeleteAsync(record, ct);
        lookup.Forget(record.Id);
        var key = record.Key;
        if (await targets.GetAsync(key.TenantId, key.TargetId, ct) is not { Mailbox: not null } target
            || (await policies.GetAsync(key.TenantId, target.PolicyId, ct))?.Section(key.Section) is not { } section) return false;
        await manager.EnsureAsync(key, tenant, target, section, ct);
        return true;
    }
}
