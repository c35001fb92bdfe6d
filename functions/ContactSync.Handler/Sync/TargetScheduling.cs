using ContactSync.Hub.Backups;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;

namespace ContactSync.Handler.Sync;

/// <summary>Puts a target's sections into the due index (M2, M3): when a policy is applied or changed (every section,
/// from its last run) and after each run (that section). A section the policy no longer has is taken out. The policy's
/// backup (M23) is scheduled the same way under the section name <c>backup</c>.</summary>
public sealed class TargetScheduling(DueIndex due, SyncStateStore state, TimeProvider clock)
{
    /// <summary>(Re)schedules every section of <paramref name="target"/> under <paramref name="policy"/> (null: none);
    /// <paramref name="zoneChanged"/>: the tenant's time zone changed, so the backup's coming due time moves too.</summary>
    public async Task ScheduleTargetAsync(Tenant tenant, Target target, Policy? policy, CancellationToken ct = default, bool zoneChanged = false)
    {
        foreach (var name in PolicySections.All)
        {
            var key = new SyncKey(tenant.Id, target.Id, name);
            var lastRun = (await state.GetAsync(key, ct))?.LastRun?.At;
            await ScheduleSectionAsync(tenant, target, name, policy?.Section(name), lastRun, ct);
        }
        var backup = await state.GetAsync(BackupKey(tenant.Id, target.Id), ct);
        // The backup section has no change time of its own (the policy's UpdatedAt moves with any section): an unchanged
        // backup schedule keeps its coming due time, so editing another section does not move the backup.
        if (!zoneChanged && policy?.Backup is { } b && backup is { NextDue: { } next } && next > clock.GetUtcNow() && backup.Interval == Describe(b.Interval, b.TimeOfDay))
            return;
        await ScheduleBackupAsync(tenant, target, policy, backup?.LastRun?.At, ct);
    }

    /// <summary>Schedules one section from its last run (null when it never ran); null section: not due any more.</summary>
    public async Task<DateTimeOffset?> ScheduleSectionAsync(Tenant tenant, Target target, string sectionName, IPolicySection? section,
        DateTimeOffset? lastRunUtc, CancellationToken ct = default)
    {
        var key = new SyncKey(tenant.Id, target.Id, sectionName);
        if (section is null) return await UnscheduleAsync(key, ct);
        var next = SectionSchedule.NextDue(section, target, Zone(tenant), lastRunUtc, clock.GetUtcNow());
        await due.ScheduleAsync(key, next, Describe(section.Interval, section.TimeOfDay), ct);
        return next;
    }

    /// <summary>Schedules the target's backup from its last one (null: never taken), at the policy's backup interval and
    /// local time of day; a policy without a backup section (or none) takes it out of the due index. The schedule counts
    /// as applied when the policy was last saved or the target got it, whichever is later.</summary>
    public async Task<DateTimeOffset?> ScheduleBackupAsync(Tenant tenant, Target target, Policy? policy, DateTimeOffset? lastRunUtc,
        CancellationToken ct = default)
    {
        var key = BackupKey(tenant.Id, target.Id);
        if (policy?.Backup is not { } backup) return await UnscheduleAsync(key, ct);
        var appliedAt = new[] { policy.UpdatedAt, target.PolicyAssignedAt }.Max() ?? DateTimeOffset.UnixEpoch;
        var next = Schedule.NextDue(backup.Interval, backup.TimeOfDay, Zone(tenant), lastRunUtc, appliedAt, clock.GetUtcNow());
        await due.ScheduleAsync(key, next, Describe(backup.Interval, backup.TimeOfDay), ct);
        return next;
    }

    public static SyncKey BackupKey(string tenantId, string targetId) => new(tenantId, targetId, BackupSection.Name);

    private async Task<DateTimeOffset?> UnscheduleAsync(SyncKey key, CancellationToken ct)
    {
        if (await state.GetAsync(key, ct) is not null) await due.ScheduleAsync(key, null, "removed from the policy", ct);
        return null;
    }

    private static TimeZoneInfo Zone(Tenant tenant) => TimeZones.TryFind(tenant.TimeZone, out var z) ? z : TimeZoneInfo.Utc;

    private static string Describe(Interval interval, TimeOnly? time) =>
        interval.IsCalendar && time is { } t ? $"{interval} at {t.ToString(t.Second == 0 ? "HH:mm" : "HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)}" : interval.ToString();
}
