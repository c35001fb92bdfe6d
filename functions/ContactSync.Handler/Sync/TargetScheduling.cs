using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;

namespace ContactSync.Handler.Sync;

/// <summary>Puts a target's sections into the due index (M2, M3): when a policy is applied or changed (every section,
/// from its last run) and after each run (that section). A section the policy no longer has is taken out.</summary>
public sealed class TargetScheduling(DueIndex due, SyncStateStore state, TimeProvider clock)
{
    /// <summary>(Re)schedules every section of <paramref name="target"/> under <paramref name="policy"/> (null: none).</summary>
    public async Task ScheduleTargetAsync(Tenant tenant, Target target, Policy? policy, CancellationToken ct = default)
    {
        foreach (var name in PolicySections.All)
        {
            var key = new SyncKey(tenant.Id, target.Id, name);
            var lastRun = (await state.GetAsync(key, ct))?.LastRun?.At;
            await ScheduleSectionAsync(tenant, target, name, policy?.Section(name), lastRun, ct);
        }
    }

    /// <summary>Schedules one section from its last run (null when it never ran); null section: not due any more.</summary>
    public async Task<DateTimeOffset?> ScheduleSectionAsync(Tenant tenant, Target target, string sectionName, IPolicySection? section,
        DateTimeOffset? lastRunUtc, CancellationToken ct = default)
    {
        var key = new SyncKey(tenant.Id, target.Id, sectionName);
        if (section is null)
        {
            if (await state.GetAsync(key, ct) is not null) await due.ScheduleAsync(key, null, "removed from the policy", ct);
            return null;
        }
        var zone = TimeZones.TryFind(tenant.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var next = SectionSchedule.NextDue(section, target, zone, lastRunUtc, clock.GetUtcNow());
        await due.ScheduleAsync(key, next, Describe(section), ct);
        return next;
    }

    private static string Describe(IPolicySection s) =>
        s.Interval.IsCalendar && s.TimeOfDay is { } t ? $"{s.Interval} at {t:HH\\:mm}" : s.Interval.ToString();
}
