using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Tests;
using ContactSync.Graph.Client;
using ContactSync.Graph.Contacts;

namespace ContactSync.Graph.Tests.Connector;

/// <summary>The engine's port contract, run against the Graph connector on the sandbox: a fresh mailbox per test.</summary>
public sealed class GraphItemStoreContract : ItemStoreContract, IAsyncLifetime
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

    protected override Task<IItemStore> CreateStoreAsync() =>
        Task.FromResult<IItemStore>(ConnectorSandbox.Store(client, sandbox.NewMailbox()));

    protected override Task<IItemStore> CreateReadOnlyStoreAsync() =>
        Task.FromResult<IItemStore>(new GraphContactStore(client, new GraphContactsTarget(sandbox.NewMailbox(), "ContactSync") { ReadOnly = true }));

    /// <summary>Exchange derives displayName from the names when it is not given, so a sample that reads back as
    /// written carries its own.</summary>
    protected override FieldMap Sample(int n) => base.Sample(n).With("displayName", $"Anna{n} Nowak");
}
