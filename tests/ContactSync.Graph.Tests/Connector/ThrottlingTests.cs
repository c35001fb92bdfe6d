using System.Diagnostics;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Graph.Throttling;
using ContactSync.GraphSandbox;

namespace ContactSync.Graph.Tests.Connector;

/// <summary>The connector against the sandbox's Outlook limits: the concurrency cap per mailbox, the request budget
/// with 429 + Retry-After, latency on every request.</summary>
public sealed class ThrottlingTests
{
    static FieldMap Person(int n) => FieldMap.Empty.With("givenName", $"Eva{n}").With("surname", "Novák").With("displayName", $"Eva{n} Novák");

    static IReadOnlyList<WriteOp> Creates(int n, string prefix) =>
        [.. Enumerable.Range(0, n).Select(i => (WriteOp)new CreateOp(Person(i), $"{prefix}-{i}"))];

    [Fact]
    public async Task Never_more_than_four_requests_in_flight_for_one_mailbox()
    {
        await using var sandbox = await ConnectorSandbox.StartAsync();
        sandbox.Server.Control.SetFaults(new FaultSettings(LatencyMs: 20));
        using var client = sandbox.Client();
        var mailboxes = Enumerable.Range(0, 5).Select(_ => sandbox.NewMailbox()).ToList();

        // Per mailbox, several calls at once (three write batches, a listing, reads), and all mailboxes at once.
        await Task.WhenAll(mailboxes.Select(async mailbox =>
        {
            var store = ConnectorSandbox.Store(client, mailbox);
            var writes = await Task.WhenAll(Enumerable.Range(0, 3).Select(k => store.WriteAsync(Creates(30, $"m{k}"))));
            var ids = writes.SelectMany(w => w).Select(r => r.Written!.Id).ToList();
            await Task.WhenAll(store.ListChangesAsync(null), store.GetManyAsync(ids[..40]), store.GetManyAsync(ids[40..]));
        }));

        foreach (var mailbox in mailboxes)
        {
            var counters = sandbox.Server.Counters(mailbox);
            Assert.InRange(counters.MaxConcurrency, 2, 4);
            Assert.Equal(0, counters.Throttled);
            Assert.Equal(90, sandbox.Server.Contacts(mailbox).Count);
        }
    }

    [Fact]
    public async Task Under_a_budget_the_client_does_not_know_no_item_fails()
    {
        await using var sandbox = await ConnectorSandbox.StartAsync();
        sandbox.Server.Control.SetThrottling(new ThrottleSettings(RequestBudget: 40, WindowSeconds: 2));
        using var client = sandbox.Client(); // Graph's real limits: it learns of the small budget only from 429s
        var mailbox = sandbox.NewMailbox();

        var results = await ConnectorSandbox.Store(client, mailbox).WriteAsync(Creates(120, "hub"));

        Assert.All(results, r => Assert.True(r.Ok, r.Error?.RemoteMessage));
        Assert.Equal(120, sandbox.Server.Contacts(mailbox).Count);
        Assert.True(sandbox.Server.Counters(mailbox).Throttled > 0, "the budget was never hit, so the test proved nothing");
    }

    [Fact]
    public async Task Knowing_the_budget_the_limiter_paces_requests_without_a_single_429()
    {
        await using var sandbox = await ConnectorSandbox.StartAsync();
        sandbox.Server.Control.SetThrottling(new ThrottleSettings(RequestBudget: 40, WindowSeconds: 2));
        using var client = sandbox.Client(new MailboxLimits
        {
            RequestBudget = 40, Window = TimeSpan.FromSeconds(2), WindowMargin = TimeSpan.FromMilliseconds(100),
        });
        var mailbox = sandbox.NewMailbox();
        var clock = Stopwatch.StartNew();

        var results = await ConnectorSandbox.Store(client, mailbox).WriteAsync(Creates(120, "hub"));

        Assert.All(results, r => Assert.True(r.Ok, r.Error?.RemoteMessage));
        Assert.Equal(0, sandbox.Server.Counters(mailbox).Throttled);
        // 122 requests (folder lookup and create, 120 contacts) at 40 per 2 s need three full windows.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(6), $"took only {clock.Elapsed}");
    }

    [Fact]
    public async Task A_throttled_mailbox_does_not_hold_up_another()
    {
        await using var sandbox = await ConnectorSandbox.StartAsync();
        using var client = sandbox.Client();
        var (slow, quick) = (sandbox.NewMailbox(), sandbox.NewMailbox());
        var quickStore = ConnectorSandbox.Store(client, quick);
        await quickStore.ListChangesAsync(null);

        client.Limiter.Pause(slow, TimeSpan.FromSeconds(5));
        var held = ConnectorSandbox.Store(client, slow).ListChangesAsync(null);
        await quickStore.WriteAsync(Creates(5, "q"));

        Assert.False(held.IsCompleted); // the quick mailbox's writes finished while the paused one still waited
        Assert.True((await held).IsFullListing);
    }
}
