using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Projection;
using ContactSync.Graph.Contacts;
using ContactSync.Handler.Jobs;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;

namespace ContactSync.Handler.Sync;

/// <summary>The contacts store of one target and how hub items are projected onto it. <see cref="TwoWayAllowed"/> is
/// false for a device that cannot take part in a two-way sync (its capabilities say so): contacts run as an export.</summary>
public sealed record TargetSide(Target Target, IItemStore Store, IProjection Projection, bool TwoWayAllowed);

/// <summary>Opens a target's contacts: a mailbox's folder through Graph (Exchange projection with the tenant's phone
/// region), a device through the device contacts API or CardDAV. Used by the sync, the backups and the scheduled backups.</summary>
public sealed class TargetEndpoints(GraphClients graph)
{
    /// <summary><paramref name="folder"/>: the section's contact folder (mailboxes only; the target's own folder wins).
    /// Throws <see cref="JobFailedException"/> when the target cannot be reached as configured (no e-mail, no credential
    /// setting, a device answering 401).</summary>
    public Task<TargetSide> OpenAsync(Tenant tenant, Target target, string? folder, CancellationToken ct)
    {
        if (target.Kind == TargetKind.Mailbox)
        {
            var mailbox = target.Mailbox ?? throw new JobFailedException(TargetStore.OwnerEmailRequired);
            var store = new GraphContactStore(graph.For(tenant), new GraphContactsTarget(mailbox, target.ContactFolder ?? folder));
            return Task.FromResult(new TargetSide(target, store, new ExchangeContactProjection(new ContactNormaliser(tenant.DefaultRegion)), true));
        }
        throw new JobFailedException($"Target '{target.Id}' is a device; device endpoints are opened in the next step of issue 7.");
    }
}
