using ContactSync.Graph.Contacts;
using ContactSync.Graph.Subscriptions;
using ContactSync.Handler.Sync;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Subscriptions;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Webhooks;

/// <summary>What one renewer pass did.</summary>
public sealed record RenewalSummary(int Created, int Renewed, int Recreated, int Deleted, int Failed)
{
    public override string ToString() =>
        $"created {Created}, renewed {Renewed}, recreated {Recreated}, deleted {Deleted}, failed {Failed}";
}

/// <summary>
/// Keeps one Graph subscription per synced mailbox resource (M24): every (target, section) whose policy has a contacts or
/// businessContacts section and whose target is a mailbox (device targets have no Graph subscription). The renewer pass creates what is missing, renews what expires
/// within the margin (a renewal Graph answers 404 to is recreated), recreates one whose resource changed (another
/// folder) and deletes the subscriptions of removed targets or sections.
/// </summary>
public sealed class SubscriptionManager(TenantStore tenants, TargetStore targets, PolicyStore policies, SubscriptionStore store,
    SubscriptionLookup lookup, GraphClients graph, IOptions<WebhookSettings> settings, TimeProvider clock, ILogger<SubscriptionManager> log)
{
    public async Task<RenewalSummary> RenewAllAsync(CancellationToken ct)
    {
        var wanted = await WantedAsync(ct);
        int created = 0, renewed = 0, recreated = 0, deleted = 0, failed = 0;
        foreach (var record in await store.ListAsync(ct))
        {
            if (wanted.ContainsKey(record.Key) && await store.ForKeyAsync(record.Key, ct) is { } current && current.Id == record.Id) continue;
            if (await TryAsync(record.Key, () => DeleteAsync(record, ct))) deleted++; else failed++;
        }
        if (!settings.Value.Subscribes) return new RenewalSummary(0, 0, 0, deleted, failed);
        foreach (var (key, (tenant, target, section)) in wanted)
        {
            var outcome = "";
            if (await TryAsync(key, async () => outcome = await EnsureAsync(key, tenant, target, section, ct)))
            {
                if (outcome == "created") created++;
                else if (outcome == "renewed") renewed++;
                else if (outcome == "recreated") recreated++;
            }
            else failed++;
        }
        return new RenewalSummary(created, renewed, recreated, deleted, failed);
    }

    /// <summary>Makes sure the key has a live subscription: "created", "renewed", "recreated" or "" (nothing to do).</summary>
    /// <summary>After a full sync: subscribe a target that has no subscription yet now, instead of at the renewer's next
    /// run hours later. A subscribed target costs one table read and no Graph call; a failure is logged and the sync stands
    /// (the renewer tries again).</summary>
    public async Task SubscribeIfMissingAsync(SyncKey key, Tenant tenant, Target target, IPolicySection section, CancellationToken ct)
    {
        if (!settings.Value.Subscribes || !HasMailbox(target) || await store.ForKeyAsync(key, ct) is not null) return;
        try
        {
            log.LogInformation("Subscription for {Key} after its sync: {Outcome}", key, await EnsureAsync(key, tenant, target, section, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not subscribe {Key} after its sync; the renewer will try again", key);
        }
    }

    public async Task<string> EnsureAsync(SyncKey key, Tenant tenant, Target target, IPolicySection section, CancellationToken ct)
    {
        if (!HasMailbox(target)) return "";
        var client = new GraphSubscriptions(graph.For(tenant));
        var resource = await client.ContactsResourceAsync(new GraphContactsTarget(target.Mailbox!, target.ContactFolder ?? section.Folder), ct);
        var record = await store.ForKeyAsync(key, ct);
        var now = clock.GetUtcNow();
        if (record is null)
        {
            await CreateAsync(client, key, resource, ct);
            return "created";
        }
        if (record.Resource != resource)
        {
            await DeleteAsync(record, ct);
            await CreateAsync(client, key, resource, ct);
            return "recreated";
        }
        if (record.ExpiresAt - now > settings.Value.RenewMargin) return "";
        if (await client.RenewAsync(record.Id, now + settings.Value.MaxLifetime, ct) is { } renewed)
        {
            await store.SaveAsync(record with { ExpiresAt = renewed.ExpiresAt }, ct);
            return "renewed";
        }
        log.LogInformation("Subscription {SubscriptionId} of {Key} is gone at Graph; recreating it", record.Id, key);
        await store.DeleteAsync(record, ct);
        lookup.Forget(record.Id);
        await CreateAsync(client, key, resource, ct);
        return "recreated";
    }

    /// <summary>Deletes the subscription at Graph (when its tenant still exists) and our record of it.</summary>
    public async Task DeleteAsync(SubscriptionRecord record, CancellationToken ct)
    {
        if (await tenants.GetAsync(record.Key.TenantId, ct) is { } tenant)
            await new GraphSubscriptions(graph.For(tenant)).DeleteAsync(record.Id, ct);
        await store.DeleteAsync(record, ct);
        lookup.Forget(record.Id);
    }

    private async Task<SubscriptionRecord> CreateAsync(GraphSubscriptions client, SyncKey key, string resource, CancellationToken ct)
    {
        var s = settings.Value;
        var secret = ClientStates.New();
        var sub = await client.CreateAsync(new SubscriptionRequest(resource, s.NotificationUrl, s.LifecycleUrl, secret,
            clock.GetUtcNow() + s.MaxLifetime), ct);
        var record = new SubscriptionRecord(sub.Id, key, resource, ClientStates.Hash(secret), sub.ExpiresAt);
        await store.SaveAsync(record, ct);
        log.LogInformation("Subscribed {Key} to {Resource} as {SubscriptionId} until {ExpiresAt:O}", key, resource, sub.Id, sub.ExpiresAt);
        return record;
    }

    private async Task<Dictionary<SyncKey, (Tenant, Target, IPolicySection)>> WantedAsync(CancellationToken ct)
    {
        var wanted = new Dictionary<SyncKey, (Tenant, Target, IPolicySection)>();
        foreach (var tenant in await tenants.ListAsync(ct))
        foreach (var target in await targets.ListAsync(tenant.Id, ct))
        {
            if (!HasMailbox(target) || await policies.GetAsync(tenant.Id, target.PolicyId, ct) is not { } policy) continue;
            foreach (var (name, section) in policy.Sections())
                wanted[new SyncKey(tenant.Id, target.Id, name)] = (tenant, target, section);
        }
        return wanted;
    }

    // Only mailboxes have Graph change notifications; a device target is synced on its schedule alone.
    private static bool HasMailbox(Target target) => target.Kind == TargetKind.Mailbox && target.Mailbox is not null;

    private async Task<bool> TryAsync(SyncKey key, Func<Task> work)
    {
        try
        {
            await work();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One mailbox's failure (credential, permission, validation) must not stop the others.
            log.LogWarning(e, "Subscription upkeep for {Key} failed: {Error}", key, e.Message);
            return false;
        }
    }
}
