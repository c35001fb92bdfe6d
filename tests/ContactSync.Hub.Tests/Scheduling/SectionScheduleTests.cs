using ContactSync.Hub.Scheduling;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tests.Support;

namespace ContactSync.Hub.Tests.Scheduling;

public class SectionScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Warsaw = TimeZones.Find("Europe/Warsaw");

    [Fact]
    public async Task An_off_section_runs_again_when_the_target_gets_another_policy_or_the_section_changes()
    {
        var clock = new ManualClock(T0);
        var hub = await TestHub.CreateAsync(time: clock);
        await hub.PolicyAsync("""{ "contacts": { "interval": "off" } }""", "a");
        await hub.PolicyAsync("""{ "contacts": { "interval": "off", "importAll": true } }""", "b");
        clock.Now = T0.AddHours(1);
        var target = (await hub.Targets.SaveAsync(hub.TenantId, new Target("anna", TargetKind.Mailbox, "anna@contoso.pl", null, "a", []))).Value!;
        Assert.Equal(T0.AddHours(1), target.PolicyAssignedAt);
        var a = (await hub.Policies.GetAsync(hub.TenantId, "a"))!.Contacts!;
        Assert.Equal(T0.AddHours(1), SectionSchedule.NextDue(a, target, Warsaw, null, clock.Now));
        var ran = T0.AddHours(1).AddMinutes(1);
        Assert.Null(SectionSchedule.NextDue(a, target, Warsaw, ran, T0.AddDays(5)));

        // Saving the target unchanged keeps its assignment time; moving it to policy b makes b's off section due.
        clock.Now = T0.AddDays(2);
        Assert.Equal(T0.AddHours(1), (await hub.Targets.SaveAsync(hub.TenantId, target)).Value!.PolicyAssignedAt);
        var moved = (await hub.Targets.SaveAsync(hub.TenantId, target with { PolicyId = "b" })).Value!;
        var b = (await hub.Policies.GetAsync(hub.TenantId, "b"))!.Contacts!;
        Assert.Equal(T0.AddDays(2), SectionSchedule.NextDue(b, (await hub.Targets.GetAsync(hub.TenantId, "anna"))!, Warsaw, ran, clock.Now));

        // Changing b's section later makes it due once more.
        clock.Now = T0.AddDays(3);
        await hub.PolicyAsync("""{ "contacts": { "interval": "off", "importAll": false } }""", "b");
        b = (await hub.Policies.GetAsync(hub.TenantId, "b"))!.Contacts!;
        Assert.Equal(T0.AddDays(3), SectionSchedule.NextDue(b, moved, Warsaw, T0.AddDays(2).AddMinutes(1), clock.Now));
    }
}
