using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Graph;
using ContactSync.GraphSandbox.Model;
using ContactSync.GraphSandbox.State;
using ContactSync.GraphSandbox.Subscriptions;
using ContactSync.GraphSandbox.Throttling;

namespace ContactSync.GraphSandbox.Control;

/// <summary>The test/dev control surface: seed the directory, edit contacts "as the user in Outlook", read counters, set
/// throttling, latency and faults, fire lifecycle events, expire delta tokens, read the delivery log.</summary>
public sealed class SandboxControl(SandboxState state, ContactStore store, Throttler throttler, Notifier notifier, DeliveryLog log)
{
    public void Reset()
    {
        state.Clear();
        throttler.Clear();
        log.Clear();
    }

    public Tenant SeedTenant(string tenantId, params string[] appIds)
    {
        var tenant = new Tenant(tenantId, appIds.ToHashSet(StringComparer.OrdinalIgnoreCase));
        lock (state.Gate) state.Tenants[tenantId] = tenant;
        return tenant;
    }

    /// <summary>Adds (or replaces) a user and gives it a mailbox with a default Contacts folder. A missing id becomes a GUID.</summary>
    public DirectoryUser SeedUser(string tenantId, DirectoryUser user)
    {
        var seeded = user with { Id = string.IsNullOrEmpty(user.Id) ? Guid.NewGuid().ToString() : user.Id, TenantId = tenantId };
        if (string.IsNullOrWhiteSpace(seeded.UserPrincipalName)) throw GraphException.BadRequest("A user needs a userPrincipalName.");
        lock (state.Gate)
        {
            if (!state.Tenants.ContainsKey(tenantId)) throw GraphException.NotFound();
            state.Users[seeded.Id] = seeded;
            if (!state.Mailboxes.ContainsKey(seeded.Id))
                state.Mailboxes[seeded.Id] = new Mailbox(seeded, new ContactFolder(Ids.NewFolderId(), "Contacts", Ids.NewFolderId()));
        }
        return seeded;
    }

    public DirectoryGroup SeedGroup(string tenantId, DirectoryGroup group)
    {
        var seeded = group with { Id = string.IsNullOrEmpty(group.Id) ? Guid.NewGuid().ToString() : group.Id, TenantId = tenantId };
        lock (state.Gate)
        {
            if (!state.Tenants.ContainsKey(tenantId)) throw GraphException.NotFound();
            state.Groups[seeded.Id] = seeded;
        }
        return seeded;
    }

    public DirectoryGroup AddMembers(string groupId, params string[] userIds)
    {
        lock (state.Gate)
        {
            var group = state.Groups.GetValueOrDefault(groupId) ?? throw GraphException.NotFound();
            return state.Groups[groupId] = group with { MemberIds = group.MemberIds.Union(userIds).ToList() };
        }
    }

    public ContactFolder CreateFolder(string user, string displayName) =>
        ContactFolderApi.Create(state, Mailbox(user), displayName, null);

    public string DefaultFolderId(string user) => Mailbox(user).DefaultFolder.Id;

    /// <summary>Creates a contact as Outlook would: new change key, delta entry, change notification.</summary>
    public JsonObject OutlookCreate(string user, JsonObject contact, string? folderId = null)
    {
        var mailbox = Mailbox(user);
        return Render(store.Create(mailbox, folderId ?? mailbox.DefaultFolder.Id, contact));
    }

    public JsonObject OutlookUpdate(string user, string contactId, JsonObject changes) =>
        Render(store.Update(Mailbox(user), contactId, changes, ifMatch: null));

    public void OutlookDelete(string user, string contactId) => store.Delete(Mailbox(user), contactId, ifMatch: null);

    /// <summary>The mailbox's contacts (all folders, or one) as Graph renders them, extended properties included.</summary>
    public IReadOnlyList<JsonObject> Contacts(string user, string? folderId = null)
    {
        var mailbox = Mailbox(user);
        lock (state.Gate)
            return mailbox.Contacts.Values.Where(c => folderId is null || c.FolderId == folderId).OrderBy(c => c.Created).Select(Render).ToList();
    }

    public CounterSnapshot Counters(string user) => state.CountersFor(Mailbox(user).User.Id).Snapshot();

    public void ResetCounters() => state.Counters.Clear();

    public void SetThrottling(ThrottleSettings settings) => state.Throttling = settings;

    /// <summary>Latency and faults for one mailbox, or for all mailboxes without their own settings (user null).</summary>
    public void SetFaults(FaultSettings faults, string? user = null)
    {
        lock (state.MailboxFaults)
        {
            if (user is null) state.GlobalFaults = faults;
            else state.MailboxFaults[Mailbox(user).User.Id] = faults;
        }
    }

    /// <summary>Makes every delta/skip token (of one mailbox, or all) unknown, so the next use gets 410.</summary>
    public int ExpireDeltaTokens(string? user = null)
    {
        var mailboxId = user is null ? null : Mailbox(user).User.Id;
        lock (state.Gate)
        {
            var doomed = state.DeltaTokens.Where(t => mailboxId is null || t.Value.MailboxId == mailboxId).Select(t => t.Key).ToList();
            doomed.ForEach(t => state.DeltaTokens.Remove(t));
            return doomed.Count;
        }
    }

    public IReadOnlyList<Subscription> Subscriptions()
    {
        lock (state.Gate) { SubscriptionApi.Sweep(state); return state.Subscriptions.Values.ToList(); }
    }

    /// <summary>Fires reauthorizationRequired, subscriptionRemoved (which also removes it) or missed.</summary>
    public void FireLifecycle(string subscriptionId, string lifecycleEvent)
    {
        if (lifecycleEvent is not ("reauthorizationRequired" or "subscriptionRemoved" or "missed"))
            throw GraphException.BadRequest($"Unknown lifecycle event '{lifecycleEvent}'.");
        Subscription subscription;
        lock (state.Gate)
        {
            subscription = state.Subscriptions.GetValueOrDefault(subscriptionId) ?? throw GraphException.NotFound();
            if (subscription.LifecycleNotificationUrl is null) throw GraphException.BadRequest("The subscription has no lifecycleNotificationUrl.");
            if (lifecycleEvent == "subscriptionRemoved") { state.Subscriptions.Remove(subscriptionId); state.HeldNotifications.Remove(subscriptionId); }
            if (lifecycleEvent == "reauthorizationRequired") state.Subscriptions[subscriptionId] = subscription with { ReauthorizationPending = true };
        }
        notifier.Lifecycle(subscription, lifecycleEvent);
    }

    public IReadOnlyList<DeliveryRecord> Deliveries() => log.All;

    Mailbox Mailbox(string user) => state.FindMailbox(user) ?? throw new GraphException(404, "ErrorInvalidUser", $"The requested user '{user}' is invalid.");

    static JsonObject Render(StoredContact contact)
    {
        var json = ContactSchema.Render(contact);
        json["singleValueExtendedProperties"] = new JsonArray(contact.Extended.Select(e => (JsonNode)new JsonObject { ["id"] = e.Key, ["value"] = e.Value }).ToArray());
        return json;
    }
}
