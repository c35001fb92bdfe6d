using ContactSync.Engine.Normalisation;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Projection;
using ContactSync.Engine.Sync;
using ContactSync.Graph.Contacts;
using ContactSync.Handler.Jobs;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;

namespace ContactSync.Handler.Sync;

/// <summary>The two sides of one (target, section) sync and how the engine runs it.</summary>
public sealed record SyncParts(IItemStore Hub, IItemStore Remote, SyncOptions Options);

/// <summary>Composes a sync from the tenant, target and policy section:
/// <list type="bullet">
/// <item>businessContacts (M7): the target's group members (read-only) exported to the mailbox; a member who left is
/// deleted from it; only managed copies (with the marker) are linked, so the user's own contacts are never touched.</item>
/// <item>contacts (M9–M12, M16): the tenant's hub contacts in the target's scope (its sync tag, categories,
/// classification branch) with the policy's direction, conflict policy and delete mode, projected to what Exchange
/// holds with the tenant's phone region; first-sync linking by e-mail or phone + name (M14).</item>
/// </list></summary>
public sealed class SyncComposer(ITableStore tables, BusinessContactScope scope, GraphClients graph)
{
    public SyncParts Compose(Tenant tenant, Target target, IPolicySection section)
    {
        var mailbox = target.Mailbox ?? throw new JobFailedException(TargetStore.OwnerEmailRequired);
        var remote = new GraphContactStore(graph.For(tenant), new GraphContactsTarget(mailbox, target.ContactFolder ?? section.Folder));
        var projection = new ExchangeContactProjection(new ContactNormaliser(tenant.DefaultRegion));
        switch (section)
        {
            case BusinessContactsSection b:
                return new SyncParts(new BusinessContactsSource(scope, tenant.Id, target, b), remote, new SyncOptions
                {
                    Direction = SyncDirection.Export, Policy = ConflictPolicy.HubWins, DeleteMode = DeleteMode.Propagate,
                    Projection = projection,
                });
            case ContactsSection c:
                return new SyncParts(new TableHubContactStore(tables, tenant.Id), remote, new SyncOptions
                {
                    Direction = c.Direction, Policy = c.ConflictPolicy, DeleteMode = c.DeleteMode,
                    Scope = new Scope(target.Id, c.Categories is { Count: > 0 } cats ? cats.ToHashSet(StringComparer.Ordinal) : null,
                        c.ClassificationBranch),
                    Projection = projection, MatchKeys = ContactMatchKeys.Function,
                    Rails = new RailOptions { MassDeleteShare = c.MassDeleteShare },
                });
            default:
                throw new JobFailedException($"Section type {section.GetType().Name} cannot be synced to a mailbox.");
        }
    }
}
