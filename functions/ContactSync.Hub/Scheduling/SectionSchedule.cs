using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;

namespace ContactSync.Hub.Scheduling;

/// <summary><see cref="Schedule.NextDue"/> for one target's policy section: the schedule counts as applied when the
/// section's settings last changed or when the target got the policy, whichever is later.</summary>
public static class SectionSchedule
{
    public static DateTimeOffset AppliedAt(IPolicySection section, Target target) =>
        new[] { section.ChangedAt, target.PolicyAssignedAt }.Max() ?? DateTimeOffset.UnixEpoch;

    public static DateTimeOffset? NextDue(IPolicySection section, Target target, TimeZoneInfo zone, DateTimeOffset? lastRunUtc,
        DateTimeOffset nowUtc) =>
        Schedule.NextDue(section.Interval, section.TimeOfDay, zone, lastRunUtc, AppliedAt(section, target), nowUtc);
}
