using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Graph.Client;
using ContactSync.Graph.Contacts;

namespace ContactSync.Graph.Tests.Connector;

/// <summary>What a sync costs in Graph requests, read from the sandbox's own per-mailbox counters (DESIGN.md §6).</summary>
public sealed class ConnectorCostTests : IAsyncLifetime
{
    ConnectorSandbox sandbox = null!;
    GraphTenantClient client = null!;

    public async Task InitializeAsync()
    {
        sandbox = await ConnectorSandbox.StartAsync();
        client = sandbox.Client();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await sandbox.DisposeAsync();
    }

    static FieldMap Person(int n) => FieldMap.Empty.With("givenName", $"Jan{n}").With("surname", "Kowalski")
        .With("displayName", $"Jan{n} Kowalski").WithList("emails", [$"jan{n}@example.pl"]).WithList("businessPhones", ["+48225550100"]);

    [Fact]
    public async Task An_unchanged_target_costs_one_delta_request_per_folder_and_no_write()
    {
        var mailbox = sandbox.NewMailbox();
        var tokens = new List<string>();
        foreach (var folder in new[] { "ContactSync", null })
        {
            var store = ConnectorSandbox.Store(client, mailbox, folder);
            await store.WriteAsync([.. Enumerable.Range(0, 30).Select(i => (WriteOp)new CreateOp(Person(i), $"hub-{folder}-{i}"))]);
            var full = await store.ListChangesAsync(null);
            Assert.Equal(30, full.Changed.Count);
            tokens.Add(full.NextToken!);
        }
        sandbox.Server.Control.ResetCounters();

        // The next run: new store objects, as a new job would make, with the persisted tokens.
        var again = await Task.WhenAll(new[] { "ContactSync", null }.Select((folder, i) =>
            ConnectorSandbox.Store(client, mailbox, folder).ListChangesAsync(tokens[i])));

        Assert.All(again, changes => Assert.Equal((0, 0), (changes.Changed.Count, changes.Deleted.Count)));
        var counters = sandbox.Server.Counters(mailbox);
        Assert.Equal((2L, 0L, 0L), (counters.Requests, counters.Writes, counters.Batches));
    }

    [Fact]
    public async Task A_listing_follows_next_links_one_page_per_request()
    {
        var mailbox = sandbox.NewMailbox();
        var store = new GraphContactStore(client, new GraphContactsTarget(mailbox, "ContactSync") { PageSize = 2 });
        var created = await store.WriteAsync([.. Enumerable.Range(0, 5).Select(i => (WriteOp)new CreateOp(Person(i), $"hub-{i}"))]);
        sandbox.Server.Control.ResetCounters();

        var full = await store.ListChangesAsync(null);

        Assert.Equal(created.Select(c => c.Written!).OrderBy(v => v.Id), full.Changed.OrderBy(v => v.Id));
        Assert.Equal(3, sandbox.Server.Counters(mailbox).Requests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(45)]
    public async Task N_changed_items_cost_n_writes_in_ceil_n_over_20_batches(int n)
    {
        var mailbox = sandbox.NewMailbox();
        var store = ConnectorSandbox.Store(client, mailbox);
        var created = await store.WriteAsync([.. Enumerable.Range(0, n).Select(i => (WriteOp)new CreateOp(Person(i), $"hub-{i}"))]);
        sandbox.Server.Control.ResetCounters();

        var updated = await store.WriteAsync([.. created.Select((c, i) =>
            (WriteOp)new UpdateOp(c.Written!.Id, c.Written.Version, Person(i).With("jobTitle", "Handlowiec")))]);

        Assert.All(updated, r => Assert.True(r.Ok, r.Error?.RemoteMessage));
        var counters = sandbox.Server.Counters(mailbox);
        Assert.Equal((n, n, (n + 19) / 20), (counters.Requests, counters.Writes, counters.Batches));
        var held = sandbox.Server.Contacts(mailbox, sandbox.FolderId(mailbox, "ContactSync"));
        Assert.Equal(n, held.Count);
        Assert.All(held, c => Assert.Equal("Handlowiec", c["jobTitle"]!.GetValue<string>()));
    }
}
