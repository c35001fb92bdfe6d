using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;

namespace ContactSync.Handler.Sync;

/// <summary>Times of day are the tenant's local time (M3): when a saved tenant's time zone differs from what it was, every
/// target's coming runs and backup move to the same local times in the new zone. The tenants API and the deployment's
/// provisioned tenants both save tenants, so both call this.</summary>
public sealed class TenantZoneChange(TargetStore targets, PolicyStore policies, TargetScheduling scheduling)
{
    public async Task ApplyAsync(Tenant? before, Tenant after, CancellationToken ct)
    {
        if (before is null || before.TimeZone == after.TimeZone) return;
        foreach (var target in await targets.ListAsync(after.Id, ct))
            await scheduling.ScheduleTargetAsync(after, target, await policies.GetAsync(after.Id, target.PolicyId, ct), ct, zoneChanged: true);
    }
}
