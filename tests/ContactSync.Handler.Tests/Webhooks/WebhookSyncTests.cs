using System.Text.Json.Nodes;
using ContactSync.Hub.Subscriptions;
using ContactSync.Hub.SyncState;

namespace ContactSync.Handler.Tests.Webhooks;

/// <summary>Near-real-time sync end to end (M24, M25): subscriptions made by the renewer, notifications from the sandbox
/// reaching the hub with no timer in between, the echo of our own write writing nothing, lifecycle reactions, expiry.</summary>
public sealed class WebhookSyncTests(WebhookHostFixture f) : IClassFixture<WebhookHostFixture>
{
    [Fact]
    public async Task A_user_edit_reaches_the_hub_within_seconds_and_the_echo_of_a_hub_edit_writes_nothing()
    {
        var (t, upn) = await f.TenantWithTargetAsync();
        var hub = f.Hub(t);
        await hub.PutAsync("c1", WebhookHostFixture.Contact(("givenName", "Łucja"), ("surname", "Wąs"), ("syncTags", "ann")));
        await f.SyncAsync(t);
        var record = await SubscribedAsync(t);
        var held = Assert.Single(f.Sandbox.Control.Subscriptions(), s => s.Id == record.Id);
        Assert.EndsWith("/contacts", held.Resource);
        Assert.True(held.ClientState!.Length >= 43);
        Assert.Equal(ClientStates.Hash(held.ClientState), record.ClientStateHash); // only the hash is stored

        // The user edits the copy in Outlook: the notification alone brings it to the hub.
        var remoteId = f.Sandbox.Contacts(upn).Single()["id"]!.GetValue<string>();
        f.Sandbox.OutlookUpdate(upn, remoteId, new JsonObject { ["jobTitle"] = "Prezes" });
        await TestEnvironment.EventuallyAsync(async () =>
            (await hub.GetManyAsync(["c1"])).Single().Item["jobTitle"] == "Prezes" ? (object)true : null,
            TimeSpan.FromSeconds(60), "the Outlook edit reaching the hub"); // a give-up limit; ./bench.sh webhook measures the latency
        var partial = await f.FinishedJobAsync(t, "notified", 0);
        Assert.StartsWith("partial sync of 1 id(s)", partial.GetString("Result"));

        // A hub edit goes out with one write; the notification of that write is an echo and writes nothing.
        var c1 = (await hub.GetManyAsync(["c1"])).Single();
        await hub.PutAsync("c1", c1.Item.With("department", "Zarząd"), c1.Version);
        f.Sandbox.Control.ResetCounters();
        await f.SyncAsync(t);
        Assert.Equal("Zarząd", f.Sandbox.Contacts(upn).Single()["department"]!.GetValue<string>());
        Assert.Equal(1, f.Sandbox.Counters(upn).Writes);
        var echo = await f.FinishedJobAsync(t, "notified", 1);
        Assert.Equal("Succeeded", echo.GetString("State"));
        Assert.StartsWith("echo: 1 id(s)", echo.GetString("Result"));
        Assert.Equal(1, f.Sandbox.Counters(upn).Writes);
        Assert.Equal("Zarząd", (await hub.GetManyAsync(["c1"])).Single().Item["department"]);
    }

    [Fact]
    public async Task Each_lifecycle_event_gets_its_reaction()
    {
        var (t, upn) = await f.TenantWithTargetAsync();
        await f.SyncAsync(t);
        var first = await SubscribedAsync(t);
        var hub = f.Hub(t);

        // reauthorizationRequired: Graph holds notifications until we reauthorize; a new Outlook contact still arrives.
        f.Sandbox.Control.FireLifecycle(first.Id, "reauthorizationRequired");
        await TestEnvironment.EventuallyAsync(() => Task.FromResult(
            f.Sandbox.Control.Subscriptions().Single(s => s.Id == first.Id).ReauthorizationPending ? null : (object)true),
            TimeSpan.FromSeconds(10), "reauthorization");
        f.Sandbox.OutlookCreate(upn, new JsonObject { ["givenName"] = "Jan", ["surname"] = "Kowalski" });
        await TestEnvironment.EventuallyAsync(async () =>
        {
            var ids = (await hub.ListChangesAsync(null)).Changed.Select(v => v.Id).ToList();
            return (await hub.GetManyAsync(ids)).Any(i => i.Item["surname"] == "Kowalski") ? (object)true : null;
        }, TimeSpan.FromSeconds(20), "the contact created after reauthorization reaching the hub");

        // missed: the remote delta token is forgotten and a sync runs.
        var syncs = (await f.JobsAsync(t, "sync")).Count;
        f.Sandbox.Control.FireLifecycle(first.Id, "missed");
        Assert.Equal("Succeeded", (await f.FinishedJobAsync(t, "sync", syncs)).GetString("State"));

        // subscriptionRemoved: a new subscription, then a delta sync for the gap.
        syncs = (await f.JobsAsync(t, "sync")).Count;
        f.Sandbox.Control.FireLifecycle(first.Id, "subscriptionRemoved");
        var second = await TestEnvironment.EventuallyAsync(async () =>
            await f.Subscriptions.ForKeyAsync(Key(t)) is { } r && r.Id != first.Id ? r : null, TimeSpan.FromSeconds(10), "the new subscription");
        Assert.Contains(f.Sandbox.Control.Subscriptions(), s => s.Id == second.Id);
        Assert.DoesNotContain(f.Sandbox.Control.Subscriptions(), s => s.Id == first.Id);
        Assert.Null(await f.Subscriptions.GetAsync(first.Id));
        Assert.Equal("Succeeded", (await f.FinishedJobAsync(t, "sync", syncs)).GetString("State"));
    }

    [Fact]
    public async Task A_target_is_subscribed_by_its_first_sync_without_waiting_for_the_renewer()
    {
        var (t, _) = await f.TenantWithTargetAsync();
        Assert.Null(await f.Subscriptions.ForKeyAsync(Key(t)));
        await f.SyncAsync(t);
        var record = await TestEnvironment.EventuallyAsync(() => f.Subscriptions.ForKeyAsync(Key(t)), TimeSpan.FromSeconds(30), "a subscription");
        Assert.Contains(f.Sandbox.Control.Subscriptions(), s => s.Id == record.Id);
    }

    [Fact]
    public async Task An_expired_subscription_is_recreated_by_the_renewer()
    {
        var (t, _) = await f.TenantWithTargetAsync();
        var first = await SubscribedAsync(t);
        f.SandboxClock.Offset = TimeSpan.FromMinutes(46); // past the 45-minute lifetime this host asks for
        try { Assert.DoesNotContain(f.Sandbox.Control.Subscriptions(), s => s.Id == first.Id); }
        finally { f.SandboxClock.Offset = TimeSpan.Zero; }

        await f.RenewAsync();
        var second = await f.Subscriptions.ForKeyAsync(Key(t));
        Assert.NotNull(second);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Contains(f.Sandbox.Control.Subscriptions(), s => s.Id == second.Id);
        Assert.Null(await f.Subscriptions.GetAsync(first.Id));
    }

    private static SyncKey Key(string t) => new(t, "ann", "contacts");

    private async Task<SubscriptionRecord> SubscribedAsync(string t)
    {
        await f.RenewAsync();
        var record = await f.Subscriptions.ForKeyAsync(Key(t));
        Assert.True(record is not null, string.Join('\n', f.Log.TakeLast(30)));
        return record;
    }
}
