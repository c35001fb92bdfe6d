using System.Text.Json.Nodes;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Graph.Client;

namespace ContactSync.Graph.Tests.Connector;

/// <summary>What goes wrong on Graph, as the engine sees it: an expired delta token, an Outlook edit racing ours, a value
/// Exchange refuses, and a crash between a create and the status row.</summary>
public sealed class FailureTests : IAsyncLifetime
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

    static FieldMap Person(int n) => FieldMap.Empty.With("givenName", $"Ona{n}").With("surname", "Kazlauskienė")
        .With("displayName", $"Ona{n} Kazlauskienė");

    [Fact]
    public async Task An_expired_delta_token_gives_a_full_listing()
    {
        var mailbox = sandbox.NewMailbox();
        var store = ConnectorSandbox.Store(client, mailbox);
        var created = await store.WriteAsync([.. Enumerable.Range(0, 5).Select(i => (WriteOp)new CreateOp(Person(i), $"h{i}"))]);
        var token = (await store.ListChangesAsync(null)).NextToken;
        await store.DeleteAsync(created[0].Written!.Id, created[0].Written!.Version);
        Assert.True(sandbox.Server.Control.ExpireDeltaTokens(mailbox) > 0);

        var changes = await store.ListChangesAsync(token);

        Assert.True(changes.IsFullListing);
        Assert.Equal(created.Skip(1).Select(c => c.Written!.Id).Order(), changes.Changed.Select(v => v.Id).Order());
        Assert.Empty(changes.Deleted);
        Assert.Empty((await store.ListChangesAsync(changes.NextToken)).Changed);
    }

    [Fact]
    public async Task Our_write_after_an_Outlook_edit_is_a_typed_mismatch_with_Graphs_message()
    {
        var mailbox = sandbox.NewMailbox();
        var store = ConnectorSandbox.Store(client, mailbox);
        var v1 = await store.CreateAsync(Person(1), "h1");
        sandbox.Server.OutlookUpdate(mailbox, v1.Id, new JsonObject { ["jobTitle"] = "Vadovė" });

        var results = await store.WriteAsync([new UpdateOp(v1.Id, v1.Version, Person(2)), new DeleteOp(v1.Id, v1.Version)]);

        Assert.All(results, r =>
        {
            var mismatch = Assert.IsType<VersionMismatchException>(r.Error);
            Assert.Equal(v1.Version, mismatch.Expected);
            Assert.Contains("change key", mismatch.RemoteMessage);
        });
        var held = Assert.Single(await store.GetManyAsync([v1.Id]));
        Assert.Equal(("Vadovė", "Ona1"), (held.Item["jobTitle"], held.Item["givenName"]));
    }

    [Fact]
    public async Task A_value_Exchange_refuses_is_rejected_with_Exchanges_own_text_and_spoils_no_other_write()
    {
        var store = ConnectorSandbox.Store(client, sandbox.NewMailbox());
        var tooMany = Person(1).WithList("emails", ["a@x.lt", "b@x.lt", "c@x.lt", "d@x.lt"]);

        var results = await store.WriteAsync([new CreateOp(tooMany, "h1"), new CreateOp(Person(2), "h2")]);

        var rejected = Assert.IsType<ItemRejectedException>(results[0].Error);
        Assert.Contains("exceeds the max allowed value of 3", rejected.RemoteMessage);
        Assert.True(results[1].Ok);
    }

    [Fact]
    public async Task After_a_crash_between_create_and_status_save_the_marker_finds_the_item()
    {
        var mailbox = sandbox.NewMailbox();
        await ConnectorSandbox.Store(client, mailbox).WriteAsync([new CreateOp(Person(7), "hub-7")]); // the result is lost

        using var restarted = sandbox.Client(); // a new process: new client, new store, nothing cached
        var found = Assert.Single(await ConnectorSandbox.Store(restarted, mailbox).FindByMarkersAsync(["hub-7", "hub-8"]));

        Assert.Equal(("hub-7", Person(7)), (found.Marker, found.Item));
        Assert.Single(sandbox.Server.Contacts(mailbox));
    }

    [Fact]
    public async Task Transient_5xx_answers_are_sent_again_and_no_item_fails()
    {
        var mailbox = sandbox.NewMailbox();
        var store = ConnectorSandbox.Store(client, mailbox);
        await store.ListChangesAsync(null); // resolves the folder
        sandbox.Server.Control.SetFaults(new GraphSandbox.FaultSettings(NextFaults: 3), mailbox);

        var results = await store.WriteAsync([.. Enumerable.Range(0, 20).Select(i => (WriteOp)new CreateOp(Person(i), $"h{i}"))]);
        sandbox.Server.Control.SetFaults(new GraphSandbox.FaultSettings(NextFaults: 1), mailbox);
        var listing = await store.ListChangesAsync(null);

        Assert.All(results, r => Assert.True(r.Ok, r.Error?.RemoteMessage));
        Assert.Equal(20, listing.Changed.Count);
        Assert.Equal(4, sandbox.Server.Counters(mailbox).Faults);
    }

    [Fact]
    public async Task The_default_folder_is_used_when_no_folder_is_named()
    {
        var mailbox = sandbox.NewMailbox();
        var store = ConnectorSandbox.Store(client, mailbox, folder: null);
        var written = await store.CreateAsync(Person(1), "h1");

        var held = Assert.Single(sandbox.Server.Contacts(mailbox, sandbox.Server.Control.DefaultFolderId(mailbox)));
        Assert.Equal(written.Id, held["id"]!.GetValue<string>());
        Assert.Equal([written], (await store.ListChangesAsync(null)).Changed);
    }
}
