using ContactSync.Engine.Items;
using ContactSync.Graph.Directory;
using ContactSync.Handler.Sync;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Tenants;

namespace ContactSync.Handler.Tenancy;

/// <summary>An Entra group's members read through the tenant's own Graph client (its app registration, its limiter).</summary>
public sealed class GraphDirectorySource(GraphDirectory directory) : IDirectorySource
{
    public static GraphDirectorySource For(Tenant tenant, GraphClients clients) => new(new GraphDirectory(clients.For(tenant)));

    public async Task<IReadOnlyList<FieldMap>> GroupMembersAsync(string entraGroupId, CancellationToken ct = default) =>
        [.. (await directory.GroupMembersAsync(entraGroupId, ct: ct)).Select(u => u.Contact)];
}
