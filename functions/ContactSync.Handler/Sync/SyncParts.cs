using ContactSync.Engine.Normalisation;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;
using ContactSync.Handler.Jobs;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Policies;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;

namespace ContactSync.Handler.Sync;

/// <summary>The two sides of one (target, section) sync and how the engine runs it. <see cref="Notes"/> are warnings
/// about the run as a whole (a device that cannot sync two-way ran as an export), put first in its run record.</summary>
public sealed record SyncParts(IItemStore Hub, IItemStore Remote, SyncOptions Options, IReadOnlyList<string>? Notes = null)
{
    public RunRecord Record(string runId, string section, DateTimeOffset started, DateTimeOffset finished, RunReport report)
    {
        var record = RunRecord.From(runId, section, started, finished, report);
        return Notes is { Count: > 0 } notes ? record with { Warnings = [.. notes.Select(n => new ItemWarning(null, null, n)), .. record.Warnings] } : record;
    }
}

/// <summary>Composes a sync from the tenant, target and policy section; the target's side (mailbox or device) comes from
/// <see cref="TargetEndpoints"/>:
/// <list type="bullet">
/// <item>businessContacts (M7): the target's group members (read-only) exported to the mailbox or device; a member who
/// left is deleted from it; only managed copies (with the marker) are linked, so the user's own contacts are never touched.</item>
/// <item>contacts (M9–M12, M16): the tenant's hub contacts in the target's scope (its sync tag, categories,
/// classification branch) with the policy's direction, conflict policy and delete mode, projected to what the target
/// holds with the tenant's phone region; first-sync linking by e-mail or phone + name (M14). A device that does not
/// allow two-way sync (its capabilities) runs as an export, with a warning saying so.</item>
/// </list></summary>
public sealed class SyncComposer(ITableStore tables, BusinessContactScope scope, TargetEndpoints endpoints)
{
    public async Task<SyncParts> ComposeAsync(Tenant tenant, Target target, IPolicySection section, CancellationToken ct) =>
        Compose(tenant, target, Check(target, section), await endpoints.OpenAsync(tenant, target, section.Folder, ct));

    private static IPolicySection Check(Target target, IPolicySection section) => section is BusinessContactsSection or ContactsSection
        ? section
        : throw new JobFailedException($"Section type {section.GetType().Name} cannot be synced to a {JsonNames.Of(target.Kind)}.");

    private SyncParts Compose(Tenant tenant, Target target, IPolicySection section, TargetSide side)
    {
        if (section is BusinessContactsSection b)
            return new SyncParts(new BusinessContactsSource(scope, tenant.Id, target, b), side.Store, new SyncOptions
            {
                Direction = SyncDirection.Export, Policy = ConflictPolicy.HubWins, DeleteMode = DeleteMode.Propagate,
                Projection = side.Projection,
            });
        var c = (ContactsSection)section;
        var exportOnly = c.Direction != SyncDirection.Export && !side.TwoWayAllowed;
        return new SyncParts(new TableHubContactStore(tables, tenant.Id), side.Store, new SyncOptions
        {
            Direction = exportOnly ? SyncDirection.Export : c.Direction, Policy = c.ConflictPolicy, DeleteMode = c.DeleteMode,
            Scope = new Scope(target.Id, c.Categories is { Count: > 0 } cats ? cats.ToHashSet(StringComparer.Ordinal) : null,
                c.ClassificationBranch),
            Projection = side.Projection, MatchKeys = ContactMatchKeys.Function,
            Rails = new RailOptions { MassDeleteShare = c.MassDeleteShare },
        }, exportOnly
            ? [$"contacts ran as an export instead of {JsonNames.Of(c.Direction)}: the device does not allow two-way sync (its capabilities say twoWay false or readOnly)."]
            : null);
    }
}
